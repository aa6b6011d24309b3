"""Targets stated in the text against the tables (what TEXT_FIGURE, which compares realisations,
does not read): "<indikator>, yang targetnya pada tahun 2020 adalah 75%" and "target <indikator>
tahun 2020 sebesar 75%". Names are matched to the tables' rows by the report's one name matcher
(:meth:`Report.group_named`) and figures compared as SAME_FIGURE compares them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip.review.findings import Finding, Location, Severity
from sakip.review.report import cells as C
from sakip.review.report import prose as P
from sakip.review.report.checks.consistency import _same_value
from sakip.review.report.context import Report
from sakip.review.report.tables import Role

_VALUE = r"(?:adalah|sebesar|yaitu|=)\s+(?:sebesar\s+)?(?P<num>-?\d[\d.,]*\d|\d)\s*(?P<pct>%)?"
_YEAR = r"(?:pada\s+)?(?:tahun\s+(?P<year>20\d\d)\s+)?"
_AFTER_NAME = re.compile(  # "<name>, yang targetnya pada tahun 2020 adalah 75%"
    r"^(?P<name>[^,:;]{6,160}?),?\s+(?:yang\s+)?target(?:nya)?\s+" + _YEAR + _VALUE, re.I)
_BEFORE_NAME = re.compile(  # "target <name> tahun 2020 sebesar 75%"
    r"\b[Tt]arget\s+(?P<name>[A-Z(][^,:;]{6,160}?)\s+" + _YEAR + _VALUE)
_MARKER = re.compile(r"^\s*(?:[-•*]\s*)?(?:\(?\d+\)|\d+[.)]|[a-z][.)])\s+")


@dataclass(frozen=True)
class TargetStatement:
    name: str
    year: int | None
    number: C.Number
    passage: P.Passage


def target_statements(items: list[P.Passage]) -> list[TargetStatement]:
    result = []
    for passage in items:
        for sentence in P.sentences(passage.text):
            text = _MARKER.sub("", sentence.replace("*", ""))
            for pattern in (_AFTER_NAME, _BEFORE_NAME):
                match = pattern.search(text)
                if match is None:
                    continue
                number = C.read_number(match.group("num") + (match.group("pct") or ""))
                year = int(match.group("year")) if match.group("year") else None
                if number is not None:
                    result.append(TargetStatement(match.group("name").strip(), year, number,
                                                  passage))
                break
    return result


def text_targets(report: Report) -> list[Finding]:
    """TEXT_TARGET: the text states an indicator's target for a year that its tables print
    differently (only when every table printing that target agrees on another value)."""
    found = []
    for statement in target_statements(report.passages):
        group = report.group_named(statement.name)
        if group is None:
            continue
        year = statement.year if statement.year is not None else report.year
        targets = report.facts_of(group, Role.TARGET, year)
        if not targets or any(_same_value(statement.number, f.number) for f in targets):
            continue
        if len({f.number.value.normalize() for f in targets}) > 1:
            continue  # the tables disagree among themselves: SAME_FIGURE says so
        fact = targets[0]
        period = f" tahun {year}" if year is not None else ""
        found.append(Finding(
            "TEXT_TARGET", Severity.ERROR, Location(line=statement.passage.line),
            f"Teks menyebut target{period} '{statement.name[:90]}' sebesar "
            f"{statement.number.text}, sedangkan {fact.table.name} mencetak targetnya "
            f"{fact.number.text}.",
            f"The text states the{period.replace('tahun', '')} target of "
            f"'{statement.name[:90]}' as {statement.number.text} while {fact.table.name} "
            f"prints {fact.number.text}.",
            expected=fact.number.text, found=statement.number.text,
            related=tuple(f.location for f in targets),
        ))
    return found
