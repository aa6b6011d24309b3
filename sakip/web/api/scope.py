"""The agency-year an endpoint reads or writes, behind the one access rule
(:func:`sakip.web.access.can`), as the pages' ``requires`` finds it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from sakip.web.access import Action, agency_year, can
from sakip.web.api.auth import caller
from sakip.web.api.problems import ApiError, forbidden, not_found, unauthorized
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear


@dataclass
class Scope:
    agency: Agency
    year: int
    state: AgencyYear
    user: Any


def refuse(user: Any) -> ApiError:
    """Anonymous: 401 (a token may help); signed in: 403."""
    return forbidden() if user.is_authenticated else unauthorized()


def agency_of(request: HttpRequest, agency: int, action: Action = Action.READ) -> Agency:
    row = (Agency.objects.select_related("region", "strategic_plan").filter(pk=agency).first()
           if 0 < agency < 2**62 else None)
    if row is None:
        raise not_found("perangkat daerah", "agency")
    user = caller(request)
    if action is Action.READ_PUBLISHED:  # the agency, when the caller may read one of its years
        if not (can(user, Action.READ, row) or any(
                can(user, action, row, state.year, state=state)
                for state in row.years.filter(published=True))):
            raise refuse(user)
    elif not can(user, action, row):
        raise refuse(user)
    return row


def scope(request: HttpRequest, agency: int, year: int, action: Action = Action.READ) -> Scope:
    row = (Agency.objects.select_related("region", "strategic_plan").filter(pk=agency).first()
           if 0 < agency < 2**62 else None)
    if row is None:
        raise not_found("perangkat daerah", "agency")
    if year not in row.strategic_plan.years:
        raise not_found(f"tahun {year} dalam periode Renstra", f"year {year} in the plan's period")
    state = agency_year(row, year)
    user = caller(request)
    if not can(user, action, row, year, state=state):
        raise refuse(user)
    return Scope(row, year, state, user)
