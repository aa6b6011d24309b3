"""The one way the web application gets figures: rows → core plan → core measurement."""

from __future__ import annotations

from sakip.core.measure import Measurement, measure
from sakip.core.model import Plan
from sakip.web.plans.models import Agency


def measured(agency: Agency, year: int) -> tuple[Plan, Measurement]:
    """The plan a year is measured from (its snapshot while approved) and its measurement."""
    from sakip.web.workflow.snapshots import plan_for

    plan = plan_for(agency, year)
    return plan, measure(plan, year)


def default_year(agency: Agency) -> int:
    """The latest plan year with a realisation, else the first year: the rule of
    :func:`sakip.core.measure.default_year`, asked of the tables without building the plan."""
    from sakip.web.plans.models import Actual

    sp = agency.strategic_plan
    years = (Actual.objects.filter(indicator__agency=agency, year__gte=sp.start, year__lte=sp.end)
             .exclude(value__isnull=True, text__isnull=True).values_list("year", flat=True))
    return max(years, default=sp.start)
