"""Charts as inline SVG, drawn on the server from the measurement's numbers.

No script, no CDN, a few kilobytes per chart; labels are Indonesian numbers
(:func:`sakip.io.idnum.format_id`), a trend's value axis at the report charts' round steps
(:func:`sakip.report.charts.ticks`). Colours come from the scale's bands. A missing value is
said missing ("data belum tersedia"), never drawn as zero; a trend's line stops at a year
without a value and a legend names its two series.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sakip.io.idnum import format_id
from sakip.report.charts import ticks

GREY = "#9e9e9e"
TARGET = "#455a64"
ACTUAL = "#1565c0"


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal | None
    color: str | None = None
    note: str = ""  # shown instead of a number when value is None


def _n(value: Decimal, places: int = 2) -> str:
    return format_id(value, places)


def bars(items: list[Bar], reference: Decimal | None = Decimal(100), title: str = "",
         limit: Decimal = Decimal(150), unit: str = "%") -> SafeString:
    """Horizontal bars with a reference line (100 % target, or the absorption threshold)."""
    row, label_width, width = 26, 300, 720
    plot = width - label_width - 90
    height = row * len(items) + 30
    top = max([limit] + [b.value for b in items if b.value is not None and b.value < limit])
    scale = Decimal(plot) / (top if top > 0 else Decimal(1))
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>"]
    for i, bar in enumerate(items):
        y = 10 + i * row
        text = bar.label if len(bar.label) <= 42 else bar.label[:40] + "…"
        parts.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end" '
                     f'class="lbl">{escape(text)}<title>{escape(bar.label)}</title></text>')
        if bar.value is None:
            parts.append(f'<text x="{label_width + 4}" y="{y + 15}" class="na">'
                         f'{escape(bar.note or _("data belum tersedia"))}</text>')
            continue
        shown = min(max(bar.value, Decimal(0)), limit)
        length = int(shown * scale)
        parts.append(f'<rect x="{label_width}" y="{y + 2}" width="{length}" height="{row - 8}" '
                     f'rx="2" fill="{escape(bar.color or GREY)}"/>')
        clipped = "+" if bar.value > limit else ""
        parts.append(f'<text x="{label_width + length + 6}" y="{y + 15}" class="val">'
                     f'{_n(bar.value)}{escape(unit)}{clipped}</text>')
    if reference is not None:
        x = label_width + int(min(reference, limit) * scale)
        parts.append(f'<line x1="{x}" y1="4" x2="{x}" y2="{height - 18}" class="ref"/>')
        parts.append(f'<text x="{x}" y="{height - 4}" text-anchor="middle" class="ax">'
                     f'{_n(reference, 0)}{escape(unit)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def trend(years: list[int], targets: list[Decimal | None], actuals: list[Decimal | None],
          title: str, unit: str | None = None) -> SafeString:
    """Target and realisation of one indicator over the plan's years, with a legend."""
    width, height, left, bottom, top = 340, 170, 46, 26, 24
    values = [v for v in targets + actuals if v is not None]
    parts = [f'<svg class="trend" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>"]
    if not values or not years:
        parts.append(f'<text x="10" y="40" class="na">{escape(_("data belum tersedia"))}</text>'
                     "</svg>")
        return mark_safe("".join(parts))
    for i, (name, color, css) in enumerate(((_("Target"), TARGET, "t"),
                                            (_("Realisasi"), ACTUAL, "r"))):
        x = left + i * 110
        parts.append(f'<line x1="{x}" y1="9" x2="{x + 16}" y2="9" stroke="{color}" '
                     f'stroke-width="2" class="{css}"/><circle cx="{x + 8}" cy="9" r="3" '
                     f'fill="{color}"/><text x="{x + 21}" y="13" class="ax">{escape(name)}</text>')
    steps = ticks(min([*values, Decimal(0)]), max(values), 4)
    low, high = steps[0], steps[-1]
    places = max((max(0, -int(v.normalize().as_tuple().exponent)) for v in steps if v), default=0)
    plot_w, plot_h = width - left - 12, height - bottom - top
    step = Decimal(plot_w) / max(len(years) - 1, 1)

    def y_of(v: Decimal) -> int:
        return top + plot_h - int((v - low) / (high - low) * plot_h)

    for tick in steps:
        parts.append(f'<line x1="{left}" y1="{y_of(tick)}" x2="{width - 12}" y2="{y_of(tick)}" '
                     f'class="grid" stroke="#eceff1"/>')
        parts.append(f'<text x="{left - 4}" y="{y_of(tick) + 4}" text-anchor="end" class="ax">'
                     f'{_n(tick, places)}</text>')
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 12}" y2="{top + plot_h}" '
                 f'class="axis"/>')
    for i, year in enumerate(years):
        x = left + int(step * i)
        parts.append(f'<text x="{x}" y="{height - 8}" text-anchor="middle" class="ax">{year}</text>')
    suffix = f" {escape(unit)}" if unit else ""
    for series, color, css in ((targets, TARGET, "t"), (actuals, ACTUAL, "r")):
        runs: list[list[tuple[int, int]]] = [[]]
        for i, v in enumerate(series):  # the line stops where a year has no value
            if v is None:
                runs.append([])
                continue
            runs[-1].append((left + int(step * i), y_of(v)))
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{x},{y}" for x, y in run)
                parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" '
                             f'stroke-width="2" class="{css}"/>')
        for i, v in enumerate(series):
            if v is not None:
                parts.append(f'<circle cx="{left + int(step * i)}" cy="{y_of(v)}" r="3" '
                             f'fill="{color}"><title>{_n(v)}{suffix}</title></circle>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
