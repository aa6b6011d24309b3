"""A chart of a supporting table laid out by year (first column "Tahun"): its counts as bars,
its percentage column as a line (e.g. PMKS and PMKS handled 2018–2020).

The legend names every series by its column. A percentage column headed only "%" is named by
what it is when the table shows it: the share of one count column in another, checked on every
row ("Jumlah PMKS yang memperoleh bantuan sosial / Jumlah PMKS (%)")."""

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
            line = (name, values, places,
                    [f"{ctx.f.number(v, places)}%" if v is not None else "" for v in values])
        else:
            bars.append((name, values))
    if not bars:
        return None
    drawn = None
    if line is not None:
        name, values, places, texts = line
        drawn = (share_name(name, values, places, bars), values, texts)
    svg = charts.grouped(years, bars, drawn, ctx.t("chart.count"), "%", ctx.t("why.not_available"),
                         ctx.f.number)
    caption = ctx.t("ch3.supporting_chart", title=data.title)
    return Figure(ctx.id(f"grafik-{data.code}"), caption, b"", alt=caption, svg=svg)


def share_name(name: str, values: list[Decimal | None], places: int,
               bars: list[tuple[str, list[Decimal | None]]]) -> str:
    """``name``, or for a column headed by a bare "%", "part / whole (%)" when on every row
    with a value it is ``part`` × 100 / ``whole`` of two of the count columns, rounded to its
    places; the bare name when no pair gives it."""
    if any(char.isalnum() for char in name):
        return name
    unit = Decimal(1).scaleb(-places)
    for whole_name, whole in bars:
        for part_name, part in bars:
            if part is whole:
                continue
            checked = [(p, w, v) for p, w, v in zip(part, whole, values, strict=True)
                       if p is not None and w and v is not None]
            if checked and all(abs(p * 100 / w - v) <= unit / 2 for p, w, v in checked):
                return f"{part_name} / {whole_name} ({name.strip()})"
    return name


def _number(row: tuple[DataCell, ...], index: int) -> Decimal | None:
    value = row[index] if index < len(row) else None
    return value if isinstance(value, Decimal) else None
