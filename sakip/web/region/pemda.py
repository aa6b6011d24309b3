"""The IKU Pemda on the region page and the LKjIP Pemda download (issue 18).

The region is measured by the core (:func:`sakip.core.region_measure.measure_region`) from the
agencies' plans as the region page has them (:func:`sakip.web.measuring.measured_many`: an
approved year's snapshot), each with the region's current RPJMD records (the region admin's).
The measurement is kept in this process while the same agencies' measurements (kept by
:mod:`sakip.web.measuring` until a write) and the same RPJMD are given: no query, no recompute.

The LKjIP Pemda (:func:`sakip.report.region.build_region_report`) is built from that
measurement and rendered by the agency report's renderers (DOCX, PDF, HTML). When every agency's
year is approved, the file is kept (:func:`sakip.web.measuring.kept_bytes`, in the data folder, as
the agencies' approved reports are) by the agencies' snapshot hashes and the region's stamp: a
locked year's report is built once.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from sakip.core.model import Plan
from sakip.core.region_measure import RegionIssue, RegionMeasurement, check_region, measure_region
from sakip.web.access import Action, membership, requires
from sakip.web.exchange import capabilities
from sakip.web.measuring import kept_bytes, measured_many
from sakip.web.plans.convert import region_of
from sakip.web.plans.models import Agency, Region
from sakip.web.workflow.models import AgencyYear, Snapshot, State

_KEEP = 16
# (region pk, year) → (the measurements and region it was made from, plans, measurement)
_MEASURED: OrderedDict[tuple[int, int], tuple[tuple[Any, ...], RegionMeasurement]] = OrderedDict()


def region_measured(row: Region, year: int, results: dict[int, tuple[Plan, Any]]
                    ) -> tuple[RegionMeasurement | None, tuple[RegionIssue, ...], list[Plan]]:
    """The region's year measured from the agencies' ``results`` (pk → (plan, measurement),
    in the page's order): (the measurement or None, the issues that prevent it, the plans).
    None without issues when the RPJMD has no IKU Pemda."""
    region = region_of(row)
    plans = [plan if plan.region == region else replace(plan, region=region)
             for plan, _ in results.values()]
    if not region.indicators or not plans:
        return None, (), plans
    source = (region, *(m for _, m in results.values()))
    kept = _MEASURED.get((row.pk, year))
    if kept is not None and len(kept[0]) == len(source) and kept[0][0] == region \
            and all(a is b for a, b in zip(kept[0][1:], source[1:], strict=True)):
        _MEASURED.move_to_end((row.pk, year))
        return kept[1], (), plans
    issues = check_region(region, plans)
    if issues:
        return None, issues, plans
    measured = measure_region(region, plans, year, [m for _, m in results.values()])
    _MEASURED[(row.pk, year)] = (source, measured)
    while len(_MEASURED) > _KEEP:
        _MEASURED.popitem(last=False)
    return measured, (), plans


def _inside(row: Region, year: int) -> list[Agency]:
    return [a for a in Agency.objects.filter(region=row).select_related("strategic_plan")
            .order_by("name", "id") if year in a.strategic_plan.years]


def _locked_key(row: Region, agencies: list[Agency], year: int, fmt: str) -> str | None:
    """The name a report is kept under when every agency's year is approved (the region, its
    stamp, the year, the format and a hash of the agencies' snapshots), else None."""
    approved = set(AgencyYear.objects.filter(agency__in=agencies, year=year, state=State.APPROVED)
                   .values_list("agency_id", flat=True))
    if not row.stamp or approved != {a.pk for a in agencies}:
        return None
    latest: dict[int, str] = {}
    for agency, sha in Snapshot.objects.filter(agency__in=agencies, year=year) \
            .order_by("agency_id", "-version").values_list("agency_id", "sha256"):
        latest.setdefault(agency, sha)
    if set(latest) != approved:
        return None
    snapshots = hashlib.sha256(repr(sorted(latest.items())).encode()).hexdigest()
    return f"pemda-{row.pk}-{row.stamp}-{year}-{snapshots}-{fmt}"


def report_bytes(row: Region, year: int, fmt: str) -> bytes:
    """The LKjIP Pemda of ``year`` as ``fmt``; :class:`Http404` when the region cannot be
    measured (no IKU Pemda, or its issues: the region page names them)."""
    module = capabilities.report()
    if module is None or fmt not in capabilities.REPORT_FORMATS:
        raise capabilities.Unavailable(fmt)
    agencies = _inside(row, year)
    key = _locked_key(row, agencies, year, fmt)
    return (kept_bytes(key, lambda: _built(row, agencies, year, fmt, module)) if key is not None
            else _built(row, agencies, year, fmt, module))


def _built(row: Region, agencies: list[Agency], year: int, fmt: str, module: Any) -> bytes:
    results = measured_many(agencies, year)
    measured, _issues, plans = region_measured(row, year, results)
    if measured is None:
        raise Http404("IKU Pemda belum dapat diukur")
    from sakip.report.region import build_region_report

    document = build_region_report(measured.region, plans, year, measured=measured)
    try:
        return bytes(module.render(document, f".{fmt}"))
    except (ImportError, OSError) as error:  # e.g. WeasyPrint without Pango for PDF
        raise capabilities.Unavailable(f"{fmt}: {error}") from error


@requires(Action.READ_REGION)
def report(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    """The LKjIP Pemda download (``/wilayah/<year>/lkjip-pemda.<fmt>``) for the region's admin
    and reviewers."""
    member = membership(request.user)
    assert member is not None
    if fmt not in capabilities.REPORT_FORMATS or capabilities.report() is None:
        raise Http404("laporan belum tersedia dalam format ini")
    try:
        content = report_bytes(member.region, year, fmt)
    except capabilities.Unavailable:
        return TemplateResponse(request, "errors/unavailable.html", {
            "what": f"LKjIP Pemda format {fmt.upper()}",
            "why": "Server ini belum dapat membuat format tersebut (pustaka sistem belum "
                   "terpasang). Unduh format lain."}, status=503)
    response = HttpResponse(content, content_type=capabilities.CONTENT_TYPES[fmt])
    name = f"LKjIP-Pemda-{member.region.pk}-{year}.{fmt}"
    disposition = "inline" if fmt == "html" else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    if fmt == "html":
        response.headers["Content-Security-Policy"] = capabilities.REPORT_HTML_POLICY
    return response
