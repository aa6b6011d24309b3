"""A formula as a person writes it: the data series' names, not their codes.

:mod:`sakip.core.formula` keeps a formula as code (``pmks_handled[n] / pmks[n] * 100``); a
report, the ``explain`` command and the web print it as its readers write it::

    Jumlah PMKS yang memperoleh bantuan sosial ÷ Jumlah PMKS × 100
    (Jumlah PMKS tahun sebelumnya − Jumlah PMKS) ÷ Jumlah PMKS tahun sebelumnya × 100

Numbers print the Indonesian way (10.000; 0,5) or, in English, 10,000 and 0.5. A reference to
another year than the measured one says which (*tahun sebelumnya*, *2 tahun sebelumnya*,
*tahun berikutnya*); given the measured year, the year itself (*Jumlah PMKS 2019*). The
operators are × ÷ + − (``Style.SYMBOLS``) or words (``Style.WORDS``: *dibagi*, *dikali* …).
Parentheses are kept only where the order of operations needs them. A series the plan does not
name prints as its code. Nothing here raises for a parsed formula.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from sakip.core.formula import Formula, FormulaError, Node, Ref, _Bin, _Call, _Neg, _Num, parse

if TYPE_CHECKING:
    from sakip.core.model import Indicator, Plan


class Style(enum.Enum):
    SYMBOLS = "symbols"  # × ÷ + −
    WORDS = "words"  # dikali, dibagi, ditambah, dikurangi


_OPERATORS: dict[tuple[str, Style], dict[str, str]] = {
    ("id", Style.SYMBOLS): {"+": "+", "-": "−", "*": "×", "/": "÷"},
    ("en", Style.SYMBOLS): {"+": "+", "-": "−", "*": "×", "/": "÷"},
    ("id", Style.WORDS): {"+": "ditambah", "-": "dikurangi", "*": "dikali", "/": "dibagi"},
    ("en", Style.WORDS): {"+": "plus", "-": "minus", "*": "times", "/": "divided by"},
}
_NEGATIVE = {Style.SYMBOLS: "−", Style.WORDS: "minus "}  # the same word in both languages
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}
_ATOM = 4
_UNARY = 3


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "id"


def number_words(value: Decimal, lang: str = "id", *, keep_places: bool = False) -> str:
    """A constant of a formula as its readers write it: 10.000 and 0,5 (English 10,000; 0.5).

    The places are the constant's own (a formula's ``100`` is no ``100,00``); with
    ``keep_places`` those the value carries (a rounded figure: 1.002,00)."""
    sign, digits, exponent = (value if keep_places else value.normalize()).as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity: never parsed from a formula
        return str(value)
    text = "".join(map(str, digits))
    if exponent >= 0:
        whole, part = text + "0" * exponent, ""
    else:
        text = text.rjust(-exponent + 1, "0")
        whole, part = text[:exponent], text[exponent:]
    group, mark = (",", ".") if _lang(lang) == "en" else (".", ",")
    grouped = ""
    while len(whole) > 3:
        grouped = group + whole[-3:] + grouped
        whole = whole[:-3]
    grouped = whole + grouped
    return ("−" if sign and (grouped.strip("0") or part.strip("0")) else "") + grouped + (
        mark + part if part else "")


def year_words(offset: int, lang: str = "id", year: int | None = None) -> str:
    """Which year a reference reads: its year when the measured ``year`` is given, else relative
    to it (``tahun sebelumnya``, ``2 tahun sebelumnya``, ``tahun berikutnya``, ``tahun berjalan``)."""
    if year is not None:
        return str(year + offset)
    english = _lang(lang) == "en"
    if offset == 0:
        return "current year" if english else "tahun berjalan"
    if offset == -1:
        return "previous year" if english else "tahun sebelumnya"
    if offset == 1:
        return "next year" if english else "tahun berikutnya"
    if offset < 0:
        return f"{-offset} years earlier" if english else f"{-offset} tahun sebelumnya"
    return f"{offset} years later" if english else f"{offset} tahun berikutnya"


_FUNCTIONS = {("id", "sum"): "jumlah", ("id", "mean"): "rata-rata",
              ("en", "sum"): "sum", ("en", "mean"): "mean"}


def formula_words(formula: Formula, names: Mapping[str, str] | Callable[[str], str | None],
                  lang: str = "id", *, year: int | None = None,
                  style: Style = Style.SYMBOLS) -> str:
    """``formula`` in words: each series by its name (``names``: code → name, a mapping or a
    function; a series without a name prints as its code), Indonesian or English (``lang``).

    A reference to the measured year reads as the name alone, unless the formula also reads
    other years (then it says *tahun berjalan*); ``year`` turns the relative years into years."""
    name_of = names.get if isinstance(names, Mapping) else names
    lang = _lang(lang)
    offsets = {ref.offset for ref in formula.references}
    label_current = year is not None or offsets != {0}

    def reference(ref: Ref) -> str:
        name = name_of(ref.key) or ref.key  # key: the series, or agency:indicator
        if ref.offset == 0 and not label_current:
            return name
        return f"{name} {year_words(ref.offset, lang, year)}"

    operators = _OPERATORS[(lang, style)]
    negative = _NEGATIVE[style]

    def words(node: Node) -> tuple[str, int]:
        if isinstance(node, Ref):
            return reference(node), _ATOM
        if isinstance(node, _Num):
            return number_words(node.value, lang), _ATOM
        if isinstance(node, _Neg):
            text, inner = words(node.operand)
            return negative + (text if inner >= _UNARY else f"({text})"), _UNARY
        if isinstance(node, _Bin):
            precedence = _PRECEDENCE[node.op]
            left, left_precedence = words(node.left)
            right, right_precedence = words(node.right)
            if left_precedence < precedence:
                left = f"({left})"
            if right_precedence < precedence or (
                    right_precedence == precedence and node.op in "-/"):
                right = f"({right})"
            return f"{left} {operators[node.op]} {right}", precedence
        if isinstance(node, _Call):  # sum(…), mean(…) of an IKU Pemda (docs/region.md)
            function = _FUNCTIONS.get((lang, node.name), node.name)
            return f"{function}({'; '.join(words(a)[0] for a in node.arguments)})", _ATOM
        return str(node), _ATOM  # pragma: no cover - every node kind is handled above

    return words(formula.root)[0]


def text_words(text: str, names: Mapping[str, str] | Callable[[str], str | None],
               lang: str = "id", *, year: int | None = None,
               style: Style = Style.SYMBOLS) -> str:
    """A formula's text in words; a text that does not parse is returned as it is (the plan
    checks report it; a report still prints what was written)."""
    try:
        formula = parse(text)
    except FormulaError:
        return text
    return formula_words(formula, names, lang, year=year, style=style)


def series_names(plan: Plan) -> dict[str, str]:
    """The plan's series by code → name (a series with an empty name keeps its code)."""
    return {series.code: series.name for series in plan.series if series.name}


def indicator_formula_words(plan: Plan, indicator: Indicator, lang: str = "id", *,
                            year: int | None = None, style: Style = Style.SYMBOLS) -> str | None:
    """The indicator's formula in words with the plan's series names; None without a formula."""
    if not indicator.formula:
        return None
    return text_words(indicator.formula, series_names(plan), lang, year=year, style=style)
