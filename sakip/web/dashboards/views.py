"""Dashboards: one agency-year and a published year for the public (the region's: ``region.py``).

The figures of a dashboard (the cards, the IKU table, the charts, the trends, the budget) are
rendered once for what they are computed from and kept in Django's cache
(:func:`sakip.web.measuring.page_key`: the agency's and the region's stamps, the snapshot of an
approved year, the language, inside or public), so a request whose key is kept measures nothing
and reads no plan. What belongs to the user or is not under a stamp stays live: the year's
state and the buttons its role allows. The entry's completeness is kept the same way, under the
stamps its writers give anew (:func:`_completeness`).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

from sakip.core.scales import band_labels
from sakip.web.access import Action, can, requires
from sakip.web.dashboards import figures
from sakip.web.labels import LEVELS, language
from sakip.web.measuring import default_year, kept, measured, page_key
from sakip.web.monitoring import completeness
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear


def shown_figures(agency: Agency, year: int, public: bool) -> dict[str, str]:
    """The dashboard's figures rendered (HTML, in the active language): ``cards``, ``body``,
    and the agency's ``name`` and ``agency_name`` as the plan holds them."""
    plan, m = measured(agency, year)
    rows = figures.key_rows(plan, m)
    context = {
        "agency": agency, "year": year, "plan": plan, "m": m, "public": public,
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
        "scale": plan.scale_by_code[plan.settings.category_scale],
        "labels": band_labels(plan, language()),  # predicate and category in the page's language
    }
    return {"name": plan.agency.short_name or plan.agency.name, "agency_name": plan.agency.name,
            "cards": render_to_string("dashboards/agency_cards.html", context),
            "body": render_to_string("dashboards/agency_figures.html", context)}


def _dashboard(request: HttpRequest, agency: Agency, state: AgencyYear, public: bool) -> HttpResponse:
    year = state.year
    shown = kept(page_key(agency, year, state, "dashboard", "public" if public else "inside"),
                 lambda: shown_figures(agency, year, public))
    context: dict[str, Any] = {
        "agency": agency, "state": state, "year": year, "public": public,
        "shown": {name: mark_safe(html) for name, html in shown.items()},  # rendered above
        "can_edit": not public and can(request.user, Action.EDIT, agency, year, state=state),
        "completeness": "" if public else mark_safe(_completeness(agency, year)),  # rendered
    }
    return TemplateResponse(request, "dashboards/agency.html", context)


def _completeness(agency: Agency, year: int) -> str:
    """The entry's completeness of each period shown (:mod:`sakip.web.monitoring.completeness`),
    rendered, and kept under what it is counted from: the agency's rows and evidence files (its
    stamp: the write path and every evidence writer give it anew), the periods shown (the
    region's windows: a new window gives the region a new stamp) and the language. A request
    whose key is kept reads nothing."""
    from django.utils.translation import get_language

    def rendered() -> str:
        periods = completeness.shown_periods(agency.region_id, year)
        return render_to_string("dashboards/agency_completeness.html", {
            "agency": agency, "year": year,
            "completeness": completeness.by_period(agency.pk, year, periods)})

    region = agency.region
    if not agency.stamp or not region.stamp:
        return rendered()
    return kept(":".join(("sakip", "completeness", str(agency.pk), str(year), agency.stamp,
                          region.stamp, get_language() or "")), rendered)


@requires(Action.READ)
def agency_home(request: HttpRequest, agency: Agency) -> HttpResponse:
    return redirect("agency_dashboard", agency=agency.pk, year=default_year(agency))


@requires(Action.READ)
def agency_dashboard(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    return _dashboard(request, agency, state, public=False)


@requires(Action.READ_PUBLISHED)
def public_dashboard(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    return _dashboard(request, agency, state, public=True)
