"""The cascade: every objective has an indicator and a program; every program an objective."""

from __future__ import annotations

from sakip.core.enums import Level
from sakip.review.findings import Finding, Severity
from sakip.review.plan.context import PlanReview, record


def cascade(review: PlanReview) -> list[Finding]:
    """PLAN_OBJECTIVE_INDICATOR, PLAN_OBJECTIVE_PROGRAM, PLAN_GOAL_INDICATOR,
    PLAN_PROGRAM_OBJECTIVE."""
    plan = review.plan
    found = []
    for goal in plan.goals:
        if not plan.indicators_of(goal.code, Level.GOAL):
            found.append(Finding(
                "PLAN_GOAL_INDICATOR", Severity.WARNING, record("tujuan", goal.code, goal.name),
                "Tujuan ini tidak memiliki indikator.", "This goal has no indicator.",
                expected="≥ 1 indikator", found="0"))
    for objective in plan.objectives:
        where = record("sasaran", objective.code, objective.name)
        if not plan.indicators_of(objective.code, Level.OBJECTIVE):
            found.append(Finding(
                "PLAN_OBJECTIVE_INDICATOR", Severity.ERROR, where,
                "Sasaran ini tidak memiliki indikator.", "This objective has no indicator.",
                expected="≥ 1 indikator", found="0"))
        if not plan.programs_of(objective.code):
            found.append(Finding(
                "PLAN_OBJECTIVE_PROGRAM", Severity.ERROR, where,
                "Tidak ada program yang mendukung sasaran ini.", "No program serves this objective.",
                expected="≥ 1 program", found="0"))
    for program in plan.programs:
        if program.objective is None:
            found.append(Finding(
                "PLAN_PROGRAM_OBJECTIVE", Severity.WARNING,
                record("program", program.code, program.name),
                "Program ini tidak dikaitkan dengan sasaran mana pun.",
                "This program is not linked to an objective.", expected="sasaran", found="-"))
    return found
