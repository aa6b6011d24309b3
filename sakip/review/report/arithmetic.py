"""Recomputing the figures a row derives from its other cells.

Achievement from target and realisation (polarity-aware, by :func:`sakip.core.achievement.score`),
absorption from ceiling and spending, efficiency, year-on-year difference, achievement against
the final target, and any percentage column that is evidently the ratio of two others. A printed
figure agrees when the computed one, rounded half-up to the printed decimals, equals it; when
only truncation reproduces it, it was truncated.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from sakip.core.achievement import score
from sakip.core.enums import NegativeFormula, Polarity
from sakip.core.numbers import HUNDRED, ZERO, percent, quantize
from sakip.review.report import cells as C
from sakip.review.report.context import Report
from sakip.review.report.tables import Column, Role, Row, RowKind, Table


class Status(enum.Enum):
    OK = "ok"
    TRUNCATED = "truncated"
    WRONG = "wrong"
    POLARITY = "polarity"  # a lower-is-better indicator computed as higher-is-better
    COPIED = "copied"  # the column repeats another column
    NO_TARGET = "no_target"  # an achievement printed where no target exists anywhere
    CAPPED = "capped"  # a round cap (100, 120 …) printed where the achievement is above it


# caps a report may put on an achievement (PermenPAN-RB 53/2014 leaves the method to the agency)
CAPS = (Decimal(100), Decimal(105), Decimal(110), Decimal(120), Decimal(125), Decimal(150))


@dataclass(frozen=True)
class Recomputed:
    kind: str  # capaian | capaian_akhir | serapan | efisiensi | selisih | rasio
    table: Table
    row: Row
    column: Column
    printed: C.Number
    expected: Decimal
    status: Status
    formula: str  # how the expected figure was computed, in Indonesian notation
    hint: str | None = None
    sources: tuple[str, ...] = ()  # tables other than this one that supplied an operand


@lru_cache(maxsize=16384)
def n(value: Decimal, places: int = 2) -> str:
    """A computed figure for a message, Indonesian style."""
    return C.fmt(value, places)


def judge(printed: C.Number, computed: Decimal) -> Status:
    if C.agrees(printed, computed):
        return Status.OK
    if C.truncated_agrees(printed, computed):
        return Status.TRUNCATED
    return Status.WRONG


def decimal_slip(printed: C.Number, computed: Decimal) -> bool:
    """``833`` for 83,30 or ``100,2`` for 1002: the same digits, the decimal mark misplaced."""
    def digits(value: Decimal) -> str:
        text = format(value.normalize(), "f").replace(".", "").replace("-", "").lstrip("0")
        return text.rstrip("0") or "0"

    return printed.value != computed and digits(printed.value) == digits(
        quantize(computed, 2)) and printed.value.copy_abs() != computed.copy_abs()


def recompute(report: Report) -> list[Recomputed]:
    """Every derived figure of every table, recomputed (once per report)."""
    return report.memo("recompute", lambda: _recompute(report))


def _recompute(report: Report) -> list[Recomputed]:
    result: list[Recomputed] = []
    for table in report.tables:
        if not table.numeric:
            continue
        result.extend(_final(report, table))
        for row in table.body:
            if row.kind is RowKind.DATA:
                result.extend(_achievements(report, table, row))
                result.extend(_differences(report, table, row))
            result.extend(_absorption(table, row))
            result.extend(_efficiency(table, row))
        result.extend(_ratios(table))
    return result


# --------------------------------------------------------------------------- achievement


def _operand(report: Report, table: Table, row: Row, role: Role, year: int | None,
             final: bool = False) -> tuple[Decimal | None, str | None]:
    """An operand from the row, else the one value other tables agree on for this indicator."""
    column = table.find(role, year, final=final) if role is Role.TARGET else table.find(role, year)
    if column is not None:
        number = row.value(column)
        if number is not None:
            return number.value, None
        if row.text(column).strip():
            return None, None  # printed as text ("data belum muncul"): not available
    group = report.group_of(row)
    if group is None or year is None:
        return None, None
    facts = [f for f in report.facts_of(group, role, year) if f.table is not table]
    values = {f.number.value.normalize() for f in facts}
    if len(values) != 1:
        return None, None
    return facts[0].number.value, facts[0].table.name


def _has_target(report: Report, table: Table, row: Row, year: int | None) -> bool:
    """Whether any table prints a target for this indicator and year (a dash is none)."""
    group = report.group_of(row)
    if year is None or group is None:
        return True  # cannot tell: say nothing
    if report.facts_of(group, Role.TARGET, year):
        return True
    own = table.find(Role.TARGET, year, final=False)
    if own is not None and row.text(own).strip() and not C.is_missing(row.text(own)):
        return True
    printed_anywhere = any(
        t.find(Role.TARGET, year) is not None and any(report.group_of(r) == group for r in t.data)
        for t in report.tables
    )
    return not printed_anywhere


def _achievements(report: Report, table: Table, row: Row) -> list[Recomputed]:
    result = []
    for column in table.with_role(Role.ACHIEVEMENT):
        printed = row.value(column)
        if printed is None or column.index in table.unreliable:
            continue
        year = report.year_of(column)
        target, target_from = _operand(report, table, row, Role.TARGET, year)
        actual, actual_from = _operand(report, table, row, Role.ACTUAL, year)
        if target is None and actual is not None and not _has_target(report, table, row, year):
            result.append(Recomputed("capaian", table, row, column, printed, printed.value,
                                     Status.NO_TARGET, "tanpa target"))
            continue
        if target is None or actual is None:
            continue
        sources = tuple(s for s in (target_from, actual_from) if s)
        item = achievement(report, table, row, column, printed, target, actual, "capaian")
        if item is not None:
            result.append(Recomputed(**{**vars(item), "sources": sources}))
    return result


def achievement(report: Report, table: Table, row: Row, column: Column, printed: C.Number,
                target: Decimal, actual: Decimal, kind: str) -> Recomputed | None:
    positive = score(target, actual, Polarity.POSITIVE).value
    two_t = score(target, actual, Polarity.NEGATIVE, NegativeFormula.TWO_T_MINUS_R).value
    t_over_r = score(target, actual, Polarity.NEGATIVE, NegativeFormula.T_OVER_R).value
    group = report.group_of(row)
    negative = group is not None and group in report.negatives
    plain = f"{n(actual)} / {n(target)} × 100"
    if negative and two_t is not None:
        lower = f"(2 × {n(target)} − {n(actual)}) / {n(target)} × 100"
        if any(v is not None and C.agrees(printed, v) for v in (two_t, t_over_r)):
            return Recomputed(kind, table, row, column, printed, two_t, Status.OK, lower)
        if positive is not None and judge(printed, positive) is not Status.WRONG:
            return Recomputed(kind, table, row, column, printed, two_t, Status.POLARITY, lower,
                              plain)
        return Recomputed(kind, table, row, column, printed, two_t, judge(printed, two_t), lower)
    if positive is None:
        return None
    status = judge(printed, positive)
    if status is Status.WRONG and any(
            v is not None and C.agrees(printed, v) for v in (two_t, t_over_r)):
        status = Status.OK  # computed as lower-is-better: the report's choice, not an error
    if status is Status.WRONG and capped(printed, positive):
        return Recomputed(kind, table, row, column, printed, positive, Status.CAPPED, plain)
    hint = _hint(report, printed, positive, row) if status is Status.WRONG else None
    return Recomputed(kind, table, row, column, printed, positive, status, plain, hint)


def capped(printed: C.Number, computed: Decimal) -> bool:
    """The printed achievement is a round cap and the computed one lies above it."""
    return printed.value in CAPS and quantize(computed, printed.places) > printed.value


def _hint(report: Report, printed: C.Number, expected: Decimal, row: Row) -> str | None:
    if decimal_slip(printed, expected):
        return "angka yang sama dengan tanda desimal salah letak"
    group = report.group_of(row)
    for fact in report.facts:
        if fact.role is Role.ACHIEVEMENT and fact.group != group and fact.row is not row \
                and fact.number.value == printed.value and fact.number.places == printed.places:
            return (f"{printed.text} adalah capaian '{fact.row.where}' di {fact.table.name}; "
                    "tampaknya tersalin")
    return None


def _final(report: Report, table: Table) -> list[Recomputed]:
    """Achievement against the final-year target; a column that repeats that target is one
    finding for the whole table."""
    column = table.find(Role.FINAL_ACHIEVEMENT)
    target_column = table.find(Role.TARGET, final=True)
    if column is not None and column.target_year is not None:  # the year the header names
        target_column = next((c for c in table.with_role(Role.TARGET)
                              if c.year == column.target_year), target_column)
    if column is None or target_column is None:
        return []
    rows = [r for r in table.data if r.value(column) is not None]
    if not rows:
        return []
    copies = [r for r in rows if r.value(target_column) is not None
              and r.value(column).value == r.value(target_column).value]  # type: ignore[union-attr]
    if len(copies) == len(rows) and len(rows) >= 2:
        first = rows[0]
        printed = first.value(column)
        assert printed is not None
        return [Recomputed("capaian_akhir", table, first, column, printed, printed.value,
                           Status.COPIED, target_column.header)]
    result = []
    for row in rows:
        printed = row.value(column)
        target = row.value(target_column)
        year = report.year_of(column)
        actual, _ = _operand(report, table, row, Role.ACTUAL, year)
        if printed is None or target is None or actual is None:
            continue
        item = achievement(report, table, row, column, printed, target.value, actual,
                           "capaian_akhir")
        if item is not None:
            result.append(item)
    return result


# --------------------------------------------------------------------------- other columns


def _differences(report: Report, table: Table, row: Row) -> list[Recomputed]:
    column = table.find(Role.DIFFERENCE)
    if column is None:
        return []
    printed = row.value(column)
    if printed is None:
        return []
    actuals = sorted((c for c in table.with_role(Role.ACTUAL) if c.year is not None),
                     key=lambda c: c.year or 0)
    pair: tuple[C.Number | None, C.Number | None]
    if len(actuals) >= 2:
        pair = (row.value(actuals[0]), row.value(actuals[-1]))
        names = (actuals[0].header, actuals[-1].header)
    else:
        target, actual = table.find(Role.TARGET), table.find(Role.ACTUAL)
        if target is None or actual is None:
            return []
        pair = (row.value(target), row.value(actual))
        names = (target.header, actual.header)
    before, after = pair
    if before is None or after is None:
        return []
    difference = after.value - before.value
    formula = f"{after.text} − {before.text} ({names[1]} − {names[0]})"
    if C.agrees(printed, difference.copy_abs()) or C.agrees(printed, difference):
        return [Recomputed("selisih", table, row, column, printed, difference, Status.OK, formula)]
    hint = None
    if before.value != ZERO and C.agrees(printed, after.value / before.value * HUNDRED):
        hint = f"{printed.text} = {after.text} / {before.text} × 100: sebuah capaian, bukan selisih"
    else:
        same = [f for f in report.facts if f.role is Role.ACHIEVEMENT and f.row is not row
                and f.number.value == printed.value and f.number.places == printed.places]
        if same:
            hint = (f"{printed.text} sama dengan capaian '{same[0].row.where}' di "
                    f"{same[0].table.name}: sebuah capaian, bukan selisih realisasi")
    return [Recomputed("selisih", table, row, column, printed, difference, Status.WRONG, formula,
                       hint)]


def _absorption(table: Table, row: Row) -> list[Recomputed]:
    column = table.find(Role.ABSORPTION)
    ceiling_column, spent_column = table.find(Role.CEILING), table.find(Role.SPENT)
    if column is None or ceiling_column is None or spent_column is None:
        return []
    printed, ceiling, spent = row.value(column), row.value(ceiling_column), row.value(spent_column)
    if printed is None or ceiling is None or spent is None or ceiling.value == ZERO:
        return []
    expected = percent(spent.value, ceiling.value)
    status = judge(printed, expected)
    hint = "angka yang sama dengan tanda desimal salah letak" \
        if status is Status.WRONG and decimal_slip(printed, expected) else None
    return [Recomputed("serapan", table, row, column, printed, expected, status,
                       f"{spent.text} / {ceiling.text} × 100", hint)]


def _efficiency(table: Table, row: Row) -> list[Recomputed]:
    column = table.find(Role.EFFICIENCY)
    achieved, absorbed = table.find(Role.ACHIEVEMENT), table.find(Role.ABSORPTION)
    if column is None or achieved is None or absorbed is None:
        return []
    printed, a, b = row.value(column), row.value(achieved), row.value(absorbed)
    if printed is None or a is None or b is None:
        return []
    expected = a.value - b.value
    return [Recomputed("efisiensi", table, row, column, printed, expected,
                       judge(printed, expected), f"{a.text} − {b.text}")]


def _ratios(table: Table) -> list[Recomputed]:
    """A percentage column that is, on most rows, one quantity column over another."""
    quantities = [c for c in table.with_role(Role.QUANTITY) if c.index not in table.unreliable]
    result: list[Recomputed] = []
    for column in table.with_role(Role.PERCENT):
        best: tuple[int, Column, Column] | None = None
        for whole in quantities:
            for part in quantities:
                if whole is part:
                    continue
                fits = sum(
                    1 for row in table.body
                    if _ratio_fits(row.value(column), row.value(part), row.value(whole))
                )
                if best is None or fits > best[0]:
                    best = (fits, part, whole)
        if best is None:
            continue
        fits, part, whole = best
        usable = [r for r in table.body if r.value(column) is not None
                  and r.value(part) is not None and r.value(whole) is not None
                  and r.value(whole).value != ZERO]  # type: ignore[union-attr]
        if fits < 2 or fits < len(usable) * 0.6:
            continue
        for row in usable:
            printed, p, w = row.value(column), row.value(part), row.value(whole)
            assert printed is not None and p is not None and w is not None
            expected = percent(p.value, w.value)
            result.append(Recomputed("rasio", table, row, column, printed, expected,
                                     judge(printed, expected), f"{p.text} / {w.text} × 100"))
    return result


def _ratio_fits(printed: C.Number | None, part: C.Number | None, whole: C.Number | None) -> bool:
    if printed is None or part is None or whole is None or whole.value == ZERO:
        return False
    return C.agrees(printed, percent(part.value, whole.value))
