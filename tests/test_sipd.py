"""The SIPD budget export (sakip/io/sipd.py, docs/sipd.md): both layouts read into the plan's
budget records; every broken file refused with located SIPD_* problems and nothing applied."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from sakip.core.budget import year_budgets
from sakip.core.model import Plan
from sakip.io.plan_checks import check_plan
from sakip.io.plan_file import load_plan
from sakip.io.problems import InputError, Problem, Severity
from sakip.io.sipd import Limits, import_sipd, normal_header, read_export

DATA = Path(__file__).parent / "data" / "sipd"
FLAT = DATA / "realisasi-sub-kegiatan.xlsx"
TREE = DATA / "realisasi-program-kegiatan.csv"
YEAR = 2024
HEADER = "Kode;Uraian;Anggaran;Realisasi;Realisasi Fisik"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(DATA / "rencana.yaml")


def problems_of(plan: Plan, path: Path, year: int = YEAR, **options) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        import_sipd(plan, path, year, **options)
    return caught.value.problems


def csv_file(tmp_path: Path, *lines: str, name: str = "sipd.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_headers_are_compared_without_case_spacing_or_units():
    assert normal_header("  Realisasi   (Rp) ") == "realisasi"
    assert normal_header("KODE_SUB_GIAT") == "kode sub giat"
    assert normal_header("Realisasi Fisik (%)") == "realisasi fisik"
    assert normal_header("Pagu Murni (Rp.)") == "pagu murni"


def test_the_flat_export_becomes_the_years_budgets(plan):
    result = import_sipd(plan, FLAT, YEAR)
    budgets = {b.activity: b for b in result.plan.budgets if b.year == YEAR}
    own = budgets["1.06.01.2.01.0001"]  # in the plan already: its values replaced, its note kept
    assert (own.ceiling_original, own.ceiling, own.spent, own.physical) == (
        Decimal(25_000_000), Decimal(27_500_000), Decimal(26_150_000), Decimal(100))
    assert own.source_of_funds == "DAU" and own.explanation == "Dokumen disusun pada triwulan IV"
    salaries = budgets["1.06.01.2.02.0001"]  # typed as text the Indonesian way
    assert salaries.spent == Decimal("3120774310.5")
    assert budgets["1.06.04.2.01.0006"].source_of_funds == "DAK Non Fisik"
    assert result.budgets == 5 and not result.warnings
    assert check_plan(result.plan) == [] or all(
        p.severity is Severity.WARNING for p in check_plan(result.plan))


def test_kegiatan_and_sub_kegiatan_the_plan_lacks_are_added_under_their_programme(plan):
    result = import_sipd(plan, FLAT, YEAR)
    added = {a.code: a for a in result.added}
    assert set(added) == {"1.06.01.2.02", "1.06.04.2.01", "1.06.01.2.01.0006",
                          "1.06.01.2.02.0001", "1.06.04.2.01.0001", "1.06.04.2.01.0006"}
    # 1.06.04 is not a code of the plan: its programme "Program Rehabilitasi Sosial" is, by name
    assert added["1.06.04.2.01"].program == "PRS" and added["1.06.04.2.01"].parent is None
    assert added["1.06.04.2.01.0001"].parent == "1.06.04.2.01"
    assert added["1.06.04.2.01.0001"].name == "Penyediaan Permakanan"
    lines = year_budgets(result.plan, YEAR)
    assert lines["1.06.04.2.01.0001"].ceiling == Decimal(165_000_000)


def test_the_tree_layout_gives_the_same_budgets_as_the_flat_one(plan):
    flat = import_sipd(plan, FLAT, YEAR).plan
    tree = import_sipd(plan, TREE, YEAR).plan
    fields = ("activity", "ceiling", "spent", "physical")

    def key(p: Plan) -> set[tuple]:
        return {tuple(getattr(b, f) for f in fields) for b in p.budgets}

    assert key(flat) == key(tree)
    assert {a.code for a in flat.activities} == {a.code for a in tree.activities}


def test_a_second_import_changes_nothing(plan):
    once = import_sipd(plan, FLAT, YEAR)
    twice = import_sipd(once.plan, FLAT, YEAR)
    assert twice.added == () and twice.budgets == 0 and twice.plan == once.plan


def test_a_total_that_is_not_the_sum_of_its_rows_is_a_warning(plan, tmp_path):
    path = csv_file(tmp_path, HEADER,
                    "1.06.01;Program Penunjang;30.000.000;1",
                    "1.06.01.2.01;Perencanaan;27.500.000;26.150.000",
                    "1.06.01.2.01.0001;Penyusunan Dokumen;27.500.000;26.150.000;100")
    result = import_sipd(plan, path, YEAR)
    [ceiling, spent] = result.warnings
    assert ceiling.code == "SIPD_TOTAL_MISMATCH" and ceiling.severity is Severity.WARNING
    assert (ceiling.line, ceiling.path) == (2, "Anggaran") and (spent.line, spent.path) == (2, "Realisasi")


def test_a_missing_column_is_named(plan, tmp_path):
    path = csv_file(tmp_path, "Nama Sub Kegiatan;Pagu;Realisasi", "Penyusunan Dokumen;1;1")
    [problem] = problems_of(plan, path)
    assert problem.code == "SIPD_MISSING_COLUMN" and "Kode Sub Kegiatan" in problem.message_id
    assert "Kode Sub Kegiatan" in problem.message_en


def test_every_bad_cell_is_located_by_row_and_column(plan, tmp_path):
    path = csv_file(tmp_path, HEADER,
                    "1.06.01.2.01.0001;Penyusunan Dokumen;dua puluh juta;26.150.000;100",
                    "1.06.01.2.1.01;Kode salah;1.000;1.000;",
                    "1.06.01.2.01.0006;Laporan Kinerja;15.000.000;-5;150",
                    "1.06.01.2.01.0001;Penyusunan Dokumen;27.500.000;26.150.000;100",
                    ";Baris tanpa kode;5.000.000;;")
    found = {(p.code, p.line, p.path) for p in problems_of(plan, path)}
    assert found == {
        ("SIPD_BAD_NUMBER", 2, "Anggaran"),  # text in a number
        ("SIPD_BAD_CODE", 3, "Kode"),
        ("SIPD_BAD_NUMBER", 4, "Realisasi"),  # negative
        ("SIPD_BAD_NUMBER", 4, "Realisasi Fisik"),  # above 100 %
        ("SIPD_DUPLICATE_CODE", 5, "Kode"),
        ("SIPD_MISSING_CODE", 6, "Kode"),
    }


def test_problems_in_a_workbook_name_the_sheet_row_and_column(plan, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Realisasi"
    sheet.append(["LAPORAN REALISASI"])
    sheet.append(["Kode Sub Kegiatan", "Nama Sub Kegiatan", "Pagu", "Realisasi"])
    sheet.append(["1.06.01.2.01.0001", "Penyusunan", 27_500_000, "Rp 26.150.000,-"])
    sheet.append(["1.06.01.2.01.0001", "Penyusunan", 27_500_000, "banyak"])
    path = tmp_path / "sipd.xlsx"
    book.save(path)
    problems = problems_of(plan, path)
    assert {(p.code, p.sheet, p.row, p.column) for p in problems} == {
        ("SIPD_DUPLICATE_CODE", "Realisasi", 4, "A"), ("SIPD_BAD_NUMBER", "Realisasi", 4, "D")}
    assert "lembar 'Realisasi', baris 4, kolom D" in problems[0].render("id") + problems[1].render("id")


def test_an_unknown_programme_refuses_the_whole_file(plan, tmp_path):
    path = csv_file(tmp_path, HEADER,
                    "1.06.01.2.01.0001;Penyusunan Dokumen;27.500.000;26.150.000;100",
                    "1.06.02;Program Pemberdayaan Sosial;;;",
                    "1.06.02.2.01;Pemberdayaan Sosial KAT;10.000.000;9.000.000;",
                    "1.06.02.2.01.0001;Pemberdayaan Masyarakat KAT;10.000.000;9.000.000;")
    [problem] = [p for p in problems_of(plan, path) if p.severity is Severity.ERROR]
    assert (problem.code, problem.line) == ("SIPD_UNKNOWN_PROGRAM", 3)
    assert "1.06.02" in problem.message_id and "Program Pemberdayaan Sosial" in problem.message_en


def test_a_new_sub_kegiatan_needs_a_name_and_a_code_in_its_place(plan, tmp_path):
    path = csv_file(tmp_path, "Kode Sub Kegiatan;Pagu;Realisasi",
                    "1.06.01.2.01.0009;1.000;1.000",
                    "1.06.01.2.01.0001;1.000;1.000")
    [problem] = problems_of(plan, path)
    assert (problem.code, problem.line) == ("SIPD_MISSING_NAME", 2)
    moved = csv_file(tmp_path, HEADER, "1.06.01.2.01;Perencanaan;1;1",
                     "1.06.01.2.01.0001;Penyusunan;1;1", name="moved.csv")
    other = plan.activity_by_code["1.06.01.2.01.0001"]
    from dataclasses import replace

    elsewhere = replace(plan, activities=tuple(
        replace(a, parent=None) if a is other else a for a in plan.activities))
    [problem] = problems_of(elsewhere, moved)
    assert problem.code == "SIPD_ACTIVITY_ELSEWHERE" and problem.line == 3


def test_the_sub_kegiatan_number_beside_its_kegiatan_code(plan, tmp_path):
    path = csv_file(tmp_path, "Kode Kegiatan;Nama Kegiatan;Kode Sub Kegiatan;Nama Sub Kegiatan;"
                    "Pagu;Realisasi",
                    "1.06.01.2.01;Perencanaan;0001;Penyusunan Dokumen;1.000.000;900.000",
                    "1.06.01.2.01;Perencanaan;1.06.01.2.02.0001;Gaji;1.000.000;900.000")
    [problem] = problems_of(plan, path)
    assert (problem.code, problem.line) == ("SIPD_CODE_MISMATCH", 3)


def test_files_that_are_not_exports(plan, tmp_path):
    assert problems_of(plan, tmp_path / "nothing.csv")[0].code == "SIPD_FILE_NOT_FOUND"
    big = csv_file(tmp_path, HEADER, "x" * 2000)
    assert problems_of(plan, big, limits=Limits(max_bytes=1000))[0].code == "SIPD_FILE_TOO_LARGE"
    legacy = tmp_path / "sipd.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert problems_of(plan, legacy)[0].code == "SIPD_NOT_READABLE"
    broken = tmp_path / "sipd.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is no zip")
    assert problems_of(plan, broken)[0].code.startswith("SIPD_")
    empty = csv_file(tmp_path, HEADER, name="empty.csv")
    assert problems_of(plan, empty)[0].code == "SIPD_NO_ROWS"
    many = csv_file(tmp_path, HEADER, *["1.06.01.2.01.0001;a;1;1;1"] * 50, name="many.csv")
    assert problems_of(plan, many, limits=Limits(max_cells=100))[0].code == "SIPD_TOO_MANY_CELLS"


def test_a_year_outside_the_plan_is_refused(plan):
    [problem] = problems_of(plan, FLAT, year=2030)
    assert problem.code == "SIPD_YEAR_OUTSIDE"


def test_a_comma_separated_export_with_a_bom(plan, tmp_path):
    path = tmp_path / "sipd.csv"
    path.write_bytes("\ufeffKode Sub Kegiatan,Nama Sub Kegiatan,Pagu,Realisasi\n"
                     "1.06.01.2.01.0001,Penyusunan,\"27.500.000,00\",26150000\n".encode())
    export = read_export(path)
    [line] = export.lines
    assert line.amounts == {"ceiling": Decimal(27_500_000), "spent": Decimal(26_150_000)}


def test_every_problem_code_is_documented():
    import re

    source = (Path(__file__).parents[1] / "sakip" / "io" / "sipd.py").read_text(encoding="utf-8")
    docs = (Path(__file__).parents[1] / "docs" / "sipd.md").read_text(encoding="utf-8")
    codes = set(re.findall(r'"(SIPD_[A-Z_]+)"', source))
    assert len(codes) > 15
    assert not {code for code in codes if f"`{code}`" not in docs}


def test_a_two_row_header_and_a_row_of_column_numbers(plan, tmp_path):
    path = csv_file(tmp_path,
                    "No;Kode;Uraian;Pagu;;Realisasi;",
                    ";;;Murni;Perubahan;Keuangan;Fisik (%)",
                    "(1);(2);(3);(4);(5);(6);(7)",
                    "1;1.06.01.2.01.0001;Penyusunan Dokumen;25.000.000;27.500.000;26.150.000;95")
    [line] = read_export(path).lines
    assert line.amounts == {"ceiling_original": Decimal(25_000_000),
                            "ceiling": Decimal(27_500_000), "spent": Decimal(26_150_000),
                            "physical": Decimal(95)}
    assert line.places["physical"].column == "Fisik (%)" and line.place.row == 4


def test_a_text_longer_than_its_field_is_refused(plan, tmp_path):
    path = csv_file(tmp_path, "Kode Sub Kegiatan;Nama Sub Kegiatan;Sumber Dana;Pagu",
                    f"1.06.01.2.01.0001;Penyusunan;{'DAU ' * 60};1.000")
    [problem] = problems_of(plan, path)
    assert (problem.code, problem.line, problem.path) == ("SIPD_BAD_TEXT", 2, "Sumber Dana")
