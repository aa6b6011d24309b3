"""A number typed into a web input whose separator may group thousands or mark decimals is
asked about, never guessed: the workbook's rule (sakip.io.idnum.ambiguous_readings), where the
page says that a dot groups thousands."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import translation

from sakip.web.entry.cells import CellError, number, shown


@pytest.mark.parametrize("typed, grouped, decimal", [
    ("0.500", "500", "0,500"),
    ("-0.500", "-500", "-0,500"),
    ("0.125 %", "125", "0,125"),
])
def test_a_dot_after_a_zero_is_refused_naming_both_readings(typed, grouped, decimal):
    with translation.override("id"), pytest.raises(CellError) as caught:
        number(typed)
    assert f"dibaca {grouped} atau {decimal}" in caught.value.message
    with translation.override("en"), pytest.raises(CellError) as caught:
        number(typed)
    assert f"{grouped} (a thousands separator) or {decimal} (a decimal comma)" in \
        caught.value.message


@pytest.mark.parametrize("typed, value", [
    ("0,500", Decimal("0.5")),      # a decimal comma, as the page asks
    ("13.535", Decimal("13535")),   # a dot groups thousands, as the page shows numbers
    ("1.234,5", Decimal("1234.5")),
    ("0,5", Decimal("0.5")),
    ("95.56", Decimal("95.56")),    # no three digits after the dot: not a grouping
])
def test_the_forms_the_page_asks_for_are_read(typed, value):
    with translation.override("id"):
        assert number(typed) == value


@pytest.mark.parametrize("value", ["13535", "0.5", "1234567.25", "1000"])
def test_what_an_input_shows_reads_back_as_the_same_value(value):
    with translation.override("id"):
        assert number(shown(Decimal(value))) == Decimal(value)
