"""Lampiran 1: the Perjanjian Kinerja form (PermenPAN-RB 53/2014) with both signature blocks."""

from __future__ import annotations

from sakip.core.enums import AgreementKind
from sakip.core.model import AgreementVersion, Official
from sakip.report.chapters.ch2_agreement import agreement_table
from sakip.report.chapters.common import head
from sakip.report.context import Context
from sakip.report.model import (
    BLANK,
    Align,
    Block,
    Cell,
    Column,
    PageBreak,
    Paragraph,
    Row,
    RowKind,
    Signatory,
    SignatureBlock,
    Style,
    Table,
    spans,
    table,
)
from sakip.report.narrative import program_title


def agreement_form(ctx: Context) -> list[Block]:
    t, plan = ctx.t, ctx.plan
    version = plan.agreement(ctx.year)
    if version is None:
        return [Paragraph(spans(t("ch2.pk_missing", year=ctx.year)))]
    first = version.first_party or plan.agency.head
    second = version.second_party
    regent_title = (second.title if second and second.title
                    else f"{plan.region.head_title} {_region_short(ctx)}")
    regent_name = (second.name if second and second.name else plan.region.head_name)
    title = t("annex.pk_title_amended" if version.kind is AgreementKind.AMENDMENT
              else "annex.pk_title", year=ctx.year)
    heading = [Paragraph(spans(title), Style.TITLE),
               Paragraph(spans(plan.agency.name.upper()), Style.TITLE)]
    parties = _parties(ctx, first, regent_title, regent_name)
    signature = _signatures(ctx, version, first, regent_title, regent_name)
    blocks: list[Block] = [*heading, Paragraph(spans(t("annex.pk_p1"))), parties,
                           Paragraph(spans(t("annex.pk_p2"))), Paragraph(spans(t("annex.pk_p3"))),
                           signature, PageBreak(), heading[0],
                           agreement_table(ctx, version, t("annex.pk_targets", year=ctx.year)),
                           _programs(ctx), signature]
    return blocks


def _region_short(ctx: Context) -> str:
    name = ctx.plan.region.name
    for word in ("Kabupaten ", "Kota ", "Provinsi "):
        if name.startswith(word):
            return name[len(word):]
    return name


def _parties(ctx: Context, first: Official | None, regent_title: str,
             regent_name: str | None) -> Table:
    t = ctx.t
    missing = BLANK
    rows = [
        Row((Cell(t("annex.name")), Cell(":"), Cell(first.name if first and first.name else missing))),
        Row((Cell(t("annex.position")), Cell(":"),
             Cell(first.title if first and first.title else t("sign.head")))),
        Row((Cell(t("annex.first_party"), colspan=3),)),
        Row((Cell(t("annex.name")), Cell(":"), Cell(regent_name or missing))),
        Row((Cell(t("annex.position")), Cell(":"), Cell(regent_title))),
        Row((Cell(t("annex.second_party"), colspan=3),)),
    ]
    return table(ctx.id("pihak-pk"), t("annex.parties"), (Column(2), Column(1), Column(12)), (),
                 rows, borderless=True)


def _signatures(ctx: Context, version: AgreementVersion, first: Official | None,
                regent_title: str, regent_name: str | None) -> SignatureBlock:
    t, f = ctx.t, ctx.f
    missing = BLANK
    second = Signatory(t("annex.second_party_sign"), regent_title, regent_name or missing)
    head = Signatory(t("annex.first_party_sign"), first.title if first and first.title else None,
                     first.name if first and first.name else missing,
                     first.rank if first else None,
                     t("sign.nip", nip=first.nip) if first and first.nip else None)
    signed = f.date(version.signed) if version.signed else ctx.date_text
    return SignatureBlock((second, head), f"{ctx.place}, {signed}")


def _programs(ctx: Context) -> Table:
    t, f, m = ctx.t, ctx.f, ctx.m
    rows = []
    for number, program in enumerate(ctx.plan.programs, start=1):
        line = m.budget_line(program.code)
        rows.append(Row((Cell(f"{number}.", align=Align.CENTER), Cell(program_title(ctx, program.name)),
                         f.money_cell(line.ceiling, f"ceiling:{ctx.year}:{program.code}"))))
    total = m.budget_line(ctx.plan.agency.code)
    rows.append(Row((Cell(t("word.total"), bold=True, colspan=2, align=Align.CENTER),
                     f.money_cell(total.ceiling, f"ceiling:{ctx.year}:{ctx.plan.agency.code}")),
                    RowKind.TOTAL))
    header = (head(t("word.no"), t("word.program"), t("ch2.ceiling_rp")),)
    return table(ctx.id("tabel-pk-program"), t("annex.pk_programs", year=ctx.year),
                 (Column(1), Column(8), Column(3, Align.RIGHT)), header, rows)
