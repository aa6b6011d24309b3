"""The pohon kinerja page (sakip/web/planning/tree.py): the agency's tree as nested <details>
with every node of the plan, its indicators and their figures, and the drawing's downloads."""

from __future__ import annotations

import re

from django.urls import reverse

from sakip.core.measure import measure
from sakip.core.tree import build_tree
from sakip.web.planning.tree import OPEN
from sakip.web.workflow.snapshots import plan_for
from tests.web.world import YEAR


def _url(world, name="planning_tree", **extra):
    return reverse(name, kwargs={"agency": world.a.pk, "year": YEAR, **extra})


def test_the_operator_reads_the_tree_with_every_node_and_indicator(world, operator_a):
    response = operator_a.get(_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    plan = plan_for(world.a, YEAR)
    tree = build_tree(plan, measure(plan, YEAR))
    nodes = list(tree.nodes())
    assert html.count('<details class="tree-node') == len(nodes)
    for record in (*plan.goals, *plan.objectives, *plan.programs, *plan.activities):
        assert f"<strong>{record.name}</strong>" in html.replace("&#x27;", "'"), record.code
    for indicator in plan.indicators:
        assert indicator.code in html
    # the year's figures of a measured indicator, as the report formats them
    assert "T 80 · R 94,78 · 118,48% Sangat baik" in html
    # no script: fold and unfold are the browser's <details>
    assert "<script" not in html.split('<div class="tree">')[1]
    opened = len(re.findall(r'<details class="tree-node[^>]*open>', html))
    assert opened == sum(1 for n in nodes if _depth(tree, n) < OPEN) > 0


def _depth(tree, target):
    def walk(node, depth):
        if node is target:
            return depth
        for child in node.children:
            found = walk(child, depth + 1)
            if found is not None:
                return found
        return None

    for root in tree.roots:
        found = walk(root, 0)
        if found is not None:
            return found
    raise AssertionError(target.id)


def test_levels_open_on_request(world, operator_a):
    closed = operator_a.get(_url(world) + "?tingkat=0").content.decode()
    assert not re.search(r'<details class="tree-node[^>]*open>', closed)
    every = operator_a.get(_url(world) + "?tingkat=6").content.decode()
    assert len(re.findall(r'<details class="tree-node[^>]*open>', every)) == \
        every.count('<details class="tree-node')
    assert operator_a.get(_url(world) + "?tingkat=x").status_code == 200


def test_the_drawing_downloads_as_svg_pdf_and_png(world, operator_a):
    svg = operator_a.get(_url(world, "planning_tree_download", fmt="svg"))
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert svg.content.startswith(b"<svg") and b"<script" not in svg.content
    assert "default-src 'none'" in svg["Content-Security-Policy"]
    pdf = operator_a.get(_url(world, "planning_tree_download", fmt="pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf["Content-Disposition"]
    png = operator_a.get(_url(world, "planning_tree_download", fmt="png"))
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert operator_a.get(_url(world, "planning_tree_download", fmt="gif")).status_code == 404


def test_another_agencys_operator_reads_nothing(world, operator_b):
    assert operator_b.get(_url(world)).status_code == 403
    assert operator_b.get(_url(world, "planning_tree_download", fmt="svg")).status_code == 403
