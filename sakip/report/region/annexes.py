"""Lampiran of the LKjIP Pemda (PermenPAN-RB 53/2014): 1, the Perjanjian Kinerja of the head of
the region for the year — the IKU Pemda with the year's targets, as Bab II shows them (the model
holds no separate PK Kepala Daerah, and a note says so) — signed by the head of the region;
2, the measurement of every IKU Pemda of the year, the table Bab III builds, signed likewise."""

from __future__ import annotations

from sakip.report.model import Block, Chapter, ChapterKind, Paragraph, Section, Style, spans
from sakip.report.region.accountability import results_table
from sakip.report.region.front import signature
from sakip.report.region.planning import agreement_table
from sakip.report.region.scope import Scope

AGREEMENT_ID = "lampiran-pk-kepala-daerah"
MEASUREMENT_ID = "lampiran-pengukuran-iku-pemda"


def annexes(scope: Scope) -> Chapter:
    ctx = scope.ctx
    t, year = ctx.t, ctx.year
    parts: tuple[tuple[str, str, list[Block]], ...] = (
        (AGREEMENT_ID, t("region.annex_pk", head=scope.head_title, year=year), _agreement(scope)),
        (MEASUREMENT_ID, t("region.annex_measurement", region=scope.region.name, year=year),
         _measurement(scope)),
    )
    sections = [Section(ctx.id(id_), t("annex.numbered", n=index, title=title), tuple(blocks),
                        new_page=index > 1)
                for index, (id_, title, blocks) in enumerate(parts, start=1)]
    return Chapter("lampiran", ChapterKind.ANNEX, t("annex.title"), prefix="L",
                   number_sections=False, sections=tuple(sections))


def _agreement(scope: Scope) -> list[Block]:
    t, year = scope.ctx.t, scope.ctx.year
    heading = [Paragraph(spans(t("annex.pk_title", year=year)), Style.TITLE),
               Paragraph(spans(scope.head_title.upper()), Style.TITLE)]
    found = agreement_table(scope, "tabel-lampiran-pk-kepala-daerah",
                            notes=(t("region.annex_pk_note", year=year),))
    if found is None:
        return [*heading, Paragraph(spans(t("region.no_iku")))]
    return [*heading,
            Paragraph(spans(t("region.annex_pk_p1", head=scope.head_title, year=year,
                              region=scope.region.name))),
            found, signature(scope)]


def _measurement(scope: Scope) -> list[Block]:
    ctx, rm = scope.ctx, scope.rm
    t = ctx.t
    if not rm.indicators:
        return [Paragraph(spans(t("region.no_iku")))]
    caption = t("region.annex_measurement", region=scope.region.name, year=ctx.year)
    return [Paragraph(spans(t("region.annex_measurement_intro", region=scope.region.name,
                              year=ctx.year))),
            results_table(scope, ctx.id("tabel-lampiran-pengukuran-iku-pemda"), caption,
                          rm.indicators),
            signature(scope)]
