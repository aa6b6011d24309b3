from decimal import Decimal

from sakip.core.achievement import Why
from sakip.core.enums import ActualStatus
from sakip.core.measure import measure
from sakip.core.numbers import RoundingMode
from tests.conftest import plan_from

DOC = """\
goals:
  - code: T1
    name: Tujuan satu
    indicators:
      - {code: A, name: Positif, key: true, targets: {2019: 80, 2020: 80, 2023: 90},
         actuals: {2019: 70, 2020: 94.78}}
      - {code: B, name: Belum ada, key: true, targets: {2020: 43.91},
         actuals: {2020: {status: not_available, reason: data BPS belum terbit}}}
    objectives:
      - code: S1
        name: Sasaran satu
        indicators:
          - code: C
            name: Prevalensi
            key: true
            polarity: negative
            formula: kasus[n] / penduduk[n] * 10000
            targets: {2020: 5.7, 2023: 5.1}
            actuals: {2019: 8.17, 2020: 9.99}
  - code: T2
    name: Tujuan dua
    indicators:
      - code: Q
        name: Triwulanan
        key: true
        aggregation: cumulative
        targets: {2020: 100}
        actuals: {2020: {quarters: {1: 20, 2: 30, 3: 25}}}
programs:
  - code: P1
    name: Program satu
    objective: S1
    activities:
      - {code: K1, name: Satu, budget: {2020: {ceiling: 299115000, spent: 282805787}}}
      - {code: K2, name: Dua, budget: {2020: {ceiling: 88660000, spent: 61777400, explanation: pandemi}}}
      - {code: K3, name: Tiga, budget: {2020: {ceiling: 100, spent: 10}}}
      - {code: K4, name: Tanpa data}
  - {code: P2, name: Program tanpa kegiatan}
series:
  - {code: kasus, name: Kasus, values: {2020: 27}}
  - {code: penduduk, name: Penduduk, values: {2020: 87296}}
"""


def test_indicator_results():
    m = measure(plan_from(DOC), 2020)
    a = m.result("A")
    assert a.achievement == Decimal("118.48") and a.predicate == "Melebihi target"
    assert a.category == "Sangat baik" and a.rule == "R/T×100"
    b = m.result("B")
    assert b.achievement is None and b.why is Why.NOT_AVAILABLE
    assert b.status is ActualStatus.NOT_AVAILABLE and b.reason == "data BPS belum terbit"
    assert b.predicate is None and b.category is None


def test_a_derived_realisation_is_rounded_before_its_achievement():
    c = measure(plan_from(DOC), 2020).result("C")
    assert c.reported == Decimal("9.99") and c.derived == Decimal("3.09")
    assert c.actual == Decimal("3.09")
    assert c.achievement == Decimal("145.79")  # (2 × 5,7 − 3,09) / 5,7 × 100
    assert c.rule == "(2T−R)/T×100"


def test_quarters_combine_by_the_indicators_rule_and_stay_provisional_until_complete():
    q = measure(plan_from(DOC), 2020).result("Q")
    assert q.actual == Decimal(75) and q.status is ActualStatus.PROVISIONAL
    assert q.achievement == Decimal("75.00")


def test_groups_average_available_achievements_and_count_the_missing():
    m = measure(plan_from(DOC), 2020)
    t1 = m.group("T1")
    assert t1.indicators == ("A", "B", "C") and t1.missing == ("B",) and t1.count == 2
    assert t1.achievement == Decimal("132.14")  # (118,48 + 145,79) / 2 = 132,135
    agency = m.group("dinas")
    assert agency.indicators == ("A", "B", "C", "Q") and agency.count == 3


def test_cap_applies_when_averaging_only():
    plan = plan_from(DOC + "settings: {cap: 120}\n")
    m = measure(plan, 2020)
    assert m.result("C").achievement == Decimal("145.79")
    assert m.group("T1").achievement == Decimal("119.24")  # (118,48 + 120) / 2


def test_absorption_rolls_up_by_sums_not_by_averaging_percentages():
    m = measure(plan_from(DOC), 2020)
    assert m.budget_line("K1").absorption == Decimal("94.55")
    program = m.budget_line("P1")
    assert program.ceiling == Decimal(387775100) and program.spent == Decimal(344583197)
    assert program.absorption == Decimal("88.86")
    assert program.missing == ("K4",)
    assert m.budget_line("P2").ceiling is None and m.budget_line("P2").missing == ("P2",)
    assert m.budget_line("S1").absorption == Decimal("88.86")
    assert m.budget_line("T2").ceiling is None


def test_truncation_reproduces_legacy_reports():
    m = measure(plan_from(DOC + "settings: {rounding: truncate}\n"), 2020)
    assert m.budget_line("K1").absorption == Decimal("94.54")
    assert m.result("A").achievement == Decimal("118.47")


def test_low_absorption_lists_activities_with_their_explanation_or_none():
    low = measure(plan_from(DOC), 2020).low_absorption
    assert [(a.activity, a.explanation) for a in low] == [("K2", "pandemi"), ("K3", None)]


def test_efficiency_only_where_the_goal_achieved_at_least_100():
    m = measure(plan_from(DOC), 2020)
    assert [(e.code, e.efficiency) for e in m.efficiency] == [("T1", Decimal("43.28"))]


def test_year_on_year_change_is_judged_by_polarity():
    m = measure(plan_from(DOC), 2020)
    changes = {c.indicator: c for c in m.changes}
    assert changes["A"].direction == "better" and changes["A"].difference == Decimal("24.78")
    assert changes["C"].direction == "better" and changes["C"].difference == Decimal("-5.08")
    assert changes["B"].direction is None


def test_progress_against_the_final_year_target():
    finals = {f.indicator: f for f in measure(plan_from(DOC), 2020).final_targets}
    assert finals["A"].target == Decimal(90) and finals["A"].achievement == Decimal("105.31")
    assert finals["C"].achievement == Decimal("139.41")  # (2 × 5,1 − 3,09) / 5,1


def test_counts_per_predicate_and_category_leave_out_missing_data():
    m = measure(plan_from(DOC), 2020)
    assert dict(m.predicate_counts) == {"Tidak tercapai": 1, "Tercapai": 0, "Melebihi target": 2}
    assert dict(m.category_counts)["Sangat baik"] == 2 and dict(m.category_counts)["Baik"] == 1
    assert m.uncounted == ("B",)


def test_qualitative_indicator_is_met_without_a_percentage():
    plan = plan_from("""\
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - {code: K, name: KLA, levels: [Pratama, Madya], targets: {2020: Pratama},
                 actuals: {2020: Madya}}
        """)
    k = measure(plan, 2020).result("K")
    assert k.achievement is None and k.met and k.predicate == "Melebihi target"
    assert k.category is None and k.why is Why.QUALITATIVE


def test_zero_target_gets_a_predicate_but_no_percentage():
    plan = plan_from("""\
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - {code: Z, name: Kasus, polarity: negative, targets: {2020: 0}, actuals: {2020: 2}}
        """)
    z = measure(plan, 2020).result("Z")
    assert z.achievement is None and z.why is Why.ZERO_TARGET
    assert z.predicate == "Tidak tercapai" and z.category == "Sangat kurang"


def test_settings_can_be_overridden_per_call():
    plan = plan_from(DOC)
    settings = plan.settings.__class__(rounding=RoundingMode.TRUNCATE)
    assert measure(plan, 2020, settings).result("A").achievement == Decimal("118.47")


def test_overspent_is_spending_strictly_above_a_known_ceiling():
    from sakip.core.budget import overspent

    assert overspent(Decimal(100), Decimal(101))
    assert not overspent(Decimal(100), Decimal(100))
    assert not overspent(None, Decimal(1)) and not overspent(Decimal(1), None)
    assert not overspent(Decimal(-1), Decimal(0))  # a negative ceiling is its own problem


def test_a_settings_override_also_governs_derived_realisations():
    # 2 / 3 × 100 = 66,666…: half up gives 66,67, truncation 66,66
    plan = plan_from("""\
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - {code: D, name: Turunan, formula: "a[n] / b[n] * 100", targets: {2020: 50}}
        series:
          - {code: a, name: A, values: {2020: 2}}
          - {code: b, name: B, values: {2020: 3}}
        """)
    assert measure(plan, 2020).result("D").actual == Decimal("66.67")
    truncated = measure(plan, 2020, plan.settings.__class__(rounding=RoundingMode.TRUNCATE))
    assert truncated.result("D").actual == Decimal("66.66")


def test_a_target_with_neither_number_nor_level_counts_as_no_target():
    from dataclasses import replace

    from sakip.core.model import Target

    plan = plan_from(DOC)
    a = plan.indicator_by_code["A"]
    broken = replace(a, targets=(Target(2020),))
    plan = replace(plan, indicators=(broken, *plan.indicators[1:]))
    assert measure(plan, 2020).result("A").why is Why.NO_TARGET


def test_below_threshold_is_strictly_under_and_never_for_a_missing_absorption():
    from sakip.core.budget import below_threshold

    settings = plan_from(DOC).settings.__class__(absorption_threshold=Decimal(80))
    assert below_threshold(Decimal("79.99"), settings)
    assert not below_threshold(Decimal(80), settings)
    assert not below_threshold(None, settings)


def test_the_default_year_is_the_latest_plan_year_with_a_realisation():
    from dataclasses import replace

    from sakip.core.measure import default_year

    plan = plan_from(DOC)
    assert default_year(plan) == 2020  # B's 2020 record has neither value nor text; A's has
    empty = replace(plan, indicators=tuple(replace(i, actuals=()) for i in plan.indicators))
    assert default_year(empty) == plan.strategic_plan.start


def test_the_negative_rule_names_the_formula():
    from sakip.core.enums import NegativeFormula
    from sakip.core.measure import negative_rule

    assert negative_rule(NegativeFormula.TWO_T_MINUS_R) == "(2T−R)/T×100"
    assert negative_rule(NegativeFormula.T_OVER_R) == "T/R×100"
    assert measure(plan_from(DOC), 2020).result("C").rule == "(2T−R)/T×100"
