"""The entry workbook (issue 12 item 6): one agency's period in the shape operators use,
exported, filled in as a user would (openpyxl), and imported back into record edits."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip.core.enums import ActualStatus
from sakip.core.model import Plan
from sakip.io.entry import EntryPeriod, export_entry, import_entry, read_entry
from sakip.io.entry.layout import BUDGETS, COPIES, FIRST_ROW, HEADER_ROW, INDICATORS, META
from sakip.io.plan_file import load_plan, save_plan
from sakip.io.problems import InputError
from sakip.io.workbook.choices import label
from tests.conftest import ROOT, plan_from

PLAN = """\
    goals:
      - code: T1
        name: Tujuan satu
        indicators:
          - {code: I1, name: Persentase tertangani, unit: "%",
             targets: {2020: {value: 80, note: bertahap}}}
          - {code: I2, name: Prevalensi, unit: kasus, polarity: negative,
             targets: {2020: {value: 5, note: bertahap, quarters: {3: 4}}},
             actuals: {2020: {quarters: {3: {value: 4, note: dari dinas}}}}}
          - {code: I3, name: Predikat, levels: [C, B, A], targets: {2020: B}}
          - {code: I4, name: Bulanan, aggregation: sum, targets: {2020: 12},
             actuals: {2020: {months: {7: 1, 8: 1, 9: 2}}}}
        objectives:
          - code: S1
            name: Sasaran satu
    programs:
      - code: P1
        name: Program satu
        objective: S1
        activities:
          - code: K1
            name: Kegiatan satu
            budget: {2020: {ceiling: 1000000, quarters: {3: {spent: 250000, physical: 40}}}}
            sub_activities:
              - code: K1.1
                name: Sub kegiatan
                budget: {2020: {ceiling: 500000}}
    """
Q3 = EntryPeriod(2020, quarter=3)


@pytest.fixture
def plan() -> Plan:
    return plan_from(PLAN)


def exported(plan: Plan, period: EntryPeriod, folder: Path) -> Path:
    path = folder / f"isian-{period.slug}.xlsx"
    export_entry(plan, period, path)
    return path


def fill(path: Path, values: dict[tuple[str, str, str], object], out: Path | None = None) -> Path:
    """Type ``values`` — (sheet, code, column header) → value — as a user would, and save."""
    book = openpyxl.load_workbook(path)
    for (sheet, code, header), value in values.items():
        ws = book[sheet]
        headers = [c.value for c in ws[HEADER_ROW]]
        row = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 1).value == code)
        ws.cell(row, headers.index(header) + 1).value = value
    target = out or path
    book.save(target)
    return target


def cell(path: Path, sheet: str, code: str, header: str) -> object:
    ws = openpyxl.load_workbook(path)[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    row = next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 1).value == code)
    return ws.cell(row, headers.index(header) + 1).value


def actual(plan: Plan, code: str, key: tuple[int, int | None, int | None]):
    return next((a for a in plan.indicator_by_code[code].actuals
                 if (a.year, a.quarter, a.month) == key), None)


def target(plan: Plan, code: str, key: tuple[int, int | None, int | None]):
    return next((t for t in plan.indicator_by_code[code].targets
                 if (t.year, t.quarter, t.month) == key), None)


def budget(plan: Plan, code: str, key: tuple[int, int | None, int | None]):
    return next((b for b in plan.budgets if (b.activity, b.year, b.quarter, b.month)
                 == (code, *key)), None)


# --------------------------------------------------------------------------- the file


def test_the_workbook_has_one_row_per_indicator_and_activity_with_the_periods_figures(plan, tmp_path):
    path = exported(plan, Q3, tmp_path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == ["Petunjuk", INDICATORS, "Salinan Indikator"]
    ws = book[INDICATORS]
    assert [c.value for c in ws[HEADER_ROW]] == [
        "Kode", "Indikator", "Satuan", "Tingkat", "Target 2020", "Target Triwulan III",
        "Realisasi Triwulan III", "Status", "Alasan", "Catatan", "Faktor penghambat",
        "Rencana tindak lanjut", "Faktor pendorong"]
    rows = {ws.cell(r, 1).value: [c.value for c in ws[r]] for r in range(FIRST_ROW, ws.max_row + 1)}
    assert list(rows) == ["I1", "I2", "I3", "I4"]
    assert rows["I2"][:10] == ["I2", "Prevalensi", "kasus", "Tujuan", 5, 4, 4, "Final", None,
                               "dari dinas"]
    assert rows["I3"][4] == "B"  # a qualitative target is its level
    # I4 is entered by month: its quarter is shown composed (sum 1+1+2), closed for entry
    assert rows["I4"][6] == 4 and rows["I4"][9].startswith("Diisi per bulan")
    assert ws.cell(FIRST_ROW + 3, 7).protection.locked
    budgets = book[BUDGETS]
    assert [c.value for c in budgets[HEADER_ROW]] == [
        "Kode", "Kegiatan / Sub Kegiatan", "Pagu 2020", "Realisasi anggaran Triwulan III",
        "Realisasi fisik (%)", "Penjelasan"]
    assert [c.value for c in budgets[FIRST_ROW]] == ["K1", "Kegiatan satu", 1000000, 250000, 40,
                                                     None]
    assert budgets.cell(FIRST_ROW + 1, 1).value == "K1.1"


def test_sheets_and_structure_are_protected_and_only_entry_cells_are_open(plan, tmp_path):
    book = openpyxl.load_workbook(exported(plan, Q3, tmp_path))
    assert book.security.lockStructure
    ws = book[INDICATORS]
    assert ws.protection.sheet
    row = FIRST_ROW  # I1
    locked = {ws.cell(HEADER_ROW, c).value for c in range(1, ws.max_column + 1)
              if ws.cell(row, c).protection.locked}
    assert locked == {"Kode", "Indikator", "Satuan", "Tingkat", "Target 2020"}
    assert ws.cell(row, 7).fill.fgColor.rgb.endswith("FFF2CC")
    assert ws.freeze_panes == f"C{FIRST_ROW}"
    assert ws.cell(row, 7).number_format == "#,##0.00"
    budgets = book[BUDGETS]
    assert budgets.protection.sheet
    assert budgets.cell(FIRST_ROW, 3).protection.locked  # the ceiling
    assert not budgets.cell(FIRST_ROW, 4).protection.locked  # the spending
    assert budgets.cell(FIRST_ROW, 4).number_format == "#,##0"
    for name in (META, *COPIES.values()):
        assert book[name].sheet_state == "veryHidden"
    assert book.defined_names["SAKIP_AGENCY"].attr_text == "'Sakip'!$B$2"
    assert book["Petunjuk"]["A1"].value.startswith("Petunjuk")


def test_choices_have_drop_downs(plan, tmp_path):
    ws = openpyxl.load_workbook(exported(plan, Q3, tmp_path))[INDICATORS]
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert lists[f"H{FIRST_ROW}:H{FIRST_ROW + 3}"] == '"Final,Sementara,Belum tersedia"'
    levels = [f for s, f in lists.items() if f == '"C,B,A"']
    assert levels, lists  # the qualitative indicator's levels on its target and realisation
    i3 = FIRST_ROW + 2
    assert any(s == f"F{i3} G{i3}" for s, f in lists.items() if f == '"C,B,A"')


def test_a_year_outside_the_renstra_is_refused(plan, tmp_path):
    with pytest.raises(InputError) as error:
        export_entry(plan, EntryPeriod(2031), tmp_path / "x.xlsx")
    assert error.value.problems[0].code == "ENTRY_YEAR_OUTSIDE"


# --------------------------------------------------------------------------- back in


def test_an_untouched_workbook_changes_nothing(plan, tmp_path):
    for period in (EntryPeriod(2020), Q3, EntryPeriod(2020, month=8)):
        result = import_entry(plan, exported(plan, period, tmp_path))
        assert result.changed == 0 and result.plan == plan.canonical()


def test_filled_cells_become_the_plans_records(plan, tmp_path):
    path = fill(exported(plan, Q3, tmp_path), {
        (INDICATORS, "I1", "Target Triwulan III"): 60,
        (INDICATORS, "I1", "Realisasi Triwulan III"): "61,5",
        (INDICATORS, "I1", "Status"): "Sementara",
        (INDICATORS, "I1", "Alasan"): "menunggu data BPS",
        (INDICATORS, "I3", "Realisasi Triwulan III"): "A",
        (INDICATORS, "I3", "Faktor pendorong"): "dukungan",
        (BUDGETS, "K1.1", "Realisasi anggaran Triwulan III"): "Rp 250.000,-",
        (BUDGETS, "K1.1", "Realisasi fisik (%)"): 30,
        (BUDGETS, "K1.1", "Penjelasan"): "lelang selesai",
    })
    result = import_entry(plan, path)
    new = result.plan
    assert result.changed == 4  # I1's target and realisation, I3's realisation, K1.1's line
    assert target(new, "I1", (2020, 3, None)).value == Decimal(60)
    got = actual(new, "I1", (2020, 3, None))
    assert (got.value, got.status, got.reason) == (Decimal("61.5"), ActualStatus.PROVISIONAL,
                                                   "menunggu data BPS")
    assert actual(new, "I3", (2020, 3, None)).text == "A"
    line = budget(new, "K1.1", (2020, 3, None))
    assert (line.spent, line.physical, line.explanation) == (Decimal(250000), Decimal(30),
                                                             "lelang selesai")
    assert budget(new, "K1.1", (2020, None, None)).ceiling == Decimal(500000)  # untouched


def test_a_whole_year_workbook_enters_the_years_realisation_and_budget(plan, tmp_path):
    path = fill(exported(plan, EntryPeriod(2020), tmp_path), {
        (INDICATORS, "I1", "Realisasi 2020"): 79,
        (INDICATORS, "I1", "Catatan"): "laporan tahunan",
        (BUDGETS, "K1", "Realisasi anggaran 2020"): 900000,
    })
    new = import_entry(plan, path).plan
    assert actual(new, "I1", (2020, None, None)).value == Decimal(79)
    year = budget(new, "K1", (2020, None, None))
    assert (year.ceiling, year.spent) == (Decimal(1000000), Decimal(900000))


def test_an_emptied_value_removes_it_and_an_emptied_record_goes(plan, tmp_path):
    path = fill(exported(plan, Q3, tmp_path), {
        (INDICATORS, "I2", "Realisasi Triwulan III"): None,  # its note stays
        (BUDGETS, "K1", "Realisasi anggaran Triwulan III"): None,
        (BUDGETS, "K1", "Realisasi fisik (%)"): None,
    })
    new = import_entry(plan, path).plan
    kept = actual(new, "I2", (2020, 3, None))
    assert kept.value is None and kept.note == "dari dinas"
    assert budget(new, "K1", (2020, 3, None)) is None
    path = fill(path, {(INDICATORS, "I2", "Catatan"): None, (INDICATORS, "I2", "Status"): None})
    assert actual(import_entry(plan, path).plan, "I2", (2020, 3, None)) is None


def test_an_untouched_cell_keeps_a_value_changed_since_the_download(plan, tmp_path):
    path = fill(exported(plan, Q3, tmp_path), {(INDICATORS, "I1", "Realisasi Triwulan III"): 70})
    since = replace(plan, indicators=tuple(
        replace(i, actuals=tuple(replace(a, note="diubah di web") for a in i.actuals))
        if i.code == "I2" else i for i in plan.indicators))
    new = import_entry(since, path).plan
    assert actual(new, "I2", (2020, 3, None)).note == "diubah di web"
    assert actual(new, "I1", (2020, 3, None)).value == Decimal(70)


def test_an_off_track_value_without_its_causes_is_refused_at_its_cell(plan, tmp_path):
    path = fill(exported(plan, Q3, tmp_path), {
        (INDICATORS, "I1", "Target Triwulan III"): 60,
        (INDICATORS, "I1", "Realisasi Triwulan III"): 30,
    })
    with pytest.raises(InputError) as error:
        import_entry(plan, path)
    [problem] = error.value.errors
    assert problem.code == "PLAN_OFF_TRACK_CAUSES"
    assert (problem.sheet, problem.row, problem.column) == (INDICATORS, FIRST_ROW, "K")
    assert "Triwulan III 50,00 % di bawah 80 %" in problem.message_id
    fill(path, {(INDICATORS, "I1", "Faktor penghambat"): "anggaran terlambat",
                (INDICATORS, "I1", "Rencana tindak lanjut"): "percepatan"})
    assert actual(import_entry(plan, path).plan, "I1", (2020, 3, None)).obstacles


def test_another_agencys_or_periods_workbook_is_refused(plan, tmp_path):
    path = exported(plan, Q3, tmp_path)
    other = replace(plan, agency=replace(plan.agency, code="lain"))
    with pytest.raises(InputError) as error:
        read_entry(path, other)
    assert [p.code for p in error.value.problems] == ["ENTRY_OTHER_AGENCY"]
    with pytest.raises(InputError) as error:
        read_entry(path, plan, EntryPeriod(2020, quarter=2))
    [problem] = error.value.problems
    assert problem.code == "ENTRY_OTHER_PERIOD"
    assert "Triwulan III 2020, bukan Triwulan II 2020" in problem.message_id


def test_a_changed_locked_cell_or_a_moved_row_is_refused_where_it_is(plan, tmp_path):
    path = fill(exported(plan, Q3, tmp_path), {(INDICATORS, "I2", "Target 2020"): 3,
                                               (BUDGETS, "K1", "Pagu 2020"): 1})
    with pytest.raises(InputError) as error:
        read_entry(path, plan)
    assert [(p.code, p.sheet, p.row, p.column) for p in error.value.problems] == [
        ("ENTRY_PROTECTED_CHANGED", INDICATORS, FIRST_ROW + 1, "E"),
        ("ENTRY_PROTECTED_CHANGED", BUDGETS, FIRST_ROW, "C")]
    book = openpyxl.load_workbook(exported(plan, Q3, tmp_path))
    book[INDICATORS].delete_rows(FIRST_ROW)
    book.save(tmp_path / "moved.xlsx")
    with pytest.raises(InputError) as error:
        read_entry(tmp_path / "moved.xlsx", plan)
    assert [(p.code, p.row, p.column) for p in error.value.problems] == [
        ("ENTRY_ROWS_CHANGED", FIRST_ROW, "A")]


def test_a_closed_row_and_a_bad_number_are_refused(plan, tmp_path):
    path = fill(exported(plan, Q3, tmp_path), {(INDICATORS, "I4", "Realisasi Triwulan III"): 9,
                                               (INDICATORS, "I1", "Realisasi Triwulan III"): "12.345"})
    with pytest.raises(InputError) as error:
        read_entry(path, plan)
    assert [(p.code, p.row, p.column) for p in error.value.problems] == [
        ("XLSX_AMBIGUOUS_NUMBER", FIRST_ROW, "G"), ("ENTRY_ROW_CLOSED", FIRST_ROW + 3, "G")]


def test_a_full_template_is_not_an_entry_workbook(plan, tmp_path):
    from sakip.io.workbook import export_plan

    export_plan(plan, tmp_path / "full.xlsx")
    with pytest.raises(InputError) as error:
        read_entry(tmp_path / "full.xlsx", plan)
    assert error.value.problems[0].code == "ENTRY_NOT_ENTRY"


def test_the_workbook_limits_apply(plan, tmp_path):
    from sakip.io.entry import Limits

    path = exported(plan, Q3, tmp_path)
    with pytest.raises(InputError) as error:
        read_entry(path, plan, limits=Limits(max_bytes=100))
    assert error.value.problems[0].code == "XLSX_TOO_LARGE"
    with pytest.raises(InputError) as error:
        read_entry(path, plan, limits=Limits(max_cells=20))
    assert error.value.problems[0].code == "XLSX_TOO_MANY_CELLS"


# --------------------------------------------------------------------------- the command


def sakip(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sakip.cli.main", *args], capture_output=True,
                          text=True, cwd=ROOT)


def test_the_command_exports_and_imports_into_the_plan_file(plan, tmp_path):
    plan_file = tmp_path / "rencana.yaml"
    save_plan(plan, plan_file)
    workbook = tmp_path / "isian.xlsx"
    done = sakip("export", str(plan_file), "--entry", "--year", "2020", "--quarter", "3",
                 "-o", str(workbook))
    assert done.returncode == 0, done.stderr
    fill(workbook, {(INDICATORS, "I1", "Target Triwulan III"): 60,
                    (INDICATORS, "I1", "Realisasi Triwulan III"): 30})
    before = plan_file.read_bytes()
    refused = sakip("import", str(workbook), "--into", str(plan_file))
    assert refused.returncode == 1
    assert "lembar 'Indikator', baris 4, kolom K" in refused.stderr
    assert "[PLAN_OFF_TRACK_CAUSES]" in refused.stderr
    assert plan_file.read_bytes() == before  # nothing half-written
    fill(workbook, {(INDICATORS, "I1", "Faktor penghambat"): "hambatan",
                    (INDICATORS, "I1", "Rencana tindak lanjut"): "tindak lanjut"})
    done = sakip("--lang", "en", "import", str(workbook), "--into", str(plan_file))
    assert done.returncode == 0, done.stderr
    assert "2 record(s) changed" in done.stdout
    assert actual(load_plan(plan_file), "I1", (2020, 3, None)).value == Decimal(30)
    again = sakip("import", str(workbook), "--into", str(plan_file))
    assert again.returncode == 0 and "Tidak ada yang berubah" in again.stdout


def test_the_command_asks_for_the_year_of_an_entry_workbook(tmp_path):
    done = sakip("export", "x.yaml", "--entry", "-o", str(tmp_path / "x.xlsx"))
    assert done.returncode == 2 and "--entry memerlukan --year [CLI_USAGE]" in done.stderr
    done = sakip("import", "x.xlsx")
    assert done.returncode == 2 and "CLI_USAGE" in done.stderr


# --------------------------------------------------------------------------- round trip

texts = st.text(st.characters(codec="ascii", categories=("L", "N", "Zs")), min_size=1,
                 max_size=30).map(str.strip).filter(bool)
measures = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False,
                       allow_infinity=False)
periods = st.one_of(st.just(EntryPeriod(2020)),
                    st.integers(1, 4).map(lambda q: EntryPeriod(2020, quarter=q)),
                    st.integers(1, 6).map(lambda m: EntryPeriod(2020, month=m)))


@st.composite
def entries(draw: st.DrawFn) -> dict[str, object]:
    status = draw(st.sampled_from(list(ActualStatus)))
    value = None if status is ActualStatus.NOT_AVAILABLE else draw(measures)
    return {"target": draw(measures.filter(bool)), "value": value, "status": status,
            "reason": draw(texts), "note": draw(st.none() | texts), "obstacles": draw(texts),
            "follow_up": draw(texts), "drivers": draw(texts), "spent": draw(measures),
            "physical": draw(st.decimals(0, 100, places=1)), "explanation": draw(st.none() | texts)}


ROUND_TRIP = """\
    goals:
      - code: T1
        name: Tujuan
        indicators:
          - {code: A, name: A, targets: {2020: {value: 80, note: rencana aksi bertahap}}}
          - {code: B, name: B, polarity: negative,
             targets: {2020: {value: 5, note: rencana aksi bertahap}}}
    programs:
      - code: P1
        name: Program
        activities:
          - {code: K1, name: Kegiatan, budget: {2020: {ceiling: 2000000000}}}
    """


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(period=periods, a=entries(), b=entries())
def test_random_period_values_come_back_equal(tmp_path_factory, period, a, b):
    base = plan_from(ROUND_TRIP)
    folder = tmp_path_factory.mktemp("entry")
    part = period.part()
    values: dict[tuple[str, str, str], object] = {}
    for code, entry in (("A", a), ("B", b)):
        if period.period is not None:
            values[(INDICATORS, code, f"Target {part}")] = float(entry["target"])
        values.update({
            (INDICATORS, code, f"Realisasi {part}"):
                None if entry["value"] is None else float(entry["value"]),
            (INDICATORS, code, "Status"): label(entry["status"]),
            (INDICATORS, code, "Alasan"): entry["reason"], (INDICATORS, code, "Catatan"): entry["note"],
            (INDICATORS, code, "Faktor penghambat"): entry["obstacles"],
            (INDICATORS, code, "Rencana tindak lanjut"): entry["follow_up"],
            (INDICATORS, code, "Faktor pendorong"): entry["drivers"]})
    values.update({(BUDGETS, "K1", f"Realisasi anggaran {part}"): float(a["spent"]),
                   (BUDGETS, "K1", "Realisasi fisik (%)"): float(a["physical"]),
                   (BUDGETS, "K1", "Penjelasan"): a["explanation"]})
    path = fill(exported(base, period, folder), values)
    new = import_entry(base, path, expected=period).plan
    key = (period.year, period.quarter, period.month)
    for code, entry in (("A", a), ("B", b)):
        got = actual(new, code, key)
        assert (got.value, got.status, got.reason, got.note, got.obstacles, got.follow_up,
                got.drivers) == (entry["value"], entry["status"], entry["reason"], entry["note"],
                                 entry["obstacles"], entry["follow_up"], entry["drivers"])
        if period.period is not None:
            assert target(new, code, key).value == entry["target"]
    line = budget(new, "K1", key)
    assert (line.spent, line.physical, line.explanation) == (a["spent"], a["physical"],
                                                             a["explanation"])
    # and exported again, the cells hold what was typed
    again = exported(new, period, folder)
    assert cell(again, INDICATORS, "A", "Status") == label(a["status"])
    assert cell(again, INDICATORS, "B", "Faktor pendorong") == b["drivers"]
    assert cell(again, BUDGETS, "K1", "Realisasi fisik (%)") == float(a["physical"])
    assert import_entry(new, again).changed == 0


def test_every_entry_problem_code_is_documented():
    import re

    codes = {code for path in (ROOT / "sakip" / "io" / "entry").glob("*.py")
             for code in re.findall(r'"(ENTRY_[A-Z_]+)"', path.read_text(encoding="utf-8"))}
    docs = (ROOT / "docs" / "workbook.md").read_text(encoding="utf-8")
    assert codes and [code for code in sorted(codes) if f"`{code}`" not in docs] == []


def _calc() -> bool:
    """LibreOffice with its spreadsheet part (Debian splits Calc from Writer)."""
    program = shutil.which("soffice")
    return program is not None and any(
        (Path(program).resolve().parent / name).exists() for name in ("libsclo.so", "scalc"))


@pytest.mark.skipif(not _calc(), reason="LibreOffice Calc is not installed")
def test_a_workbook_saved_again_by_libreoffice_imports_the_same(plan, tmp_path):
    path = fill(exported(plan, Q3, tmp_path), {(INDICATORS, "I1", "Realisasi Triwulan III"): 79.5,
                                               (INDICATORS, "I1", "Catatan"): "dicek"})
    resaved = tmp_path / "libreoffice"
    profile = (tmp_path / "profile").as_uri()  # its own: another LibreOffice running does not matter
    done = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                           "--convert-to", "xlsx", "--outdir", str(resaved), str(path)],
                          check=True, capture_output=True, timeout=300)
    assert (resaved / path.name).exists(), done.stdout + done.stderr
    result = import_entry(plan, resaved / path.name)
    assert result.changed == 1
    got = actual(result.plan, "I1", (2020, 3, None))
    assert (got.value, got.note) == (Decimal("79.5"), "dicek")
