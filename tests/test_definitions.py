"""The indicator definition sheet (manual indikator): what it lacks, and its LKjIP annex."""

from dataclasses import replace

import pytest

from sakip.core.definitions import SheetField, missing, sheet, sheets
from sakip.core.enums import Frequency, Level
from sakip.report import build_report, write_document
from sakip.report.model import tables_of
from sakip.report.text import Text
from tests.conftest import plan_from

DOC = """\
goals:
  - code: T1
    name: Tujuan satu
    indicators:
      - code: FULL
        name: Lengkap
        unit: "%"
        formula: kasus[n] / penduduk[n] * 100
        definition: Kasus per penduduk.
        data_source: SIMFONI PPA
        frequency: quarterly
        responsible: Kepala Bidang PPA
        rationale: Mengukur hasil perlindungan.
        targets: {2020: 5}
      - {code: WORDS, name: Dihitung BPS, unit: indeks, definition: Dari BPS., calculation: Rumus UNDP.,
         data_source: BPS, frequency: yearly, responsible: Sekretaris, rationale: IKU RPJMD.}
      - {code: BARE, name: Kosong}
      - {code: LEVELS, name: Predikat, levels: [Pratama, Madya], definition: Predikat KLA.}
programs:
  - code: P1
    name: Program satu
    indicators:
      - {code: PI, name: Program, unit: "%"}
series:
  - {code: kasus, name: Jumlah kasus, unit: kasus, values: {2020: 27}}
  - {code: penduduk, name: Jumlah penduduk, unit: jiwa, values: {2020: 87296}}
"""


def test_a_complete_sheet_lacks_nothing_and_names_the_series_its_formula_reads():
    plan = plan_from(DOC)
    full = sheet(plan, plan.indicator_by_code["FULL"])
    assert full.complete and full.missing == ()
    assert full.owner_name == "Tujuan satu"
    assert [(s.code, s.name, s.unit) for s in full.series] == [
        ("kasus", "Jumlah kasus", "kasus"), ("penduduk", "Jumlah penduduk", "jiwa")]


def test_the_calculation_in_words_stands_for_a_formula():
    plan = plan_from(DOC)
    assert missing(plan.indicator_by_code["WORDS"]) == ()
    assert sheet(plan, plan.indicator_by_code["WORDS"]).series == ()


def test_an_empty_sheet_lists_every_field_in_sheet_order():
    plan = plan_from(DOC)
    assert missing(plan.indicator_by_code["BARE"]) == tuple(SheetField)
    blank = replace(plan.indicator_by_code["FULL"], responsible="  ", frequency=None)
    assert missing(blank) == (SheetField.FREQUENCY, SheetField.RESPONSIBLE)


def test_a_qualitative_indicator_needs_no_unit():
    plan = plan_from(DOC)
    assert SheetField.UNIT not in missing(plan.indicator_by_code["LEVELS"])
    assert plan.indicator_by_code["FULL"].frequency is Frequency.QUARTERLY


def test_sheets_of_some_levels():
    plan = plan_from(DOC)
    assert [s.indicator.code for s in sheets(plan, (Level.PROGRAM,))] == ["PI"]
    assert len(sheets(plan)) == 5


@pytest.fixture(scope="module")
def belitung_report(belitung, tmp_path_factory):
    document = build_report(belitung, 2020)
    path = write_document(document, tmp_path_factory.mktemp("manual") / "lkjip.html")
    return document, path.read_text(encoding="utf-8")


def test_the_lkjip_annex_holds_a_sheet_per_goal_and_objective_indicator(belitung, belitung_report):
    document, page = belitung_report
    found = [t for t in tables_of(document) if t.id == "tabel-manual-indikator"]
    assert len(found) == 1
    groups = [row.cells[1].text for row in found[0].rows if row.kind.value == "group"]
    expected = [f"{i.code} {i.name}" for i in belitung.indicators
                if i.level in (Level.GOAL, Level.OBJECTIVE)]
    assert groups == expected and len(groups) == 9
    assert "Manual Indikator Kinerja" in page
    assert ("(Jumlah PMKS tahun sebelumnya − Jumlah PMKS tahun berjalan) ÷ Jumlah PMKS tahun "
            "sebelumnya × 100<br>Jumlah PMKS: orang/KK") in page  # the formula in words
    t = Text("id")
    for code in ("IKU-01", "IK-T4"):  # each sheet's completeness as the core finds it
        lacking = missing(belitung.indicator_by_code[code])
        said = ("Lengkap." if not lacking else "Belum diisi: " + ", ".join(
            t(f"annex.def_{f.value}").lower() for f in lacking) + ".")
        assert said in page
    assert "diproyeksikan mencapai 87,26 indeks pada tahun 2023" in page  # chapter 3: IPG
