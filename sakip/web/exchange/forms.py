"""The Permendagri 86/2017 forms (E.81, E.80) and the quarterly monitoring report as downloads
(XLSX, PDF), from the agency's plan as the other downloads read it (``plan_for``), under the same
access rule as the report (:data:`Action.READ`). The forms are built by :mod:`sakip.forms`;
nothing is computed here."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from sakip.web.access import Action, requires
from sakip.web.exchange import capabilities
from sakip.web.exchange.views import _download
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear
from sakip.web.workflow.snapshots import plan_for

FORMS = ("e81", "e80", "monev")
FORMATS = ("xlsx", "pdf")
NAMES = {"e81": "E81", "e80": "E80", "monev": "Monev"}


def allowed(form: str, quarter: int) -> bool:
    """E.81: the year (0) or up to a quarter; E.80: the year only; Monev: a quarter."""
    if form == "e81":
        return 0 <= quarter <= 4
    if form == "e80":
        return quarter == 0
    return form == "monev" and 1 <= quarter <= 4


@requires(Action.READ)
def download(request: HttpRequest, agency: Agency, year: int, state: AgencyYear, form: str,
             quarter: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATS or form not in FORMS or not allowed(form, quarter):
        raise Http404("formulir tidak dikenal")
    from sakip.forms import build, render

    laid_out = build(plan_for(agency, year), form, year, quarter or None)
    try:
        content = render(laid_out, f".{fmt}")
    except (ImportError, OSError):  # WeasyPrint without Pango, say
        return TemplateResponse(request, "errors/unavailable.html", {
            "what": gettext("Formulir format %(format)s") % {"format": fmt.upper()},
            "why": gettext("Server ini belum dapat membuat format tersebut (pustaka sistem "
                           "belum terpasang). Unduh format lain.")}, status=503)
    suffix = f"-TW{quarter}" if quarter else ""
    return _download(content, f"{NAMES[form]}-{agency.code}-{year}{suffix}.{fmt}",
                     capabilities.CONTENT_TYPES[fmt])
