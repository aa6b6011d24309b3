"""The review in the web: the inspectorate confirms or dismisses (with a reason) each automated
finding and adds its own; the agency answers and records the follow-up until it is closed; a
decision survives a re-run while the finding is unchanged, a finding that disappears is
resolved; outsiders change nothing; every change is audited; the papers and the statement are
printed from that state."""

from __future__ import annotations

import io

import docx
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from sakip.review.plan import review_plan
from sakip.web.plans.models import Indicator
from sakip.web.workflow.models import AuditEntry, FollowUpStep, ReviewFinding
from sakip.web.workflow.snapshots import plan_for
from tests.web.world import YEAR


def page_url(world):
    return reverse("review", kwargs={"agency": world.a.pk, "year": YEAR})


def paper(client, world, which):
    response = client.get(reverse("review_paper", kwargs={"agency": world.a.pk, "year": YEAR,
                                                          "which": which}))
    assert response.status_code == 200, which
    return response.content


def rows_of(client, world):
    """The finding rows of the review page: key → status, in order."""
    html = client.get(page_url(world)).content.decode()
    import re

    return dict(re.findall(r'data-key="([^"]+)" data-status="([a-z]+)"', html))


def key_of(client, world, code):
    return next(k for k in rows_of(client, world) if k.startswith(code + ":"))


def post(client, world, **data):
    return client.post(page_url(world), data)


def statement(client, world):
    content = paper(client, world, "pernyataan")
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


def audit(key_part):
    return list(AuditEntry.objects.filter(key__contains=key_part).order_by("id"))


def test_every_automated_finding_starts_pending_and_the_statement_is_a_draft(world, inspector):
    found = len(review_plan(plan_for(world.a, YEAR), YEAR))  # what the plan review finds
    rows = rows_of(inspector, world)
    assert found > 0 and len(rows) == found and set(rows.values()) == {"pending"}
    text = statement(inspector, world)
    assert f"DRAF — MENUNGGU KONFIRMASI: {found} temuan" in text
    assert "tidak terdapat kondisi atau hal-hal" not in text


def test_the_inspector_confirms_and_dismisses_with_a_reason(world, inspector):
    formula = key_of(inspector, world, "PLAN_FORMULA")
    budget = key_of(inspector, world, "PLAN_BUDGET_MISSING")
    assert post(inspector, world, aksi="konfirmasi", kunci=formula).status_code == 302
    refused = post(inspector, world, aksi="tolak", kunci=budget, alasan="  ")
    assert refused.status_code == 400 and "Alasan menolak temuan wajib diisi" in refused.content.decode()
    assert not ReviewFinding.objects.filter(key=budget).exists()
    post(inspector, world, aksi="konfirmasi", kunci=budget)  # then changes their mind
    assert post(inspector, world, aksi="tolak", kunci=budget,
                alasan="Program administrasi dibiayai dari belanja tidak langsung").status_code == 302
    rows = rows_of(inspector, world)
    assert rows[formula] == "confirmed" and rows[budget] == "dismissed"
    # a dismissed finding has no follow-up: the summary counts one open follow-up, the confirmed
    summary = "\n".join(c.text for t in docx.Document(io.BytesIO(paper(inspector, world, "chr"))).tables
                        for r in t.rows for c in r.cells)
    assert "Tindak lanjut belum ditindaklanjuti\n1" in summary and "Ditolak\n1" in summary
    stored = ReviewFinding.objects.get(key=budget)
    assert stored.reason.startswith("Program administrasi") and stored.decided_by.username == "inspector"
    changes = {(e.field, e.new) for e in audit(formula)}
    assert ("status", "confirmed") in changes and ("follow_up", "open") in changes
    assert audit(formula)[0].user.username == "inspector"
    assert ("reason", "Program administrasi dibiayai dari belanja tidak langsung") in {
        (e.field, e.new) for e in audit(budget)}


def test_the_statement_is_qualified_only_by_confirmed_findings(world, inspector):
    keys = list(rows_of(inspector, world))
    formula = key_of(inspector, world, "PLAN_FORMULA")
    for key in keys:
        if key != formula:
            post(inspector, world, aksi="tolak", kunci=key, alasan="diterima")
    text = statement(inspector, world)
    assert "DRAF" in text and "Kesimpulan reviu belum dapat ditetapkan" in text  # 1 pending
    post(inspector, world, aksi="tolak", kunci=formula, alasan="rumus lama")
    text = statement(inspector, world)
    assert "DRAF" not in text and "tidak terdapat kondisi atau hal-hal" in text
    post(inspector, world, aksi="konfirmasi", kunci=formula)
    text = statement(inspector, world)
    assert "DRAF" not in text and "terdapat 1 hal" in text and "perlu diperbaiki" in text


def test_the_inspector_adds_an_own_finding_the_papers_print(world, inspector):
    incomplete = post(inspector, world, aksi="temuan", kondisi="", kriteria="x", rekomendasi="y")
    assert incomplete.status_code == 400 and not ReviewFinding.objects.filter(own=True).exists()
    assert post(inspector, world, aksi="temuan", kondisi="Renstra tidak dilampirkan pada LKjIP.",
                kriteria="PermenPAN-RB 53/2014: lampiran memuat Renstra",
                rekomendasi="Melampirkan Renstra", lokasi="Lampiran", tingkat="warning",
                ).status_code == 302
    own = ReviewFinding.objects.get(own=True)
    assert own.status == "confirmed" and own.follow_up == "open" and own.created_by.username == "inspector"
    assert {e.field for e in audit(own.key)} >= {"kondisi", "kriteria", "rekomendasi", "status"}
    book = load_workbook(io.BytesIO(paper(inspector, world, "xlsx")))
    sheet = book["Kertas Kerja Reviu"]
    header = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "No")
    table = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(values_only=True)
             if isinstance(r[0], int)]
    mine = next(r for r in table if r["Kode"] == "REVIEWER_FINDING")
    assert mine["Kondisi"] == "Renstra tidak dilampirkan pada LKjIP." and mine["Lokasi"] == "Lampiran"
    assert mine["Kriteria"].startswith("PermenPAN-RB") and mine["Status"] == "dikonfirmasi"
    summary = "\n".join(p.text for p in docx.Document(io.BytesIO(paper(inspector, world, "chr"))).paragraphs)
    assert "Renstra tidak dilampirkan pada LKjIP." in summary and "Melampirkan Renstra" in summary


def test_the_agency_answers_and_follows_up_until_closed(world, inspector, operator_a, head_a):
    formula = key_of(inspector, world, "PLAN_FORMULA")
    early = post(operator_a, world, **{"aksi": "tindak-lanjut", "kunci": formula,
                                      "status": "in_progress", "uraian": "x"})
    assert early.status_code == 400  # not confirmed yet: nothing to follow up
    post(inspector, world, aksi="konfirmasi", kunci=formula)
    assert post(head_a, world, aksi="tanggapan", kunci=formula,
                tanggapan="Realisasi dihitung ulang dari data dasar").status_code == 302
    assert post(operator_a, world, **{"aksi": "tindak-lanjut", "kunci": formula,
                                      "status": "in_progress",
                                      "uraian": "Data kasus diverifikasi ulang"}).status_code == 302
    assert post(operator_a, world, **{"aksi": "tindak-lanjut", "kunci": formula,
                                      "status": "open", "uraian": "mundur"}).status_code == 400
    assert post(operator_a, world, **{"aksi": "tindak-lanjut", "kunci": formula,
                                      "status": "closed", "uraian": ""}).status_code == 400
    assert post(operator_a, world, **{"aksi": "tindak-lanjut", "kunci": formula,
                                      "status": "closed",
                                      "uraian": "LKjIP revisi memuat 4,87"}).status_code == 302
    again = post(operator_a, world, **{"aksi": "tindak-lanjut", "kunci": formula,
                                      "status": "closed", "uraian": "lagi"})
    assert again.status_code == 400 and "sudah selesai" in again.content.decode()
    row = ReviewFinding.objects.get(key=formula)
    assert row.follow_up == "closed" and row.answered_by.username == "head_a"
    steps = list(FollowUpStep.objects.filter(finding=row))
    assert [(s.status, s.by.username) for s in steps] == [("in_progress", "operator_a"),
                                                         ("closed", "operator_a")]
    trail = [(e.field, e.old, e.new) for e in audit(formula)]
    assert ("answer", None, "Realisasi dihitung ulang dari data dasar") in trail
    assert ("follow_up", "open", "in_progress") in trail and ("follow_up", "in_progress", "closed") in trail
    page = operator_a.get(page_url(world)).content.decode()
    assert "LKjIP revisi memuat 4,87" in page and "Realisasi dihitung ulang" in page
    book = load_workbook(io.BytesIO(paper(operator_a, world, "xlsx")))
    line = next(r for r in book["Kertas Kerja Reviu"].iter_rows(values_only=True) if r[2] == "PLAN_FORMULA")
    assert line[14] == "Realisasi dihitung ulang dari data dasar"
    assert line[15].startswith("selesai: ") and "LKjIP revisi memuat 4,87" in line[15]


@pytest.mark.parametrize("persona", ["operator_a", "head_a", "admin", "operator_b", "anonymous"])
def test_only_the_inspectorate_confirms_dismisses_adds_and_names_the_team(world, inspector, persona):
    client = world.client(persona)
    formula = key_of(inspector, world, "PLAN_FORMULA")
    before = AuditEntry.objects.count()
    for data in ({"aksi": "konfirmasi", "kunci": formula},
                 {"aksi": "tolak", "kunci": formula, "alasan": "x"},
                 {"aksi": "temuan", "kondisi": "a", "kriteria": "b", "rekomendasi": "c",
                  "tingkat": "warning"},
                 {"aksi": "tim", "number": "1"}):
        response = post(client, world, **data)
        if persona == "anonymous":
            assert response.status_code == 302 and "/masuk/" in response["Location"]
        else:
            assert response.status_code == 403, (persona, data["aksi"])
    assert AuditEntry.objects.count() == before and not ReviewFinding.objects.exists()


@pytest.mark.parametrize("persona", ["inspector", "admin", "operator_b", "anonymous"])
def test_only_the_agency_answers_and_records_follow_up(world, inspector, persona):
    formula = key_of(inspector, world, "PLAN_FORMULA")
    post(inspector, world, aksi="konfirmasi", kunci=formula)
    before = AuditEntry.objects.count()
    client = world.client(persona)
    for data in ({"aksi": "tanggapan", "kunci": formula, "tanggapan": "x"},
                 {"aksi": "tindak-lanjut", "kunci": formula, "status": "closed", "uraian": "x"}):
        response = post(client, world, **data)
        if persona == "anonymous":
            assert response.status_code == 302 and "/masuk/" in response["Location"]
        else:
            assert response.status_code == 403, (persona, data["aksi"])
    assert AuditEntry.objects.count() == before
    assert ReviewFinding.objects.get(key=formula).answer == ""


def test_a_decision_survives_a_re_run_and_a_finding_that_disappears_is_resolved(
        world, inspector, operator_a):
    formula = key_of(inspector, world, "PLAN_FORMULA")
    budget = key_of(inspector, world, "PLAN_BUDGET_MISSING")
    post(inspector, world, aksi="konfirmasi", kunci=formula)
    post(inspector, world, aksi="konfirmasi", kunci=budget)
    assert rows_of(inspector, world)[formula] == "confirmed"  # the review ran again: same key
    # the agency corrects the KDRT ratio to what its formula gives: the finding is gone
    k = Indicator.objects.get(agency=world.a, code="IKP-6.1")
    response = operator_a.post(reverse("actuals", kwargs={"agency": world.a.pk, "year": YEAR}),
                               {f"a-{k.pk}-s": "final", f"a-{k.pk}-v0": "4,87", f"a-{k.pk}-r": ""})
    assert response.status_code in (200, 302)
    rows = rows_of(inspector, world)
    assert rows[formula] == "resolved" and rows[budget] == "confirmed"
    assert list(rows).index(formula) > list(rows).index(budget)  # listed after the live ones
    text = statement(inspector, world)
    assert "terdapat 1 hal" in text  # the budget finding only; the resolved one no longer counts
    page = inspector.get(page_url(world)).content.decode()
    assert "Selesai (tidak ditemukan lagi)" in page


def test_the_team_is_named_by_the_inspectorate_and_printed_in_the_papers(world, inspector):
    assert post(inspector, world, aksi="tim", number="700/KKR-3/2021",
                members="Ani Lestari\nBudi Santoso", lead="Citra Dewi", supervisor="Dedi Kurnia",
                inspector="Drs. Eko Prasetyo", inspector_nip="196501011990031001",
                place="Tanjung Pandan").status_code == 302
    assert {e.field for e in audit(f"reviu:{YEAR}:tim")} >= {"number", "members", "lead"}
    book = load_workbook(io.BytesIO(paper(inspector, world, "xlsx")))
    labels = {r[0]: r for r in book["Kertas Kerja Reviu"].iter_rows(values_only=True)
              if isinstance(r[0], str)}
    assert labels["Nomor KKR"][3] == "700/KKR-3/2021"
    assert labels["Anggota tim"][3] == "Ani Lestari, Budi Santoso"
    assert labels["Ketua tim"][3] == "Citra Dewi" and labels["Pengendali teknis"][3] == "Dedi Kurnia"
    text = statement(inspector, world)
    assert "Drs. Eko Prasetyo" in text and "Tanjung Pandan" in text
    document = docx.Document(io.BytesIO(paper(inspector, world, "docx")))
    assert "700/KKR-3/2021" in document.sections[0].header.paragraphs[0].text


def test_an_unknown_paper_is_not_found(world, inspector):
    response = inspector.get(reverse("review_paper", kwargs={"agency": world.a.pk, "year": YEAR,
                                                             "which": "rahasia"}))
    assert response.status_code == 404
