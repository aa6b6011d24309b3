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
from sakip.web.plans.rows import PLAIN, ROWS, Rows, record_of
from sakip.web.plans.store import store_plan

__all__ = ["plan_from_db", "plans_from_db", "read_plan", "read_plans", "region_of", "region_scales",
           "stamped_plans", "store_plan"]

_CACHE: OrderedDict[int, tuple[str, model.Plan]] = OrderedDict()
_CACHE_SIZE = 64  # agencies whose plan is kept in this process


def plan_from_db(agency: m.Agency) -> model.Plan:
    """The agency's current plan as the core model, ready for :func:`sakip.core.measure.measure`.

    The agency's own records are read once per revision of the plan and kept (every write goes
    through :mod:`sakip.web.plans.write`, which gives the agency a new ``stamp``); the region's
    records and scales once per revision of the region (every writer of them gives the region a
    new ``stamp``: :func:`~sakip.web.plans.models.region.touch_region`).
    """
    return plans_from_db([agency])[agency.pk]


def plans_from_db(agencies: list[m.Agency]) -> dict[int, model.Plan]:
    """:func:`plan_from_db` of several agencies of one region, in a number of queries that does
    not grow with the number of agencies: those whose plan is kept are not read again, the others
    are read together (:func:`read_plans`), the region once (none while it is kept)."""
    return {pk: plan for pk, (plan, _) in stamped_plans(agencies).items()}


def stamped_plans(agencies: list[m.Agency]) -> dict[int, tuple[model.Plan, tuple[str, str] | None]]:
    """:func:`plans_from_db` with what each plan was read at: (the agency's stamp, its region's
    stamp), None when either has none (then nothing may be kept under it). The stamps are read
    before the records, so nothing is ever kept under a stamp newer than what it holds."""
    if not agencies:
        return {}
    rows = {row.pk: row for row in m.Agency.objects.select_related("region", "strategic_plan")
            .filter(pk__in=[a.pk for a in agencies])}
    plans: dict[int, model.Plan] = {}
    unread: list[m.Agency] = []
    for pk, row in rows.items():
        cached = _CACHE.get(pk)
        if cached is not None and row.stamp and cached[0] == row.stamp:
            _CACHE.move_to_end(pk)
            plans[pk] = cached[1]
        else:
            unread.append(row)
    for pk, plan in read_plans(unread).items():
        remember(rows[pk], plan)
        plans[pk] = plan
    result: dict[int, tuple[model.Plan, tuple[str, str] | None]] = {}
    for pk, plan in plans.items():
        row = rows[pk]
        placed = _region_records(row.region)
        stamps = (row.stamp, row.region.stamp) if row.stamp and row.region.stamp else None
        result[pk] = (replace(plan, region=placed[(r.REGION, ())][0],
                              scales=tuple(placed.get((r.SCALE, ()), ()))), stamps)
    return result


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
    return read_plans([agency])[agency.pk]


# The values that give a row's parent key (``Rows.parent``), by kind; () for a top-level record.
_PARENT = {r.TARGET: ("indicator__code",), r.ACTUAL: ("indicator__code",),
           r.SERIES_VALUE: ("series__code",),
           r.AGREEMENT_ITEM: ("version__year", "version__number")}


class _Tuples:
    """One kind's rows read as tuples (``values_list``: Django's converters, no model instance
    per row — building two instances per target or realisation was the largest cost of reading
    a plan) and turned into records by the same declaration of columns (``rows.py``: codecs
    included) and :func:`sakip.core.records.build`."""

    def __init__(self, spec: Rows) -> None:
        self.spec = spec
        self.names = [col.field for col in spec.cols] + [ref.field for ref in spec.refs]
        # the columns whose values a codec changes (most are read as they come)
        self.reads = [(col.field, col.codec.read) for col in spec.cols
                      if col.codec.read is not PLAIN.read]
        self.values = ([col.name for col in spec.cols]
                       + [f"{ref.name}__code" for ref in spec.refs]
                       + list(_PARENT.get(spec.kind, ())))
        self.parent_width = len(_PARENT.get(spec.kind, ()))
        self.width = len(self.names)

    def rows(self, agencies: list[int]) -> Any:
        query = self.spec.model._default_manager.filter(**{f"{self.spec.path}__in": agencies})
        return _ordered(query, self.spec.model).values_list(self.spec.path, *self.values)

    def record(self, row: tuple[Any, ...]) -> tuple[r.Key, Any]:
        flat = dict(zip(self.names, row[1:1 + self.width], strict=True))
        for name, read in self.reads:
            flat[name] = read(flat[name])
        parent = tuple(row[len(row) - self.parent_width:]) if self.parent_width else ()
        return parent, r.build(self.spec.kind, flat)


# Every kind but the supporting tables (their cells are rows of their own: read as instances).
_TUPLES = {kind: _Tuples(spec) for kind, spec in ROWS.items() if kind != r.TABLE}


def read_plans(agencies: list[m.Agency]) -> dict[int, model.Plan]:
    """Several agencies' whole plans read from their rows (no cache): one query per kind of
    record for all of them, the region's records once per region."""
    if not agencies:
        return {}
    rows = list(m.Agency.objects.select_related("region", "strategic_plan")
                .filter(pk__in=[a.pk for a in agencies]).order_by("pk"))
    members: dict[int, dict[str, list[tuple[r.Key, Any]]]] = {row.pk: {
        r.AGENCY: [((), record_of(r.AGENCY, row))],
        r.STRATEGIC_PLAN: [((), record_of(r.STRATEGIC_PLAN, row.strategic_plan))],
        r.SETTINGS: [((), record_of(r.SETTINGS, row.strategic_plan))],
        **{kind: [] for kind in ROWS},
    } for row in rows}
    for kind, how in _TUPLES.items():
        for item in how.rows(list(members)):
            members[item[0]][kind].append(how.record(item))
    tables = ROWS[r.TABLE]
    for item in _ordered(tables.rows_of(list(members)), tables.model):
        members[item.agency_key][r.TABLE].append((tables.parent(item), record_of(r.TABLE, item)))
    regions: dict[int, dict[str, list[tuple[r.Key, Any]]]] = {}
    plans: dict[int, model.Plan] = {}
    for row in rows:
        if row.region_id not in regions:
            regions[row.region_id] = _region_members(row.region)
        # Records added on the pages come last in the tables; the plan comes in the canonical
        # order the plan loader gives (Plan.canonical), so a stored plan and a loaded one
        # compare equal.
        plans[row.pk] = r.assemble({**members[row.pk], **regions[row.region_id]}).canonical()
    return plans


_REGIONS: OrderedDict[int, tuple[str, dict[str, list[tuple[r.Key, Any]]],
                                 dict[tuple[str, r.Key], list[Any]]]] = OrderedDict()
_REGIONS_SIZE = 16  # regions whose records are kept in this process


def _region_kept(region: m.Region) -> tuple[dict[str, list[tuple[r.Key, Any]]],
                                           dict[tuple[str, r.Key], list[Any]]]:
    """The region's records (as read, and placed), read once per stamp of the region and kept
    (the ``region`` row's stamp was read before: what is kept is never older than it)."""
    kept = _REGIONS.get(region.pk)
    if kept is not None and region.stamp and kept[0] == region.stamp:
        _REGIONS.move_to_end(region.pk)
        return kept[1], kept[2]
    members = _read_region_members(region)
    placed = r.place(members)
    if region.stamp:
        _REGIONS[region.pk] = (region.stamp, members, placed)
        while len(_REGIONS) > _REGIONS_SIZE:
            _REGIONS.popitem(last=False)
    return members, placed


def _region_members(region: m.Region) -> dict[str, list[tuple[r.Key, Any]]]:
    return _region_kept(region)[0]


def _read_region_members(region: m.Region) -> dict[str, list[tuple[r.Key, Any]]]:
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
    return _region_kept(region)[1]


def region_of(region: m.Region) -> model.Region:
    result: model.Region = _region_records(region)[(r.REGION, ())][0]
    return result


def region_scales(region: m.Region) -> tuple[model.Scale, ...]:
    return tuple(_region_records(region).get((r.SCALE, ()), ()))


def strategic_plan_of(sp: m.StrategicPlan) -> tuple[model.StrategicPlan, model.Settings]:
    """The strategic plan and the settings a (possibly unsaved) row holds."""
    return record_of(r.STRATEGIC_PLAN, sp), record_of(r.SETTINGS, sp)
