from decimal import Decimal

import pytest

from sakip.core.formula import FormulaError, parse

PMKS = {2018: Decimal(13535), 2019: Decimal(14337), 2020: Decimal(13619)}


def series(code, year):
    return {"pmks": PMKS}.get(code, {}).get(year)


def test_decline_of_pmks_uses_the_previous_year():
    formula = parse("(pmks[n-1] - pmks[n]) / pmks[n-1] * 100")
    assert [(r.series, r.offset) for r in formula.references] == [("pmks", -1), ("pmks", 0)]
    value = formula.evaluate(2020, series).value
    assert value is not None and round(value, 6) == Decimal("5.008021")


def test_missing_values_are_named_not_guessed():
    result = parse("(pmks[n-1] - pmks[n]) / pmks[n-1] * 100").evaluate(2018, series)
    assert result.value is None
    assert result.missing == (("pmks", 2017),)


def test_division_by_zero_is_reported():
    result = parse("pmks[n] / (pmks[n] - pmks[n])").evaluate(2020, series)
    assert result.value is None and result.division_by_zero


def test_precedence_and_unary_minus():
    assert parse("-2 + 3 * 4 / 2").evaluate(2020, series).value == Decimal(4)
    assert parse("(1 + 2) * 3").evaluate(2020, series).value == Decimal(9)


@pytest.mark.parametrize("text", ["", "pmks", "pmks[x]", "pmks[n-a]", "1 +", "__import__('os')",
                                  "(1 + 2", "1 2", "pmks[n] ** 2", "a.b[n]"])
def test_anything_but_arithmetic_is_refused(text):
    with pytest.raises(FormulaError):
        parse(text)
