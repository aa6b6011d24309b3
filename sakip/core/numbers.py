"""The one numbers module: Decimal construction and the one place where rounding happens.

No float ever enters the core. Values come in as ``Decimal``, ``int`` or a string in
canonical form ("1234.5"); Indonesian-formatted text ("1.234,5") is parsed by the io layer,
which then calls :func:`D`.
"""

from __future__ import annotations

import enum
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal(0)
HUNDRED = Decimal(100)


class RoundingMode(enum.Enum):
    """How a computed figure is brought to its precision.

    ``HALF_UP`` is the rule (0,125 -> 0,13). ``TRUNCATE`` exists only to reproduce legacy
    reports that cut digits off (the Belitung 2020 report prints 94,54 for 94,5473...).
    """

    HALF_UP = "half_up"
    TRUNCATE = "truncate"


_DECIMAL_ROUNDING = {
    RoundingMode.HALF_UP: ROUND_HALF_UP,
    RoundingMode.TRUNCATE: ROUND_DOWN,
}


class NumberError(ValueError):
    """A value that is not a number in canonical form."""


def D(value: Decimal | int | str) -> Decimal:
    """Build a Decimal from an int, a Decimal or a canonical string ("-12.5", "1e3").

    Floats are refused on purpose: they carry binary noise into money and measures.
    """
    if isinstance(value, bool):
        raise NumberError(f"not a number: {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise NumberError(f"not a number: {value!r}") from None
    else:
        raise NumberError(f"not a number: {value!r} ({type(value).__name__})")
    if not result.is_finite():
        raise NumberError(f"not a finite number: {value!r}")
    return result


def quantize(value: Decimal, places: int, mode: RoundingMode = RoundingMode.HALF_UP) -> Decimal:
    """Round ``value`` to ``places`` decimal places with ``mode``. The only rounding in Sakip."""
    if places < 0:
        raise ValueError("places must be >= 0")
    exponent = Decimal(1).scaleb(-places)
    return value.quantize(exponent, rounding=_DECIMAL_ROUNDING[mode])


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """``part / whole × 100``, unrounded. ``whole`` must not be zero."""
    return part / whole * HUNDRED


def mean(values: list[Decimal]) -> Decimal:
    """Arithmetic mean, unrounded. ``values`` must not be empty."""
    return sum(values, ZERO) / Decimal(len(values))


def canonical(value: Decimal) -> str:
    """Plain decimal text without exponent ("1002.00", "-5.93", "1463516640")."""
    return format(value, "f")
