"""Bab I Pendahuluan of the LKjIP Pemda: background, the RPJMD's vision and missions, the
agencies that report, the strategic issues and main problems (:mod:`.issues`), and the report's
outline."""

from __future__ import annotations

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
    Section,
    spans,
    table,
)
from sakip.report.region.issues import strategic_issues
from sakip.report.region.scope import Scope, head


def introduction(scope: Scope) -> Chapter:
    ctx = scope.ctx
    t = ctx.t
    return Chapter("bab-1", ChapterKind.BODY, t("ch1.title"), t("chapter.label", n="I"), sections=(
        Section(ctx.id("latar-belakang"), t("ch1.background"), tuple(_background(scope))),
        Section(ctx.id("visi-misi"), t("region.vision_missions"), tuple(_vision(scope))),
        Section(ctx.id("perangkat-daerah"), t("region.agencies"), tuple(_agencies(scope))),
        Section(ctx.id("isu-strategis"), t("region.issues"), tuple(strategic_issues(scope))),
        Section(ctx.id("sistematika"), t("region.outline"), tuple(_outline(scope))),
    ))


def _background(scope: Scope) -> list[Block]:
    t, region = scope.ctx.t, scope.region
    period = (f"{region.rpjmd_start}–{region.rpjmd_end}"
              if region.rpjmd_start and region.rpjmd_end else t("region.period_missing"))
    return [Paragraph(spans(t("region.background_p1", region=region.name, year=scope.ctx.year))),
            Paragraph(spans(t("region.background_p2", region=region.name, period=period)))]


def _vision(scope: Scope) -> list[Block]:
    t, region = scope.ctx.t, scope.region
    blocks: list[Block] = [Paragraph(spans(t("region.vision_intro"))),
                           Paragraph(spans(region.vision or t("region.vision_missing")))]
    if region.missions:
        blocks.append(Paragraph(spans(t("region.missions_intro",
                                        count=scope.ctx.f.count(len(region.missions))))))
        blocks.append(ListBlock(tuple(ListItem(spans(m.text)) for m in region.missions),
                                Marker.DECIMAL))
    else:
        blocks.append(Paragraph(spans(t("region.missions_missing"))))
    return blocks


def _agencies(scope: Scope) -> list[Block]:
    ctx, rm = scope.ctx, scope.rm
    t, f = ctx.t, ctx.f
    rows = []
    for index, (plan, figures) in enumerate(zip(scope.plans, rm.agencies, strict=True), start=1):
        head_ = plan.agency.head
        rows.append(Row((
            Cell(str(index), align=Align.CENTER), Cell(plan.agency.name),
            # an unnamed head: a dash, as any value not given (never a placeholder text)
            Cell(head_.name if head_ is not None and head_.name else DASH, align=Align.LEFT),
            Cell(str(len(figures.measurement.key)), value=None, align=Align.CENTER),
            Cell(plan.strategic_plan.title))))
    caption = t("region.agencies_caption", region=scope.region.name, year=ctx.year)
    return [
        Paragraph(spans(t("region.agencies_intro", region=scope.region.name,
                          count=f.count(len(scope.plans))))),
        table(ctx.id("tabel-perangkat-daerah"), caption,
              (Column(1, Align.CENTER), Column(8), Column(5), Column(2, Align.CENTER), Column(4)),
              (head(t("word.no"), t("region.agency"), t("region.agency_head"),
                    t("region.key_count"), t("region.renstra")),), rows),
    ]


def _outline(scope: Scope) -> list[Block]:
    t = scope.ctx.t
    items = [t(f"region.outline_{n}") for n in (1, 2, 3, 4, 5)]
    return [Paragraph(spans(t("region.outline_intro"))),
            ListBlock(tuple(ListItem(spans(item)) for item in items), Marker.DECIMAL)]
