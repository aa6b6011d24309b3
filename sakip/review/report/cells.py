"""What a printed cell or phrase holds: Indonesian numbers, ranges, labels.

Numbers are read with :func:`sakip.io.idnum.parse_id_number`; a token that looks like a
number but is refused (``21.500.00``) is kept as *malformed*, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from sakip.core.numbers import quantize
from sakip.io.idnum import MalformedNumber, parse_id_number

_NUMBERISH = re.compile(r"^\(?[-+−]?(?:rp\.?|ro\.?)?\d[\d.,]*(?:,-|\.-)?%?\)?[.,;:]?$", re.I)
_RANGE = re.compile(
    r"^\s*(?:(?P<op>[<>]=?|=|≤|≥)\s*(?P<x>\d[\d.,]*)\s*%?"
    r"|(?P<lo>\d[\d.,]*)\s*%?\s*[-–]\s*(?P<hi>\d[\d.,]*)\s*%?)\s*$"
)
_MARKER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|\(?\d+\)|[ivxIVX]+\.?|[a-z]\.)$")
_DOTTED_MARKER = re.compile(r"^(?:\d+\.)+$|^\d{1,2}(?:\.\d{1,2}){2,}\.?$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?(?:,-|\.-)?%?$")
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_MISSING = {"-", "–", "—", "n/a", "na", "", "tidak ada", "x"}
# a footnote mark printed after a figure or a dash: "60,9a", "–b", "12,5*", "–¹"
_FOOTNOTE = re.compile(r"^(?P<core>[-–—]|\(?[-+−]?\d[\d.,]*%?\)?)(?P<mark>[a-h]|\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2})$")


@dataclass(frozen=True)
class Number:
    value: Decimal
    text: str  # as printed
    percent: bool = False

    @property
    def places(self) -> int:
        exponent = self.value.as_tuple().exponent
        return -exponent if isinstance(exponent, int) and exponent < 0 else 0


@dataclass(frozen=True)
class CellValue:
    numbers: tuple[Number, ...]
    words: str  # the text that is not a number
    malformed: tuple[str, ...] = ()

    @property
    def first(self) -> Number | None:
        return self.numbers[0] if self.numbers else None


def read_number(token: str) -> Number | None:
    """One token as a number, or None when it is not numeric or is malformed."""
    stripped = token.strip()
    if not stripped.endswith((",-", ".-")):
        stripped = stripped.strip("();:")
        while stripped and stripped[-1] in ".,;:)":  # "60,9%)." ends a sentence
            stripped = stripped[:-1]
        if stripped.startswith("(") or stripped.count("(") != stripped.count(")"):
            stripped = stripped.strip("()")
    if not stripped or not any(ch.isdigit() for ch in stripped):
        return None
    try:
        value = parse_id_number(stripped)
    except MalformedNumber:
        return None
    return Number(value, token.strip(), stripped.endswith("%"))


def looks_numeric(token: str) -> bool:
    return bool(_NUMBERISH.match(token.strip()))


@lru_cache(maxsize=65536)
def read_cell(text: str) -> CellValue:
    """Numbers and words of a cell: ``"54,21% (Indikator negatif)"`` → 54.21 and the words."""
    if is_range(text):
        return CellValue((), text)
    numbers: list[Number] = []
    words: list[str] = []
    malformed: list[str] = []
    for token in text.replace("\n", " ").split():
        token = without_footnote(token)
        if _DOTTED_MARKER.match(token) and not _THOUSANDS.match(token):
            words.append(token)
            continue
        if looks_numeric(token):
            number = read_number(token)
            if number is not None:
                numbers.append(number)
                continue
            malformed.append(token)
            continue
        words.append(token)
    return CellValue(tuple(numbers), " ".join(words), tuple(malformed))


def without_footnote(token: str) -> str:
    """``"60,9a"`` → ``"60,9"``, ``"–b"`` → ``"–"``: a footnote mark is not part of the figure."""
    match = _FOOTNOTE.match(token)
    return match.group("core") if match else token


def is_missing(text: str) -> bool:
    """A dash, "n/a", "tidak ada" …: no figure (a footnote mark after the dash included)."""
    stripped = text.strip()
    return stripped.casefold() in _MISSING or without_footnote(stripped) in _MISSING


def is_range(text: str) -> bool:
    return bool(_RANGE.match(text))


def parse_range(text: str) -> tuple[str, Decimal, Decimal | None] | None:
    """``"<100"`` → ("<", 100, None); ``"75 - 89,99"`` → ("-", 75, 89.99)."""
    match = _RANGE.match(text)
    if match is None:
        return None
    try:
        if match.group("op"):
            op = match.group("op").replace("≤", "<=").replace("≥", ">=")
            return op, parse_id_number(match.group("x")), None
        return "-", parse_id_number(match.group("lo")), parse_id_number(match.group("hi"))
    except MalformedNumber:
        return None


def is_marker(text: str) -> bool:
    """A row number or list marker: ``1``, ``1.1.1``, ``II``, ``a.``, ``(1)``."""
    return bool(_MARKER.match(text.strip()))


def years_in(text: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(text)]


def is_pure_number(text: str) -> bool:
    """A cell that is one number and nothing else (a year counts as a number here)."""
    value = read_cell(text)
    return len(value.numbers) == 1 and not value.words and not value.malformed


def agrees(printed: Number, computed: Decimal) -> bool:
    """The printed figure equals the computed one rounded half-up to the printed places."""
    return quantize(computed, printed.places) == printed.value


def truncated_agrees(printed: Number, computed: Decimal) -> bool:
    from sakip.core.numbers import RoundingMode

    return quantize(computed, printed.places, RoundingMode.TRUNCATE) == printed.value


def fmt(value: Decimal, places: int = 2) -> str:
    """Indonesian form for messages: 1.234,56 (no trailing zeros beyond ``places``)."""
    from sakip.io.idnum import format_id

    return format_id(value, places)
