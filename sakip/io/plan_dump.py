"""Writing a Plan back as a plan file (``sakip-plan/2``), the inverse of ``plan_file``.

Numbers are written in canonical form without quotes (``80``, ``0.5``, never ``80.0``:
docs/plan-format.md, "Decimals"), empty fields are left out, and records nest as people write
them (indicators under their owner, activities under their program), so
``parse_plan(dump_plan(plan)) == plan``.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import yaml

from sakip.core import records as r
from sakip.core.enums import Level
from sakip.core.fields import Field as FieldSpec
from sakip.core.fields import Type
from sakip.core.model import Activity, Indicator, Plan
from sakip.core.numbers import canonical, canonical_decimal
from sakip.io import plan_layout as L
from sakip.io.plan_file import FORMAT
from sakip.io.standard_scales import standard_scales

Doc = dict[str, Any]


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a figure shared by two records is written twice, never as &id001 / *id001


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
    text = canonical(canonical_decimal(value))  # the one representation: 80, never 80.0
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(Decimal, _decimal)
_Dumper.add_representer(str, _string)


def dump_plan(plan: Plan) -> str:
    return str(yaml.dump(plan_document(plan), Dumper=_Dumper, sort_keys=False,
                         allow_unicode=True, width=100, default_flow_style=False))


def plan_document(plan: Plan) -> Doc:
    """The plan file as plain data (mappings, lists, text, ints, Decimals), ready for YAML."""
    doc: Doc = {"format": FORMAT}
    if plan.region.given:
        region = plan.region
        doc["region"] = _record(
            r.REGION, region, missions=_each(r.MISSION, region.missions),
            goals=[_record(r.REGION_GOAL, g,
                           indicators=_indicators_of(r.REGION_INDICATOR, region.indicators,
                                                     Level.GOAL, g.code),
                           objectives=[_record(r.REGION_OBJECTIVE, o, indicators=_indicators_of(
                               r.REGION_INDICATOR, region.indicators, Level.OBJECTIVE, o.code))
                               for o in region.objectives if o.goal == g.code])
                   for g in region.goals],
            contributions=_each(r.CONTRIBUTION, region.contributions))
    doc["agency"] = _record(r.AGENCY, plan.agency, units=_each(r.UNIT, plan.agency.units))
    sp = plan.strategic_plan
    doc["strategic_plan"] = _record(r.STRATEGIC_PLAN, sp, revisions=_each(r.REVISION, sp.revisions))
    doc["settings"] = _record(r.SETTINGS, plan.settings)
    builtin = set(standard_scales())
    doc["scales"] = [_record(r.SCALE, s, bands=_each(r.BAND, s.bands))
                     for s in plan.scales if s not in builtin]
    doc["goals"] = [_record(
        r.GOAL, g, indicators=_indicators(plan, Level.GOAL, g.code),
        objectives=[_record(r.OBJECTIVE, o, indicators=_indicators(plan, Level.OBJECTIVE, o.code))
                    for o in plan.objectives_of(g.code)],
    ) for g in plan.goals]
    doc["strategies"] = _each(r.STRATEGY, plan.strategies)
    doc["programs"] = [_record(
        r.PROGRAM, p, indicators=_indicators(plan, Level.PROGRAM, p.code),
        activities=[_activity(plan, a) for a in plan.activities_of(p.code)],
    ) for p in plan.programs]
    doc["series"] = [_record(r.SERIES, s, values=dict(s.values)) for s in plan.series]
    spending: dict[int, list[Doc]] = {}
    for line in plan.spending:
        spending.setdefault(line.year, []).append(_record(r.SPENDING, line))
    doc["spending"] = spending
    doc["agreements"] = [_record(r.AGREEMENT, a, items=_each(r.AGREEMENT_ITEM, a.items))
                         for a in plan.agreements]
    doc["tables"] = _each(r.TABLE, plan.tables)
    doc["narratives"] = _each(r.NARRATIVE, plan.narratives)
    return _clean(doc)


def _activity(plan: Plan, activity: Activity) -> Doc:
    return _record(
        r.ACTIVITY, activity, indicators=_indicators(plan, Level.ACTIVITY, activity.code),
        budget=_dated(r.BUDGET, plan.budgets_for(activity.code)),
        sub_activities=[_activity(plan, a) for a in plan.sub_activities_of(activity.code)],
    )


def _indicators(plan: Plan, level: Level, owner: str) -> list[Doc]:
    return _indicators_of(r.INDICATOR, plan.indicators_of(owner, level), level, owner)


def _indicators_of(kind: str, indicators: tuple[Indicator, ...], level: Level, owner: str
                   ) -> list[Doc]:
    """The indicators of ``level`` and ``owner`` among ``indicators`` (an agency's, or the IKU
    Pemda when ``kind`` is the region's), each with its targets and realisations by year."""
    targets, actuals = ((r.REGION_TARGET, r.REGION_ACTUAL) if kind == r.REGION_INDICATOR
                        else (r.TARGET, r.ACTUAL))
    return [_record(kind, i, targets=_dated(targets, i.targets), actuals=_dated(actuals, i.actuals))
            for i in indicators if i.level is level and i.owner == owner]


def _dated(kind: str, records: tuple[Any, ...]) -> dict[int, Any]:
    """Targets, realisations or budget lines by year, each year's quarters and months under
    its ``quarters``/``months`` keys (the reader's ``dated``)."""
    result: dict[int, Any] = {}
    for record in records:
        if record.quarter is None and record.month is None:
            result[record.year] = _short(kind, record)
    for record in records:
        if record.quarter is None and record.month is None:
            continue
        entry = result.get(record.year)
        if not isinstance(entry, dict):
            entry = {} if entry is None else {"value": entry}
            result[record.year] = entry
        name, number = ("months", record.month) if record.month is not None \
            else ("quarters", record.quarter)
        entry.setdefault(name, {})[number] = _short(kind, record)
    return result


def _short(kind: str, record: Any) -> Any:
    """A record as its mapping, or as one number where that is all it holds: a target's or a
    realisation's value (``2020: 80``), a period's spending."""
    doc = _record(kind, record)
    if kind != r.BUDGET and set(doc) == {"value"}:
        return doc["value"]
    if kind == r.BUDGET and set(doc) == {"spent"} and (record.quarter or record.month):
        return doc["spent"]
    if kind in (r.ACTUAL, r.REGION_ACTUAL) and not doc:
        return {"status": record.status.value}
    return doc


def _each(kind: str, members: tuple[Any, ...]) -> list[Doc]:
    return [_record(kind, member) for member in members]


def _record(kind: str, record: Any, **children: Any) -> Doc:
    """A record as its mapping: every field the record has that is not its default, under the
    keys :mod:`sakip.io.plan_layout` declares, in their order; ``children`` under their keys."""
    doc: Doc = {}
    for f in L.own_fields(kind):
        value = getattr(record, f.name)
        if f.type is Type.RECORD:
            doc[f.name] = None if value is None else _clean(
                {inner.name: _out(inner, getattr(value, inner.name))
                 for inner in L.nested_fields(kind, f.name)
                 if not L.is_default(inner, getattr(value, inner.name))})
            continue
        if L.is_default(f, value):
            continue
        group = L.group_of(kind, f.name)
        if group is not None:
            doc.setdefault(group[0], {})[group[1]] = _out(f, value)
        else:
            doc[f.name] = _out(f, value)
    ordered = {key: doc[key] if key in doc else children.get(key) for key in L.keys(kind)}
    required = set(L.required_keys(kind))
    return {k: v for k, v in ordered.items() if k in required or v not in (None, [], {}, "")}


def _out(f: FieldSpec, value: Any) -> Any:
    """A field's value as the file writes it: an enumeration by its value, a list as a list,
    a table's rows as lists of cells."""
    if isinstance(value, enum.Enum):
        return value.value
    if f.type is Type.CELLS:
        return [list(row) for row in value]
    if isinstance(value, tuple):
        return list(value)
    return value


def _clean(doc: Doc) -> Doc:
    """Drop empty values so the file holds only what was given."""
    return {k: v for k, v in doc.items() if v not in (None, [], {}, "")}
