"""PK berjenjang: the Perjanjian Kinerja of the head of agency, each administrator and each
supervisor for the year, with their items, budgets and signatories, the checks that each lower
PK serves an upper one, and each PK as a printable PDF or XLSX.

The PKs are :func:`sakip.core.agreement_levels.derive` of the plan the year is read from
(``plan_for``: its snapshot while approved); the rows shown are the printed forms' own
(:func:`sakip.forms.pk.build`), so the page and the print cannot differ. Nothing is computed
here.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext

from sakip.core.agreement_levels import Tier, derive
from sakip.io.idnum import format_id
from sakip.web.access import Action, requires
from sakip.web.exchange import capabilities
from sakip.web.exchange.views import _download
from sakip.web.labels import language
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear
from sakip.web.workflow.snapshots import plan_for

FORMATS = ("pdf", "xlsx")
ALL = "semua"  # the slug of the download holding every level's PK, one after another
SEVERITY = {"error": "kesalahan", "warning": "peringatan", "info": "catatan"}


def _money(value: object) -> str:
    """A ceiling as the form prints it: whole rupiah, or the form's dash or blank."""
    return format_id(value, 0) if isinstance(value, Decimal) else str(value or "")


def _english() -> bool:
    return language() == "en"


@requires(Action.READ)
def page(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    from sakip.forms import pk

    plan = plan_for(agency, year)
    pks = derive(plan, year)
    english = _english()
    levels: list[dict[str, Any]] = []
    for agreement in pks.all:
        form = pk.layout(plan, agreement)
        levels.append({
            "slug": agreement.slug, "tier": agreement.tier.label_en if english
            else agreement.tier.label_id, "supervisor": agreement.tier is Tier.SUPERVISOR,
            "form": form, "rows": [[c.value for c in row.cells] for row in form.targets.rows],
            "funded": [{"name": row.cells[1].value, "ceiling": _money(row.cells[2].value),
                        "total": row.level == "total"} for row in form.funded.rows],
            "items": len(agreement.items)})
    defects = [{"code": d.code, "severity": SEVERITY.get(d.severity, d.severity),
                "record": d.record, "message": d.message_en if english else d.message_id,
                "expected": d.expected, "found": d.found} for d in pks.defects]
    return TemplateResponse(request, "planning/agreements.html", {
        "agency": agency, "state": state, "year": year, "levels": levels, "defects": defects,
        "has_head_agreement": pks.has_head_agreement, "formats": FORMATS})


@requires(Action.READ)
def download(request: HttpRequest, agency: Agency, year: int, state: AgencyYear, unit: str,
             fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("format tidak dikenal")
    from sakip.forms import pk

    plan = plan_for(agency, year)
    try:
        pages = pk.build(plan, year, None if unit == ALL else unit)
    except KeyError:
        raise Http404("unit tidak dikenal") from None
    try:
        content = pk.render(pages, f".{fmt}")
    except (ImportError, OSError):  # WeasyPrint without Pango, say
        return TemplateResponse(request, "errors/unavailable.html", {
            "what": gettext("Formulir format %(format)s") % {"format": fmt.upper()},
            "why": gettext("Server ini belum dapat membuat format tersebut (pustaka sistem "
                           "belum terpasang). Unduh format lain.")}, status=503)
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", unit).strip("-") or "unit"
    return _download(content, f"PK-{agency.code}-{year}-{name}.{fmt}",
                     capabilities.CONTENT_TYPES[fmt])


URLS = [
    path("pk-berjenjang/", page, name="planning_agreements"),
    path("pk-berjenjang/<str:unit>.<slug:fmt>", download, name="planning_agreement_download"),
]
