"""Who may do what: the one access rule of the web application.

Every view is wrapped by :func:`requires` (or calls :func:`can`); nothing else decides access.
A test walks every URL pattern with every persona, so a new page without a rule fails.

Roles (docs/web.md): the regional admin manages agencies, users, scales and settings of the
region and reads every agency; the inspectorate reads every agency of the region, writes review
notes and marks a report reviewed; an agency's operator edits its data while the year is a
draft or returned; an agency's head submits, verifies, approves and reopens it; the public
reads published years only.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from sakip.web.accounts.models import Membership, Role
from sakip.web.plans.models import Agency, Region
from sakip.web.workflow.models import EDITABLE, AgencyYear, State


class Action(enum.Enum):
    READ_PUBLISHED = "read_published"  # the published report of an agency-year
    READ = "read"  # unpublished data of an agency-year
    EDIT = "edit"  # change the agency-year's data
    SUBMIT = "submit"
    RETURN = "return"
    VERIFY = "verify"
    APPROVE = "approve"
    REOPEN = "reopen"
    REVIEW = "review"  # review notes, mark the report reviewed
    RESPOND = "respond"  # the agency answers the review: findings, follow-up, replies to notes
    PUBLISH = "publish"
    READ_REGION = "read_region"  # all agencies of a region side by side
    MANAGE_REGION = "manage_region"  # agencies, users, scales, settings
    SIGNED_IN = "signed_in"  # any account (own profile, home)


def membership(user: Any) -> Membership | None:
    """The user's membership with its region, agency (with the agency's region and strategic
    plan, as a page of the agency needs them) and the user's language choice, read in one query
    and kept on the user object for the request (the language, the header, the access rules and
    the pages all ask)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    cache = user._state.fields_cache
    if "membership" not in cache:  # Django's own cache of ``user.membership``
        cache["membership"] = (Membership.objects.select_related(
            "region", "agency__region", "agency__strategic_plan",
            "user__language_preference").filter(user=user).first())
    return cache["membership"]  # type: ignore[no-any-return]


def agency_year(agency: Agency, year: int) -> AgencyYear:
    row, _ = AgencyYear.objects.get_or_create(agency=agency, year=year)
    return row


def can(user: Any, action: Action, agency: Agency | None = None, year: int | None = None,
        *, region: Region | None = None, state: AgencyYear | None = None) -> bool:
    """Whether ``user`` may do ``action`` on ``agency`` in ``year`` (or on ``region``)."""
    if agency is not None and year is not None and state is None:
        state = agency_year(agency, year)
    if action is Action.READ_PUBLISHED and state is not None and state.published:
        return True
    member = membership(user)
    if member is None:
        return False
    if action is Action.SIGNED_IN:
        return True
    region_id = agency.region_id if agency is not None else (region.pk if region else None)
    if region_id is None or member.region_id != region_id:
        return False
    role = Role(member.role)
    own = agency is not None and member.agency_id == agency.pk
    if action in (Action.READ_REGION, Action.MANAGE_REGION):
        return role is Role.ADMIN or (action is Action.READ_REGION and role is Role.INSPECTOR)
    if agency is None:
        return False
    if action in (Action.READ, Action.READ_PUBLISHED):
        return role in (Role.ADMIN, Role.INSPECTOR) or own
    if action is Action.RESPOND:  # whatever the year's state: the review goes on after approval
        return own and role in (Role.OPERATOR, Role.HEAD)
    if state is None:
        return False
    current = State(state.state)
    rules: dict[Action, tuple[set[str], set[str], bool]] = {
        # action: (roles, states it applies in, only the agency's own members)
        Action.EDIT: ({Role.OPERATOR}, set(EDITABLE), True),
        Action.SUBMIT: ({Role.OPERATOR, Role.HEAD}, set(EDITABLE), True),
        Action.RETURN: ({Role.HEAD, Role.INSPECTOR}, {State.SUBMITTED, State.VERIFIED}, False),
        Action.VERIFY: ({Role.HEAD, Role.INSPECTOR}, {State.SUBMITTED}, False),
        Action.APPROVE: ({Role.HEAD}, {State.VERIFIED}, True),
        Action.REOPEN: ({Role.HEAD, Role.ADMIN}, {State.APPROVED}, False),
        Action.REVIEW: ({Role.INSPECTOR}, set(State), False),
        Action.PUBLISH: ({Role.ADMIN}, {State.APPROVED}, False),
    }
    roles, states, own_only = rules[action]
    if role not in roles or current not in states:
        return False
    if role in (Role.OPERATOR, Role.HEAD) and not own:
        return False
    return own or not own_only


def forbidden(request: HttpRequest, reason: str = "") -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(request, "errors/403.html", {"reason": reason}, status=403)


ViewFunction = Callable[..., HttpResponse]


def requires(action: Action, post: Action | None = None) -> Callable[[ViewFunction], ViewFunction]:
    """Guard a view: ``action`` for reading it, ``post`` (default: the same) for a POST.

    The view receives ``agency`` (an :class:`Agency`, from the ``agency`` URL argument) and
    ``state`` (the :class:`AgencyYear`) when the URL names an agency and a year; ``region`` when
    it names a region.
    """

    def decorate(view: ViewFunction) -> ViewFunction:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            wanted = post or action if request.method == "POST" else action
            agency = region = state = None
            year = kwargs.get("year")
            if "agency" in kwargs:
                member = membership(request.user)
                if member is not None and member.agency_id == kwargs["agency"]:
                    agency = member.agency  # the member's own agency: read with the membership
                else:
                    agency = get_object_or_404(Agency.objects.select_related(
                        "region", "strategic_plan"), pk=kwargs["agency"])
                kwargs["agency"] = agency
                if year is not None and year not in agency.strategic_plan.years:
                    raise Http404("tahun di luar periode Renstra")
                if year is not None:
                    state = agency_year(agency, year)
                    kwargs["state"] = state
            elif "region" in kwargs:
                region = get_object_or_404(Region, pk=kwargs["region"])
                kwargs["region"] = region
            elif wanted in (Action.READ_REGION, Action.MANAGE_REGION):
                member = membership(request.user)
                region = member.region if member else None
            if not can(request.user, wanted, agency, year, region=region, state=state):
                return forbidden(request)
            return view(request, *args, **kwargs)

        guarded.access = (action, post or action)  # type: ignore[attr-defined]
        return guarded

    return decorate


def public(view: ViewFunction) -> ViewFunction:
    """A page anyone may see (login, the list of published reports)."""
    view.access = None  # type: ignore[attr-defined]
    return view
