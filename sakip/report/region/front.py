"""The LKjIP Pemda's front matter: cover, Kata Pengantar signed by the head of the region,
Daftar Isi, and the Ringkasan Eksekutif drafted from the figures."""

from __future__ import annotations

from sakip.report.chapters.summary import counts_sentence
from sakip.report.model import (
    BLANK,
    Chapter,
    ChapterKind,
    Contents,
    Cover,
    Paragraph,
    Signatory,
    SignatureBlock,
    spans,
)
from sakip.report.region.scope import Scope


def cover(scope: Scope) -> Chapter:
    t = scope.ctx.t
    block = Cover(t("region.cover_title"), t("cover.year", year=scope.ctx.year),
                  t("region.cover_subject"), scope.region.name.upper(), None, scope.ctx.logo)
    return Chapter("cover", ChapterKind.COVER, t("region.cover_title"), blocks=(block,))


def signature(scope: Scope) -> SignatureBlock:
    region = scope.region
    place = scope.ctx.options.place or BLANK
    return SignatureBlock((Signatory(f"{scope.head_title},", None, region.head_name or BLANK),),
                          f"{place}, {scope.ctx.date_text}")


def foreword(scope: Scope) -> Chapter:
    t, year = scope.ctx.t, scope.ctx.year
    paragraphs = tuple(Paragraph(spans(t(key, region=scope.region.name, year=year, next=year + 1)))
                       for key in ("region.foreword_p1", "region.foreword_p2",
                                   "region.foreword_p3"))
    return Chapter("kata-pengantar", ChapterKind.FRONT, t("foreword.title"),
                   blocks=(*paragraphs, signature(scope)))


def contents(scope: Scope) -> Chapter:
    t = scope.ctx.t
    return Chapter("daftar-isi", ChapterKind.FRONT, t("contents.title"),
                   blocks=(Contents(t("contents.title")),))


def summary(scope: Scope) -> Chapter:
    ctx, rm = scope.ctx, scope.rm
    t, f = ctx.t, ctx.f
    blocks = [Paragraph(spans(t("region.summary_intro", region=scope.region.name, year=ctx.year,
                                count=f.count(len(rm.indicators)),
                                agencies=f.count(len(rm.agencies)))))]
    blocks.append(Paragraph(spans(mean_sentence(scope))))
    blocks.append(Paragraph(spans(counts_sentence(ctx))))
    blocks.append(Paragraph(spans(budget_sentence(scope))))
    return Chapter("ringkasan", ChapterKind.FRONT, t("summary.title"), blocks=tuple(blocks))


def mean_sentence(scope: Scope) -> str:
    ctx, overall = scope.ctx, scope.rm.overall
    if overall.achievement is None:
        return ctx.t("region.mean_none", region=scope.region.name, year=ctx.year)
    return ctx.t("region.mean", region=scope.region.name, year=ctx.year,
                 count=ctx.f.count(overall.count), achievement=ctx.f.percent(overall.achievement),
                 category=ctx.f.band_word(overall.category))


def budget_sentence(scope: Scope) -> str:
    ctx, rm = scope.ctx, scope.rm
    f = ctx.f
    if rm.ceiling is None:
        return ctx.t("region.budget_none", year=ctx.year)
    text = ctx.t("region.budget", year=ctx.year, agencies=f.count(len(rm.agencies)),
                 ceiling=f.rupiah(rm.ceiling), spent=f.rupiah(rm.spent),
                 absorption=f.absorption(rm.absorption))
    if rm.budget_missing:
        text += " " + ctx.t("region.budget_missing", names=", ".join(
            rm.agency(code).label for code in rm.budget_missing))
    return text
