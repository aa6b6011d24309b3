"""Review of a plan: each check takes a :class:`PlanReview` and returns findings.

:data:`CHECKS` is the plain list of checks, run in order.
"""

from __future__ import annotations

from collections.abc import Callable

from sakip.core.model import Plan
from sakip.review.findings import Finding, ordered
from sakip.review.plan import (
    agreement,
    agreement_levels,
    budget,
    indicators,
    logic,
    printed,
    signatories,
    structure,
)
from sakip.review.plan.context import PlanReview

Check = Callable[[PlanReview], list[Finding]]

CHECKS: list[Check] = [
    agreement.pk_targets,
    agreement.pk_changes,
    agreement_levels.pk_levels,
    indicators.iku_data,
    indicators.formulas,
    indicators.polarity,
    indicators.target_years,
    indicators.scale_gaps,
    indicators.labels,
    structure.cascade,
    logic.levels,
    logic.definitions,
    logic.budget_indicators,
    logic.target_paths,
    logic.crosscutting,
    budget.missing,
    budget.composition,
    budget.overspent,
    budget.low_absorption,
    signatories.names,
    printed.printed,
]


def review_plan(plan: Plan, year: int) -> list[Finding]:
    review = PlanReview.of(plan, year)
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(review))
    return ordered(findings)
