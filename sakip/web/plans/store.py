"""A new agency from a core plan: ``store_plan(plan, region=…)`` creates the agency (and, when
no region is given, the region of the plan) with everything in it, in one transaction; reading
it back with ``plan_from_db`` gives an equal plan. The records are written by the same
mapping as every later change (``sync.py``, ``rows.py``); changing an existing agency is the
write path's (``write.py``). Every ``add_*`` of the region's records gives the region a new
stamp (:func:`~sakip.web.plans.models.region.touch_region`), in the caller's transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from django.db import transaction

from sakip.core import model
from sakip.core import records as r
from sakip.web.plans import models as m
from sakip.web.plans.models.region import touch_region
from sakip.web.plans.rows import columns
from sakip.web.plans.sync import sync


def create_region(region: model.Region) -> m.Region:
    row = m.Region.objects.create(stamp=uuid.uuid4().hex, **columns(r.REGION, region))
    add_missions(row, region)
    add_region_plan(row, region)
    return row


def add_region_plan(row: m.Region, region: model.Region) -> None:
    """The RPJMD's goals, objectives, IKU Pemda (with their targets and realisations) and
    contributions that the region does not hold yet (by code); the region's own are kept."""
    def new(records: tuple[Any, ...], known: Any, key: Any = lambda x: x.code) -> list[Any]:
        held = set(known)
        return [x for x in records if key(x) not in held]

    start = row.goals.count()
    m.RegionGoal.objects.bulk_create(
        m.RegionGoal(region=row, position=start + i, **columns(r.REGION_GOAL, x))
        for i, x in enumerate(new(region.goals, row.goals.values_list("code", flat=True))))
    start = row.objectives.count()
    m.RegionObjective.objects.bulk_create(
        m.RegionObjective(region=row, position=start + i, **columns(r.REGION_OBJECTIVE, x))
        for i, x in enumerate(new(region.objectives, row.objectives.values_list("code", flat=True))))
    start = row.indicators.count()
    for i, indicator in enumerate(new(region.indicators,
                                      row.indicators.values_list("code", flat=True))):
        created = m.RegionIndicator.objects.create(region=row, position=start + i,
                                                   **columns(r.REGION_INDICATOR, indicator))
        m.RegionTarget.objects.bulk_create(
            m.RegionTarget(indicator=created, position=j, **columns(r.REGION_TARGET, t))
            for j, t in enumerate(indicator.targets))
        m.RegionActual.objects.bulk_create(
            m.RegionActual(indicator=created, position=j, **columns(r.REGION_ACTUAL, a))
            for j, a in enumerate(indicator.actuals))
    start = row.contributions.count()
    m.Contribution.objects.bulk_create(
        m.Contribution(region=row, position=start + i, **columns(r.CONTRIBUTION, x))
        for i, x in enumerate(new(region.contributions,
                                  row.contributions.values_list("objective", "agency"),
                                  key=lambda c: (c.objective, c.agency))))
    touch_region(row)


def add_missions(row: m.Region, region: model.Region) -> None:
    known = set(row.missions.values_list("code", flat=True))
    start = row.missions.count()
    m.Mission.objects.bulk_create(
        m.Mission(region=row, position=start + i, **columns(r.MISSION, x))
        for i, x in enumerate(x for x in region.missions if x.code not in known))
    touch_region(row)


def add_scales(row: m.Region, scales: tuple[model.Scale, ...]) -> list[str]:
    """Scales the region does not have yet (by code); the region's own are kept as they are.
    The codes added."""
    known = set(row.scales.values_list("code", flat=True))
    start = row.scales.count()
    added = []
    for i, scale in enumerate(s for s in scales if s.code not in known):
        created = m.Scale.objects.create(region=row, position=start + i,
                                         **columns(r.SCALE, scale))
        m.Band.objects.bulk_create(m.Band(scale=created, position=j, **columns(r.BAND, b))
                                   for j, b in enumerate(scale.bands))
        added.append(scale.code)
    touch_region(row)
    return added


@transaction.atomic
def store_plan(plan: model.Plan, region: m.Region | None = None, demo: bool = False) -> m.Agency:
    """Store ``plan`` as a new agency in ``region`` (created from the plan when None)."""
    region = region or create_region(plan.region)
    agency = m.Agency.objects.create(region=region, demo=demo, stamp=uuid.uuid4().hex,
                                     **columns(r.AGENCY, plan.agency))
    m.StrategicPlan.objects.create(agency=agency, **columns(r.STRATEGIC_PLAN, plan.strategic_plan),
                                   **columns(r.SETTINGS, plan.settings))
    add_missions(region, plan.region)
    add_region_plan(region, plan.region)
    add_scales(region, plan.scales)
    empty = model.Plan(region=plan.region, agency=model.Agency(plan.agency.code, plan.agency.name),
                       strategic_plan=replace(plan.strategic_plan, revisions=()),
                       settings=plan.settings)
    sync(agency, empty, plan)
    return agency
