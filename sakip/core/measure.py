"""Measuring a plan for a year: every figure an LKjIP prints, computed once, traceably.

``measure(plan, year)`` returns a :class:`Measurement`; the command line, the report, the
review and the web app all read their numbers from it and compute none of their own.
Rounding happens in exactly one place (:func:`sakip.core.numbers.quantize`), after the
unrounded arithmetic, with the plan's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, lru_cache

from sakip.core.achievement import Score, Why, better, is_range, qualitative_score, score
from sakip.core.budget import (
    BudgetLine,
    LowAbsorption,
    SpendingResult,
    low_absorption,
    roll_up,
    spending,
)
from sakip.core.enums import ActualStatus, Level, NegativeFormula, Polarity
from sakip.core.formula import parse
from sakip.core.model import Actual, Indicator, Plan, Scale, Settings, Target
from sakip.core.numbers import mean, quantize
from sakip.core.periods import complete, compose, finest, period_of
from sakip.core.scales import label

_INFINITY = Decimal("Infinity")


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator in one year: target, realisation, achievement, and how they were found."""

    indicator: Indicator
    year: int
    target: Target | None
    reported: Decimal | None  # the realisation as entered (or combined from quarters)
    derived: Decimal | None  # from the indicator's formula, rounded to its precision
    actual: Decimal | None  # the realisation measured: derived when available, else reported
    actual_text: str | None  # a qualitative realisation
    status: ActualStatus | None  # None when nothing was entered
    reason: str | None
    achievement: Decimal | None  # rounded, %
    met: bool | None
    exceeded: bool
    predicate: str | None
    category: str | None
    why: Why | None
    rule: str  # the achievement rule applied: "R/T×100", "(2T−R)/T×100", "range R/T×100" …
    note: str | None = None
    uncapped: Decimal | None = None  # the achievement before the indicator's cap, when it cut it

    @property
    def code(self) -> str:
        return self.indicator.code


@dataclass(frozen=True)
class GroupResult:
    """Mean achievement of a goal (its own and its objectives' indicators), objective or agency."""

    code: str
    name: str
    level: str  # goal | objective | agency
    indicators: tuple[str, ...]
    achievement: Decimal | None
    count: int  # achievements averaged
    missing: tuple[str, ...]  # indicators without an achievement percentage
    predicate: str | None
    category: str | None


@dataclass(frozen=True)
class Change:
    """Year-on-year change of an indicator's realisation, judged by its polarity."""

    indicator: str
    previous: Decimal | None
    current: Decimal | None
    difference: Decimal | None
    direction: str | None  # better | worse | same


@dataclass(frozen=True)
class FinalTarget:
    """Progress against the strategic plan's final-year target."""

    indicator: str
    final_year: int
    target: Decimal | None
    actual: Decimal | None
    achievement: Decimal | None


@dataclass(frozen=True)
class Efficiency:
    """Group achievement minus group absorption, where the achievement is at least 100."""

    code: str
    name: str
    achievement: Decimal
    absorption: Decimal
    efficiency: Decimal


@dataclass(frozen=True)
class Uncounted:
    """A key indicator left out of the counts of a scale, and why: the reason it has no
    achievement, or ``no_band`` when its achievement falls in no band of the scale."""

    code: str
    why: Why


@dataclass(frozen=True)
class Measurement:
    year: int
    settings: Settings
    indicators: tuple[IndicatorResult, ...]
    groups: tuple[GroupResult, ...]
    budget: tuple[BudgetLine, ...]
    low_absorption: tuple[LowAbsorption, ...]
    efficiency: tuple[Efficiency, ...]
    spending: tuple[SpendingResult, ...]
    changes: tuple[Change, ...]
    final_targets: tuple[FinalTarget, ...]
    predicate_counts: tuple[tuple[str, int], ...]  # over the key indicators, scale order
    category_counts: tuple[tuple[str, int], ...]
    uncounted: tuple[str, ...]  # key indicators with no predicate (missing data)
    own_groups: tuple[GroupResult, ...] = ()  # each goal over its own indicators only (Tabel 3.9)
    key: tuple[str, ...] = ()  # codes of the key indicators counted above, plan order
    # Key indicators in no band of each scale, with why; counts + these = len(key).
    predicate_uncounted: tuple[Uncounted, ...] = ()  # the same codes as ``uncounted``
    category_uncounted: tuple[Uncounted, ...] = ()

    def result(self, code: str) -> IndicatorResult:
        return self._results[code]

    @cached_property
    def _results(self) -> dict[str, IndicatorResult]:
        return {item.code: item for item in self.indicators}

    def group(self, code: str) -> GroupResult:
        for item in self.groups:
            if item.code == code:
                return item
        raise KeyError(code)

    def own_group(self, code: str) -> GroupResult:
        """A goal's mean over its own indicators, without its objectives' (level ``goal_own``)."""
        for item in self.own_groups:
            if item.code == code:
                return item
        raise KeyError(code)

    def budget_line(self, code: str) -> BudgetLine:
        return self._lines[code]

    @cached_property
    def _lines(self) -> dict[str, BudgetLine]:
        lines: dict[str, BudgetLine] = {}
        for item in self.budget:
            lines.setdefault(item.code, item)  # the first line of a code, as a scan would give
        return lines


def measure(plan: Plan, year: int, settings: Settings | None = None) -> Measurement:
    settings = settings or plan.settings
    predicate_scale = plan.scale_by_code[settings.predicate_scale]
    category_scale = plan.scale_by_code[settings.category_scale]
    results = tuple(
        measure_indicator(plan, indicator, year, settings, predicate_scale, category_scale)
        for indicator in plan.indicators
    )
    by_code = {r.code: r for r in results}
    groups, own_groups = _groups(plan, by_code, settings, predicate_scale, category_scale)
    budget = roll_up(plan, year, settings)
    key = key_results(results)
    return Measurement(
        year=year,
        settings=settings,
        indicators=results,
        groups=groups,
        budget=budget,
        low_absorption=low_absorption(budget, plan, year, settings),
        efficiency=_efficiency(plan, groups, budget, settings),
        spending=spending(plan, year, settings),
        changes=tuple(_change(plan, r, settings) for r in key),
        final_targets=tuple(_final(plan, r, settings) for r in key),
        predicate_counts=_counts(predicate_scale, [r.predicate for r in key]),
        category_counts=_counts(category_scale, [r.category for r in key]),
        uncounted=tuple(r.code for r in key if r.predicate is None),
        own_groups=own_groups,
        key=tuple(r.code for r in key),
        predicate_uncounted=tuple(Uncounted(r.code, _why_uncounted(r))
                                  for r in key if r.predicate is None),
        category_uncounted=tuple(Uncounted(r.code, _why_uncounted(r))
                                 for r in key if r.category is None),
    )


def _why_uncounted(result: IndicatorResult) -> Why:
    """Why an indicator has no band on a scale: the reason it has no achievement, else (an
    achievement in a gap of the scale) ``no_band``."""
    if result.achievement is None and result.why is not None:
        return result.why
    return Why.NO_BAND


def default_year(plan: Plan) -> int:
    """The year measured when none is asked for: the latest plan year with any realisation
    (a value or a text), else the plan's first year."""
    years = [a.year for i in plan.indicators for a in i.actuals if a.value is not None or a.text]
    inside = [y for y in years if plan.strategic_plan.start <= y <= plan.strategic_plan.end]
    return max(inside) if inside else plan.strategic_plan.start


# ---------------------------------------------------------------------- one indicator


def measure_indicator(
    plan: Plan, indicator: Indicator, year: int, settings: Settings,
    predicate_scale: Scale, category_scale: Scale,
) -> IndicatorResult:
    target = indicator.target(year)
    entered = year_actual(indicator, year)
    derived = _derive(plan, indicator, year, settings)
    reported = entered.value if entered is not None else None
    actual = derived if derived is not None else reported
    actual_text = entered.text if entered is not None else None
    status = entered.status if entered is not None else None
    if derived is not None and status in (None, ActualStatus.NOT_AVAILABLE):
        status = ActualStatus.FINAL
    formula = indicator.negative_formula or settings.negative_formula
    outcome = _score(indicator, target, actual, actual_text, status, formula)
    achievement = (quantize(outcome.value, settings.achievement_places, settings.rounding)
                   if outcome.value is not None else None)
    if achievement is None and outcome.why is Why.QUALITATIVE and outcome.met is not None \
            and settings.qualitative_in_means:
        achievement = Decimal(100) if outcome.met else Decimal(0)  # the plan's rule for levels
    uncapped = None
    if achievement is not None and indicator.cap is not None and achievement > indicator.cap:
        uncapped, achievement = achievement, indicator.cap
    standing = achievement if achievement is not None else _limit(outcome)
    category = None if achievement is None and outcome.why in (Why.QUALITATIVE, Why.UNKNOWN_LEVEL) \
        else label(category_scale, standing)
    return IndicatorResult(
        indicator=indicator, year=year, target=target, reported=reported, derived=derived,
        actual=actual, actual_text=actual_text, status=status,
        reason=entered.reason if entered is not None else None,
        achievement=achievement, met=outcome.met, exceeded=outcome.exceeded,
        predicate=label(predicate_scale, standing), category=category, why=outcome.why,
        rule=_rule(indicator, formula, target),
        note=entered.note if entered is not None else None, uncapped=uncapped,
    )


def _score(indicator: Indicator, target: Target | None, actual: Decimal | None,
           actual_text: str | None, status: ActualStatus | None,
           formula: NegativeFormula) -> Score:
    if target is None:
        return Score(None, None, False, Why.NO_TARGET)
    if target.value is None and target.text is not None:
        if actual_text is None:
            return Score(None, None, False,
                         Why.NOT_AVAILABLE if status is ActualStatus.NOT_AVAILABLE else Why.NO_ACTUAL)
        return qualitative_score(indicator.levels, target.text, actual_text, indicator.polarity)
    if actual is None:
        return Score(None, None, False,
                     Why.NOT_AVAILABLE if status is ActualStatus.NOT_AVAILABLE else Why.NO_ACTUAL)
    if target.value is None:  # neither a number nor a level: as good as no target
        return Score(None, None, False, Why.NO_TARGET)
    return score(target.value, actual, indicator.polarity, formula, target.upper)


def _limit(outcome: Score) -> Decimal | None:
    """Where an undefined percentage stands on a scale: met exactly, beyond, or short of it."""
    if outcome.met is None:
        return None
    if outcome.exceeded:
        return _INFINITY
    return Decimal(100) if outcome.met else -_INFINITY


def _rule(indicator: Indicator, formula: NegativeFormula, target: Target | None) -> str:
    if indicator.is_qualitative:
        return "level"
    if indicator.polarity is Polarity.STABILISE:
        return "band"
    rule = "R/T×100" if indicator.polarity is Polarity.POSITIVE else negative_rule(formula)
    if target is not None and is_range(target.value, target.upper):
        return range_rule(rule)
    return rule


def range_rule(rule: str) -> str:
    """The name of the range rule (100 inside, ``rule`` against the bound crossed outside),
    as :attr:`IndicatorResult.rule` gives it: ``range R/T×100``."""
    return f"range {rule}"


def range_inner(rule: str) -> str | None:
    """The polarity rule inside a range rule's name, None for any other rule."""
    return rule.removeprefix("range ") if rule.startswith("range ") else None


RULES = ("R/T×100", "(2T−R)/T×100", "T/R×100", "band", "level",
         *(range_rule(r) for r in ("R/T×100", "(2T−R)/T×100", "T/R×100")))
"""Every rule name :attr:`IndicatorResult.rule` can hold (the outputs label each)."""


def negative_rule(formula: NegativeFormula) -> str:
    """The rule of a lower-is-better indicator under ``formula``, as :attr:`IndicatorResult.rule`
    names it."""
    return "(2T−R)/T×100" if formula is NegativeFormula.TWO_T_MINUS_R else "T/R×100"


def year_actual(indicator: Indicator, year: int) -> Actual | None:
    """The year's realisation as entered: its own record, else its periods composed."""
    return _combine(indicator, indicator.actuals_of(year))


def _combine(indicator: Indicator, actuals: tuple[Actual, ...]) -> Actual | None:
    """The year's realisation: the annual record, else its periods composed by the indicator's
    rule (sakip.core.periods.compose); provisional unless every period is in and final."""
    for actual in actuals:
        if actual.quarter is None and actual.month is None:
            return actual
    entered = finest(a for a in actuals if a.value is not None)
    if not entered:
        return actuals[0] if actuals else None
    value = compose(indicator.aggregation, [a.value for a in entered if a.value is not None])
    periods = [period_of(a) for a in entered]
    final = complete(p for p in periods if p is not None) and all(
        a.status is ActualStatus.FINAL for a in entered)
    status = ActualStatus.FINAL if final else ActualStatus.PROVISIONAL
    last = entered[-1]
    reason = None if final else "periode " + ", ".join(p.short() for p in periods if p is not None)
    return Actual(last.year, value, None, None, status, reason, None, last.note)


def _derive(plan: Plan, indicator: Indicator, year: int, settings: Settings) -> Decimal | None:
    if indicator.formula is None:
        return None
    series = plan.series_by_code

    def value_of(code: str, at: int) -> Decimal | None:
        found = series.get(code)
        return found.value(at) if found is not None else None

    evaluation = _parsed(indicator.formula).evaluate(year, value_of)
    if evaluation.value is None:
        return None
    return quantize(evaluation.value, indicator.precision, settings.rounding)


_parsed = lru_cache(maxsize=4096)(parse)  # formulas are few and reused every year


# ---------------------------------------------------------------------- groups


def key_results(results: tuple[IndicatorResult, ...]) -> list[IndicatorResult]:
    """The agency's key indicators: those of the highest level the plan has indicators at —
    goals and objectives, else programs, else activities (a unit of eselon IV whose indicators
    are all activities) — the ones marked IKU when any is marked there, else all of them. A mark
    at a lower level than that (a program indicator in a plan with objectives) makes no IKU."""
    for levels in ((Level.GOAL, Level.OBJECTIVE), (Level.PROGRAM,), (Level.ACTIVITY,)):
        found = [r for r in results if r.indicator.level in levels]
        if found:
            return [r for r in found if r.indicator.key] or found
    return []


def averaged(value: Decimal, settings: Settings) -> Decimal:
    """An achievement as a mean counts it: at most ``settings.cap`` when the plan sets one."""
    return min(value, settings.cap) if settings.cap is not None else value


def _groups(plan: Plan, by_code: dict[str, IndicatorResult], settings: Settings,
            predicate_scale: Scale, category_scale: Scale,
            ) -> tuple[tuple[GroupResult, ...], tuple[GroupResult, ...]]:
    """The groups (goal with its objectives, objective, agency) and each goal's own mean."""
    def group(code: str, name: str, level: str, members: list[IndicatorResult]) -> GroupResult:
        available = [m.achievement for m in members if m.achievement is not None]
        capped = [averaged(a, settings) for a in available]
        achievement = (quantize(mean(capped), settings.achievement_places, settings.rounding)
                       if capped else None)
        return GroupResult(
            code, name, level, tuple(m.code for m in members), achievement, len(capped),
            tuple(m.code for m in members if m.achievement is None),
            label(predicate_scale, achievement), label(category_scale, achievement))

    def of(level: Level, owner: str) -> list[IndicatorResult]:
        return [by_code[i.code] for i in plan.indicators_of(owner, level)]

    groups = []
    own = []
    for goal in plan.goals:
        members = of(Level.GOAL, goal.code)
        own.append(group(goal.code, goal.name, "goal_own", list(members)))
        for objective in plan.objectives_of(goal.code):
            members += of(Level.OBJECTIVE, objective.code)
        groups.append(group(goal.code, goal.name, "goal", members))
    for objective in plan.objectives:
        groups.append(group(objective.code, objective.name, "objective",
                            of(Level.OBJECTIVE, objective.code)))
    groups.append(group(plan.agency.code, plan.agency.name, "agency",
                        key_results(tuple(by_code.values()))))
    return tuple(groups), tuple(own)


def _efficiency(plan: Plan, groups: tuple[GroupResult, ...], budget: tuple[BudgetLine, ...],
                settings: Settings) -> tuple[Efficiency, ...]:
    lines = {line.code: line for line in budget if line.level == "goal"}
    result = []
    for group in groups:
        if group.level != "goal" or group.achievement is None:
            continue
        line = lines.get(group.code)
        if line is None or line.absorption is None or group.achievement < 100:
            continue
        result.append(Efficiency(group.code, group.name, group.achievement, line.absorption,
                                 group.achievement - line.absorption))
    return tuple(result)


# ---------------------------------------------------------------------- comparisons


def _change(plan: Plan, current: IndicatorResult, settings: Settings) -> Change:
    previous_year = current.year - 1
    previous = _actual_of(plan, current.indicator, previous_year, settings)
    if previous is None or current.actual is None:
        return Change(current.code, previous, current.actual, None, None)
    difference = current.actual - previous
    judged = better(current.indicator.polarity, current.actual, previous)
    direction = "same" if judged == 0 else ("better" if judged > 0 else "worse")
    if current.indicator.polarity is Polarity.STABILISE:
        direction = "same" if difference == 0 else "changed"
    return Change(current.code, previous, current.actual, difference, direction)


def _actual_of(plan: Plan, indicator: Indicator, year: int, settings: Settings) -> Decimal | None:
    derived = _derive(plan, indicator, year, settings)
    if derived is not None:
        return derived
    entered = year_actual(indicator, year)
    return entered.value if entered is not None else None


def _final(plan: Plan, current: IndicatorResult, settings: Settings) -> FinalTarget:
    final_year = plan.strategic_plan.end
    target = current.indicator.target(final_year)
    value = target.value if target is not None else None
    achievement = None
    if value is not None and current.actual is not None:
        formula = current.indicator.negative_formula or settings.negative_formula
        outcome = score(value, current.actual, current.indicator.polarity, formula,
                        target.upper if target is not None else None)
        if outcome.value is not None:
            achievement = quantize(outcome.value, settings.achievement_places, settings.rounding)
    return FinalTarget(current.code, final_year, value, current.actual, achievement)


def _counts(scale: Scale, labels: list[str | None]) -> tuple[tuple[str, int], ...]:
    return tuple((band.label, sum(1 for item in labels if item == band.label))
                 for band in scale.bands)
