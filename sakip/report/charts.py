"""Charts as SVG text drawn here, in the report's body font, the same bytes for the same data.

No plotting library: a chart is a few rectangles, lines and texts laid out by this module, so a
build spends milliseconds on it and imports nothing heavy. The HTML and the PDF embed the SVG
(vector); the DOCX gets a PNG made from it when written (:func:`sakip.report.images.png_of`).

Chart functions receive figures already measured and their value labels already formatted
(:mod:`sakip.report.format`); a value is turned into a float here only to place a bar or a
point. Axis ticks are "nice" steps (1, 2, 5 × 10ⁿ) computed in Decimal and printed by the
caller's number formatter, so an axis reads "14.000", never "14000". A missing value (``None``)
is drawn as a gap labelled with the caller's text ("data belum tersedia"), never as a zero bar
and never left out silently.

Text: the body font, Liberation Sans (metric-compatible with Arial), then the fonts of
:data:`FALLBACK` installed on the machine (DejaVu Sans for Arabic, Hebrew, Cyrillic …, Noto for
other scripts and CJK, Symbola for emoji), named in that order in the SVG's ``font-family``.
Every text is measured with the advance widths read from those font files (:func:`text_width`),
in the font a renderer draws it in, so a label is wrapped to fit its place. Bidirectional layout
and shaping (Arabic joining) are the renderer's: the SVG keeps the characters in logical order.

Units: one SVG unit is one typographic point of the printed figure (the figure's width in cm
gives the view box), so 8 units are 8 pt text on paper.
"""

from __future__ import annotations

import bisect
import functools
import os
import struct
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from html import escape
from pathlib import Path

from sakip.io.idnum import format_id

BLUE = "#1f4e79"
LIGHT_BLUE = "#8faadc"
ORANGE = "#c55a11"
GREY = "#7f7f7f"
GRID = "#dddddd"
INK = "#222222"
PALETTE = (BLUE, LIGHT_BLUE, "#548235", "#bf9000")

BODY = "Liberation Sans"
# Family → the names of its regular and of its bold files (as Debian's font packages install
# them), the first found taken; a bold text is measured with the regular file when no bold is.
FONT_FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Liberation Sans": (("LiberationSans-Regular.ttf",), ("LiberationSans-Bold.ttf",)),
    "DejaVu Sans": (("DejaVuSans.ttf",), ("DejaVuSans-Bold.ttf",)),
    "Noto Sans": (("NotoSans-Regular.ttf",), ("NotoSans-Bold.ttf",)),
    "Noto Sans Arabic": (("NotoSansArabic-Regular.ttf",), ("NotoSansArabic-Bold.ttf",)),
    "Noto Sans Hebrew": (("NotoSansHebrew-Regular.ttf",), ("NotoSansHebrew-Bold.ttf",)),
    "Noto Sans Thai": (("NotoSansThai-Regular.ttf",), ("NotoSansThai-Bold.ttf",)),
    "Noto Sans Devanagari": (("NotoSansDevanagari-Regular.ttf",), ("NotoSansDevanagari-Bold.ttf",)),
    "Noto Sans Bengali": (("NotoSansBengali-Regular.ttf",), ("NotoSansBengali-Bold.ttf",)),
    "Noto Sans Tamil": (("NotoSansTamil-Regular.ttf",), ("NotoSansTamil-Bold.ttf",)),
    "Noto Sans Ethiopic": (("NotoSansEthiopic-Regular.ttf",), ("NotoSansEthiopic-Bold.ttf",)),
    "Noto Sans Georgian": (("NotoSansGeorgian-Regular.ttf",), ("NotoSansGeorgian-Bold.ttf",)),
    "Noto Sans Armenian": (("NotoSansArmenian-Regular.ttf",), ("NotoSansArmenian-Bold.ttf",)),
    "Noto Sans CJK JP": (("NotoSansCJK-Regular.ttc",), ("NotoSansCJK-Bold.ttc",)),
    "Symbola": (("Symbola.ttf", "Symbola_hint.ttf"), ()),
}
FALLBACK = tuple(FONT_FILES)
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
GUESS_EM = 0.6  # the advance, in em, of a character no installed font has

Number = Callable[[Decimal, int], str]


def _format(value: Decimal, places: int) -> str:
    return format_id(value, places)


# --------------------------------------------------------------------------- fonts


class _Face:
    """The advance widths and character map of one TrueType/OpenType font file (the first font
    of a collection), read with :mod:`struct`; tables are parsed when first needed."""

    def __init__(self, path: str) -> None:
        self.data = data = Path(path).read_bytes()
        base = struct.unpack_from(">I", data, 12)[0] if data[:4] == b"ttcf" else 0
        count = struct.unpack_from(">H", data, base + 4)[0]
        self.tables: dict[bytes, int] = {}
        for i in range(count):
            tag, _sum, offset, _length = struct.unpack_from(">4sIII", data, base + 12 + 16 * i)
            self.tables[tag] = offset
        self.em = int(struct.unpack_from(">H", data, self.tables[b"head"] + 18)[0])
        self.metrics = int(struct.unpack_from(">H", data, self.tables[b"hhea"] + 34)[0])
        self._lookup = self._cmap()
        self._widths: dict[str, float] = {}

    def _cmap(self) -> Callable[[int], int]:
        data, start = self.data, self.tables[b"cmap"]
        count = struct.unpack_from(">H", data, start + 2)[0]
        found: dict[tuple[int, int], int] = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, start + 4 + 8 * i)
            found[(platform, encoding)] = start + offset
        for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 1), (0, 0)):
            offset = found.get(key)
            if offset is None:
                continue
            kind = struct.unpack_from(">H", data, offset)[0]
            if kind == 12:
                return self._format12(offset)
            if kind == 4:
                return self._format4(offset)
        return lambda code: 0

    def _format12(self, offset: int) -> Callable[[int], int]:
        groups = struct.unpack_from(">I", self.data, offset + 12)[0]
        flat = struct.unpack_from(f">{3 * groups}I", self.data, offset + 16)
        starts, ends, glyphs = flat[0::3], flat[1::3], flat[2::3]

        def lookup(code: int) -> int:
            i = bisect.bisect_left(ends, code)
            if i < groups and starts[i] <= code:
                return int(glyphs[i] + code - starts[i])
            return 0
        return lookup

    def _format4(self, offset: int) -> Callable[[int], int]:
        data = self.data
        segments = struct.unpack_from(">H", data, offset + 6)[0] // 2
        ends = struct.unpack_from(f">{segments}H", data, offset + 14)
        starts_at = offset + 16 + 2 * segments
        starts = struct.unpack_from(f">{segments}H", data, starts_at)
        deltas = struct.unpack_from(f">{segments}h", data, starts_at + 2 * segments)
        ranges_at = starts_at + 4 * segments
        ranges = struct.unpack_from(f">{segments}H", data, ranges_at)

        def lookup(code: int) -> int:
            i = bisect.bisect_left(ends, code)
            if i >= segments or starts[i] > code:
                return 0
            if ranges[i] == 0:
                return int(code + deltas[i]) & 0xFFFF
            at = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
            glyph = int(struct.unpack_from(">H", data, at)[0])
            return (glyph + deltas[i]) & 0xFFFF if glyph else 0
        return lookup

    def glyph(self, char: str) -> int:
        return self._lookup(ord(char)) if ord(char) <= 0x10FFFF else 0

    def width(self, char: str) -> float:
        """The advance of ``char``'s glyph in em (the missing glyph's when it has none)."""
        found = self._widths.get(char)
        if found is None:
            found = self._widths[char] = self.advance(self.glyph(char))
        return found

    def advance(self, glyph: int) -> float:
        """The glyph's advance in em."""
        index = min(glyph, self.metrics - 1)
        width = struct.unpack_from(">H", self.data, self.tables[b"hmtx"] + 4 * index)[0]
        return float(width) / self.em


@functools.cache
def _font_paths() -> dict[str, str]:
    """File name → the last path (sorted: ``liberation2`` over ``liberation``) under
    :data:`FONT_DIRS` holding a file of that name."""
    wanted = {name for pair in FONT_FILES.values() for names in pair for name in names}
    paths: dict[str, str] = {}
    for folder in FONT_DIRS:
        root = os.path.expanduser(folder)
        for directory, subdirs, files in sorted(os.walk(root)):
            subdirs.sort()
            for name in sorted(files):
                if name in wanted:
                    paths[name] = max(paths.get(name, ""), os.path.join(directory, name))
    return paths


@functools.cache
def _face(family: str, bold: bool) -> _Face | None:
    regular, heavy = FONT_FILES[family]
    paths = _font_paths()
    found = [paths[name] for name in (*heavy, *regular) if name in paths and (bold or name in regular)]
    return _Face(found[0]) if found else None


def font_files() -> tuple[str, ...]:
    """The files of the installed fonts of :data:`FALLBACK`, in its order (regular, then bold):
    what a renderer given only some folders needs to draw any chart label (the Typst PDF)."""
    paths = _font_paths()
    return tuple(paths[name] for family in FALLBACK for names in FONT_FILES[family]
                 for name in names if name in paths)


@functools.cache
def families() -> tuple[str, ...]:
    """The fonts of :data:`FALLBACK` installed on this machine, in order."""
    names = _font_paths()
    return tuple(family for family in FALLBACK
                 if any(name in names for name in FONT_FILES[family][0]))


FONT_FAMILY = ", ".join(f"'{f}'" if " " in f else f
                        for f in (BODY, "Arimo", "Arial", *FALLBACK[1:])) + ", sans-serif"


def _covers(face: _Face, text: str) -> bool:
    return all(char.isspace() or face.glyph(char) for char in text)


@functools.lru_cache(maxsize=8192)
def _font_of(text: str, bold: bool) -> _Face | None:
    """The font a renderer draws ``text`` in: the first installed family of :data:`FALLBACK`
    having every character of it (Typst's SVG renderer picks one font for a whole text this way;
    a browser falls back character by character, which is never wider); ``None`` if none has
    them all."""
    for family in families():
        face = _face(family, bold)
        if face is not None and _covers(face, text):
            return face
    return None


@functools.cache
def _char_advance(char: str, bold: bool) -> float:
    for family in families():
        face = _face(family, bold)
        if face is not None and (glyph := face.glyph(char)):
            return face.advance(glyph)
    if not char.isspace():
        warnings.warn(f"Glyph {ord(char):#06x} ({char!r}) missing from font(s) "
                      f"{', '.join(families())}", stacklevel=2)
    return GUESS_EM


def family_width(family: str, text: str, size: float, bold: bool = False) -> float | None:
    """The width of ``text`` in points at ``size`` in one family of :data:`FONT_FILES`, every
    character in it (its missing glyph's advance where it has none); ``None`` when the family is
    not installed. For drawings naming one font (the pohon kinerja: DejaVu Sans)."""
    face = _face(family, bold)
    return None if face is None else sum(face.width(char) for char in text) * size


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` in points at ``size`` points: the sum of the advances of its
    characters in the font it is drawn in (kerning, which only narrows a line, left out); when
    no font has them all, each character's in the first font having it."""
    face = _font_of(text, bold)
    if face is None:
        return sum(_char_advance(char, bold) for char in text) * size
    return sum(face.width(char) for char in text) * size


def _pieces(word: str, width: float, size: float, bold: bool) -> list[str]:
    """``word`` cut into pieces no wider than ``width`` (a Latin letter cut from the next one
    takes a hyphen; CJK and other scripts are cut without); a word that fits is one piece."""
    pieces: list[str] = []
    while text_width(word, size, bold) > width and len(word) > 1:
        cut = len(word) - 1
        while cut > 1 and text_width(_hyphened(word, cut), size, bold) > width:
            cut -= 1
        pieces.append(_hyphened(word, cut))
        word = word[cut:]
    return [*pieces, word]


def _hyphened(word: str, cut: int) -> str:
    latin = word[cut - 1].isalpha() and word[cut].isalpha() and ord(word[cut - 1]) < 0x250
    return word[:cut] + ("-" if latin else "")


def wrap(text: str, width: float, size: float, bold: bool = False,
         max_lines: int | None = None) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` (a word wider than a line cut
    into pieces); past ``max_lines`` the last line ends in "…"."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.extend(_pieces(word, width, size, bold))
    if max_lines is not None and len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1:])
        while last and text_width(last + "…", size, bold) > width:
            last = last[:-1]
        lines = [*lines[:max_lines - 1], last.rstrip() + "…"]
    return lines or [""]


# --------------------------------------------------------------------------- SVG writing


def _n(value: float) -> str:
    """A coordinate: two decimals at most, no trailing zeros ("12.5", "-3", "0")."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Style:
    size: float = 8.0
    color: str = INK
    bold: bool = False
    italic: bool = False
    anchor: str = "start"  # start, middle, end


AXIS = Style(7.5, GREY)
LABEL = Style(8.0)
VALUE = Style(7.5)
MISSING = Style(7.0, GREY, italic=True)


class _Canvas:
    def __init__(self, width: float, title: str) -> None:
        self.width = width
        self.title = title
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str) -> None:
        if w < 0:
            x, w = x + w, -w
        if h < 0:
            y, h = y + h, -h
        self.parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" '
                          f'fill="{fill}"/>')

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str, width: float = 0.6,
             dash: str | None = None) -> None:
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.parts.append(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                          f'stroke="{color}" stroke-width="{_n(width)}"{extra}/>')

    def polyline(self, points: Sequence[tuple[float, float]], color: str, width: float) -> None:
        path = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        self.parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" '
                          f'stroke-width="{_n(width)}"/>')

    def circle(self, x: float, y: float, r: float, fill: str) -> None:
        self.parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{fill}" '
                          f'stroke="white" stroke-width="0.6"/>')

    def text(self, x: float, y: float, text: str, style: Style, rotate: bool = False) -> None:
        """One line of text with its baseline at ``y``."""
        attributes = [f'x="{_n(x)}"', f'y="{_n(y)}"', f'font-size="{_n(style.size)}"']
        if style.anchor != "start":
            attributes.append(f'text-anchor="{style.anchor}"')
        if style.color != INK:
            attributes.append(f'fill="{style.color}"')
        if style.bold:
            attributes.append('font-weight="bold"')
        if style.italic:
            attributes.append('font-style="italic"')
        if rotate:
            attributes.append(f'transform="rotate(-90 {_n(x)} {_n(y)})"')
        self.parts.append(f'<text {" ".join(attributes)}>{escape(text)}</text>')

    def boxed(self, x: float, y: float, text: str, style: Style) -> None:
        """A centred value label on a white ground, so a line or a bar behind it stays legible."""
        width = text_width(text, style.size, style.bold) + 4
        self.rect(x - width / 2, y - style.size - 0.5, width, style.size + 3, "white")
        self.text(x, y, text, style)

    def lines(self, x: float, y: float, lines: Sequence[str], style: Style) -> None:
        """Lines of text, the first baseline at ``y``, 1,2 × size apart."""
        for i, line in enumerate(lines):
            self.text(x, y + i * style.size * 1.2, line, style)

    def svg(self, height: float) -> str:
        w, h = _n(self.width), _n(height)
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}pt" height="{h}pt" '
                f'viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}" role="img">'
                f"<title>{escape(self.title)}</title>"
                f'<rect width="{w}" height="{h}" fill="white"/>'
                + "".join(self.parts) + "</svg>")


def _points(width_cm: Decimal) -> float:
    return float(width_cm / Decimal("2.54") * 72)


# --------------------------------------------------------------------------- axes


def ticks(low: Decimal, high: Decimal, count: int = 5) -> list[Decimal]:
    """Evenly spaced round values (1, 2, 2,5 or 5 × 10ⁿ apart) from at or below ``low`` to at
    or above ``high``, about ``count`` intervals."""
    if high < low:
        low, high = high, low
    if high == low:
        high = low + (abs(low) or Decimal(1))
    raw = (high - low) / count
    power = Decimal(1).scaleb(raw.adjusted())
    step = next(power * m for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5),
                                    Decimal(10)) if power * m >= raw)
    first = (low / step).to_integral_value(ROUND_FLOOR) * step
    last = (high / step).to_integral_value(ROUND_CEILING) * step
    values = []
    value = first
    while value <= last:
        values.append(value)
        value += step
    return values


def _places(values: Iterable[Decimal]) -> int:
    return max((max(0, -v.normalize().as_tuple().exponent) for v in values  # type: ignore[operator]
                if v), default=0)


@dataclass(frozen=True)
class _Scale:
    """Values [low, high] onto [start, end] (points; ``end`` < ``start`` for a vertical axis)."""

    low: Decimal
    high: Decimal
    start: float
    end: float

    def __call__(self, value: Decimal) -> float:
        share = float((value - self.low) / (self.high - self.low))
        return self.start + share * (self.end - self.start)


def _range(values: Iterable[Decimal | None], *more: Decimal | None) -> list[Decimal]:
    present = [v for v in (*values, *more) if v is not None]
    return ticks(min([*present, Decimal(0)]), max([*present, Decimal(0)]))


def _legend(canvas: _Canvas, entries: Sequence[tuple[str, str, str]], top: float) -> float:
    """Legend entries (kind "bar" or "line", colour, name) flowed left to right from ``top``,
    wrapped to the chart's width; returns the y below it."""
    x, y, row_height = 6.0, top, 0.0
    most = canvas.width * 0.45
    for kind, color, name in entries:
        lines = wrap(name, most, LABEL.size, max_lines=3)
        width = 14 + max(text_width(line, LABEL.size) for line in lines)
        if x > 6 and x + width > canvas.width - 6:
            x, y, row_height = 6.0, y + row_height + 4, 0.0
        if kind == "bar":
            canvas.rect(x, y + 1, 9, 7, color)
        else:
            canvas.line(x - 1, y + 4.5, x + 10, y + 4.5, color, 1.4)
            canvas.circle(x + 4.5, y + 4.5, 2.2, color)
        canvas.lines(x + 13, y + 7.5, lines, LABEL)
        x += width + 12
        row_height = max(row_height, len(lines) * LABEL.size * 1.2)
    return y + row_height + 6


def _missing_label(canvas: _Canvas, x: float, y: float, text: str, room: float) -> None:
    """The gap's label: centred at ``x``, its last line's baseline at ``y``."""
    lines = wrap(text, room, MISSING.size, max_lines=3)
    first = y - (len(lines) - 1) * MISSING.size * 1.2
    canvas.lines(x, first, lines, Style(MISSING.size, MISSING.color, italic=True, anchor="middle"))


# --------------------------------------------------------------------------- charts


def hbar(labels: Sequence[str], values: Sequence[Decimal | None], texts: Sequence[str],
         colors: Sequence[str | None], reference: Decimal | None, reference_text: str,
         axis_label: str, missing_text: str, number: Number = _format,
         width_cm: Decimal = Decimal(15)) -> str:
    """Horizontal bars with their printed values, one row per label (a row without a value
    says ``missing_text``), a reference line (100 %, the threshold) and a value axis."""
    canvas = _Canvas(_points(width_cm), axis_label)
    wrapped = [wrap(label, canvas.width * 0.4, LABEL.size, max_lines=4) for label in labels]
    label_width = max(text_width(line, LABEL.size) for lines in wrapped for line in lines)
    value_width = max([text_width(t, VALUE.size) for t in texts] + [0.0])
    left = 6 + label_width + 8
    right = canvas.width - 8 - value_width - 4
    scale_values = _range(values, reference)
    scale = _Scale(scale_values[0], scale_values[-1], left, right)
    top = 6 + (VALUE.size + 4 if reference is not None else 0)
    rows = [max(16.0, len(lines) * LABEL.size * 1.2 + 5) for lines in wrapped]
    bottom = top + sum(rows)
    for tick in scale_values:
        x = scale(tick)
        canvas.line(x, top, x, bottom, GRID)
        canvas.text(x, bottom + AXIS.size + 3, number(tick, _places(scale_values)),
                    Style(AXIS.size, AXIS.color, anchor="middle"))
    zero = scale(Decimal(0))
    y = top
    for lines, value, text, color, row in zip(wrapped, values, texts, colors, rows, strict=True):
        middle = y + row / 2
        canvas.lines(left - 8, middle - (len(lines) - 1) * LABEL.size * 0.6 + LABEL.size * 0.35,
                     lines, Style(LABEL.size, anchor="end"))
        if value is None:
            canvas.text(zero + 3, middle + MISSING.size * 0.35, missing_text, MISSING)
        else:
            end = scale(value)
            canvas.rect(zero, middle - 5, end - zero, 10, color or BLUE)
            canvas.text(max(end, zero) + 3, middle + VALUE.size * 0.35, text, VALUE)
        y += row
    canvas.line(zero, top, zero, bottom, GREY, 0.8)
    if reference is not None:
        x = scale(reference)
        canvas.line(x, top - 2, x, bottom, ORANGE, 1.0, "3 2")
        canvas.text(x, top - 4, reference_text,
                    Style(VALUE.size, ORANGE, anchor="middle"))
    canvas.text((left + right) / 2, bottom + AXIS.size + LABEL.size * 1.2 + 5, axis_label,
                Style(LABEL.size, anchor="middle"))
    return canvas.svg(bottom + AXIS.size + LABEL.size * 1.2 + 10)


def trend(years: Sequence[int], actual: Sequence[Decimal | None], actual_texts: Sequence[str],
          target: Sequence[Decimal | None], actual_label: str, target_label: str,
          axis_label: str, missing_text: str, number: Number = _format,
          width_cm: Decimal = Decimal(13)) -> str:
    """Realisation per year as bars (a year without one: a gap saying ``missing_text``), the
    target per year as a line, a legend naming both, the unit on the value axis."""
    canvas = _Canvas(_points(width_cm), axis_label)
    entries = [("bar", BLUE, actual_label)]
    if any(v is not None for v in target):
        entries.append(("line", ORANGE, target_label))
    top = _legend(canvas, entries, 4) + VALUE.size + 2
    scale_values = _range(actual, *target)
    places = _places(scale_values)
    axis_width = max(text_width(number(v, places), AXIS.size) for v in scale_values)
    left = 6 + LABEL.size * 1.2 + axis_width + 6
    right = canvas.width - 8
    plot_bottom = top + 120
    scale = _Scale(scale_values[0], scale_values[-1], plot_bottom, top)
    _value_axis(canvas, scale, scale_values, number, left, right, axis_label)
    slot = (right - left) / max(1, len(years))
    zero = scale(Decimal(0))
    points: list[tuple[float, float]] = []
    labels: list[tuple[float, float, str]] = []
    for i, (year, value, text, goal) in enumerate(zip(years, actual, actual_texts, target,
                                                      strict=True)):
        middle = left + slot * (i + 0.5)
        if value is None:
            _missing_label(canvas, middle, zero - 4, missing_text, slot * 0.9)
        else:
            end = scale(value)
            canvas.rect(middle - slot * 0.28, zero, slot * 0.56, end - zero, BLUE)
            labels.append((middle, (end - 3) if value >= 0 else (end + VALUE.size + 2), text))
        if goal is not None:
            points.append((middle, scale(goal)))
        canvas.text(middle, plot_bottom + AXIS.size + 4, str(year),
                    Style(LABEL.size, anchor="middle"))
    canvas.line(left, zero, right, zero, GREY, 0.8)
    if len(points) > 1:
        canvas.polyline(points, ORANGE, 1.4)
    for x, y in points:
        canvas.circle(x, y, 2.6, ORANGE)
    for x, y, text in labels:
        canvas.boxed(x, y, text, Style(VALUE.size, anchor="middle"))
    return canvas.svg(plot_bottom + AXIS.size + 10)


def _value_axis(canvas: _Canvas, scale: _Scale, values: Sequence[Decimal], number: Number,
                left: float, right: float, label: str, side: str = "left") -> None:
    """Grid lines and tick labels of a vertical axis, and its label written upwards beside."""
    places = _places(values)
    for tick in values:
        y = scale(tick)
        if side == "left":
            canvas.line(left, y, right, y, GRID)
            canvas.text(left - 3, y + AXIS.size * 0.35, number(tick, places),
                        Style(AXIS.size, AXIS.color, anchor="end"))
        else:
            canvas.text(right + 3, y + AXIS.size * 0.35, number(tick, places), AXIS)
    middle = (scale.start + scale.end) / 2
    if not label:
        return
    if side == "left":
        canvas.text(6 + LABEL.size, middle, label, Style(LABEL.size, anchor="middle"), rotate=True)
    else:
        canvas.text(canvas.width - 6, middle, label, Style(LABEL.size, anchor="middle"),
                    rotate=True)


def grouped(categories: Sequence[str], series: Sequence[tuple[str, Sequence[Decimal | None]]],
            line: tuple[str, Sequence[Decimal | None], Sequence[str]] | None,
            axis_label: str, line_axis_label: str, missing_text: str, number: Number = _format,
            width_cm: Decimal = Decimal(15)) -> str:
    """Grouped bars per category (e.g. per year), each series named in the legend, with an
    optional line (e.g. a percentage) on a second axis at the right, its values printed."""
    canvas = _Canvas(_points(width_cm), axis_label)
    entries = [("bar", PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)]
    if line is not None:
        entries.append(("line", ORANGE, line[0]))
    top = _legend(canvas, entries, 4) + VALUE.size + 6
    bar_values = _range([v for _, values in series for v in values])
    places = _places(bar_values)
    axis_width = max(text_width(number(v, places), AXIS.size) for v in bar_values)
    left = 6 + LABEL.size * 1.2 + axis_width + 6
    right = canvas.width - 8
    line_values: list[Decimal] = []
    if line is not None:
        line_values = _range(line[1])
        line_places = _places(line_values)
        right -= max(text_width(number(v, line_places), AXIS.size) for v in line_values) \
            + LABEL.size * 1.2 + 10
    plot_bottom = top + 130
    scale = _Scale(bar_values[0], bar_values[-1], plot_bottom, top)
    _value_axis(canvas, scale, bar_values, number, left, right, axis_label)
    slot = (right - left) / max(1, len(categories))
    count = max(1, len(series))
    width = slot * 0.8 / count
    zero = scale(Decimal(0))
    for c, category in enumerate(categories):
        start = left + slot * c + slot * 0.1
        for s, (_name, values) in enumerate(series):
            value = values[c]
            x = start + width * s
            if value is None:
                _missing_label(canvas, x + width / 2, zero - 4, missing_text, max(width, 30))
            else:
                canvas.rect(x + width * 0.04, zero, width * 0.92, scale(value) - zero,
                            PALETTE[s % len(PALETTE)])
        canvas.text(left + slot * (c + 0.5), plot_bottom + AXIS.size + 4, category,
                    Style(LABEL.size, anchor="middle"))
    canvas.line(left, zero, right, zero, GREY, 0.8)
    if line is not None:
        _name, values, texts = line
        line_scale = _Scale(line_values[0], line_values[-1], plot_bottom, top)
        _value_axis(canvas, line_scale, line_values, number, left, right, line_axis_label,
                    side="right")
        points = [(left + slot * (i + 0.5), line_scale(v), t)
                  for i, (v, t) in enumerate(zip(values, texts, strict=True)) if v is not None]
        if len(points) > 1:
            canvas.polyline([(x, y) for x, y, _ in points], ORANGE, 1.4)
        for x, y, text in points:
            canvas.circle(x, y, 2.6, ORANGE)
            canvas.boxed(x, y - 5, text, Style(VALUE.size, ORANGE, anchor="middle"))
    return canvas.svg(plot_bottom + AXIS.size + 10)
