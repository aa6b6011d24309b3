"""The cover, the Kata Pengantar signed by the head of the agency, and the Daftar Isi."""

from __future__ import annotations

from sakip.report.context import Context
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


def cover(ctx: Context) -> Chapter:
    agency = ctx.plan.agency
    address = ", ".join(part for part in (
        agency.address, ctx.t("cover.phone", phone=agency.phone) if agency.phone else None) if part)
    region = ctx.plan.region.name
    shown_region = "" if agency.name.lower().endswith(region.lower()) else region.upper()
    block = Cover(ctx.t("cover.title"), ctx.t("cover.year", year=ctx.year), agency.name.upper(),
                  shown_region, address or None, ctx.logo)
    return Chapter("cover", ChapterKind.COVER, ctx.t("cover.title"), blocks=(block,))


def head_signatory(ctx: Context, heading: str | None = None) -> Signatory:
    head = ctx.plan.agency.head
    title = head.title if head is not None and head.title else ctx.t("sign.head")
    name = head.name if head is not None and head.name else BLANK
    return Signatory(heading if heading is not None else f"{title},", None, name,
                     head.rank if head is not None else None,
                     ctx.t("sign.nip", nip=head.nip) if head is not None and head.nip else None)


def foreword(ctx: Context) -> Chapter:
    agency, year = ctx.plan.agency.name, ctx.year
    paragraphs = tuple(Paragraph(spans(ctx.t(key, agency=agency, year=year, next=year + 1)))
                       for key in ("foreword.p1", "foreword.p2", "foreword.p3", "foreword.p4"))
    signature = SignatureBlock((head_signatory(ctx),), f"{ctx.place}, {ctx.date_text}")
    return Chapter("kata-pengantar", ChapterKind.FRONT, ctx.t("foreword.title"),
                   blocks=(*paragraphs, signature))


def contents(ctx: Context) -> Chapter:
    return Chapter("daftar-isi", ChapterKind.FRONT, ctx.t("contents.title"),
                   blocks=(Contents(ctx.t("contents.title")),))
