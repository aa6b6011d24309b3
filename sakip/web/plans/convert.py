"""Rows to the core plan: ``plan_from_db(agency)`` gives the :class:`~sakip.core.model.Plan`
that every figure, report and review of the web application is computed from.

Each row becomes its record through the one declaration of columns (``rows.py``:
:func:`record_of`); the records are put together by :func:`sakip.core.records.assemble`. A new
agency is written by :func:`sakip.web.plans.store.store_plan` (re-exported here); every change
after that by the write path, :mod:`sakip.web.plans.write`. Queries are one per kind of record,
whatever the size of the plan.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from sakip.core import model
from sakip.core import records as r
from sakip.web.plans import models as m
from sakip.web.plans.rows import ROWS, record_of
from sakip.web.plans.store import store_plan

__all__ = ["plan_from_db", "read_plan", "region_of", "region_scales", "store_plan"]

_CACHE: OrderedDict[int, tuple[str, model.Plan]] = OrderedDict()
_CACHE_SIZE = 64  # agencies whose plan is kept in this process


def plan_from_db(agency: m.Agency) -> model.Plan:
    """The agency's current plan as the core model, ready for :func:`sakip.core.measure.measure`.

    The agency's own records are read once per revision of the plan and kept (every write goes
    through :mod:`sakip.web.plans.write`, which gives the agency a new ``stamp``); the region's
    missions and scales, which the region admin edits, are read each time.
    """
    row = m.Agency.objects.select_related("region").get(pk=agency.pk)
    cached = _CACHE.get(row.pk)
    if cached is not None and row.stamp and cached[0] == row.stamp:
        _CACHE.move_to_end(row.pk)
        plan = cached[1]
    else:
        plan = read_plan(row)
        remember(row, plan)
    region = _region_records(row.region)
    return replace(plan, region=region[(r.REGION, ())][0], scales=tuple(region.get((r.SCALE, ()), ())))


def remember(agency: m.Agency, plan: model.Plan) -> None:
    """Keep ``plan`` as what the agency's rows hold at its current stamp."""
    if not agency.stamp:
        return
    _CACHE[agency.pk] = (agency.stamp, plan)
    _CACHE.move_to_end(agency.pk)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def _ordered(rows: Any, model_: Any) -> Any:
    if any(f.name == "position" for f in model_._meta.get_fields()):
        return rows.order_by("position", "id")
    return rows


def read_plan(agency: m.Agency) -> model.Plan:
    """The agency's whole plan read from its rows (no cache)."""
    agency = m.Agency.objects.select_related("region", "strategic_plan").get(pk=agency.pk)
    members: dict[str, list[tuple[r.Key, Any]]] = {
        r.AGENCY: [((), record_of(r.AGENCY, agency))],
        r.STRATEGIC_PLAN: [((), record_of(r.STRATEGIC_PLAN, agency.strategic_plan))],
        r.SETTINGS: [((), record_of(r.SETTINGS, agency.strategic_plan))],
    }
    for kind, spec in ROWS.items():
        members[kind] = [(spec.parent(row), record_of(kind, row))
                         for row in _ordered(spec.rows(agency), spec.model)]
    members.update(_region_members(agency.region))
    # Records added on the pages come last in the tables; the plan comes in the canonical order
    # the plan loader gives (Plan.canonical), so a stored plan and a loaded one compare equal.
    return r.assemble(members).canonical()


def _region_members(region: m.Region) -> dict[str, list[tuple[r.Key, Any]]]:
    bands = m.Band.objects.filter(scale__region=region).select_related("scale").order_by(
        "scale__position", "scale_id", "position", "id")
    targets = m.RegionTarget.objects.filter(indicator__region=region).select_related(
        "indicator").order_by("indicator__position", "indicator_id", "position", "id")
    actuals = m.RegionActual.objects.filter(indicator__region=region).select_related(
        "indicator").order_by("indicator__position", "indicator_id", "position", "id")
    return {
        r.REGION: [((), record_of(r.REGION, region))],
        r.MISSION: [((), record_of(r.MISSION, x)) for x in region.missions.all()],
        r.REGION_GOAL: [((), record_of(r.REGION_GOAL, x)) for x in region.goals.all()],
        r.REGION_OBJECTIVE: [((), record_of(r.REGION_OBJECTIVE, x))
                             for x in region.objectives.all()],
        r.REGION_INDICATOR: [((), record_of(r.REGION_INDICATOR, x))
                             for x in region.indicators.all()],
        r.REGION_TARGET: [((t.indicator.code,), record_of(r.REGION_TARGET, t)) for t in targets],
        r.REGION_ACTUAL: [((a.indicator.code,), record_of(r.REGION_ACTUAL, a)) for a in actuals],
        r.CONTRIBUTION: [((), record_of(r.CONTRIBUTION, x)) for x in region.contributions.all()],
        r.SCALE: [((), record_of(r.SCALE, x)) for x in region.scales.all()],
        r.BAND: [((b.scale.code,), record_of(r.BAND, b)) for b in bands],
    }


def _region_records(region: m.Region) -> dict[tuple[str, r.Key], list[Any]]:
    return r.place(_region_members(region))


def region_of(region: m.Region) -> model.Region:
    result: model.Region = _region_records(region)[(r.REGION, ())][0]
    return result


def region_scales(region: m.Region) -> tuple[model.Scale, ...]:
    return tuple(_region_records(region).get((r.SCALE, ()), ()))


def strategic_plan_of(sp: m.StrategicPlan) -> tuple[model.StrategicPlan, model.Settings]:
    """The strategic plan and the settings a (possibly unsaved) row holds."""
    return record_of(r.STRATEGIC_PLAN, sp), record_of(r.SETTINGS, sp)
