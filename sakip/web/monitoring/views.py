"""The region admin's entry windows, the late and missing entries, and each user's tasks
("tugas saya"). The period entry pages: entry.py."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sakip.web.access import Action, can, membership, requires
from sakip.web.accounts.models import Role
from sakip.web.labels import language as _lang
from sakip.web.monitoring import completeness, windows
from sakip.web.monitoring.entry import all_periods
from sakip.web.monitoring.models import Action as Event
from sakip.web.monitoring.models import Preference, Window, WindowEvent
from sakip.web.plans.models import Agency, Region
from sakip.web.workflow.models import EDITABLE, AgencyYear, State

ACTIONS = {Event.SET: _("batas ditetapkan"), Event.CLOSE: _("ditutup"),
           Event.REOPEN: _("dibuka kembali")}


def _region(request: HttpRequest) -> Region:
    member = membership(request.user)
    assert member is not None  # requires() let a member through
    return member.region  # type: ignore[no-any-return]


def _years(region: Region) -> list[int]:
    return sorted({y for a in Agency.objects.filter(region=region).select_related("strategic_plan")
                   for y in a.strategic_plan.years})


def _when(raw: str | None) -> datetime | None:
    """``2020-04-10T15:00`` (an input of type datetime-local) in the site's time zone."""
    try:
        value = datetime.fromisoformat((raw or "").strip())
    except ValueError:
        return None
    return timezone.make_aware(value) if timezone.is_naive(value) else value


@requires(Action.MANAGE_REGION)
def windows_page(request: HttpRequest, year: int) -> HttpResponse:
    """Deadlines per period of a year for every agency; closing, reopening (one agency or all)."""
    region = _region(request)
    agencies = list(Agency.objects.filter(region=region).order_by("name"))
    status = 200
    if request.method == "POST":
        status = _act(request, region, year, agencies)
        if status == 302:
            return redirect("region_windows", year=year)
    listed = windows.windows_of(region, [year])
    rows = []
    for window in sorted(listed, key=lambda w: w.period):
        states = [(a, windows.standing(window, a)) for a in agencies]
        rows.append({"window": window, "label": window.period.label(_lang()),
                     "closed": sum(1 for _, s in states if s.closed),
                     "reopened": [(a, s) for a, s in states if s.reopened]})
    events = (WindowEvent.objects.filter(window__region=region, window__year=year)
              .select_related("window", "agency", "by").order_by("-id"))
    granularity = listed[0].period.months if listed else None
    choices = [(windows.slug(p), p.label(_lang())) for p in all_periods()
               if granularity is None or p.months == granularity]
    return TemplateResponse(request, "monitoring/windows.html", {
        "region": region, "year": year, "years": _years(region), "rows": rows,
        "agencies": agencies, "choices": choices,
        "events": [{"event": e, "label": e.window.period.label(_lang()),
                    "action": ACTIONS[Event(e.action)]} for e in events],
        "posted": request.POST if request.method == "POST" else {},
    }, status=status)


def _act(request: HttpRequest, region: Region, year: int, agencies: list[Agency]) -> int:
    """One admin action on the windows: 302 when done, 400 with a message when refused."""
    action = request.POST.get("aksi", "")
    reason = (request.POST.get("alasan") or "").strip()[:1000]
    try:
        if action == "tetapkan":
            period = windows.from_slug(request.POST.get("periode", ""))
            deadline = _when(request.POST.get("batas"))
            if period is None or deadline is None:
                raise windows.Refused(gettext("Pilih periode dan isi batas waktunya."))
            windows.set_deadline(region, year, period, deadline, request.user, reason)
            messages.success(request, gettext("Batas pengisian %(period)s %(year)s ditetapkan.")
                             % {"period": period.label(_lang()), "year": year})
            return 302
        window = get_object_or_404(Window, pk=request.POST.get("jendela") or 0, region=region,
                                   year=year)
        agency = None
        if request.POST.get("opd"):
            agency = next((a for a in agencies if str(a.pk) == request.POST["opd"]), None)
            if agency is None:
                raise windows.Refused(gettext("Perangkat daerah tidak dikenal."))
        if action == "tutup":
            windows.close(window, request.user, reason, agency)
            messages.success(request, gettext("Pengisian %(period)s ditutup.")
                             % {"period": window.period.label(_lang())})
            return 302
        if action == "buka":
            deadline = _when(request.POST.get("batas"))
            if deadline is None:
                raise windows.Refused(gettext("Isi batas waktu yang baru."))
            windows.reopen(window, request.user, reason, deadline, agency)
            messages.success(request, gettext("Pengisian %(period)s dibuka kembali.")
                             % {"period": window.period.label(_lang())})
            return 302
        raise windows.Refused(gettext("Tindakan tidak dikenal."))
    except windows.Refused as refused:
        messages.error(request, refused.message)
        return 400


@requires(Action.READ_REGION)
def late_page(request: HttpRequest, year: int) -> HttpResponse:
    """Per period and agency: what was saved after the deadline, and what is still missing."""
    region = _region(request)
    agencies = list(Agency.objects.filter(region=region).order_by("name"))
    listed = sorted(windows.windows_of(region, [year]), key=lambda w: w.period)
    counts = completeness.compute([a.pk for a in agencies], year, [w.period for w in listed])
    late = windows.late_entries(region, year, listed)
    now = timezone.now()
    sections = []
    for window in listed:
        lines = []
        for agency in agencies:
            standing = windows.standing(window, agency)
            lines.append({"agency": agency, "standing": standing,
                          "count": counts[(agency.pk, window.period)],
                          "late": late.get((window.pk, agency.pk), [])})
        sections.append({"window": window, "label": window.period.label(_lang()),
                         "passed": window.deadline < now, "lines": lines})
    return TemplateResponse(request, "monitoring/late.html", {
        "region": region, "year": year, "years": _years(region), "sections": sections,
        "can_manage": can(request.user, Action.MANAGE_REGION, region=region)})


# ------------------------------------------------------------------------------ tugas saya


@requires(Action.SIGNED_IN, post=Action.SIGNED_IN)
def tasks(request: HttpRequest) -> HttpResponse:
    """What is due, what was returned, what awaits the user's verification or approval."""
    if request.method == "POST":
        language = request.POST.get("bahasa", "")
        if language in ("id", "en"):
            Preference.objects.update_or_create(user=request.user,
                                                defaults={"language": language})
            messages.success(request, gettext("Bahasa surel disimpan."))
        return redirect("tasks")
    member = membership(request.user)
    preference = Preference.objects.filter(user=request.user).first()
    context: dict[str, Any] = {"due": [], "returned": [], "decide": [],
                               "language": preference.language if preference else "id"}
    if member is not None:
        context.update(due=due(member), returned=returned(member), decide=decide(request.user,
                                                                                  member))
    return TemplateResponse(request, "monitoring/tasks.html", context)


def due(member: Any) -> list[dict[str, Any]]:
    """Open periods with missing entries, for the agency the member edits (operator, head)."""
    if member.agency is None or member.role not in (Role.OPERATOR, Role.HEAD):
        return []
    agency = member.agency
    years = list(agency.strategic_plan.years)
    frozen = set(AgencyYear.objects.filter(agency=agency, year__in=years)
                 .exclude(state__in=EDITABLE).values_list("year", flat=True))
    found = []
    listed = windows.windows_of(agency.region_id, [y for y in years if y not in frozen])
    for year in sorted({w.year for w in listed}):
        mine = [w for w in listed if w.year == year]
        counts = completeness.compute([agency.pk], year, [w.period for w in mine])
        for window in sorted(mine, key=lambda w: w.period):
            standing = windows.standing(window, agency)
            count = counts[(agency.pk, window.period)]
            if standing.closed or not count.missing:
                continue
            found.append({"agency": agency, "year": year, "window": window,
                          "label": window.period.label(_lang()), "slug": windows.slug(window.period),
                          "standing": standing, "count": count})
    found.sort(key=lambda item: item["standing"].deadline)
    return found


def returned(member: Any) -> list[AgencyYear]:
    if member.agency is None:
        return []
    return list(AgencyYear.objects.filter(agency=member.agency, state=State.RETURNED)
                .select_related("agency").order_by("year"))


def decide(user: Any, member: Any) -> list[dict[str, Any]]:
    """Agency-years awaiting this user's verification or approval."""
    rows = []
    for state in (AgencyYear.objects.filter(agency__region=member.region,
                                            state__in=[State.SUBMITTED, State.VERIFIED])
                  .select_related("agency").order_by("year", "agency__name")):
        for action, label in ((Action.VERIFY, _("verifikasi")), (Action.APPROVE, _("persetujuan"))):
            if can(user, action, state.agency, state.year, state=state):
                rows.append({"state": state, "what": label})
                break
    return rows
