import textwrap
from dataclasses import replace
from decimal import Decimal

import pytest

from sakip.core.enums import ActualStatus, Level, Polarity
from sakip.io.plan_dump import dump_plan
from sakip.io.plan_file import load_plan, parse_plan
from sakip.io.problems import InputError
from tests.conftest import BASE, plan_from

GOALS = """\
goals:
  - code: T1
    name: Tujuan satu
    mission: M1
    indicators:
      - code: I1
        name: Indikator satu
        polarity: negative
        formula: kasus[n] / penduduk[n] * 10000
        targets: {2020: 5.7, 2021: {value: 5.5}}
        actuals:
          2019: 8.17
          2020: {value: 3.09, note: SIMFONI}
          2021: {status: not_available, reason: belum terbit, expected: 2022-06}
    objectives:
      - code: S1
        name: Sasaran satu
        indicators:
          - code: I2
            name: Indikator kualitatif
            levels: [Pratama, Madya]
            targets: {2020: Pratama}
            actuals: {2020: Madya}
programs:
  - code: P1
    name: Program satu
    objective: S1
    activities:
      - code: K1
        name: Kegiatan satu
        budget: {2020: {ceiling: 100, spent: 50, explanation: pandemi}}
        sub_activities:
          - {code: K1.1, name: Sub kegiatan}
series:
  - {code: kasus, name: Kasus, values: {2020: 27}}
  - {code: penduduk, name: Penduduk, values: {2020: 87296}}
agreements:
  - {year: 2020, number: 0, kind: original, signed: 2020-01, items: [{indicator: I1, target: 5.7}]}
"""


def problems_of(text):
    with pytest.raises(InputError) as caught:
        parse_plan(text, "<test>")
    return caught.value.problems


def codes_of(text):
    return [p.code for p in problems_of(text)]


def test_a_valid_document_becomes_a_plan():
    plan = plan_from(GOALS)
    first = plan.indicator_by_code["I1"]
    assert first.level is Level.GOAL and first.owner == "T1" and first.polarity is Polarity.NEGATIVE
    assert [t.year for t in first.targets] == [2020, 2021]
    assert first.actuals[2].status is ActualStatus.NOT_AVAILABLE
    assert plan.indicator_by_code["I2"].targets[0].text == "Pratama"
    assert plan.activity_by_code["K1.1"].parent == "K1"
    assert plan.budgets[0].explanation == "pandemi"


def test_dump_then_parse_gives_the_same_plan():
    plan = plan_from(GOALS)
    assert parse_plan(dump_plan(plan), "<dump>") == plan


def test_numbers_never_become_floats():
    plan = plan_from(GOALS)
    assert str(plan.indicator_by_code["I1"].targets[0].value) == "5.7"


def test_every_problem_is_reported_at_once_with_its_line():
    broken = (GOALS.replace("polarity: negative", "polarity: negatif")
              .replace("ceiling: 100", "ceiling: Rp100")
              .replace("objective: S1", "objective: S9")
              .replace("2021: {value: 5.5}", "2025: {value: 5.5}")
              .replace("indicator: I1, target", "indicator: I9, target"))
    problems = problems_of(BASE + broken)
    assert {p.code for p in problems} == {
        "PLAN_BAD_CHOICE", "PLAN_BAD_NUMBER", "PLAN_UNKNOWN_OBJECTIVE",
        "PLAN_YEAR_OUTSIDE_PERIOD", "PLAN_UNKNOWN_INDICATOR"}
    polarity = next(p for p in problems if p.code == "PLAN_BAD_CHOICE")
    assert polarity.line == 12 and polarity.path == "goals[0].indicators[0].polarity"
    assert "negatif" in polarity.message_id and "pilihan" in polarity.message_id


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (("name: Tujuan satu", "nama: Tujuan satu"), "PLAN_UNKNOWN_FIELD"),
        (("code: S1", "code: T1x\n        name2: x"), "PLAN_UNKNOWN_FIELD"),
        (("- code: I2", "- code: I1"), "PLAN_DUPLICATE_CODE"),
        (("2019: 8.17", "2019: 8,17"), "PLAN_BAD_NUMBER"),
        (("status: not_available, reason: belum terbit", "status: not_available"),
         "PLAN_MISSING_REASON"),
        (("kasus[n] / penduduk[n]", "kasus[n] / pendudk[n]"), "PLAN_UNKNOWN_SERIES"),
        (("kasus[n] / penduduk[n]", "kasus[n] // penduduk[n]"), "PLAN_BAD_FORMULA"),
        (("signed: 2020-01", "signed: 2020-13"), "PLAN_BAD_DATE"),
        (("mission: M1", "mission: M7"), "PLAN_UNKNOWN_MISSION"),
        (("ceiling: 100", "ceiling: -100"), "PLAN_NEGATIVE_BUDGET"),
        (("targets: {2020: Pratama}", "targets: {2020: Utama}"), "PLAN_BAD_NUMBER"),
    ],
)
def test_each_kind_of_mistake_has_a_stable_code(change, code):
    old, new = change
    assert old in GOALS
    assert code in codes_of(BASE + GOALS.replace(old, new, 1))


def test_missing_required_sections():
    # agency and strategic_plan; a region may be left out (a plan made only to be measured)
    assert codes_of("format: sakip-plan/1\n") == ["PLAN_MISSING_FIELD"] * 2


def test_syntax_error_is_one_problem_with_a_line():
    problems = problems_of(BASE + "goals:\n  - code: [T1\n")
    assert [p.code for p in problems] == ["PLAN_YAML_SYNTAX"]
    assert problems[0].line is not None


def test_wrong_format_and_empty_file():
    assert "PLAN_BAD_FORMAT" in codes_of(BASE.replace("sakip-plan/2", "sakip-plan/9"))
    assert codes_of("") == ["PLAN_EMPTY"]


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError) as caught:
        load_plan(tmp_path / "nope.yaml")
    assert caught.value.problems[0].code == "PLAN_FILE_NOT_FOUND"
    with pytest.raises(InputError) as caught:
        load_plan(tmp_path)
    assert caught.value.problems[0].code == "PLAN_FILE_IS_DIRECTORY"


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(InputError) as caught:
        load_plan(path)
    assert caught.value.problems[0].code == "PLAN_FILE_NOT_TEXT"


def test_settings_and_extra_scales():
    plan = plan_from(textwrap.dedent("""\
        settings: {rounding: truncate, negative_formula: t/r, cap: 120, category_scale: tiga}
        scales:
          - code: tiga
            name: Tiga pita
            kind: category
            closed: left
            bands: [{label: Rendah, upper: 50}, {label: Sedang, lower: 50, upper: 100},
                    {label: Tinggi, lower: 100}]
        """))
    assert plan.settings.cap == 120 and plan.settings.category_scale == "tiga"
    assert parse_plan(dump_plan(plan), "<dump>") == plan
    assert "PLAN_UNKNOWN_SCALE" in codes_of(BASE + "settings: {category_scale: nope}\n")


def test_generated_plans_round_trip_through_the_file_format():
    from benchmarks.generate import generate_plan

    for index in range(3):
        plan = generate_plan(index, indicators=60, years=5)
        assert parse_plan(dump_plan(plan), "<generated>") == plan


def test_the_example_round_trips(belitung):
    assert parse_plan(dump_plan(belitung), "<dump>") == belitung


def test_canonical_order_groups_records_as_the_file_nests_them(belitung):
    """Records grouped differently (as a database or a workbook may return them) come back in
    the file's order; the order within a group is the user's and is kept."""
    level = {"activity": 0, "program": 1, "objective": 2, "goal": 3}
    shuffled = replace(
        belitung,
        indicators=tuple(sorted(belitung.indicators, key=lambda i: level[i.level.value])),
        activities=tuple(sorted(belitung.activities, key=lambda a: -int(a.program[1:]))),
        budgets=tuple(sorted(belitung.budgets, key=lambda b: -int(b.activity.split(".")[0][1:]))),
    )
    assert shuffled != belitung and shuffled.canonical() == belitung


def test_empty_cells_empty_tables_and_zero_settings_survive_a_round_trip():
    plan = plan_from("""\
        settings: {absorption_threshold: 0}
        tables:
          - {code: kosong, title: Tabel kosong, columns: []}
          - {code: t, title: Tabel, columns: [a, b, c], rows: [[~, "null", 1.50]]}
        """)
    assert plan.settings.absorption_threshold == 0
    cells = plan.tables[1].rows[0]
    assert cells == (None, "null", Decimal("1.50"))
    assert parse_plan(dump_plan(plan), "<dump>") == plan


def test_periods_are_ordered_whatever_the_file_order():
    plan = plan_from("""\
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - {code: I, name: I, targets: {2021: 2, 2020: 1},
                 actuals: {2021: 3, 2020: {quarters: {2: 5, 1: 4}, value: 9}}}
        """)
    indicator = plan.indicators[0]
    assert [t.year for t in indicator.targets] == [2020, 2021]
    assert [(a.year, a.quarter) for a in indicator.actuals] == [(2020, None), (2020, 1), (2020, 2),
                                                                 (2021, None)]


def test_saved_plans_are_ordinary_files(tmp_path):
    import os
    import stat

    from sakip.io.plan_file import save_plan

    path = tmp_path / "plan.yaml"
    save_plan(plan_from(GOALS), path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert load_plan(path) == plan_from(GOALS)
