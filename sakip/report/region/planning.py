"""Bab II Perencanaan Kinerja of the LKjIP Pemda: the RPJMD's tujuan and sasaran with the IKU
Pemda and their targets, how each IKU Pemda is measured, and the year's Perjanjian Kinerja of
the head of the region (the IKU Pemda with the year's targets)."""

from __future__ import annotations

from sakip.core.enums import Level
from sakip.core.model import Indicator
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Chapter,
    ChapterKind,
    Column,
    Paragraph,
    Row,
    RowKind,
    Section,
    Table,
    spans,
    table,
)
from sakip.report.region.scope import Scope, head


def planning(scope: Scope) -> Chapter:
    ctx = scope.ctx
    t = ctx.t
    return Chapter("bab-2", ChapterKind.BODY, t("region.ch2_title"), t("chapter.label", n="II"),
                   sections=(
                       Section(ctx.id("rpjmd"), t("region.rpjmd"), tuple(_rpjmd(scope))),
                       Section(ctx.id("iku-pemda"), t("region.iku"), tuple(_iku(scope))),
                       Section(ctx.id("pk-kepala-daerah"), t("region.agreement"),
                               tuple(_agreement(scope))),
                   ))


def owners(scope: Scope) -> list[tuple[str, str, tuple[Indicator, ...], Level]]:
    """Tujuan and sasaran daerah in RPJMD order — (label, name, IKU Pemda, level) — with
    every IKU Pemda of each."""
    t, plan = scope.ctx.t, scope.rm.plan
    found = []
    for g_index, goal in enumerate(plan.goals, start=1):
        found.append((t("word.goal_n", n=g_index), goal.name,
                      plan.indicators_of(goal.code, Level.GOAL), Level.GOAL))
        for o_index, objective in enumerate(plan.objectives_of(goal.code), start=1):
            found.append((t("word.objective_n", n=f"{g_index}.{o_index}"), objective.name,
                          plan.indicators_of(objective.code, Level.OBJECTIVE), Level.OBJECTIVE))
    return found


def _rpjmd(scope: Scope) -> list[Block]:
    ctx = scope.ctx
    t, f = ctx.t, ctx.f
    years = ctx.plan.strategic_plan.years
    rows: list[Row] = []
    for label, name, indicators, _level in owners(scope):
        rows.append(Row((Cell(f"{label}: {name}", colspan=3 + len(years), bold=True),),
                        RowKind.GROUP))
        if not indicators:
            rows.append(Row((Cell(t("region.no_iku"), colspan=3 + len(years)),)))
        for indicator in indicators:
            rows.append(Row((Cell(indicator.code), Cell(indicator.name),
                             Cell(indicator.unit or "–", align=Align.CENTER),
                             *(f.target(indicator, year) for year in years))))
    caption = t("region.rpjmd_caption", region=scope.region.name,
                period=f"{ctx.plan.strategic_plan.start}–{ctx.plan.strategic_plan.end}")
    columns = (Column(2), Column(8), Column(2, Align.CENTER),
               *(Column(2, Align.RIGHT) for _ in years))
    header = head(t("region.code"), t("word.indicator"), t("word.unit"),
                  *(str(year) for year in years))
    return [Paragraph(spans(t("region.rpjmd_intro", region=scope.region.name,
                              goals=f.count(len(ctx.plan.goals)),
                              objectives=f.count(len(ctx.plan.objectives)),
                              count=f.count(len(ctx.plan.indicators))))),
            table(ctx.id("tabel-rpjmd"), caption, columns, (header,), rows,
                  landscape=len(years) > 5)]


def how_measured(scope: Scope, indicator: Indicator) -> str:
    """Where an IKU Pemda's realisation comes from, in words."""
    t = scope.ctx.t
    if indicator.formula:
        return t("region.derived_from", formula=indicator.formula)
    return indicator.definition or indicator.data_source or t("region.from_region")


def _iku(scope: Scope) -> list[Block]:
    ctx = scope.ctx
    t = ctx.t
    rows = [Row((Cell(i.code), Cell(i.name), Cell(i.unit or "–", align=Align.CENTER),
                 Cell(t(f"polarity.{i.polarity.value}")), Cell(how_measured(scope, i))))
            for i in ctx.plan.indicators]
    if not rows:
        return [Paragraph(spans(t("region.no_iku")))]
    return [Paragraph(spans(t("region.iku_intro"))),
            table(ctx.id("tabel-iku-pemda"), t("region.iku_caption", region=scope.region.name),
                  (Column(2), Column(7), Column(2, Align.CENTER), Column(4), Column(8)),
                  (head(t("region.code"), t("word.indicator"), t("word.unit"),
                        t("region.polarity"), t("region.measured_how")),), rows)]


def _agreement(scope: Scope) -> list[Block]:
    t, year = scope.ctx.t, scope.ctx.year
    agreement = agreement_table(scope, "tabel-pk-kepala-daerah")
    return [Paragraph(spans(t("region.agreement_intro", head=scope.head_title, year=year))),
            *([agreement] if agreement is not None else [])]


def agreement_table(scope: Scope, id_: str, notes: tuple[str, ...] = ()) -> Table | None:
    """The Perjanjian Kinerja of the head of the region: every IKU Pemda with the year's target,
    under its tujuan or sasaran daerah (Bab II and Lampiran 1); None without IKU Pemda."""
    ctx = scope.ctx
    t, f = ctx.t, ctx.f
    rows: list[Row] = []
    for label, name, indicators, _level in owners(scope):
        for index, indicator in enumerate(indicators):
            first = Cell(f"{label}: {name}", rowspan=len(indicators)) if index == 0 else None
            cells = (first,) if first is not None else ()
            rows.append(Row((*cells, Cell(indicator.name),
                             f.target(indicator, ctx.year, f"target:{ctx.year}:{indicator.code}"),
                             Cell(indicator.unit or "–", align=Align.CENTER))))
    if not rows:
        return None
    return table(ctx.id(id_), t("region.agreement_caption", head=scope.head_title, year=ctx.year),
                 (Column(6), Column(7), Column(2, Align.RIGHT), Column(2, Align.CENTER)),
                 (head(t("region.goal_objective"), t("word.indicator"), t("word.target"),
                       t("word.unit")),), rows, notes=notes)
