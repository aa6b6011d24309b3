"""Open data (docs/opendata.md): a published agency-year as JSON and CSV, a region's index of
them, and a page listing every region's. Public pages: a year that is not published is 404 for
everyone (a member who may read it uses the agency's own downloads), so what these addresses
answer never depends on who asks.

Addresses use codes, never database ids: the region's slug (from its name), the agency's code
and the year survive a re-load of the database.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify

from sakip.web.access import public
from sakip.web.measuring import measured
from sakip.web.opendata import shape
from sakip.web.plans.models import Agency, Region
from sakip.web.workflow.models import AgencyYear, Snapshot


def region_slug(region: Region) -> str:
    """The region's part of every address: its name as a slug (``kabupaten-belitung``)."""
    return slugify(region.name) or "wilayah"


def _region(slug: str) -> Region:
    """The region of ``slug``; when two regions' names give the same slug, the first created."""
    for region in Region.objects.order_by("pk"):
        if region_slug(region) == slug:
            return region
    raise Http404("pemerintah daerah tidak dikenal")


def _published(region: Region) -> list[AgencyYear]:
    return list(AgencyYear.objects.filter(agency__region=region, published=True)
                .select_related("agency").order_by("agency__code", "year"))


def _snapshots(states: list[AgencyYear]) -> dict[tuple[int, int], Snapshot]:
    """The latest snapshot of each agency-year (the version published), in one query."""
    found: dict[tuple[int, int], Snapshot] = {}
    agencies = {s.agency_id for s in states}
    for snap in (Snapshot.objects.filter(agency_id__in=agencies)
                 .only("agency_id", "year", "version", "sha256", "at").order_by("version")):
        found[(snap.agency_id, snap.year)] = snap
    return found


def _urls(request: HttpRequest, slug: str, agency: Agency, year: int) -> dict[str, str]:
    kwargs = {"region": slug, "agency_code": agency.code, "year": year}
    return {
        "json": request.build_absolute_uri(reverse("opendata_json", kwargs=kwargs)),
        "csv": request.build_absolute_uri(reverse("opendata_csv", kwargs=kwargs)),
        "budget_csv": request.build_absolute_uri(reverse("opendata_budget_csv", kwargs=kwargs)),
        "page": request.build_absolute_uri(reverse(
            "public_dashboard", kwargs={"agency": agency.pk, "year": year})),
    }


def _entries(request: HttpRequest, region: Region) -> list[dict[str, Any]]:
    slug = region_slug(region)
    states = _published(region)
    snaps = _snapshots(states)
    entries = []
    for state in states:
        snap = snaps.get((state.agency_id, state.year))
        entries.append({
            "region": slug, "agency_code": state.agency.code, "agency_name": state.agency.name,
            "year": state.year, "version": snap.version if snap else None,
            "sha256": snap.sha256 if snap else None,
            **_urls(request, slug, state.agency, state.year), "licence": shape.LICENCE,
        })
    return entries


def _json(data: Any, filename: str) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, indent=1)
    return _open(HttpResponse(body, content_type="application/json; charset=utf-8"), filename)


def _csv(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text.encode("utf-8"),
                            content_type="text/csv; charset=utf-8; header=present")
    return _open(response, filename)


def _open(response: HttpResponse, filename: str) -> HttpResponse:
    """Headers every open-data file carries: readable from any origin, its licence linked."""
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Link"] = f'<{shape.LICENCE_URL}>; rel="license"'
    return response


@public
def index_page(request: HttpRequest) -> HttpResponse:
    regions = [{"region": region, "slug": region_slug(region), "entries": _entries(request, region)}
               for region in Region.objects.order_by("name", "pk")]
    return TemplateResponse(request, "opendata/index.html", {
        "regions": [r for r in regions if r["entries"]], "licence": shape.LICENCE,
        "licence_url": shape.LICENCE_URL})


@public
def region_json(request: HttpRequest, region: str) -> HttpResponse:
    found = _region(region)
    return _json({"region": {"name": found.name, "slug": region, "kind": found.kind},
                  "licence": shape.LICENCE, "licence_url": shape.LICENCE_URL,
                  "format_version": shape.FORMAT_VERSION,
                  "published": _entries(request, found)}, f"{region}.json")


@public
def region_csv(request: HttpRequest, region: str) -> HttpResponse:
    found = _region(region)
    return _csv(shape.to_csv(shape.INDEX_COLUMNS, _entries(request, found)), f"{region}.csv")


def _document(request: HttpRequest, region: str, agency_code: str, year: int) -> dict[str, Any]:
    """The JSON document of a published agency-year, or 404."""
    found = _region(region)
    state = (AgencyYear.objects.filter(agency__region=found, agency__code=agency_code, year=year,
                                       published=True).select_related("agency").first())
    if state is None:
        raise Http404("tahun ini belum dipublikasikan")
    agency = state.agency
    plan, m = measured(agency, year)
    snap = _snapshots([state]).get((agency.pk, year))
    meta = {
        "region": {"name": found.name, "slug": region, "kind": found.kind},
        "agency": {"code": agency.code, "name": agency.name},
        "year": year, "published": True,
        "version": snap.version if snap else None, "sha256": snap.sha256 if snap else None,
        "approved_at": snap.at.isoformat() if snap else None,
        "demo": agency.demo, "urls": _urls(request, region, agency, year),
    }
    return shape.document(plan, m, meta)


@public
def agency_year_json(request: HttpRequest, region: str, agency_code: str, year: int) -> HttpResponse:
    doc = _document(request, region, agency_code, year)
    return _json(doc, f"{agency_code}-{year}.json")


@public
def agency_year_csv(request: HttpRequest, region: str, agency_code: str, year: int) -> HttpResponse:
    doc = _document(request, region, agency_code, year)
    return _csv(shape.to_csv(shape.INDICATOR_COLUMNS, shape.indicator_rows(doc)),
                f"{agency_code}-{year}.csv")


@public
def agency_year_budget_csv(request: HttpRequest, region: str, agency_code: str,
                           year: int) -> HttpResponse:
    doc = _document(request, region, agency_code, year)
    return _csv(shape.to_csv(shape.BUDGET_COLUMNS, shape.budget_rows(doc)),
                f"{agency_code}-{year}-anggaran.csv")

