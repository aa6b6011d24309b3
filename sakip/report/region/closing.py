"""Bab IV Penutup of the LKjIP Pemda: conclusions drafted from the figures."""

from __future__ import annotations

from sakip.core.budget import below_threshold
from sakip.report import narrative
from sakip.report.chapters.summary import counts_sentence
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
from sakip.report.region.front import budget_sentence, mean_sentence, signature
from sakip.report.region.planning import owners
from sakip.report.region.scope import Scope


def closing(scope: Scope) -> Chapter:
    ctx = scope.ctx
    t = ctx.t
    return Chapter("bab-4", ChapterKind.BODY, t("ch4.title"), t("chapter.label", n="IV"), sections=(
        Section(ctx.id("kesimpulan"), t("ch4.conclusion"), tuple(_conclusion(scope))),
        Section(ctx.id("penutup"), t("region.closing_title"), tuple(_closing(scope))),
    ))


def _conclusion(scope: Scope) -> list[Block]:
    ctx, rm = scope.ctx, scope.rm
    t, f = ctx.t, ctx.f
    blocks: list[Block] = [Paragraph(spans(mean_sentence(scope))),
                           Paragraph(spans(counts_sentence(ctx)))]
    items = [ListItem(spans(narrative.group(ctx, rm.group(indicators[0].owner), f"{label} {name}")))
             for label, name, indicators, _level in owners(scope) if indicators]
    if items:
        blocks += [Paragraph(spans(t("region.conclusion_owners"))),
                   ListBlock(tuple(items), Marker.DECIMAL)]
    short = [r for r in rm.indicators if r.met is False]
    if short:
        blocks += [Paragraph(spans(t("region.conclusion_short"))),
                   ListBlock(tuple(ListItem(spans(narrative.indicator(ctx, r))) for r in short),
                             Marker.DECIMAL)]
    blocks.append(Paragraph(spans(budget_sentence(scope))))
    threshold = rm.settings.absorption_threshold
    low = [a for a in rm.agencies if below_threshold(a.absorption, rm.settings)]
    if low:
        blocks.append(Paragraph(spans(t("region.conclusion_low", count=f.count(len(low)),
                                        threshold=f.number(threshold),
                                        names=", ".join(a.label for a in low)))))
    return blocks


def _closing(scope: Scope) -> list[Block]:
    t = scope.ctx.t
    return [Paragraph(spans(t("region.closing", region=scope.region.name,
                              year=scope.ctx.year))), signature(scope)]
