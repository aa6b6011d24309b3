"""Region, agency plans and year → the LKjIP Pemda's document model (PermenPAN-RB 53/2014):
cover, Kata Pengantar, Daftar Isi, Ringkasan Eksekutif, Bab I Pendahuluan, Bab II Perencanaan
Kinerja, Bab III Akuntabilitas Kinerja, Bab IV Penutup, Lampiran."""

from __future__ import annotations

from collections.abc import Sequence

from sakip.core.model import Plan, Region
from sakip.core.region_measure import RegionMeasurement, measure_region, region_history
from sakip.core.scales import band_labels
from sakip.report.context import Context, Options, read_logo
from sakip.report.format import Formatter
from sakip.report.model import Document, finalize
from sakip.report.region.accountability import accountability
from sakip.report.region.annexes import annexes
from sakip.report.region.closing import closing
from sakip.report.region.front import contents, cover, foreword, summary
from sakip.report.region.introduction import introduction
from sakip.report.region.planning import planning
from sakip.report.region.scope import Scope
from sakip.report.text import Text

PARTS = (cover, foreword, contents, summary, introduction, planning, accountability, closing,
         annexes)


def build_region_report(region: Region, plans: Sequence[Plan], year: int,
                        options: Options | None = None,
                        measured: RegionMeasurement | None = None) -> Document:
    """The LKjIP Pemda of ``year`` for ``region`` from its agencies' ``plans`` (checked by the
    caller: :func:`sakip.core.region_measure.check_region`), as a numbered document model.
    ``measured``: the region's measurement when the caller has it already."""
    return build_from(scope_of(region, plans, year, options, measured))


def scope_of(region: Region, plans: Sequence[Plan], year: int, options: Options | None = None,
             measured: RegionMeasurement | None = None) -> Scope:
    options = options or Options()
    rm = measured if measured is not None else measure_region(region, plans, year)
    history = region_history(rm)
    text = Text(options.lang)
    logo = read_logo(options.logo) if options.logo is not None else None
    ctx = Context(rm.plan, year, rm.measurement, history, options, text,
                  Formatter(rm.plan.settings, text, year,
                            band_labels(rm.plan, options.lang, rm.settings, more=plans)), logo)
    return Scope(ctx, rm, tuple(plans))


def build_from(scope: Scope) -> Document:
    ctx = scope.ctx
    chapters = tuple(part(scope) for part in PARTS)
    document = Document(
        title=ctx.t("region.document_title", region=scope.region.name, year=ctx.year),
        agency=scope.region.name, year=ctx.year, lang=ctx.t.lang, chapters=chapters,
        labels={"table": ctx.t("label.table"), "figure": ctx.t("label.figure")})
    return finalize(document)
