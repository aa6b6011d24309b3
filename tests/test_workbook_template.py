"""The template: its sheets, headers, drop-down lists, formats, readme; and the docs."""

from __future__ import annotations

import enum
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from sakip.io.workbook import write_template
from sakip.io.workbook.choices import LABELS, labels
from sakip.io.workbook.codes import Code
from sakip.io.workbook.export import NUMBER_FORMATS, header_text
from sakip.io.workbook.schema import Kind, Layout, column_letter, normal_header
from sakip.io.workbook.sheets import README_SHEET, SHEETS
from tests.conftest import ROOT

DOCS = ROOT / "docs" / "workbook.md"


@pytest.fixture(scope="module")
def template() -> Workbook:
    buffer = io.BytesIO()
    write_template(buffer)
    return load_workbook(io.BytesIO(buffer.getvalue()))


def test_one_sheet_per_kind_of_record_after_the_readme(template: Workbook) -> None:
    assert template.sheetnames == [README_SHEET] + [sheet.name for sheet in SHEETS]


def test_every_table_sheet_has_its_frozen_header(template: Workbook) -> None:
    for sheet in SHEETS:
        worksheet = template[sheet.name]
        assert worksheet.freeze_panes == "A2", sheet.name
        if sheet.layout is Layout.TABLE:
            header = [cell.value for cell in worksheet[1]][: len(sheet.columns)]
            assert header == [header_text(c) for c in sheet.columns]
            assert all(cell.font.bold for cell in worksheet[1])


def test_required_columns_are_marked_and_explained(template: Workbook) -> None:
    goals = template["Tujuan"]
    assert goals["A1"].value == "Kode *" and goals["C1"].value == "Misi"
    assert goals["A1"].comment is not None and "T1" in goals["A1"].comment.text


def test_enumerated_columns_have_drop_down_lists(template: Workbook) -> None:
    for sheet in SHEETS:
        worksheet = template[sheet.name]
        lists = {str(v.sqref): v.formula1 for v in worksheet.data_validations.dataValidation}
        for index, column in enumerate(sheet.columns):
            if column.kind not in (Kind.CHOICE, Kind.BOOLEAN):
                continue
            if sheet.layout is Layout.FORM:
                where = f"B{index + 2}"
            else:
                letter = column_letter(index)
                where = f"{letter}2:{letter}2000"
            options = labels(column.choices) if column.choices else ("Ya", "Tidak")
            assert lists[where] == '"' + ",".join(options) + '"', (sheet.name, column.key)


def test_numeric_columns_carry_invariant_number_formats(template: Workbook) -> None:
    budgets = template["Anggaran"]
    assert budgets.column_dimensions["F"].number_format == "#,##0"  # Pagu
    targets = template["Target"]
    assert targets.column_dimensions["E"].number_format == "#,##0.00"
    assert NUMBER_FORMATS[Kind.DECIMAL] == "#,##0.00"  # shown as 1.234.567,89 in id-ID
    assert targets.column_dimensions["A"].number_format == "@"  # codes stay text


def test_form_sheets_list_their_fields(template: Workbook) -> None:
    agency = template["Perangkat Daerah"]
    assert [agency.cell(row=1, column=c).value for c in (1, 2, 3)] == [
        "Isian", "Nilai", "Keterangan"]
    labels_in_a = [cell.value for cell in agency["A"]][1:]
    assert labels_in_a[:2] == ["Kode *", "Nama *"]
    assert agency["B13"].number_format == "@"  # NIP kepala: typed digits stay text


def test_the_readme_explains_every_sheet_and_column(template: Workbook) -> None:
    readme = template[README_SHEET]
    text = "\n".join(str(c) for row in readme.iter_rows(values_only=True) for c in row if c)
    for sheet in SHEETS:
        assert sheet.name in text
        for column in sheet.columns:
            assert column.header in text and column.help in text
    assert "1.234.567,89" in text


def test_the_declarations_are_consistent() -> None:
    names = [sheet.name for sheet in SHEETS]
    assert len(set(names)) == len(names)
    for sheet in SHEETS:
        assert len(sheet.name) <= 31
        headers = [normal_header(c.header) for c in sheet.columns]
        assert len(set(headers)) == len(headers), sheet.name
        assert len({c.key for c in sheet.columns}) == len(sheet.columns)
        for column in sheet.columns:
            assert (column.kind is Kind.CHOICE) == (column.choices is not None)
            assert column.help.strip()


def test_every_choice_has_a_label_fit_for_a_drop_down() -> None:
    for enum_type, names in LABELS.items():
        members: list[enum.Enum] = list(enum_type)
        assert set(names) == set(members), enum_type
        assert all("," not in label for label in names.values())
        assert len({label.casefold() for label in names.values()}) == len(names)
        assert len(",".join(names.values())) < 250  # Excel's limit for a list is 255


def test_every_problem_code_and_sheet_is_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    missing = [code.value for code in Code if f"`{code.value}`" not in docs]
    assert missing == []
    assert [s.name for s in SHEETS if f"`{s.name}`" not in docs] == []


def test_the_readme_section_points_to_the_docs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Workbook (Excel)" in readme and "docs/workbook.md" in readme


def test_the_template_command_writes_the_template(tmp_path: Path) -> None:
    from sakip.cli.main import main

    target = tmp_path / "templat.xlsx"
    assert main(["template", "-o", str(target)]) == 0
    assert load_workbook(target).sheetnames[0] == README_SHEET
