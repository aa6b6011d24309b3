"""Plan and year → the document model of the LKjIP, chapter by chapter, numbered."""

from __future__ import annotations

from sakip.core.model import Plan
from sakip.report.chapters.annex_sources import link_sources
from sakip.report.chapters.annexes import annexes
from sakip.report.chapters.ch1_introduction import introduction
from sakip.report.chapters.ch2_planning import planning
from sakip.report.chapters.ch3_accountability import accountability
from sakip.report.chapters.ch4_closing import closing
from sakip.report.chapters.foreword import contents, cover, foreword
from sakip.report.chapters.summary import summary
from sakip.report.context import Context, Options, make_context
from sakip.report.model import Document, finalize

PARTS = (cover, foreword, contents, summary, introduction, planning, accountability, closing,
         annexes)


def build_report(plan: Plan, year: int, options: Options | None = None) -> Document:
    """The LKjIP of ``year`` as a numbered document model, ready for any renderer."""
    return build_from(make_context(plan, year, options))


def build_from(ctx: Context) -> Document:
    chapters = tuple(part(ctx) for part in PARTS)
    document = Document(
        title=ctx.t("document.title", agency=ctx.plan.agency.name, year=ctx.year),
        agency=ctx.plan.agency.name, year=ctx.year, lang=ctx.t.lang, chapters=chapters,
        labels={"table": ctx.t("label.table"), "figure": ctx.t("label.figure")})
    return finalize(link_sources(document))
