"""The workflow page and its steps, the review (reviu) page. The history: workflow/history.py."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from sakip.review.papers import Decision
from sakip.web.access import Action, can, forbidden, requires
from sakip.web.exchange.capabilities import year_findings
from sakip.web.plans.models import Agency
from sakip.web.workflow import review_page, review_state
from sakip.web.workflow.models import AgencyYear, AuditEntry, ReviewNote, ReviewTeam
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


@requires(Action.READ, post=Action.READ)
def review(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    """The review (reviu): the automated findings with the team's decisions, the team's own
    findings, the agency's answers and follow-up, the team, the notes. A POST without ``aksi``
    is a note of the inspectorate; the other actions: sakip/web/workflow/review_page.py."""
    status = 200
    automated = year_findings(agency, year, state)
    found = review_state.entries(state, automated)
    action = request.POST.get("aksi", "catatan") if request.method == "POST" else ""
    if action and action != "catatan":
        if not review_page.allowed(action, request.user, agency, state):
            return forbidden(request)
        try:
            messages.success(request, review_page.take(request, action, state, found))
        except review_state.Refused as refused:
            messages.error(request, refused.message)
            status = refused.status
        else:
            return redirect("review", agency=agency.pk, year=year)
        found = review_state.entries(state, automated)
    elif action == "catatan":
        if not can(request.user, Action.REVIEW, agency, year, state=state):
            return forbidden(request)
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
    team_row = ReviewTeam.objects.filter(agency_year=state).first()
    may_decide = review_state.may_decide(request.user, agency, state)
    return TemplateResponse(request, "workflow/review.html", {
        "agency": agency, "state": state,
        "notes": state.notes.select_related("author").prefetch_related("replies__author"),
        "available": automated is not None, "entries": found,
        "pending": sum(1 for e in found if e.decision is Decision.PENDING),
        "team": review_state.team(state),
        "team_form": review_page.TeamForm(instance=team_row) if may_decide else None,
        "own_form": review_page.OwnFindingForm() if may_decide else None,
        "follow_up_choices": review_page.FOLLOW_UP_CHOICES,
        "can_review": may_decide,
        "can_respond": review_state.may_respond(request.user, agency, state),
        "transitions": [t for t in available(request.user, state) if t.action is Action.REVIEW],
    }, status=status)
