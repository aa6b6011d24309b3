"""Pohon kinerja: the agency's cascade from the sasaran daerah down to the sub-kegiatan, with
each node's indicators and the year's achievement coloured by category.

The page is nested ``<details>`` (fold and unfold without JavaScript; ``?tingkat=N`` opens the
first N levels), beside the drawing the library makes (:mod:`sakip.report.tree_svg`) as SVG,
PDF and PNG. The tree is :func:`sakip.core.tree.build_tree` of the year's measurement; its
figures are formatted by the report's formatter; nothing here computes one.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path

from sakip.core.tree import Node, NodeKind, Tree, build_tree
from sakip.report.tree_svg import FORMATS, Labels, layout, render
from sakip.web.access import Action, requires
from sakip.web.labels import language as _lang
from sakip.web.measuring import measured
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear

CONTENT_TYPES = {"svg": "image/svg+xml", "pdf": "application/pdf", "png": "image/png"}
LEVEL_KINDS = (NodeKind.REGION_OBJECTIVE, NodeKind.GOAL, NodeKind.OBJECTIVE, NodeKind.PROGRAM,
               NodeKind.ACTIVITY, NodeKind.SUB_ACTIVITY)
LEVELS = len(LEVEL_KINDS)
OPEN = 3  # levels open by default: down to the sasaran


def _node(node: Node, labels: Labels, depth: int, open_levels: int) -> dict[str, Any]:
    return {
        "id": node.id, "kind": labels.kind(node.kind), "code": node.code,
        "name": node.name or labels.t(f"tree.{node.kind.value}"),
        "color": node.color, "category": labels.category(node.category) if node.category else "",
        "mean": (labels.f.percent(node.group.achievement)
                 if node.group is not None and node.group.achievement is not None else None),
        "also": ", ".join(node.also_serves),
        "indicators": [{"code": i.indicator.code, "name": i.indicator.name, "color": i.color,
                        "figures": labels.figures(i)} for i in node.indicators],
        "children": [_node(c, labels, depth + 1, open_levels) for c in node.children],
        "open": depth < open_levels,
    }


def _tree(agency: Agency, year: int) -> tuple[Any, Tree]:
    plan, m = measured(agency, year)
    return plan, build_tree(plan, m)


@requires(Action.READ)
def page(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    try:
        open_levels = min(LEVELS, max(0, int(request.GET.get("tingkat", OPEN))))
    except ValueError:
        open_levels = OPEN
    plan, tree = _tree(agency, year)
    labels = Labels(plan, tree, _lang())
    nodes = [_node(root, labels, 0, open_levels) for root in tree.roots]
    levels = [(n, labels.kind(kind)) for n, kind in enumerate(LEVEL_KINDS, start=1)]
    legend = [{"label": labels.category(b.label), "color": b.color} for b in tree.bands]
    return TemplateResponse(request, "planning/tree.html", {
        "agency": agency, "state": state, "year": year, "nodes": nodes, "levels": levels,
        "open_levels": open_levels, "legend": legend, "scale": tree.scale.name,
        "count": sum(1 for _ in tree.nodes()), "formats": FORMATS})


@requires(Action.READ)
def download(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
             fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("format tidak dikenal")
    plan, tree = _tree(agency, year)
    drawing = layout(plan, tree, _lang())
    content = render(drawing, fmt, drawing.title[0].text if drawing.title else "")
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    disposition = "inline" if fmt == "svg" else "attachment"
    response.headers["Content-Disposition"] = (
        f'{disposition}; filename="pohon-kinerja-{agency.code}-{year}.{fmt}"')
    if fmt == "svg":  # shapes and text only: nothing for the drawing to load or run
        response.headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'self'"
    return response


URLS = [path("pohon/", page, name="planning_tree"),
        path("pohon.<slug:fmt>", download, name="planning_tree_download")]
