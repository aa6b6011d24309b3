"""Range targets of positive and negative indicators, and achievements in no band of a scale
(issue 10, items 7 and 9; docs/measurement.md)."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.core.achievement import Why, score
from sakip.core.enums import NegativeFormula, Polarity
from sakip.core.measure import RULES, measure, range_inner
from sakip.report.text import EN, ID
from sakip.web.labels import RULES as WEB_RULES
from tests.conftest import plan_from

POS, NEG = Polarity.POSITIVE, Polarity.NEGATIVE
TWO_T, T_OVER_R = NegativeFormula.TWO_T_MINUS_R, NegativeFormula.T_OVER_R
FORMULAS = (TWO_T, T_OVER_R)


def d(text: str) -> Decimal:
    return Decimal(text)


def rng(lower, upper, actual, polarity=POS, formula=TWO_T):
    return score(d(lower), d(actual), polarity, formula, d(upper))


# ---------------------------------------------------------------------- worked examples


def test_higher_is_better_range_is_measured_against_the_bound_crossed():
    assert rng("80", "90", "85").value == 100 and rng("80", "90", "85").met
    above = rng("80", "90", "92")
    assert round(above.value, 2) == d("102.22") and above.met and above.exceeded
    below = rng("80", "90", "70")
    assert below.value == d("87.5") and below.met is False and not below.exceeded
    assert rng("80", "90", "80").value == 100 and rng("80", "90", "90").value == 100


def test_lower_is_better_range_uses_the_negative_formula_against_the_bound_crossed():
    late = rng("7", "8", "9", NEG)  # "7–8 bulan", realisation 9: (2 × 8 − 9) / 8 × 100
    assert late.value == d("87.5") and late.met is False
    early = rng("7", "8", "6", NEG)  # (2 × 7 − 6) / 7 × 100
    assert round(early.value, 2) == d("114.29") and early.met and early.exceeded
    assert rng("7", "8", "9", NEG, T_OVER_R).value == d(8) / d(9) * 100
    assert rng("7", "8", "6", NEG, T_OVER_R).value == d(7) / d(6) * 100
    assert rng("7", "8", "7.5", NEG, T_OVER_R).value == 100


def test_before_the_range_rule_the_upper_bound_was_ignored():
    assert score(d(80), d(92), POS).value == d("115")  # a plain target of 80
    assert round(rng("80", "90", "92").value, 2) == d("102.22")


def test_a_zero_bound_crossed_is_a_zero_target():
    below = rng("0", "5", "-1")
    assert below.value is None and below.why is Why.ZERO_TARGET and below.met is False
    above = rng("-3", "0", "2", NEG)
    assert above.value is None and above.why is Why.ZERO_TARGET and above.met is False
    assert rng("0", "5", "0").value == 100


def test_equal_bounds_are_a_plain_target():
    assert rng("80", "80", "92").value == score(d(80), d(92), POS).value


def test_stabilise_bands_keep_their_rule():
    # Leaving a stabilise band is worse on either side: not the range rule.
    assert rng("10", "12", "9", Polarity.STABILISE).value == 90
    assert rng("10", "12", "15", Polarity.STABILISE).value == 75


RANGE_PLAN = """\
settings: {negative_formula: 2t-r}
goals:
  - code: T1
    name: Tujuan
    indicators:
      - {code: P, name: Positif rentang, key: true, targets: {2020: {value: 80, upper: 90}},
         actuals: {2020: 92}}
      - {code: N, name: Lama layanan, key: true, polarity: negative,
         targets: {2020: {value: 7, upper: 8}}, actuals: {2020: 9}}
      - {code: M, name: Tanpa realisasi, key: true, targets: {2020: {value: 7, upper: 8}}}
      - {code: S, name: Stabil, key: true, polarity: stabilise,
         targets: {2020: {value: 10, upper: 12}}, actuals: {2020: 9}}
      - {code: Q, name: Kualitatif, key: true, levels: [Pratama, Madya, Utama],
         targets: {2020: Madya}, actuals: {2020: Utama}}
"""


def test_measure_names_the_range_rule_and_rounds_once():
    m = measure(plan_from(RANGE_PLAN), 2020)
    p, n, missing = m.result("P"), m.result("N"), m.result("M")
    assert p.achievement == d("102.22") and p.rule == "range R/T×100"
    assert p.predicate == "Melebihi target"
    assert n.achievement == d("87.50") and n.rule == "range (2T−R)/T×100"
    assert n.predicate == "Tidak tercapai" and n.category == "Baik"
    assert missing.achievement is None and missing.why is Why.NO_ACTUAL
    assert m.result("S").rule == "band" and m.result("S").achievement == d("90.00")
    assert m.result("Q").rule == "level" and m.result("Q").achievement is None


def test_every_rule_name_has_its_words_in_each_output():
    for rule in RULES:
        assert rule in WEB_RULES
        inner = range_inner(rule)
        if inner is not None:
            assert inner in RULES and range_inner(inner) is None
    assert "{rule}" in ID["rule.range"] and "{rule}" in EN["rule.range"]


def test_the_report_and_command_line_print_the_range_rule_in_words():
    from sakip.cli.measure_cmd import render_text
    from sakip.report.format import Formatter
    from sakip.report.text import Text

    plan = plan_from(RANGE_PLAN)
    m = measure(plan, 2020)
    words = Formatter(plan.settings, Text("id"), 2020).rule(m.result("N"))
    assert words.startswith("100 bila realisasi di dalam rentang target") and "(2T−R)/T×100" in words
    assert "range" not in words
    assert "rentang: 100 di dalam, di luar R/T×100" in render_text(plan, m)


# ---------------------------------------------------------------------- properties

bounds = st.decimals(min_value=d("0.01"), max_value=d("10000"), places=2)
actuals = st.decimals(min_value=d("0.01"), max_value=d("20000"), places=2)
PROPERTY = settings(max_examples=60, deadline=None)


@PROPERTY
@given(a=bounds, b=bounds, actual=actuals, polarity=st.sampled_from((POS, NEG)),
       formula=st.sampled_from(FORMULAS))
def test_a_range_gives_100_exactly_inside_it(a, b, actual, polarity, formula):
    low, high = sorted((a, b))
    result = score(low, actual, polarity, formula, high)
    assert (result.value == 100) == (low <= actual <= high)
    assert result.met == (result.value >= 100)


@PROPERTY
@given(a=bounds, b=bounds, x=actuals, y=actuals, polarity=st.sampled_from((POS, NEG)),
       formula=st.sampled_from(FORMULAS))
def test_a_range_is_monotonic_in_the_realisation_by_polarity(a, b, x, y, polarity, formula):
    low, high = sorted((a, b))
    small, large = sorted((x, y))
    first = score(low, small, polarity, formula, high).value
    second = score(low, large, polarity, formula, high).value
    assert first is not None and second is not None
    if polarity is POS:
        assert first <= second
    else:
        assert first >= second
    if large < low:
        assert (second < 100) if polarity is POS else (second > 100)
    if small > high:
        assert (first > 100) if polarity is POS else (first < 100)


GAP_SCALE = """\
settings: {category_scale: celah}
scales:
  - code: celah
    name: Skala dengan celah
    kind: category
    closed: left
    bands: [{label: Rendah, lower: 0, upper: 50}, {label: Tinggi, lower: 60, upper: 120}]
goals:
  - code: T1
    name: Tujuan
    indicators:
"""


def _gap_plan(rows):
    lines = []
    for index, (target, actual) in enumerate(rows):
        actual_part = f", actuals: {{2020: {actual}}}" if actual is not None else ""
        lines.append(f"      - {{code: I{index}, name: Indikator {index}, key: true, "
                     f"targets: {{2020: {target}}}{actual_part}}}")
    return plan_from(GAP_SCALE + "\n".join(lines) + "\n")


def test_an_achievement_in_no_band_is_listed_with_its_reason():
    m = measure(_gap_plan([(100, 55), (100, 30), (100, 200), (100, None)]), 2020)
    assert m.result("I0").achievement == d("55.00") and m.result("I0").category is None
    assert dict(m.category_counts) == {"Rendah": 1, "Tinggi": 0}
    assert [(u.code, u.why) for u in m.category_uncounted] == [
        ("I0", Why.NO_BAND), ("I2", Why.NO_BAND), ("I3", Why.NO_ACTUAL)]
    assert [(u.code, u.why) for u in m.predicate_uncounted] == [("I3", Why.NO_ACTUAL)]
    assert m.uncounted == ("I3",)


def test_a_qualitative_key_indicator_is_listed_as_uncounted_by_category():
    m = measure(plan_from(RANGE_PLAN), 2020)
    reasons = {u.code: u.why for u in m.category_uncounted}
    assert reasons == {"M": Why.NO_ACTUAL, "Q": Why.QUALITATIVE}
    assert sum(n for _, n in m.category_counts) + len(reasons) == len(m.key)


@PROPERTY
@given(rows=st.lists(st.tuples(st.integers(min_value=-50, max_value=150),
                               st.one_of(st.none(), st.integers(min_value=-100, max_value=300))),
                     min_size=1, max_size=8))
def test_counts_plus_uncounted_add_up_to_the_indicators_measured(rows):
    m = measure(_gap_plan(rows), 2020)
    assert len(m.key) == len(rows)
    assert sum(n for _, n in m.category_counts) + len(m.category_uncounted) == len(rows)
    assert sum(n for _, n in m.predicate_counts) + len(m.predicate_uncounted) == len(rows)
    assert tuple(u.code for u in m.predicate_uncounted) == m.uncounted
    for item in m.category_uncounted:
        result = m.result(item.code)
        assert result.category is None
        assert (item.why is Why.NO_BAND) == (result.achievement is not None or result.why is None)
