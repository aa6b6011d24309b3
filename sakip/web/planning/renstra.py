"""Capaian Renstra: per goal, objective and programme indicator, the Renstra years' targets and
realisations up to the year viewed, the final target, progress to it and the projection to the
final year at the current rate (sakip.core.renstra computes every figure; the page formats)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from sakip.core.enums import Level
from sakip.core.renstra import NoProjection, renstra
from sakip.web.access import Action, requires
from sakip.web.labels import LEVELS
from sakip.web.measuring import measured
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear

NO_PROJECTION = {
    NoProjection.QUALITATIVE: _("kualitatif"),
    NoProjection.TOO_FEW_YEARS: _("realisasi kurang dari dua tahun"),
    NoProjection.NO_FINAL_TARGET: _("tanpa target akhir"),
    NoProjection.FINAL_YEAR_REALISED: _("tahun akhir sudah terealisasi"),
}
GROUPS = (((Level.GOAL, Level.OBJECTIVE), _("Indikator tujuan dan sasaran")),
          ((Level.PROGRAM,), _("Indikator program")))


@requires(Action.READ)
def page(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    plan, m = measured(agency, year)
    lines = renstra(plan, year, {year: m})
    groups = []
    for levels, title in GROUPS:
        rows = [{"line": x, "level": LEVELS[x.indicator.level.value],
                 "why": NO_PROJECTION.get(x.no_projection) if x.no_projection else None}
                for x in lines if x.indicator.level in levels]
        if rows:
            groups.append({"title": title, "rows": rows})
    sp = plan.strategic_plan
    return TemplateResponse(request, "planning/renstra.html", {
        "agency": agency, "state": state, "year": year, "groups": groups,
        "years": list(sp.years), "start": sp.start, "end": sp.end,
        "places": plan.settings.achievement_places,
    })


URLS = [path("renstra/", page, name="planning_renstra")]
