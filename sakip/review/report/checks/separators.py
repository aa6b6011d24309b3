"""Decimal marks and thousands separators written two ways in one report.

An Indonesian report writes 95,56 and 1.500.000; a table pasted from a spreadsheet in English
locale writes 95.56 and 1,500,000. Each figure can still be read (``94.78`` is a decimal
point, see :func:`sakip.io.idnum.parse_id_number`), but a reader cannot trust a report that
writes the same kind of figure both ways, and ``1.500`` is then ambiguous. Only unambiguous
forms count: a decimal part of one, two or four or more digits (never ``54,248``, which
NUMBER_NOTATION weighs), and thousands with at least two groups or a decimal part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip.review.findings import Finding, Location, Severity
from sakip.review.report import cells as C
from sakip.review.report import prose as P
from sakip.review.report.context import Report, cell_location
from sakip.review.report.tables import NUMERIC

COMMA, POINT = "koma", "titik"
_DECIMAL = {
    COMMA: re.compile(r"^-?(?:\d{1,3}(?:\.\d{3})+|\d+),(?:\d{1,2}|\d{4,})$"),
    POINT: re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.(?:\d{1,2}|\d{4,})$"),
}
_THOUSANDS = {
    POINT: re.compile(r"^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^\d{1,3}(?:\.\d{3})+,\d+$"),
    COMMA: re.compile(r"^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^\d{1,3}(?:,\d{3})+\.\d+$"),
}
_PROSE_NUMBER = re.compile(r"(?<![\d.,])\d[\d.,]*\d")
_EXAMPLES = 3


@dataclass(frozen=True)
class Token:
    text: str  # as printed
    location: Location
    where: str  # for a message: "Tabel 3.28, baris …" or "baris teks 1371"


def _bare(text: str) -> str:
    text = text.strip().strip("()").rstrip(".;:")
    text = re.sub(r"^(?:rp|ro)\.?\s*", "", text, flags=re.I)
    for suffix in (",--", ",-", ".-", "%"):
        text = text.removesuffix(suffix)
    return text.strip()


def _style(table: dict[str, re.Pattern[str]], text: str) -> str | None:
    bare = _bare(text)
    return next((style for style, pattern in table.items() if pattern.match(bare)), None)


def _areas(report: Report) -> list[tuple[str, list[Token]]]:
    """The figures of each table (numeric columns) and of the text, as printed."""
    areas: list[tuple[str, list[Token]]] = []
    for table in report.tables:
        tokens: list[Token] = []
        for row in table.body:
            for column in table.columns:
                if column.role not in NUMERIC or column.index in table.unreliable \
                        or column.index >= len(row.values):
                    continue
                value = row.values[column.index]
                location = cell_location(table, row, column)
                where = f"{table.name}, '{row.where[:40]}'"
                tokens.extend(Token(n.text, location, where) for n in value.numbers)
                tokens.extend(Token(m, location, where) for m in value.malformed)
        areas.append((table.name, tokens))
    prose: list[Token] = []
    for passage in report.passages:
        location = Location(line=passage.line)
        where = f"{report.document.position_word} {passage.line}"
        prose.extend(Token(p.number.text, location, where) for p in P.percents(passage.text))
        prose.extend(Token(a.text, location, where) for a in P.amounts(passage.text))
    areas.append(("teks", prose))
    return areas


def _listing(tokens: list[Token]) -> str:
    examples: list[Token] = []
    for token in tokens:
        if all(token.where != t.where for t in examples):
            examples.append(token)
        if len(examples) == _EXAMPLES:
            break
    return "; ".join(f"{t.text} ({t.where})" for t in examples)


def _finding(code: str, what_id: str, what_en: str, place: str, usual: list[Token],
             other: list[Token], other_style: str) -> Finding:
    """Located at the first figure written the non-Indonesian way; examples of both."""
    usual_style = COMMA if other_style == POINT else POINT
    name_en = {COMMA: "comma", POINT: "point"}
    return Finding(
        code, Severity.WARNING, other[0].location,
        f"{place[0].upper() + place[1:]} menulis {what_id} dengan dua cara: {len(usual)} angka "
        f"dengan {usual_style} ({_listing(usual)}) dan {len(other)} angka dengan {other_style} "
        f"({_listing(other)}). Gunakan satu cara (koma desimal, titik ribuan).",
        f"{place} writes {what_en} two ways: {len(usual)} figures with a "
        f"{name_en[usual_style]} and {len(other)} with a {name_en[other_style]} "
        f"({_listing(other)}).",
        expected=f"{what_id} dengan {usual_style}",
        found=", ".join(dict.fromkeys(t.text for t in other[:_EXAMPLES])),
        related=tuple(dict.fromkeys(t.location for t in usual[:_EXAMPLES])),
    )


def decimal_marks(report: Report) -> list[Finding]:
    """DECIMAL_MARK_MIXED: 95,56 and 95.56 in one table, in the text, or table against table."""
    found = []
    pure: dict[str, list[tuple[str, list[Token]]]] = {COMMA: [], POINT: []}
    for name, tokens in _areas(report):
        styles: dict[str, list[Token]] = {COMMA: [], POINT: []}
        for token in tokens:
            style = _style(_DECIMAL, token.text)
            if style is not None:
                styles[style].append(token)
        if styles[COMMA] and styles[POINT]:
            place = name if name != "teks" else "teks laporan"
            found.append(_finding("DECIMAL_MARK_MIXED", "tanda desimal", "decimal marks", place,
                                  styles[COMMA], styles[POINT], POINT))
        elif name != "teks":
            for style, listed in styles.items():
                if listed:
                    pure[style].append((name, listed))
    if pure[COMMA] and pure[POINT]:
        names = ", ".join(name for name, _ in pure[POINT][:6])
        found.append(_finding(
            "DECIMAL_MARK_MIXED", "tanda desimal", "decimal marks",
            f"tabel-tabel laporan ({names} memakai titik, tabel lainnya koma)",
            [t for _, tokens in pure[COMMA] for t in tokens],
            [t for _, tokens in pure[POINT] for t in tokens], POINT))
    return found


def thousands(report: Report) -> list[Finding]:
    """THOUSANDS_SEPARATOR_MIXED: 1.500.000 in one place and 1,500,000 in another."""
    styles: dict[str, list[Token]] = {COMMA: [], POINT: []}
    seen: set[tuple[str, Location]] = set()
    for _, tokens in _areas(report):
        for token in tokens:
            style = _style(_THOUSANDS, token.text)
            if style is not None and (_bare(token.text), token.location) not in seen:
                seen.add((_bare(token.text), token.location))
                styles[style].append(token)
    for passage in report.passages:  # comma-grouped figures without "Rp" or "%"
        for match in _PROSE_NUMBER.finditer(passage.text):
            token = Token(match.group(0), Location(line=passage.line),
                          f"{report.document.position_word} {passage.line}")
            if _style(_THOUSANDS, token.text) == COMMA and \
                    (token.text, token.location) not in seen and C.read_number(token.text) is None:
                seen.add((token.text, token.location))  # bare already: no "Rp", no "%"
                styles[COMMA].append(token)
    if not (styles[COMMA] and styles[POINT]):
        return []
    return [_finding("THOUSANDS_SEPARATOR_MIXED", "pemisah ribuan", "thousands separators",
                     "laporan", styles[POINT], styles[COMMA], COMMA)]
