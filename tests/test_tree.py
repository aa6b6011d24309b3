"""The pohon kinerja: the tree of a plan (sakip.core.tree), its layout and drawing
(sakip.report.tree_svg), ``sakip tree`` and the LKjIP annex."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from decimal import Decimal
from itertools import combinations

import pytest

from sakip.cli.main import main
from sakip.core.enums import Level
from sakip.core.measure import measure
from sakip.core.model import Activity, Indicator, Program, Target
from sakip.core.tree import UNLINKED_GOALS, UNLINKED_PROGRAMS, NodeKind, build_tree
from sakip.report import Options, build_report, render
from sakip.report.images import png_of
from sakip.report.model import figures_of
from sakip.report.tree_svg import BODY, PAD, layout, svg, text_width, wrap
from sakip.report.tree_svg import render as draw
from tests.conftest import EXAMPLE

YEAR = 2020


def _tree(plan, year=YEAR):
    return build_tree(plan, measure(plan, year))


def _unlinked(plan):
    """The plan with no goal or objective naming a sasaran daerah."""
    return replace(plan, goals=tuple(replace(g, serves=()) for g in plan.goals),
                   objectives=tuple(replace(o, serves=()) for o in plan.objectives))


def _overlap(a, b) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def _no_overlaps(drawing):
    for a, b in combinations(drawing.boxes, 2):
        assert not _overlap(a.rect, b.rect), (a.node.id, b.node.id)
    labels = [line for line in (*drawing.title, *drawing.legend)]
    for box in drawing.boxes:
        x, y, w, h = box.rect
        for line in box.lines:
            lx, ly, lw, lh = line.rect
            assert x < lx and lx + lw <= x + w - PAD + 0.01, (box.node.id, line.text)
            assert y <= ly and ly + lh <= y + h + 0.01, (box.node.id, line.text)
        for a, b in combinations(box.lines, 2):
            assert not _overlap(a.rect, b.rect), (a.text, b.text)
        for line in labels:
            assert not _overlap(line.rect, box.rect), line.text
    for a, b in combinations(labels, 2):
        assert not _overlap(a.rect, b.rect), (a.text, b.text)


def test_every_record_of_the_example_is_a_node_and_a_box(belitung):
    plan = _unlinked(belitung)
    tree = _tree(plan)
    nodes = list(tree.nodes())
    ids = [n.id for n in nodes]
    assert len(ids) == len(set(ids))  # stable, unique ids
    expected = ({f"goal:{g.code}" for g in plan.goals}
                | {f"objective:{o.code}" for o in plan.objectives}
                | {f"program:{p.code}" for p in plan.programs}
                | {f"activity:{a.code}" for a in plan.activities if a.parent is None}
                | {f"sub_activity:{a.code}" for a in plan.activities if a.parent is not None})
    assert set(ids) - {UNLINKED_GOALS} == expected
    assert [r.kind for r in tree.roots] == [NodeKind.UNLINKED_GOALS]
    shown = [i.indicator.code for n in nodes for i in n.indicators]
    assert sorted(shown) == sorted(i.code for i in plan.indicators)
    drawing = layout(plan, tree)
    document = svg(drawing)
    assert len(drawing.boxes) == len(nodes)
    assert len(re.findall(r'<g id="node-', document)) == len(nodes) == 1 + len(expected)
    for node_id in ids:
        assert f'id="node-{node_id}"' in document


def test_the_nodes_carry_the_measurements_results_and_band_colours(belitung):
    m = measure(belitung, YEAR)
    tree = build_tree(belitung, m)
    colors = {b.label: b.color for b in tree.bands}
    for node in tree.nodes():
        for item in node.indicators:
            if item.indicator.code in m._results:
                assert item.result is m.result(item.indicator.code)  # reused, not recomputed
            assert item.color == colors.get(item.result.category or "")
    s1 = next(n for n in tree.nodes() if n.id == "objective:S1")
    assert s1.group is m.group("S1") and s1.category == m.group("S1").category
    assert s1.color == colors[s1.category]


def test_no_two_boxes_or_labels_overlap_in_the_example(belitung):
    for plan in (belitung, _unlinked(belitung)):
        tree = _tree(plan)
        _no_overlaps(layout(plan, tree))
        _no_overlaps(layout(plan, tree, "en", box_width=180))


def test_a_goal_serving_a_sasaran_daerah_hangs_under_it(belitung):
    plan = _unlinked(belitung)
    codes = [o.code for o in plan.region.objectives]
    assert len(codes) >= 2, "the example's RPJMD has sasaran daerah"
    first, second = codes[0], codes[1]
    goals = (replace(plan.goals[0], serves=(first,)), *plan.goals[1:])
    # the goal's second objective would serve another: here its first objective serves two
    s1 = replace(plan.objectives[0], serves=(second, first))
    plan = replace(plan, goals=goals, objectives=(s1, *plan.objectives[1:]))
    tree = _tree(plan)
    roots = {r.id: r for r in tree.roots}
    root = roots[f"region_objective:{second}"]
    assert root.kind is NodeKind.REGION_OBJECTIVE and root.name == plan.region.objectives[1].name
    goal = root.children[0]
    assert goal.id == f"goal:{plan.goals[0].code}"
    assert [o.id for o in goal.children] == [f"objective:{s1.code}"]
    assert goal.children[0].also_serves == (first,)
    region_indicators = [i for i in plan.region.indicators if i.owner == second]
    assert [i.indicator.code for i in root.indicators] == [i.code for i in region_indicators]
    # the rest hangs under the root of goals serving none
    assert UNLINKED_GOALS in roots and f"region_objective:{first}" not in roots
    _no_overlaps(layout(plan, tree))


def test_a_goal_whose_objectives_serve_two_sasaran_daerah_is_drawn_under_both(belitung):
    plan = _unlinked(belitung)
    first, second = (o.code for o in plan.region.objectives[:2])
    goal = plan.goals[0]
    objective = next(o for o in plan.objectives if o.goal == goal.code)
    extra = replace(objective, code="S-extra", name="Sasaran tambahan", serves=(second,))
    plan = replace(plan, goals=(replace(goal, serves=(first,)), *plan.goals[1:]),
                   objectives=(*plan.objectives, extra))
    tree = _tree(plan)
    ids = [n.id for n in tree.nodes()]
    assert f"goal:{goal.code}" in ids and f"goal:{goal.code}@{second}" in ids
    assert len(ids) == len(set(ids))


def test_a_programme_serving_no_objective_hangs_under_its_own_root(belitung):
    plan = replace(belitung, programs=(*belitung.programs, Program("PX", "Program lepas")),
                   activities=(*belitung.activities, Activity("KX", "Kegiatan lepas", "PX"),
                               Activity("KX.1", "Sub kegiatan lepas", "PX", parent="KX")))
    tree = _tree(plan)
    root = tree.roots[-1]
    assert root.id == UNLINKED_PROGRAMS and root.kind is NodeKind.UNLINKED_PROGRAMS
    assert [n.id for n in root.walk()] == [UNLINKED_PROGRAMS, "program:PX", "activity:KX",
                                           "sub_activity:KX.1"]


def test_text_is_wrapped_to_the_box_with_the_fonts_widths():
    assert text_width("WWW", BODY) > text_width("iii", BODY) > 0
    text = "Persentase penyandang disabilitas terlantar yang terpenuhi kebutuhan dasarnya"
    lines = wrap(text, 120, BODY)
    assert len(lines) > 2 and " ".join(lines) == text
    assert all(text_width(line, BODY) <= 120 for line in lines)
    long = wrap("Supercalifragilisticexpialidocious" * 3, 80, BODY)
    assert all(text_width(line, BODY) <= 80 for line in long) and len(long) > 3


def test_a_large_plan_is_laid_out_linearly_and_without_overlap(belitung):
    """Five times the example's kegiatan (230, with an indicator each) under its programmes."""
    activities, indicators = list(belitung.activities), list(belitung.indicators)
    for n in range(4):
        for activity in belitung.activities:
            code = f"{activity.code}-{n}"
            activities.append(replace(activity, code=code, name=f"{activity.name} {n}"))
            indicators.append(Indicator(f"IK-{code}", f"Indikator {code}", Level.ACTIVITY, code,
                                        targets=(Target(YEAR, value=Decimal(10)),)))
    plan = replace(belitung, activities=tuple(activities), indicators=tuple(indicators))
    started = time.perf_counter()
    tree = _tree(plan)
    drawing = layout(plan, tree)
    elapsed = time.perf_counter() - started
    assert len(drawing.boxes) == sum(1 for _ in tree.nodes()) > 250
    _no_overlaps(drawing)
    assert elapsed < 10


def test_the_drawing_prints_as_pdf_and_png(belitung):
    drawing = layout(belitung, _tree(belitung))
    assert draw(drawing, "pdf").startswith(b"%PDF")
    assert draw(drawing, "png").startswith(b"\x89PNG")
    with pytest.raises(ValueError):
        draw(drawing, "gif")


def test_the_command_writes_svg_and_refuses_an_unknown_format(tmp_path, capsys):
    target = tmp_path / "pohon.svg"
    assert main(["tree", str(EXAMPLE), "--year", "2020", "-o", str(target)]) == 0
    assert "Pohon kinerja 2020 ditulis ke" in capsys.readouterr().out
    document = target.read_text(encoding="utf-8")
    assert document.startswith("<svg") and "<script" not in document
    assert "Persentase PMKS yang tertangani" in document
    assert main(["tree", str(EXAMPLE), "-o", str(tmp_path / "pohon.jpg")]) == 1
    assert "OUTPUT_WRONG_EXTENSION" in capsys.readouterr().err
    assert main(["tree", str(EXAMPLE), "-o", str(target)]) == 1  # exists, no --force
    assert "OUTPUT_EXISTS" in capsys.readouterr().err
    assert main(["tree", str(EXAMPLE), "--year", "2030", "-o", str(tmp_path / "x.pdf")]) == 1
    assert "TREE_YEAR_OUTSIDE_RENSTRA" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pohon.svg"]
    assert main(["--lang", "en", "tree", str(EXAMPLE), "-o", str(tmp_path / "t.pdf")]) == 0
    assert (tmp_path / "t.pdf").read_bytes().startswith(b"%PDF")


def test_the_report_has_the_tree_as_an_annex(belitung):
    document = build_report(belitung, YEAR)
    figures = [f for f in figures_of(document) if f.id.startswith("gambar-pohon-kinerja")]
    assert len(figures) >= 2 and all(f.svg and f.svg.startswith("<svg") for f in figures)
    assert png_of(figures[0]).startswith(b"\x89PNG")  # what the DOCX embeds
    html = render(document, ".html").decode("utf-8")
    assert "Lampiran" in html and "Pohon Kinerja Tahun 2020" in html
    assert html.count('id="gambar-pohon-kinerja') == len(figures)
    # every programme appears in some figure's caption or in the upper figure's objectives
    captions = " ".join(f.caption for f in figures)
    for objective in belitung.objectives:
        if belitung.programs_of(objective.code):
            assert f"sasaran {objective.code}" in captions
    plain = render(build_report(belitung, YEAR, Options(charts=False)), ".html").decode("utf-8")
    assert "Pohon Kinerja Tahun 2020" in plain and "Kegiatan K1.1: " in plain
