"""Supporting tables (data dukung) as report tables: cells as entered, numbers formatted."""

from __future__ import annotations

from decimal import Decimal

from sakip.core.model import Cell as DataCell
from sakip.core.model import SupportingTable
from sakip.core.numbers import common_places
from sakip.report.context import Context
from sakip.report.format import MAX_PLACES
from sakip.report.model import Align, Cell, Column, Row, RowKind, Table, table

_LABEL_COLUMNS = {"no", "no.", "tahun", "year", "kode", "code"}
_TOTAL_WORDS = ("total", "jumlah")
WIDE = 10  # more columns than this: a landscape page


def supporting_table(ctx: Context, data: SupportingTable) -> Table:
    labels = [c.strip().lower() in _LABEL_COLUMNS for c in data.columns]
    numeric = [not labels[i] and _numeric(data, i) for i in range(len(data.columns))]
    columns = tuple(Column(_width(data.columns[i], labels[i], numeric[i]),
                           Align.CENTER if labels[i] else Align.RIGHT if numeric[i] else Align.LEFT)
                    for i in range(len(data.columns)))
    header = (tuple(Cell(c, bold=True, align=Align.CENTER) for c in data.columns),)
    places = [column_places(data, i) for i in range(len(data.columns))]
    rows = [_row(ctx, values, labels, places) for values in data.rows]
    notes = []
    if data.note:
        notes.append(ctx.t("note.remark", text=data.note))
    if data.source:
        notes.append(ctx.t("note.source", source=data.source))
    return table(ctx.id(f"tabel-{data.code}"), data.title, columns, header, rows, tuple(notes),
                 landscape=len(data.columns) > WIDE)


def _width(header: str, label: bool, numeric: bool) -> int:
    """Relative width: labels narrow, text wide, numbers by the length of their heading."""
    if label:
        return 1
    if numeric:
        return max(1, min(3, len(header) // 20))
    return 4


def _row(ctx: Context, values: tuple[DataCell, ...], labels: list[bool],
         places: list[int]) -> Row:
    cells = tuple(_cell(ctx, v, labels[i], places[i]) for i, v in enumerate(values))
    first = str(values[0]).strip().lower() if values and values[0] is not None else ""
    filled = sum(1 for v in values if v is not None)
    if first.startswith(_TOTAL_WORDS):
        kind = RowKind.TOTAL
    elif filled <= 2 and len(values) > 3:
        kind = RowKind.GROUP
    else:
        kind = RowKind.BODY
    bold = kind is not RowKind.BODY
    return Row(tuple(Cell(c.text, c.value, bold=bold) for c in cells), kind)


def _cell(ctx: Context, value: DataCell, label: bool, places: int) -> Cell:
    if value is None:
        return Cell("")
    if isinstance(value, Decimal):
        if label and value == value.to_integral_value():
            return Cell(str(int(value)), value)
        return Cell(ctx.f.number(value, places), value)
    return Cell(value)


def column_places(data: SupportingTable, index: int) -> int:
    """The places a column's numbers print with: the most any of them has (at most 4), so a
    column aligns (100,00 beside 20,42) whatever the trailing zeros a plan does not keep."""
    numbers = [row[index] for row in data.rows if index < len(row)]
    return min(MAX_PLACES, common_places(v for v in numbers if isinstance(v, Decimal)))


def _numeric(data: SupportingTable, index: int) -> bool:
    """Mostly numbers, or empty: a narrow right-aligned column."""
    values = [row[index] for row in data.rows if index < len(row) and row[index] is not None]
    numbers = sum(1 for v in values if isinstance(v, Decimal))
    return numbers * 2 >= len(values)


def tables_about(ctx: Context, subjects: set[str | None]) -> list[SupportingTable]:
    """Supporting tables of the report year (or undated) about any of ``subjects`` (None: the agency)."""
    return [s for s in ctx.plan.tables
            if s.subject in subjects and (s.year is None or s.year == ctx.year)]
