"""The one way the web application gets figures: rows → core plan → core measurement.

A measurement is kept per agency and year in this process and used again while what it was
computed from is unchanged: the agency's rows at their ``stamp`` (every write through
:mod:`sakip.web.plans.write` gives a new one), the region's records and scales (the region
admin's), or, for an approved year, its snapshot. So no page shows a stale figure and none
recomputes one that cannot have changed. :func:`measured_many` measures a region's agencies
in a number of queries that does not grow with the number of agencies.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

from sakip.core.measure import Measurement, measure
from sakip.core.model import Plan
from sakip.web.plans.models import Agency

_KEPT: OrderedDict[tuple[int, int], tuple[object, Plan, Measurement]] = OrderedDict()
_KEEP = 256  # agency-years whose measurement this process keeps


def measured(agency: Agency, year: int) -> tuple[Plan, Measurement]:
    """The plan a year is measured from (its snapshot while approved) and its measurement."""
    return measured_many([agency], year)[agency.pk]


def measured_many(agencies: Iterable[Agency], year: int) -> dict[int, tuple[Plan, Measurement]]:
    """:func:`measured` of several agencies: each agency's pk → (plan, measurement)."""
    from sakip.web.plans.convert import plans_from_db
    from sakip.web.workflow.models import AgencyYear, Snapshot, State
    from sakip.web.workflow.snapshots import plan_for, snapshot_plan

    agencies = list(agencies)
    if not agencies:
        return {}
    ids = [a.pk for a in agencies]
    approved = set(AgencyYear.objects.filter(agency_id__in=ids, year=year, state=State.APPROVED)
                   .values_list("agency_id", flat=True))
    plans: dict[int, Plan] = {}
    keys: dict[int, object] = {}
    if approved:
        latest: dict[int, Snapshot] = {}
        for snapshot in Snapshot.objects.filter(agency_id__in=approved, year=year).order_by(
                "agency_id", "-version"):
            latest.setdefault(snapshot.agency_id, snapshot)
        for agency in agencies:
            if agency.pk not in approved:
                continue
            if agency.pk in latest:
                plans[agency.pk] = snapshot_plan(latest[agency.pk])
                keys[agency.pk] = ("snapshot", latest[agency.pk].sha256)
            else:  # approved before snapshots were kept: taken now (plan_for)
                plans[agency.pk] = plan_for(agency, year)
                keys[agency.pk] = None
    current = [a for a in agencies if a.pk not in approved]
    if current:
        stamps = dict(Agency.objects.filter(pk__in=[a.pk for a in current])
                      .values_list("pk", "stamp"))
        for pk, plan in plans_from_db(current).items():
            plans[pk] = plan
            keys[pk] = ("rows", stamps[pk], plan.region, plan.scales) if stamps[pk] else None
    result: dict[int, tuple[Plan, Measurement]] = {}
    for pk in ids:
        plan, key = plans[pk], keys[pk]
        kept = _KEPT.get((pk, year))
        if key is not None and kept is not None and kept[0] == key:
            _KEPT.move_to_end((pk, year))
            result[pk] = (plan, kept[2])
            continue
        measurement = measure(plan, year)
        if key is not None:
            _KEPT[(pk, year)] = (key, plan, measurement)
            while len(_KEPT) > _KEEP:
                _KEPT.popitem(last=False)
        result[pk] = (plan, measurement)
    return result


def default_year(agency: Agency) -> int:
    """The latest plan year with a realisation, else the first year: the rule of
    :func:`sakip.core.measure.default_year`, asked of the tables without building the plan."""
    from sakip.web.plans.models import Actual

    sp = agency.strategic_plan
    years = (Actual.objects.filter(indicator__agency=agency, year__gte=sp.start, year__lte=sp.end)
             .exclude(value__isnull=True, text__isnull=True).values_list("year", flat=True))
    return max(years, default=sp.start)
