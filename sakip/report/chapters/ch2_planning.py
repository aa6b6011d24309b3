"""Bab II Perencanaan dan Perjanjian Kinerja: the Renstra, its cascade, IKU, RKT, PK, budget."""

from __future__ import annotations

from sakip.core.enums import Level
from sakip.core.model import Indicator, Strategy
from sakip.report.chapters import ch2_agreement
from sakip.report.chapters.common import head, names, numbered
from sakip.report.context import Context
from sakip.report.model import (
    Block,
    Cell,
    Chapter,
    ChapterKind,
    Column,
    ListBlock,
    ListItem,
    Marker,
    Paragraph,
    Row,
    RowKind,
    Section,
    Span,
    Table,
    spans,
    table,
)


def planning(ctx: Context) -> Chapter:
    t = ctx.t
    return Chapter("bab-2", ChapterKind.BODY, t("ch2.title"), t("chapter.label", n="II"), sections=(
        Section(ctx.id("renstra"), t("ch2.renstra"), tuple(_renstra(ctx))),
        Section(ctx.id("strategi"), t("ch2.strategy"), tuple(_strategy(ctx))),
        Section(ctx.id("iku"), t("ch2.iku"), tuple(ch2_agreement.key_indicators(ctx))),
        Section(ctx.id("rkt"), t("ch2.rkt"), tuple(ch2_agreement.annual_plan(ctx))),
        Section(ctx.id("pk"), t("ch2.pk", year=ctx.year), tuple(ch2_agreement.agreement(ctx))),
        Section(ctx.id("anggaran"), t("ch2.budget"), tuple(ch2_agreement.budget(ctx))),
    ))


def _renstra(ctx: Context) -> list[Block]:
    t, plan = ctx.t, ctx.plan
    sp = plan.strategic_plan
    blocks: list[Block] = [Paragraph(spans(t("ch2.renstra_p1", agency=plan.agency.name,
                                               renstra=sp.name, start=sp.start, end=sp.end))),
                           Paragraph(spans(t("ch2.goals_intro", agency=plan.agency.name)))]
    items = []
    for goal in plan.goals:
        objectives = tuple(
            ListItem(spans(t("ch2.objective_item", name=o.name,
                             indicators=_inline(plan.indicators_of(o.code, Level.OBJECTIVE)))))
            for o in plan.objectives_of(goal.code))
        items.append(ListItem(
            spans(t("ch2.goal_item", name=goal.name,
                    indicators=_inline(plan.indicators_of(goal.code, Level.GOAL)))),
            ListBlock(objectives, Marker.ALPHA) if objectives else None))
    if items:
        blocks.append(ListBlock(tuple(items), Marker.PAREN))
    tabel = _goals_table(ctx)
    blocks += [Paragraph((Span(t("ch2.table_intro")), Span("", ref=tabel.id), Span(t("word.below"))),),
               tabel]
    return blocks


def _inline(indicators: tuple[Indicator, ...]) -> str:
    return "; ".join(i.name for i in indicators) if indicators else "–"


def _goals_table(ctx: Context) -> Table:
    """Tabel 2.1: vision, missions, goals, objectives, strategies and policies."""
    t, plan = ctx.t, ctx.plan
    rows: list[Row] = []
    if plan.region.vision:
        rows.append(Row((Cell(t("ch2.vision", text=plan.region.vision), bold=True, colspan=4),),
                        RowKind.GROUP))
    missions: list[tuple[str | None, str]] = [
        (m.code, t("ch2.mission", code=m.code, text=m.text)) for m in plan.region.missions]
    known = {code for code, _ in missions}
    orphans = [g for g in plan.goals if g.mission not in known]
    if orphans:
        missions.append((None, t("ch2.no_mission")))
    for code, text in missions:
        goals = [g for g in plan.goals if (g.mission == code if code else g in orphans)]
        if not goals:
            continue
        rows.append(Row((Cell(text, bold=True, colspan=4),), RowKind.GROUP))
        for goal in goals:
            rows += _goal_rows(ctx, goal.code, goal.name)
    header = (head(t("word.goal"), t("word.objective"), t("word.strategy"), t("word.policy")),)
    columns = (Column(3), Column(3), Column(3), Column(4))
    return table(ctx.id("tabel-tujuan-sasaran-strategi"),
                 t("ch2.goals_caption", agency=plan.agency.name,
                   start=plan.strategic_plan.start, end=plan.strategic_plan.end),
                 columns, header, rows)


def _goal_rows(ctx: Context, goal: str, name: str) -> list[Row]:
    plan = ctx.plan
    per_objective = []
    for objective in plan.objectives_of(goal):
        strategies: list[Strategy | None] = [s for s in plan.strategies
                                             if objective.code in s.objectives]
        per_objective.append((objective, strategies))
    span = sum(max(1, len(s)) for _, s in per_objective) or 1
    goal_cell = Cell(name, rowspan=span)
    rows: list[Row] = []
    if not per_objective:
        return [Row((goal_cell, Cell("–"), Cell("–"), Cell("–")))]
    for objective, strategies in per_objective:
        first_of_objective = True
        for strategy in strategies or [None]:
            cells: list[Cell] = []
            if not rows:
                cells.append(goal_cell)
            if first_of_objective:
                cells.append(Cell(objective.name, rowspan=max(1, len(strategies))))
                first_of_objective = False
            if strategy is None:
                cells += [Cell("–"), Cell("–")]
            else:
                cells += [Cell(strategy.text), Cell(numbered(list(strategy.policies)) or "–")]
            rows.append(Row(tuple(cells)))
    return rows


def _strategy(ctx: Context) -> list[Block]:
    t, plan = ctx.t, ctx.plan
    blocks: list[Block] = [Paragraph(spans(t("ch2.strategy_p1"))),
                           Paragraph(spans(t("ch2.strategy_list")))]
    blocks.append(_list([s.text for s in plan.strategies]))
    policies: list[str] = []
    for strategy in plan.strategies:
        policies += [p for p in strategy.policies if p not in policies]
    blocks += [Paragraph(spans(t("ch2.policy_list"))), _list(policies),
               Paragraph(spans(t("ch2.program_list", year=ctx.year))),
               _list([p.name for p in plan.programs])]
    cascade = _cascade(ctx)
    blocks += [Paragraph((Span(t("ch2.cascade_intro")), Span("", ref=cascade.id),
                          Span(t("word.below"))),), cascade]
    return blocks


def _list(texts: list[str]) -> Block:
    if not texts:
        return Paragraph(spans("–"))
    return ListBlock(tuple(ListItem(spans(x)) for x in texts), Marker.DECIMAL)


def _cascade(ctx: Context) -> Table:
    """Tabel 2.2: goal → objective → program → activity, each with its indicators."""
    t, plan = ctx.t, ctx.plan
    rows: list[Row] = []
    for number, goal in enumerate(plan.goals, start=1):
        block = _cascade_goal(ctx, goal.code)
        first = (Cell(f"{number}.", rowspan=len(block), align=None),
                 Cell(goal.name, rowspan=len(block)),
                 Cell(names(plan.indicators_of(goal.code, Level.GOAL)), rowspan=len(block)))
        rows.append(Row(first + block[0]))
        rows += [Row(cells) for cells in block[1:]]
    header = (head(t("word.no"), t("word.goal"), t("ch2.goal_indicator"), t("word.objective"),
                   t("ch2.objective_indicator"), t("word.program"), t("ch2.program_indicator"),
                   t("word.activity"), t("ch2.activity_indicator")),)
    columns = (Column(1), Column(3), Column(3), Column(3), Column(3), Column(3), Column(4),
               Column(4), Column(4))
    return table(ctx.id("tabel-cascade"), t("ch2.cascade_caption", agency=plan.agency.name),
                 columns, header, rows, landscape=True)


def _cascade_goal(ctx: Context, goal: str) -> list[tuple[Cell, ...]]:
    plan = ctx.plan
    rows: list[tuple[Cell, ...]] = []
    objectives = plan.objectives_of(goal) or ()
    if not objectives:
        return [(Cell("–"), Cell("–"), Cell("–"), Cell("–"), Cell("–"), Cell("–"))]
    for objective in objectives:
        programs = _program_rows(ctx, objective.code)
        first = (Cell(objective.name, rowspan=len(programs)),
                 Cell(names(plan.indicators_of(objective.code, Level.OBJECTIVE)),
                      rowspan=len(programs)))
        rows.append(first + programs[0])
        rows += programs[1:]
    return rows


def _program_rows(ctx: Context, objective: str) -> list[tuple[Cell, ...]]:
    plan = ctx.plan
    rows: list[tuple[Cell, ...]] = []
    for program in plan.programs_of(objective):
        activities = plan.activities_of(program.code) or ()
        lines = [(Cell(a.name), Cell(names(plan.indicators_of(a.code, Level.ACTIVITY))))
                 for a in activities] or [(Cell("–"), Cell("–"))]
        first = (Cell(program.name, rowspan=len(lines)),
                 Cell(names(plan.indicators_of(program.code, Level.PROGRAM)), rowspan=len(lines)))
        rows.append(first + lines[0])
        rows += lines[1:]
    return rows or [(Cell("–"), Cell("–"), Cell("–"), Cell("–"))]
