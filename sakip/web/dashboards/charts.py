"""Charts as inline SVG, drawn on the server from the measurement's numbers.

No script, no CDN, a few kilobytes per chart; labels are Indonesian numbers
(:func:`sakip.io.idnum.format_id`). Colours come from the scale's bands.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from sakip.io.idnum import format_id

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
                         f'{escape(bar.note or "tidak ada data")}</text>')
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
    """Target and realisation of one indicator over the plan's years."""
    width, height, left, bottom = 340, 170, 46, 26
    values = [v for v in targets + actuals if v is not None]
    parts = [f'<svg class="trend" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{escape(title)}</title>"]
    if not values or not years:
        parts.append('<text x="10" y="40" class="na">belum ada data</text></svg>')
        return mark_safe("".join(parts))
    low, high = min([*values, Decimal(0)]), max(values)
    span = (high - low) or Decimal(1)
    plot_w, plot_h = width - left - 12, height - bottom - 14
    step = Decimal(plot_w) / max(len(years) - 1, 1)

    def point(i: int, v: Decimal) -> tuple[int, int]:
        return (left + int(step * i), 10 + plot_h - int((v - low) / span * plot_h))

    parts.append(f'<line x1="{left}" y1="{10 + plot_h}" x2="{width - 12}" y2="{10 + plot_h}" '
                 f'class="axis"/>')
    parts.append(f'<text x="{left - 4}" y="16" text-anchor="end" class="ax">{_n(high)}</text>')
    parts.append(f'<text x="{left - 4}" y="{10 + plot_h}" text-anchor="end" class="ax">'
                 f'{_n(low)}</text>')
    for i, year in enumerate(years):
        x = left + int(step * i)
        parts.append(f'<text x="{x}" y="{height - 8}" text-anchor="middle" class="ax">{year}</text>')
    for series, color, css in ((targets, TARGET, "t"), (actuals, ACTUAL, "r")):
        points = [point(i, v) for i, v in enumerate(series) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x},{y}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" '
                         f'stroke-width="2" class="{css}"/>')
        for (x, y), v in zip(points, [v for v in series if v is not None], strict=True):
            parts.append(f'<circle cx="{x}" cy="{y}" r="3" fill="{color}">'
                         f'<title>{_n(v)}{" " + escape(unit) if unit else ""}</title></circle>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
