"""Bab III Akuntabilitas Kinerja of the LKjIP Pemda: the IKU Pemda measured, each tujuan and
sasaran daerah with its IKU (against earlier years and the RPJMD's final target, how a derived
IKU was found, which agencies contribute and how they did), the agencies' achievements side by
side, and the realisation of the budget per agency. Every figure is the region's measurement's
(:mod:`sakip.core.region_measure`); sentences are the agency report's (:mod:`sakip.report.
narrative`) where they fit."""

from __future__ import annotations

from sakip.core.measure import IndicatorResult
from sakip.core.model import Indicator
from sakip.core.region_measure import AgencyInput
from sakip.report import narrative
from sakip.report.chapters.summary import counts_sentence
from sakip.report.format import DASH
from sakip.report.model import (
    Align,
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
    Table,
    spans,
    table,
)
from sakip.report.region.front import budget_sentence, mean_sentence
from sakip.report.region.planning import owners
from sakip.report.region.scope import Scope, head

COMPARED_YEARS = 5  # realisations shown side by side, the report year last


def accountability(scope: Scope) -> Chapter:
    ctx = scope.ctx
    t = ctx.t
    return Chapter("bab-3", ChapterKind.BODY, t("ch3.title"), t("chapter.label", n="III"),
                   sections=(
                       Section(ctx.id("capaian-iku-pemda"), t("region.results", year=ctx.year),
                               tuple(_results(scope))),
                       Section(ctx.id("analisis-sasaran"), t("region.analysis"),
                               tuple(_analysis_intro(scope)), tuple(_owners(scope))),
                       Section(ctx.id("capaian-perangkat-daerah"), t("region.side_by_side"),
                               tuple(_side_by_side(scope))),
                       Section(ctx.id("realisasi-anggaran"), t("region.finance"),
                               tuple(_finance(scope))),
                   ))


def _row(scope: Scope, r: IndicatorResult) -> Row:
    f = scope.ctx.f
    return Row((Cell(r.code), f.name(r),
                f.target(r.indicator, r.year, f"target:{r.year}:{r.code}"),
                f.actual(r), f.achievement(r), f.label(r.predicate), f.label(r.category)))


def results_table(scope: Scope, id_: str, caption: str,
                  results: list[IndicatorResult] | tuple[IndicatorResult, ...]) -> Table:
    """Each IKU Pemda's target, realisation, achievement, predicate and category (Bab III and
    Lampiran 2)."""
    t = scope.ctx.t
    return table(id_, caption,
                 (Column(2), Column(8), Column(2, Align.RIGHT), Column(2, Align.RIGHT),
                  Column(2, Align.RIGHT), Column(3), Column(3)),
                 (head(t("region.code"), t("word.indicator"), t("word.target"), t("word.actual"),
                       t("word.achievement_pct"), t("word.predicate"), t("word.category")),),
                 [_row(scope, r) for r in results])


def _results(scope: Scope) -> list[Block]:
    ctx, rm = scope.ctx, scope.rm
    t = ctx.t
    if not rm.indicators:
        return [Paragraph(spans(t("region.no_iku")))]
    blocks: list[Block] = [
        Paragraph(spans(t("region.results_intro", region=scope.region.name, year=ctx.year))),
        results_table(scope, ctx.id("tabel-capaian-iku-pemda"),
                      t("region.results_caption", region=scope.region.name, year=ctx.year),
                      rm.indicators),
        Paragraph(spans(mean_sentence(scope))),
        Paragraph(spans(counts_sentence(ctx))),
    ]
    parts = [t("summary.count_part", count=ctx.f.count(n), label=ctx.f.band_word(label))
             for label, n in rm.measurement.category_counts]
    blocks.append(Paragraph(spans(t("region.category_counts", parts=", ".join(parts)))))
    uncounted = rm.measurement.category_uncounted
    if uncounted:
        items = [f"{rm.result(u.code).indicator.name}: {ctx.f.why(rm.result(u.code))}"
                 for u in uncounted]
        blocks += [Paragraph(spans(t("region.uncounted"))),
                   ListBlock(tuple(ListItem(spans(item)) for item in items), Marker.BULLET)]
    return blocks


def _analysis_intro(scope: Scope) -> list[Block]:
    return [Paragraph(spans(scope.ctx.t("region.analysis_intro")))]


def _owners(scope: Scope) -> list[Section]:
    ctx = scope.ctx
    sections = []
    for label, name, indicators, _level in owners(scope):
        if not indicators:
            continue
        code = indicators[0].owner
        blocks: list[Block] = [Paragraph(spans(narrative.group(ctx, scope.rm.group(code),
                                                               f"{label} {name}")))]
        for indicator in indicators:
            blocks += _indicator(scope, indicator)
        for contribution_blocks in _contributions(scope, code):
            blocks.append(contribution_blocks)
        sections.append(Section(ctx.id(f"sasaran-{code}"), f"{label}: {name}", tuple(blocks)))
    return sections


def _indicator(scope: Scope, indicator: Indicator) -> list[Block]:
    ctx, rm = scope.ctx, scope.rm
    t, f = ctx.t, ctx.f
    r = rm.result(indicator.code)
    blocks: list[Block] = [Paragraph(spans(narrative.indicator(ctx, r)))]
    change = next((c for c in rm.measurement.changes if c.indicator == indicator.code), None)
    said = narrative.change(ctx, change) if change is not None else None
    if said:
        blocks.append(Paragraph(spans(said)))
    final = next((x for x in rm.measurement.final_targets if x.indicator == indicator.code), None)
    if final is not None and final.achievement is not None:
        blocks.append(Paragraph(spans(t("region.final", name=indicator.name,
                                        final_year=final.final_year,
                                        target=f.target_number(indicator, final.target),
                                        year=ctx.year, achievement=f.percent(final.achievement)))))
    blocks.append(_comparison(scope, indicator))
    derived = rm.derivation(indicator.code)
    if derived is not None:
        blocks += _derived(scope, indicator, derived.formula, derived.inputs)
    return blocks


def _comparison(scope: Scope, indicator: Indicator) -> Block:
    ctx = scope.ctx
    t, f = ctx.t, ctx.f
    years = sorted(ctx.history)[-COMPARED_YEARS:]
    end = ctx.plan.strategic_plan.end
    final = next((x for x in scope.rm.measurement.final_targets
                  if x.indicator == indicator.code), None)
    cells = [f.actual(ctx.history[y].result(indicator.code)) for y in years]
    final_cells = (f.target(indicator, end),
                   Cell(f.percent(final.achievement), value=final.achievement,
                        key=f"final:{ctx.year}:{indicator.code}")
                   if final is not None and final.achievement is not None
                   else Cell(DASH, note=t("region.no_final"), align=Align.CENTER))
    return table(ctx.id(f"tabel-perbandingan-{indicator.code}"),
                 t("region.comparison_caption", name=indicator.name),
                 (*(Column(2, Align.RIGHT) for _ in years), Column(2, Align.RIGHT),
                  Column(3, Align.RIGHT)),
                 (head(*(t("region.actual_year", year=y) for y in years),
                       t("region.final_target", year=end),
                       t("region.final_achievement")),),
                 [Row((*cells, *final_cells))])


def _derived(scope: Scope, indicator: Indicator, formula: str,
             inputs: tuple[AgencyInput, ...]) -> list[Block]:
    ctx = scope.ctx
    t, f = ctx.t, ctx.f
    rows = []
    for item in inputs:
        plan = scope.plan_of(item.agency)
        agency = (plan.agency.short_name or plan.agency.name) if plan is not None else item.agency
        source = plan.indicator_by_code.get(item.indicator) if plan is not None else None
        value = (Cell(f.number(item.value), value=item.value) if item.value is not None
                 else Cell(DASH, note=t("region.input_missing"), align=Align.CENTER))
        rows.append(Row((Cell(agency), Cell(source.name if source is not None else item.indicator),
                         Cell(str(item.year), align=Align.CENTER), value)))
    return [Paragraph(spans(t("region.derived", name=indicator.name, formula=formula))),
            table(ctx.id(f"tabel-masukan-{indicator.code}"),
                  t("region.inputs_caption", name=indicator.name, year=ctx.year),
                  (Column(4), Column(8), Column(2, Align.CENTER), Column(3, Align.RIGHT)),
                  (head(t("region.agency"), t("word.indicator"), t("region.year"),
                        t("word.actual")),), rows)]


def _contributions(scope: Scope, objective: str) -> list[Block]:
    ctx, rm = scope.ctx, scope.rm
    t, f = ctx.t, ctx.f
    found = rm.contributions_to(objective)
    if not found:
        return []
    rows: list[Row] = []
    for contribution in found:
        label = Cell(contribution.agency_name, bold=True, colspan=6)
        rows.append(Row((label,), RowKind.GROUP))
        if not contribution.given:
            rows.append(Row((Cell(t("region.plan_not_given"), colspan=6),)))
            continue
        for r in contribution.results:
            rows.append(Row((f.name(r), f.target(r.indicator, r.year), f.actual(r),
                             f.achievement(r), f.label(r.predicate), f.label(r.category))))
        for code in contribution.unknown:
            rows.append(Row((Cell(code), Cell(t("region.unknown_indicator"), colspan=5)),))
    name = rm.plan.objective_by_code[objective].name if objective in rm.plan.objective_by_code \
        else objective
    return [Paragraph(spans(t("region.contributions_intro",
                              count=f.count(len(found)), name=name))),
            table(ctx.id(f"tabel-kontribusi-{objective}"),
                  t("region.contributions_caption", name=name, year=ctx.year),
                  (Column(8), Column(2, Align.RIGHT), Column(2, Align.RIGHT),
                   Column(2, Align.RIGHT), Column(3), Column(3)),
                  (head(t("word.indicator"), t("word.target"), t("word.actual"),
                        t("word.achievement_pct"), t("word.predicate"), t("word.category")),),
                  rows)]


def _side_by_side(scope: Scope) -> list[Block]:
    ctx, rm = scope.ctx, scope.rm
    t, f = ctx.t, ctx.f
    rows = []
    for index, a in enumerate(rm.agencies, start=1):
        g = a.group
        rows.append(Row((Cell(str(index), align=Align.CENTER), Cell(a.name),
                         Cell(f"{g.count}/{len(g.indicators)}", align=Align.CENTER),
                         f.group(g, ctx.year), f.label(g.predicate), f.label(g.category))))
    measured = [a for a in rm.agencies if a.group.achievement is not None]
    blocks: list[Block] = [Paragraph(spans(t("region.side_intro", count=f.count(len(rm.agencies)),
                                             measured=f.count(len(measured)))))]
    blocks.append(table(ctx.id("tabel-capaian-perangkat-daerah"),
                        t("region.side_caption", year=ctx.year),
                        (Column(1, Align.CENTER), Column(9), Column(2, Align.CENTER),
                         Column(2, Align.RIGHT), Column(3), Column(3)),
                        (head(t("word.no"), t("region.agency"), t("region.measured_of"),
                              t("region.mean_pct"), t("word.predicate"), t("word.category")),),
                        rows, notes=(t("region.side_note"),)))
    if len(measured) > 1:
        best = max(measured, key=lambda a: a.group.achievement or 0)
        worst = min(measured, key=lambda a: a.group.achievement or 0)
        blocks.append(Paragraph(spans(t("region.side_range", best=best.name,
                                        best_value=f.percent(best.group.achievement),
                                        worst=worst.name,
                                        worst_value=f.percent(worst.group.achievement)))))
    return blocks


def _finance(scope: Scope) -> list[Block]:
    ctx, rm = scope.ctx, scope.rm
    t, f = ctx.t, ctx.f
    rows = []
    for index, a in enumerate(rm.agencies, start=1):
        note = t("note.no_budget") if a.ceiling is None else None
        rows.append(Row((Cell(str(index), align=Align.CENTER), Cell(a.name),
                         f.money_cell(a.ceiling, f"ceiling:{ctx.year}:{a.code}", note),
                         f.money_cell(a.spent, f"spent:{ctx.year}:{a.code}", note),
                         f.percent_cell(a.absorption, f"absorption:{ctx.year}:{a.code}", note,
                                        absorption=True))))
    rows.append(Row((Cell(""), Cell(t("word.total"), bold=True), f.money_cell(rm.ceiling),
                     f.money_cell(rm.spent), f.percent_cell(rm.absorption, absorption=True)),
                    RowKind.TOTAL))
    return [Paragraph(spans(budget_sentence(scope))),
            table(ctx.id("tabel-anggaran-perangkat-daerah"),
                  t("region.finance_caption", year=ctx.year),
                  (Column(1, Align.CENTER), Column(9), Column(4, Align.RIGHT),
                   Column(4, Align.RIGHT), Column(2, Align.RIGHT)),
                  (head(t("word.no"), t("region.agency"), t("region.ceiling"), t("region.spent"),
                        t("region.absorption")),), rows)]
