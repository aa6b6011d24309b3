"""The Renstra view (sakip.core.renstra): each year's target and realisation, progress to the
final target, and the projection to the final year at the current rate."""

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.core.enums import Level
from sakip.core.measure import measure
from sakip.core.renstra import NoProjection, line, renstra
from tests.conftest import plan_from

DOC = """\
goals:
  - code: T1
    name: Tujuan satu
    indicators:
      - {code: UP, name: Naik, key: true, targets: {2019: 70, 2020: 75, 2021: 80, 2022: 85, 2023: 90},
         actuals: {2019: 70, 2020: 74}}
      - {code: DOWN, name: Prevalensi, key: true, polarity: negative,
         targets: {2019: 8, 2020: 7, 2021: 6, 2022: 5.5, 2023: 5}, actuals: {2019: 8, 2020: 7.5}}
      - {code: ONE, name: Satu tahun, key: true, targets: {2020: 10, 2023: 20}, actuals: {2020: 12}}
      - {code: QUAL, name: Predikat, key: true, levels: [Pratama, Madya, Nindya, Utama],
         targets: {2020: Madya, 2023: Utama}, actuals: {2019: {text: Pratama}, 2020: {text: Madya}}}
      - {code: SUM, name: Rumah dibangun, key: true, over_years: sum,
         targets: {2019: 20, 2020: 20, 2021: 20, 2022: 20, 2023: 100}, actuals: {2019: 15, 2020: 25}}
      - {code: NOFINAL, name: Tanpa target akhir, key: true, targets: {2020: 5}, actuals: {2019: 1, 2020: 2}}
      - {code: GAP, name: Tahun terlewat, key: true, targets: {2023: 10}, actuals: {2019: 1, 2022: 7}}
programs:
  - code: P1
    name: Program satu
    indicators:
      - {code: PI, name: Program, targets: {2023: 50}, actuals: {2019: 40, 2020: 45}}
    activities:
      - code: K1
        name: Kegiatan satu
        indicators:
          - {code: KI, name: Kegiatan, targets: {2020: 1}, actuals: {2020: 1}}
"""


def test_each_year_holds_its_target_and_its_measured_realisation_up_to_the_year_viewed():
    plan = plan_from(DOC)
    up = line(plan, plan.indicator_by_code["UP"], 2020)
    assert [y.year for y in up.years] == [2019, 2020, 2021, 2022, 2023]
    assert [y.actual for y in up.years] == [Decimal(70), Decimal(74), None, None, None]
    assert [y.realised for y in up.years] == [True, True, False, False, False]
    assert up.years[2].target is not None and up.years[2].target.value == Decimal(80)
    assert up.years[1].achievement == measure(plan, 2020).result("UP").achievement
    earlier = line(plan, plan.indicator_by_code["UP"], 2019)
    assert [y.actual for y in earlier.years][:2] == [Decimal(70), None]


def test_a_positive_indicator_progress_and_a_projection_along_its_trend():
    plan = plan_from(DOC)
    up = line(plan, plan.indicator_by_code["UP"], 2020)
    assert up.final is not None and up.final.value == Decimal(90)
    assert up.to_date == Decimal(74)
    assert up.progress == Decimal("82.22")  # 74 / 90 × 100
    assert up.met is False
    p = up.projection
    assert p is not None and (p.first, p.last) == (2019, 2020)
    assert p.rate == Decimal("4.00") and p.value == Decimal("86.00")  # 74 + 3 × 4
    assert p.achievement == Decimal("95.56") and p.likely_met is False


def test_a_negative_indicator_is_likely_met_when_its_line_falls_below_the_final_target():
    plan = plan_from(DOC)
    down = line(plan, plan.indicator_by_code["DOWN"], 2020)
    assert down.progress == Decimal("50.00")  # (2 × 5 − 7,5) / 5 × 100
    assert down.met is False
    p = down.projection
    assert p is not None and p.rate == Decimal("-0.50") and p.value == Decimal("6.00")
    assert p.likely_met is False  # 6 is above 5: lower is better
    faster = replace(plan.indicator_by_code["DOWN"], actuals=tuple(
        replace(a, value=Decimal(6)) if a.year == 2020 else a
        for a in plan.indicator_by_code["DOWN"].actuals))
    p = line(replace(plan, indicators=(faster,)), faster, 2020).projection
    assert p is not None and p.value == Decimal(0) and p.likely_met is True  # 6 − 3 × 2, not below 0


def test_no_projection_from_fewer_than_two_realised_years():
    plan = plan_from(DOC)
    one = line(plan, plan.indicator_by_code["ONE"], 2020)
    assert one.projection is None and one.no_projection is NoProjection.TOO_FEW_YEARS
    assert one.progress == Decimal("60.00")  # 12 / 20: progress needs one year only


def test_a_qualitative_indicator_has_no_projection_and_no_percentage():
    plan = plan_from(DOC)
    q = line(plan, plan.indicator_by_code["QUAL"], 2020)
    assert q.projection is None and q.no_projection is NoProjection.QUALITATIVE
    assert q.progress is None and q.to_date is None
    assert q.to_date_text == "Madya" and q.met is False  # Madya is below Utama


def test_a_total_over_the_years_adds_the_mean_year_for_each_year_to_come():
    plan = plan_from(DOC)
    total = line(plan, plan.indicator_by_code["SUM"], 2020)
    assert total.to_date == Decimal(40) and total.progress == Decimal("40.00")
    p = total.projection
    assert p is not None and p.rate == Decimal("20.00") and p.value == Decimal("100.00")
    assert p.likely_met is True


def test_without_a_final_target_no_progress_and_no_projection():
    plan = plan_from(DOC)
    none = line(plan, plan.indicator_by_code["NOFINAL"], 2020)
    assert none.progress is None and none.no_projection is NoProjection.NO_FINAL_TARGET


def test_the_rate_is_per_year_across_a_gap_and_the_final_year_realised_needs_no_projection():
    plan = plan_from(DOC)
    gap = line(plan, plan.indicator_by_code["GAP"], 2022)
    p = gap.projection
    assert p is not None and p.rate == Decimal("2.00") and p.value == Decimal("9.00")  # 7 + 2
    done = replace(plan.indicator_by_code["GAP"], actuals=(
        *plan.indicator_by_code["GAP"].actuals,
        *(replace(a, year=2023, value=Decimal(11)) for a in plan.indicator_by_code["GAP"].actuals
          if a.year == 2022)))
    last = line(replace(plan, indicators=(done,)), done, 2023)
    assert last.projection is None and last.no_projection is NoProjection.FINAL_YEAR_REALISED
    assert last.met is True and last.progress == Decimal("110.00")


def test_the_view_lists_goal_objective_and_program_indicators_in_plan_order():
    plan = plan_from(DOC)
    codes = [x.code for x in renstra(plan, 2020)]
    assert codes == ["UP", "DOWN", "ONE", "QUAL", "SUM", "NOFINAL", "GAP", "PI"]
    assert [x.code for x in renstra(plan, 2020, levels=(Level.ACTIVITY,))] == ["KI"]


def test_the_example_agrees_with_its_measurement(belitung):
    lines = {x.code: x for x in renstra(belitung, 2020)}
    m = measure(belitung, 2020)
    for final in m.final_targets:  # the LKjIP's table against the final target
        found = lines[final.indicator]
        assert found.years[1].actual == m.result(final.indicator).actual
        if found.years[1].actual is not None:
            assert found.progress == final.achievement
    ipg = lines["IKU-03"].projection  # 88,62 then 88,28: falling away from 89
    assert ipg is not None and ipg.value == Decimal("87.26") and ipg.likely_met is False


realisations = st.lists(st.decimals(min_value=-1000, max_value=1000, places=2,
                                    allow_nan=False, allow_infinity=False),
                        min_size=2, max_size=4)


@settings(max_examples=60, deadline=None)
@given(values=realisations, final=st.decimals(min_value=1, max_value=1000, places=2))
def test_a_projection_lies_on_the_line_and_is_judged_by_polarity(values, final):
    doc = """\
goals:
  - code: T1
    name: Tujuan
    indicators:
      - code: X
        name: Indikator
        polarity: {polarity}
        targets: {{2023: {final}}}
        actuals: {{{actuals}}}
"""
    actuals = ", ".join(f"{2019 + i}: {v}" for i, v in enumerate(values))
    for polarity in ("positive", "negative"):
        plan = plan_from(doc.format(polarity=polarity, final=final, actuals=actuals))
        found = line(plan, plan.indicator_by_code["X"], 2023)
        p = found.projection
        assert p is not None
        last = 2019 + len(values) - 1
        rate = (values[-1] - values[0]) / (last - 2019)
        expected = values[-1] + rate * (2023 - last)
        if all(v >= 0 for v in values):
            expected = max(expected, Decimal(0))
        assert abs(p.value - expected) <= Decimal("0.005")
        better = p.value >= final if polarity == "positive" else p.value <= final
        assert p.likely_met is better


def test_a_stabilise_indicator_is_likely_met_only_inside_its_final_band():
    doc = """\
goals:
  - code: T1
    name: Tujuan
    indicators:
      - code: S
        name: Inflasi
        polarity: stabilise
        targets: {{2023: {{value: 10, upper: 12}}}}
        actuals: {{2019: {first}, 2020: {second}}}
"""
    outcomes = {}
    for first, second in ((5, 8), (5, 6), (8, 9)):
        plan = plan_from(doc.format(first=first, second=second))
        p = line(plan, plan.indicator_by_code["S"], 2020).projection
        assert p is not None
        outcomes[(first, second)] = (p.value, p.likely_met)
    assert outcomes == {(5, 8): (Decimal("17.00"), False),  # above the band
                        (5, 6): (Decimal("9.00"), False),  # below it
                        (8, 9): (Decimal("12.00"), True)}  # on its upper edge
