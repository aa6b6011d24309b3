from decimal import Decimal

import pytest

from sakip.core.numbers import D, NumberError, RoundingMode, canonical, mean, percent, quantize


def test_half_up_rounds_the_midpoint_away_from_zero():
    assert quantize(Decimal("118.475"), 2) == Decimal("118.48")
    assert quantize(Decimal("-5.925"), 2) == Decimal("-5.93")


def test_truncation_cuts_digits_as_legacy_reports_do():
    # 282.805.787 / 299.115.000 = 94,547… — the Belitung report prints 94,54
    value = percent(Decimal(282805787), Decimal(299115000))
    assert quantize(value, 2, RoundingMode.TRUNCATE) == Decimal("94.54")
    assert quantize(value, 2) == Decimal("94.55")


def test_floats_are_refused():
    with pytest.raises(NumberError):
        D(0.1)  # type: ignore[arg-type]
    with pytest.raises(NumberError):
        D(True)


@pytest.mark.parametrize("text", ["abc", "1,5", "", "nan", "inf"])
def test_non_canonical_text_is_refused(text):
    with pytest.raises(NumberError):
        D(text)


def test_mean_and_canonical_text():
    assert mean([Decimal("1002"), Decimal("118.48")]) == Decimal("560.24")
    assert canonical(Decimal("1E+3")) == "1000"


def test_indonesian_format_keeps_a_values_own_places_when_asked():
    from sakip.io.idnum import format_id, places_of

    assert places_of(Decimal("0.5")) == 1 and places_of(Decimal("80")) == 0
    assert places_of(Decimal("1.23456"), limit=4) == 4
    assert format_id(Decimal("0.5"), None) == "0,5"
    assert format_id(Decimal("1002.00"), None) == "1.002,00"
