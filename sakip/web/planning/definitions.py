"""Manual indikator: the definition sheet of every indicator of the agency-year's plan, each with
what it still lacks (sakip.core.definitions decides; this page only shows it), and a filter to
the incomplete ones (``?kurang=1``). A sheet is filled in on the indicator's structure form."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from sakip.core.definitions import Sheet, SheetField, sheets
from sakip.web.access import Action, can, requires
from sakip.web.labels import LEVELS
from sakip.web.plans.models import Agency, Indicator
from sakip.web.plans.models import choices as c
from sakip.web.workflow.models import AgencyYear
from sakip.web.workflow.snapshots import plan_for

FIELDS = {
    SheetField.DEFINITION: _("definisi"), SheetField.CALCULATION: _("rumus atau cara perhitungan"),
    SheetField.UNIT: _("satuan"), SheetField.DATA_SOURCE: _("sumber data"),
    SheetField.FREQUENCY: _("frekuensi pengukuran"), SheetField.RESPONSIBLE: _("penanggung jawab"),
    SheetField.RATIONALE: _("alasan pemilihan"),
}


def _shown(found: Sheet, edit: dict[str, int]) -> dict[str, Any]:
    i = found.indicator
    return {
        "sheet": found, "i": i, "level": LEVELS[i.level.value],
        "polarity": c.Polarity(i.polarity.value).label,
        "frequency": c.Frequency(i.frequency.value).label if i.frequency else None,
        "missing": [FIELDS[f] for f in found.missing], "edit": edit.get(i.code),
    }


@requires(Action.READ)
def page(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    plan = plan_for(agency, year)
    only_incomplete = request.GET.get("kurang") == "1"
    found = sheets(plan)
    editable = can(request.user, Action.EDIT, agency, year, state=state)
    edit = dict(Indicator.objects.filter(agency=agency).values_list("code", "pk")) \
        if editable else {}
    shown = [_shown(s, edit) for s in found if not (only_incomplete and s.complete)]
    return TemplateResponse(request, "planning/definitions.html", {
        "agency": agency, "state": state, "year": year, "sheets": shown,
        "only_incomplete": only_incomplete, "total": len(found),
        "incomplete": sum(1 for s in found if not s.complete),
    })


URLS = [path("manual-indikator/", page, name="planning_definitions")]
