"""The approved versions of an agency-year and what changed between two of them (a PK
*perubahan*, a corrected realisation …), printable; the region admin's check of every
snapshot's hash and chain."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from sakip.web.access import Action, requires
from sakip.web.labels import FIELDS
from sakip.web.plans.models import Agency, Region
from sakip.web.plans.write import audit_label
from sakip.web.workflow.audit import as_text
from sakip.web.workflow.history_rows import value_of
from sakip.web.workflow.models import AgencyYear, Snapshot
from sakip.web.workflow.snapshots import difference, verify


def _number(raw: str | None) -> int | None:
    text = (raw or "").strip()
    return int(text) if text.isdigit() and len(text) < 6 else None


@requires(Action.READ)
def versions(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    snapshots = list(Snapshot.objects.filter(agency=agency, year=year).select_related("user")
                     .order_by("version"))
    by_version = {s.version: s for s in snapshots}
    new = by_version.get(_number(request.GET.get("ke")) or 0) or (snapshots[-1] if snapshots else None)
    old = by_version.get(_number(request.GET.get("dari")) or 0)
    if old is None and new is not None:
        old = by_version.get(new.version - 1)
    changes = []
    if old is not None and new is not None and old.version != new.version:
        changes = [{"label": audit_label(c.kind, c.key), "field": FIELDS.get(c.field, c.field),
                    "old": value_of(as_text(c.old), c.field),
                    "new": value_of(as_text(c.new), c.field)}
                   for c in difference(old, new)]
    return TemplateResponse(request, "workflow/versions.html", {
        "agency": agency, "state": state, "snapshots": snapshots, "old": old, "new": new,
        "changes": changes})


@requires(Action.MANAGE_REGION)
def integrity(request: HttpRequest, region: Region | None = None) -> HttpResponse:
    from sakip.web.access import membership

    member = membership(request.user)
    assert member is not None  # requires() let a member through
    agencies = Agency.objects.filter(region=member.region)
    checked, broken = verify(agencies)
    snapshots = (Snapshot.objects.filter(agency__in=agencies).select_related("agency", "user")
                 .order_by("agency__name", "year", "version"))
    return TemplateResponse(request, "region/integrity.html", {
        "region": member.region, "checked": checked, "broken": broken,
        "broken_ids": {b.snapshot.pk for b in broken}, "snapshots": snapshots})
