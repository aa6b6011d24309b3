"""Bulk evidence (issue 17): several files at once, each linked to the chosen indicators, the
same checks as a single upload, all or nothing; the year's list; access."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sakip.web.plans.models import ANNUAL, Actual, Indicator
from sakip.web.workflow.models import AgencyYear, AuditEntry, Evidence
from tests.web.test_web_evidence import PDF, PNG, xlsx
from tests.web.world import YEAR


def url(world, name="evidence_list", agency=None, **extra):
    return reverse(name, kwargs={"agency": (agency or world.a).pk, "year": YEAR, **extra})


def indicators(world, *codes):
    return [Indicator.objects.get(agency=world.a, code=c).pk for c in codes]


def bulk(client, world, files, codes=("IKU-02", "IKU-06")):
    return client.post(url(world), {"berkas": [SimpleUploadedFile(n, c) for n, c in files],
                                    "indikator": indicators(world, *codes)})


def test_several_files_are_uploaded_at_once_each_linked_to_the_chosen_indicators(world,
                                                                                 operator_a):
    response = bulk(operator_a, world, [("surat.pdf", PDF), ("foto.png", PNG),
                                        ("data.xlsx", xlsx())], codes=("IKU-02", "IKU-06", "IKP-2.1"))
    assert response.status_code == 302
    assert Evidence.objects.count() == 3
    for e in Evidence.objects.all():
        codes = {e.actual.indicator.code, *(a.indicator.code for a in e.links.all())}
        assert codes == {"IKU-02", "IKU-06", "IKP-2.1"}
        assert e.uploaded_by.username == "operator_a"
    # each indicator's page lists the files linked to it, and the history says so
    k = Indicator.objects.get(agency=world.a, code="IKP-2.1")
    page = operator_a.get(url(world, "actual_detail", indicator=k.pk)).content.decode()
    assert "surat.pdf" in page and "foto.png" in page
    assert AuditEntry.objects.filter(key=f"realisasi:IKP-2.1:{YEAR}:0", field="bukti",
                                     new="data.xlsx").exists()


def test_the_years_list_shows_file_indicators_who_when_and_size(world, operator_a, head_a):
    bulk(operator_a, world, [("surat.pdf", PDF)])
    page = head_a.get(url(world)).content.decode()
    row = page.split('data-name="surat.pdf"')[1].split("</tr>")[0]
    assert "IKU-02" in row and "IKU-06" in row and "operator_a" in row and "45" in row
    assert "hapus" not in row  # the head reads; only the operator edits
    e = Evidence.objects.get()
    assert head_a.get(url(world, "evidence_file", evidence=e.pk)).status_code == 200


def test_one_bad_file_refuses_the_whole_upload(world, operator_a):
    response = bulk(operator_a, world, [("surat.pdf", PDF), ("program.pdf", b"MZ\x90\x00 exe")])
    page = response.content.decode()
    assert response.status_code == 400 and "program.pdf" in page and "bukan PDF" in page
    assert not Evidence.objects.exists()


def test_the_size_limit_of_a_single_upload_holds_for_each_file(world, operator_a, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    response = bulk(operator_a, world, [("besar.pdf", PDF + b"\x00" * 2048)])
    assert response.status_code == 400 and "terlalu besar" in response.content.decode()
    assert not Evidence.objects.exists()


def test_at_least_one_indicator_is_chosen(world, operator_a):
    response = bulk(operator_a, world, [("surat.pdf", PDF)], codes=())
    assert response.status_code == 400 and "paling sedikit satu indikator" in response.content.decode()


def test_another_agencys_indicator_cannot_be_linked(world, operator_a):
    other = Indicator.objects.filter(agency=world.b).first()
    response = operator_a.post(url(world), {"berkas": [SimpleUploadedFile("s.pdf", PDF)],
                                            "indikator": [other.pk]})
    assert response.status_code == 400 and not Evidence.objects.exists()


def test_a_missing_realisation_is_created_provisional_through_the_write_path(world, operator_a):
    k = Indicator.objects.get(agency=world.a, code="IKK-1.1")
    assert not Actual.objects.filter(indicator=k, year=YEAR, period=ANNUAL).exists()
    assert bulk(operator_a, world, [("surat.pdf", PDF)], codes=("IKU-02", "IKK-1.1")).status_code == 302
    row = Actual.objects.get(indicator=k, year=YEAR, period=ANNUAL, month=ANNUAL)
    assert row.status == "provisional" and row.linked_evidence.count() == 1
    assert AuditEntry.objects.filter(key=f"realisasi:IKK-1.1:{YEAR}:0", field="status").exists()


def test_deleting_from_the_list_comes_back_to_it(world, operator_a):
    bulk(operator_a, world, [("surat.pdf", PDF)])
    e = Evidence.objects.get()
    response = operator_a.post(url(world, "evidence_delete", evidence=e.pk) + "?dari=daftar")
    assert response.status_code == 302 and response["Location"] == url(world)
    assert not Evidence.objects.exists()
    assert AuditEntry.objects.filter(key=f"realisasi:IKU-06:{YEAR}:0", field="bukti",
                                     old="surat.pdf", new=None).exists()


@pytest.mark.parametrize("persona", ["head_a", "operator_b", "inspector", "admin", "anonymous"])
def test_only_the_agencys_operator_uploads(world, persona, request):
    client = request.getfixturevalue(persona)
    response = bulk(client, world, [("surat.pdf", PDF)])
    assert response.status_code in (302, 403, 404) and not Evidence.objects.exists()
    if persona == "anonymous":
        assert "masuk" in response["Location"]
    else:
        assert response.status_code in (403, 404)


def test_no_upload_while_the_year_is_not_editable(world, operator_a):
    AgencyYear.objects.update_or_create(agency=world.a, year=YEAR, defaults={"state": "submitted"})
    assert bulk(operator_a, world, [("surat.pdf", PDF)]).status_code == 403
    page = operator_a.get(url(world)).content.decode()
    assert "evidence-upload" not in page
    assert not Evidence.objects.exists()


def test_operator_b_cannot_read_agency_as_list(world, operator_b):
    assert operator_b.get(url(world)).status_code in (403, 404)


def test_each_files_indicators_can_be_changed_after_the_upload(world, operator_a):
    bulk(operator_a, world, [("surat.pdf", PDF), ("foto.png", PNG)])
    photo = Evidence.objects.get(name="foto.png")
    page = operator_a.get(url(world, "evidence_links", evidence=photo.pk)).content.decode()
    assert "checked" in page
    response = operator_a.post(url(world, "evidence_links", evidence=photo.pk),
                               {"indikator": indicators(world, "IKU-06", "IKK-1.1")})
    assert response.status_code == 302 and response["Location"] == url(world)
    photo.refresh_from_db()
    assert photo.actual.indicator.code == "IKU-06"  # still held by a realisation it supports
    assert {a.indicator.code for a in photo.links.all()} == {"IKK-1.1"}
    letter = Evidence.objects.get(name="surat.pdf")  # the other file keeps its indicators
    assert {letter.actual.indicator.code, *(a.indicator.code for a in letter.links.all())} == {
        "IKU-02", "IKU-06"}
    assert AuditEntry.objects.filter(key=f"realisasi:IKU-02:{YEAR}:0", field="bukti",
                                     old="foto.png", new=None).exists()
    assert AuditEntry.objects.filter(key=f"realisasi:IKK-1.1:{YEAR}:0", field="bukti",
                                     new="foto.png").exists()
    response = operator_a.post(url(world, "evidence_links", evidence=photo.pk), {"indikator": []})
    assert response.status_code == 400 and "paling sedikit satu indikator" in response.content.decode()


def test_only_the_operator_changes_a_files_indicators(world, operator_a, head_a, operator_b):
    bulk(operator_a, world, [("surat.pdf", PDF)])
    e = Evidence.objects.get()
    for client in (head_a, operator_b):
        response = client.post(url(world, "evidence_links", evidence=e.pk),
                               {"indikator": indicators(world, "IKU-06")})
        assert response.status_code in (403, 404)
    assert e.links.count() == 1


def test_a_linked_file_counts_as_evidence_wherever_an_own_one_does(world, operator_a):
    """The one reader of "which realisations has a file" (completeness uses it), the
    snapshot's evidence list and the write path read the links too."""
    from dataclasses import replace

    from sakip.web.plans.convert import plan_from_db
    from sakip.web.plans.write import write
    from sakip.web.workflow.snapshots import evidence_list
    from sakip.web.workflow.support import with_evidence

    bulk(operator_a, world, [("surat.pdf", PDF)], codes=("IKU-02", "IKU-06"))
    e = Evidence.objects.get()
    linked = e.links.get()
    ids = with_evidence(Actual.objects.filter(indicator__agency=world.a, year=YEAR))
    assert {e.actual_id, linked.pk} <= ids
    listed = {(row["indicator"], row["name"]) for row in evidence_list(world.a, YEAR)}
    assert listed == {("IKU-02", "surat.pdf"), ("IKU-06", "surat.pdf")}
    hashes = {row["sha256"] for row in evidence_list(world.a, YEAR)}
    assert len(hashes) == 1 and None not in hashes  # one file, hashed once

    def without_linked(plan):  # the linked realisation removed from the plan
        code = linked.indicator.code
        indicators = tuple(replace(i, actuals=tuple(a for a in i.actuals if a.year != YEAR))
                           if i.code == code else i for i in plan.indicators)
        return replace(plan, indicators=indicators)

    before = plan_from_db(world.a)
    outcome = write(world.a, None, without_linked)
    assert [p.code for p in outcome.problems] == ["RECORD_HAS_EVIDENCE"]
    assert plan_from_db(world.a) == before and e.links.count() == 1
