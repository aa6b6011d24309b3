"""Lampiran: PK form, RKT, Pengukuran Kinerja Kegiatan, Pengukuran Pencapaian Sasaran, and the
physical and financial realisation of every activity."""

from __future__ import annotations

from sakip.core.enums import Level
from sakip.core.model import Activity, Program
from sakip.report.chapters.annex_agreement import agreement_form
from sakip.report.chapters.annex_definitions import definitions
from sakip.report.chapters.annex_sources import SOURCES_ID, sources_annex
from sakip.report.chapters.annex_sources import title as sources_title
from sakip.report.chapters.annex_tree import TREE_ID, tree_annex
from sakip.report.chapters.ch2_agreement import PK_ID, RKT_ID
from sakip.report.chapters.common import head, owner_text, owners
from sakip.report.chapters.foreword import head_signatory
from sakip.report.context import Context
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Chapter,
    ChapterKind,
    Column,
    Row,
    RowKind,
    Section,
    SignatureBlock,
    Table,
    table,
)
from sakip.report.narrative import program_title


def annexes(ctx: Context) -> Chapter:
    t, y = ctx.t, ctx.year
    parts: tuple[tuple[str, str, list[Block]], ...] = (
        (PK_ID, t("annex.pk", year=y), agreement_form(ctx)),
        (RKT_ID, t("annex.rkt", year=y), [_rkt_goals(ctx), _rkt_programs(ctx), _signed(ctx)]),
        ("lampiran-pkk", t("annex.pkk", year=y), [_pkk(ctx), _signed(ctx)]),
        ("lampiran-pps", t("annex.pps", year=y), [_pps(ctx), _signed(ctx)]),
        ("lampiran-realisasi", t("annex.physical", year=y), [_physical(ctx)]),
        (TREE_ID, t("tree.annex", year=y), tree_annex(ctx)),
        (SOURCES_ID, sources_title(ctx), sources_annex(ctx)),
        ("lampiran-manual-indikator", t("annex.definitions"), definitions(ctx)),
    )
    sections = [Section(id, t("annex.numbered", n=index, title=title), tuple(blocks),
                        new_page=index > 1)
                for index, (id, title, blocks) in enumerate(parts, start=1)]
    return Chapter("lampiran", ChapterKind.ANNEX, t("annex.title"), prefix="L",
                   number_sections=False, sections=tuple(sections))


def _signed(ctx: Context) -> SignatureBlock:
    """The head's signature under a form that has one (RKT, the measurement forms of
    PermenPAN-RB 53/2014): place, date (a line to write on unless given) and the head."""
    return SignatureBlock((head_signatory(ctx),), f"{ctx.place}, {ctx.date_text}")


def _rkt_goals(ctx: Context) -> Table:
    """RKT, first part: the year's target of every goal and objective indicator."""
    t, f = ctx.t, ctx.f
    rows: list[Row] = []
    for owner in owners(ctx, key_only=False):
        for i, r in enumerate(owner.results):
            cells = [Cell(owner_text(ctx, owner), rowspan=len(owner.results))] if i == 0 else []
            cells += [f.name(r), Cell(r.indicator.unit or "–", align=Align.CENTER),
                      f.target(r.indicator, ctx.year, key=f"target:{ctx.year}:{r.code}")]
            rows.append(Row(tuple(cells)))
    header = (head(t("word.goal_objective"), t("word.indicator"), t("word.unit"), t("word.target")),)
    return table(ctx.id("tabel-rkt-sasaran"), t("annex.rkt_goals", year=ctx.year),
                 (Column(5), Column(6), Column(2, Align.CENTER), Column(2, Align.RIGHT)), header, rows)


def _rkt_programs(ctx: Context) -> Table:
    """RKT, second part: programs and activities with their indicators, targets and ceilings."""
    t, f, m = ctx.t, ctx.f, ctx.m
    rows: list[Row] = []
    for program in ctx.plan.programs:
        rows += _indicator_rows(ctx, program_title(ctx, program.name), program.code, Level.PROGRAM,
                                [f.money_cell(m.budget_line(program.code).ceiling,
                                              f"ceiling:{ctx.year}:{program.code}")], bold=True)
        for activity in _activities(ctx, program):
            rows += _indicator_rows(ctx, _name(activity), activity.code, Level.ACTIVITY,
                                    [f.money_cell(m.budget_line(activity.code).ceiling,
                                                  f"ceiling:{ctx.year}:{activity.code}")])
    header = (head(t("annex.program_activity"), t("word.indicator"), t("word.target"),
                   t("ch2.ceiling_rp")),)
    return table(ctx.id("tabel-rkt-program"), t("annex.rkt_programs", year=ctx.year),
                 (Column(6), Column(6), Column(2, Align.RIGHT), Column(3, Align.RIGHT)), header,
                 rows, landscape=False)


def _indicator_rows(ctx: Context, name: str, code: str, level: Level, tail: list[Cell],
                    bold: bool = False, measured: bool = False) -> list[Row]:
    """One row per indicator of a program or activity; its name and ``tail`` span them all."""
    f = ctx.f
    indicators = ctx.plan.indicators_of(code, level) or (None,)
    rows = []
    for i, indicator in enumerate(indicators):
        cells: list[Cell] = []
        if i == 0:
            cells.append(Cell(name, bold=bold, rowspan=len(indicators)))
        if indicator is None:
            cells += [Cell("–"), Cell("–")] + ([Cell("–"), Cell("–")] if measured else [])
        else:
            r = ctx.m.result(indicator.code)
            cells += [f.name(r), f.target(indicator, ctx.year)]
            if measured:
                cells += [f.actual(r), f.achievement(r)]
        if i == 0:
            cells += [Cell(c.text, c.value, c.key, c.note, c.marker, rowspan=len(indicators),
                           bold=bold, align=c.align) for c in tail]
        rows.append(Row(tuple(cells), RowKind.BODY))
    return rows


def _pkk(ctx: Context) -> Table:
    """Pengukuran Kinerja Kegiatan: each program and activity, its indicators and its budget."""
    t, _f, _m = ctx.t, ctx.f, ctx.m
    rows: list[Row] = []
    for program in ctx.plan.programs:
        rows += _measured(ctx, program, None)
        for activity in _activities(ctx, program):
            rows += _measured(ctx, program, activity)
    header = (head(t("annex.program_activity"), t("word.indicator"), t("word.target"),
                   t("word.actual"), t("word.achievement_pct"), t("ch2.ceiling_rp"),
                   t("ch3.spent_rp"), t("ch3.absorption_pct")),)
    columns = (Column(5), Column(6), Column(2, Align.RIGHT), Column(2, Align.RIGHT),
               Column(2, Align.RIGHT), Column(3, Align.RIGHT), Column(3, Align.RIGHT),
               Column(2, Align.RIGHT))
    return table(ctx.id("tabel-pkk"), t("annex.pkk", year=ctx.year), columns, header, rows,
                 landscape=True)


def _measured(ctx: Context, program: Program, activity: Activity | None) -> list[Row]:
    line = ctx.m.budget_line(activity.code if activity else program.code)
    name = _name(activity) if activity else program_title(ctx, program.name)
    level = Level.ACTIVITY if activity else Level.PROGRAM
    return _indicator_rows(ctx, name, line.code, level, list(ctx.f.budget(line, ctx.year)),
                           bold=activity is None, measured=True)


def _pps(ctx: Context) -> Table:
    """Pengukuran Pencapaian Sasaran: every goal and objective indicator, measured."""
    t, f = ctx.t, ctx.f
    rows: list[Row] = []
    for owner in owners(ctx, key_only=False):
        for i, r in enumerate(owner.results):
            cells = [Cell(owner_text(ctx, owner), rowspan=len(owner.results))] if i == 0 else []
            cells += [f.name(r), f.target(r.indicator, ctx.year), f.actual(r), f.achievement(r),
                      f.label(r.predicate), f.label(r.category)]
            rows.append(Row(tuple(cells)))
    header = (head(t("word.goal_objective"), t("word.indicator"), t("word.target"), t("word.actual"),
                   t("word.achievement_pct"), t("word.predicate"), t("word.category")),)
    columns = (Column(5), Column(6), Column(2, Align.RIGHT), Column(2, Align.RIGHT),
               Column(2, Align.RIGHT), Column(3, Align.CENTER), Column(3, Align.CENTER))
    return table(ctx.id("tabel-pps"), t("annex.pps", year=ctx.year), columns, header, rows,
                 landscape=True)


def _physical(ctx: Context) -> Table:
    """Realisasi fisik dan keuangan of every activity; programs and the agency in total."""
    t, f, m = ctx.t, ctx.f, ctx.m
    physical = {b.activity: b.physical for b in ctx.plan.budgets_of(ctx.year)}
    rows: list[Row] = []
    for program in ctx.plan.programs:
        line = m.budget_line(program.code)
        rows.append(Row((Cell(program_title(ctx, program.name), bold=True), *f.budget(line, ctx.year),
                         Cell("")), RowKind.GROUP))
        for activity in _activities(ctx, program):
            value = physical.get(activity.code)
            rows.append(Row((Cell(_name(activity)), *f.budget(m.budget_line(activity.code), ctx.year),
                             Cell(f.number(value), value=value,
                                  note=None if value is not None else t("note.no_physical")))))
    agency = m.budget_line(ctx.plan.agency.code)
    rows.append(Row((Cell(t("word.total"), bold=True, align=Align.CENTER),
                     *f.budget(agency, ctx.year), Cell("")), RowKind.TOTAL))
    header = (head(t("annex.program_activity"), t("ch2.ceiling_rp"), t("annex.financial_rp"),
                   t("annex.financial_pct"), t("annex.physical_pct")),)
    columns = (Column(8), Column(3, Align.RIGHT), Column(3, Align.RIGHT), Column(2, Align.RIGHT),
               Column(2, Align.RIGHT))
    return table(ctx.id("tabel-realisasi-fisik"), t("annex.physical", year=ctx.year), columns,
                 header, rows)


def _activities(ctx: Context, program: Program) -> list[Activity]:
    """A program's activities, each followed by its sub-activities (their budget lines)."""
    result: list[Activity] = []
    for activity in ctx.plan.activities_of(program.code):
        result.append(activity)
        result += [a for a in ctx.plan.activities if a.parent == activity.code]
    return result


def _name(activity: Activity) -> str:
    """An activity's name; a sub-activity's is marked as one under the activity above it."""
    return f"– {activity.name}" if activity.parent is not None else activity.name
