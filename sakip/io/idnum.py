"""Indonesian numbers: reading them from text people typed, writing them for people to read.

Reading (workbook cells typed as text, figures printed in a report):

* a comma is the decimal mark and dots group thousands: ``1.234.567,89``;
* ``Rp``, ``Rp.``, a trailing ``,-`` or ``.-``, ``%`` and spaces are dropped;
* with dots only, ``13.535`` and ``5.054.687.243`` are thousands (every group after the first
  has three digits), while ``94.78`` or ``100.00`` are read as a decimal point, as reports
  typed in English-locale spreadsheets print them;
* anything else — ``21.500.00``, ``1,2,3``, letters — is malformed and refused.

Where the reader must not guess (a workbook cell typed as text, a web form field),
:func:`ambiguous_readings` names text with one separator followed by exactly three digits
(``12.345``, ``1,500``, ``0.500``): a thousands separator or a decimal mark, and nothing in the
text says which. Money (``Rp 12.345``, ``12.345,-``) has no decimals, so its dot groups.

Writing uses Babel's ``id`` locale, only at display time: ``1.234.567,89``, ``Rp 5.054.687.243``.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

from babel.numbers import format_decimal

from sakip.core.numbers import RoundingMode, places, quantize

_CURRENCY = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_SIGNED = re.compile(r"^[-+]?\d[\d.,]*$")
# one separator, then exactly three digits: 12.345, 1,500
_AMBIGUOUS = re.compile(r"^(?P<sign>[-+−]?)(?P<whole>\d{1,3})(?P<mark>[.,])(?P<part>\d{3})$")
_MONEY = re.compile(r"^rp|[.,]-+$", re.IGNORECASE)
_MONEY_MARKS = re.compile(r"^rp\.?|[.,]-+$", re.IGNORECASE)


MAX_WHOLE_DIGITS = 18  # digits before the decimal mark a measure or an amount may have (the
# database keeps measures as DecimalField(24, 6)); a larger figure is a typing or a paste error


def whole_digits(value: Decimal) -> int:
    """Digits before the decimal mark: ``1234,5`` → 4, ``0,5`` → 0, ``1E+20`` → 21."""
    return max(value.adjusted() + 1, 0) if value.is_finite() and value != 0 else 0


class MalformedNumber(ValueError):
    """Text that is not a number in any form Sakip accepts."""


def parse_id_number(text: str) -> Decimal:
    """Parse an Indonesian-formatted number; raise :class:`MalformedNumber` when it is not one."""
    original = text
    cleaned = text.strip().replace("\u00a0", " ")
    negative = False
    if cleaned.startswith("(") and cleaned.endswith(")"):
        negative, cleaned = True, cleaned[1:-1].strip()
    cleaned = _CURRENCY.sub("", cleaned)
    cleaned = cleaned.removesuffix("%").strip()
    for suffix in (",-", ".-", ",--"):
        cleaned = cleaned.removesuffix(suffix)
    cleaned = cleaned.replace(" ", "")
    if cleaned.startswith(("-", "−")):
        negative, cleaned = not negative, cleaned.lstrip("-−")
    elif cleaned.startswith("+"):
        cleaned = cleaned[1:]
    if not cleaned or not _SIGNED.match(cleaned):
        raise MalformedNumber(f"bukan angka: {original!r}")
    canonical = _canonical(cleaned, original)
    value = Decimal(canonical)
    return value.copy_negate() if negative else value  # exact; unary minus rounds to 28 digits


def ambiguous_readings(text: str, *, dots_group: bool = False) -> tuple[str, str] | None:
    """The two readings of ambiguous number text, in Indonesian form — ``"12.345"`` →
    ``("12345", "12,345")`` (thousands, decimal) — or None when the text is not ambiguous.

    ``dots_group``: where the page itself says that a dot groups thousands and a comma marks
    decimals (the web's inputs, which show ``13.535`` back), only a dot after a zero
    (``0.500``, which no grouped number starts with) is still ambiguous."""
    body = text.replace("\u00a0", " ").replace(" ", "").removesuffix("%")
    negative = body.startswith("(") and body.endswith(")")
    body = body.strip("()")
    if _MONEY.search(body):
        body = _MONEY_MARKS.sub("", body)
        if "." in body:
            return None
    match = _AMBIGUOUS.match(body)
    if match is None:
        return None
    if dots_group and (match["mark"] == "," or not match["whole"].startswith("0")):
        return None
    sign = "-" if (match["sign"] in ("-", "−")) != negative else ""
    return f"{sign}{int(match['whole'] + match['part'])}", f"{sign}{match['whole']},{match['part']}"


def _canonical(body: str, original: str) -> str:
    if body.count(",") > 1:
        raise MalformedNumber(f"lebih dari satu koma desimal: {original!r}")
    if "," in body:
        whole, fraction = body.split(",")
        if not fraction.isdigit():
            raise MalformedNumber(f"angka desimal tidak dikenali: {original!r}")
        return _thousands(whole, original) + "." + fraction
    if "." not in body:
        return body
    groups = body.split(".")
    if len(groups) == 2 and len(groups[1]) != 3:
        return body  # 94.78, 100.00: a decimal point
    return _thousands(body, original)


def _thousands(whole: str, original: str) -> str:
    groups = whole.split(".")
    first, rest = groups[0], groups[1:]
    if not first.isdigit() or (len(first) > 3 and rest):
        raise MalformedNumber(f"pemisah ribuan tidak dikenali: {original!r}")
    if any(len(group) != 3 or not group.isdigit() for group in rest):
        raise MalformedNumber(f"pemisah ribuan tidak dikenali: {original!r}")
    return "".join(groups)


def places_of(value: Decimal, limit: int | None = None) -> int:
    """The decimal places a value carries (0,5 → 1; 80 → 0; 1.002,00 → 2), at most ``limit``."""
    found = places(value)
    return found if limit is None else min(limit, found)


def format_id(
    value: Decimal, places: int | None = 2, mode: RoundingMode = RoundingMode.HALF_UP
) -> str:
    """``1234567.891`` → ``1.234.567,89``. Rounds with the one rounding rule first;
    ``places=None`` keeps the value's own decimal places."""
    if places is None:
        places = places_of(value)
    with localcontext() as context:  # every digit of a large value: 1e40 prints in full
        if value.is_finite():
            context.prec = max(context.prec, value.adjusted() + places + 2)
        rounded = quantize(value, places, mode)
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return str(format_decimal(rounded, format=pattern, locale="id_ID"))


def format_rupiah(value: Decimal) -> str:
    """``5054687243`` → ``Rp 5.054.687.243`` (whole rupiah, half-up)."""
    return "Rp " + format_id(value, 0)
