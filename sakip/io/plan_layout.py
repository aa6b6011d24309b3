"""How each kind of record is written in a plan file (``sakip-plan/2``): its keys, declared once.

A record's fields and their types come from :mod:`sakip.core.fields`; what is particular to the
file is only where a record is written — an indicator under its owner, so its level and owner are
*given* by the place, not keys; an activity's budget as a mapping of years — and a little
presentation (the long ``columns`` and ``rows`` of a table after its short fields). Both the
reader (:mod:`sakip.io.plan_file`) and the writer (:mod:`sakip.io.plan_dump`) take every key from
here, so a key cannot be read under one name and written under another.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from dataclasses import fields as dataclass_fields
from functools import cache
from typing import Any

from sakip.core import records as r
from sakip.core.fields import Field, Type, fields_of


@dataclass(frozen=True)
class Layout:
    given: tuple[str, ...] = ()  # fields the record's place gives: not keys of its own
    children: tuple[str, ...] = ()  # keys holding other records, written after the fields
    groups: dict[str, dict[str, str]] = field(default_factory=dict)  # key → {sub-key: field}
    last: tuple[str, ...] = ()  # fields written after the children (long ones)


LAYOUTS: dict[str, Layout] = {
    r.REGION: Layout(children=("missions", "goals", "contributions"),
                     groups={"rpjmd": {"start": "rpjmd_start", "end": "rpjmd_end"}}),
    r.REGION_GOAL: Layout(children=("indicators", "objectives")),
    r.REGION_OBJECTIVE: Layout(given=("goal",), children=("indicators",)),
    r.REGION_INDICATOR: Layout(given=("level", "owner"), children=("targets", "actuals")),
    r.REGION_TARGET: Layout(given=("year", "quarter", "month"), children=("quarters", "months")),
    r.REGION_ACTUAL: Layout(given=("year", "quarter", "month"), children=("quarters", "months")),
    r.AGENCY: Layout(children=("units",)),
    r.STRATEGIC_PLAN: Layout(children=("revisions",)),
    r.GOAL: Layout(children=("indicators", "objectives")),
    r.OBJECTIVE: Layout(given=("goal",), children=("indicators",)),
    r.PROGRAM: Layout(children=("indicators", "activities")),
    r.ACTIVITY: Layout(given=("program", "parent"),
                       children=("indicators", "budget", "sub_activities")),
    r.BUDGET: Layout(given=("activity", "year", "quarter", "month"), children=("quarters", "months")),
    r.INDICATOR: Layout(given=("level", "owner"), children=("targets", "actuals")),
    r.TARGET: Layout(given=("year", "quarter", "month"), children=("quarters", "months")),
    r.ACTUAL: Layout(given=("year", "quarter", "month"), children=("quarters", "months")),
    r.SERIES: Layout(children=("values",)),
    r.SPENDING: Layout(given=("year",)),
    r.AGREEMENT: Layout(children=("items",)),
    r.TABLE: Layout(last=("columns", "rows")),
    r.NARRATIVE: Layout(last=("text", "items")),
    r.SCALE: Layout(children=("bands",)),
}
_PLAIN = Layout()


def layout(kind: str) -> Layout:
    return LAYOUTS.get(kind, _PLAIN)


@cache
def own_fields(kind: str) -> tuple[Field, ...]:
    """The fields a record of ``kind`` writes under keys of its own (a nested record's fields
    are under its key; the fields its place gives are left out)."""
    given = layout(kind).given
    return tuple(f for f in fields_of(kind) if f.name not in given and "." not in f.name)


@cache
def nested_fields(kind: str, name: str) -> tuple[Field, ...]:
    """The fields of the nested record ``name`` (``head``), named inside it (``name``)."""
    prefix = name + "."
    return tuple(Field(f.name.removeprefix(prefix), f.type, f.default, f.choices, f.minimum,
                       f.maximum, f.record, f.text)
                 for f in fields_of(kind) if f.name.startswith(prefix))


def group_of(kind: str, name: str) -> tuple[str, str] | None:
    """(key, sub-key) of a field written inside a group (a region's rpjmd: start, end)."""
    for key, members in layout(kind).groups.items():
        for sub, member in members.items():
            if member == name:
                return key, sub
    return None


@cache
def keys(kind: str) -> tuple[str, ...]:
    """Every key a record of ``kind`` may have, in the order they are written."""
    found: list[str] = []
    spec = layout(kind)
    for f in own_fields(kind):
        group = group_of(kind, f.name)
        name = group[0] if group else f.name
        if name not in found and f.name not in spec.last:
            found.append(name)
    return (*found, *spec.children, *spec.last)


@cache
def required_keys(kind: str) -> tuple[str, ...]:
    """The keys a record of ``kind`` must have: its required fields and the children its class
    has no default for (a scale's bands)."""
    spec = layout(kind)
    found = [f.name for f in own_fields(kind) if f.required and group_of(kind, f.name) is None]
    cls = r.SPECS[kind].cls
    attributes = {child.attribute for child in r.CHILDREN.get(kind, ())}
    found += [item.name for item in dataclass_fields(cls)
              if item.name in attributes and item.name in spec.children
              and item.default is MISSING and item.default_factory is MISSING]
    return tuple(found)


def is_default(f: Field, value: Any) -> bool:
    """Whether ``value`` is the field's default, representation included (80 is not 80.0)."""
    if f.required:
        return False
    return r.same(value, f.default) or (f.type is Type.LIST and value == ())
