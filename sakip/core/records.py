"""A plan as records: every kind of record, its key, its year and its fields, declared once.

A :class:`~sakip.core.model.Plan` nests its records (an indicator holds its targets, an agreement
its items). For checking, comparing, auditing and storing, each record is named by its *kind*
and its *key* inside the plan — ``("target", ("IKU-01", 2020))`` — and has flat *fields*, a
nested dataclass (the head of an agency, a baseline) becoming dotted names (``head.name``).

:func:`records` flattens a plan; :func:`diff` gives what differs between two plans, record by
record and field by field, each change with the year it belongs to (``None`` for records that
hold for every year: an indicator's definition, the agency profile). :func:`apply` writes
record-level edits into a plan. Order is not a field: two plans holding the same records in a
different order have no difference here (:meth:`Plan.canonical` gives the one order).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from decimal import Decimal
from typing import Any

from sakip.core import model as m
from sakip.core.model import Baseline, Official, Plan

Key = tuple[Any, ...]

# The kinds of record and their keys.
REGION = "region"  # ()
AGENCY = "agency"  # ()
STRATEGIC_PLAN = "strategic_plan"  # ()
SETTINGS = "settings"  # ()
REVISION = "revision"  # (index,) in plan order
MISSION = "mission"  # (code,)
REGION_GOAL = "region_goal"  # (code,)
REGION_OBJECTIVE = "region_objective"  # (code,)
REGION_INDICATOR = "region_indicator"  # (code,): an IKU Pemda
REGION_TARGET = "region_target"  # (indicator, year, quarter or None, month or None)
REGION_ACTUAL = "region_actual"  # (indicator, year, quarter or None, month or None)
CONTRIBUTION = "contribution"  # (objective, agency)
UNIT = "unit"  # (code,)
GOAL = "goal"  # (code,)
OBJECTIVE = "objective"  # (code,)
STRATEGY = "strategy"  # (code,)
PROGRAM = "program"  # (code,)
ACTIVITY = "activity"  # (code,)
INDICATOR = "indicator"  # (code,)
TARGET = "target"  # (indicator, year, quarter or None, month or None)
ACTUAL = "actual"  # (indicator, year, quarter or None, month or None)
SERIES = "series"  # (code,)
SERIES_VALUE = "series_value"  # (series, year)
BUDGET = "budget"  # (activity, year, quarter or None, month or None)
SPENDING = "spending"  # (index,) in plan order
AGREEMENT = "agreement"  # (year, number)
AGREEMENT_ITEM = "agreement_item"  # (year, number, indicator)
TABLE = "table"  # (code,)
TABLE_ROW = "table_row"  # (table, index of the body row, from 0): checks only, rows are a field
NARRATIVE = "narrative"  # (index,) in plan order
SCALE = "scale"  # (code,)
BAND = "band"  # (scale, index of the band, from 0)

# The region's, shared by its agencies: its RPJMD and its scales.
REGION_KINDS = frozenset({REGION, MISSION, REGION_GOAL, REGION_OBJECTIVE, REGION_INDICATOR,
                          REGION_TARGET, REGION_ACTUAL, CONTRIBUTION, SCALE, BAND})


@dataclass(frozen=True)
class Spec:
    """How a kind of record sits in a plan.

    ``parent`` is the kind holding the records (None: the plan itself), ``attribute`` the tuple
    (or, for a singleton, the object) holding them, ``children`` the attributes that hold records
    of other kinds and so are not fields.
    """

    kind: str
    attribute: str
    cls: Any  # the dataclass (a series value is a (year, value) pair)
    parent: str | None = None
    key: Callable[[Any, int, Key], Key] = lambda record, index, parent: (record.code,)
    year: Callable[[Any], int | None] = lambda record: None
    children: tuple[str, ...] = ()
    singleton: bool = False


def _by_index(record: Any, index: int, parent: Key) -> Key:
    return (*parent, index)


SPECS: dict[str, Spec] = {s.kind: s for s in (
    Spec(REGION, "region", m.Region, key=lambda r, i, p: (),
         children=("missions", "goals", "objectives", "indicators", "contributions"), singleton=True),
    Spec(MISSION, "missions", m.Mission, REGION),
    Spec(REGION_GOAL, "goals", m.RegionGoal, REGION),
    Spec(REGION_OBJECTIVE, "objectives", m.RegionObjective, REGION),
    Spec(REGION_INDICATOR, "indicators", m.Indicator, REGION, children=("targets", "actuals")),
    Spec(REGION_TARGET, "targets", m.Target, REGION_INDICATOR,
         key=lambda r, i, p: (*p, r.year, r.quarter, r.month), year=lambda r: r.year),
    Spec(REGION_ACTUAL, "actuals", m.Actual, REGION_INDICATOR,
         key=lambda r, i, p: (*p, r.year, r.quarter, r.month), year=lambda r: r.year),
    Spec(CONTRIBUTION, "contributions", m.Contribution, REGION,
         key=lambda r, i, p: (r.objective, r.agency)),
    Spec(SCALE, "scales", m.Scale),
    Spec(BAND, "bands", m.Band, SCALE, key=_by_index),
    Spec(AGENCY, "agency", m.Agency, key=lambda r, i, p: (), children=("units",), singleton=True),
    Spec(UNIT, "units", m.Unit, AGENCY),
    Spec(STRATEGIC_PLAN, "strategic_plan", m.StrategicPlan, key=lambda r, i, p: (), children=("revisions",),
         singleton=True),
    Spec(REVISION, "revisions", m.Revision, STRATEGIC_PLAN, key=_by_index),
    Spec(SETTINGS, "settings", m.Settings, key=lambda r, i, p: (), singleton=True),
    Spec(GOAL, "goals", m.Goal),
    Spec(OBJECTIVE, "objectives", m.Objective),
    Spec(STRATEGY, "strategies", m.Strategy),
    Spec(PROGRAM, "programs", m.Program),
    Spec(ACTIVITY, "activities", m.Activity),
    Spec(INDICATOR, "indicators", m.Indicator, children=("targets", "actuals")),
    Spec(TARGET, "targets", m.Target, INDICATOR, key=lambda r, i, p: (*p, r.year, r.quarter, r.month),
         year=lambda r: r.year),
    Spec(ACTUAL, "actuals", m.Actual, INDICATOR,
         key=lambda r, i, p: (*p, r.year, r.quarter, r.month), year=lambda r: r.year),
    Spec(SERIES, "series", m.Series, children=("values",)),
    Spec(SERIES_VALUE, "values", tuple, SERIES, key=lambda r, i, p: (*p, r[0]), year=lambda r: r[0]),
    Spec(BUDGET, "budgets", m.Budget, key=lambda r, i, p: (r.activity, r.year, r.quarter, r.month),
         year=lambda r: r.year),
    Spec(SPENDING, "spending", m.SpendingLine, key=_by_index, year=lambda r: r.year),
    Spec(AGREEMENT, "agreements", m.AgreementVersion, key=lambda r, i, p: (r.year, r.number),
         year=lambda r: r.year, children=("items",)),
    Spec(AGREEMENT_ITEM, "items", m.AgreementItem, AGREEMENT, key=lambda r, i, p: (*p, r.indicator),
         year=lambda r: None),  # the year is the agreement's (see records())
    Spec(TABLE, "tables", m.SupportingTable, year=lambda r: r.year),
    Spec(NARRATIVE, "narratives", m.Narrative, key=_by_index, year=lambda r: r.year),
)}
ORDER = tuple(SPECS)  # parents before children, references before what refers to them
# Kinds of the plan itself whose key is a place (spending, narratives): no code identifies them.
INDEX_KINDS = tuple(s for s in SPECS.values() if s.key is _by_index and s.parent is None)
CHILDREN: dict[str | None, tuple[Spec, ...]] = {}
for _spec in SPECS.values():
    CHILDREN[_spec.parent] = (*CHILDREN.get(_spec.parent, ()), _spec)


@dataclass(frozen=True)
class Record:
    kind: str
    key: Key
    year: int | None
    value: Any  # the dataclass (a (year, value) pair for a series value)
    parent: Key | None = None


def _members(holder: Any, spec: Spec) -> tuple[Any, ...]:
    value = getattr(holder, spec.attribute)
    return (value,) if spec.singleton else tuple(value)


def records_of(plan: Plan, kind: str) -> list[tuple[Key, Any]]:
    """The records of one kind with their keys, walking only the records that hold them (the
    indicators for targets, not the whole plan)."""
    spec = SPECS[kind]
    if spec.parent is None:
        holders: list[tuple[Key, Any]] = [((), plan)]
    else:
        holders = records_of(plan, spec.parent)
    found = []
    for parent_key, holder in holders:
        for index, member in enumerate(_members(holder, spec)):
            found.append((spec.key(member, index, parent_key if spec.parent else ()), member))
    return found


def records(plan: Plan, *, region: bool = True) -> dict[tuple[str, Key], Record]:
    """Every record of ``plan`` by (kind, key), parents before their children. Without
    ``region``, the region's records (the region, its missions and scales) are left out."""
    result: dict[tuple[str, Key], Record] = {}

    def visit(holder: Any, parent: Spec | None, parent_key: Key, parent_year: int | None) -> None:
        for spec in CHILDREN.get(parent.kind if parent else None, ()):
            if not region and spec.kind in REGION_KINDS:
                continue
            for index, member in enumerate(_members(holder, spec)):
                key = spec.key(member, index, parent_key)
                year = spec.year(member)
                if year is None and spec.kind == AGREEMENT_ITEM:
                    year = parent_year
                result[(spec.kind, key)] = Record(spec.kind, key, year, member,
                                                  parent_key if parent else None)
                if spec.children or CHILDREN.get(spec.kind):
                    visit(member, spec, key, year)

    visit(plan, None, (), None)
    return result


def fields_of(kind: str, record: Any) -> dict[str, Any]:
    """The fields of a record of ``kind``, flat (see :func:`values`)."""
    return values(Record(kind, (), None, record))


def values(record: Record) -> dict[str, Any]:
    """The fields of a record, flat: nested dataclasses as dotted names, children left out."""
    spec = SPECS[record.kind]
    if spec.kind == SERIES_VALUE:
        return {"value": record.value[1]}
    return _flat(record.value, spec.children)


def build(kind: str, flat: dict[str, Any]) -> Any:
    """The record of ``kind`` with the fields ``flat`` (named as :func:`values` names them, and
    a series value's ``year``); its children empty. The inverse of :func:`values`."""
    if kind == SERIES_VALUE:
        return (flat["year"], flat["value"])
    cls = SPECS[kind].cls
    empty = {child.attribute: () for child in CHILDREN.get(kind, ())}
    names = _flat_fields(cls)
    if names and names.issuperset(flat):  # no nested record, every name a field: as given
        return cls(**{**empty, **flat})
    return _unflat(cls, {**empty, **flat}, "")


_FLAT: dict[Any, frozenset[str]] = {}


def _flat_fields(cls: Any) -> frozenset[str]:
    """The names of a record class's fields when none is a nested record, else none (an empty
    set: such a class is built by ``_unflat``, which gives a nested record it has no value for
    None)."""
    found = _FLAT.get(cls)
    if found is None:
        shape = _shape(cls)
        found = _FLAT[cls] = (frozenset() if any(nested is not None for _, nested in shape)
                              else frozenset(name for name, _ in shape))
    return found


def _unflat(cls: Any, flat: dict[str, Any], prefix: str) -> Any:
    arguments = {}
    for name, nested in _shape(cls):
        full = prefix + name
        if nested is not None:
            inner = any(v is not None for k, v in flat.items() if k.startswith(full + "."))
            arguments[name] = _unflat(nested, flat, full + ".") if inner else None
        elif full in flat:
            arguments[name] = flat[full]
    return cls(**arguments)


_SHAPES: dict[Any, tuple[tuple[str, Any], ...]] = {}


def _shape(cls: Any) -> tuple[tuple[str, Any], ...]:
    """The fields of a record class, each with its nested record class (or None): worked out
    once per class (building and flattening records is done for every record of a plan)."""
    found = _SHAPES.get(cls)
    if found is None:
        found = _SHAPES[cls] = tuple((item.name, _NESTED_TYPES.get(_type_name(item.type)))
                                     for item in fields(cls))
    return found


def assemble(members: dict[str, list[tuple[Key, Any]]]) -> Plan:
    """A plan from its records: for each kind, (parent key, record) in plan order — the region,
    agency, strategic plan and settings once each with the parent key (). The inverse of
    :func:`records`; children are put into their parents by key."""
    placed = place(members)
    top: dict[str, Any] = {spec.attribute: (placed[(spec.kind, ())][0] if spec.singleton
                            else tuple(placed.get((spec.kind, ()), ())))
           for spec in CHILDREN[None] if spec.kind in members or not spec.singleton}
    plan: Plan = Plan(**top)
    return plan


def place(members: dict[str, list[tuple[Key, Any]]]) -> dict[tuple[str, Key], list[Any]]:
    """The records of each kind under each parent key, their children put into them."""
    placed: dict[tuple[str, Key], list[Any]] = {}
    for kind in reversed(ORDER):
        spec = SPECS[kind]
        counter: dict[Key, int] = {}
        for parent, record in members.get(kind, ()):
            index = counter.get(parent, 0)
            counter[parent] = index + 1
            key = spec.key(record, index, parent)
            children = {child.attribute: tuple(placed.get((child.kind, key), ()))
                        for child in CHILDREN.get(kind, ())}
            placed.setdefault((kind, parent), []).append(
                replace(record, **children) if children else record)
    return placed


def _flat(value: Any, skip: tuple[str, ...] = (), prefix: str = "") -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, nested in _shape(type(value)):
        if name in skip:
            continue
        inner = getattr(value, name)
        if nested is not None:
            if inner is not None:  # an absent head or baseline: its fields are all absent
                result.update(_flat(inner, (), f"{prefix}{name}."))
        else:
            result[f"{prefix}{name}"] = inner
    return result


@dataclass(frozen=True)
class Change:
    """One field of one record that differs: ``old`` is None for an added record's fields,
    ``new`` None for a removed one's."""

    kind: str
    key: Key
    year: int | None
    field: str
    old: Any
    new: Any


def same(a: Any, b: Any) -> bool:
    """Equal, representation included: ``Decimal("80")`` and ``Decimal("80.0")`` print
    differently, so they differ here."""
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return type(a) is type(b) and str(a) == str(b)
    return type(a) is type(b) and bool(a == b)


def _empty(value: Any) -> bool:
    return value is None or value == ()


def diff(old: Plan, new: Plan, *, region: bool = True) -> list[Change]:
    """What differs between two plans, record by record and field by field, in record order.

    An added record's empty fields are no change; a record added or removed with no field set
    at all is one change of the field ``""`` from False to True (or back)."""
    before, after = records(old, region=region), records(new, region=region)
    changes: list[Change] = []
    for ident in list(before) + [i for i in after if i not in before]:
        a, b = before.get(ident), after.get(ident)
        if a is not None and b is not None and a.value is b.value:
            continue  # the same record (an edit keeps what it does not touch)
        fa = values(a) if a else {}
        fb = values(b) if b else {}
        year = b.year if b is not None else a.year  # type: ignore[union-attr]
        whole = a is None or b is None
        found = False
        for name in list(fa) + [n for n in fb if n not in fa]:
            x, y = fa.get(name), fb.get(name)
            if same(x, y) or (whole and _empty(x) and _empty(y)):
                continue
            changes.append(Change(ident[0], ident[1], year, name, x, y))
            found = True
        if whole and not found:
            changes.append(Change(ident[0], ident[1], year, "", a is not None, b is not None))
    return changes


# --------------------------------------------------------------------------- edits


@dataclass(frozen=True)
class Put:
    """Put ``record`` where the record (kind, key) is, or add it at the end when there is none
    (a key of None adds a record of an index-keyed kind: spending, narrative, revision). The
    children of a record put in place of another (an indicator's targets …) are kept."""

    kind: str
    key: Key | None
    record: Any


@dataclass(frozen=True)
class Remove:
    """Remove the record (kind, key) and its children."""

    kind: str
    key: Key


Edit = Put | Remove


def apply(plan: Plan, edits: list[Edit]) -> Plan:
    """``plan`` with ``edits`` made, in one pass over the records; keys name records of
    ``plan`` as it was. What no edit touches stays the very same object."""
    grouped: dict[str, dict[Key, list[Edit]]] = {}
    for item in edits:
        spec = SPECS.get(item.kind)
        if spec is None:
            raise ValueError(f"unknown kind of record: {item.kind}")
        depth = _PARENT_KEY_LENGTH[spec.parent]
        if item.key is None and depth:
            raise ValueError(f"a record of kind {item.kind} is added under its parent's key")
        parent = () if item.key is None else tuple(item.key[:depth])
        grouped.setdefault(item.kind, {}).setdefault(parent, []).append(item)
    touched = {kind for spec in SPECS.values() for kind in _lineage(spec) if spec.kind in grouped}
    result: Plan = _apply_children(plan, None, (), grouped, touched)
    return result


# The length of the key of each kind that holds other records (the prefix of its children's).
_PARENT_KEY_LENGTH = {None: 0, REGION: 0, AGENCY: 0, STRATEGIC_PLAN: 0, SCALE: 1, INDICATOR: 1,
                      SERIES: 1, AGREEMENT: 2}


def _lineage(spec: Spec) -> list[str]:
    """The kind and every kind above it."""
    kinds = [spec.kind]
    while spec.parent is not None:
        spec = SPECS[spec.parent]
        kinds.append(spec.kind)
    return kinds


def _apply_children(holder: Any, parent: Spec | None, parent_key: Key,
                    grouped: Mapping[str, Mapping[Key, list[Edit]]], touched: set[str]) -> Any:
    changed: dict[str, Any] = {}
    for spec in CHILDREN.get(parent.kind if parent else None, ()):
        if spec.kind not in touched:
            continue
        edits = grouped.get(spec.kind, {}).get(parent_key, [])
        deeper = any(child.kind in touched for child in CHILDREN.get(spec.kind, ()))
        if not edits and not deeper:
            continue
        puts = {e.key: e.record for e in edits if isinstance(e, Put) and e.key is not None}
        removed = {e.key for e in edits if isinstance(e, Remove)}
        members = _members(holder, spec)
        result: list[Any] = []
        for index, member in enumerate(members):
            key = spec.key(member, index, parent_key)
            if key in removed:
                continue
            if key in puts:
                replacement = puts.pop(key)
                if spec.children:
                    replacement = replace(replacement, **{
                        name: getattr(member, name) for name in spec.children})
                member = replacement
            result.append(_apply_children(member, spec, key, grouped, touched) if deeper
                          else member)
        added = [e.record for e in edits if isinstance(e, Put) and e.key is None]
        added += list(puts.values())  # keys that name no record yet
        for record in added:
            key = spec.key(record, len(result), parent_key)
            result.append(_apply_children(record, spec, key, grouped, touched) if deeper
                          else record)
        if len(result) == len(members) and all(a is b for a, b in zip(result, members,
                                                                        strict=True)):
            continue  # nothing here changed: keep the very same objects
        changed[spec.attribute] = result[0] if spec.singleton else tuple(result)
    return replace(holder, **changed) if changed else holder


def rename(plan: Plan, kind: str, old: str, new: str) -> Plan:
    """``plan`` with the record (kind, (old,)) coded ``new``, and every reference to it: an
    objective's goal, a program's objective or unit, an activity's program, parent or unit, an
    indicator's owner, a strategy's objectives, a budget's activity, a PK item's indicator, the
    subject of a supporting table or narrative. (A formula names series, not records of these
    kinds; a renamed series that a formula uses is left for the plan checks to report.)"""
    if old == new:
        return plan

    def swap(value: str | None) -> str | None:
        return new if value == old else value

    owner_level = {GOAL: "goal", OBJECTIVE: "objective", PROGRAM: "program", ACTIVITY: "activity"}
    level = owner_level.get(kind)
    changes: dict[str, Any] = {}
    spec = SPECS[kind]
    if spec.parent == AGENCY:
        changes["agency"] = replace(plan.agency, units=tuple(
            replace(u, code=new) if u.code == old else u for u in plan.agency.units))
    elif spec.parent is None and not spec.singleton:
        changes[spec.attribute] = tuple(replace(x, code=new) if x.code == old else x
                                        for x in getattr(plan, spec.attribute))
    else:
        raise ValueError(f"records of kind {kind} have no code to rename")

    def current(attribute: str) -> Any:
        return changes.get(attribute, getattr(plan, attribute))

    if kind == GOAL:
        changes["objectives"] = tuple(replace(o, goal=new) if o.goal == old else o
                                      for o in current("objectives"))
    if kind == OBJECTIVE:
        changes["programs"] = tuple(replace(p, objective=new) if p.objective == old else p
                                    for p in current("programs"))
        changes["strategies"] = tuple(replace(s, objectives=tuple(swap(x) for x in s.objectives))
                                      for s in current("strategies"))
    if kind == UNIT:
        changes["programs"] = tuple(replace(p, unit=swap(p.unit)) for p in current("programs"))
        changes["activities"] = tuple(replace(a, unit=swap(a.unit)) for a in current("activities"))
    if kind == PROGRAM:
        changes["activities"] = tuple(replace(a, program=new) if a.program == old else a
                                      for a in current("activities"))
    if kind == ACTIVITY:
        changes["activities"] = tuple(replace(a, parent=swap(a.parent))
                                      for a in current("activities"))
        changes["budgets"] = tuple(replace(b, activity=new) if b.activity == old else b
                                   for b in current("budgets"))
    if level is not None:
        changes["indicators"] = tuple(
            replace(i, owner=new) if i.level.value == level and i.owner == old else i
            for i in current("indicators"))
    if kind == INDICATOR:
        changes["agreements"] = tuple(replace(v, items=tuple(
            replace(item, indicator=new) if item.indicator == old else item for item in v.items))
            for v in current("agreements"))
    if kind in (GOAL, OBJECTIVE, PROGRAM, ACTIVITY, INDICATOR):
        changes["tables"] = tuple(replace(t, subject=swap(t.subject)) for t in current("tables"))
        changes["narratives"] = tuple(replace(n, subject=swap(n.subject))
                                      for n in current("narratives"))
    return replace(plan, **changes)


def with_value(record: Any, name: str, value: Any) -> Any:
    """``record`` with the (dotted) field ``name`` set to ``value``; a nested record whose fields
    all become None becomes None itself (an agency without head, an indicator without baseline)."""
    if isinstance(record, tuple):  # a series value: (year, value)
        return (record[0], value)
    head, _, rest = name.partition(".")
    if not rest:
        return replace(record, **{head: value})
    inner = getattr(record, head)
    if inner is None:
        cls = _NESTED_TYPES[_type_name({f.name: f.type for f in fields(record)}[head])]
        inner = cls(**{f.name: None for f in fields(cls)})
    inner = with_value(inner, rest, value)
    if all(getattr(inner, f.name) is None for f in fields(inner)):
        inner = None
    return replace(record, **{head: inner})


def _type_name(annotation: Any) -> str:
    text = annotation if isinstance(annotation, str) else annotation.__name__
    return text.split("|")[0].strip()


_NESTED_TYPES: dict[str, Any] = {"Official": Official, "Baseline": Baseline}


def revert(base: Plan, new: Plan, wanted: set[tuple[str, Key, str]]) -> Plan:
    """``new`` with the fields ``wanted`` (kind, key, field) as they are in ``base``. A record
    whose every change is reverted becomes ``base``'s again (restored, or removed when ``base``
    has none); a record removed in ``new`` comes back whole when any of its fields is wanted."""
    if not wanted:
        return new
    before, after = records(base), records(new)
    changed: dict[tuple[str, Key], set[str]] = {}
    for change in diff(base, new):
        changed.setdefault((change.kind, change.key), set()).add(change.field)
    edits: list[Edit] = []
    for ident, names in changed.items():
        back = {field for kind, key, field in wanted if (kind, key) == ident} & names
        if not back:
            continue
        a, b = before.get(ident), after.get(ident)
        if b is None or back == names:
            edits.append(Put(ident[0], ident[1], a.value) if a is not None
                         else Remove(ident[0], ident[1]))
            continue
        record = b.value
        old_values = values(a) if a is not None else {}
        for name in back:
            if name:
                record = with_value(record, name, old_values.get(name))
        edits.append(Put(ident[0], ident[1], record))
    return apply(new, edits)


def keep_years(new: Plan, old: Plan, years: set[int]) -> Plan:
    """``new`` with every record of ``years`` as ``old`` has it: a plan read from a workbook,
    say, whose locked years must stay as they were. A record of those years whose parent
    ``new`` does not have cannot be kept; the write path then refuses the change of a locked
    year, naming it."""
    if not years:
        return new
    before, after = records(old, region=False), records(new, region=False)
    edits: list[Edit] = []
    for (kind, key), record in after.items():
        if SPECS[kind].key is not _by_index and record.year in years and (kind, key) not in before:
            edits.append(Remove(kind, key))
    for (kind, key), record in before.items():
        if SPECS[kind].key is not _by_index and record.year in years:
            edits.append(Put(kind, key, record.value))
    kept = apply(new, edits)
    lists: dict[str, Any] = {spec.attribute: _interleave(getattr(old, spec.attribute),
                                                        getattr(kept, spec.attribute), years)
                             for spec in INDEX_KINDS}
    return replace(kept, **lists)


def _interleave(old: tuple[Any, ...], new: tuple[Any, ...], years: set[int]) -> tuple[Any, ...]:
    """``old``'s records of ``years`` at the places they had, ``new``'s others around them."""
    others = iter(x for x in new if x.year not in years)
    result = []
    for x in old:
        result.append(x if x.year in years else next(others, None))
    result.extend(others)
    return tuple(x for x in result if x is not None)


def year_slices(plan: Plan, years: set[int]) -> dict[tuple[str, int], tuple[Any, ...]]:
    """The records of the index-keyed kinds (spending, narratives) of each of ``years``, in
    order: what must stay the same for the year to be unchanged (their keys are places)."""
    return {(spec.kind, year): tuple(x for x in getattr(plan, spec.attribute) if x.year == year)
            for spec in INDEX_KINDS for year in years}


def _whole_number_fields() -> frozenset[str]:
    """Names of the fields that hold a whole number (a year, a place count), not a measure."""
    from sakip.core import model

    names: set[str] = set()
    for value in vars(model).values():
        if isinstance(value, type) and is_dataclass(value):
            names.update(f.name for f in fields(value)
                         if str(f.type).replace(" ", "") in ("int", "int|None"))
    return frozenset(names)


WHOLE_NUMBER_FIELDS = _whole_number_fields()  # year, quarter, precision, start, end, number …
