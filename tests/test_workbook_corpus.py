"""The corpus of broken workbooks (tests/data/workbooks, made by make_corpus.py).

Each file must give exactly the expected problem codes: refused with a message, never a
traceback, never a half-imported plan. A few tricky files are valid and must import.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sakip.io.problems import InputError, Problem, Severity
from sakip.io.workbook import Limits, import_workbook
from tests.workbook_plans import full_plan

CORPUS = Path(__file__).parent / "data" / "workbooks"

# file → the error codes it must give (warnings are listed separately below)
BROKEN: dict[str, set[str]] = {
    "not_xlsx.xlsx": {"XLSX_NOT_XLSX"},
    "empty_file.xlsx": {"XLSX_NOT_XLSX"},
    "truncated.xlsx": {"XLSX_CORRUPT"},
    "not_a_workbook.xlsx": {"XLSX_NOT_XLSX"},
    "broken_xml.xlsx": {"XLSX_CORRUPT"},
    "encrypted.xlsx": {"XLSX_ENCRYPTED"},
    "legacy.xls": {"XLSX_LEGACY_XLS"},
    "missing_sheet.xlsx": {"XLSX_MISSING_SHEET"},
    "renamed_sheet.xlsx": {"XLSX_MISSING_SHEET"},
    "renamed_column.xlsx": {"XLSX_UNKNOWN_COLUMN", "XLSX_MISSING_COLUMN"},
    "duplicate_column.xlsx": {"XLSX_DUPLICATE_COLUMN"},
    "stray_column_data.xlsx": {"XLSX_UNKNOWN_COLUMN"},
    "form_fields.xlsx": {"XLSX_UNKNOWN_FIELD", "XLSX_MISSING_FIELD"},
    "merged_cells.xlsx": {"XLSX_MERGED_CELLS", "XLSX_REQUIRED"},
    "template_empty.xlsx": {"XLSX_REQUIRED"},
    "bad_values.xlsx": {"XLSX_BAD_NUMBER", "XLSX_BAD_YEAR", "XLSX_BAD_CHOICE",
                        "XLSX_BAD_BOOLEAN", "XLSX_BAD_DATE", "XLSX_OUT_OF_RANGE",
                        "XLSX_BAD_INTEGER"},
    "required_missing.xlsx": {"XLSX_REQUIRED"},
    "nip_as_number.xlsx": {"XLSX_NUMBER_TOO_LONG"},
    "formula_no_value.xlsx": {"XLSX_FORMULA_NO_VALUE"},
    "unknown_codes.xlsx": {"XLSX_UNKNOWN_CODE", "PLAN_UNKNOWN_GOAL"},
    "duplicate_codes.xlsx": {"PLAN_DUPLICATE_CODE", "PLAN_DUPLICATE_YEAR", "PLAN_UNKNOWN_GOAL"},
    "target_outside_period.xlsx": {"PLAN_YEAR_OUTSIDE_PERIOD"},
    "activity_no_program.xlsx": {"XLSX_ACTIVITY_NO_PROGRAM"},
    "sub_activity_program.xlsx": {"PLAN_SUB_ACTIVITY_PROGRAM"},
    "negative_budget.xlsx": {"PLAN_NEGATIVE_BUDGET"},
    "not_available_without_reason.xlsx": {"PLAN_MISSING_REASON"},
    "agreement_kind.xlsx": {"PLAN_AGREEMENT_KIND"},
    "bad_formula.xlsx": {"PLAN_BAD_FORMULA"},
    "period_reversed.xlsx": {"PLAN_BAD_PERIOD"},
    "table_problems.xlsx": {"PLAN_TABLE_ROW_TOO_LONG", "XLSX_TABLE_NO_HEADER"},
    "error_values.xlsx": {"XLSX_ERROR_VALUE"},
    "ambiguous_number.xlsx": {"XLSX_AMBIGUOUS_NUMBER"},
}

WARNINGS: dict[str, set[str]] = {
    "renamed_sheet.xlsx": {"XLSX_UNKNOWN_SHEET"},
}


def problems_of(name: str, limits: Limits | None = None) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        import_workbook(CORPUS / name, limits)
    return caught.value.problems


def codes(problems: list[Problem], severity: Severity = Severity.ERROR) -> set[str]:
    return {p.code for p in problems if p.severity is severity}


def find(problems: list[Problem], code: str) -> Problem:
    return next(p for p in problems if p.code == code)


def test_every_corpus_file_is_listed() -> None:
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".xlsx", ".xls")}
    valid = {"indonesian_numbers.xlsx", "formula_cached.xlsx", "empty_trailing_rows.xlsx",
             "spending_above_ceiling.xlsx"}
    assert on_disk == set(BROKEN) | valid


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_workbook_gives_its_expected_problems(name: str) -> None:
    problems = problems_of(name)
    assert codes(problems) == BROKEN[name]
    assert codes(problems, Severity.WARNING) == WARNINGS.get(name, set())
    for problem in problems:
        assert problem.message_id and problem.message_en
        assert problem.render("id") and problem.render("en")


def test_file_problems_name_the_file_and_say_what_to_do() -> None:
    problem = problems_of("encrypted.xlsx")[0]
    assert problem.file and problem.file.endswith("encrypted.xlsx")
    assert "kata sandi" in problem.message_id
    assert ".xlsx" in problems_of("legacy.xls")[0].message_id
    assert "tidak ditemukan" in problems_of("no_such_file.xlsx")[0].message_id


def test_cell_problems_name_sheet_row_and_column() -> None:
    problems = problems_of("bad_values.xlsx")
    number = find(problems, "XLSX_BAD_NUMBER")
    assert (number.sheet, number.row, number.column) == ("Target", 2, "E (Target)")
    assert "sembilan puluh" in number.message_id
    choice = find(problems, "XLSX_BAD_CHOICE")
    assert (choice.sheet, choice.row) == ("Indikator", 2)
    assert "Positif, Negatif, Stabil" in choice.message_id
    rendered = number.render("id")
    assert rendered.startswith("lembar 'Target', baris 2, kolom E (Target):")


def test_a_form_field_problem_names_its_row() -> None:
    problem = find(problems_of("nip_as_number.xlsx"), "XLSX_NUMBER_TOO_LONG")
    assert problem.sheet == "Perangkat Daerah" and problem.column == "B (NIP kepala)"
    assert problem.row == 13
    assert "teks" in problem.message_id


def test_all_problems_come_at_once() -> None:
    problems = problems_of("bad_values.xlsx")
    assert len(codes(problems)) == 7
    assert len([p for p in problems if p.severity is Severity.ERROR]) >= 7


def test_a_renamed_sheet_is_suggested() -> None:
    problems = problems_of("renamed_sheet.xlsx")
    missing = find(problems, "XLSX_MISSING_SHEET")
    assert missing.sheet == "Kegiatan" and "Kegiatan 2020" in missing.message_id


def test_merged_cells_name_the_range() -> None:
    merged = find(problems_of("merged_cells.xlsx"), "XLSX_MERGED_CELLS")
    assert merged.sheet == "Indikator" and "B2:C3" in merged.message_id


def test_a_formula_without_value_is_named() -> None:
    problem = find(problems_of("formula_no_value.xlsx"), "XLSX_FORMULA_NO_VALUE")
    assert (problem.sheet, problem.row, problem.column) == ("Anggaran", 2, "F (Pagu)")


def test_the_cached_value_of_a_formula_is_used() -> None:
    assert import_workbook(CORPUS / "formula_cached.xlsx").plan == full_plan()


def test_error_values_are_named_where_they_are() -> None:
    found = [p for p in problems_of("error_values.xlsx") if p.code == "XLSX_ERROR_VALUE"]
    assert [(p.sheet, p.row, p.column) for p in found] == [
        ("Target", 2, "E (Target)"), ("Target", 3, "E (Target)"),
        ("Anggaran", 2, found[2].column)]
    assert found[2].column is not None and found[2].column.endswith("(Realisasi anggaran)")
    assert ["#DIV/0!" in found[0].message_id, "#N/A" in found[1].message_en,
            "#REF!" in found[2].message_id] == [True, True, True]


def test_an_ambiguous_text_number_names_both_readings() -> None:
    problem = find(problems_of("ambiguous_number.xlsx"), "XLSX_AMBIGUOUS_NUMBER")
    assert (problem.sheet, problem.row, problem.column) == ("Target", 3, "E (Target)")
    assert problem.message_id == "12.345 dibaca 12345 atau 12,345? Tulis 12345 atau 12,345"


def test_indonesian_numbers_typed_as_text_are_understood() -> None:
    plan = import_workbook(CORPUS / "indonesian_numbers.xlsx").plan
    budget = plan.budgets[0]
    assert budget.ceiling == Decimal("5054687243")
    assert budget.spent == Decimal("1234567.5")
    assert plan.indicators[0].targets[0].value == Decimal("94.78")
    assert plan.indicators[0].actuals[0].value == Decimal("-5.93")
    assert plan.series[0].values[0] == (2018, Decimal("13535"))


def test_empty_rows_anywhere_are_ignored() -> None:
    assert import_workbook(CORPUS / "empty_trailing_rows.xlsx").plan == full_plan()


def test_spending_above_the_ceiling_is_a_warning_and_the_plan_imports() -> None:
    result = import_workbook(CORPUS / "spending_above_ceiling.xlsx")
    warning = find(list(result.warnings), "PLAN_SPENDING_ABOVE_CEILING")
    assert warning.severity is Severity.WARNING
    assert (warning.sheet, warning.row) == ("Anggaran", 2)
    assert result.plan.budgets[0].spent == Decimal("400000000")


def test_the_size_limits_are_settings() -> None:
    name = "spending_above_ceiling.xlsx"
    assert codes(problems_of(name, Limits(max_bytes=10_000))) == {"XLSX_TOO_LARGE"}
    assert codes(problems_of(name, Limits(max_unpacked_bytes=10_000))) == {"XLSX_TOO_LARGE"}
    assert codes(problems_of(name, Limits(max_cells=100))) == {"XLSX_TOO_MANY_CELLS"}
