"""Periods within a year (issue 12; sakip/core/periods.py, docs/measurement.md "Periods"): the
year's value from its quarters or months is the indicator's rule applied to them, for every rule,
wherever it is read — the measurement, the monitoring and a plan file read back."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from statistics import mean as statistics_mean

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.core.budget import year_budgets
from sakip.core.enums import ActualStatus, Aggregation
from sakip.core.measure import measure
from sakip.core.model import Actual, Budget, Target
from sakip.core.monitoring import Standing, cumulative, needs_causes, period_results, progress
from sakip.core.periods import Period, compose, finest, periodic, upto, within
from sakip.io.plan_checks import check_plan
from sakip.io.plan_dump import dump_plan
from sakip.io.plan_file import parse_plan
from sakip.io.problems import InputError
from tests.conftest import plan_from

VALUE = st.decimals(min_value=Decimal("-1000"), max_value=Decimal("100000"), places=2)
RULES = list(Aggregation)


def expected(rule: Aggregation, values: list[Decimal]) -> Decimal:
    """The rule as a person states it, computed without sakip.core.periods."""
    return {
        Aggregation.SUM: lambda: sum(values, Decimal(0)),
        Aggregation.LAST: lambda: values[-1],
        Aggregation.MEAN: lambda: Decimal(statistics_mean(values)),
        Aggregation.MAXIMUM: lambda: max(values),
        Aggregation.MINIMUM: lambda: min(values),
    }[rule]()


@settings(max_examples=80, deadline=None)
@given(rule=st.sampled_from(RULES), values=st.lists(VALUE, min_size=1, max_size=12))
def test_compose_is_the_rule_applied(rule: Aggregation, values: list[Decimal]) -> None:
    assert compose(rule, values) == expected(rule, values)
    assert compose(rule, []) is None


def _plan(rule: Aggregation, months: bool, values: list[Decimal]) -> str:
    key = "months" if months else "quarters"
    periods = ", ".join(f"{number}: {value}" for number, value in enumerate(values, 1))
    return f"""\
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - code: I1
                name: Indikator
                aggregation: {rule.value}
                targets: {{2020: 100}}
                actuals: {{2020: {{{key}: {{{periods}}}}}}}
        """


@settings(max_examples=60, deadline=None)
@given(rule=st.sampled_from(RULES), months=st.booleans(), data=st.data())
def test_the_years_realisation_is_its_periods_composed(rule, months, data) -> None:
    """Read from a plan file, measured: the realisation is the rule applied to the periods in
    calendar order, final only when every period is in; written back and read again, the same."""
    count = data.draw(st.integers(min_value=1, max_value=12 if months else 4))
    values = data.draw(st.lists(VALUE, min_size=count, max_size=count))
    plan = plan_from(_plan(rule, months, values))
    result = measure(plan, 2020).result("I1")
    assert result.reported == expected(rule, values)
    assert (result.status is ActualStatus.FINAL) == (count == (12 if months else 4))
    again = parse_plan(dump_plan(plan), "<dump>")
    assert again == plan
    assert measure(again, 2020).result("I1").reported == result.reported


@settings(max_examples=60, deadline=None)
@given(rule=st.sampled_from(RULES), values=st.lists(VALUE, min_size=12, max_size=12))
def test_months_compose_into_their_quarters_and_up_to_any_month(rule, values) -> None:
    periods = [(Period.of(None, month), value) for month, value in enumerate(values, 1)]
    for quarter in (1, 2, 3, 4):
        assert within(rule, periods, quarter) == expected(rule, values[3 * quarter - 3:3 * quarter])
    for end in range(1, 13):
        assert upto(rule, periods, end) == expected(rule, values[:end])
    # a quarter's own record is its value, whatever its months say
    own = [*periods, (Period.of(2, None), Decimal(7))]
    assert within(rule, own, 2) == Decimal(7)


def test_periods_sort_as_the_calendar_and_months_win_over_quarters() -> None:
    records = [Actual(2020, Decimal(1), quarter=2), Actual(2020, Decimal(2), month=4),
               Actual(2020, Decimal(3)), Actual(2020, Decimal(4), month=1),
               Actual(2020, Decimal(5), quarter=1)]
    assert [(a.quarter, a.month) for a in periodic(records)] == [
        (None, 1), (1, None), (None, 4), (2, None)]
    assert [a.month for a in finest(records)] == [1, 4]
    assert Period.of(3, None).label() == "Triwulan III"
    assert Period.of(None, 7).label("en") == "July"


# --------------------------------------------------------------------------- monitoring

BASE = """\
    settings: {{off_track_below: 80, well_above: 120}}
    goals:
      - code: T1
        name: Tujuan
        indicators:
          - code: I1
            name: Indikator
            aggregation: sum
            targets: {{2020: {{value: 100, quarters: {{1: 25, 2: 25, 3: 25, 4: 25}}}}, 2023: 400}}
            actuals: {{2019: 90, 2020: {{quarters: {{1: {q1}, 2: 25}}}}}}
    """


def test_an_off_track_quarter_cannot_be_saved_without_its_causes() -> None:
    with pytest.raises(InputError) as raised:
        plan_from(BASE.format(q1=10))
    [problem] = [p for p in raised.value.problems if p.code == "PLAN_OFF_TRACK_CAUSES"]
    assert "Triwulan I" in problem.message_id and "40" in problem.message_id
    causes = "{value: 10, obstacles: Hujan, follow_up: Jadwal ulang}"
    plan = plan_from(BASE.format(q1=causes))
    first, second, third, _fourth = period_results(plan, plan.indicator_by_code["I1"], 2020)
    assert (first.achievement, first.standing) == (Decimal("40.00"), Standing.OFF_TRACK)
    assert second.standing is Standing.ON_TRACK
    assert (third.target, third.actual, third.standing) == (Decimal(25), None, None)
    assert needs_causes(plan, plan.indicator_by_code["I1"], 2020) == ()


def test_well_above_needs_its_drivers() -> None:
    with pytest.raises(InputError) as raised:
        plan_from(BASE.format(q1=40))
    assert {p.code for p in raised.value.problems} == {"PLAN_WELL_ABOVE_CAUSES"}
    plan_from(BASE.format(q1="{value: 40, drivers: Kampanye sekolah}"))


def test_period_targets_that_do_not_compose_need_a_note() -> None:
    text = BASE.format(q1=25).replace("quarters: {1: 25, 2: 25, 3: 25, 4: 25}",
                                      "quarters: {1: 25, 2: 25, 3: 25, 4: 30}")
    with pytest.raises(InputError) as raised:
        plan_from(text)
    assert {p.code for p in raised.value.problems} == {"PLAN_PERIOD_TARGETS"}
    plan_from(text.replace("value: 100,", "value: 100, note: TW IV termasuk sisa 2019,"))


def test_progress_and_cumulative_follow_the_rule() -> None:
    plan = plan_from(BASE.format(q1=25))
    indicator = plan.indicator_by_code["I1"]
    so_far = progress(plan, indicator, 2020, 6)
    assert (so_far.value, so_far.of_year, so_far.final_target) == (
        Decimal(50), Decimal("50.00"), Decimal(400))
    assert so_far.of_final == Decimal("12.50")
    assert cumulative(plan, indicator, 2020) == Decimal(50)  # a level: the latest year's
    total = replace(indicator, over_years=Aggregation.SUM)
    assert cumulative(plan, total, 2020) == Decimal(140)  # a total: 90 in 2019 + 50 so far
    last = replace(indicator, aggregation=Aggregation.LAST)
    assert cumulative(plan, last, 2020) == Decimal(25)  # 2020 is its last quarter's value


def test_a_mix_of_quarters_and_months_and_both_on_one_record_are_refused() -> None:
    plan = plan_from(BASE.format(q1=25))
    indicator = plan.indicator_by_code["I1"]
    mixed = replace(indicator, actuals=(*indicator.actuals, Actual(2020, Decimal(5), month=9)))
    both = replace(indicator, targets=(*indicator.targets, Target(2021, Decimal(5), quarter=1,
                                                                    month=2)))
    codes = {p.code for p in check_plan(replace(plan, indicators=(mixed,)))}
    assert "PLAN_PERIOD_MIX" in codes
    assert "PLAN_PERIOD_BOTH" in {p.code for p in check_plan(replace(plan, indicators=(both,)))}


def test_a_years_spending_comes_from_its_months_when_it_has_none() -> None:
    plan = plan_from("""\
        programs:
          - code: P1
            name: Program
            activities:
              - code: K1
                name: Kegiatan
                budget:
                  2020:
                    ceiling: 1000
                    months: {1: 100, 2: {spent: 250, physical: 30}, 3: {spent: 50, physical: 45}}
        """)
    budget = year_budgets(plan, 2020)["K1"]
    assert (budget.ceiling, budget.spent, budget.physical) == (Decimal(1000), Decimal(400),
                                                               Decimal(45))
    assert measure(plan, 2020).budget_line("K1").absorption == Decimal("40.00")
    ceiling = replace(plan, budgets=(*plan.budgets, Budget("K1", 2020, Decimal(5), month=4)))
    assert "PLAN_PERIOD_CEILING" in {p.code for p in check_plan(ceiling)}


def test_a_plan_file_of_version_1_is_read_and_written_as_version_2() -> None:
    old = """\
        format: sakip-plan/1
        region: {name: Kabupaten Contoh, kind: regency}
        agency: {code: dinas, name: Dinas Contoh}
        strategic_plan: {name: Renstra, start: 2019, end: 2023}
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - {code: I1, name: Indikator, aggregation: cumulative}
              - {code: I2, name: Indikator, aggregation: average}
        """
    from textwrap import dedent

    plan = parse_plan(dedent(old), "<v1>")
    assert [i.aggregation for i in plan.indicators] == [Aggregation.SUM, Aggregation.MEAN]
    text = dump_plan(plan)
    assert text.startswith("format: sakip-plan/2") and "aggregation: sum" in text


def test_the_causes_recorded_through_the_year_reach_the_report() -> None:
    from sakip.report import Options, build_report
    from sakip.report.model import ListBlock, blocks_of

    causes = "{value: 10, obstacles: Hujan  deras, follow_up: Jadwal ulang}"
    plan = plan_from(BASE.format(q1=causes))

    def listed(lang: str) -> str:
        document = build_report(plan, 2020, Options(lang=lang, charts=False))
        return "\n".join(item.text for _, block in blocks_of(document)
                         if isinstance(block, ListBlock) for item in block.items)

    assert ("Indikator — Triwulan I: faktor penghambat: Hujan deras; tindak lanjut: Jadwal ulang."
            in listed("id"))
    assert "Indikator — Quarter I: obstacles: Hujan deras; follow-up: Jadwal ulang." in listed("en")


def test_periods_with_the_same_causes_are_named_once() -> None:
    q1, q2, m1, m3 = Period.of(1, None), Period.of(2, None), Period.of(None, 1), Period.of(None, 3)
    assert q1.follows(q2) and not q2.follows(q1) and not m1.follows(m3)
    assert q1.span(Period.of(4, None)) == "Triwulan I–IV"
    assert m1.span(m3, "en") == "January–March" and q2.span(q2) == "Triwulan II"


def test_progress_is_measured_against_the_target_signed_in_the_agreement() -> None:
    agreement = """\
    agreements:
      - {year: 2020, number: 0, kind: original, signed: 2020-01, items: [{indicator: I1, target: 80}]}
      - {year: 2020, number: 1, kind: amendment, signed: 2020-09, reason: Refocusing,
         items: [{indicator: I1, target: 200}]}
    """
    plan = plan_from(BASE.format(q1=25).rstrip(" ") + agreement)
    so_far = progress(plan, plan.indicator_by_code["I1"], 2020, 6)
    # the amendment in force: 50 so far of 200 signed = 25 %, not 50 of the Renstra's 100
    assert (so_far.year_target, so_far.of_year) == (Decimal(200), Decimal("25.00"))
