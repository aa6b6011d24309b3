"""The history (Riwayat) pages: an agency's changes and the region's own changes (scales, accounts),
each filtered, paged, and downloadable as CSV or XLSX (docs/web.md, "Workflow and history")."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from sakip.web.access import Action, membership, requires
from sakip.web.plans.models import Agency, Region
from sakip.web.workflow.history_export import (
    CSV_TYPE,
    LIMIT,
    XLSX_TYPE,
    csv_bytes,
    download,
    xlsx_bytes,
)
from sakip.web.workflow.history_filter import SCOPE_ALL, SCOPE_YEAR, HistoryFilter, users_in
from sakip.web.workflow.history_rows import rows_of
from sakip.web.workflow.models import AgencyYear, AuditEntry

PER_PAGE = 100


def _agency_entries(agency: Agency) -> QuerySet:
    return AuditEntry.objects.filter(agency=agency).select_related("user")


def _region_entries(request: HttpRequest) -> tuple[Region, QuerySet]:
    member = membership(request.user)
    assert member is not None  # requires(MANAGE_REGION) let only a region admin through
    region = member.region
    return region, AuditEntry.objects.filter(region=region, agency__isnull=True).select_related("user")


def _listing(request: HttpRequest, entries: QuerySet, year: int | None) -> dict[str, object]:
    wanted = HistoryFilter.read(request.GET)
    # get_page: a page that is not a number gives the first page, one out of range the last
    page = Paginator(wanted.apply(entries, year), PER_PAGE).get_page(request.GET.get("halaman"))
    return {"filter": wanted, "query": wanted.query(), "page": page,
            "rows": list(rows_of(page.object_list)), "users": users_in(entries),
            "scope_year": SCOPE_YEAR, "scope_all": SCOPE_ALL,
            "limit": LIMIT, "cut": page.paginator.count > LIMIT, "time_zone": settings.TIME_ZONE}


def _export(request: HttpRequest, entries: QuerySet, year: int | None, fmt: str,
            name: str) -> HttpResponse:
    chosen = HistoryFilter.read(request.GET).apply(entries, year)[:LIMIT]
    rows = rows_of(chosen.iterator(chunk_size=2000))
    if fmt == "csv":
        return download(csv_bytes(rows), f"{name}.csv", CSV_TYPE)
    return download(xlsx_bytes(rows), f"{name}.xlsx", XLSX_TYPE)


def _file_name(*parts: object) -> str:
    return "-".join(re.sub(r"[^A-Za-z0-9_]+", "-", str(p)).strip("-") or "x" for p in parts)


@requires(Action.READ)
def history(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    return TemplateResponse(request, "workflow/history.html", {
        "agency": agency, "state": state, **_listing(request, _agency_entries(agency), year)})


@requires(Action.READ)
def history_csv(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    return _export(request, _agency_entries(agency), year, "csv",
                   _file_name("riwayat", agency.code, year))


@requires(Action.READ)
def history_xlsx(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    return _export(request, _agency_entries(agency), year, "xlsx",
                   _file_name("riwayat", agency.code, year))


@requires(Action.MANAGE_REGION)
def region_history(request: HttpRequest) -> HttpResponse:
    region, entries = _region_entries(request)
    return TemplateResponse(request, "region/history.html", {
        "region": region, **_listing(request, entries, None)})


@requires(Action.MANAGE_REGION)
def region_history_csv(request: HttpRequest) -> HttpResponse:
    region, entries = _region_entries(request)
    return _export(request, entries, None, "csv", _file_name("riwayat-wilayah", region.pk))


@requires(Action.MANAGE_REGION)
def region_history_xlsx(request: HttpRequest) -> HttpResponse:
    region, entries = _region_entries(request)
    return _export(request, entries, None, "xlsx", _file_name("riwayat-wilayah", region.pk))
