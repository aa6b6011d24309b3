"""Ringkasan Eksekutif: the year in a page, drafted from the measurement."""

from __future__ import annotations

from sakip.core.enums import SpendingKind
from sakip.report import narrative
from sakip.report.context import Context
from sakip.report.model import Block, Chapter, ChapterKind, ListBlock, ListItem, Marker, Paragraph, spans


def summary(ctx: Context) -> Chapter:
    t, f, m, plan = ctx.t, ctx.f, ctx.m, ctx.plan
    blocks: list[Block] = [Paragraph(spans(t(
        "summary.plan", agency=plan.agency.name, year=ctx.year, renstra=plan.strategic_plan.title,
        goals=f.count(len(plan.goals)), objectives=f.count(len(plan.objectives)),
        key=f.count(len(m.key)))))]
    agency = m.group(plan.agency.code)
    if agency.achievement is not None:
        blocks.append(Paragraph(spans(t("summary.mean", year=ctx.year,
                                        achievement=f.percent(agency.achievement),
                                        category=f.band_word(agency.category),
                                        count=f.count(agency.count)))))
    blocks.append(Paragraph(spans(counts_sentence(ctx))))
    short = [r for r in ctx.key_results() if r.met is False]
    if short:
        blocks.append(Paragraph(spans(t("summary.short"))))
        blocks.append(ListBlock(tuple(ListItem(spans(narrative.indicator(ctx, r))) for r in short),
                                Marker.DECIMAL))
    missing = [ctx.m.result(code) for code in m.uncounted]
    for r in missing:
        blocks.append(Paragraph(spans(narrative.indicator(ctx, r))))
    blocks.append(Paragraph(spans(budget_sentence(ctx))))
    blocks.append(Paragraph(spans(t("summary.closing", next=ctx.year + 1))))
    return Chapter("ringkasan-eksekutif", ChapterKind.FRONT, t("summary.title"), blocks=tuple(blocks))


def counts_sentence(ctx: Context) -> str:
    """"Dari 7 IKU, 5 melebihi target, 0 tercapai, 1 tidak tercapai; 1 belum dapat diukur." """
    t, f = ctx.t, ctx.f
    parts = [t("summary.count_part", count=f.count(n), label=f.band_word(label))
             for label, n in ctx.m.predicate_counts]
    text = t("summary.counts", year=ctx.year, total=f.count(len(ctx.m.key)), parts=", ".join(parts))
    if ctx.m.uncounted:
        text += " " + t("summary.uncounted", count=f.count(len(ctx.m.uncounted)))
    return text


def budget_sentence(ctx: Context) -> str:
    t, f = ctx.t, ctx.f
    direct = [s for s in ctx.m.spending if s.kind is SpendingKind.DIRECT]
    line = ctx.m.budget_line(ctx.plan.agency.code)
    ceiling, spent, absorption = line.ceiling, line.spent, line.absorption
    if direct:
        ceiling, spent, absorption = direct[0].ceiling, direct[0].spent, direct[0].absorption
    programs = f.count(len(ctx.plan.programs))
    activities = f.count(len([a for a in ctx.plan.activities if a.parent is None]))
    if ceiling is None:
        return t("summary.budget_none", year=ctx.year, programs=programs, activities=activities)
    return t("summary.budget", year=ctx.year, programs=programs, activities=activities,
             ceiling=f.rupiah(ceiling), spent=f.rupiah(spent), absorption=f.absorption(absorption))
