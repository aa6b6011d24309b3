"""Bab III, each goal's comparison with the medium-term target (*dibandingkan dengan target
jangka menengah*): after the table of achievement against the final Renstra target, where each
key indicator is headed at the current rate — the projection of :mod:`sakip.core.renstra`, the
same the web's *Capaian Renstra* page shows."""

from __future__ import annotations

from sakip.core.model import Indicator
from sakip.core.renstra import NoProjection, RenstraLine, line
from sakip.report.context import Context
from sakip.report.model import Block, Paragraph, spans


def projections(ctx: Context, indicators: list[Indicator]) -> list[Block]:
    """One sentence per indicator with a projection, or with too few years for one."""
    sentences = [s for i in indicators
                 if (s := _sentence(ctx, line(ctx.plan, i, ctx.year, ctx.history))) is not None]
    return [Paragraph(spans(s)) for s in sentences]


def _sentence(ctx: Context, found: RenstraLine) -> str | None:
    t, f, i = ctx.t, ctx.f, found.indicator
    projection = found.projection
    if projection is None:
        if found.no_projection is NoProjection.TOO_FEW_YEARS and found.final is not None:
            return t("say.projection_too_few", name=i.name, end=found.final_year)
        return None
    unit = f" {i.unit}" if i.unit and i.unit != "%" else (i.unit or "")
    verdict = {True: "say.projection_likely", False: "say.projection_unlikely",
               None: "say.projection_undecided"}[projection.likely_met]
    final = found.final.value if found.final is not None else None
    return t("say.projection", name=i.name, first=projection.first, last=projection.last,
             rate=f.number(projection.rate), value=f.number(projection.value), unit=unit,
             end=found.final_year, target=f.target_number(i, final), verdict=t(verdict))
