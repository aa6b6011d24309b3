"""Budget absorption (serapan): spending / ceiling × 100, rolled up by sums, never by averages.

Activity → program → objective → goal → agency. A level's absorption is its total spending over
its total ceiling; the plain mean of the children's percentages — a common error — is not
computed anywhere. Activities without budget data are named in their parent's ``missing``.

Sub-activities (Sub Kegiatan, ``Activity.parent``): under the 2021 nomenclature (Permendagri
90/2019) the budget is adopted and spent per sub-activity, and an activity's budget is the sum of
its sub-activities'. So when any sub-activity of an activity has budget data in a year, the
activity's line — and what rolls up to the program — is the sum of its sub-activities; the
activity's own figures, if entered, are not added again (they are compared with that sum by the
plan check ``PLAN_SUB_ACTIVITY_SUM``, :func:`sub_activity_sums`). When none of them has, the
activity's own figures are used, as for an activity without sub-activities. Every sub-activity
has its own line under its activity (``parent`` is the activity's code), measured like any line
and listed under the threshold like any activity. Either way a program's ceiling and spending are
the sums of its leaf lines: the sub-activities that carry the budget and the activities without.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from sakip.core.enums import Aggregation, SpendingKind
from sakip.core.model import Activity, Budget, Plan, Settings
from sakip.core.numbers import ZERO, percent, quantize
from sakip.core.periods import compose, finest


@dataclass(frozen=True)
class BudgetLine:
    code: str
    name: str
    level: str  # activity | program | objective | goal | unlinked | agency
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
    parent: str | None = None  # the activity of a sub-activity


@dataclass(frozen=True)
class SpendingResult:
    kind: SpendingKind | None  # None for the total line
    label: str
    ceiling: Decimal | None
    spent: Decimal | None
    absorption: Decimal | None
    ceiling_original: Decimal | None = None


def year_budgets(plan: Plan, year: int) -> dict[str, Budget]:
    """Each activity's budget line of the year, by activity code. Spending and physical progress
    its own record lacks come from its quarters or months (``Plan.budget_periods``): the sum of
    their spending, the physical progress reached by the last. The ceiling is the year's own."""
    found = {b.activity: b for b in plan.budgets_of(year)}
    activities = {b.activity for b in plan.budgets if b.year == year} - set(found)
    for code in (*found, *sorted(activities)):
        periods = finest(plan.budget_periods(code, year))
        if not periods:
            continue
        own = found.get(code) or Budget(code, year)
        spent = [p.spent for p in periods if p.spent is not None]
        physical = [p.physical for p in periods if p.physical is not None]
        found[code] = replace(
            own,
            spent=own.spent if own.spent is not None else compose(Aggregation.SUM, spent),
            physical=own.physical if own.physical is not None
            else compose(Aggregation.LAST, physical))
    return found


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
    return quantize(percent(spent, ceiling), absorption_places(settings), settings.rounding)


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


def _has_data(budget: Budget | None) -> bool:
    return budget is not None and (budget.ceiling is not None or budget.spent is not None)


def _sub_activities(plan: Plan) -> dict[str, list[Activity]]:
    children: dict[str, list[Activity]] = {}
    for activity in plan.activities:
        if activity.parent is not None:
            children.setdefault(activity.parent, []).append(activity)
    return children


@dataclass(frozen=True)
class SubActivitySum:
    """The sums of an activity's sub-activities' budgets in a year, beside its own budget."""

    activity: str  # the parent activity's code
    year: int
    ceiling: Decimal | None  # None when no sub-activity has the figure
    spent: Decimal | None
    ceiling_original: Decimal | None
    own: Budget | None  # the activity's own budget record of the year, if any


def sub_activity_sums(plan: Plan) -> tuple[SubActivitySum, ...]:
    """Every activity and year in which at least one of its sub-activities has budget data (a
    ceiling or spending): then the sub-activities' sums are the activity's figures, and its own
    budget, when entered, ought to equal them. In plan order of activities, then by year."""
    children = _sub_activities(plan)
    years = sorted({b.year for b in plan.budgets})
    budgets = {(code, year): b for year in years for code, b in year_budgets(plan, year).items()}
    result: list[SubActivitySum] = []
    for activity in plan.activities:
        subs = children.get(activity.code)
        if not subs:
            continue
        for year in years:
            parts = [budgets.get((sub.code, year)) for sub in subs]
            if not any(_has_data(part) for part in parts):
                continue
            total = _add(_Sum(b.ceiling, b.spent, (), b.ceiling_original)
                         for b in parts if b is not None)
            result.append(SubActivitySum(activity.code, year, total.ceiling, total.spent,
                                         total.ceiling_original,
                                         budgets.get((activity.code, year))))
    return tuple(result)


def roll_up(plan: Plan, year: int, settings: Settings) -> tuple[BudgetLine, ...]:
    """Every budget line of a year: each activity followed by its sub-activities, then their
    program; objectives, goals, the agency. See the module's note for sub-activities."""
    budgets = year_budgets(plan, year)
    children = _sub_activities(plan)
    lines: list[BudgetLine] = []

    def line(code: str, name: str, level: str, total: _Sum, parent: str | None) -> None:
        lines.append(BudgetLine(code, name, level, total.ceiling, total.spent,
                                absorption(total.spent, total.ceiling, settings), parent,
                                total.missing, total.ceiling_original))

    def own_sum(activity: Activity) -> _Sum:
        own = budgets.get(activity.code)
        if own is not None and _has_data(own):
            return _Sum(own.ceiling, own.spent, (), own.ceiling_original)
        return _Sum(None, None, (activity.code,))

    def activity_sum(activity: Activity) -> _Sum:
        subs = children.get(activity.code, [])
        sub_sums = [own_sum(sub) for sub in subs]
        if any(not part.missing for part in sub_sums):  # the sub-activities carry the budget
            total = _add(sub_sums)
        elif subs and not _has_data(budgets.get(activity.code)):
            total = _add(sub_sums)  # nothing anywhere: the sub-activities are what is missing
        else:
            total = own_sum(activity)
        line(activity.code, activity.name, "activity", total, activity.program)
        for sub, part in zip(subs, sub_sums, strict=True):
            line(sub.code, sub.name, "activity", part, activity.code)
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
    under_goals: set[str] = set()
    for goal in plan.goals:
        total = _add(objective_sums[o.code] for o in plan.objectives_of(goal.code))
        line(goal.code, goal.name, "goal", total, None)
        under_goals.update(p.code for o in plan.objectives_of(goal.code)
                           for p in plan.programs_of(o.code))
    unlinked = [code for code in program_sums if code not in under_goals]
    if plan.goals and unlinked:  # so the goals' lines and this one add up to the agency's
        line("", "", UNLINKED, _add(program_sums[code] for code in unlinked), None)
    line(plan.agency.code, plan.agency.name, "agency", _add(program_sums.values()), None)
    return tuple(lines)


UNLINKED = "unlinked"  # the level of the line of the programs under no goal (not yet linked)


def low_absorption(lines: tuple[BudgetLine, ...], plan: Plan, year: int,
                   settings: Settings) -> tuple[LowAbsorption, ...]:
    """Activities and sub-activities whose absorption is under the threshold, in the order of
    the lines (an activity, then its sub-activities), with their explanation or none."""
    budgets = year_budgets(plan, year)
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
                                        budget.explanation if budget else None,
                                        activity.parent))
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


def absorption_places(settings: Settings) -> int:
    """Decimal places of absorptions: their own setting, else those of achievements."""
    return settings.achievement_places if settings.absorption_places is None \
        else settings.absorption_places
