"""Bab IV Penutup: conclusions drafted from the results, then the improvements entered as data."""

from __future__ import annotations

from sakip.core.enums import NarrativeKind
from sakip.report import narrative
from sakip.report.chapters.summary import budget_sentence, counts_sentence
from sakip.report.context import Context
from sakip.report.model import (
    Block,
    Chapter,
    ChapterKind,
    ListBlock,
    ListItem,
    Marker,
    Paragraph,
    Section,
    spans,
)


def closing(ctx: Context) -> Chapter:
    t = ctx.t
    return Chapter("bab-4", ChapterKind.BODY, t("ch4.title"), t("chapter.label", n="IV"), sections=(
        Section(ctx.id("kesimpulan"), t("ch4.conclusion"), tuple(_conclusion(ctx))),
        Section(ctx.id("perbaikan"), t("ch4.improvements"), tuple(_improvements(ctx))),
    ))


def _conclusion(ctx: Context) -> list[Block]:
    t, f, m = ctx.t, ctx.f, ctx.m
    agency = m.group(ctx.plan.agency.code)
    blocks: list[Block] = []
    if agency.achievement is not None:
        blocks.append(Paragraph(spans(t("ch4.mean", agency=ctx.plan.agency.name, year=ctx.year,
                                        count=f.count(agency.count),
                                        achievement=f.percent(agency.achievement),
                                        category=f.band_word(agency.category)))))
    blocks.append(Paragraph(spans(counts_sentence(ctx))))
    goals = []
    for index, goal in enumerate(ctx.plan.goals, start=1):
        group = m.group(goal.code)
        subject = f"{t('word.goal_n', n=index)} {goal.name}"
        goals.append(ListItem(spans(narrative.group(ctx, group, subject))))
    if goals:
        blocks += [Paragraph(spans(t("ch4.goals"))), ListBlock(tuple(goals), Marker.DECIMAL)]
    short = [r for r in ctx.key_results() if r.met is False]
    if short:
        blocks += [Paragraph(spans(t("ch4.short"))),
                   ListBlock(tuple(ListItem(spans(narrative.indicator(ctx, r))) for r in short),
                             Marker.DECIMAL)]
    blocks.append(Paragraph(spans(budget_sentence(ctx))))
    low = m.low_absorption
    if low:
        blocks.append(Paragraph(spans(t("ch4.low", count=f.count(len(low)),
                                        threshold=f.number(ctx.plan.settings.absorption_threshold)))))
    blocks += narrative.entered(ctx.narratives(NarrativeKind.CONCLUSION))
    return blocks


def _improvements(ctx: Context) -> list[Block]:
    entered = narrative.entered(ctx.narratives(NarrativeKind.IMPROVEMENTS))
    if not entered:
        entered = [Paragraph(spans(ctx.t("ch4.improvements_missing")))]
    return [*entered, Paragraph(spans(ctx.t("ch4.closing", agency=ctx.plan.agency.name)))]
