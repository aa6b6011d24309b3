"""Charts as PNG bytes, drawn with matplotlib (Agg backend), the same bytes for the same data.

Chart functions receive figures already measured and their labels already formatted
(:mod:`sakip.report.format`); a value is turned into a float here only to place a bar or a
point, never to print it. The PNG carries no software stamp or date, so a chart is
byte-for-byte reproducible on one machine.

Fonts: matplotlib's own DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew …), then, glyph by
glyph, each font of :data:`FALLBACK` installed on the machine (matplotlib ≥ 3.6 falls back per
glyph along ``font.family``): the Noto fonts for other scripts and CJK (Debian
``fonts-noto-core``, ``fonts-noto-cjk``) and Symbola for emoji (``fonts-symbola``; colour
bitmap emoji fonts such as Noto Color Emoji cannot be drawn by matplotlib). A family not
installed is left out of the list, so matplotlib never warns about it; a character no installed
font has still gives matplotlib's "Glyph … missing" warning, as it should. Matplotlib 3.11
lays text out itself: Arabic letters are joined and a right-to-left line is drawn right to left
(checked by eye on a rendered chart; older versions drew them unjoined, left to right, hence
the version pinned in pyproject.toml). Shaping the text before it, as was once necessary,
would now reverse it again.
"""

from __future__ import annotations

import functools
import io
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.figure import Figure

BLUE = "#1f4e79"
ORANGE = "#c55a11"
GREY = "#7f7f7f"
DPI = 150
FALLBACK = (
    "DejaVu Sans",
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Thai",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Tamil",
    "Noto Sans Ethiopic",
    "Noto Sans Georgian",
    "Noto Sans Armenian",
    "Noto Sans CJK JP",
    "Symbola",
)


@functools.cache
def families() -> tuple[str, ...]:
    """The fonts of :data:`FALLBACK` that matplotlib finds on this machine, in order."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return tuple(family for family in FALLBACK if family in installed) or ("DejaVu Sans",)


_STYLE: dict[str, Any] = {
    "font.size": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 9.5,
    "svg.hashsalt": "sakip",
}


def _style() -> dict[str, Any]:
    return {**_STYLE, "font.family": list(families())}


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight",
                   metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


def _wrap(text: str, width: int = 38) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _f(value: Decimal | None) -> float:
    return float(value) if value is not None else 0.0


def hbar(labels: Sequence[str], values: Sequence[Decimal | None], texts: Sequence[str],
         colors: Sequence[str | None], reference: Decimal | None, reference_text: str,
         axis_label: str) -> bytes:
    """Horizontal bars with their printed values and a reference line (100 %, the threshold)."""
    with plt.rc_context(_style()):  # type: ignore[arg-type]
        height = 0.5 + 0.45 * len(labels)
        figure, ax = plt.subplots(figsize=(7.0, max(2.2, height)))
        positions = list(range(len(labels)))[::-1]
        bars = ax.barh(positions, [_f(v) for v in values],
                       color=[c or BLUE for c in colors], height=0.6)
        ax.set_yticks(positions, [_wrap(label) for label in labels])
        top = max([_f(v) for v in values] + [_f(reference)] + [1.0])
        low = min([_f(v) for v in values] + [0.0])
        ax.set_xlim(low * 1.1, top * 1.18)
        for bar, text in zip(bars, texts, strict=True):
            width = bar.get_width()
            ax.text(width + top * 0.01 if width >= 0 else top * 0.01,
                    bar.get_y() + bar.get_height() / 2, text, va="center", fontsize=8)
        if reference is not None:
            ax.axvline(_f(reference), color=ORANGE, linestyle="--", linewidth=1)
            ax.text(_f(reference), len(labels) - 0.4, reference_text, color=ORANGE, fontsize=7.5,
                    ha="center", va="bottom")
        ax.set_xlabel(axis_label)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        return _png(figure)


def trend(years: Sequence[int], actual: Sequence[Decimal | None], actual_texts: Sequence[str],
          target: Sequence[Decimal | None], actual_label: str, target_label: str,
          axis_label: str) -> bytes:
    """Realisation per year as bars, the target per year as a line."""
    with plt.rc_context(_style()):  # type: ignore[arg-type]
        figure, ax = plt.subplots(figsize=(6.0, 2.8))
        positions = list(range(len(years)))
        bars = ax.bar(positions, [_f(v) for v in actual], color=BLUE, width=0.55, label=actual_label)
        for bar, value, text in zip(bars, actual, actual_texts, strict=True):
            if value is not None:
                height = bar.get_height()
                ax.annotate(text, (bar.get_x() + bar.get_width() / 2, height),
                            xytext=(0, 3 if height >= 0 else -10), textcoords="offset points",
                            ha="center", fontsize=8)
        points = [(p, _f(v)) for p, v in zip(positions, target, strict=True) if v is not None]
        if points:
            ax.plot([p for p, _ in points], [v for _, v in points], color=ORANGE, marker="o",
                    linewidth=1.4, label=target_label)
        ax.set_xticks(positions, [str(y) for y in years])
        ax.set_ylabel(axis_label)
        ax.axhline(0, color=GREY, linewidth=0.6)
        ax.margins(y=0.2)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        return _png(figure)


def grouped(categories: Sequence[str], series: Sequence[tuple[str, Sequence[Decimal | None]]],
            line: tuple[str, Sequence[Decimal | None], Sequence[str]] | None,
            axis_label: str, line_axis_label: str) -> bytes:
    """Grouped bars per category (e.g. per year), with an optional line on a second axis."""
    with plt.rc_context(_style()):  # type: ignore[arg-type]
        figure, ax = plt.subplots(figsize=(6.0, 3.0))
        count = max(1, len(series))
        width = 0.8 / count
        palette = (BLUE, "#8faadc", "#548235", "#bf9000")
        for index, (name, values) in enumerate(series):
            offsets = [i - 0.4 + width * (index + 0.5) for i in range(len(categories))]
            ax.bar(offsets, [_f(v) for v in values], width=width * 0.95,
                   color=palette[index % len(palette)], label=_wrap(name, 30))
        ax.set_xticks(list(range(len(categories))), list(categories))
        ax.set_ylabel(axis_label)
        handles, labels = ax.get_legend_handles_labels()
        if line is not None:
            name, values, texts = line
            twin = ax.twinx()
            points = [(i, _f(v), t) for i, (v, t) in enumerate(zip(values, texts, strict=True))
                      if v is not None]
            twin.plot([p for p, _, _ in points], [v for _, v, _ in points], color=ORANGE,
                      marker="o", label=_wrap(name, 30))
            for p, v, text in points:
                twin.annotate(text, (p, v), xytext=(0, 6), textcoords="offset points",
                              ha="center", fontsize=8, color=ORANGE,
                              bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"})
            twin.set_ylabel(line_axis_label)
            twin.set_ylim(0, max([v for _, v, _ in points] + [1.0]) * 1.25)
            twin.spines["top"].set_visible(False)
            more_handles, more_labels = twin.get_legend_handles_labels()
            handles, labels = handles + more_handles, labels + more_labels
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.12, 1.0), frameon=False,
                  fontsize=7.5)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        return _png(figure)
