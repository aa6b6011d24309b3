"""Everything the report checks share, computed once: tables, prose, names, scales, facts."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar, cast

from sakip.core.enums import ScaleKind
from sakip.review.findings import Location
from sakip.review.report import cells as C
from sakip.review.report import labels as L
from sakip.review.report import prose as P
from sakip.review.report.document import Document
from sakip.review.report.layout import Placed, place_tables
from sakip.review.report.scales import ReportScale, scale_from_table
from sakip.review.report.tables import Column, Role, Row, RowKind, Table

T = TypeVar("T")
_TITLE_YEAR = re.compile(r"(?:laporan\s+kinerja|lkjip|lakip)[^\n]{0,60}?\b(20\d\d)\b", re.I)
FACT_ROLES = frozenset({
    Role.TARGET, Role.ACTUAL, Role.BASELINE, Role.ACHIEVEMENT, Role.CEILING, Role.SPENT,
    Role.ABSORPTION, Role.COUNT,
})


def title_year(document: Document) -> int | None:
    """The year the report's title names: "LAPORAN KINERJA TAHUN 2020", also when the title is
    printed over two lines ("LAPORAN KINERJA" / "TAHUN 2020"), as a cover page does."""
    paragraphs = document.paragraphs[:40]
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        if len(text) < 80 and index + 1 < len(paragraphs):
            text = f"{text} {paragraphs[index + 1].text}"
        match = _TITLE_YEAR.search(text)
        if match:
            return int(match.group(1))
    return None


@dataclass(frozen=True)
class Fact:
    """One figure printed in a table, tied to what it is the figure of."""

    group: int  # the name's cluster
    role: Role
    year: int | None
    number: C.Number
    table: Table
    row: Row
    column: Column

    @property
    def location(self) -> Location:
        return cell_location(self.table, self.row, self.column)


def cell_location(table: Table, row: Row | None = None, column: Column | None = None) -> Location:
    return Location(
        table=table.name,
        row=row.where if row is not None else None,
        column=column.header or None if column is not None else None,
        line=row.line if row is not None else table.line,
    )


@dataclass(frozen=True)
class Negative:
    group: int
    explicit: bool  # the report says so; else the name suggests it
    evidence: str
    line: int | None


class Report:
    """A report as the checks see it. Attributes are computed on first use."""

    def __init__(self, document: Document, year: int | None = None,
                 standard: tuple[ReportScale, ...] = ()) -> None:
        self.document = document
        self._year = year
        self._standard = standard
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A value computed once per report and shared by the checks that need it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    # ------------------------------------------------------------------ structure
    @cached_property
    def placed(self) -> list[Placed]:
        return place_tables(self.document)

    @cached_property
    def tables(self) -> list[Table]:
        return [p.table for p in self.placed]

    @cached_property
    def passages(self) -> list[P.Passage]:
        return P.passages(self.document)

    @cached_property
    def year(self) -> int | None:
        if self._year is not None:
            return self._year
        titled = title_year(self.document)
        if titled is not None:
            return titled
        years = Counter(c.year for t in self.tables for c in t.columns
                        if c.role in (Role.ACTUAL, Role.ACHIEVEMENT) and c.year is not None)
        return years.most_common(1)[0][0] if years else None

    def year_of(self, column: Column) -> int | None:
        return column.year if column.year is not None else self.year

    # ------------------------------------------------------------------ scales
    @cached_property
    def scales(self) -> list[ReportScale]:
        """The report's own scales first (predicates, then categories), then standard ones."""
        own: list[ReportScale] = []
        for table in self.tables:
            if table.find(Role.COUNT) is not None:
                continue
            scale = scale_from_table(table, f"laporan-{table.number or table.line}")
            if scale is not None:
                own.append(ReportScale(scale, table.name))
        kinds = {s.scale.kind for s in own}
        extra = [s for s in self._standard if s.scale.kind not in kinds]
        ordered = sorted(own + extra, key=lambda s: s.scale.kind is not ScaleKind.PREDICATE)
        return ordered

    def scale(self, kind: ScaleKind) -> ReportScale | None:
        return next((s for s in self.scales if s.scale.kind is kind), None)

    # ------------------------------------------------------------------ names
    @cached_property
    def groups(self) -> dict[str, int]:
        names: dict[str, str | None] = {}
        for table in self.tables:
            if not table.numeric:
                continue
            for row in table.rows:
                if row.kind is RowKind.DATA and row.label:
                    names[row.label] = names.get(row.label) or row.level
        return L.cluster(names, names)

    @cached_property
    def name_index(self) -> L.NameIndex:
        return L.NameIndex(self.groups)

    def group_of(self, row: Row) -> int | None:
        return self.groups.get(row.label) if row.label else None

    def group_named(self, name: str) -> int | None:
        """The cluster of a name printed in prose, if it names exactly one."""
        found = {self.groups[label] for label in self.name_index.matches(name)}
        return found.pop() if len(found) == 1 else None

    def names_of(self, group: int) -> list[str]:
        return self._names_by_group.get(group, [])

    @cached_property
    def _names_by_group(self) -> dict[int, list[str]]:
        result: dict[int, list[str]] = {}
        for label, group in self.groups.items():
            result.setdefault(group, []).append(label)
        return result

    @cached_property
    def negatives(self) -> dict[int, Negative]:
        """Indicators the report calls lower-is-better, or whose names say so."""
        found: dict[int, Negative] = {}
        for table in self.tables:
            for row in table.data:
                group = self.group_of(row)
                if group is not None and row.negative_mark and group not in found:
                    found[group] = Negative(group, True, f"{table.name}: '{row.where}' "
                                            "ditandai 'Indikator negatif'", row.line)
        for sentence, passage in P.negative_sentences(self.passages):
            words = L.tokens(sentence) | frozenset(re.findall(r"[a-z0-9]+", sentence.casefold()))
            for label in self.name_index.contained_in(words):
                group = self.groups[label]
                if group not in found and L.mentions(words, label):
                    found[group] = Negative(group, True, f"teks: \"{sentence.strip()[:140]}\"",
                                            passage.line)
        measured = {r.label for t in self.tables for r in t.data
                    if t.find(Role.TARGET) is not None or t.find(Role.ACHIEVEMENT) is not None}
        for label, group in self.groups.items():
            if group not in found and label in measured and L.lower_is_better(label):
                found[group] = Negative(group, False,
                                        f"nama indikator '{L.display(label)}'", None)
        return found

    # ------------------------------------------------------------------ facts
    @cached_property
    def facts(self) -> list[Fact]:
        result = []
        for table in self.tables:
            for row in table.data:
                group = self.group_of(row)
                if group is None:
                    continue
                for column in table.columns:
                    if column.role not in FACT_ROLES or column.index in table.unreliable:
                        continue
                    number = row.value(column)
                    if number is None:
                        continue
                    result.append(Fact(group, column.role, self._fact_year(column), number,
                                       table, row, column))
        return result

    def _fact_year(self, column: Column) -> int | None:
        if column.role in (Role.CEILING, Role.SPENT, Role.ABSORPTION, Role.COUNT):
            return column.year
        return self.year_of(column)

    def facts_of(self, group: int, role: Role, year: int | None) -> list[Fact]:
        return self._facts_by_key.get((group, role, year), [])

    @cached_property
    def _facts_by_key(self) -> dict[tuple[int, Role, int | None], list[Fact]]:
        result: dict[tuple[int, Role, int | None], list[Fact]] = {}
        for fact in self.facts:
            result.setdefault((fact.group, fact.role, fact.year), []).append(fact)
        return result

    # ------------------------------------------------------------------ the main table
    @cached_property
    def main_table(self) -> Table | None:
        """The first table with target, realisation and achievement of the report's year."""
        for table in self.tables:
            if all(table.find(role, self.year) is not None
                   for role in (Role.TARGET, Role.ACTUAL, Role.ACHIEVEMENT)) \
                    and len(table.data) >= 3:
                return table
        return None

    def achievements(self, table: Table) -> list[tuple[Row, C.Number | None]]:
        """Each indicator row of a table with its printed achievement of the report's year."""
        column = table.find(Role.ACHIEVEMENT, self.year)
        if column is None:
            return []
        return [(row, row.value(column)) for row in table.data if row.label]

    # ------------------------------------------------------------------ prose
    @cached_property
    def statements(self) -> list[P.BudgetStatement]:
        return P.budget_statements(self.passages)

    @cached_property
    def program_groups(self) -> list[P.ProgramGroup]:
        return P.program_groups(self.passages)

    def block_of_table(self, table: Table) -> int:
        return self._blocks[id(table)]

    @cached_property
    def _blocks(self) -> dict[int, int]:
        return {id(p.table): p.block for p in self.placed}

    def next_table(self, block: int, within: int = 6) -> Table | None:
        starts = [p.block for p in self.placed]
        at = bisect.bisect_right(starts, block)
        if at < len(self.placed) and self.placed[at].block <= block + within:
            return self.placed[at].table
        return None
