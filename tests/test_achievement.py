from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from sakip.core.achievement import Why, qualitative_score, score
from sakip.core.enums import NegativeFormula, Polarity

T_OVER_R = NegativeFormula.T_OVER_R
TWO_T = NegativeFormula.TWO_T_MINUS_R


def pct(target, actual, polarity=Polarity.POSITIVE, formula=TWO_T, upper=None):
    return score(Decimal(target), Decimal(actual), polarity, formula,
                 Decimal(upper) if upper is not None else None)


def test_positive_is_realisation_over_target():
    result = pct("80", "94.78")
    assert result.value == Decimal("118.475")
    assert result.met and result.exceeded


def test_negative_default_is_two_t_minus_r():
    # Prevalence of violence against women, Belitung 2020: target 5,7, realisation 3,09.
    result = pct("5.7", "3.09", Polarity.NEGATIVE)
    assert round(result.value, 2) == Decimal("145.79")
    assert result.met and result.exceeded


def test_negative_permenpan_example_unemployment_rate():
    # target 6,17, realisation 7,42 -> 79,74 %, target not met
    result = pct("6.17", "7.42", Polarity.NEGATIVE)
    assert round(result.value, 2) == Decimal("79.74")
    assert result.met is False


def test_negative_alternative_is_t_over_r():
    assert round(pct("5.7", "3.09", Polarity.NEGATIVE, T_OVER_R).value, 2) == Decimal("184.47")


def test_zero_target_met_exactly_is_100_else_no_percentage():
    assert pct("0", "0").value == Decimal(100)
    over = pct("0", "3")
    assert over.value is None and over.why is Why.ZERO_TARGET and over.met and over.exceeded
    worse = pct("0", "3", Polarity.NEGATIVE)
    assert worse.value is None and worse.met is False


def test_zero_realisation():
    assert pct("80", "0").value == 0  # a real 0 %, not a missing value
    assert pct("5", "0", Polarity.NEGATIVE).value == Decimal(200)
    t_over_r = pct("5", "0", Polarity.NEGATIVE, T_OVER_R)
    assert t_over_r.value is None and t_over_r.why is Why.ZERO_ACTUAL and t_over_r.met


def test_negative_target_stays_monotone():
    # decline of PMKS targeted at -2 (a rise of at most 2 %): -1 is better than -2
    assert pct("-2", "-1").value == Decimal(150)
    assert pct("-2", "-3").value == Decimal(50)


def test_stabilise_band():
    assert pct("10", "11", Polarity.STABILISE, upper="12").value == Decimal(100)
    assert pct("10", "9", Polarity.STABILISE, upper="12").value == Decimal(90)
    assert pct("10", "15", Polarity.STABILISE, upper="12").value == Decimal(75)
    assert pct("0", "1", Polarity.STABILISE).why is Why.ZERO_EDGE


def test_qualitative_levels():
    levels = ("Pratama", "Madya", "Nindya", "Utama", "KLA")
    assert qualitative_score(levels, "Pratama", "pratama", Polarity.POSITIVE).met
    madya = qualitative_score(levels, "Pratama", "Madya", Polarity.POSITIVE)
    assert madya.met and madya.exceeded and madya.value is None
    assert qualitative_score(levels, "Madya", "Pratama", Polarity.POSITIVE).met is False
    assert qualitative_score(levels, "Madya", "Emas", Polarity.POSITIVE).why is Why.UNKNOWN_LEVEL
    assert qualitative_score((), "B", "B", Polarity.POSITIVE).met


amounts = st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=2,
                      allow_nan=False, allow_infinity=False)
positive_amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000"), places=2)


@given(target=amounts.filter(lambda t: t != 0), a=amounts, b=amounts)
def test_positive_is_monotone_increasing_in_the_realisation(target, a, b):
    low, high = sorted((a, b))
    assert score(target, low, Polarity.POSITIVE).value <= score(target, high, Polarity.POSITIVE).value


@given(target=amounts.filter(lambda t: t != 0), a=amounts, b=amounts)
def test_negative_is_monotone_decreasing_in_the_realisation(target, a, b):
    low, high = sorted((a, b))
    neg = Polarity.NEGATIVE
    assert score(target, low, neg).value >= score(target, high, neg).value


@given(target=positive_amounts, a=positive_amounts, b=positive_amounts)
def test_t_over_r_is_monotone_decreasing_for_positive_values(target, a, b):
    low, high = sorted((a, b))
    neg = Polarity.NEGATIVE
    assert score(target, low, neg, T_OVER_R).value >= score(target, high, neg, T_OVER_R).value


@given(target=positive_amounts, actual=amounts)
def test_met_iff_achievement_at_least_100(target, actual):
    for polarity in (Polarity.POSITIVE, Polarity.NEGATIVE):
        result = score(target, actual, polarity)
        assert result.met == (result.value >= 100)


@given(target=positive_amounts, a=amounts, b=amounts)
def test_stabilise_peaks_on_target(target, a, b):
    stab = Polarity.STABILISE
    low, high = sorted((a, b))
    if high <= target:
        assert score(target, low, stab).value <= score(target, high, stab).value
    if low >= target:
        assert score(target, low, stab).value >= score(target, high, stab).value
