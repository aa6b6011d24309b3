"""Through the year: each period's target and realisation, progress so far, what is off track.

The LKjIP measures a year (:mod:`sakip.core.measure`); this module measures the periods inside
it, for the monitoring pages, the quarterly forms (E.81, E.80, Laporan Monev) and the check that
a realisation well off its period target carries its causes (:mod:`sakip.io.plan_checks`).

- :func:`period_results` — every period of an indicator's year that has a target or a
  realisation: the two values (a quarter's made of its months when it has no record of its own,
  by the indicator's rule), the achievement by the indicator's polarity rule, and whether it is
  *off track* (below ``Settings.off_track_below``) or *well above* (over ``Settings.well_above``).
- :func:`progress` — the realisation from the start of the year to the end of a period, against
  the year's target (the one signed in the Perjanjian Kinerja, else the Renstra's:
  :func:`agreed_target`) and the strategic plan's final target.
- :func:`cumulative` — the realisation over the strategic plan's years up to one, the years
  composed by the indicator's ``over_years`` rule (E.81's cumulative column): the latest year's
  value for a level, the sum for a total over the years.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from sakip.core.achievement import score
from sakip.core.measure import year_actual
from sakip.core.model import Actual, Indicator, Plan, Settings, Target
from sakip.core.numbers import quantize
from sakip.core.periods import Period, compose, finest, period_of, periodic, upto, within


class Standing(enum.Enum):
    """A period's realisation against its period target."""

    OFF_TRACK = "off_track"  # achievement below Settings.off_track_below
    ON_TRACK = "on_track"
    WELL_ABOVE = "well_above"  # achievement above Settings.well_above


@dataclass(frozen=True)
class PeriodResult:
    """One period of an indicator's year."""

    indicator: str
    year: int
    period: Period
    target: Decimal | None
    actual: Decimal | None
    achievement: Decimal | None  # rounded, %
    standing: Standing | None  # None without an achievement
    record: Actual | None  # the realisation that carries the period's notes (its last month's)
    target_record: Target | None

    @property
    def missing_causes(self) -> tuple[str, ...]:
        """The fields its standing asks for that are empty: ``obstacles`` and ``follow_up``
        below the target, ``drivers`` well above it."""
        record = self.record
        if self.standing is Standing.OFF_TRACK:
            return tuple(name for name in ("obstacles", "follow_up")
                         if record is None or not getattr(record, name))
        if self.standing is Standing.WELL_ABOVE:
            return () if record is not None and record.drivers else ("drivers",)
        return ()


def achievement_of(indicator: Indicator, target: Decimal, actual: Decimal,
                   settings: Settings, upper: Decimal | None = None) -> Decimal | None:
    """The rounded achievement of ``actual`` against ``target`` by the indicator's rule."""
    formula = indicator.negative_formula or settings.negative_formula
    outcome = score(target, actual, indicator.polarity, formula, upper)
    if outcome.value is None:
        return None
    return quantize(outcome.value, settings.achievement_places, settings.rounding)


def standing(achievement: Decimal | None, settings: Settings) -> Standing | None:
    if achievement is None:
        return None
    if achievement < settings.off_track_below:
        return Standing.OFF_TRACK
    if achievement > settings.well_above:
        return Standing.WELL_ABOVE
    return Standing.ON_TRACK


def _values(records: tuple[Actual, ...] | tuple[Target, ...]) -> list[tuple[Period, Decimal | None]]:
    return [(p, r.value) for r in records if (p := period_of(r)) is not None]


def period_results(plan: Plan, indicator: Indicator, year: int,
                   settings: Settings | None = None) -> tuple[PeriodResult, ...]:
    """Every period of the year with a target or a realisation, in calendar order.

    A quarter's target or realisation is its own record, else its months composed by the
    indicator's rule; a month is only its own record. The notes of a quarter made of months are
    those of its last month entered."""
    settings = settings or plan.settings
    targets = indicator.period_targets(year)
    actuals = periodic(a for a in indicator.actuals_of(year))
    target_values, actual_values = _values(targets), _values(actuals)
    periods = sorted({p for p, _ in target_values} | {p for p, _ in actual_values})
    if any(p.months == 1 for p in periods):  # months: their quarters are shown as well
        periods = sorted(set(periods) | {Period(3 * p.in_quarter, 3) for p in periods
                                         if p.months == 1})
    rule = indicator.aggregation
    results = []
    for period in periods:
        if period.months == 3:
            quarter = period.end // 3
            target = within(rule, target_values, quarter)
            actual = within(rule, actual_values, quarter)
            own = [a for a in actuals if period_of(a) == period]
            months = [a for a in actuals if a.month is not None
                      and (a.month + 2) // 3 == quarter and a.value is not None]
            record = own[0] if own else (months[-1] if months else None)
            target_record = next((t for t in targets if period_of(t) == period), None)
        else:
            target = next((v for p, v in target_values if p == period), None)
            actual = next((v for p, v in actual_values if p == period), None)
            record = next((a for a in actuals if period_of(a) == period), None)
            target_record = next((t for t in targets if period_of(t) == period), None)
        upper = target_record.upper if target_record is not None else None
        achieved = (achievement_of(indicator, target, actual, settings, upper)
                    if target is not None and actual is not None else None)
        results.append(PeriodResult(indicator.code, year, period, target, actual, achieved,
                                    standing(achieved, settings), record, target_record))
    return tuple(results)


def needs_causes(plan: Plan, indicator: Indicator, year: int,
                 settings: Settings | None = None) -> tuple[PeriodResult, ...]:
    """The periods whose standing asks for causes not given, each once: a period made of months
    is left to its months when they have targets of their own."""
    results = period_results(plan, indicator, year, settings)
    months_judged = {r.period.in_quarter for r in results
                     if r.period.months == 1 and r.standing is not None}
    return tuple(r for r in results if r.missing_causes and r.record is not None
                 and not (r.period.months == 3 and r.period.end // 3 in months_judged
                          and period_of(r.record) != r.period))


@dataclass(frozen=True)
class Progress:
    """The realisation from the start of the year to the end of a period."""

    indicator: str
    year: int
    end: int  # the last month covered
    value: Decimal | None  # composed by the indicator's rule
    of_year: Decimal | None  # % of the year's target (the PK's, else the Renstra's), by polarity
    final_target: Decimal | None  # the strategic plan's final target
    of_final: Decimal | None  # % of it
    year_target: Decimal | None = None  # the year's target measured against: agreed_target


def progress(plan: Plan, indicator: Indicator, year: int, end: int,
             settings: Settings | None = None) -> Progress:
    """Progress up to the end of month ``end`` (12: the year; 3 × quarter: a quarter)."""
    settings = settings or plan.settings
    values = _values(finest(a for a in indicator.actuals_of(year) if a.value is not None))
    value = upto(indicator.aggregation, values, end)
    if value is None and end == 12:
        own = next((a for a in indicator.actuals_of(year)
                    if a.quarter is None and a.month is None), None)
        value = own.value if own is not None else None
    final = indicator.target(plan.strategic_plan.end)
    pledged = agreed_target(plan, indicator, year)

    def of(goal: Decimal | None, upper: Decimal | None) -> Decimal | None:
        if goal is None or value is None:
            return None
        return achievement_of(indicator, goal, value, settings, upper)

    target = indicator.target(year)
    upper = target.upper if target is not None and target.value == pledged else None
    return Progress(indicator.code, year, end, value, of(pledged, upper),
                    final.value if final is not None else None,
                    of(final.value if final is not None else None,
                       final.upper if final is not None else None), pledged)


def agreed_target(plan: Plan, indicator: Indicator, year: int) -> Decimal | None:
    """The year's target the agency signed for: the indicator's in the Perjanjian Kinerja in
    force (the latest amendment), else the year's target of the strategic plan."""
    agreement = plan.agreement(year)
    item = next((i for i in agreement.items if i.indicator == indicator.code), None) \
        if agreement is not None else None
    if item is not None and item.target is not None:
        return item.target
    target = indicator.target(year)
    return target.value if target is not None else None


def year_value(indicator: Indicator, year: int) -> Decimal | None:
    """The year's realisation as entered: its own record, else its periods composed
    (:func:`sakip.core.measure.year_actual`, as the LKjIP reads it)."""
    actual = year_actual(indicator, year)
    return actual.value if actual is not None else None


def cumulative(plan: Plan, indicator: Indicator, last: int) -> Decimal | None:
    """The realisation over the strategic plan's years up to ``last``, the years composed by the
    indicator's ``over_years`` rule: the latest year's value for a level (the default), their sum
    for a total over the years, or their mean, maximum or minimum. Each year's value is its own
    or its periods composed by ``aggregation`` (:func:`year_value`)."""
    years = range(plan.strategic_plan.start, last + 1)
    values = [v for y in years if (v := year_value(indicator, y)) is not None]
    return compose(indicator.over_years, values)
