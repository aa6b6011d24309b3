"""Bab II, sections 2.3–2.6: key indicators and their targets, RKT, PK with its amendment, budget."""

from __future__ import annotations

from sakip.core.enums import AgreementKind, Level, Polarity, SpendingKind
from sakip.core.formula_words import indicator_formula_words
from sakip.core.model import AgreementItem, AgreementVersion
from sakip.report.chapters.common import head, owner_text, owners
from sakip.report.context import Context
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Column,
    ListBlock,
    ListItem,
    Marker,
    Paragraph,
    Row,
    RowKind,
    Span,
    Table,
    spans,
    table,
)

RKT_ID = "lampiran-rkt"
PK_ID = "lampiran-pk"


def key_indicators(ctx: Context) -> list[Block]:
    t, f, plan = ctx.t, ctx.f, ctx.plan
    blocks: list[Block] = [Paragraph(spans(t("ch2.iku_p1", agency=plan.agency.name)))]
    revisions = [r for r in plan.strategic_plan.revisions if r.subject == "iku"]
    if revisions:
        blocks.append(Paragraph(spans(t("ch2.iku_revisions"))))
        blocks.append(ListBlock(tuple(
            ListItem(spans(f"{f.date(r.date)}: {r.note or r.reference or t('word.iku_set')}"))
            for r in revisions), Marker.BULLET))
    targets, definitions = _targets_table(ctx), _definitions_table(ctx)
    blocks += [Paragraph((Span(t("ch2.iku_table_intro")), Span("", ref=targets.id),
                          Span(t("word.and")), Span("", ref=definitions.id), Span(".")),),
               targets, definitions]
    return blocks


def _targets_table(ctx: Context) -> Table:
    """Tabel 2.3: every key indicator's baseline and targets over the plan's years."""
    t, f, plan = ctx.t, ctx.f, ctx.plan
    sp = plan.strategic_plan
    years = sp.years
    baseline_year = sp.baseline_year or sp.start - 1
    rows: list[Row] = []
    number = 0
    for owner in owners(ctx):
        for i, r in enumerate(owner.results):
            number += 1
            indicator = r.indicator
            cells = [Cell(f"{number}.", align=Align.CENTER)]
            if i == 0:
                cells.append(Cell(owner_text(ctx, owner), rowspan=len(owner.results)))
            baseline = indicator.baseline
            cells += [f.name(r), Cell(indicator.unit or "–", align=Align.CENTER),
                      Cell(f.number(baseline.value) if baseline and baseline.value is not None
                           else (baseline.text if baseline and baseline.text else "–"),
                           value=baseline.value if baseline else None,
                           note=None if baseline else t("note.no_baseline"))]
            cells += [f.target(indicator, y, key=f"target:{y}:{indicator.code}") for y in years]
            rows.append(Row(tuple(cells)))
    header = (
        (*head(t("word.no"), t("word.goal_objective"), t("word.indicator"), t("word.unit")),
         Cell(t("ch2.baseline", year=baseline_year), bold=True, align=Align.CENTER, rowspan=2),
         Cell(t("ch2.target_years"), bold=True, align=Align.CENTER, colspan=len(years))),
        head(*(str(y) for y in years)),
    )
    header = (tuple(Cell(c.text, bold=True, align=Align.CENTER, rowspan=2) if i < 4 else c
                    for i, c in enumerate(header[0])), header[1])
    columns = (Column(1, Align.CENTER), Column(5), Column(6), Column(2, Align.CENTER),
               Column(2, Align.RIGHT), *(Column(2, Align.RIGHT) for _ in years))
    return table(ctx.id("tabel-iku"), t("ch2.iku_caption", agency=plan.agency.name,
                                         start=sp.start, end=sp.end),
                 columns, header, rows, landscape=len(years) > 4)


def _definitions_table(ctx: Context) -> Table:
    t = ctx.t
    rows = []
    for number, r in enumerate(ctx.key_results(), start=1):
        indicator = r.indicator
        definition = " ".join((indicator.definition or "").split())
        if indicator.formula:
            words = indicator_formula_words(ctx.plan, indicator, t.lang)  # names, not codes
            formula = t("ch2.formula", formula=words)
            definition = f"{definition}\n{formula}" if definition else formula
        polarity = t(f"polarity.{indicator.polarity.value}")
        if indicator.polarity is Polarity.NEGATIVE:
            polarity = f"{polarity}\n({ctx.f.rule(r)})"
        rows.append(Row((Cell(f"{number}.", align=Align.CENTER), Cell(indicator.name),
                         Cell(definition or "–", note=None if definition else t("note.no_definition")),
                         Cell(indicator.data_source or "–"), Cell(polarity, align=Align.CENTER))))
    header = (head(t("word.no"), t("word.indicator"), t("ch2.definition"), t("ch2.source"),
                   t("ch2.polarity")),)
    columns = (Column(1), Column(4), Column(8), Column(3), Column(3))
    return table(ctx.id("tabel-definisi-iku"), t("ch2.definitions_caption"), columns, header, rows)


def annual_plan(ctx: Context) -> list[Block]:
    return [Paragraph((Span(ctx.t("ch2.rkt_p1", year=ctx.year)), Span("", ref=RKT_ID),
                       Span(".")),)]


def agreement(ctx: Context) -> list[Block]:
    t, _f, plan = ctx.t, ctx.f, ctx.plan
    version = plan.agreement(ctx.year)
    blocks: list[Block] = [Paragraph(spans(t("ch2.pk_p1", agency=plan.agency.name, year=ctx.year)))]
    if version is None:
        blocks.append(Paragraph(spans(t("ch2.pk_missing", year=ctx.year))))
        return blocks
    blocks += [Paragraph(spans(sentence)) for sentence in _versions(ctx, version)]
    pk = agreement_table(ctx, version)
    blocks += [Paragraph((Span(t("ch2.pk_table_intro")), Span("", ref=pk.id), Span(t("word.and")),
                          Span("", ref=PK_ID), Span(".")),), pk]
    return blocks


def _versions(ctx: Context, version: AgreementVersion) -> list[str]:
    """When each version was signed and what the amendment changed."""
    t, f = ctx.t, ctx.f
    versions = sorted((a for a in ctx.plan.agreements if a.year == ctx.year), key=lambda a: a.number)
    sentences = []
    for v in versions:
        kind = t("ch2.pk_original") if v.kind is AgreementKind.ORIGINAL else t("ch2.pk_amendment")
        text = (t("ch2.pk_signed", kind=kind, year=ctx.year, date=f.date(v.signed)) if v.signed
                else t("ch2.pk_signed_undated", kind=kind, year=ctx.year))
        if v.reason:
            text += " " + t("ch2.pk_reason", reason=v.reason.rstrip("."))
        sentences.append(text)
    if version.kind is AgreementKind.AMENDMENT and len(versions) > 1:
        sentences.append(_changes(ctx, versions[-2], version))
    return sentences


def _changes(ctx: Context, before: AgreementVersion, after: AgreementVersion) -> str:
    t = ctx.t
    if not before.items:
        return t("ch2.pk_changes_unknown")
    old = {i.indicator: i for i in before.items}
    new = {i.indicator: i for i in after.items}
    name = {i.code: i.name for i in ctx.plan.indicators}
    changes = []
    for code, item in new.items():
        if code not in old:
            changes.append(t("ch2.pk_added", name=name.get(code, code)))
        elif (old[code].target, old[code].target_text) != (item.target, item.target_text):
            changes.append(t("ch2.pk_changed", name=name.get(code, code),
                             old=_pk_target(ctx, old[code]), new=_pk_target(ctx, item)))
    changes += [t("ch2.pk_removed", name=name.get(code, code)) for code in old if code not in new]
    if not changes:
        return t("ch2.pk_no_changes")
    return t("ch2.pk_changes", changes="; ".join(changes))


def _pk_target(ctx: Context, item: AgreementItem) -> str:
    """A PK target as printed: aligned with its indicator's targets (5,0 beside 4,8), or its text."""
    if item.target is None:
        return item.target_text or "–"
    indicator = ctx.plan.indicator_by_code.get(item.indicator)
    if indicator is None:
        return ctx.f.number(item.target)
    return ctx.f.target_number(indicator, item.target)


def agreement_table(ctx: Context, version: AgreementVersion, caption: str | None = None) -> Table:
    """Tabel 2.4: the goals and objectives of the PK in force, their indicators and targets."""
    t, f, _plan = ctx.t, ctx.f, ctx.plan
    items = {i.indicator: i for i in version.items}
    rows: list[Row] = []
    number = 0
    for owner in owners(ctx, key_only=False):
        listed = [r for r in owner.results if r.code in items]
        if not listed:
            continue
        word = t("word.goal") if owner.level is Level.GOAL else t("word.objective_strategic")
        rows.append(Row((Cell(f"{owner.label}", bold=True),
                         Cell(f"{word}: {owner.name}", bold=True, colspan=3)), RowKind.GROUP))
        for r in listed:
            number += 1
            item = items[r.code]
            target = (Cell(_pk_target(ctx, item), value=item.target, key=f"pk:{ctx.year}:{r.code}")
                      if item.target is not None else Cell(_pk_target(ctx, item)))
            rows.append(Row((Cell(f"{number}.", align=Align.CENTER), f.name(r),
                             Cell(r.indicator.unit or "–", align=Align.CENTER), target)))
    header = (head(t("word.no"), t("word.indicator"), t("word.unit"), t("word.target")),)
    columns = (Column(2, Align.CENTER), Column(8), Column(3, Align.CENTER), Column(2, Align.RIGHT))
    return table(ctx.id("tabel-pk"), caption or t("ch2.pk_caption", year=ctx.year), columns, header,
                 rows)


def budget(ctx: Context) -> list[Block]:
    t, f, m = ctx.t, ctx.f, ctx.m
    blocks: list[Block] = []
    direct = [s for s in m.spending if s.kind is SpendingKind.DIRECT]
    if direct and direct[0].ceiling_original is not None:
        blocks.append(Paragraph(spans(t("ch2.budget_amended", agency=ctx.plan.agency.name,
                                        year=ctx.year, original=f.rupiah(direct[0].ceiling_original),
                                        amended=f.rupiah(direct[0].ceiling)))))
    elif direct:
        blocks.append(Paragraph(spans(t("ch2.budget_direct", agency=ctx.plan.agency.name,
                                        year=ctx.year, ceiling=f.rupiah(direct[0].ceiling)))))
    tabel = _budget_table(ctx)
    blocks += [Paragraph((Span(t("ch2.budget_table_intro")), Span("", ref=tabel.id),
                          Span(t("word.below"))),), tabel]
    unbudgeted = [line for line in m.budget if line.level == "program" and line.ceiling is None]
    if unbudgeted:
        blocks.append(Paragraph(spans(t("ch2.budget_unbudgeted",
                                        programs=", ".join(line.name for line in unbudgeted)))))
    return blocks


def _budget_table(ctx: Context) -> Table:
    """Tabel 2.5: ceiling per goal and objective, from the programs that serve each objective."""
    t, f, m, plan = ctx.t, ctx.f, ctx.m, ctx.plan
    rows: list[Row] = []
    number = 0
    for goal in plan.goals:
        objectives = plan.objectives_of(goal.code)
        for i, objective in enumerate(objectives):
            number += 1
            line = m.budget_line(objective.code)
            note = _missing_note(ctx, line.missing) if line.ceiling is None or line.missing else None
            cells = [Cell(f"{number}.", align=Align.CENTER)]
            if i == 0:
                cells.append(Cell(goal.name, rowspan=len(objectives)))
            cells += [Cell(objective.name),
                      f.money_cell(line.ceiling, f"ceiling:{ctx.year}:{objective.code}", note)]
            rows.append(Row(tuple(cells)))
    for program in plan.programs:
        if program.objective is None:
            number += 1
            line = m.budget_line(program.code)
            rows.append(Row((Cell(f"{number}.", align=Align.CENTER),
                             Cell(t("ch2.no_objective"), colspan=2),
                             f.money_cell(line.ceiling, f"ceiling:{ctx.year}:{program.code}"))))
    total = m.budget_line(plan.agency.code)
    rows.append(Row((Cell(t("word.total"), bold=True, colspan=3, align=Align.CENTER),
                     f.money_cell(total.ceiling, f"ceiling:{ctx.year}:{plan.agency.code}")),
                    RowKind.TOTAL))
    header = (head(t("word.no"), t("word.goal"), t("word.objective_strategic"),
                   t("ch2.ceiling_rp")),)
    columns = (Column(1, Align.CENTER), Column(5), Column(5), Column(3, Align.RIGHT))
    return table(ctx.id("tabel-anggaran-sasaran"), t("ch2.budget_caption", year=ctx.year),
                 columns, header, rows)


def _missing_note(ctx: Context, missing: tuple[str, ...]) -> str:
    """Which programs lack activity budgets, by name."""
    programs: list[str] = []
    for code in missing:
        activity = ctx.plan.activity_by_code.get(code)
        program_code = activity.program if activity is not None else code
        program = ctx.plan.program_by_code.get(program_code)
        label = program.name if program is not None else program_code
        if label not in programs:
            programs.append(label)
    return ctx.t("note.no_budget_programs", programs=", ".join(programs))
