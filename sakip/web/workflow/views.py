"""The workflow page and its steps, the review (reviu) page. The history: workflow/history.py."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from sakip.web.access import Action, can, requires
from sakip.web.exchange import review_findings
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear, AuditEntry, ReviewNote
from sakip.web.workflow.transitions import TransitionRefused, available, take


@requires(Action.READ)
def overview(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    steps = AuditEntry.objects.filter(agency=agency, key=f"status:{year}").select_related("user")
    return TemplateResponse(request, "workflow/overview.html", {
        "agency": agency, "state": state, "transitions": available(request.user, state),
        "steps": steps})


@require_POST
@requires(Action.READ)
def take_step(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
              step: str) -> HttpResponse:
    try:
        take(request.user, state, step, request.POST.get("alasan", ""))
    except TransitionRefused as refused:
        messages.error(request, refused.message)
        return TemplateResponse(request, "workflow/overview.html", {
            "agency": agency, "state": state, "transitions": available(request.user, state),
            "steps": AuditEntry.objects.filter(agency=agency, key=f"status:{year}")},
            status=403 if "tidak dapat" in refused.message else 400)
    messages.success(request, gettext("Status diperbarui."))
    return redirect("workflow", agency=agency.pk, year=year)


@requires(Action.READ, post=Action.REVIEW)
def review(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    status = 200
    if request.method == "POST":
        body = (request.POST.get("catatan") or "").strip()
        if not body:
            messages.error(request, gettext("Catatan reviu tidak boleh kosong."))
            status = 400
        elif len(body) > 5000:
            messages.error(request, gettext("Catatan reviu terlalu panjang (paling banyak 5.000 karakter)."))
            status = 400
        else:
            ReviewNote.objects.create(agency_year=state, author=request.user, text=body,
                                      subject=(request.POST.get("terkait") or "")[:100])
            messages.success(request, gettext("Catatan reviu disimpan."))
            return redirect("review", agency=agency.pk, year=year)
    return TemplateResponse(request, "workflow/review.html", {
        "agency": agency, "state": state, "notes": state.notes.select_related("author"),
        "findings": review_findings(agency, year),
        "can_review": can(request.user, Action.REVIEW, agency, year, state=state),
        "transitions": [t for t in available(request.user, state) if t.action is Action.REVIEW],
    }, status=status)
