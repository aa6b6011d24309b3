"""The evaluation's documents: the worksheet as XLSX (:func:`sakip.forms.lke.lke_workbook`) and
the *Laporan Hasil Evaluasi* as DOCX, PDF or HTML (:func:`sakip.report.lhe.lhe_bytes`), from the
answers stored now (a draft until the result is final)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from sakip.core import lke as core
from sakip.forms.lke import lke_workbook
from sakip.report.lhe import lhe_bytes
from sakip.web.access import Action, requires
from sakip.web.evaluation import write
from sakip.web.evaluation.models import Evaluation, FollowUp
from sakip.web.exchange.capabilities import CONTENT_TYPES, REPORT_HTML_POLICY
from sakip.web.labels import language
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear, ReviewTeam

FORMATS = ("xlsx", "docx", "pdf", "html")


def links(agency: Agency, year: int) -> list[dict[str, str]]:
    """The page's download links."""
    labels = {"xlsx": gettext("Lembar kerja LKE (XLSX)"), "docx": gettext("LHE (DOCX)"),
              "pdf": gettext("LHE (PDF)"), "html": gettext("LHE (HTML)")}
    return [{"format": fmt, "label": labels[fmt],
             "url": reverse("lke_download", kwargs={"agency": agency.pk, "year": year, "fmt": fmt})}
            for fmt in FORMATS]


def recommendations(evaluation: Evaluation) -> list[core.Recommendation]:
    """This evaluation's recommendations, and last year's with what this one found of their
    follow-up."""
    year = evaluation.agency_year.year
    found = [core.Recommendation(r.component, r.text, year)
             for r in evaluation.recommendations.all()]
    earlier = write.previous(evaluation)
    if earlier is not None:
        follow_ups = {f.recommendation_id: f for f in FollowUp.objects.filter(evaluation=evaluation)}
        for r in earlier.recommendations.all():
            f = follow_ups.get(r.pk)
            found.append(core.Recommendation(r.component, r.text, year - 1,
                                             f.followed if f else None,
                                             (f.note or None) if f else None))
    return found


@requires(Action.READ)
def download(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
             fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("format tidak dikenal")
    evaluation = write.evaluation_of(state)
    lke = write.worksheet(evaluation)
    sheets = write.sheets(evaluation)
    lang = language()
    if fmt == "xlsx":
        content = lke_workbook(lke, sheets, agency=agency.name, year=year, lang=lang)
        name = f"LKE-{agency.code}-{year}.xlsx"
    else:
        team = ReviewTeam.objects.filter(agency_year=state).first()
        try:
            content = lhe_bytes(lke, sheets, recommendations(evaluation), agency=agency.name,
                                region=agency.region.name, year=year,
                                evaluator=(team.inspector or None) if team else None,
                                lang=lang, fmt=fmt)
        except (ImportError, OSError):  # e.g. WeasyPrint without Pango for PDF
            return TemplateResponse(request, "errors/unavailable.html", {
                "what": f"LHE {fmt.upper()}",
                "why": gettext("Server ini belum dapat membuat format tersebut (pustaka sistem "
                               "belum terpasang). Unduh format lain.")}, status=503)
        name = f"LHE-{agency.code}-{year}.{fmt}"
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    disposition = "inline" if fmt == "html" else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    if fmt == "html":
        response.headers["Content-Security-Policy"] = REPORT_HTML_POLICY
    return response
