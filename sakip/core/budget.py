"""Budget absorption (serapan): spending / ceiling × 100, rolled up by sums, never by averages.

Activity → program → objective → goal → agency. A level's absorption is its total spending over
its total ceiling; the plain mean of the children's percentages — a common error — is not
computed anywhere. Activities without budget data are named in their parent's ``missing``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sakip.core.enums import SpendingKind
from sakip.core.model import Activity, Budget, Plan, Settings
from sakip.core.numbers import ZERO, percent, quantize


@dataclass(frozen=True)
class BudgetLine:
    code: str
    name: str
    level: str  # activity | program | objective | goal | agency
    ceiling: Decimal | None
    spent: Decimal | None
    absorption: Decimal | None  # rounded
    parent: str | None = None
    missing: tuple[str, ...] = ()  # activities below this line without budget data
    ceiling_original: Decimal | None = None


@dataclass(frozen=True)
class LowAbsorption:
    """An activity under the absorption threshold, with the explanation entered for it."""

    activity: str
    name: str
    program: str
    ceiling: Decimal
    spent: Decimal
    absorption: Decimal
    explanation: str | None


@dataclass(frozen=True)
class SpendingResult:
    kind: SpendingKind | None  # None for the total line
    label: str
    ceiling: Decimal | None
    spent: Decimal | None
    absorption: Decimal | None
    ceiling_original: Decimal | None = None


def overspent(ceiling: Decimal | None, spent: Decimal | None) -> bool:
    """Spending above the ceiling: the one statement of the rule, for import and review alike."""
    return ceiling is not None and spent is not None and ZERO <= ceiling < spent


def below_threshold(absorption: Decimal | None, settings: Settings) -> bool:
    """An absorption under the plan's threshold: the one statement of the rule, for the list of
    activities and for every chart that marks them. A missing absorption is not under it."""
    return absorption is not None and absorption < settings.absorption_threshold


def absorption(spent: Decimal | None, ceiling: Decimal | None, settings: Settings) -> Decimal | None:
    """Rounded spending / ceiling × 100; None without both figures or with a zero ceiling."""
    if spent is None or ceiling is None or ceiling == ZERO:
        return None
    return quantize(percent(spent, ceiling), settings.achievement_places, settings.rounding)


@dataclass(frozen=True)
class _Sum:
    ceiling: Decimal | None
    spent: Decimal | None
    missing: tuple[str, ...]
    ceiling_original: Decimal | None = None


def _add(parts: Iterable[_Sum]) -> _Sum:
    ceiling: Decimal | None = None
    spent: Decimal | None = None
    original: Decimal | None = None
    missing: list[str] = []
    for part in parts:
        if part.ceiling is not None:
            ceiling = (ceiling or ZERO) + part.ceiling
        if part.spent is not None:
            spent = (spent or ZERO) + part.spent
        if part.ceiling_original is not None:
            original = (original or ZERO) + part.ceiling_original
        missing.extend(part.missing)
    return _Sum(ceiling, spent, tuple(missing), original)


def roll_up(plan: Plan, year: int, settings: Settings) -> tuple[BudgetLine, ...]:
    """Every budget line of a year: activities, programs, objectives, goals, the agency."""
    budgets = {b.activity: b for b in plan.budgets_of(year)}
    children: dict[str, list[Activity]] = {}
    for activity in plan.activities:
        if activity.parent is not None:
            children.setdefault(activity.parent, []).append(activity)
    lines: list[BudgetLine] = []

    def line(code: str, name: str, level: str, total: _Sum, parent: str | None) -> None:
        lines.append(BudgetLine(code, name, level, total.ceiling, total.spent,
                                absorption(total.spent, total.ceiling, settings), parent,
                                total.missing, total.ceiling_original))

    def activity_sum(activity: Activity) -> _Sum:
        own: Budget | None = budgets.get(activity.code)
        if own is not None and (own.ceiling is not None or own.spent is not None):
            total = _Sum(own.ceiling, own.spent, (), own.ceiling_original)
        elif activity.code in children:
            total = _add(activity_sum(child) for child in children[activity.code])
        else:
            total = _Sum(None, None, (activity.code,))
        line(activity.code, activity.name, "activity", total, activity.parent or activity.program)
        return total

    program_sums: dict[str, _Sum] = {}
    for program in plan.programs:
        activities = plan.activities_of(program.code)
        total = (_add(activity_sum(a) for a in activities) if activities
                 else _Sum(None, None, (program.code,)))
        program_sums[program.code] = total
        line(program.code, program.name, "program", total, program.objective)
    objective_sums: dict[str, _Sum] = {}
    for objective in plan.objectives:
        total = _add(program_sums[p.code] for p in plan.programs_of(objective.code))
        objective_sums[objective.code] = total
        line(objective.code, objective.name, "objective", total, objective.goal)
    for goal in plan.goals:
        total = _add(objective_sums[o.code] for o in plan.objectives_of(goal.code))
        line(goal.code, goal.name, "goal", total, None)
    line(plan.agency.code, plan.agency.name, "agency", _add(program_sums.values()), None)
    return tuple(lines)


def low_absorption(lines: tuple[BudgetLine, ...], plan: Plan, year: int,
                   settings: Settings) -> tuple[LowAbsorption, ...]:
    """Activities whose absorption is under the threshold, with their explanation or none."""
    budgets = {b.activity: b for b in plan.budgets_of(year)}
    result = []
    for item in lines:
        if item.level != "activity" or item.absorption is None:
            continue
        if below_threshold(item.absorption, settings) and item.ceiling is not None \
                and item.spent is not None:
            activity = plan.activity_by_code[item.code]
            budget = budgets.get(item.code)
            result.append(LowAbsorption(item.code, item.name, activity.program, item.ceiling,
                                        item.spent, item.absorption,
                                        budget.explanation if budget else None))
    return tuple(result)


def spending(plan: Plan, year: int, settings: Settings) -> tuple[SpendingResult, ...]:
    """The agency's spending composition (Tabel 3.26) with its total line."""
    lines = [s for s in plan.spending if s.year == year]
    if not lines:
        return ()
    result = [SpendingResult(s.kind, s.label, s.ceiling, s.spent,
                             absorption(s.spent, s.ceiling, settings), s.ceiling_original)
              for s in lines]
    total = _add(_Sum(s.ceiling, s.spent, (), s.ceiling_original) for s in lines)
    complete_original = all(s.ceiling_original is not None for s in lines)
    result.append(SpendingResult(None, "Jumlah", total.ceiling, total.spent,
                                 absorption(total.spent, total.ceiling, settings),
                                 total.ceiling_original if complete_original else None))
    return tuple(result)
