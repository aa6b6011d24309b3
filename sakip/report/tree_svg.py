"""The pohon kinerja drawn: a layered tidy-tree layout computed here, written as SVG (no
script), printed as PDF or PNG through cairosvg.

Layout (docs/tree.md): left to right, one column per level of the cascade (sasaran daerah,
tujuan, sasaran, programme, kegiatan, sub-kegiatan), every box of a column the same width. Each
subtree owns a horizontal band as tall as the larger of its own box and its children's bands
stacked; a parent sits beside its children, centred on them. Bands of siblings do not meet and
columns do not meet, so no two boxes overlap; each line of text is wrapped to its box's width
with the advance widths of the font the SVG names (DejaVu Sans, read from the installed font
file by :mod:`sakip.report.charts`), so no label leaves its box. The layout is linear in the
number of nodes and lines.

A large tree makes a large drawing: the page grows with the tree (the PDF is one page of the
drawing's size) rather than shrinking the text; the LKjIP annex cuts the tree into figures that
fit a page instead (:mod:`sakip.report.chapters.annex_tree`).

Colours: a box's header strip and border take the colour of its category's band
(:attr:`sakip.core.model.Band.color`), its body a light tint of it; each indicator has a square
of its own category's colour; grey where no category can be given. A legend names the bands.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from xml.sax.saxutils import escape, quoteattr

from sakip.core.model import Plan
from sakip.core.scales import BandLabels, label_scales
from sakip.core.tree import Node, NodeKind, Tree, TreeIndicator
from sakip.report.format import Formatter
from sakip.report.text import Text

FONT_FAMILY = "DejaVu Sans, Verdana, Arial, sans-serif"
FORMATS = ("svg", "pdf", "png")
GREY = "#9e9e9e"
INK = "#212121"
MUTED = "#455a64"
EDGE = "#90a4ae"

BOX_WIDTH = 250.0
COLUMN_GAP = 46.0
SIBLING_GAP = 10.0
ROOT_GAP = 24.0
MARGIN = 20.0
PAD = 7.0
HEADER_PAD = 5.0  # the coloured strip with the level and code: its lines and this
SWATCH = 9.0  # the square before an indicator
LINE_GAP = 1.25  # line height as a multiple of the font size
MAX_PNG_PIXELS = 40_000_000


# --------------------------------------------------------------------------- text metrics


@dataclass(frozen=True)
class Font:
    size: float
    bold: bool = False


HEADING = Font(9.0, True)
NAME = Font(11.0, True)
BODY = Font(10.0)
SMALL = Font(9.0)


def text_width(text: str, font: Font) -> float:
    """The width of ``text`` in pixels at ``font``: the sum of the glyphs' advances in DejaVu
    Sans, read from the installed font file (:func:`sakip.report.charts.family_width`; kerning,
    which only narrows a line, left out so the estimate never falls short)."""
    from sakip.report.charts import family_width

    width = family_width("DejaVu Sans", text, font.size, font.bold)
    if width is None:
        raise RuntimeError("DejaVu Sans is not installed (Debian: fonts-dejavu-core)")
    return width


def wrap(text: str, width: float, font: Font) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at ``font``: at spaces, and inside a
    word only when the word alone is wider than a line."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, font) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while text_width(word, font) > width:  # a word longer than the line: cut it
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut] + "-", font) > width:
                cut -= 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


# --------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Line:
    """One line of text at its baseline, with the rectangle it occupies."""

    text: str
    x: float
    y: float  # top of the line box
    font: Font
    color: str
    swatch: str | None = None  # the colour square before an indicator's first line

    @property
    def height(self) -> float:
        return self.font.size * LINE_GAP

    @property
    def width(self) -> float:
        return text_width(self.text, self.font)

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.width, self.height)


@dataclass(frozen=True)
class Box:
    node: Node
    depth: int
    x: float
    y: float
    w: float
    h: float
    lines: tuple[Line, ...]
    color: str  # header strip and border
    header_ink: str  # the header's text colour, legible on ``color``
    header: float  # the header strip's height

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)


@dataclass(frozen=True)
class Edge:
    parent: str
    child: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Layout:
    width: int  # whole units: the SVG's size, and a PDF page's in points
    height: int
    title: tuple[Line, ...]
    legend: tuple[Line, ...]  # each band's label, its square in ``swatch``
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


class Labels:
    """The words of the drawing in one language, and its figures formatted by the report's
    formatter (no number is formatted twice in two ways)."""

    def __init__(self, plan: Plan, tree: Tree, lang: str) -> None:
        self.t = Text(lang)
        # the tree's category scale first: its labels are the ones the drawing prints
        self.f = Formatter(plan.settings, self.t, tree.year,
                           BandLabels((tree.scale, *label_scales(plan)), lang))
        self.lang = lang

    def kind(self, kind: NodeKind) -> str:
        return self.t(f"tree.kind.{kind.value}")

    def category(self, category: str | None) -> str:
        """A category label as printed (:class:`~sakip.core.scales.BandLabels`); "" for none."""
        return self.f.labels(category) or ""

    def figures(self, item: TreeIndicator) -> str:
        f, result = self.f, item.result
        text = self.t("tree.figures", target=f.target_text(result.indicator, result.target),
                      actual=f.actual_text(result))
        if result.achievement is not None:
            text += f" · {f.percent(result.achievement)}%"
        if result.category is not None:
            text += f" {self.category(result.category)}"
        elif result.achievement is None:
            why = self.t(f"why.{result.why.value}") if result.why is not None else ""
            text += f" · {self.t('tree.unmeasured')}" + (f" ({why})" if why else "")
        return text


def _tint(color: str, keep: float = 0.14) -> str:
    """``color`` mixed with white, ``keep`` of it left: the fill behind a box's text."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(255 - (255 - c) * keep) for c in (r, g, b)))


def _ink_on(color: str) -> str:
    r, g, b = (int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return INK if luminance > 0.55 else "#ffffff"


def _valid(color: str | None) -> str | None:
    if color and len(color) == 7 and color[0] == "#" and all(
            c in "0123456789abcdefABCDEF" for c in color[1:]):
        return color
    return None


Row = tuple[str, Font, str, float, str | None]  # text, font, colour, indent, swatch


@dataclass(frozen=True)
class Content:
    header: list[str]  # the strip's lines: level and code
    rows: list[Row]  # below it
    header_height: float
    height: float


def _content(node: Node, labels: Labels, width: float) -> Content:
    """The lines of a box and its height."""
    t = labels.t
    inner = width - 2 * PAD
    header = wrap(_header(node, labels), inner, HEADING)
    rows: list[Row] = []
    name = node.name or t(f"tree.{node.kind.value}")
    rows += [(line, NAME, INK, 0.0, None) for line in wrap(name, inner, NAME)]
    if node.group is not None and node.group.achievement is not None:
        text = t("tree.mean", value=labels.f.percent(node.group.achievement))
        if node.group.category:
            text += f" · {labels.category(node.group.category)}"
        rows += [(line, SMALL, MUTED, 0.0, None) for line in wrap(text, inner, SMALL)]
    if node.also_serves:
        text = t("tree.also", codes=", ".join(node.also_serves))
        rows += [(line, SMALL, MUTED, 0.0, None) for line in wrap(text, inner, SMALL)]
    indent = SWATCH + 4
    for item in node.indicators:
        name_lines = wrap(f"{item.indicator.code} {item.indicator.name}", inner - indent, BODY)
        for i, line in enumerate(name_lines):
            rows.append((line, BODY, INK, indent, (_valid(item.color) or GREY) if i == 0 else None))
        rows += [(line, SMALL, MUTED, indent, None)
                 for line in wrap(labels.figures(item), inner - indent, SMALL)]
    header_height = HEADER_PAD + len(header) * HEADING.size * LINE_GAP
    height = header_height + PAD + sum(font.size * LINE_GAP for _, font, _, _, _ in rows) + PAD
    return Content(header, rows, header_height, height)


def layout(plan: Plan, tree: Tree, lang: str = "id", roots: Sequence[Node] | None = None,
           title: str | None = None, box_width: float = BOX_WIDTH) -> Layout:
    """Place every node of ``roots`` (the tree's own roots unless given), in columns of
    ``box_width``; ``title`` above the legend (the default names the agency and year; "" none)."""
    labels = Labels(plan, tree, lang)
    roots = tuple(tree.roots if roots is None else roots)
    contents: dict[str, Content] = {}
    span: dict[str, float] = {}
    deepest = 0

    def measure_span(node: Node, depth: int) -> float:  # bottom-up: the band each subtree needs
        nonlocal deepest
        deepest = max(deepest, depth)
        contents[node.id] = _content(node, labels, box_width)
        own = contents[node.id].height
        below = sum(measure_span(c, depth + 1) for c in node.children)
        below += SIBLING_GAP * max(0, len(node.children) - 1)
        span[node.id] = max(own, below)
        return span[node.id]

    for root in roots:
        measure_span(root, 0)
    inner = max((deepest + 1) * box_width + deepest * COLUMN_GAP, 3 * box_width)
    heading = _title(plan, tree, labels, title, inner)
    legend, legend_bottom = _legend(tree, labels, MARGIN, heading[-1].y + heading[-1].height + 6
                                    if heading else MARGIN, inner)
    top = legend_bottom + 16
    boxes: list[Box] = []
    edges: list[Edge] = []
    depth_max = 0

    def place(node: Node, depth: int, band_top: float) -> Box:
        nonlocal depth_max
        depth_max = max(depth_max, depth)
        content = contents[node.id]
        own = content.height
        x = MARGIN + depth * (box_width + COLUMN_GAP)
        block = sum(span[c.id] for c in node.children) + SIBLING_GAP * max(0, len(node.children) - 1)
        child_top = band_top + (span[node.id] - block) / 2
        placed: list[Box] = []
        for child in node.children:
            placed.append(place(child, depth + 1, child_top))
            child_top += span[child.id] + SIBLING_GAP
        if placed:
            middle = (placed[0].y + placed[0].h / 2 + placed[-1].y + placed[-1].h / 2) / 2
            y = min(max(middle - own / 2, band_top), band_top + span[node.id] - own)
        else:
            y = band_top + (span[node.id] - own) / 2
        color = _valid(node.color) or GREY
        lines = [Line(text, x + PAD, y + 2.5 + i * HEADING.size * LINE_GAP, HEADING,
                      _ink_on(color)) for i, text in enumerate(content.header)]
        cursor = y + content.header_height + PAD
        for text, font, ink, indent, swatch in content.rows:
            lines.append(Line(text, x + PAD + indent, cursor, font, ink, swatch))
            cursor += font.size * LINE_GAP
        box = Box(node, depth, x, y, box_width, own, tuple(lines), color, _ink_on(color),
                  content.header_height)
        boxes.append(box)
        for below in placed:
            start = (x + box_width, y + own / 2)
            end = (below.x, below.y + below.h / 2)
            elbow = x + box_width + COLUMN_GAP / 2
            edges.append(Edge(node.id, below.node.id,
                              (start, (elbow, start[1]), (elbow, end[1]), end)))
        return box

    cursor = top
    for root in roots:
        place(root, 0, cursor)
        cursor += span[root.id] + ROOT_GAP
    width = MARGIN * 2 + (depth_max + 1) * box_width + depth_max * COLUMN_GAP
    width = max(width, max((line.x + line.width + MARGIN for line in (*heading, *legend)),
                           default=0.0))
    height = (cursor - ROOT_GAP if roots else top) + MARGIN
    boxes.sort(key=lambda b: (b.depth, b.y))
    return Layout(math.ceil(width), math.ceil(height), tuple(heading), tuple(legend),
                  tuple(boxes), tuple(edges))


def _header(node: Node, labels: Labels) -> str:
    kind = labels.kind(node.kind).upper()
    return f"{kind} · {node.code}" if node.code else kind


def _title(plan: Plan, tree: Tree, labels: Labels, title: str | None,
           width: float) -> list[Line]:
    text = title if title is not None else labels.t("tree.title", agency=plan.agency.name,
                                                    year=tree.year)
    if not text:
        return []
    font = Font(14.0, True)
    return [Line(line, MARGIN, MARGIN + i * font.size * LINE_GAP, font, INK)
            for i, line in enumerate(wrap(text, width, font))]


def _legend(tree: Tree, labels: Labels, x0: float, y0: float,
            width: float) -> tuple[list[Line], float]:
    """The legend: its caption, then a square and a label per band, flowing into rows no wider
    than the tree."""
    limit = x0 + width
    caption = labels.t("tree.legend", year=tree.year, scale=tree.scale.name)
    font = SMALL
    height = font.size * LINE_GAP
    lines = [Line(line, x0, y0 + i * height, font, MUTED)
             for i, line in enumerate(wrap(caption, limit - x0, font))]
    y = y0 + len(lines) * height + 3
    x = x0
    items = [(labels.category(b.label), _valid(b.color) or GREY) for b in tree.bands]
    items.append((labels.t("tree.unmeasured"), GREY))
    for text, color in items:
        item = SWATCH + 4 + text_width(text, font)
        if x > x0 and x + item > limit:
            x, y = x0, y + height + 2
        lines.append(Line(text, x + SWATCH + 4, y, font, INK, color))
        x += item + 16
    return lines, y + height


# --------------------------------------------------------------------------- SVG


def _text(line: Line) -> str:
    baseline = line.y + line.font.size * 0.95
    weight = ' font-weight="bold"' if line.font.bold else ""
    parts = []
    if line.swatch is not None:
        top = line.y + (line.height - SWATCH) / 2
        parts.append(f'<rect x="{line.x - SWATCH - 4:.1f}" y="{top:.1f}" width="{SWATCH}" '
                     f'height="{SWATCH}" rx="1.5" fill="{line.swatch}"/>')
    parts.append(f'<text x="{line.x:.1f}" y="{baseline:.1f}" font-size="{line.font.size}"'
                 f'{weight} fill="{line.color}">{escape(line.text)}</text>')
    return "".join(parts)


def svg(drawing: Layout, description: str = "") -> str:
    """The drawing as a standalone SVG document: shapes and text, no script, no external
    reference."""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{drawing.width}" '
           f'height="{drawing.height}" viewBox="0 0 {drawing.width} {drawing.height}" '
           f'font-family={quoteattr(FONT_FAMILY)} role="img">']
    if description:
        out.append(f"<title>{escape(description)}</title>")
    out.append(f'<rect width="{drawing.width}" height="{drawing.height}" fill="#ffffff"/>')
    out += [_text(line) for line in (*drawing.title, *drawing.legend)]
    out.append(f'<g fill="none" stroke="{EDGE}" stroke-width="1.3">')
    for edge in drawing.edges:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in edge.points)
        out.append(f'<polyline points="{points}"/>')
    out.append("</g>")
    for box in drawing.boxes:
        node = box.node
        out.append(f'<g id={quoteattr("node-" + node.id)} class="node {node.kind.value}">')
        out.append(f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" '
                   f'height="{box.h:.1f}" rx="4" fill="{_tint(box.color)}" '
                   f'stroke="{box.color}" stroke-width="1.6"/>')
        out.append(f'<path d="M{box.x:.1f},{box.y + box.header:.1f} v{-box.header + 4:.1f} '
                   f'a4,4 0 0 1 4,-4 h{box.w - 8:.1f} a4,4 0 0 1 4,4 v{box.header - 4:.1f}z" '
                   f'fill="{box.color}"/>')
        out.append(f"<title>{escape(node.name or box.lines[0].text)}</title>")
        out += [_text(line) for line in box.lines]
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def render(drawing: Layout, fmt: str, description: str = "") -> bytes:
    """The drawing as ``fmt``: svg, pdf (one page the size of the drawing) or png."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    document = svg(drawing, description)
    if fmt == "svg":
        return document.encode("utf-8")
    import cairosvg

    if fmt == "pdf":
        return bytes(cairosvg.svg2pdf(bytestring=document.encode("utf-8")))
    return png(drawing, description)


def png(drawing: Layout, description: str = "", scale: float = 2.0) -> bytes:
    """The drawing as PNG at ``scale`` pixels per unit, less for a drawing so large that the
    image would pass :data:`MAX_PNG_PIXELS`."""
    import cairosvg

    scale = min(scale, math.sqrt(MAX_PNG_PIXELS / max(1.0, drawing.width * drawing.height)))
    return bytes(cairosvg.svg2png(bytestring=svg(drawing, description).encode("utf-8"),
                                  scale=scale))


def prune(node: Node, levels: int) -> Node:
    """``node`` with only ``levels`` levels below it kept (0: the node alone)."""
    if levels <= 0:
        return replace(node, children=())
    return replace(node, children=tuple(prune(c, levels - 1) for c in node.children))


def tree_bytes(plan: Plan, year: int, fmt: str, lang: str = "id") -> bytes:
    """The plan's pohon kinerja for ``year`` as ``fmt`` (svg, pdf, png)."""
    from sakip.core.measure import measure
    from sakip.core.tree import build_tree

    tree = build_tree(plan, measure(plan, year))
    drawing = layout(plan, tree, lang)
    return render(drawing, fmt, drawing.title[0].text if drawing.title else "")


__all__ = ["FORMATS", "Box", "Layout", "Line", "layout", "png", "prune", "render", "svg",
           "text_width", "tree_bytes", "wrap"]
