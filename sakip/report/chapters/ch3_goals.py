"""Bab III, 3.3 per goal: its indicators against target, last year and the final target; charts,
supporting data, problems and solutions; its programs' indicators and activities' budgets."""

from __future__ import annotations

from decimal import Decimal

from sakip.core.enums import Level, NarrativeKind, Polarity
from sakip.core.measure import Change, IndicatorResult
from sakip.core.model import Goal, Program
from sakip.core.periods import Period, period_of, periodic
from sakip.report import charts, narrative
from sakip.report.chapters.common import Owner, head, owners
from sakip.report.chapters.projection import projections
from sakip.report.chapters.supporting import supporting_table, tables_about
from sakip.report.chapters.supporting_chart import supporting_chart
from sakip.report.context import Context
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Column,
    Figure,
    ListBlock,
    ListItem,
    Marker,
    Paragraph,
    Row,
    RowKind,
    Section,
    Span,
    Style,
    Table,
    spans,
    table,
)
from sakip.report.narrative import program_title

_KINDS = (NarrativeKind.ANALYSIS, NarrativeKind.PROBLEMS, NarrativeKind.SOLUTIONS,
          NarrativeKind.STRATEGIES)


def goal_section(ctx: Context, index: int, goal: Goal) -> Section:
    t = ctx.t
    objectives = ctx.plan.objectives_of(goal.code)
    members = owners(ctx, goal) or owners(ctx, goal, key_only=False)
    blocks: list[Block] = [Paragraph((Span(f"{t('word.goal_n', n=index)}: {goal.name}", bold=True),),
                                     Style.LEAD)]
    blocks += [Paragraph((Span(f"{t('word.objective_n', n=index)}: {o.name}", bold=True),), Style.LEAD)
               for o in objectives]
    results = [r for owner in members for r in owner.results]
    if not any(r.target is not None for r in results):
        blocks.append(Paragraph(spans(t("ch3.goal_no_data", year=ctx.year))))
    else:
        blocks += _results(ctx, index, goal, members)
    subjects = {goal.code, *(o.code for o in objectives), *(r.code for r in results)}
    blocks += _supporting(ctx, subjects)
    for kind in _KINDS:
        for subject in (goal.code, *(o.code for o in objectives)):
            blocks += narrative.entered(ctx.narratives(kind, subject))
    blocks += _causes(ctx, results)
    programs = [p for o in objectives for p in ctx.plan.programs_of(o.code)]
    if programs:
        blocks.append(Paragraph(spans(t("ch3.programs_intro", n=index))))
        for number, program in enumerate(programs, start=1):
            blocks += _program(ctx, number, program)
    return Section(ctx.id(f"tujuan-{goal.code}"), t("ch3.goal_section", n=index, name=goal.name),
                   tuple(blocks))


def _causes(ctx: Context, results: list[IndicatorResult]) -> list[Block]:
    """The causes recorded through the year (sakip.core.monitoring): each indicator's periods
    with their faktor penghambat and tindak lanjut, or faktor pendorong, as entered; a run of
    periods with the same causes is named once ("Triwulan I–IV")."""
    t = ctx.t
    items = []
    for r in results:
        runs: list[tuple[Period, Period, str]] = []
        for actual in periodic(r.indicator.actuals_of(ctx.year)):
            period = period_of(actual)
            said = "; ".join(f"{t(f'cause.{name}')}: {' '.join(value.split())}"
                             for name in ("obstacles", "follow_up", "drivers")
                             if (value := getattr(actual, name)))
            if period is None or not said:
                continue
            if runs and runs[-1][2] == said and runs[-1][1].follows(period):
                runs[-1] = (runs[-1][0], period, said)
            else:
                runs.append((period, period, said))
        if runs:
            notes = " ".join(f"{first.span(last, ctx.options.lang)}: {said.rstrip('.')}."
                             for first, last, said in runs)
            items.append(ListItem((Span(r.indicator.name, bold=True), Span(" — " + notes))))
    if not items:
        return []
    return [Paragraph(spans(t("ch3.causes_intro", year=ctx.year))),
            ListBlock(tuple(items), Marker.BULLET)]


def _results(ctx: Context, index: int, goal: Goal, members: list[Owner]) -> list[Block]:
    t, f, m = ctx.t, ctx.f, ctx.m
    results = [r for owner in members for r in owner.results]
    blocks: list[Block] = [Paragraph(spans(t("ch3.goal_intro", n=index, count=f.count(len(results)))))]
    blocks.append(ListBlock(tuple(ListItem((Span(r.indicator.name, bold=True), Span(t(
        "ch3.goal_indicator_target", year=ctx.year, target=f.target_text(r.indicator, r.target),
        unit=f" {r.indicator.unit}" if r.indicator.unit and r.indicator.unit != "%" else
        (r.indicator.unit or ""))))) for r in results), Marker.DECIMAL))
    subject = t("ch3.goal_subject", n=index)
    blocks.append(Paragraph(spans(narrative.group(ctx, m.group(goal.code), subject))))
    achieved = _achievement_table(ctx, index, goal, members)
    blocks += [achieved, ListBlock(tuple(ListItem(spans(narrative.indicator(ctx, r))) for r in results),
                                   Marker.BULLET)]
    codes = {r.code for r in results}
    changes = [c for c in m.changes if c.indicator in codes]
    if changes:
        compared = _change_table(ctx, index, changes)
        blocks += [Paragraph((Span(t("ch3.change_intro")), Span("", ref=compared.id), Span(":")),),
                   compared]
        blocks += [Paragraph(spans(s)) for s in (narrative.change(ctx, c) for c in changes) if s]
    finals = [x for x in m.final_targets if x.indicator in codes]
    if finals:
        progress = _final_table(ctx, index, members)
        blocks += [Paragraph((Span(t("ch3.final_intro", end=ctx.plan.strategic_plan.end)),
                              Span("", ref=progress.id), Span(":")),), progress]
        blocks += [Paragraph(spans(s)) for s in (narrative.final_target(ctx, x) for x in finals) if s]
        blocks += projections(ctx, [r.indicator for r in results])
    blocks += [chart for r in results if (chart := _trend(ctx, r.code)) is not None]
    return blocks


def _achievement_table(ctx: Context, index: int, goal: Goal, members: list[Owner]) -> Table:
    t, f = ctx.t, ctx.f
    rows: list[Row] = []
    number = 0
    for owner in members:
        word = t("word.goal") if owner.level is Level.GOAL else t("word.objective")
        rows.append(Row((Cell(f"{word}: {owner.name}", bold=True, colspan=7),), RowKind.GROUP))
        for r in owner.results:
            number += 1
            rows.append(Row((Cell(f"{number}.", align=Align.CENTER), f.name(r),
                             Cell(r.indicator.unit or "–", align=Align.CENTER),
                             f.target(r.indicator, ctx.year), f.actual(r), f.achievement(r),
                             f.label(r.category))))
    rows.append(Row((Cell(t("ch3.goal_mean"), bold=True, colspan=5, align=Align.CENTER),
                     f.group(ctx.m.group(goal.code), ctx.year), f.label(ctx.m.group(goal.code).category)),
                    RowKind.TOTAL))
    header = (head(t("word.no"), t("word.indicator"), t("word.unit"), t("word.target"),
                   t("word.actual"), t("word.achievement_pct"), t("word.category")),)
    columns = (Column(1), Column(7), Column(2, Align.CENTER), Column(2, Align.RIGHT),
               Column(2, Align.RIGHT), Column(2, Align.RIGHT), Column(2, Align.CENTER))
    return table(ctx.id(f"tabel-capaian-tujuan-{goal.code}"),
                 t("ch3.goal_caption", n=index, year=ctx.year), columns, header, rows)


def _change_table(ctx: Context, index: int, changes: list[Change]) -> Table:
    t, f = ctx.t, ctx.f
    rows = []
    for number, c in enumerate(changes, start=1):
        r = ctx.m.result(c.indicator)
        note = t("note.no_previous", year=ctx.year - 1) if c.previous is None else None
        remark = t(f"direction.{c.direction}").capitalize() if c.direction else "–"
        if r.indicator.polarity is Polarity.NEGATIVE:  # "Membaik; negatif (makin rendah …)"
            remark += "; " + t("polarity.negative")[:1].lower() + t("polarity.negative")[1:]
        rows.append(Row((Cell(f"{number}.", align=Align.CENTER), f.name(r),
                         Cell(r.indicator.unit or "–", align=Align.CENTER),
                         Cell(f.number(c.previous), value=c.previous, note=note),
                         Cell(f.number(c.current), value=c.current, key=f"actual:{ctx.year}:{r.code}"),
                         Cell(f.number(c.difference), value=c.difference,
                              key=f"change:{ctx.year}:{r.code}"),
                         Cell(remark, align=Align.CENTER))))
    header = (head(t("word.no"), t("word.indicator"), t("word.unit"),
                   t("ch3.actual_year", year=ctx.year - 1), t("ch3.actual_year", year=ctx.year),
                   t("ch3.difference"), t("word.remark")),)
    columns = (Column(1), Column(6), Column(2, Align.CENTER), Column(2, Align.RIGHT),
               Column(2, Align.RIGHT), Column(2, Align.RIGHT), Column(3, Align.CENTER))
    return table(ctx.id(f"tabel-perbandingan-{index}"), t("ch3.change_caption", n=index), columns,
                 header, rows)


def _final_table(ctx: Context, index: int, members: list[Owner]) -> Table:
    t, f, m = ctx.t, ctx.f, ctx.m
    final = {x.indicator: x for x in m.final_targets}
    previous = {c.indicator: c.previous for c in m.changes}
    rows = []
    for number, r in enumerate((r for o in members for r in o.results), start=1):
        x = final[r.code]
        rows.append(Row((Cell(f"{number}.", align=Align.CENTER), f.name(r),
                         Cell(f.number(previous.get(r.code)), value=previous.get(r.code)),
                         f.target(r.indicator, ctx.year), f.actual(r), f.achievement(r),
                         Cell(f.target_number(r.indicator, x.target), value=x.target,
                              note=None if x.target is not None else t("note.no_final_target")),
                         Cell(f.percent(x.achievement), value=x.achievement,
                              key=f"final:{ctx.year}:{r.code}",
                              note=None if x.achievement is not None else f.why(r)))))
    end = ctx.plan.strategic_plan.end
    header = (head(t("word.no"), t("word.indicator"), t("ch3.actual_year", year=ctx.year - 1),
                   t("ch3.target_year", year=ctx.year), t("ch3.actual_year", year=ctx.year),
                   t("word.achievement_pct"), t("ch3.final_target", year=end),
                   t("ch3.final_achievement", year=ctx.year, end=end)),)
    columns = (Column(1), Column(6), Column(2, Align.RIGHT), Column(2, Align.RIGHT),
               Column(2, Align.RIGHT), Column(2, Align.RIGHT), Column(2, Align.RIGHT),
               Column(3, Align.RIGHT))
    return table(ctx.id(f"tabel-target-akhir-{index}"), t("ch3.final_caption", n=index, end=end),
                 columns, header, rows)


def _trend(ctx: Context, code: str) -> Figure | None:
    """Realisation of one key indicator over the baseline and the plan's years so far."""
    if not ctx.options.charts:
        return None
    t, f = ctx.t, ctx.f
    indicator = ctx.plan.indicator_by_code[code]
    years: list[int] = []
    actual: list[Decimal | None] = []
    target: list[Decimal | None] = []
    if indicator.baseline is not None and indicator.baseline.value is not None:
        years.append(indicator.baseline.year)
        actual.append(indicator.baseline.value)
        target.append(None)
    for year, m in ctx.history.items():
        years.append(year)
        actual.append(m.result(code).actual)
        found = indicator.target(year)
        target.append(found.value if found is not None else None)
    if sum(1 for a in actual if a is not None) < 1:
        return None
    svg = charts.trend(years, actual, [f.number(a) for a in actual], target,
                       t("word.actual"), t("word.target"), indicator.unit or "",
                       t("why.not_available"), f.number, Decimal(13))
    caption = t("ch3.trend_caption", name=indicator.name, start=years[0], end=ctx.year)
    return Figure(ctx.id(f"grafik-{code}"), caption, b"", Decimal(13), alt=caption, svg=svg)


def _supporting(ctx: Context, subjects: set[str]) -> list[Block]:
    blocks: list[Block] = []
    for data in tables_about(ctx, set(subjects)):
        shown = supporting_table(ctx, data)
        blocks += [Paragraph((Span(ctx.t("ch3.supporting_intro")), Span("", ref=shown.id),
                              Span(":")),), shown]
        figure = supporting_chart(ctx, data) if ctx.options.charts else None
        if figure is not None:
            blocks.append(figure)
    return blocks


def _program(ctx: Context, number: int, program: Program) -> list[Block]:
    t, _f, m = ctx.t, ctx.f, ctx.m
    title = program_title(ctx, program.name)
    blocks: list[Block] = [Paragraph((Span(f"{number}. {title}", bold=True),), Style.LEAD)]
    indicators = ctx.plan.indicators_of(program.code, Level.PROGRAM)
    results = [m.result(i.code) for i in indicators]
    if indicators:
        blocks.append(Paragraph(spans(t("ch3.program_indicators", program=title,
                                        names="; ".join(i.name for i in indicators)))))
    if any(r.target is not None for r in results):
        shown = _program_table(ctx, program, title, results)
        blocks += [Paragraph((Span(t("ch3.program_table_intro", program=title)),
                              Span("", ref=shown.id), Span(":")),), shown,
                   ListBlock(tuple(ListItem(spans(narrative.indicator(ctx, r))) for r in results),
                             Marker.BULLET)]
    elif indicators:
        blocks.append(Paragraph(spans(t("ch3.program_no_targets", year=ctx.year))))
    for kind in _KINDS:
        blocks += narrative.entered(ctx.narratives(kind, program.code))
    below = [m.result(i.code) for a in ctx.plan.activities if a.program == program.code
             for i in ctx.plan.indicators_of(a.code, Level.ACTIVITY)]
    blocks += _causes(ctx, results + below)
    line = m.budget_line(program.code)
    blocks.append(Paragraph(spans(narrative.program_budget(ctx, program, line))))
    low = {a.activity: a for a in m.low_absorption}
    activities = ctx.plan.activities_of(program.code)
    if line.ceiling is None:
        if activities:
            blocks.append(ListBlock(tuple(ListItem(spans(a.name)) for a in activities), Marker.PAREN))
        return blocks
    items = tuple(ListItem(spans(" ".join(narrative.activity(ctx, a, m.budget_line(a.code),
                                                               low.get(a.code)))))
                  for a in activities)
    if items:
        blocks.append(ListBlock(items, Marker.PAREN))
    return blocks


def _program_table(ctx: Context, program: Program, title: str,
                   results: list[IndicatorResult]) -> Table:
    t, f = ctx.t, ctx.f
    rows = [Row((Cell(f"{n}.", align=Align.CENTER), f.name(r),
                 Cell(r.indicator.unit or "–", align=Align.CENTER), f.target(r.indicator, ctx.year),
                 f.actual(r), f.achievement(r), f.label(r.category)))
            for n, r in enumerate(results, start=1)]
    header = (head(t("word.no"), t("word.indicator"), t("word.unit"), t("word.target"),
                   t("word.actual"), t("word.achievement_pct"), t("word.category")),)
    columns = (Column(1), Column(7), Column(2, Align.CENTER), Column(2, Align.RIGHT),
               Column(2, Align.RIGHT), Column(2, Align.RIGHT), Column(2, Align.CENTER))
    return table(ctx.id(f"tabel-program-{program.code}"),
                 t("ch3.program_caption", program=title, year=ctx.year), columns, header, rows)
