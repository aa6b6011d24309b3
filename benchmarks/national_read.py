"""A lean bulk reader of agencies' plans, for recomputing a whole country.

``lean_plans(agencies)`` gives the plans :func:`sakip.web.plans.convert.read_plans`
gives (equal plans; ``tests/web/test_web_national.py`` compares them), in a number of
queries that does not grow with the agencies (one per kind of record for all of them, the
region's records once per region), but without building a Django model
instance per row: each kind's columns are fetched as tuples (``values_list``, Django's own
converters for decimals and JSON) and turned into the record by the same declaration of columns
(:data:`sakip.web.plans.rows.ROWS`, codecs included) and the same :func:`sakip.core.records.build`
and :func:`~sakip.core.records.assemble`. Profiling the recompute showed Django's model
construction (two instances per target or realisation, its indicator joined) as the largest
single cost of ``read_plans``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from sakip.core import model
from sakip.core import records as r
from sakip.core.measure import Measurement, measure
from sakip.web.plans import models as m
from sakip.web.plans.convert import _region_members, read_plans
from sakip.web.plans.rows import ROWS, Rows, record_of

# The values that give a row's parent key (Rows.parent), by kind; () for a top-level record.
_PARENT = {r.TARGET: ("indicator__code",), r.ACTUAL: ("indicator__code",),
           r.SERIES_VALUE: ("series__code",),
           r.AGREEMENT_ITEM: ("version__year", "version__number")}


class _Kind:
    """How one kind's rows become records: the values fetched and what each becomes."""

    def __init__(self, spec: Rows) -> None:
        self.spec = spec
        self.fields = [(col.field, col.codec.read) for col in spec.cols]
        self.values = ([col.name for col in spec.cols]
                       + [f"{ref.name}__code" for ref in spec.refs]
                       + list(_PARENT.get(spec.kind, ())))
        self.refs = [ref.field for ref in spec.refs]
        self.parent_width = len(_PARENT.get(spec.kind, ()))

    def rows(self, agencies: list[int]) -> Any:
        query = self.spec.model._default_manager.filter(**{f"{self.spec.path}__in": agencies})
        if any(f.name == "position" for f in self.spec.model._meta.get_fields()):
            query = query.order_by("position", "id")
        return query.values_list(self.spec.path, *self.values)

    def record(self, row: tuple[Any, ...]) -> tuple[r.Key, Any]:
        values = row[1:1 + len(self.fields)]
        flat = {name: read(value) for (name, read), value in zip(self.fields, values, strict=True)}
        offset = 1 + len(self.fields)
        for i, name in enumerate(self.refs):
            flat[name] = row[offset + i]
        parent = tuple(row[len(row) - self.parent_width:]) if self.parent_width else ()
        return parent, r.build(self.spec.kind, flat)


_KINDS = {kind: _Kind(spec) for kind, spec in ROWS.items() if kind != r.TABLE}


def lean_plans(agencies: list[m.Agency]) -> dict[int, model.Plan]:
    """The agencies' plans (several regions allowed), as :func:`read_plans` reads them."""
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
    keys = list(members)
    for kind, how in _KINDS.items():
        record: Callable[[tuple[Any, ...]], tuple[r.Key, Any]] = how.record
        for item in how.rows(keys):  # one chunk of agencies: a client-side cursor
            members[item[0]][kind].append(record(item))
    with_tables = set(m.SupportingTable.objects.filter(agency__in=keys)
                      .values_list("agency_id", flat=True))
    tables = read_plans([row for row in rows if row.pk in with_tables])  # rare: the ORM's way
    regions: dict[int, dict[str, list[tuple[r.Key, Any]]]] = {}
    plans: dict[int, model.Plan] = {}
    for row in rows:
        if row.region_id not in regions:
            # the region's records as read_plans takes them (kept by the application per stamp)
            regions[row.region_id] = _region_members(row.region)
        plan = r.assemble({**members.pop(row.pk), **regions[row.region_id]})
        if row.pk in tables:
            plan = replace(plan, tables=tables[row.pk].tables)
        plans[row.pk] = plan.canonical()
    return plans



def measure_agencies(agencies: list[m.Agency], chunk: int = 10,
                     spent: dict[str, float] | None = None,
                     ) -> Iterator[tuple[int, int, Measurement]]:
    """Every year of every agency's strategic plan measured by the core
    (:func:`sakip.core.measure.measure`): (agency pk, year, measurement), agency by agency,
    ``chunk`` agencies read at a time (memory bounded by a chunk's plans). ``spent`` adds up
    the CPU seconds of reading (``read``) and of measuring (``measure``)."""
    spent = spent if spent is not None else {}
    for at in range(0, len(agencies), chunk):
        begun = time.process_time()
        plans = lean_plans(agencies[at:at + chunk])
        spent["read"] = spent.get("read", 0.0) + time.process_time() - begun
        for pk in sorted(plans):
            plan = plans.pop(pk)
            for year in range(plan.strategic_plan.start, plan.strategic_plan.end + 1):
                begun = time.process_time()
                measured = measure(plan, year)
                spent["measure"] = spent.get("measure", 0.0) + time.process_time() - begun
                yield pk, year, measured
