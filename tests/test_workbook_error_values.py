"""Nothing lost silently: error values and ambiguous text numbers are located problems.

python-calamine shows a cell holding an error value (``#DIV/0!`` …) as an empty cell, so the
importer finds such cells in the sheet XML; a number typed as text whose one separator may
group thousands or mark decimals (``12.345``) is refused naming both readings.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from sakip.io.problems import InputError, Problem
from sakip.io.workbook import export_plan, import_workbook
from sakip.io.workbook.formulas import NO_VALUE, needs_scan, scan
from sakip.io.workbook.schema import normal_header
from tests.workbook_plans import full_plan

ERRORS = ("#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!")


def exported() -> Workbook:
    buffer = io.BytesIO()
    export_plan(full_plan(), buffer)
    return load_workbook(io.BytesIO(buffer.getvalue()))


def column(sheet: Worksheet, header: str) -> int:
    for cell in sheet[1]:
        if cell.value is not None and normal_header(str(cell.value)) == normal_header(header):
            return int(cell.column)
    raise KeyError(header)


def put_error(sheet: Worksheet, row: int, col: int, value: str) -> None:
    cell = sheet.cell(row=row, column=col)
    cell.value = value
    cell.data_type = "e"


def problems(book: Workbook, tmp_path: Path) -> list[Problem]:
    path = tmp_path / "book.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        import_workbook(path)
    return caught.value.problems


def where(found: list[Problem], code: str) -> list[tuple[str | None, int | None, str | None]]:
    return [(p.sheet, p.row, p.column) for p in found if p.code == code]


@pytest.mark.parametrize("value", ERRORS)
def test_an_error_value_in_the_target_column_is_named_not_an_empty_target(
        tmp_path: Path, value: str) -> None:
    book = exported()
    put_error(book["Target"], 2, column(book["Target"], "Target"), value)
    found = problems(book, tmp_path)
    assert {p.code for p in found} == {"XLSX_ERROR_VALUE"}  # not PLAN_EMPTY_TARGET
    assert where(found, "XLSX_ERROR_VALUE") == [("Target", 2, "E (Target)")]
    assert value in found[0].message_id and value in found[0].message_en


def test_error_values_anywhere_are_located(tmp_path: Path) -> None:
    book = exported()
    budgets = book["Anggaran"]
    put_error(budgets, 2, column(budgets, "Realisasi anggaran"), "#DIV/0!")
    settings = book["Pengaturan"]
    row = next(c.row for c in settings["A"]
               if c.value and normal_header(str(c.value)) == normal_header("Desimal capaian"))
    put_error(settings, row, 2, "#REF!")
    put_error(settings, row, 3, "#N/A")  # the help column
    cells = book["Isi Data Dukung"]
    letter = chr(64 + cells.max_column)
    put_error(cells, 3, cells.max_column, "#VALUE!")  # a free column of a table
    targets = book["Target"]
    width = targets.max_column
    put_error(targets, 2, width + 2, "#NAME?")  # under no header
    put_error(targets, 1, width + 3, "#NUM!")  # in the header row
    found = problems(book, tmp_path)
    assert {p.code for p in found} == {"XLSX_ERROR_VALUE"}
    budget_letter = chr(64 + column(budgets, "Realisasi anggaran"))
    assert sorted(where(found, "XLSX_ERROR_VALUE"), key=str) == sorted([
        ("Anggaran", 2, f"{budget_letter} (Realisasi anggaran)"),
        ("Pengaturan", row, "B (Desimal capaian)"),
        ("Pengaturan", row, "C"),
        ("Isi Data Dukung", 3, letter),
        ("Target", 2, chr(64 + width + 2)),
        ("Target", 1, chr(64 + width + 3)),
    ], key=str)


def test_the_scan_sees_error_values_with_and_without_a_formula() -> None:
    xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<sheetData><row r="2"><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
           b'<c r="C2" t="e"><v>#N/A</v></c><c r="D2"><f>1+1</f><v>2</v></c>'
           b'<c r="E2"><f>1+1</f></c></row></sheetData></worksheet>')
    assert needs_scan(xml)
    assert scan(xml) == {(1, 1): "#DIV/0!", (1, 2): "#N/A", (1, 4): NO_VALUE}
    assert not needs_scan(b'<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
                          b'</row></sheetData></worksheet>')


def test_an_ambiguous_text_number_is_located_with_both_readings(tmp_path: Path) -> None:
    book = exported()
    targets = book["Target"]
    targets.cell(row=2, column=column(targets, "Target"), value="95.56")  # a decimal point
    targets.cell(row=3, column=column(targets, "Target"), value="12.345")
    found = problems(book, tmp_path)
    assert {p.code for p in found} == {"XLSX_AMBIGUOUS_NUMBER"}
    assert where(found, "XLSX_AMBIGUOUS_NUMBER") == [("Target", 3, "E (Target)")]
    assert found[0].message_id == "12.345 dibaca 12345 atau 12,345? Tulis 12345 atau 12,345"


def test_a_real_number_cell_and_unambiguous_text_are_read(tmp_path: Path) -> None:
    book = exported()
    targets = book["Target"]
    targets.cell(row=2, column=column(targets, "Target"), value=12.345)  # a number cell
    targets.cell(row=3, column=column(targets, "Target"), value="1.234,5")
    path = tmp_path / "book.xlsx"
    book.save(path)
    plan = import_workbook(path).plan
    values = [t.value for i in plan.indicators for t in i.targets]
    assert Decimal("12.345") in values and Decimal("1234.5") in values
