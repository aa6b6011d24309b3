"""What agencies print that Sakip now says (issue 10, item 10; docs/measurement.md): a cap on one
indicator, a qualitative target met counting 100, absorptions with their own decimal places, key
indicators at activity level, a plan with activity indicators only."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.core.budget import absorption_places
from sakip.core.measure import measure
from sakip.core.numbers import percent, quantize
from sakip.io.plan_dump import dump_plan
from sakip.io.plan_file import parse_plan
from sakip.report.build import build_report
from sakip.report.model import tables_of
from tests.conftest import plan_from

FIGURE = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100000), places=2)


def _one_indicator(target: Decimal, actual: Decimal, extra: str = "", settings_: str = "") -> str:
    return f"""\
        {settings_}
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - code: I1
                name: Indikator
                {extra}
                targets: {{2020: {target}}}
                actuals: {{2020: {actual}}}
        """


@settings(max_examples=60, deadline=None)
@given(target=FIGURE, actual=FIGURE, cap=st.sampled_from([Decimal(100), Decimal(120),
                                                           Decimal("110.5")]))
def test_an_indicator_cap_cuts_its_achievement_and_keeps_the_uncapped_one(target, actual, cap):
    free = measure(plan_from(_one_indicator(target, actual)), 2020).result("I1")
    capped = measure(plan_from(_one_indicator(target, actual, f"cap: {cap}")), 2020).result("I1")
    assert capped.achievement == min(free.achievement, cap)
    assert (capped.uncapped == free.achievement) if free.achievement > cap else capped.uncapped is None
    agency = measure(plan_from(_one_indicator(target, actual, f"cap: {cap}")), 2020).groups[-1]
    assert agency.achievement == capped.achievement  # the mean counts the capped figure


def test_a_capped_achievement_is_printed_capped_with_its_uncapped_value_as_a_note():
    plan = plan_from(_one_indicator(Decimal(50), Decimal(80), "cap: 100"))
    report = build_report(plan, 2020)
    cells = [c for table in tables_of(report) for c in table.cells()
             if c.key == "achievement:2020:I1"]
    assert cells and all(c.text == "100,00" and "160,00" in (c.note or "") for c in cells)
    assert "cap: 100" in dump_plan(plan) and parse_plan(dump_plan(plan)) == plan


QUALITATIVE = """\
    goals:
      - code: T1
        name: Tujuan
        indicators:
          - {{code: Q1, name: Predikat, levels: [Pratama, Madya, Nindya], targets: {{2020: Madya}},
             actuals: {{2020: {actual}}}}}
          - {{code: N1, name: Angka, targets: {{2020: 80}}, actuals: {{2020: 60}}}}
    """


@given(actual=st.sampled_from(["Pratama", "Madya", "Nindya"]), counted=st.booleans())
@settings(max_examples=12, deadline=None)
def test_a_qualitative_target_met_counts_100_in_means_when_the_plan_says_so(actual, counted):
    header = "    settings: {qualitative_in_means: true}\n" if counted else ""
    m = measure(plan_from(header + QUALITATIVE.format(actual=actual)), 2020)
    result, agency = m.result("Q1"), m.groups[-1]
    met = actual != "Pratama"
    assert result.met is met
    if counted:
        assert result.achievement == (100 if met else 0)
        assert agency.achievement == quantize((Decimal(100 if met else 0) + 75) / 2, 2)
        assert agency.count == 2
    else:
        assert result.achievement is None and agency.achievement == 75 and agency.count == 1


BUDGET = """\
    settings: {{achievement_places: 2{places}}}
    goals: [{{code: T1, name: Tujuan}}]
    programs:
      - code: P1
        name: Program
        activities:
          - code: K1
            name: Kegiatan
            budget: {{2020: {{ceiling: {ceiling}, spent: {spent}}}}}
    """


@settings(max_examples=40, deadline=None)
@given(ceiling=st.integers(1, 10**12), share=st.integers(0, 1000), places=st.none() | st.integers(0, 6))
def test_absorptions_have_their_own_decimal_places(ceiling, share, places):
    spent = ceiling * share // 1000
    extra = "" if places is None else f", absorption_places: {places}"
    plan = plan_from(BUDGET.format(places=extra, ceiling=ceiling, spent=spent))
    line = measure(plan, 2020).budget_line("K1")
    wanted = 2 if places is None else places
    assert absorption_places(plan.settings) == wanted
    assert line.absorption == quantize(percent(Decimal(spent), Decimal(ceiling)), wanted)


ACTIVITY_ONLY = """\
    goals: [{{code: T1, name: Tujuan}}]
    programs:
      - code: P1
        name: Program
        activities:
          - code: K1
            name: Kegiatan
            indicators:
              - {{code: A1, name: Satu, key: {key1}, targets: {{2020: 100}}, actuals: {{2020: 90}}}}
              - {{code: A2, name: Dua, targets: {{2020: 100}}, actuals: {{2020: 70}}}}
    """


def test_a_unit_whose_indicators_are_all_activities_gets_a_mean():
    m = measure(plan_from(ACTIVITY_ONLY.format(key1="false")), 2020)
    assert m.key == ("A1", "A2") and m.groups[-1].achievement == 80


def test_key_indicators_marked_at_activity_level_are_the_agency_mean():
    m = measure(plan_from(ACTIVITY_ONLY.format(key1="true")), 2020)
    assert m.key == ("A1",) and m.groups[-1].achievement == 90


MEASURE_ONLY = """\
format: sakip-plan/2
agency: {code: uptd, name: UPTD Contoh}
strategic_plan: {start: 2020, end: 2024}
programs:
  - code: P1
    name: Program
    activities:
      - code: K1
        name: Kegiatan
        indicators:
          - {code: A1, name: Cakupan layanan, targets: {2020: 80}, actuals: {2020: 72}}
          - {code: A2, name: Waktu tunggu, polarity: negative, targets: {2020: 7}, actuals: {2020: 8}}
"""


def test_a_plan_made_only_to_be_measured_needs_no_region_and_no_renstra_name(tmp_path):
    import pytest

    from sakip.io.problems import InputError
    from sakip.io.workbook import export_plan, load_workbook

    plan = parse_plan(MEASURE_ONLY)
    assert not plan.region.given and plan.strategic_plan.title == "Renstra 2020–2024"
    m = measure(plan, 2020)
    assert m.groups[-1].achievement == quantize((Decimal(90) + Decimal("85.71428571")) / 2, 2)
    assert "region" not in dump_plan(plan) and parse_plan(dump_plan(plan)) == plan
    export_plan(plan, tmp_path / "rencana.xlsx")
    assert load_workbook(tmp_path / "rencana.xlsx") == plan
    with pytest.raises(InputError) as refused:
        build_report(plan, 2020)
    assert [p.code for p in refused.value.problems] == ["REPORT_NEEDS_REGION"]
