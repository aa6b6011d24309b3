"""The entry workbook from the web: downloaded by whoever may read the agency's year, uploaded
by its operator, saved through the one write path with its checks."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sakip.core.enums import Polarity
from sakip.io.entry import EntryPeriod
from sakip.io.entry.grain import closed
from sakip.io.entry.layout import FIRST_ROW, HEADER_ROW, INDICATORS
from sakip.web.entry import entry_workbook
from sakip.web.plans.convert import plan_from_db
from sakip.web.workflow.models import AgencyYear, AuditEntry
from tests.web.world import PERSONAS, YEAR

Q3 = EntryPeriod(YEAR, quarter=3)
READERS = {"admin", "inspector", "operator_a", "head_a"}


def url(world, name, agency=None):
    return reverse(name, kwargs={"agency": (agency or world.a).pk, "year": YEAR})


def download(client, world, slug="tw3", agency=None):
    return client.get(url(world, "entry_workbook_download", agency) + f"?periode={slug}")


def open_row(plan):
    """A numeric, higher-is-better indicator with a target of the third quarter, open for
    entry in a quarterly workbook: (its code, that target)."""
    for indicator in plan.indicators:
        target = next((t for t in indicator.targets
                       if (t.year, t.quarter, t.month) == (YEAR, 3, None)), None)
        if (target is not None and target.value and indicator.polarity is Polarity.POSITIVE
                and not indicator.is_qualitative and indicator.formula is None
                and closed((*indicator.targets, *indicator.actuals), Q3) is None):
            return indicator.code, target.value
    pytest.skip("the example has no indicator with a third-quarter target open for entry")


def filled(content: bytes, code: str, values: dict[str, object]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(content))
    ws = book[INDICATORS]
    headers = [c.value for c in ws[HEADER_ROW]]
    row = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 1).value == code)
    for header, value in values.items():
        ws.cell(row, headers.index(header) + 1).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, world, content, slug="tw3", name="isian.xlsx"):
    return client.post(url(world, "entry_workbook"),
                       {"periode": slug, "berkas": SimpleUploadedFile(name, content),
                        "alasan": "isian triwulan"})


def q3_actual(world, code):
    indicator = plan_from_db(world.a).indicator_by_code[code]
    return next((a for a in indicator.actuals if (a.year, a.quarter, a.month) == (YEAR, 3, None)),
                None)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_download_is_for_whoever_reads_the_agency(world, persona):
    response = download(world.client(persona), world)
    if persona in READERS:
        assert response.status_code == 200
        assert response["Content-Disposition"].endswith(f'isian-{world.a.code}-{YEAR}-tw3.xlsx"')
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        assert book[INDICATORS]["A1"].value.startswith("Isian realisasi Triwulan III 2020")
    elif persona == "anonymous":
        assert response.status_code == 302 and "/masuk/" in response["Location"]
    else:
        assert response.status_code == 403


def test_an_unknown_period_is_not_found(world, operator_a):
    assert download(operator_a, world, "tw9").status_code == 404


def test_the_page_shows_both_forms_to_the_operator_and_the_download_to_readers(world, operator_a,
                                                                            inspector):
    page = operator_a.get(url(world, "entry_workbook")).content.decode()
    assert 'id="entry-download"' in page and 'id="entry-upload"' in page
    page = inspector.get(url(world, "entry_workbook")).content.decode()
    assert 'id="entry-download"' in page and 'id="entry-upload"' not in page
    grid = operator_a.get(url(world, "actuals")).content.decode()
    assert url(world, "entry_workbook") in grid  # linked from the realisation grid


@pytest.mark.parametrize("persona", sorted(set(PERSONAS) - {"operator_a"}))
def test_an_upload_is_refused_to_everyone_but_the_operator(world, persona, operator_a):
    content = download(operator_a, world).content
    code, value = open_row(plan_from_db(world.a))
    before = AuditEntry.objects.count()
    response = upload(world.client(persona), world,
                      filled(content, code, {"Realisasi Triwulan III": float(value)}))
    if persona == "anonymous":
        assert response.status_code == 302 and "/masuk/" in response["Location"]
    else:
        assert response.status_code == 403
    assert AuditEntry.objects.count() == before


def test_the_operators_upload_is_saved_and_recorded(world, operator_a):
    code, value = open_row(plan_from_db(world.a))
    content = filled(download(operator_a, world).content, code,
                     {"Realisasi Triwulan III": float(value), "Status": "Sementara",
                      "Alasan": "menunggu verifikasi", "Faktor penghambat": None,
                      "Rencana tindak lanjut": None, "Faktor pendorong": None})
    response = upload(operator_a, world, content)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == url(world, "actuals")
    saved = q3_actual(world, code)
    assert saved.value == value and saved.reason == "menunggu verifikasi"
    assert AuditEntry.objects.filter(key=f"realisasi:{code}:{YEAR}:3", field="reason",
                                     new="menunggu verifikasi").exists()
    assert AuditEntry.objects.filter(key=f"isian:{world.a.code}:{YEAR}:tw3",
                                     new="isian.xlsx").exists()
    again = upload(operator_a, world, content)  # the same values again: nothing changes
    assert again.status_code == 302
    assert q3_actual(world, code) == saved


def test_an_off_track_value_without_causes_is_refused_with_its_cell(world, operator_a):
    code, value = open_row(plan_from_db(world.a))
    before = plan_from_db(world.a)
    content = filled(download(operator_a, world).content, code,
                     {"Realisasi Triwulan III": float(value / 10), "Faktor penghambat": None,
                      "Rencana tindak lanjut": None})
    response = upload(operator_a, world, content)
    assert response.status_code == 400
    page = response.content.decode()
    assert "PLAN_OFF_TRACK_CAUSES" in page and "lembar &#x27;Indikator&#x27;" in page
    assert "kolom K" in page
    assert plan_from_db(world.a) == before


def test_another_agencys_or_periods_workbook_is_refused(world, operator_a, operator_b):
    before = plan_from_db(world.a)
    other = download(operator_b, world, agency=world.b).content
    response = upload(operator_a, world, other)
    assert response.status_code == 400 and "ENTRY_OTHER_AGENCY" in response.content.decode()
    mine = download(operator_a, world).content
    response = upload(operator_a, world, mine, slug="tw2")
    assert response.status_code == 400 and "ENTRY_OTHER_PERIOD" in response.content.decode()
    assert plan_from_db(world.a) == before


def test_a_locked_year_refuses_the_upload(world, operator_a, monkeypatch):
    code, value = open_row(plan_from_db(world.a))
    content = filled(download(operator_a, world).content, code,
                     {"Realisasi Triwulan III": float(value)})
    before = plan_from_db(world.a)
    read = entry_workbook.read_entry

    def locked_meanwhile(*args, **kwargs):  # the year is approved while the file is read
        entry = read(*args, **kwargs)
        AgencyYear.objects.filter(agency=world.a, year=YEAR).update(state="approved")
        return entry

    monkeypatch.setattr(entry_workbook, "read_entry", locked_meanwhile)
    response = upload(operator_a, world, content)
    assert response.status_code == 400
    assert "RECORD_YEAR_LOCKED" in response.content.decode()
    assert plan_from_db(world.a) == before
    response = upload(operator_a, world, content)  # and once locked, the page refuses it
    assert response.status_code == 403


def test_a_value_changed_on_the_web_after_the_download_is_kept(world, operator_a):
    code, value = open_row(plan_from_db(world.a))
    content = download(operator_a, world).content
    response = upload(operator_a, world, filled(content, code, {"Catatan": "dari web"}))
    assert response.status_code == 302
    other = next(i.code for i in plan_from_db(world.a).indicators
                 if i.code != code and closed((*i.targets, *i.actuals), Q3) is None)
    response = upload(operator_a, world, filled(content, other, {"Catatan": "dari Excel"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert q3_actual(world, code).note == "dari web"
    assert q3_actual(world, other).note == "dari Excel"
    assert isinstance(value, Decimal)
