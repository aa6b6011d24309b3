"""Bab III, 3.4–3.5: spending composition, ceiling and spending per goal, effectiveness, efficiency."""

from __future__ import annotations

from sakip.core.budget import UNLINKED, BudgetLine, below_threshold
from sakip.core.measure import GroupResult
from sakip.core.model import Goal
from sakip.report import charts
from sakip.report.chapters.common import head
from sakip.report.context import Context
from sakip.report.format import DASH
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Column,
    Figure,
    Paragraph,
    Row,
    RowKind,
    Span,
    Table,
    spans,
    table,
)
from sakip.report.narrative import program_title


def finance(ctx: Context) -> list[Block]:
    t, f, m = ctx.t, ctx.f, ctx.m
    blocks: list[Block] = []
    if m.spending:
        total = m.spending[-1]
        blocks.append(Paragraph(spans(t("ch3.finance_p1", agency=ctx.plan.agency.name,
                                        year=ctx.year, ceiling=f.rupiah(total.ceiling),
                                        spent=f.rupiah(total.spent),
                                        absorption=f.absorption(total.absorption)))))
        composition = _composition(ctx)
        blocks += [Paragraph((Span(t("ch3.composition_intro")), Span("", ref=composition.id),
                              Span(":")),), composition]
    else:
        blocks.append(Paragraph(spans(t("ch3.finance_no_spending", year=ctx.year))))
    chart = _absorption_chart(ctx)
    if chart is not None:
        blocks.append(chart)
    per_goal, effect = _per_goal(ctx), _effectiveness(ctx)
    blocks += [Paragraph((Span(t("ch3.per_goal_intro")), Span("", ref=per_goal.id), Span(":")),),
               per_goal,
               Paragraph((Span(t("ch3.effectiveness_intro")), Span("", ref=effect.id),
                          Span(":")),), effect]
    return blocks


def _composition(ctx: Context) -> Table:
    """Tabel 3.26: the agency's spending by kind (indirect, direct) and in total."""
    t, f = ctx.t, ctx.f
    rows = []
    for number, s in enumerate(ctx.m.spending, start=1):
        kind = s.kind.value if s.kind is not None else "total"
        cells = (f.money_cell(s.ceiling, f"spending_ceiling:{ctx.year}:{kind}"),
                 f.money_cell(s.spent, f"spending_spent:{ctx.year}:{kind}"),
                 f.percent_cell(s.absorption, f"spending_absorption:{ctx.year}:{kind}",
                                  absorption=True))
        if s.kind is None:
            rows.append(Row((Cell(t("word.total"), bold=True, colspan=2, align=Align.CENTER),
                             *cells), RowKind.TOTAL))
        else:
            rows.append(Row((Cell(f"{number}.", align=Align.CENTER), Cell(s.label), *cells)))
    header = (head(t("word.no"), t("word.item"), t("ch3.budget_rp"), t("ch3.spent_rp"), "%"),)
    columns = (Column(1), Column(5), Column(3, Align.RIGHT), Column(3, Align.RIGHT),
               Column(2, Align.RIGHT))
    return table(ctx.id("tabel-komposisi-belanja"),
                 t("ch3.composition_caption", agency=ctx.plan.agency.name, year=ctx.year),
                 columns, header, rows)


def _goal_label(ctx: Context, goal: Goal) -> str:
    lines = [f"{ctx.t('word.goal')}: {goal.name}"]
    lines += [f"{ctx.t('word.objective')}: {o.name}" for o in ctx.plan.objectives_of(goal.code)]
    return "\n".join(lines)


def _key_count(ctx: Context, group: GroupResult) -> Cell:
    return Cell(str(_keys_in(ctx, group)), align=Align.CENTER)


def _keys_in(ctx: Context, group: GroupResult) -> int:
    return sum(1 for code in group.indicators if code in ctx.m.key)


def _not_key_note(ctx: Context) -> tuple[str, ...]:
    """Why a goal's count of key indicators is short of the indicators it has (Tabel 3.7 counts
    them all): the goals with indicators that are not key, and those indicators' names."""
    items = []
    for index, goal in enumerate(ctx.plan.goals, start=1):
        other = [ctx.m.result(code).indicator.name for code in ctx.m.group(goal.code).indicators
                 if code not in ctx.m.key]
        if other:
            items.append(f"{ctx.t('word.goal_n', n=index)} ({', '.join(other)})")
    return (ctx.t("ch3.not_key_note", items="; ".join(items)),) if items else ()


def _unlinked(ctx: Context) -> BudgetLine | None:
    """The line of the programs under no goal, when there are any: a row of its own, so the
    goals' rows add up to the agency's total."""
    return next((line for line in ctx.m.budget if line.level == UNLINKED), None)


def _key_total(ctx: Context) -> Cell:
    """The key indicators the goal rows count, summed (a plan whose key indicators are its
    activities' has none under a goal)."""
    total = sum(_keys_in(ctx, ctx.m.group(goal.code)) for goal in ctx.plan.goals)
    return Cell(str(total), bold=True, align=Align.CENTER)


def _per_goal(ctx: Context) -> Table:
    """Tabel 3.28: ceiling and spending per goal (its objectives' programs)."""
    t, f, m = ctx.t, ctx.f, ctx.m
    rows = []
    for number, goal in enumerate(ctx.plan.goals, start=1):
        line = m.budget_line(goal.code)
        rows.append(Row((Cell(f"{number}.", align=Align.CENTER), Cell(_goal_label(ctx, goal)),
                         _key_count(ctx, m.group(goal.code)), *f.budget(line, ctx.year))))
    unlinked = _unlinked(ctx)
    if unlinked is not None:
        rows.append(Row((Cell("", align=Align.CENTER), Cell(t("ch3.unlinked")),
                         Cell("0", align=Align.CENTER), *f.budget(unlinked, ctx.year))))
    agency = m.budget_line(ctx.plan.agency.code)
    rows.append(Row((Cell(t("word.total"), bold=True, colspan=2, align=Align.CENTER),
                     _key_total(ctx),
                     *f.budget(agency, ctx.year)), RowKind.TOTAL))
    header = (head(t("word.no"), t("word.goal_objective"), t("ch3.key_count"),
                   t("ch2.ceiling_rp"), t("ch3.spent_rp"), "%"),)
    columns = (Column(1), Column(7), Column(2), Column(3, Align.RIGHT), Column(3, Align.RIGHT),
               Column(2, Align.RIGHT))
    notes = (t("ch3.per_goal_note"), *_not_key_note(ctx))
    return table(ctx.id("tabel-anggaran-tujuan"), t("ch3.per_goal_caption", year=ctx.year),
                 columns, header, rows, notes)


def _effectiveness(ctx: Context) -> Table:
    """Tabel 3.29: each goal's mean achievement beside its spending and absorption."""
    t, f, m = ctx.t, ctx.f, ctx.m
    rows = []
    for number, goal in enumerate(ctx.plan.goals, start=1):
        line, group = m.budget_line(goal.code), m.group(goal.code)
        _, spent, absorption = f.budget(line, ctx.year)
        rows.append(Row((Cell(f"{number}.", align=Align.CENTER), Cell(_goal_label(ctx, goal)),
                         _key_count(ctx, group), f.group(group, ctx.year), spent, absorption)))
    unlinked = _unlinked(ctx)
    if unlinked is not None:
        _, spent, absorption = f.budget(unlinked, ctx.year)
        rows.append(Row((Cell("", align=Align.CENTER), Cell(t("ch3.unlinked")),
                         Cell("0", align=Align.CENTER), Cell(DASH, align=Align.CENTER), spent,
                         absorption)))
    agency, budget = m.group(ctx.plan.agency.code), m.budget_line(ctx.plan.agency.code)
    _, spent, absorption = f.budget(budget, ctx.year)
    rows.append(Row((Cell(t("word.total"), bold=True, colspan=2, align=Align.CENTER),
                     _key_total(ctx), f.group(agency, ctx.year),
                     spent, absorption), RowKind.TOTAL))
    header = (head(t("word.no"), t("word.goal_objective"), t("ch3.key_count"),
                   t("ch3.mean_goal_pct"), t("ch3.spent_rp"), t("ch3.absorption_pct")),)
    columns = (Column(1), Column(7), Column(2), Column(2, Align.RIGHT), Column(3, Align.RIGHT),
               Column(2, Align.RIGHT))
    return table(ctx.id("tabel-efektivitas"), t("ch3.effectiveness_caption", year=ctx.year),
                 columns, header, rows, (t("ch3.effectiveness_note"), *_not_key_note(ctx)))


def _absorption_chart(ctx: Context) -> Figure | None:
    if not ctx.options.charts:
        return None
    t, f = ctx.t, ctx.f
    lines = [line for line in ctx.m.budget if line.level == "program"]  # all, none left out
    if not any(line.absorption is not None for line in lines):
        return None
    threshold = ctx.plan.settings.absorption_threshold
    svg = charts.hbar([program_title(ctx, line.name) for line in lines],
                      [line.absorption for line in lines],
                      [f"{f.absorption(line.absorption)}%" if line.absorption is not None else ""
                       for line in lines],
                      ["#c62828" if below_threshold(line.absorption, ctx.plan.settings)
                       else None for line in lines],
                      threshold, t("chart.threshold", threshold=f.number(threshold)),
                      t("ch3.absorption_pct"), t("why.not_available"), f.number)
    caption = t("ch3.absorption_chart", year=ctx.year)
    return Figure(ctx.id("grafik-serapan-program"), caption, b"", alt=caption, svg=svg)


def efficiency(ctx: Context) -> list[Block]:
    t, f, m = ctx.t, ctx.f, ctx.m
    blocks: list[Block] = [Paragraph(spans(t("ch3.efficiency_p1")))]
    if not m.efficiency:
        blocks.append(Paragraph(spans(t("ch3.efficiency_none", year=ctx.year))))
        return blocks
    rows = []
    for number, e in enumerate(m.efficiency, start=1):
        group = m.group(e.code)
        rows.append(Row((Cell(f"{number}.", align=Align.CENTER),
                         Cell(_goal_label(ctx, ctx.plan.goal_by_code[e.code])),
                         _key_count(ctx, group),
                         f.percent_cell(e.achievement, f"group:{ctx.year}:{e.code}"),
                         f.percent_cell(e.absorption, f"absorption:{ctx.year}:{e.code}", absorption=True),
                         f.percent_cell(e.efficiency, f"efficiency:{ctx.year}:{e.code}"))))
    header = (head(t("word.no"), t("word.goal_objective"), t("ch3.key_count"),
                   t("ch3.mean_goal_pct"), t("ch3.absorption_pct"), t("ch3.efficiency_level")),)
    columns = (Column(1), Column(7), Column(2), Column(2, Align.RIGHT), Column(2, Align.RIGHT),
               Column(2, Align.RIGHT))
    shown = table(ctx.id("tabel-efisiensi"), t("ch3.efficiency_caption",
                                                 agency=ctx.plan.agency.name, year=ctx.year),
                  columns, header, rows)
    blocks += [Paragraph((Span(t("ch3.efficiency_intro")), Span("", ref=shown.id), Span(":")),),
               shown]
    for e in m.efficiency:
        blocks.append(Paragraph(spans(t("ch3.efficiency_sentence", goal=e.name,
                                        achievement=f.percent(e.achievement),
                                        absorption=f.absorption(e.absorption),
                                        efficiency=f.percent(e.efficiency)))))
    left = [g.name for g in ctx.plan.goals if g.code not in {e.code for e in m.efficiency}]
    if left:
        blocks.append(Paragraph(spans(t("ch3.efficiency_left", goals="; ".join(left)))))
    return blocks
