"""Decimals read back from the database, in their shortest exact form.

A DecimalField returns its value with all its decimal places (``80.000000``); the plan keeps
the value people typed (``80``). The number is the same; only trailing zeros go.
"""

from __future__ import annotations

from decimal import Decimal

_ONE = Decimal(1)


def tidy(value: Decimal | None) -> Decimal | None:
    if value is None:
        return None
    if value == 0:
        return Decimal(0)
    result = value.normalize()
    if result.as_tuple().exponent > 0:  # type: ignore[operator]
        result = result.quantize(_ONE)
    return result
