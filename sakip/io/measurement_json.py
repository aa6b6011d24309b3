"""A Measurement as plain JSON-ready data: decimals as canonical strings, enums as values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sakip.core.measure import GroupResult, Measurement
from sakip.core.model import Plan
from sakip.core.numbers import canonical


def _d(value: Decimal | None) -> str | None:
    return canonical(value) if value is not None else None


def _group(g: GroupResult) -> dict[str, Any]:
    return {
        "code": g.code, "name": g.name, "level": g.level,
        "achievement": _d(g.achievement), "indicators": list(g.indicators),
        "count": g.count, "missing": list(g.missing),
        "predicate": g.predicate, "category": g.category,
    }


def measurement_to_dict(plan: Plan, m: Measurement) -> dict[str, Any]:
    return {
        "agency": {"code": plan.agency.code, "name": plan.agency.name},
        "year": m.year,
        "settings": {
            "rounding": m.settings.rounding.value,
            "achievement_places": m.settings.achievement_places,
            "negative_formula": m.settings.negative_formula.value,
            "cap": _d(m.settings.cap),
            "absorption_threshold": _d(m.settings.absorption_threshold),
            "predicate_scale": m.settings.predicate_scale,
            "category_scale": m.settings.category_scale,
        },
        "indicators": [
            {
                "code": r.code,
                "name": r.indicator.name,
                "level": r.indicator.level.value,
                "owner": r.indicator.owner,
                "key": r.indicator.key,
                "unit": r.indicator.unit,
                "polarity": r.indicator.polarity.value,
                "rule": r.rule,
                "target": _d(r.target.value) if r.target else None,
                "target_text": r.target.text if r.target else None,
                "actual": _d(r.actual),
                "actual_text": r.actual_text,
                "reported": _d(r.reported),
                "derived": _d(r.derived),
                "status": r.status.value if r.status else None,
                "reason": r.reason,
                "achievement": _d(r.achievement),
                "met": r.met,
                "predicate": r.predicate,
                "category": r.category,
                "why": r.why.value if r.why else None,
            }
            for r in m.indicators
        ],
        "groups": [_group(g) for g in m.groups],
        "own_groups": [_group(g) for g in m.own_groups],
        "key": list(m.key),
        "budget": [
            {
                "code": b.code, "name": b.name, "level": b.level, "parent": b.parent,
                "ceiling": _d(b.ceiling), "spent": _d(b.spent), "absorption": _d(b.absorption),
                "missing": list(b.missing),
            }
            for b in m.budget
        ],
        "efficiency": [
            {
                "code": e.code, "name": e.name, "achievement": _d(e.achievement),
                "absorption": _d(e.absorption), "efficiency": _d(e.efficiency),
            }
            for e in m.efficiency
        ],
        "low_absorption": [
            {
                "code": a.activity, "name": a.name, "program": a.program,
                "ceiling": _d(a.ceiling), "spent": _d(a.spent), "absorption": _d(a.absorption),
                "explanation": a.explanation,
            }
            for a in m.low_absorption
        ],
        "spending": [
            {
                "kind": s.kind.value if s.kind else None, "label": s.label,
                "ceiling": _d(s.ceiling), "spent": _d(s.spent), "absorption": _d(s.absorption),
            }
            for s in m.spending
        ],
        "changes": [
            {
                "code": c.indicator, "previous": _d(c.previous), "current": _d(c.current),
                "difference": _d(c.difference), "direction": c.direction,
            }
            for c in m.changes
        ],
        "final_targets": [
            {
                "code": f.indicator, "final_year": f.final_year, "target": _d(f.target),
                "actual": _d(f.actual), "achievement": _d(f.achievement),
            }
            for f in m.final_targets
        ],
        "counts": {
            "predicate": dict(m.predicate_counts),
            "category": dict(m.category_counts),
            "uncounted": list(m.uncounted),
        },
    }
