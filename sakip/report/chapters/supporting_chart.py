"""A chart of a supporting table laid out by year (first column "Tahun"): its counts as bars,
its percentage column as a line (e.g. PMKS and PMKS handled 2018–2020)."""

from __future__ import annotations

from decimal import Decimal

from sakip.core.model import Cell as DataCell
from sakip.core.model import SupportingTable
from sakip.report import charts
from sakip.report.chapters.supporting import column_places
from sakip.report.context import Context
from sakip.report.model import Figure

_YEAR = {"tahun", "year"}


def supporting_chart(ctx: Context, data: SupportingTable) -> Figure | None:
    if not data.columns or data.columns[0].strip().lower() not in _YEAR:
        return None
    rows = [row for row in data.rows if row and isinstance(row[0], Decimal)]
    if len(rows) < 2:
        return None
    years = [str(int(row[0])) for row in rows if isinstance(row[0], Decimal)]
    bars: list[tuple[str, list[Decimal | None]]] = []
    line = None
    for index, name in enumerate(data.columns[1:], start=1):
        values: list[Decimal | None] = [_number(row, index) for row in rows]
        if not any(v is not None for v in values):
            continue
        if "%" in name:
            places = column_places(data, index)
            line = (name, values,
                    [f"{ctx.f.number(v, places)}%" if v is not None else "" for v in values])
        else:
            bars.append((name, values))
    if not bars:
        return None
    png = charts.grouped(years, bars, line, ctx.t("chart.count"), "%")
    caption = ctx.t("ch3.supporting_chart", title=data.title)
    return Figure(ctx.id(f"grafik-{data.code}"), caption, png, alt=caption)


def _number(row: tuple[DataCell, ...], index: int) -> Decimal | None:
    value = row[index] if index < len(row) else None
    return value if isinstance(value, Decimal) else None
