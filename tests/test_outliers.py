"""One indicator dominating a mean (sakip/core/outliers.py; docs/measurement.md, "Outliers")."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.core import outliers
from sakip.core.measure import measure
from sakip.core.model import Settings
from sakip.core.numbers import mean, quantize
from sakip.io.plan_file import load_plan

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "belitung-2020.yaml"

achievement = st.decimals(min_value=Decimal(-2000), max_value=Decimal(2000), places=2,
                          allow_nan=False, allow_infinity=False)
values = st.lists(achievement, min_size=0, max_size=12).map(
    lambda xs: [(f"IKU-{i:02d}", x) for i, x in enumerate(xs, 1)])


def test_the_seed_s_1002_percent_is_named_and_the_mean_without_it_is_shown():
    plan = load_plan(EXAMPLE)
    m = measure(plan, 2020)
    found = outliers.in_group(m, plan.agency.code)
    assert found is not None and found.code == "IKU-01" and found.value == Decimal("1002.00")
    shown = found.rounded(m.settings)
    assert shown.mean == m.group(plan.agency.code).achievement == Decimal("265.16")
    assert shown.mean_without == Decimal("117.80") and shown.median == Decimal("130.84")
    assert found.raises


def test_a_value_pulling_the_mean_below_zero_is_named_too():
    plan = load_plan(EXAMPLE)
    m = measure(plan, 2019)
    found = outliers.in_group(m, plan.agency.code)
    assert found is not None and found.code == "IKU-01" and not found.raises


def test_a_cap_in_the_settings_leaves_nothing_to_name():
    plan = load_plan(EXAMPLE)
    capped = Settings(cap=Decimal(120))
    values = [(c, outliers.averaged(Decimal(v), capped))
              for c, v in (("a", "1002"), ("b", "118.48"), ("c", "100.31"), ("d", "81.2"))]
    assert outliers.dominant(values) is None
    assert plan is not None


def test_even_values_are_not_named():
    assert outliers.dominant([("a", Decimal(100)), ("b", Decimal(104)), ("c", Decimal(96)),
                              ("d", Decimal(130))]) is None
    assert outliers.dominant([("a", Decimal(1000)), ("b", Decimal(100))]) is None  # too few


@settings(max_examples=300, deadline=None)
@given(values)
def test_the_named_value_meets_the_rule_and_moves_the_mean_most(items):
    found = outliers.dominant(items)
    if len(items) < outliers.MIN_VALUES:
        assert found is None
        return
    numbers = [v for _, v in items]
    middle = outliers.median(numbers)

    def shift(value: Decimal) -> Decimal:
        return abs(mean(numbers) - (sum(numbers, Decimal(0)) - value) / (len(numbers) - 1))

    def meets(value: Decimal) -> bool:
        far = middle <= 0 or value > middle * outliers.RATIO or value < middle / outliers.RATIO
        return shift(value) > outliers.POINTS and far

    if found is None:
        assert not any(meets(v) for v in numbers)
        return
    assert dict(items)[found.code] == found.value and meets(found.value)
    assert all(shift(v) <= shift(found.value) for v in numbers if meets(v))
    assert found.mean == mean(numbers) and found.median == middle
    others = [v for c, v in items if c != found.code]
    assert found.mean_without == sum(others, Decimal(0)) / len(others)


@settings(max_examples=200, deadline=None)
@given(values, st.integers(min_value=0, max_value=4))
def test_the_rule_does_not_depend_on_the_order(items, rotation):
    rotated = items[rotation:] + items[:rotation]
    a, b = outliers.dominant(items), outliers.dominant(rotated)
    assert (a is None) == (b is None)
    if a is not None and b is not None:
        assert a.value == b.value and a.shift == b.shift


@settings(max_examples=200, deadline=None)
@given(st.lists(achievement, min_size=1, max_size=15))
def test_the_median_splits_the_values(numbers):
    middle = outliers.median(numbers)
    assert sum(1 for v in numbers if v < middle) <= len(numbers) // 2
    assert sum(1 for v in numbers if v > middle) <= len(numbers) // 2


@settings(max_examples=200, deadline=None)
@given(values.filter(lambda xs: len(xs) >= outliers.MIN_VALUES))
def test_a_value_like_the_others_added_never_creates_a_dominant(items):
    # every value equal: nothing dominates, whatever the count
    same = [(c, Decimal(100)) for c, _ in items]
    assert outliers.dominant(same) is None
    assert quantize(mean([v for _, v in same]), 2) == Decimal("100.00")
