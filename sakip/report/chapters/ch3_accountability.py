"""Bab III Akuntabilitas Kinerja: scales, the year's IKU, the plan's years, groups, then per goal.

Sections 3.3 (per goal, :mod:`ch3_goals`) and 3.4–3.5 (money, :mod:`ch3_finance`) have their
own modules.
"""

from __future__ import annotations

from sakip.core.achievement import Why
from sakip.core.measure import GroupResult, Uncounted
from sakip.core.model import Scale
from sakip.core.numbers import HUNDRED
from sakip.report import charts, narrative
from sakip.report.chapters import ch3_finance, ch3_goals
from sakip.report.chapters.common import head, owner_text, owners
from sakip.report.context import Context
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Chapter,
    ChapterKind,
    Column,
    Figure,
    Paragraph,
    Row,
    RowKind,
    Section,
    Span,
    Table,
    spans,
    table,
)


def accountability(ctx: Context) -> Chapter:
    t, sp = ctx.t, ctx.plan.strategic_plan
    goals = tuple(ch3_goals.goal_section(ctx, index, goal)
                  for index, goal in enumerate(ctx.plan.goals, start=1))
    return Chapter("bab-3", ChapterKind.BODY, t("ch3.title"), t("chapter.label", n="III"),
                   blocks=tuple(_intro(ctx)), sections=(
        Section(ctx.id("capaian-tahun"), t("ch3.year", year=ctx.year), tuple(_year(ctx))),
        Section(ctx.id("capaian-renstra"), t("ch3.years", start=sp.start, end=sp.end),
                tuple(_years(ctx))),
        Section(ctx.id("analisis-sasaran"), t("ch3.analysis"), tuple(_groups(ctx)), goals),
        Section(ctx.id("akuntabilitas-keuangan"), t("ch3.finance"), tuple(ch3_finance.finance(ctx))),
        Section(ctx.id("efisiensi"), t("ch3.efficiency"), tuple(ch3_finance.efficiency(ctx))),
    ))


def _intro(ctx: Context) -> list[Block]:
    t, plan = ctx.t, ctx.plan
    predicate = plan.scale_by_code[plan.settings.predicate_scale]
    category = plan.scale_by_code[plan.settings.category_scale]
    first, second = _scale(ctx, predicate, "predicate"), _scale(ctx, category, "category")
    return [Paragraph(spans(t("ch3.intro_p1"))),
            Paragraph(spans(t("ch3.intro_p2", year=ctx.year))),
            Paragraph((Span(t("ch3.predicate_intro")), Span("", ref=first.id), Span(":")),), first,
            Paragraph((Span(t("ch3.category_intro", source=category.source or category.name)),
                       Span("", ref=second.id), Span(":")),), second,
            Paragraph(spans(t("ch3.rule", negative=_negative_rule(ctx))))]


def _negative_rule(ctx: Context) -> str:
    return "(2T − R) / T × 100" if ctx.plan.settings.negative_formula.value == "2t-r" \
        else "T / R × 100"


def _scale(ctx: Context, scale: Scale, kind: str) -> Table:
    t, f = ctx.t, ctx.f
    rows = [Row((Cell(f"{i}.", align=Align.CENTER), Cell(f.band_range(scale, band)),
                 Cell(f.band(band.label))))
            for i, band in enumerate(scale.bands, start=1)]
    header = (head(t("word.no"), t("ch3.range"), t(f"word.{kind}")),)
    notes = [t("ch3.scale_closed", closed=t(f"closed.{scale.closed.value}")),
             t("ch3.scale_name", name=scale.name)]
    if scale.source:
        notes.append(t("note.source", source=scale.source))
    return table(ctx.id(f"tabel-skala-{kind}"), t(f"ch3.{kind}_scale"),
                 (Column(1), Column(4), Column(4)), header, rows, tuple(notes))


# --------------------------------------------------------------------------- 3.1 the year


def _year(ctx: Context) -> list[Block]:
    t, f, m = ctx.t, ctx.f, ctx.m
    tabel = _iku_table(ctx)
    blocks: list[Block] = [
        Paragraph(spans(t("ch3.year_p1", agency=ctx.plan.agency.name, year=ctx.year))),
        Paragraph((Span(t("ch3.year_table_intro", year=ctx.year)), Span("", ref=tabel.id),
                   Span(t("word.below"))),), tabel]
    predicates, categories = _predicate_counts(ctx), _category_counts(ctx)
    blocks += [Paragraph((Span(t("ch3.counts_intro")), Span("", ref=predicates.id),
                          Span(t("word.and")), Span("", ref=categories.id), Span(".")),),
               predicates, categories]
    for label, count in m.predicate_counts:
        members = [r for r in ctx.key_results() if r.predicate == label]
        if members:
            listed = "; ".join(f"{r.indicator.name} ({f.percent(r.achievement)}%)"
                               if r.achievement is not None else r.indicator.name for r in members)
            blocks.append(Paragraph(spans(t("ch3.predicate_members", count=f.count(count),
                                            label=f.band_word(label), names=listed))))
    for code in m.uncounted:
        blocks.append(Paragraph(spans(narrative.indicator(ctx, m.result(code)))))
    agency = m.group(ctx.plan.agency.code)
    if agency.achievement is not None:
        blocks.append(Paragraph(spans(t("ch3.agency_mean", agency=ctx.plan.agency.name,
                                        year=ctx.year, achievement=f.percent(agency.achievement),
                                        count=f.count(agency.count),
                                        category=f.band_word(agency.category)))))
    return blocks


def _iku_table(ctx: Context) -> Table:
    """Tabel 3.3: every key indicator's target, realisation, achievement, predicate, category."""
    t, f = ctx.t, ctx.f
    rows: list[Row] = []
    number = 0
    for owner in owners(ctx):
        for i, r in enumerate(owner.results):
            number += 1
            cells = [Cell(f"{number}.", align=Align.CENTER)]
            if i == 0:
                cells.append(Cell(owner_text(ctx, owner), rowspan=len(owner.results)))
            cells += [f.name(r), Cell(r.indicator.unit or "–", align=Align.CENTER),
                      f.target(r.indicator, ctx.year), f.actual(r), f.achievement(r),
                      f.label(r.predicate), f.label(r.category)]
            rows.append(Row(tuple(cells)))
    header = (head(t("word.no"), t("word.goal_objective"), t("word.indicator"), t("word.unit"),
                   t("word.target"), t("word.actual"), t("word.achievement_pct"),
                   t("word.predicate"), t("word.category")),)
    columns = (Column(2, Align.CENTER), Column(7), Column(9), Column(4, Align.CENTER),
               Column(4, Align.RIGHT), Column(5, Align.RIGHT), Column(5, Align.RIGHT),
               Column(5, Align.CENTER), Column(5, Align.CENTER))
    return table(ctx.id("tabel-capaian-iku"), t("ch3.iku_caption", agency=ctx.plan.agency.name,
                                                  year=ctx.year), columns, header, rows,
                 (t("ch3.rule", negative=_negative_rule(ctx)),))


def _predicate_counts(ctx: Context) -> Table:
    t, f, m = ctx.t, ctx.f, ctx.m
    scale = ctx.plan.scale_by_code[ctx.plan.settings.predicate_scale]
    counts = dict(m.predicate_counts)
    rows = [Row((Cell(f.band_range(scale, band)), Cell(f.band(band.label)),
                 Cell(str(counts.get(band.label, 0)), value=None,
                      key=f"predicate_count:{ctx.year}:{band.label}")))
            for band in scale.bands]
    rows += _uncounted_rows(ctx, 2, m.predicate_uncounted)
    header = (head(t("ch3.range"), t("word.predicate"), t("ch3.indicator_count")),)
    return table(ctx.id("tabel-jumlah-predikat"), t("ch3.predicate_caption", year=ctx.year),
                 (Column(3), Column(4), Column(2, Align.CENTER)), header, rows)


def _category_counts(ctx: Context) -> Table:
    t, f, m = ctx.t, ctx.f, ctx.m
    scale = ctx.plan.scale_by_code[ctx.plan.settings.category_scale]
    counts = dict(m.category_counts)
    rows = [Row((Cell(f"{i}.", align=Align.CENTER), Cell(f.band(band.label)),
                 Cell(f.band_range(scale, band)),
                 Cell(str(counts.get(band.label, 0)), key=f"category_count:{ctx.year}:{band.label}")))
            for i, band in enumerate(scale.bands, start=1)]
    rows += _uncounted_rows(ctx, 3, m.category_uncounted)
    header = (head(t("word.no"), t("word.category"), t("ch3.range"), t("ch3.indicator_count")),)
    return table(ctx.id("tabel-jumlah-kategori"), t("ch3.category_caption", year=ctx.year),
                 (Column(1), Column(4), Column(3), Column(2, Align.CENTER)), header, rows)


_UNCOUNTED = (("data", "ch3.uncounted", "note.uncounted"),
              ("figure", "ch3.no_figure", "note.no_figure"),
              ("band", "ch3.outside", "note.outside"))
_NO_DATA = frozenset({Why.NO_ACTUAL, Why.NOT_AVAILABLE, Why.NO_TARGET})


def _reason(why: Why | None) -> str:
    if why in _NO_DATA:
        return "data"
    return "band" if why is Why.NO_BAND else "figure"


def _uncounted_rows(ctx: Context, span: int, uncounted: tuple[Uncounted, ...]) -> list[Row]:
    """The key indicators a scale does not count, by why: no data yet; an achievement that is no
    number (a qualitative target, a zero target …); an achievement in no band of the scale (a gap
    in it). Then the total of every key indicator."""
    t, m = ctx.t, ctx.m
    rows = []
    for reason, label, note in _UNCOUNTED:
        codes = [u.code for u in uncounted if _reason(u.why) == reason]
        if not codes:
            continue
        names = ", ".join(m.result(code).indicator.name for code in codes)
        rows.append(Row((Cell(t(label), colspan=span),
                         Cell(str(len(codes)), note=t(note, names=names)))))
    rows.append(Row((Cell(t("word.total"), bold=True, colspan=span, align=Align.CENTER),
                     Cell(str(len(m.key)), bold=True)), RowKind.TOTAL))
    return rows


# --------------------------------------------------------------------------- 3.2 the plan's years


def _years(ctx: Context) -> list[Block]:
    t = ctx.t
    tabel = _years_table(ctx)
    return [Paragraph((Span(t("ch3.years_p1", agency=ctx.plan.agency.name,
                                start=ctx.plan.strategic_plan.start, end=ctx.plan.strategic_plan.end)),
                       Span("", ref=tabel.id), Span(t("word.below"))),), tabel]


def _years_table(ctx: Context) -> Table:
    """Tabel 3.4: baseline, realisation and achievement of each key indicator, year by year."""
    t, f, sp = ctx.t, ctx.f, ctx.plan.strategic_plan
    years = sp.years
    rows: list[Row] = []
    for owner in owners(ctx):
        for i, r in enumerate(owner.results):
            cells = []
            if i == 0:
                cells.append(Cell(f"{owner.label}: {owner.name}", rowspan=len(owner.results)))
            baseline = r.indicator.baseline
            cells += [f.name(r), Cell(f.number(baseline.value) if baseline and baseline.value is not None
                                      else "–", value=baseline.value if baseline else None)]
            measured = [ctx.history[y].result(r.code) if y in ctx.history else None for y in years]
            cells += [f.actual(x) if x is not None else Cell("") for x in measured]
            cells += [f.achievement(x) if x is not None else Cell("") for x in measured]
            rows.append(Row(tuple(cells)))
    baseline_year = sp.baseline_year or sp.start - 1
    header = (
        (*(Cell(x, bold=True, align=Align.CENTER, rowspan=2) for x in (
            t("word.goal_objective"), t("word.indicator"), t("ch2.baseline", year=baseline_year))),
         Cell(t("word.actual"), bold=True, align=Align.CENTER, colspan=len(years)),
         Cell(t("word.achievement_pct"), bold=True, align=Align.CENTER, colspan=len(years))),
        head(*(str(y) for y in years), *(str(y) for y in years)),
    )
    columns = (Column(4), Column(5), Column(2, Align.RIGHT),
               *(Column(2, Align.RIGHT) for _ in years), *(Column(2, Align.RIGHT) for _ in years))
    return table(ctx.id("tabel-capaian-renstra"),
                 t("ch3.years_caption", agency=ctx.plan.agency.name, start=sp.start, end=sp.end),
                 columns, header, rows, (t("ch3.years_note", year=ctx.year),), landscape=True)


# --------------------------------------------------------------------------- 3.3 groups


def _group_rows(ctx: Context) -> list[tuple[str, GroupResult]]:
    """Tabel 3.9's rows: each goal over its own indicators, each objective over its own."""
    rows = []
    for index, goal in enumerate(ctx.plan.goals, start=1):
        own = ctx.m.own_group(goal.code)
        if own.indicators:
            rows.append((f"{ctx.t('word.goal_n', n=index)}: {goal.name}", own))
        objectives = ctx.plan.objectives_of(goal.code)
        for o_index, objective in enumerate(objectives, start=1):
            group = ctx.m.group(objective.code)
            n = f"{index}.{o_index}" if len(objectives) > 1 else str(index)
            if group.indicators:
                rows.append((f"{ctx.t('word.objective_n', n=n)}: {objective.name}", group))
    return rows


def _groups(ctx: Context) -> list[Block]:
    t, _f = ctx.t, ctx.f
    groups = _group_rows(ctx)
    means, matrix = _means_table(ctx, groups), _matrix_table(ctx, groups)
    blocks: list[Block] = [Paragraph(spans(t("ch3.analysis_p1", agency=ctx.plan.agency.name,
                                              year=ctx.year))),
                           Paragraph((Span(t("ch3.means_intro")), Span("", ref=means.id),
                                      Span(t("word.and")), Span("", ref=matrix.id), Span(".")),),
                           means, matrix]
    figure = _groups_chart(ctx, groups)
    if figure is not None:
        blocks.append(figure)
    return blocks


def _means_table(ctx: Context, groups: list[tuple[str, GroupResult]]) -> Table:
    t, f = ctx.t, ctx.f
    rows = [Row((Cell(f"{i}.", align=Align.CENTER), Cell(label),
                 Cell(str(len(g.indicators)), align=Align.CENTER), f.group(g, ctx.year),
                 f.label(g.predicate)))
            for i, (label, g) in enumerate(groups, start=1)]
    header = (head(t("word.no"), t("word.goal_objective"), t("ch3.indicator_count"),
                   t("ch3.mean_own_pct"), t("word.predicate")),)
    columns = (Column(1), Column(7), Column(2), Column(2, Align.RIGHT), Column(3, Align.CENTER))
    return table(ctx.id("tabel-rata-rata"), t("ch3.means_caption", agency=ctx.plan.agency.name,
                                               year=ctx.year), columns, header, rows,
                 (t("ch3.means_note"),))


def _matrix_table(ctx: Context, groups: list[tuple[str, GroupResult]]) -> Table:
    t, f = ctx.t, ctx.f
    scale = ctx.plan.scale_by_code[ctx.plan.settings.category_scale]
    rows = [Row((Cell(f"{i}.", align=Align.CENTER), Cell(label), f.group(g, ctx.year),
                 *(Cell("✓" if g.category == band.label else "", align=Align.CENTER)
                   for band in scale.bands)))
            for i, (label, g) in enumerate(groups, start=1)]
    header = (head(t("word.no"), t("word.goal_objective"), t("ch3.mean_own_pct"),
                   *(f"{f.band(band.label)}\n{f.band_range(scale, band)}" for band in scale.bands)),)
    columns = (Column(1), Column(6), Column(2, Align.RIGHT),
               *(Column(2, Align.CENTER) for _ in scale.bands))
    return table(ctx.id("tabel-kategori-sasaran"), t("ch3.matrix_caption", year=ctx.year),
                 columns, header, rows)


def _groups_chart(ctx: Context, groups: list[tuple[str, GroupResult]]) -> Figure | None:
    if not ctx.options.charts:
        return None
    shown = groups  # all, a group without an achievement drawn as a labelled gap
    if not any(g.achievement is not None for _, g in shown):
        return None
    t, f = ctx.t, ctx.f
    scale = ctx.plan.scale_by_code[ctx.plan.settings.category_scale]
    colors = {band.label: band.color for band in scale.bands}
    svg = charts.hbar([label for label, _ in shown], [g.achievement for _, g in shown],
                      [f"{f.percent(g.achievement)}%" if g.achievement is not None else ""
                       for _, g in shown],
                      [colors.get(g.category or "") for _, g in shown],
                      HUNDRED, t("chart.target_line"),
                      t("word.achievement_pct"), t("why.not_available"), f.number)
    return Figure(ctx.id("grafik-capaian-sasaran"), t("ch3.groups_chart", year=ctx.year), b"",
                  alt=t("ch3.groups_chart", year=ctx.year), svg=svg)
