"""Recomputing total rows (jumlah: sums) and average rows (rata-rata: means)."""

from __future__ import annotations

from decimal import Decimal

from sakip.core.numbers import ZERO, mean
from sakip.review.report import cells as C
from sakip.review.report.arithmetic import Recomputed, Status, judge, n
from sakip.review.report.context import Report
from sakip.review.report.tables import SUMMABLE, Column, Role, Row, RowKind, Table


def recompute_totals(report: Report) -> list[Recomputed]:
    return report.memo("totals", lambda: [x for t in report.tables if t.numeric
                                          for x in _table(t)])


def _members(table: Table, index: int) -> list[Row]:
    rows = table.rows
    members: list[Row] = []
    subtotals: list[Row] = []
    for row in rows[:index]:
        if row.kind is RowKind.TOTAL:
            subtotals.append(row)
            members = []
        elif row.kind is RowKind.DATA:
            members.append(row)
    if not members and len(subtotals) >= 2:
        return subtotals
    return members


def _table(table: Table) -> list[Recomputed]:
    result: list[Recomputed] = []
    for index, row in enumerate(table.rows):
        if row.kind not in (RowKind.TOTAL, RowKind.AVERAGE):
            continue
        members = _members(table, index)
        if not members:
            continue
        for column in table.columns:
            if column.index in table.unreliable:
                continue
            printed = row.value(column)
            if printed is None:
                continue
            if column.role in SUMMABLE and row.kind is RowKind.TOTAL:
                item = _sum(table, row, column, printed, members)
            elif column.role is Role.ACHIEVEMENT:
                item = _mean(table, row, column, printed, members)
            else:
                item = None
            if item is not None:
                result.append(item)
    return result


def _sum(table: Table, row: Row, column: Column, printed: C.Number,
         members: list[Row]) -> Recomputed | None:
    values: list[Decimal] = []
    for member in members:
        number = member.value(column)
        text = member.text(column).strip()
        if number is not None:
            values.append(number.value)
        elif text and not C.is_missing(text):
            return None  # a member that cannot be read: the sum cannot be checked
    if not values:
        return None
    total = sum(values, ZERO)
    levels = {m.level for m in members}
    if "program" in levels and len(levels) > 1:
        # programmes with their activities under them: the total is the programmes' sum
        programs = [m for m in members if m.level == "program"]
        values = [number.value for m in programs if (number := m.value(column)) is not None]
        total = sum(values, ZERO)
    all_rows = sum((r.value(column).value for r in table.data  # type: ignore[union-attr]
                    if r.value(column) is not None), ZERO)
    status = Status.OK if printed.value in (total, all_rows) else Status.WRONG
    shown = " + ".join(C.fmt(v, 0) if v == v.to_integral_value() else n(v) for v in values)
    if len(values) > 8:
        shown = f"jumlah {len(values)} baris di atasnya"
    return Recomputed("jumlah", table, row, column, printed, total, status, shown)


def _mean(table: Table, row: Row, column: Column, printed: C.Number,
          members: list[Row]) -> Recomputed | None:
    values = [m.value(column).value for m in members  # type: ignore[union-attr]
              if m.value(column) is not None]
    if not values:
        return None
    average = mean(values)
    status = judge(printed, average)
    shown = f"rata-rata dari {' ; '.join(n(v) for v in values)}"
    return Recomputed("rata-rata", table, row, column, printed, average, status, shown)
