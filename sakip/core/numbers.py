"""The one numbers module: Decimal construction, the one representation of a plan's decimals
and the one place where rounding happens.

No float ever enters the core. Values come in as ``Decimal``, ``int`` or a string in
canonical form ("1234.5"); Indonesian-formatted text ("1.234,5") is parsed by the io layer,
which then calls :func:`D`.

A figure of a plan (a target, a realisation, a budget …) is held in one representation,
whatever it was read from: :func:`canonical_decimal`, the shortest exact form. Every reader
applies it — the plan file, the workbook, the database — so ``80``, ``80.0`` and ``80.000``
are all ``Decimal("80")`` and a round trip through any of them never changes a printed figure.
Computed figures (achievements, derived realisations) keep the places :func:`quantize` gave
them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_DOWN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    InvalidOperation,
)

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


def canonical_decimal(value: Decimal) -> Decimal:
    """The one representation of a plan's decimal: its shortest exact form.

    Trailing zeros of the fraction go (``80.50`` → ``80.5``, ``80.0`` → ``80``), an integral
    value has exponent 0 (``1E+3`` → ``1000``), zero is ``Decimal(0)`` (also ``-0.00``). The
    value never changes and no digit is rounded, however long the number.
    """
    # Decimal's own operations in a context that holds every digit (nothing rounds): three
    # C calls instead of taking the digits apart (the database reader applies this to every
    # decimal of every row; tests/test_national_numbers.py checks it against the digit form).
    if not value.is_finite():
        raise NumberError(f"not a finite number: {value!r}")
    if not value:
        return Decimal(0)
    if value == value.to_integral_value():
        return value.quantize(_ONE, context=_EXACT)
    return value.normalize(_EXACT)


_ONE = Decimal(1)
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def places(value: Decimal) -> int:
    """The decimal places a value carries (0.5 → 1; 80 → 0; a computed 1002.00 → 2)."""
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def common_places(values: Iterable[Decimal | None]) -> int:
    """The most places any of ``values`` carries (0 when there is none): the places with which
    figures printed side by side align (a Renstra row of targets, a table column)."""
    return max((places(v) for v in values if v is not None), default=0)


def canonical(value: Decimal) -> str:
    """Plain decimal text without exponent ("1002.00", "-5.93", "1463516640").

    It writes the places a value has; a plan's figure has its canonical form already
    (:func:`canonical_decimal`), so ``canonical(canonical_decimal(v))`` is how a plan file
    writes it ("80", "0.5").
    """
    return format(value, "f")
