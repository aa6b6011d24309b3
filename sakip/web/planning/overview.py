"""Perencanaan: the agency's planning documents on one page, each with what it is for."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext_lazy as _

from sakip.web.access import Action, requires
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear

# (URL name, title, what it shows): the pages of the planning cascade, in the order a planning
# officer works through them. A page whose module is not mounted is left out.
PAGES = (
    ("planning_tree", _("Pohon kinerja"),
     _("Sasaran daerah → tujuan → sasaran → program → kegiatan, dengan capaian tahun ini.")),
    ("planning_renstra", _("Capaian Renstra"),
     _("Target dan realisasi lima tahun tiap indikator, kemajuan menuju target akhir.")),
    ("planning_definitions", _("Manual indikator"),
     _("Definisi, cara perhitungan, sumber data dan penanggung jawab tiap indikator.")),
    ("planning_agreements", _("PK berjenjang"),
     _("Perjanjian kinerja kepala dinas, pejabat administrator dan pengawas.")),
    ("planning_logic", _("Kerangka logis"),
     _("Pemeriksaan keterkaitan: sasaran tanpa indikator, kegiatan tanpa sasaran, dan lainnya.")),
)


@requires(Action.READ)
def overview(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    pages = []
    for name, title, text in PAGES:
        try:
            url = reverse(name, kwargs={"agency": agency.pk, "year": year})
        except NoReverseMatch:
            continue
        pages.append({"url": url, "title": title, "text": text})
    try:
        region_url = reverse("region_rpjmd")
    except NoReverseMatch:
        region_url = None
    return TemplateResponse(request, "planning/overview.html", {
        "agency": agency, "state": state, "year": year, "pages": pages, "region_url": region_url})


URLS = [path("perencanaan/", overview, name="planning")]
