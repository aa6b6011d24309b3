"""The region entry workbook (issue 18): every agency's entry workbook of a period in one file,
downloaded and uploaded by the region admin; each agency's changes saved through the one write
path, all or nothing, every problem located by the region workbook's sheet, row and column."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sakip.io.entry.layout import FIRST_ROW, HEADER_ROW, INDICATORS
from sakip.io.workbook.region import INDEX, sheet_name
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear, AuditEntry
from tests.web.test_web_entry_workbook import open_row
from tests.web.world import YEAR, World

URL = f"/wilayah/{YEAR}/isian-excel/"


def download(client: Client, slug: str = "tw3") -> bytes:
    response = client.get(URL + f"unduh.xlsx?periode={slug}")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'-{YEAR}-{slug}.xlsx"')
    return response.content


def numbers(content: bytes) -> dict[str, int]:
    """Each agency's number in the Daftar sheet, by its code."""
    sheet = openpyxl.load_workbook(io.BytesIO(content))[INDEX]
    return {str(row[1]): int(row[0]) for row in sheet.iter_rows(min_row=4, values_only=True)
            if row[0] is not None}


def filled(content: bytes, changes: dict[tuple[int, str], dict[str, object]]) -> bytes:
    """``content`` with, per (agency number, indicator code), its cells by header."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    for (number, code), values in changes.items():
        ws = book[sheet_name(number, INDICATORS)]
        headers = [c.value for c in ws[HEADER_ROW]]
        row = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 1).value == code)
        for header, value in values.items():
            ws.cell(row, headers.index(header) + 1).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client: Client, content: bytes, slug: str = "tw3"):  # type: ignore[no-untyped-def]
    return client.post(URL, {"periode": slug, "alasan": "isian wilayah",
                             "berkas": SimpleUploadedFile("wilayah.xlsx", content)})


def q3(agency: Agency, code: str):  # type: ignore[no-untyped-def]
    indicator = plan_from_db(agency).indicator_by_code[code]
    return next((a for a in indicator.actuals if (a.year, a.quarter, a.month) == (YEAR, 3, None)),
                None)


def _changes(world: World, content: bytes) -> tuple[dict, dict]:  # type: ignore[type-arg]
    number = numbers(content)
    code_a, value_a = open_row(plan_from_db(world.a))
    code_b, value_b = open_row(plan_from_db(world.b))
    cells = {"Status": "Sementara", "Alasan": "menunggu verifikasi", "Faktor penghambat": None,
             "Rencana tindak lanjut": None, "Faktor pendorong": None}
    changes = {(number[world.a.code], code_a): {"Realisasi Triwulan III": float(value_a), **cells},
               (number[world.b.code], code_b): {"Realisasi Triwulan III": float(value_b), **cells}}
    return changes, {world.a.code: (code_a, value_a), world.b.code: (code_b, value_b)}


def test_the_round_trip_saves_every_agency_through_the_write_path(world: World,
                                                                  admin: Client) -> None:
    content = download(admin)
    book = openpyxl.load_workbook(io.BytesIO(content))
    number = numbers(content)
    assert set(number) == {world.a.code, world.b.code}
    for agency in (world.a, world.b):
        sheet = book[sheet_name(number[agency.code], INDICATORS)]
        assert agency.name in sheet["A1"].value and sheet.protection.sheet
    changes, wanted = _changes(world, content)
    response = upload(admin, filled(content, changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    for agency in (world.a, world.b):
        code, value = wanted[agency.code]
        saved = q3(agency, code)
        assert saved is not None and saved.value == value
        assert saved.reason == "menunggu verifikasi"
        assert AuditEntry.objects.filter(agency=agency, key=f"realisasi:{code}:{YEAR}:3",
                                         field="reason", new="menunggu verifikasi").exists()
        assert AuditEntry.objects.filter(key=f"isian:{agency.code}:{YEAR}:tw3",
                                         new="wilayah.xlsx").exists()


def test_a_locked_agency_year_refuses_the_whole_file(world: World, admin: Client) -> None:
    content = download(admin)
    changes = _changes(world, content)[0]
    AgencyYear.objects.get_or_create(agency=world.b, year=YEAR)
    AgencyYear.objects.filter(agency=world.b, year=YEAR).update(state="approved")
    before_a, before_b = plan_from_db(world.a), plan_from_db(world.b)
    audit = AuditEntry.objects.count()
    response = upload(admin, filled(content, changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert "RECORD_YEAR_LOCKED" in page
    assert f"lembar &#x27;{sheet_name(numbers(content)[world.b.code], INDICATORS)}&#x27;" in page
    assert plan_from_db(world.a) == before_a and plan_from_db(world.b) == before_b
    assert AuditEntry.objects.count() == audit  # nothing written, A's sound part neither


def test_a_broken_file_is_located_and_nothing_is_written(world: World, admin: Client) -> None:
    content = download(admin)
    number = numbers(content)
    book = openpyxl.load_workbook(io.BytesIO(content))
    ws = book[sheet_name(number[world.b.code], INDICATORS)]
    ws.cell(FIRST_ROW, 2).value = "nama diubah"  # a shown cell
    code, value = open_row(plan_from_db(world.a))
    out = io.BytesIO()
    book.save(out)
    broken = filled(out.getvalue(), {(number[world.a.code], code):
                                     {"Realisasi Triwulan III": float(value)}})
    before = plan_from_db(world.a)
    response = upload(admin, broken)
    assert response.status_code == 400
    page = response.content.decode()
    assert "ENTRY_PROTECTED_CHANGED" in page
    assert f"lembar &#x27;{sheet_name(number[world.b.code], INDICATORS)}&#x27;" in page
    assert f"baris {FIRST_ROW}" in page and "kolom B" in page
    assert plan_from_db(world.a) == before
    response = upload(admin, download(admin), slug="tw2")
    assert response.status_code == 400 and "ENTRY_OTHER_PERIOD" in response.content.decode()
    one = admin.get(f"/opd/{world.a.pk}/{YEAR}/isian-excel/unduh.xlsx?periode=tw3").content
    response = upload(admin, one)
    assert response.status_code == 400 and "REGION_NOT_REGION" in response.content.decode()


def test_only_the_region_admin_may_use_it(world: World) -> None:
    for persona in ("inspector", "operator_a", "head_a"):
        client = world.client(persona)
        assert client.get(URL).status_code == 403
        assert client.get(URL + "unduh.xlsx?periode=tw3").status_code == 403
