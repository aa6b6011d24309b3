"""Reading what people typed into a grid cell: Indonesian numbers, choices, texts.

Errors are sentences (Indonesian, or the page's language) shown beside the cell; nothing is saved
while any remains.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext

from sakip.core.numbers import canonical_decimal
from sakip.io.idnum import (
    MAX_WHOLE_DIGITS,
    MalformedNumber,
    ambiguous_readings,
    format_id,
    parse_id_number,
    whole_digits,
)
from sakip.web.labels import language

MAX_DIGITS = MAX_WHOLE_DIGITS  # whole digits a measure may have (DecimalField 24,6)


class CellError(ValueError):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def number(text: str | None, *, negative: bool = True, places: int = 6) -> Decimal | None:
    """``"1.234,5"`` → ``Decimal("1234.5")``; empty → None; anything else → CellError. The
    number in the plan's one representation (``canonical_decimal``: ``80,50`` is 80.5), as the
    plan file and the workbook read it."""
    if text is None or not text.strip():
        return None
    _refuse_ambiguous(text.strip())
    try:
        value = parse_id_number(text)
    except MalformedNumber:
        raise CellError(gettext("“%(text)s” bukan angka. Tulis seperti 1.234,5 (titik pemisah "
                                "ribuan, koma desimal).") % {"text": text.strip()}) from None
    if not negative and value < 0:
        raise CellError(gettext("Nilai tidak boleh negatif."))
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise CellError(gettext("Paling banyak %(places)s angka di belakang koma.") % {"places": places})
    if whole_digits(value) > MAX_DIGITS:
        raise CellError(gettext("Angka terlalu besar."))
    return canonical_decimal(value)


def _refuse_ambiguous(text: str) -> None:
    """``0.500``: 500 or 0,5? Asked, never guessed — the workbook's rule
    (:func:`sakip.io.idnum.ambiguous_readings`, ``XLSX_AMBIGUOUS_NUMBER``) where the page says
    that a dot groups thousands (so ``13.535``, as these inputs show it back, stays 13535)."""
    readings = ambiguous_readings(text, dots_group=True)
    if readings is None:
        return
    grouped, decimal = readings
    if language() == "en":
        message = (f"“{text}” is ambiguous: {grouped} (a thousands separator) or {decimal} "
                   f"(a decimal comma)? Type {grouped} or {decimal}.")
    else:
        message = (f"“{text}” dibaca {grouped} atau {decimal}? Tulis {grouped} (tanpa titik "
                   f"ribuan) atau {decimal} (koma desimal).")
    raise CellError(message)


def shown(value: Decimal | None) -> str:
    """A stored value as it goes back into an input: ``1234.5`` → ``1.234,5``."""
    if value is None:
        return ""
    return format_id(value.normalize() if value != 0 else Decimal(0), None)


def text(raw: str | None, limit: int = 2000) -> str | None:
    if raw is None:
        return None
    cleaned = raw.replace("\r\n", "\n").strip()
    if len(cleaned) > limit:
        raise CellError(gettext("Teks terlalu panjang (paling banyak %(limit)s karakter).")
                        % {"limit": limit})
    return cleaned or None


def choice(raw: str | None, allowed: list[str], label: str) -> str:
    value = (raw or "").strip()
    if value not in allowed:
        raise CellError(gettext("Pilihan %(label)s tidak dikenal.") % {"label": label})
    return value


def lines(raw: str | None) -> list[str]:
    return [line.strip() for line in (raw or "").splitlines() if line.strip()]


MAX_BLOCK_ROWS = 2000


def block(raw: str) -> list[tuple[int, list[str]]]:
    """A rectangular block copied from a spreadsheet (rows by line, cells by tab) as
    (line number, cells); blank lines are left out. Excel's quoting of a cell holding a line
    break or a tab is not read: such a cell is not a number anyway."""
    rows = []
    for number_, line in enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if line.strip():
            rows.append((number_, line.split("\t")))
        if len(rows) > MAX_BLOCK_ROWS:
            raise CellError(gettext("Blok terlalu besar (paling banyak %(rows)s baris).")
                            % {"rows": MAX_BLOCK_ROWS})
    return rows
