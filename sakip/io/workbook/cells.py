"""One cell, both ways: a raw worksheet value to a typed value, and a typed value to a cell.

Reading. The reader (python-calamine) gives ``float`` for every numeric cell, because an
xlsx file stores numbers as IEEE doubles. A float becomes a Decimal through ``repr``: Python
prints the shortest text that reads back as the same double, which for any number typed
with at most 15 significant digits is exactly the number typed (``94.78``, not
``94.780000000000001136…``). Text that looks like a number is read the Indonesian way by
:func:`sakip.io.idnum.parse_id_number` (``1.234,5``, ``94,78%``, ``Rp 5.054.687.243,-``).
Either way the number is then put in its canonical form
(:func:`sakip.core.numbers.canonical_decimal`): ``80.0`` and ``80,00`` are ``Decimal("80")``,
exactly as the plan file and the database give it.

Writing. A Decimal is written as a number when that double reads back as the same Decimal
(at most 15 significant digits); otherwise as text in Indonesian form without grouping
(``1234567890123456789,5``), which the reader parses back exactly. A plan's figures are in
canonical form already, so they come back exactly, representation included.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, cast

from sakip.core.fields import FIRST_YEAR, LAST_YEAR
from sakip.core.numbers import canonical, canonical_decimal
from sakip.io.idnum import (
    MAX_WHOLE_DIGITS,
    MalformedNumber,
    ambiguous_readings,
    parse_id_number,
    whole_digits,
)
from sakip.io.limits import CONTROL, describe_character
from sakip.io.workbook.choices import label, labels, parse_choice
from sakip.io.workbook.codes import Code
from sakip.io.workbook.schema import Column, Kind

RawValue = int | float | str | bool | dt.date | dt.datetime | dt.time | dt.timedelta
Typed = str | Decimal | int | bool | enum.Enum | tuple[str, ...]

MAX_EXACT_INTEGER = 10**15  # doubles hold every integer below this (and a good deal more)
YEAR_RANGE = (FIRST_YEAR, LAST_YEAR)  # the plan's years (sakip.core.fields)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TRUE = frozenset({"ya", "y", "iya", "benar", "true", "1"})
_FALSE = frozenset({"tidak", "tdk", "bukan", "salah", "false", "0"})
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class CellError:
    code: Code
    message_id: str
    message_en: str


class BadCell(ValueError):
    def __init__(self, error: CellError) -> None:
        super().__init__(error.message_en)
        self.error = error


def _bad(code: Code, message_id: str, message_en: str) -> BadCell:
    return BadCell(CellError(code, message_id, message_en))


# --------------------------------------------------------------------------- reading


def read_cell(column: Column, raw: RawValue) -> Typed | None:
    """The typed value of a raw cell; None when empty. Raises :class:`BadCell`."""
    if isinstance(raw, str):
        _refuse_control(raw)
        raw = raw.strip()
        if not raw:
            return None
    reader = _READERS[column.kind]
    return reader(column, raw)


def read_table_cell(raw: RawValue) -> Decimal | str | None:
    """A supporting-table cell: a number stays a number, text stays text."""
    if isinstance(raw, str):
        _refuse_control(raw)
        text = raw.strip()
        return text or None
    if isinstance(raw, bool):
        raise _bad(Code.BAD_TEXT, "nilai benar/salah tidak dapat dipakai di tabel; ketik teks",
                   "a TRUE/FALSE value cannot be used in a table; type text")
    if isinstance(raw, int | float):
        return _float_decimal(raw)
    return _text(raw)


def _refuse_control(text: str) -> None:
    """Refuse a text holding a control character (NUL, ESC, DEL, C1 …; tab and line breaks
    are text), naming the first: it would reach names, reports and terminals unseen."""
    found = CONTROL.search(text)
    if found is None:
        return
    shown = describe_character(found.group())
    raise _bad(Code.CONTROL_CHARACTER,
               f"karakter kendali {shown} (posisi {found.start() + 1}) tidak boleh ada dalam "
               "teks sel; hapus karakter itu",
               f"control character {shown} (position {found.start() + 1}) is not allowed in a "
               "cell's text; delete it")


def _float_decimal(raw: int | float) -> Decimal:
    """A number cell in canonical form: the shortest text of the double, then
    :func:`canonical_decimal` (``80.0`` is ``Decimal("80")``); never ``Decimal(float)``."""
    if isinstance(raw, int):
        return Decimal(raw)
    if not math.isfinite(raw):
        raise _bad(Code.BAD_NUMBER, f"bukan angka: {raw!r}", f"not a number: {raw!r}")
    if raw.is_integer():
        if -_EXACT_FLOAT < raw < _EXACT_FLOAT:
            return Decimal(int(raw))  # what repr and canonical_decimal give, in one step
        return canonical_decimal(Decimal(repr(raw)))
    text = repr(raw)
    if "e" not in text:
        return Decimal(text)  # the shortest repr of a fraction ends in a non-zero digit
    return canonical_decimal(Decimal(text))


_EXACT_FLOAT = float(2**53)  # every integral double below this is printed digit for digit


def _text(raw: RawValue) -> str:
    if isinstance(raw, str):
        return raw.replace("\r\n", "\n")
    if isinstance(raw, bool):
        raise _bad(Code.BAD_TEXT, "diharapkan teks, bukan nilai benar/salah",
                   "expected text, not a TRUE/FALSE value")
    if isinstance(raw, int | float):
        value = _float_decimal(raw)
        if value == value.to_integral_value():
            if abs(value) >= MAX_EXACT_INTEGER:
                raise _bad(
                    Code.NUMBER_TOO_LONG,
                    "angka terlalu panjang sehingga digit terakhirnya hilang; "
                    "ketik sebagai teks (awali dengan tanda petik ')",
                    "number too long, its last digits are lost; type it as text (prefix ')",
                )
            return str(int(value))
        return canonical(value)
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat() if raw.time() == dt.time() else raw.isoformat()
    if isinstance(raw, dt.date | dt.time):
        return raw.isoformat()
    raise _bad(Code.BAD_TEXT, "isi sel tidak dapat dibaca sebagai teks",
               "cell content cannot be read as text")


def _read_text(column: Column, raw: RawValue) -> str | None:
    return _text(raw).strip() or None


def _read_list(column: Column, raw: RawValue) -> tuple[str, ...] | None:
    parts = tuple(p.strip() for p in _text(raw).split(LIST_SEPARATOR))
    kept = tuple(p for p in parts if p)
    return kept or None


def _decimal(raw: RawValue) -> Decimal:
    if isinstance(raw, bool):
        raise _bad(Code.BAD_NUMBER, "diharapkan angka, bukan nilai benar/salah",
                   "expected a number, not a TRUE/FALSE value")
    if isinstance(raw, int | float):
        return _float_decimal(raw)
    if isinstance(raw, str):
        _refuse_ambiguous(raw)
        try:
            return canonical_decimal(parse_id_number(raw))
        except MalformedNumber:
            if raw.startswith("#"):
                raise _bad(Code.BAD_NUMBER, f"sel berisi galat Excel {raw!r}",
                           f"the cell holds the Excel error {raw!r}") from None
            raise _bad(Code.BAD_NUMBER, f"bukan angka: {raw!r} (contoh: 1.234,5)",
                       f"not a number: {raw!r} (example: 1.234,5)") from None
    raise _bad(Code.BAD_NUMBER, "diharapkan angka, bukan tanggal atau waktu",
               "expected a number, not a date or time")


def _refuse_ambiguous(text: str) -> None:
    """Refuse number text whose separator may group thousands or mark decimals
    (:func:`sakip.io.idnum.ambiguous_readings`): the spreadsheet's locale does not say which."""
    readings = ambiguous_readings(text)
    if readings is None:
        return
    grouped, decimal = readings
    raise _bad(
        Code.AMBIGUOUS_NUMBER,
        f"{text} dibaca {grouped} atau {decimal}? Tulis {grouped} atau {decimal}",
        f"{text} is ambiguous: {grouped} (a thousands separator) or {decimal} (a decimal "
        f"comma)? Type {grouped} or {decimal}",
    )


def _read_decimal(column: Column, raw: RawValue) -> Decimal:
    value = _decimal(raw)
    if whole_digits(value) > MAX_WHOLE_DIGITS:
        raise _bad(Code.NUMBER_TOO_LARGE,
                   f"angka dengan {whole_digits(value)} angka sebelum koma; paling banyak "
                   f"{MAX_WHOLE_DIGITS} (salah ketik atau salah tempel?)",
                   f"a number with {whole_digits(value)} digits before the decimal mark; at most "
                   f"{MAX_WHOLE_DIGITS} (a typing or paste error?)")
    return value


def _read_integer(column: Column, raw: RawValue) -> int:
    try:
        value = _decimal(raw)
    except BadCell as bad:
        if bad.error.code is Code.AMBIGUOUS_NUMBER:
            raise
        raise _bad(Code.BAD_INTEGER, f"bukan bilangan bulat: {raw!r}",
                   f"not a whole number: {raw!r}") from None
    if value != value.to_integral_value():
        raise _bad(Code.BAD_INTEGER, f"bukan bilangan bulat: {raw!r}",
                   f"not a whole number: {raw!r}")
    number = int(value)
    too_small = column.minimum is not None and number < column.minimum
    too_large = column.maximum is not None and number > column.maximum
    if too_small or too_large:
        low = "" if column.minimum is None else str(column.minimum)
        high = "" if column.maximum is None else str(column.maximum)
        raise _bad(Code.OUT_OF_RANGE, f"{number} di luar rentang yang boleh ({low}–{high})",
                   f"{number} is outside the allowed range ({low}–{high})")
    return number


def _read_year(column: Column, raw: RawValue) -> int:
    if isinstance(raw, float) and raw.is_integer() and YEAR_RANGE[0] <= raw <= YEAR_RANGE[1]:
        return int(raw)  # the common case, without a Decimal
    try:
        value = _decimal(raw)
    except BadCell as bad:
        if bad.error.code is Code.AMBIGUOUS_NUMBER:
            raise
        value = None
    low, high = YEAR_RANGE
    if value is None or value != value.to_integral_value() or not low <= value <= high:
        raise _bad(Code.BAD_YEAR, f"bukan tahun empat angka: {raw!r}",
                   f"not a four-digit year: {raw!r}")
    return int(value)


def _read_boolean(column: Column, raw: RawValue) -> bool:
    if isinstance(raw, bool):
        return raw
    try:
        text = _text(raw).strip().casefold()
    except BadCell:
        text = ""
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _bad(Code.BAD_BOOLEAN, f"isi dengan Ya atau Tidak, bukan {raw!r}",
               f"fill in Ya (yes) or Tidak (no), not {raw!r}")


def _read_choice(column: Column, raw: RawValue) -> enum.Enum:
    assert column.choices is not None  # a declaration error, caught by the schema test
    member = parse_choice(column.choices, _text(raw)) if isinstance(raw, str) else None
    if member is None:
        allowed = ", ".join(labels(column.choices))
        raise _bad(Code.BAD_CHOICE, f"{raw!r} bukan pilihan yang dikenal; pilih: {allowed}",
                   f"{raw!r} is not a known choice; choose: {allowed}")
    return member


def _read_date(column: Column, raw: RawValue) -> str:
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(_read_year(column, raw))
    text = _text(raw).strip() if isinstance(raw, str) else ""
    match = _ISO_DATE.match(text)
    if match and _valid_date(match.group(1), match.group(2), match.group(3)):
        return text
    raise _bad(Code.BAD_DATE, f"tanggal tidak dikenali: {raw!r} (contoh: 2020-12-08 atau 2020-12)",
               f"date not recognised: {raw!r} (example: 2020-12-08 or 2020-12)")


def _valid_date(year: str, month: str | None, day: str | None) -> bool:
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _read_cell_kind(column: Column, raw: RawValue) -> Typed | None:
    value = read_table_cell(raw)
    return value


_READERS = {
    Kind.TEXT: _read_text,
    Kind.CODE: _read_text,
    Kind.LIST: _read_list,
    Kind.DECIMAL: _read_decimal,
    Kind.MONEY: _read_decimal,
    Kind.INTEGER: _read_integer,
    Kind.YEAR: _read_year,
    Kind.BOOLEAN: _read_boolean,
    Kind.CHOICE: _read_choice,
    Kind.DATE: _read_date,
    Kind.CELL: _read_cell_kind,
}


Reader = Callable[[RawValue], "Typed | None"]


def column_reader(column: Column) -> Reader:
    """:func:`read_cell` for one column, made once per column of a sheet: the kind is looked up
    once, and the common cells take a short path giving exactly what :func:`read_cell` gives
    (the speed-equivalence test compares them); any other cell goes to :func:`read_cell`.

    Text that :meth:`str.isprintable` accepts holds no control character, tab or line break,
    so it needs neither the control check nor the line-break rewrite: it is only stripped. A
    float is a number cell; one whose magnitude is below 10**15 has fewer whole digits than
    any limit, is exact in ``repr`` and in ``int``. A choice or Ya/Tidak text read once is
    remembered for the column (a few distinct labels repeat down a sheet; the memo holds at
    most one entry per cell read).
    """
    kind = column.kind

    def slow(raw: RawValue) -> Typed | None:
        return read_cell(column, raw)

    if kind is Kind.TEXT or kind is Kind.CODE:
        def read_text(raw: RawValue) -> Typed | None:
            if type(raw) is str and raw.isprintable():
                return raw.strip() or None
            return slow(raw)
        return read_text
    if kind is Kind.DECIMAL or kind is Kind.MONEY:
        def read_number(raw: RawValue) -> Typed | None:
            if type(raw) is float and -_SHORT < raw < _SHORT:
                if raw.is_integer():
                    return Decimal(int(raw))
                text = repr(raw)
                if "e" not in text:
                    return Decimal(text)  # what _float_decimal gives, without its checks
            return slow(raw)
        return read_number
    if kind is Kind.YEAR:
        low, high = YEAR_RANGE

        def read_year(raw: RawValue) -> Typed | None:
            if type(raw) is float and low <= raw <= high and raw.is_integer():
                return int(raw)
            return slow(raw)
        return read_year
    if kind is Kind.INTEGER:
        smallest = -_SHORT if column.minimum is None else column.minimum
        largest = _SHORT if column.maximum is None else column.maximum

        def read_integer(raw: RawValue) -> Typed | None:
            if (type(raw) is float and smallest <= raw <= largest and -_SHORT < raw < _SHORT
                    and raw.is_integer()):
                return int(raw)
            return slow(raw)
        return read_integer
    if kind is Kind.CHOICE or kind is Kind.BOOLEAN:
        known: dict[str, Typed] = {}

        def read_label(raw: RawValue) -> Typed | None:
            if type(raw) is str:
                found = known.get(raw)
                if found is not None:
                    return found
                value = slow(raw)
                if value is not None:
                    known[raw] = value
                return value
            return slow(raw)
        return read_label
    return slow


_SHORT = 1e15  # a float strictly inside ±10**15: exact as an int, at most 15 whole digits

UNREAD: Final = object()
"""What :func:`column_values` gives for a cell it leaves to the per-cell path: an unreadable
cell, an odd one, or an empty one in a required column (each then read, and reported, by the
column's :func:`column_reader`)."""

ColumnValues = Callable[[list[RawValue]], list[object]]


def column_values(column: Column) -> ColumnValues:
    """:func:`column_reader` for a whole column at once: the typed value of each cell, None for
    an empty one (in an optional column), or :data:`UNREAD` where the reader must read the cell
    itself (an unreadable cell, or an empty cell of a required column). A value given is what
    the column's reader gives, by construction or by the reader's own short path (the
    speed-equivalence test compares them).

    Cells come from python-calamine: floats, text, and ``""`` for an empty cell. A text
    column of printable text and a whole-number column of whole floats are converted by loops
    in C (``map`` of a builtin). Any other column of floats and text is read once per distinct
    value (a workbook repeats its years, choices and figures down a column; the reader of a
    column gives one value per raw value), other cells one by one.
    """
    read = column_reader(column)
    empty: object = UNREAD if column.required else None

    def one(raw: RawValue) -> object:
        if raw == "":
            return empty
        try:
            value = read(raw)
        except BadCell:
            return UNREAD
        return empty if value is None else value

    def values(raws: list[RawValue]) -> list[object]:
        types = set(map(type, raws))
        if types <= _FLOAT_OR_TEXT:  # no two of these equal unless read alike (not True, 1)
            table = {raw: one(raw) for raw in set(raws)}
            return list(map(table.__getitem__, raws))
        return list(map(one, raws))

    kind = column.kind
    if kind is Kind.DECIMAL or kind is Kind.MONEY:
        def numbers(raws: list[RawValue]) -> list[object]:
            if set(map(type, raws)) <= _FLOAT_OR_TEXT:
                # the reader's short path for a float inside ±10**15 that prints without an
                # exponent (at least 10**-4 from zero, or whole), inline; any other raw: one()
                table = {raw: (Decimal(int(raw)) if raw.is_integer() else Decimal(repr(raw)))
                         if raw.__class__ is float and -_SHORT < raw < _SHORT
                         and (raw.is_integer() or not -1e-4 < raw < 1e-4)
                         else one(raw) for raw in set(raws)}
                return list(map(table.__getitem__, raws))
            return list(map(one, raws))
        return numbers
    if kind is Kind.TEXT or kind is Kind.CODE:
        def texts(raws: list[RawValue]) -> list[object]:
            if set(map(type, raws)) == _TEXT:
                text = cast(list[str], raws)
                if all(map(str.isprintable, text)):
                    stripped: list[object] = list(map(str.strip, text))  # the reader's short path
                    if "" in stripped:
                        stripped = [value or empty for value in stripped]
                    return stripped
            return values(raws)
        return texts
    if kind is Kind.YEAR or kind is Kind.INTEGER:
        low: float
        high: float
        if kind is Kind.YEAR:
            low, high = YEAR_RANGE
        else:  # the reader's short path: inside its bounds and strictly inside ±10**15
            low = -_SHORT if column.minimum is None else column.minimum
            high = _SHORT if column.maximum is None else column.maximum

        def whole(raws: list[RawValue]) -> list[object]:
            if set(map(type, raws)) == _FLOAT:
                floats = cast(list[float], raws)
                if (all(map(float.is_integer, floats)) and low <= min(floats)
                        and max(floats) <= high and min(floats) > -_SHORT
                        and max(floats) < _SHORT):
                    return list(map(int, floats))
            return values(raws)
        return whole
    return values


_FLOAT_OR_TEXT = frozenset({float, str})
_FLOAT = frozenset({float})
_TEXT = frozenset({str})


# --------------------------------------------------------------------------- writing

CellOut = str | int | float | None


def number_out(value: Decimal) -> float | str:
    """A Decimal as a number when a double holds it exactly, else as Indonesian text."""
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    return canonical(canonical_decimal(value)).replace(".", ",")


def write_cell(column: Column, value: object) -> CellOut:
    """What to put in the worksheet for a typed value (None leaves the cell empty)."""
    if value is None:
        return None
    kind = column.kind
    if kind in (Kind.DECIMAL, Kind.MONEY, Kind.CELL) and isinstance(value, Decimal):
        return number_out(value)
    if kind is Kind.LIST and isinstance(value, tuple):
        return f"{LIST_SEPARATOR} ".join(value) if value else None
    if kind is Kind.BOOLEAN and isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if kind is Kind.CHOICE and isinstance(value, enum.Enum):
        return label(value)
    if isinstance(value, bool):
        raise TypeError(f"unexpected boolean for {column.key}")
    if isinstance(value, str | int):
        return value
    raise TypeError(f"cannot write {value!r} in column {column.key} ({kind.value})")
