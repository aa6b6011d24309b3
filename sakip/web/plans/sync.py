"""Write a change of an agency's plan into the tables: ``sync(agency, old, new)`` makes the rows,
which hold ``old``, hold ``new``, touching only the records that differ (rows keep their ids,
so links and evidence files stay attached).

``renames`` names records whose code changed (``(kind, old_code, new_code)``): their rows are
renamed in place, so the rows that refer to them by foreign key follow; ``old`` is then
compared under the new codes (:func:`sakip.core.edit.rename` renames the references).

Only the write path (:mod:`sakip.web.plans.write`) calls this, inside its transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sakip.core import records as r
from sakip.core.model import Plan
from sakip.web.plans import models as m
from sakip.web.plans.rows import PARENT_FIELD, ROWS, Refs, Rows, columns, table_cells

SINGLETONS = (r.AGENCY, r.STRATEGIC_PLAN, r.SETTINGS)
# Kinds whose rows are ordered by key when read (Plan.canonical): their positions do not matter.
ORDERED_BY_KEY = frozenset({r.TARGET, r.ACTUAL, r.SERIES_VALUE, r.BUDGET})
Ident = tuple[str, r.Key]


class Sync:
    def __init__(self, agency: m.Agency, old: Plan, new: Plan) -> None:
        self.agency = agency
        self.before = r.records(old, region=False)
        self.after = r.records(new, region=False)
        self.loaded: dict[str, dict[r.Key, Any]] = {}
        self.keys_before = self._keys(self.before)
        self.keys_after = self._keys(self.after)

    def rows_of(self, kind: str) -> dict[r.Key, Any]:
        """The agency's rows of a kind by record key, loaded once."""
        if kind not in self.loaded:
            spec = ROWS[kind]
            rows = list(spec.rows(self.agency).order_by("position", "id")) \
                if _has_position(spec) else list(spec.rows(self.agency))
            if spec.key is None:  # index-keyed: a row's key is its place
                self.loaded[kind] = {(index,): row for index, row in enumerate(rows)}
            else:
                self.loaded[kind] = {spec.key(row): row for row in rows}
        return self.loaded[kind]

    def refs(self) -> Refs:
        return _LazyRefs(self)

    def run(self, changed: set[Ident]) -> None:
        by_kind: dict[str, list[r.Key]] = defaultdict(list)
        for kind, key in changed:
            by_kind[kind].append(key)
        for kind in SINGLETONS:
            if kind in by_kind:
                self.singleton(kind, self.after[(kind, ())].value)
        # written before anything is deleted, so that no row refers to one that goes
        for kind in r.ORDER:  # parents before children
            if kind in ROWS and (kind in by_kind or self.reordered(kind)):
                self.write(ROWS[kind], [k for k in by_kind.get(kind, ())
                                        if (kind, k) in self.after])
        for kind in reversed(r.ORDER):  # children before parents
            if kind in ROWS and kind in by_kind:
                self.delete(kind, [k for k in by_kind[kind] if (kind, k) not in self.after])

    def delete(self, kind: str, keys: list[r.Key]) -> None:
        rows = self.rows_of(kind)
        doomed = [rows.pop(key).pk for key in keys if key in rows]
        if doomed and kind == r.ACTIVITY:  # sub-activities among them refer to their parents
            m.Activity.objects.filter(pk__in=doomed).update(parent=None)
        if doomed:
            ROWS[kind].model.objects.filter(pk__in=doomed).delete()

    def singleton(self, kind: str, record: Any) -> None:
        row = self.agency if kind == r.AGENCY else self.agency.strategic_plan
        for name, value in columns(kind, record).items():
            setattr(row, name, value)
        row.save()

    def reordered(self, kind: str) -> bool:
        if kind in ORDERED_BY_KEY or ROWS[kind].key is None:
            return False
        before, after = self.keys_before.get(kind, []), self.keys_after.get(kind, [])
        common = set(before) & set(after)
        return [k for k in before if k in common] != [k for k in after if k in common]

    @staticmethod
    def _keys(records: dict[Ident, r.Record]) -> dict[str, list[r.Key]]:
        """The keys of each kind, in plan order."""
        result: dict[str, list[r.Key]] = defaultdict(list)
        for kind, key in records:
            result[kind].append(key)
        return result

    def positions(self, kind: str) -> dict[r.Key, int]:
        """Each record's place among its parent's records of the kind in the new plan."""
        counter: dict[r.Key | None, int] = defaultdict(int)
        result = {}
        for key in self.keys_after.get(kind, []):
            parent = self.after[(kind, key)].parent
            result[key] = counter[parent]
            counter[parent] += 1
        return result

    def write(self, spec: Rows, keys: list[r.Key]) -> None:
        rows = self.rows_of(spec.kind)
        refs = self.refs()
        place = self.positions(spec.kind)
        owner = spec.owner(self.agency)
        created, updated, fields = [], [], set()
        for key in keys:
            record = self.after[(spec.kind, key)]
            values = columns(spec.kind, record.value, refs)
            if spec.kind in PARENT_FIELD:
                values[PARENT_FIELD[spec.kind]] = refs[_parent_kind(spec.kind)][record.parent]
            row = rows.get(key)
            if row is None:
                if _has_position(spec):
                    values["position"] = place[key]
                row = spec.model(**owner, **values)
                created.append((key, row))
                continue
            for name, value in values.items():
                if _column(row, name) != _column_value(value):
                    setattr(row, name, value)
                    fields.add(name)
            updated.append(row)
        if fields:
            spec.model.objects.bulk_update(updated, sorted(fields))
        if created:
            spec.model.objects.bulk_create([row for _, row in created])
            rows.update(created)
        if _has_position(spec) and spec.kind not in ORDERED_BY_KEY and (created or self.reordered(spec.kind)):
            moved = []
            for key, row in rows.items():
                if key in place and row.position != place[key]:
                    row.position = place[key]
                    moved.append(row)
            spec.model.objects.bulk_update(moved, ["position"])
        if spec.kind == r.ACTIVITY:
            self.activity_parents(keys)
        if spec.kind == r.TABLE:
            self.table_cells(keys)

    def activity_parents(self, keys: Iterable[r.Key]) -> None:
        rows = self.rows_of(r.ACTIVITY)
        moved = []
        for key in keys:
            parent = self.after[(r.ACTIVITY, key)].value.parent
            row = rows[key]
            wanted = rows[(parent,)].pk if parent else None
            if row.parent_id != wanted:
                row.parent_id = wanted
                moved.append(row)
        m.Activity.objects.bulk_update(moved, ["parent"])

    def table_cells(self, keys: Iterable[r.Key]) -> None:
        rows = self.rows_of(r.TABLE)
        for key in keys:
            before = self.before.get((r.TABLE, key))
            table = self.after[(r.TABLE, key)].value
            if before is not None and before.value.rows == table.rows and \
                    [str(c) for row in before.value.rows for c in row] == \
                    [str(c) for row in table.rows for c in row]:
                continue
            row = rows[key]
            if before is not None:
                row.cells.all().delete()
            m.SupportingCell.objects.bulk_create(table_cells(row, table.rows))


def _has_position(spec: Rows) -> bool:
    return any(f.name == "position" for f in spec.model._meta.get_fields())


def _parent_kind(kind: str) -> str:
    parent = r.SPECS[kind].parent
    assert parent is not None
    return parent


def _column(row: Any, name: str) -> Any:
    field = row._meta.get_field(name)
    if field.is_relation:
        return getattr(row, field.attname)
    return getattr(row, name)


def _column_value(value: Any) -> Any:
    return value.pk if hasattr(value, "_meta") else value


class _LazyRefs(dict):  # type: ignore[type-arg]
    """Rows by key of a kind, loaded when first asked for (``refs[r.GOAL][("T1",)]``)."""

    def __init__(self, sync: Sync) -> None:
        super().__init__()
        self.sync = sync

    def __missing__(self, kind: str) -> dict[r.Key, Any]:
        return self.sync.rows_of(kind)


def sync(agency: m.Agency, old: Plan, new: Plan, renames: Iterable[tuple[str, str, str]] = (),
         changes: list[r.Change] | None = None) -> None:
    """Make the rows of ``agency`` (holding ``old``) hold ``new``; the rows of ``renames`` are
    renamed in place first. ``changes`` is ``diff(old, new)`` when known."""
    for kind, before, after in renames:
        ROWS[kind].model.objects.filter(**ROWS[kind].owner(agency) or {"agency": agency},
                                        code=before).update(code=after)
    if changes is None:
        changes = r.diff(old, new, region=False)
    Sync(agency, old, new).run({(c.kind, c.key) for c in changes})
