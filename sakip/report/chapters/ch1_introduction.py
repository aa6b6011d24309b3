"""Bab I Pendahuluan: background, the organisation and its staff, strategic issues, legal basis."""

from __future__ import annotations

from sakip.core.enums import NarrativeKind
from sakip.report import narrative
from sakip.report.chapters.supporting import supporting_table, tables_about
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
    Span,
    Style,
    spans,
)


def introduction(ctx: Context) -> Chapter:
    t = ctx.t
    return Chapter("bab-1", ChapterKind.BODY, t("ch1.title"), t("chapter.label", n="I"), sections=(
        Section(ctx.id("latar-belakang"), t("ch1.background"), tuple(_background(ctx))),
        Section(ctx.id("organisasi"), t("ch1.organisation"), tuple(_organisation(ctx))),
        Section(ctx.id("isu-strategis"), t("ch1.issues"),
                tuple(_entered_or(ctx, NarrativeKind.STRATEGIC_ISSUES, "ch1.issues_missing"))),
        Section(ctx.id("dasar-hukum"), t("ch1.legal"), tuple(_legal(ctx))),
        Section(ctx.id("sistematika"), t("ch1.outline"), tuple(_outline(ctx))),
    ))


def _background(ctx: Context) -> list[Block]:
    entered = narrative.entered(ctx.narratives(NarrativeKind.BACKGROUND))
    if entered:
        return entered
    return [Paragraph(spans(ctx.t(key, agency=ctx.plan.agency.name, year=ctx.year)))
            for key in ("ch1.background_p1", "ch1.background_p2")]


def _entered_or(ctx: Context, kind: NarrativeKind, missing: str) -> list[Block]:
    return narrative.entered(ctx.narratives(kind)) or [Paragraph(spans(ctx.t(missing)))]


def _lines(items: tuple[str, ...], marker: Marker = Marker.ALPHA) -> ListBlock:
    return ListBlock(tuple(ListItem(spans(" ".join(i.split()))) for i in items), marker)


def _organisation(ctx: Context) -> list[Block]:
    t, agency = ctx.t, ctx.plan.agency
    missing = t("missing.data")
    blocks: list[Block] = [Paragraph(spans(
        t("ch1.org_basis", basis=" ".join(agency.legal_basis_of_organisation.split()))
        if agency.legal_basis_of_organisation else t("ch1.org_intro", agency=agency.name)))]
    blocks += [Paragraph((Span(t("ch1.position"), bold=True),), Style.LEAD),
               Paragraph(spans(agency.position or missing)),
               Paragraph((Span(t("ch1.task"), bold=True),), Style.LEAD),
               Paragraph(spans(agency.task or missing)),
               Paragraph((Span(t("ch1.functions"), bold=True),), Style.LEAD)]
    blocks.append(_lines(agency.functions) if agency.functions else Paragraph(spans(missing)))
    blocks.append(Paragraph((Span(t("ch1.structure"), bold=True),), Style.LEAD))
    if not agency.units:
        blocks.append(Paragraph(spans(missing)))
    for number, unit in enumerate(agency.units, start=1):
        blocks.append(Paragraph((Span(f"{number}. {unit.name}", bold=True),), Style.LEAD))
        if unit.task:
            blocks.append(Paragraph(spans(" ".join(unit.task.split()))))
        if unit.functions:
            blocks.append(Paragraph(spans(t("ch1.unit_functions", unit=unit.name))))
            blocks.append(_lines(unit.functions))
    staff = tables_about(ctx, {None})
    if staff:
        blocks.append(Paragraph(spans(t("ch1.staff_intro"))))
        for data in staff:
            blocks.append(supporting_table(ctx, data))
    return blocks


def _legal(ctx: Context) -> list[Block]:
    entered = narrative.entered(ctx.narratives(NarrativeKind.LEGAL_BASIS))
    if entered:
        return [b if not isinstance(b, ListBlock) else ListBlock(b.items, Marker.DECIMAL)
                for b in entered]
    return [Paragraph(spans(ctx.t("ch1.legal_intro", agency=ctx.plan.agency.name, year=ctx.year))),
            _lines(tuple(ctx.t(f"ch1.legal_default_{i}") for i in (1, 2, 3, 4)), Marker.DECIMAL)]


def _outline(ctx: Context) -> list[Block]:
    t = ctx.t
    blocks: list[Block] = [Paragraph(spans(t("ch1.outline_intro")))]
    for key in ("summary", "ch1", "ch2", "ch3", "ch4", "annex"):
        blocks.append(Paragraph((Span(t(f"ch1.outline_{key}"), bold=True),), Style.LEAD))
        blocks.append(Paragraph(spans(t(f"ch1.outline_{key}_text"))))
    return blocks
