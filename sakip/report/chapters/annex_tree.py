"""Lampiran: the pohon kinerja of the report year (sakip.core.tree, drawn by
sakip.report.tree_svg).

A whole agency's tree is far taller than a page, and shrunk to one its text could not be read;
so the annex cuts it into figures a page holds, each drawn with the same layout and legend:
first the upper tree (sasaran daerah → tujuan → sasaran), then each sasaran with its programmes
and kegiatan — a sasaran too tall for a page one programme at a time — and the programmes
serving no sasaran. The drawing is embedded as SVG (in the DOCX as a PNG drawn from it:
sakip.report.images). Without charts
(``Options.charts`` off) the tree is given as a nested list instead.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from sakip.core.tree import Node, NodeKind, Tree, build_tree
from sakip.report.context import Context
from sakip.report.model import Block, Figure, ListBlock, ListItem, Marker, Paragraph, spans
from sakip.report.tree_svg import Labels, Layout, layout, prune, svg

WIDTH_CM = Decimal("15.5")  # the text width of an A4 portrait page (report.css), a little less
HEIGHT_CM = Decimal(21)  # the tallest figure a page holds below a heading, with its caption
BOX_WIDTH = 180.0  # narrower columns than on screen, so that the text prints larger
# One scale for every figure, so that all print their text at one size (about 6.5 pt): three
# columns of the layout (margins, boxes and gaps: 672 units) fill the text width.
CM_PER_UNIT = WIDTH_CM / 672

TREE_ID = "lampiran-pohon-kinerja"  # the annex section
FIGURE_ID = "gambar-pohon-kinerja"


def tree_annex(ctx: Context) -> list[Block]:
    tree = build_tree(ctx.plan, ctx.m)
    t = ctx.t
    if not tree.roots:
        return [Paragraph(spans(t("tree.empty")))]
    blocks: list[Block] = [Paragraph(spans(t("tree.annex_intro", year=ctx.year)))]
    if not ctx.options.charts:
        return [*blocks, _outline(ctx, tree)]
    upper = [prune(r, 2) for r in tree.roots if r.kind is not NodeKind.UNLINKED_PROGRAMS]
    if upper:
        blocks.append(_figure(ctx, tree, _layout(ctx, tree, upper),
                              t("tree.annex_upper", year=ctx.year)))
    for root in tree.roots:
        if root.kind is NodeKind.UNLINKED_PROGRAMS:
            blocks += _cut(ctx, tree, root, t("tree.annex_unlinked", year=ctx.year))
            continue
        for goal in root.children:
            for objective in goal.children:
                if objective.children:
                    blocks += _cut(ctx, tree, objective, t("tree.annex_objective",
                                                           code=objective.code, year=ctx.year))
    return blocks


def _cut(ctx: Context, tree: Tree, node: Node, caption: str) -> list[Figure]:
    """``node`` with everything below it in one figure; when that is taller than a page, the
    node beside as many of its programmes as a page holds, figure after figure."""
    drawing = _layout(ctx, tree, [node])
    if _fits(drawing) or len(node.children) < 2:
        return [_figure(ctx, tree, drawing, caption)]
    figures: list[Figure] = []
    group: list[Node] = []
    previous: Layout | None = None
    for child in node.children:
        candidate = _layout(ctx, tree, [replace(node, children=(*group, child))])
        if group and not _fits(candidate):
            figures.append(_part(ctx, tree, node, group, previous))
            group, candidate = [], _layout(ctx, tree, [replace(node, children=(child,))])
        group.append(child)
        previous = candidate
    figures.append(_part(ctx, tree, node, group, previous))
    return figures


def _part(ctx: Context, tree: Tree, node: Node, group: list[Node],
          drawing: Layout | None) -> Figure:
    assert drawing is not None
    caption = ctx.t("tree.annex_part", code=node.code or "–",
                    programs=", ".join(c.code or "" for c in group), year=ctx.year)
    return _figure(ctx, tree, drawing, caption)


def _layout(ctx: Context, tree: Tree, roots: list[Node]) -> Layout:
    return layout(ctx.plan, tree, ctx.t.lang, roots, title="", box_width=BOX_WIDTH)


def _fits(drawing: Layout) -> bool:
    return CM_PER_UNIT * drawing.height <= HEIGHT_CM


def _figure(ctx: Context, tree: Tree, drawing: Layout, caption: str) -> Figure:
    """The drawing at the annex's one scale; one taller than a page (a single programme with
    very many kegiatan) or wider than the text is scaled down to fit."""
    width = CM_PER_UNIT * drawing.width
    height = CM_PER_UNIT * drawing.height
    shrink = min(Decimal(1), WIDTH_CM / width, HEIGHT_CM / height)
    width = (width * shrink).quantize(Decimal("0.1"))
    return Figure(ctx.id(FIGURE_ID), caption, b"", width, alt=caption, svg=svg(drawing, caption))


def _outline(ctx: Context, tree: Tree) -> ListBlock:
    """The tree as nested lists: each node's level, code and name, its indicators' figures."""
    labels = Labels(ctx.plan, tree, ctx.t.lang)

    def item(node: Node) -> ListItem:
        head = labels.kind(node.kind) + (f" {node.code}" if node.code else "")
        name = node.name or ctx.t(f"tree.{node.kind.value}")
        text = f"{head}: {name}"
        if node.indicators:
            text += " — " + "; ".join(f"{i.indicator.name} ({labels.figures(i)})"
                                      for i in node.indicators)
        sub = ListBlock(tuple(item(c) for c in node.children), Marker.BULLET) \
            if node.children else None
        return ListItem(spans(text), sub)

    return ListBlock(tuple(item(r) for r in tree.roots), Marker.BULLET)
