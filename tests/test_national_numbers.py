"""canonical_decimal, made cheap for the national recompute (it reads every decimal of every
row), gives exactly the representation the digit-by-digit form gave: same value, same digits,
same exponent, for any finite decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip.core.numbers import NumberError, canonical_decimal


def by_digits(value: Decimal) -> Decimal:
    """The former implementation: the digits taken apart."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if not any(digits):
        return Decimal(0)
    if exponent > 0:
        return Decimal((sign, digits + (0,) * exponent, 0))
    if exponent == 0 or digits[-1]:
        return value
    zeros = 0
    while zeros < len(digits) and digits[len(digits) - 1 - zeros] == 0:
        zeros += 1
    dropped = min(-exponent, zeros)
    return Decimal((sign, digits[: len(digits) - dropped], exponent + dropped))


decimals = st.builds(
    lambda sign, digits, exponent: Decimal((sign, tuple(digits), exponent)),
    st.integers(0, 1), st.lists(st.integers(0, 9), min_size=1, max_size=40),
    st.integers(-60, 40))


@given(decimals)
def test_canonical_decimal_as_by_digits(value: Decimal) -> None:
    found, expected = canonical_decimal(value), by_digits(value)
    assert str(found) == str(expected)
    assert found.as_tuple() == expected.as_tuple()
    assert found == value


@pytest.mark.parametrize(("given_", "expected"), [
    ("80.000000", "80"), ("80.500000", "80.5"), ("1E+3", "1000"), ("-0.00", "0"), ("0E+5", "0"),
    ("1234567890123456789012345678901234567890.10", "1234567890123456789012345678901234567890.1"),
    ("-12.340", "-12.34"), ("7", "7"), ("5E-30", "5E-30"),
])
def test_canonical_decimal_examples(given_: str, expected: str) -> None:
    assert str(canonical_decimal(Decimal(given_))) == expected


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_canonical_decimal_refuses_what_is_no_number(bad: str) -> None:
    with pytest.raises(NumberError):
        canonical_decimal(Decimal(bad))
