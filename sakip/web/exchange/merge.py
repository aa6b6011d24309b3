"""A workbook import into an agency whose some years are locked: the imported plan, with the
locked years' values kept as they are; and the list of values that change."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sakip.core.model import Plan


class LockedDataLost(ValueError):
    """The imported plan drops a record that holds data of a locked year."""


def keep_locked(new: Plan, old: Plan, locked: set[int]) -> Plan:
    if not locked:
        return new
    old_indicators = old.indicator_by_code
    indicators = []
    for indicator in new.indicators:
        before = old_indicators.get(indicator.code)
        if before is None:
            indicators.append(indicator)
            continue
        targets = tuple(t for t in indicator.targets if t.year not in locked) + tuple(
            t for t in before.targets if t.year in locked)
        actuals = tuple(a for a in indicator.actuals if a.year not in locked) + tuple(
            a for a in before.actuals if a.year in locked)
        indicators.append(replace(indicator, targets=tuple(sorted(targets, key=lambda t: t.year)),
                                  actuals=tuple(sorted(actuals, key=lambda a: (a.year, a.quarter or 0)))))
    for code, before in old_indicators.items():
        years = {t.year for t in before.targets} | {a.year for a in before.actuals}
        if code not in new.indicator_by_code and years & locked:
            raise LockedDataLost(f"indikator {code} berisi data tahun terkunci tetapi tidak ada "
                                 "di workbook")
    budgets = tuple(b for b in new.budgets if b.year not in locked) + tuple(
        b for b in old.budgets if b.year in locked)
    for budget in old.budgets:
        if budget.year in locked and budget.activity not in new.activity_by_code:
            raise LockedDataLost(f"kegiatan {budget.activity} berisi anggaran tahun terkunci "
                                 "tetapi tidak ada di workbook")
    agreements = tuple(a for a in new.agreements if a.year not in locked) + tuple(
        a for a in old.agreements if a.year in locked)
    for agreement in agreements:
        for item in agreement.items:
            if item.indicator not in new.indicator_by_code:
                raise LockedDataLost(f"PK {agreement.year} memuat indikator {item.indicator} yang "
                                     "tidak ada di workbook")
    spending = tuple(s for s in new.spending if s.year not in locked) + tuple(
        s for s in old.spending if s.year in locked)
    return replace(new, indicators=tuple(indicators), budgets=budgets, agreements=agreements,
                   spending=spending)


Change = tuple[str, str, str, Any, Any, int | None]  # key, label, field, old, new, year


def value_changes(old: Plan, new: Plan) -> list[Change]:
    """Targets, realisations and budgets that differ between two plans, as audit changes."""
    changes: list[Change] = []

    def compare(key: str, label: str, year: int, before: Any, after: Any, fields: tuple[str, ...]) -> None:
        for name in fields:
            a = getattr(before, name) if before is not None else None
            b = getattr(after, name) if after is not None else None
            if a != b:
                changes.append((key, label, name, a, b, year))

    def targets(plan: Plan) -> dict[tuple[str, int], Any]:
        return {(i.code, t.year): t for i in plan.indicators for t in i.targets}

    def actuals(plan: Plan) -> dict[tuple[str, int, int], Any]:
        return {(i.code, a.year, a.quarter or 0): a for i in plan.indicators for a in i.actuals}

    before_t, after_t = targets(old), targets(new)
    for code, year in sorted(set(before_t) | set(after_t)):
        compare(f"target:{code}:{year}", f"Target {code} {year}", year, before_t.get((code, year)),
                after_t.get((code, year)), ("value", "text", "upper"))
    before_a, after_a = actuals(old), actuals(new)
    for code, year, period in sorted(set(before_a) | set(after_a)):
        compare(f"realisasi:{code}:{year}:{period}", f"Realisasi {code} {year}", year,
                before_a.get((code, year, period)), after_a.get((code, year, period)),
                ("value", "text", "status", "reason"))
    before_b = {(b.activity, b.year): b for b in old.budgets}
    after_b = {(b.activity, b.year): b for b in new.budgets}
    for code, year in sorted(set(before_b) | set(after_b)):
        compare(f"anggaran:{code}:{year}", f"Anggaran {code} {year}", year,
                before_b.get((code, year)), after_b.get((code, year)),
                ("ceiling", "ceiling_original", "spent", "physical", "explanation"))
    return changes
