"""Decimals read back from the database, in the plan's one representation.

A DecimalField returns its value with all its decimal places (``80.000000``); the plan keeps
every figure in its canonical form (``80``), as the plan file and the workbook give it
(:func:`sakip.core.numbers.canonical_decimal`). The number is the same; only trailing zeros go.
"""

from __future__ import annotations

from decimal import Decimal

from sakip.core.numbers import canonical_decimal


def tidy(value: Decimal | None) -> Decimal | None:
    """``value`` in canonical form; None stays None."""
    return None if value is None else canonical_decimal(value)
