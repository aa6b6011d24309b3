"""Dashboards: one agency-year and a published year for the public (the region's: ``region.py``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from sakip.web.access import Action, can, requires
from sakip.web.dashboards import figures
from sakip.web.labels import LEVELS
from sakip.web.measuring import default_year, measured
from sakip.web.monitoring import completeness
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear
from sakip.web.workflow.transitions import available


def _dashboard(request: HttpRequest, agency: Agency, state: AgencyYear, public: bool) -> HttpResponse:
    year = state.year
    plan, m = measured(agency, year)
    rows = figures.key_rows(plan, m)
    context = {
        "agency": agency, "state": state, "year": year, "plan": plan, "m": m, "public": public,
        "rows": rows, "levels": LEVELS,
        "agency_group": m.group(plan.agency.code),
        "outlier": figures.outlier(plan, m),
        "agency_color": figures.category_color(plan, None, m.group(plan.agency.code).achievement),
        "iku_chart": figures.iku_chart(plan, rows),
        "absorption_chart": figures.absorption_chart(plan, m),
        "trends": figures.trends(agency, plan, rows),
        "programs": figures.programs(m),
        "agency_budget": m.budget_line(plan.agency.code),
        "years": list(plan.strategic_plan.years),
        "transitions": [] if public else available(request.user, state),
        "can_edit": not public and can(request.user, Action.EDIT, agency, year, state=state),
        "scale": plan.scale_by_code[plan.settings.category_scale],
        "completeness": [] if public else completeness.by_period(
            agency.pk, year, completeness.shown_periods(agency.region_id, year)),
    }
    return TemplateResponse(request, "dashboards/agency.html", context)


@requires(Action.READ)
def agency_home(request: HttpRequest, agency: Agency) -> HttpResponse:
    return redirect("agency_dashboard", agency=agency.pk, year=default_year(agency))


@requires(Action.READ)
def agency_dashboard(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    return _dashboard(request, agency, state, public=False)


@requires(Action.READ_PUBLISHED)
def public_dashboard(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    return _dashboard(request, agency, state, public=True)
