"""The forms E.81, E.80 and the Laporan Monev of the example (sakip/forms, docs/forms.md).

Every computed column of E.81 and E.80 is checked against figures worked out by hand from
examples/belitung-2020.yaml (the year's records from the report; the quarters and months are
its invented demo data). The XLSX is read back with openpyxl, the PDF's text with pypdf.
"""

from __future__ import annotations

import io
from decimal import Decimal as D
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from sakip.cli.main import main
from sakip.core.monitoring import Standing
from sakip.forms import build, e80, e81, monev, render
from tests.conftest import EXAMPLE

# ---------------------------------------------------------------------------- E.81


def _k(form: e81.E81, code: str) -> e81.IndicatorFigures:
    return next(f for line in form.lines for f in line.indicators if f.code == code)


def _rp(form: e81.E81 | e80.E80, code: str):  # type: ignore[no-untyped-def]
    return next(line.budget for line in form.lines if line.owner.code == code)


def test_e81_of_the_year_every_k_column(belitung) -> None:
    form = e81.build(belitung, 2020)
    iku02 = _k(form, "IKU-02")  # sasaran S1, composed by its last value
    assert iku02.final_target == D("80")  # 6: the 2023 target
    assert iku02.before == D("83.89")  # 7: the 2019 realisation (last of [83,89])
    assert iku02.target == D("80")  # 8
    # 9–12: the months' last value in each quarter: Mar 22,3; Jun 39,8; Sep 64,9; Dec 94,78
    assert iku02.quarters == (D("22.3"), D("39.8"), D("64.9"), D("94.78"))
    assert iku02.year == D("94.78")  # 13: the year's own realisation
    assert iku02.cumulative == D("94.78")  # 14 = last of [83,89 (7); 94,78 (13)]
    assert iku02.achievement == D("118.48")  # 15 = 94,78 / 80 × 100 = 118,475
    iku05 = _k(form, "IKU-05")  # sasaran S2, a rate of cases: sum, lower is better
    assert (iku05.final_target, iku05.before, iku05.target) == (D("5.1"), D("8.17"), D("5.7"))
    assert iku05.quarters == (D("0.8"), D("0.57"), D("0.92"), D("0.8"))
    assert iku05.year == D("3.09")  # = 0,80 + 0,57 + 0,92 + 0,80
    # 14: a rate is a level over the years (over_years: last): the latest year's, 3,09
    assert iku05.cumulative == D("3.09")
    assert iku05.achievement == D("139.41")  # (2 × 5,1 − 3,09) / 5,1 × 100 = 139,412
    iku07 = _k(form, "IKU-07")
    assert (iku07.final_target, iku07.before, iku07.year) == (D("4.4"), D("3.17"), D("2.84"))
    assert iku07.cumulative == D("2.84")  # the latest year's (last over the years)
    assert iku07.achievement == D("135.45")  # (8,8 − 2,84) / 4,4 × 100 = 135,4545
    ikp11 = _k(form, "IKP-1.1")  # a program's: no 2023 target, no 2019 realisation
    assert (ikp11.final_target, ikp11.before, ikp11.target) == (None, None, D("100"))
    assert ikp11.quarters == (D("21"), D("36.4"), D("61.8"), D("86.47"))
    assert (ikp11.year, ikp11.cumulative, ikp11.achievement) == (D("86.47"), D("86.47"), None)
    ikp61 = _k(form, "IKP-6.1")  # sum: 1,30 + 1,20 + 1,33 + 1,22 = 5,05
    assert ikp61.quarters == (D("1.3"), D("1.2"), D("1.33"), D("1.22"))
    assert (ikp61.year, ikp61.cumulative) == (D("5.05"), D("5.05"))
    assert all(f.remark is None for line in form.lines for f in line.indicators)


def test_e81_of_the_year_every_rp_column(belitung) -> None:
    form = e81.build(belitung, 2020)
    k13 = _rp(form, "K1.3")
    # 6 = the ceilings of the Renstra's years (only 2020 has one); 7: no 2019 budget
    assert (k13.final_target, k13.before, k13.ceiling) == (D("88660000"), None, D("88660000"))
    # 9–12: Jan 1.853.000 + Feb 3.088.000 + Mar 2.471.000 = 7.412.000; Apr 0 + May 0 + Jun
    # 1.853.000; Jul 4.324.000 + Aug 6.177.000 + Sep 7.413.000 = 17.914.000; Oct 8.648.000 +
    # Nov 9.884.000 + Dec 16.066.400 = 34.598.400
    assert k13.quarters == (D("7412000"), D("1853000"), D("17914000"), D("34598400"))
    assert k13.year == D("61777400") == sum(k13.quarters)  # 13: the year's spending
    assert k13.cumulative == D("61777400")  # 14 = (7: none) + 13
    assert k13.achievement == D("69.68")  # 15 = 61.777.400 / 88.660.000 × 100 = 69,679
    s1 = _rp(form, "S1")  # P1 + P2 + P3
    assert s1.final_target == D("2706863940")  # 1.463.516.640 + 463.300.300 + 780.047.000
    assert s1.year == D("2151175676")  # 1.228.550.161 + 272.810.165 + 649.815.350
    assert s1.achievement == D("79.47")  # 2.151.175.676 / 2.706.863.940 × 100 (Tabel 3.28)
    p1 = _rp(form, "P1")
    activities = [_rp(form, f"K1.{n}") for n in range(1, 7)]
    for q in range(4):  # a program's quarter is its activities' quarters summed
        assert p1.quarters[q] == sum(a.quarters[q] for a in activities)
    assert sum(p1.quarters) == p1.year == D("1228550161")
    assert p1.achievement == D("83.95")  # 1.228.550.161 / 1.463.516.640 × 100 = 83,945


def test_e81_footer(belitung) -> None:
    form = e81.build(belitung, 2020)
    assert form.mean_k == D("131.11")  # (118,48 + 139,41 + 135,45) / 3 = 131,113
    # the programs' column 15 Rp: (83,95 + 58,88 + 83,30 + 55,25 + 76,83 + 85,97) / 6 = 74,03
    assert form.mean_rp == D("74.03")
    assert form.predicate == "Melebihi target"  # predikat-permenpan: above 100
    assert form.notes.obstacles == (
        "IKP-1.1 (Apr–Jul): Pelayanan di luar panti dibatasi selama pembatasan sosial "
        "Covid-19; kunjungan rumah ditunda",
        "IKP-4.1 (TW I–TW IV): Formasi pegawai perempuan di lembaga pemerintah sedikit "
        "dibanding sektor lain; penerimaan CPNS 2020 ditunda")
    assert any(line.startswith("IKU-05 (TW I–TW IV): Pencegahan") for line in form.notes.drivers)
    assert len(form.notes.follow_up) == 2


def test_e81_up_to_the_second_quarter(belitung) -> None:
    form = e81.build(belitung, 2020, 2)
    iku02 = _k(form, "IKU-02")
    assert iku02.quarters == (D("22.3"), D("39.8"), None, None)
    assert iku02.year == D("39.8")  # 13: up to June, the last month's value
    assert iku02.achievement == D("49.75")  # 39,8 / 80 × 100
    iku05 = _k(form, "IKU-05")
    assert iku05.year == D("1.37")  # 0,80 + 0,57
    assert iku05.cumulative == D("9.54")  # 8,17 + 1,37
    assert iku05.achievement == D("12.94")  # (10,2 − 9,54) / 5,1 × 100 = 12,941
    k13 = _rp(form, "K1.3")
    assert k13.year == D("9265000")  # 7.412.000 + 1.853.000
    assert k13.achievement == D("10.45")  # 9.265.000 / 88.660.000 × 100 = 10,450
    assert form.notes.obstacles[0].startswith("IKP-1.1 (Apr–Jun): ")  # July is not yet in


# ---------------------------------------------------------------------------- E.80


def test_e80_every_computed_column(belitung) -> None:
    form = e80.build(belitung, 2020)
    iku02 = next(f for line in form.lines for f in line.indicators if f.code == "IKU-02")
    assert iku02.baseline == D("73.85")
    assert [y.target for y in iku02.years] == [D("80")] * 5
    assert [y.actual for y in iku02.years] == [D("83.89"), D("94.78"), None, None, None]
    # 83,89 / 80 × 100 = 104,8625; 94,78 / 80 × 100 = 118,475
    assert [y.ratio for y in iku02.years] == [D("104.86"), D("118.48"), None, None, None]
    assert (iku02.final_target, iku02.cumulative, iku02.achievement) == (
        D("80"), D("94.78"), D("118.48"))
    iku07 = next(f for line in form.lines for f in line.indicators if f.code == "IKU-07")
    # 2019 has no target: no ratio; 2020: (2 × 5 − 2,84) / 5 × 100 = 143,2
    assert [y.ratio for y in iku07.years][:2] == [None, D("143.20")]
    assert (iku07.cumulative, iku07.achievement) == (D("2.84"), D("135.45"))
    p2 = _rp(form, "P2")
    assert (p2.years[1].target, p2.years[1].actual) == (D("463300300"), D("272810165"))
    assert p2.years[1].ratio == D("58.88")  # 272.810.165 / 463.300.300 × 100 = 58,884
    assert p2.years[0] == e80.Year(None, None, None)
    assert (p2.final_target, p2.cumulative, p2.achievement) == (
        D("463300300"), D("272810165"), D("58.88"))


# ---------------------------------------------------------------------------- Monev


def test_monev_of_the_second_quarter(belitung) -> None:
    form = monev.build(belitung, 2020, 2)
    ikp11 = next(i for i in form.indicators if i.code == "IKP-1.1")
    assert (ikp11.target, ikp11.actual, ikp11.achievement) == (D("50"), D("36.4"), D("72.80"))
    assert ikp11.standing is Standing.OFF_TRACK and ikp11.obstacles and ikp11.follow_up
    assert (ikp11.so_far, ikp11.of_year) == (D("36.4"), D("36.40"))
    iku05 = next(i for i in form.indicators if i.code == "IKU-05")
    assert iku05.achievement == D("162.00")  # (2 × 1,5 − 0,57) / 1,5 × 100
    assert iku05.standing is Standing.WELL_ABOVE and iku05.drivers
    assert iku05.so_far == D("1.37")  # 0,80 + 0,57
    assert iku05.of_year == D("175.96")  # (11,4 − 1,37) / 5,7 × 100 = 175,964
    assert iku05.of_final == D("173.14")  # (10,2 − 1,37) / 5,1 × 100 = 173,137
    k13 = next(b for b in form.budget if b.code == "K1.3")
    assert (k13.ceiling, k13.quarter, k13.so_far) == (D("88660000"), D("1853000"), D("9265000"))
    assert (k13.absorption, k13.physical) == (D("10.45"), D("12"))  # June: 12 %


# ---------------------------------------------------------------------------- writers


def _sheet(data: bytes):  # type: ignore[no-untyped-def]
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_the_e81_workbook_has_the_regulations_header(belitung) -> None:
    sheet = _sheet(render(build(belitung, "e81", 2020), ".xlsx"))
    top = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "No")
    merged = {str(m) for m in sheet.merged_cells.ranges}
    for expected in (f"A{top}:A{top + 2}", f"F{top}:G{top + 1}", f"L{top}:S{top}",
                     f"L{top + 1}:M{top + 1}", f"X{top}:Y{top + 1}", f"Z{top}:Z{top + 2}",
                     f"F{top + 3}:G{top + 3}"):
        assert expected in merged, expected
    assert sheet.cell(top, 12).value == "Realisasi Kinerja Pada Triwulan"
    assert [sheet.cell(top + 1, c).value for c in (12, 14, 16, 18)] == ["I", "II", "III", "IV"]
    assert [sheet.cell(top + 2, c).value for c in (6, 7)] == ["K", "Rp"]
    numbers = [sheet.cell(top + 3, c).value for c in range(1, 28)]
    assert numbers[:7] == ["1", "2", "3", "4", "5", "6", None] and numbers[-2:] == ["16", "17"]
    row = next(r for r in range(top, sheet.max_row + 1)
               if str(sheet.cell(r, 5).value).startswith("Persentase PMKS yang tertangani"))
    values = [sheet.cell(row, c).value for c in range(6, 26)]
    assert values == [80, 2706863940, 83.89, None, 80, 2706863940, 22.3, 258120000, 39.8,
                      243825000, 64.9, 593935000, 94.78, 1055295676, 94.78, 2151175676,
                      94.78, 2151175676, 118.48, 79.47]
    assert sheet.cell(row, 24).number_format == "#,##0.00"
    assert sheet.cell(row, 7).number_format == "#,##0"
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows


def test_the_e80_workbook_has_both_parts(belitung) -> None:
    sheet = _sheet(render(build(belitung, "e80", 2020), ".xlsx"))
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "A. Target dan Realisasi Kinerja dan Anggaran" in texts
    assert "B. Rasio Capaian dan Capaian terhadap Target Akhir Renstra" in texts
    assert texts.count("Rasio Capaian pada Tahun ke- (%)") == 1
    assert "25" in texts  # the last column number (the responsible unit)


@pytest.mark.parametrize("name, quarter, figures", [
    ("e81", None, ["EVALUASI TERHADAP HASIL RENJA", "118,48", "2.151.175.676", "139,41",
                   "Melebihi target", "H. NURMAN SUNANDA"]),
    ("e80", None, ["EVALUASI TERHADAP HASIL RENSTRA", "104,86", "463.300.300", "143,20"]),
    ("monev", 2, ["TRIWULAN II TAHUN 2020", "72,80", "Di bawah target", "9.265.000"]),
])
def test_the_pdf_holds_the_figures(belitung, name, quarter, figures) -> None:
    data = render(build(belitung, name, 2020, quarter), ".pdf")
    reader = PdfReader(io.BytesIO(data))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    for figure in figures:
        assert figure in text, figure


# ---------------------------------------------------------------------------- the command


def test_the_command_writes_a_form(tmp_path: Path, capsys) -> None:
    target = tmp_path / "e81.xlsx"
    assert main(["form", "e81", str(EXAMPLE), "--year", "2020", "--quarter", "3",
                 "-o", str(target)]) == 0
    assert "Formulir E.81 2020 ditulis ke" in capsys.readouterr().out
    assert _sheet(target.read_bytes()).cell(2, 1).value.startswith("EVALUASI TERHADAP")
    assert main(["form", "e81", str(EXAMPLE), "--year", "2020", "-o", str(target)]) == 1
    assert "[OUTPUT_EXISTS]" in capsys.readouterr().err
    assert main(["form", "e81", str(EXAMPLE), "--year", "2020", "-o", str(target),
                 "--force"]) == 0


def test_the_commands_problems_in_both_languages(tmp_path: Path, capsys) -> None:
    out = str(tmp_path / "x.docx")
    assert main(["form", "monev", str(EXAMPLE), "--year", "2020", "-o", out]) == 1
    err = capsys.readouterr().err
    assert "[FORM_NEEDS_QUARTER]" in err and "[OUTPUT_WRONG_EXTENSION]" in err
    assert "berikan --quarter" in err
    assert main(["--lang", "en", "form", "e80", str(EXAMPLE), "--year", "2020",
                 "--quarter", "1", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "--quarter does not apply [FORM_NO_QUARTER]" in capsys.readouterr().err
    assert main(["form", "e81", str(EXAMPLE), "--year", "2030", "-o",
                 str(tmp_path / "x.pdf")]) == 1
    assert "[FORM_YEAR_OUTSIDE_RENSTRA]" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists() and list(tmp_path.iterdir()) == []
    with pytest.raises(SystemExit) as usage:
        main(["form", "e81", str(EXAMPLE), "--year", "2020", "--quarter", "5", "-o", out])
    assert usage.value.code == 2
    assert main(["form", "e81", str(tmp_path / "none.yaml"), "--year", "2020", "-o",
                 str(tmp_path / "y.xlsx")]) == 1
