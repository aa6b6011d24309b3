"""Writing a Plan back as a plan file (``sakip-plan/1``), the inverse of ``plan_file``.

Numbers are written in canonical form without quotes (``80``, ``0.5``, never ``80.0``:
docs/plan-format.md, "Decimals"), empty fields are left out, and records nest as people write
them (indicators under their owner, activities under their program), so
``parse_plan(dump_plan(plan)) == plan``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import yaml

from sakip.core.enums import ActualStatus, Aggregation, Level, Polarity
from sakip.core.model import (
    Activity,
    Actual,
    Band,
    Indicator,
    Official,
    Plan,
    Scale,
    Settings,
    Target,
)
from sakip.core.numbers import canonical, canonical_decimal
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
    doc["region"] = _clean({
        "name": plan.region.name, "kind": plan.region.kind.value,
        "head_title": plan.region.head_title, "head_name": plan.region.head_name,
        "rpjmd": _clean({"start": plan.region.rpjmd_start, "end": plan.region.rpjmd_end}),
        "vision": plan.region.vision,
        "missions": [{"code": m.code, "text": m.text} for m in plan.region.missions],
    })
    agency = plan.agency
    doc["agency"] = _clean({
        "code": agency.code, "name": agency.name, "short_name": agency.short_name,
        "address": agency.address, "phone": agency.phone,
        "legal_basis_of_organisation": agency.legal_basis_of_organisation,
        "position": agency.position, "task": agency.task, "functions": list(agency.functions),
        "head": _official(agency.head),
        "units": [_clean({"code": u.code, "name": u.name, "task": u.task, "functions": list(u.functions)})
                  for u in agency.units],
    })
    sp = plan.strategic_plan
    doc["strategic_plan"] = _clean({
        "name": sp.name, "start": sp.start, "end": sp.end, "baseline_year": sp.baseline_year,
        "revisions": [_clean({"date": r.date, "subject": r.subject, "reference": r.reference,
                              "note": r.note}) for r in sp.revisions],
    })
    settings = _settings(plan.settings)
    if settings:
        doc["settings"] = settings
    builtin = set(standard_scales())
    extra = [s for s in plan.scales if s not in builtin]
    if extra:
        doc["scales"] = [_scale(s) for s in extra]
    doc["goals"] = [_clean({
        "code": g.code, "name": g.name, "mission": g.mission,
        "indicators": _indicators(plan, Level.GOAL, g.code),
        "objectives": [_clean({"code": o.code, "name": o.name,
                               "indicators": _indicators(plan, Level.OBJECTIVE, o.code)})
                       for o in plan.objectives_of(g.code)],
    }) for g in plan.goals]
    doc["strategies"] = [_clean({"code": s.code, "text": s.text, "objectives": list(s.objectives),
                                 "policies": list(s.policies)}) for s in plan.strategies]
    doc["programs"] = [_clean({
        "code": p.code, "name": p.name, "objective": p.objective, "unit": p.unit,
        "indicators": _indicators(plan, Level.PROGRAM, p.code),
        "activities": [_activity(plan, a) for a in plan.activities
                       if a.program == p.code and a.parent is None],
    }) for p in plan.programs]
    doc["series"] = [_clean({"code": s.code, "name": s.name, "unit": s.unit, "source": s.source,
                             "values": dict(s.values)}) for s in plan.series]
    spending: dict[int, list[Doc]] = {}
    for line in plan.spending:
        spending.setdefault(line.year, []).append(_clean({
            "kind": line.kind.value, "label": line.label, "ceiling": line.ceiling,
            "spent": line.spent, "ceiling_original": line.ceiling_original}))
    doc["spending"] = spending
    doc["agreements"] = [_clean({
        "year": a.year, "number": a.number, "kind": a.kind.value, "signed": a.signed,
        "reason": a.reason, "first_party": _official(a.first_party),
        "second_party": _official(a.second_party),
        "items": [_clean({"indicator": i.indicator, "target": i.target, "target_text": i.target_text})
                  for i in a.items],
    }, keep=("items",)) for a in plan.agreements]
    doc["tables"] = [_clean({
        "code": t.code, "title": t.title, "year": t.year, "subject": t.subject, "source": t.source,
        "note": t.note, "columns": list(t.columns), "rows": [list(row) for row in t.rows],
    }, keep=("columns",)) for t in plan.tables]
    doc["narratives"] = [_clean({"kind": n.kind.value, "subject": n.subject, "year": n.year,
                                 "text": n.text or None, "items": list(n.items)})
                         for n in plan.narratives]
    return _clean(doc)


def _activity(plan: Plan, activity: Activity) -> Doc:
    budgets = {b.year: _clean({
        "ceiling": b.ceiling, "ceiling_original": b.ceiling_original, "spent": b.spent,
        "physical": b.physical, "source_of_funds": b.source_of_funds, "explanation": b.explanation,
    }) for b in plan.budgets if b.activity == activity.code}
    return _clean({
        "code": activity.code, "name": activity.name, "output": activity.output,
        "outcome": activity.outcome, "unit": activity.unit,
        "indicators": _indicators(plan, Level.ACTIVITY, activity.code),
        "budget": budgets,
        "sub_activities": [_activity(plan, a) for a in plan.activities if a.parent == activity.code],
    })


def _indicators(plan: Plan, level: Level, owner: str) -> list[Doc]:
    return [_indicator(i) for i in plan.indicators_of(owner, level)]


def _indicator(i: Indicator) -> Doc:
    return _clean({
        "code": i.code, "name": i.name, "unit": i.unit,
        "precision": i.precision if i.precision != 2 else None,
        "polarity": i.polarity.value if i.polarity is not Polarity.POSITIVE else None,
        "negative_formula": i.negative_formula.value if i.negative_formula else None,
        "aggregation": i.aggregation.value if i.aggregation is not Aggregation.LAST else None,
        "formula": i.formula, "definition": i.definition, "data_source": i.data_source,
        "key": True if i.key else None, "kind": i.kind.value if i.kind else None,
        "levels": list(i.levels),
        "baseline": _clean({"year": i.baseline.year, "value": i.baseline.value,
                            "text": i.baseline.text}) if i.baseline else None,
        "targets": {t.year: _target(t) for t in i.targets},
        "actuals": _actuals(i.actuals),
    })


def _target(t: Target) -> Any:
    if t.text is None and t.upper is None:
        return t.value
    return _clean({"value": t.value, "text": t.text, "upper": t.upper})


def _actuals(actuals: tuple[Actual, ...]) -> dict[int, Any]:
    result: dict[int, Any] = {}
    for actual in actuals:
        if actual.quarter is None:
            result[actual.year] = _actual(actual, short=True)
    for actual in actuals:
        if actual.quarter is not None:
            entry = result.get(actual.year)
            if not isinstance(entry, dict):
                entry = {} if entry is None else {"value": entry}
                result[actual.year] = entry
            entry.setdefault("quarters", {})[actual.quarter] = _actual(actual, short=True)
    return result


def _actual(a: Actual, short: bool) -> Any:
    plain = (a.text is None and a.status is ActualStatus.FINAL and a.reason is None
             and a.expected is None and a.note is None)
    if short and plain and a.value is not None:
        return a.value
    return _clean({
        "value": a.value, "text": a.text,
        "status": a.status.value if a.status is not ActualStatus.FINAL else None,
        "reason": a.reason, "expected": a.expected, "note": a.note,
    }) or {"status": a.status.value}


def _official(o: Official | None) -> Doc | None:
    if o is None:
        return None
    return _clean({"name": o.name, "title": o.title, "rank": o.rank, "nip": o.nip})


def _settings(s: Settings) -> Doc:
    default = Settings()
    return _clean({
        "rounding": s.rounding.value if s.rounding != default.rounding else None,
        "achievement_places": s.achievement_places if s.achievement_places != default.achievement_places
        else None,
        "negative_formula": s.negative_formula.value if s.negative_formula != default.negative_formula
        else None,
        "cap": s.cap,
        "absorption_threshold": s.absorption_threshold
        if s.absorption_threshold != default.absorption_threshold else None,
        "predicate_scale": s.predicate_scale if s.predicate_scale != default.predicate_scale else None,
        "category_scale": s.category_scale if s.category_scale != default.category_scale else None,
    })


def _scale(s: Scale) -> Doc:
    return _clean({"code": s.code, "name": s.name, "kind": s.kind.value, "closed": s.closed.value,
                   "source": s.source, "bands": [_band(b) for b in s.bands]})


def _band(b: Band) -> Doc:
    return _clean({"label": b.label, "label_en": b.label_en, "lower": b.lower, "upper": b.upper,
                   "exactly": b.exactly, "color": b.color})


def _clean(doc: Doc, keep: tuple[str, ...] = ()) -> Doc:
    """Drop empty values so the file holds only what was given."""
    return {k: v for k, v in doc.items() if k in keep or v not in (None, [], {}, "")}
