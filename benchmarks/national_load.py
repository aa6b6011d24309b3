"""A generated country in PostgreSQL, loaded fast: ``regions × agencies`` plans of
:func:`benchmarks.generate.generate_plan` written with ``COPY`` into the web application's own
tables (the database migrated by Django), one region at a time.

Each record's columns come from the one declaration of the web application
(:func:`sakip.web.plans.rows.columns`), so a loaded agency reads back as the plan it was
generated from; only the way rows reach the tables differs from
:func:`sakip.web.plans.store.store_plan` (``COPY`` of rows with primary keys given here, instead
of one ``INSERT`` per row). Memory is bounded by one region: its rows are built, copied, and
dropped before the next region is generated.

Used by ``benchmarks/bench_national.py`` and ``tests/web/test_web_national.py``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import RegionKind

# The tables filled by COPY (without the "plans_" of their names), in an order that satisfies
# their foreign keys.
COPIED = ("goal", "objective", "program", "activity", "indicator", "target", "actual",
          "series", "seriesvalue", "budget", "spendingline")


def region_name(index: int) -> str:
    return f"Kabupaten Nasional {index:03d}"


def national_plan(region: int, agency: int, agencies: int, indicators: int, years: int) -> model.Plan:
    """The generated plan of agency ``agency`` of region ``region`` (seeded by both)."""
    from benchmarks.generate import generate_plan

    plan = generate_plan(region * agencies + agency, indicators, years)
    return replace(plan, region=model.Region(region_name(region), RegionKind.REGENCY),
                   agency=replace(plan.agency, code=f"opd{agency:02d}"))


class _Ids:
    """Primary keys handed out here (the loader is the database's only writer); the sequences
    are moved past them at the end (:meth:`Loader.finish`)."""

    def __init__(self, cursor: Any, tables: tuple[str, ...]) -> None:
        self.next: dict[str, int] = {}
        for table in tables:
            cursor.execute(f"SELECT coalesce(max(id), 0) + 1 FROM plans_{table}")
            self.next[table] = cursor.fetchone()[0]

    def take(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value


class Loader:
    """Loads regions into the current Django database (PostgreSQL)."""

    def __init__(self) -> None:
        from django.db import connection

        from sakip.web.plans import models as m

        self.m = m
        connection.ensure_connection()
        self.connection = connection
        self.raw = connection.connection  # psycopg 3 on PostgreSQL
        with connection.cursor() as cursor:
            self.ids = _Ids(cursor, COPIED)
        self.columns: dict[str, list[str]] = {}
        self.json: dict[str, set[str]] = {}
        for table in COPIED:
            model_ = self._model(table)
            fields = [f for f in model_._meta.concrete_fields]
            self.columns[table] = [f.column for f in fields]
            self.json[table] = {f.column for f in fields if f.get_internal_type() == "JSONField"}

    def _model(self, table: str) -> Any:
        from django.apps import apps

        return next(x for x in apps.get_app_config("plans").get_models()
                    if x._meta.db_table == f"plans_{table}")

    def load_region(self, plans: Iterator[model.Plan]) -> tuple[int, list[int]]:
        """Store one region's plans (all of the same region): its region row and scales with
        the ORM (a few rows), the agencies' records with COPY. Its pk and its agencies' pks."""
        from django.db import transaction

        from sakip.web.plans.store import add_scales, create_region

        rows: dict[str, list[dict[str, Any]]] = {table: [] for table in COPIED}
        agencies: list[int] = []
        with transaction.atomic():
            region: Any = None
            for plan in plans:
                if region is None:
                    region = create_region(plan.region)
                    add_scales(region, plan.scales)
                agencies.append(self._agency(region, plan, rows))
            for table in COPIED:
                self._copy(table, rows[table])
        return region.pk, agencies

    def _agency(self, region: Any, plan: model.Plan, rows: dict[str, list[dict[str, Any]]]) -> int:
        from sakip.web.plans.rows import columns

        for unsupported in ("strategies", "agreements", "tables", "narratives"):
            if getattr(plan, unsupported):
                raise ValueError(f"the national loader does not load {unsupported}")
        if getattr(plan.agency, "units", ()) or plan.strategic_plan.revisions:
            raise ValueError("the national loader does not load units or revisions")
        m = self.m
        agency = m.Agency.objects.create(region=region, stamp=uuid.uuid4().hex,
                                         **columns(r.AGENCY, plan.agency))
        m.StrategicPlan.objects.create(agency=agency,
                                       **columns(r.STRATEGIC_PLAN, plan.strategic_plan),
                                       **columns(r.SETTINGS, plan.settings))
        refs: dict[str, dict[Any, Any]] = {r.GOAL: {}, r.OBJECTIVE: {}, r.PROGRAM: {},
                                           r.ACTIVITY: {}}

        def add(table: str, kind: str, record: Any, position: int | None,
                **owner: Any) -> int:
            pk = self.ids.take(table)
            row = columns(kind, record, refs)
            row = {(f"{k}_id" if k in _REFS.get(table, ()) else k): v for k, v in row.items()}
            row.update(id=pk, **owner)
            if position is not None:
                row["position"] = position
            rows[table].append(row)
            return pk

        mine = {"agency_id": agency.pk}
        for i, goal in enumerate(plan.goals):
            refs[r.GOAL][(goal.code,)] = add("goal", r.GOAL, goal, i, **mine)
        for i, objective in enumerate(plan.objectives):
            refs[r.OBJECTIVE][(objective.code,)] = add("objective", r.OBJECTIVE, objective, i,
                                                        **mine)
        for i, program in enumerate(plan.programs):
            refs[r.PROGRAM][(program.code,)] = add("program", r.PROGRAM, program, i, **mine)
        for i, activity in enumerate(plan.activities):
            if activity.parent is not None:
                raise ValueError("the national loader does not load sub-activities")
            refs[r.ACTIVITY][(activity.code,)] = add("activity", r.ACTIVITY, activity, i,
                                                      parent_id=None, **mine)
        for i, indicator in enumerate(plan.indicators):
            pk = add("indicator", r.INDICATOR, indicator, i, **mine)
            for j, target in enumerate(indicator.targets):
                add("target", r.TARGET, target, j, indicator_id=pk)
            for j, actual in enumerate(indicator.actuals):
                add("actual", r.ACTUAL, actual, j, indicator_id=pk)
        for i, series in enumerate(plan.series):
            pk = add("series", r.SERIES, series, i, **mine)
            for value in series.values:
                add("seriesvalue", r.SERIES_VALUE, value, None, series_id=pk)
        for i, budget in enumerate(plan.budgets):
            add("budget", r.BUDGET, budget, i)
        for i, line in enumerate(plan.spending):
            add("spendingline", r.SPENDING, line, i, **mine)
        return int(agency.pk)

    def _copy(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Write the rows: COPY on PostgreSQL, else one ``executemany`` (SQLite, in tests)."""
        if not rows:
            return
        names = self.columns[table]
        json_columns = self.json[table]
        encode: dict[str, Callable[[Any], Any]] = {
            name: (json.dumps if name in json_columns else _plain) for name in names}
        values = ([encode[name](row.get(name)) for name in names] for row in rows)
        if self.connection.vendor == "postgresql":
            sql = f"COPY plans_{table} ({', '.join(names)}) FROM STDIN"
            with self.raw.cursor() as cursor, cursor.copy(sql) as copy:
                for row in values:
                    copy.write_row(row)
        else:
            with self.connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO plans_{table} ({', '.join(names)}) VALUES "
                                   f"({', '.join(['%s'] * len(names))})", list(values))
        rows.clear()

    def finish(self) -> None:
        """Move every table's sequence past the keys given here (PostgreSQL; SQLite takes the
        largest key itself); refresh the planner's statistics."""
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                for table in COPIED:
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('plans_{table}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM plans_{table}))")
            cursor.execute("ANALYZE")


_REFS = {"objective": ("goal",), "program": ("objective",), "activity": ("program",),
         "budget": ("activity",)}


def _plain(value: Any) -> Any:
    return value


def load_country(regions: int, agencies: int, indicators: int, years: int,
                 progress: Callable[[int, int], None] | None = None) -> dict[int, list[int]]:
    """Generate and load the country region by region: region pk → its agencies' pks."""
    loader = Loader()
    loaded: dict[int, list[int]] = {}
    for index in range(regions):
        plans = (national_plan(index, a, agencies, indicators, years) for a in range(agencies))
        pk, members = loader.load_region(plans)
        loaded[pk] = members
        if progress is not None:
            progress(index + 1, regions)
    loader.finish()
    return loaded
