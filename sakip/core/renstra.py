"""The Renstra view of an indicator: its five years' targets and realisations, progress to the
end-of-Renstra target and a projection to the last year at the current rate.

One function, :func:`renstra`, over the indicators of a plan as of a year (the year viewed: later
years show their targets only). Every figure comes from the core's own rules:

- **a year's realisation** is the one the year's measurement holds
  (:attr:`sakip.core.measure.IndicatorResult.actual`: derived by the indicator's formula when its
  series give it, else as entered — the year's own record or its periods composed,
  :func:`sakip.core.measure.year_actual`), the figure the LKjIP prints for that year;
- **the realisation to date** composes the realised years by the indicator's ``over_years``
  rule (:func:`sakip.core.periods.compose`; the latest year's value for a level, their sum for a
  final target that is a total), as E.80 and E.81 do (:func:`sakip.core.monitoring.cumulative`);
- **progress** is the achievement of the realisation to date against the final target (the
  target of the strategic plan's last year) by the indicator's polarity rule
  (:func:`sakip.core.monitoring.achievement_of`), the figure of E.80 column 16;
- **the projection** (:class:`Projection`) continues the realised years to the final year at
  the current rate. The rate is the mean yearly change between the first and the last realised
  year, ``(R_last − R_first) / (year_last − year_first)``; each year still to come is the last
  realised value plus that change per year — or, for a total over the years (``over_years``
  SUM), the mean of the realised years' values. The projected years are composed with the
  realised ones by ``over_years`` (a line from realisations that are all zero or more stops at
  zero: a rate, a count or an index does not turn negative), rounded to the indicator's
  precision (the plan's rounding), and judged against the final target by the polarity rule
  (lower is better for a negative indicator; inside the band for a stabilise one): *likely
  met* or not. There is no projection
  for a qualitative indicator, with fewer than two realised years, without a numeric final
  target, or once the final year is realised (its realisation is then the answer).

Nothing is rounded here except through :func:`sakip.core.numbers.quantize`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from sakip.core.achievement import qualitative_score, score
from sakip.core.enums import Aggregation, Level
from sakip.core.measure import IndicatorResult, Measurement, measure
from sakip.core.model import Indicator, Plan, Settings, Target
from sakip.core.monitoring import achievement_of
from sakip.core.numbers import ZERO, mean, quantize
from sakip.core.periods import compose


class NoProjection(enum.Enum):
    """Why an indicator has no projection (stable codes; docs/planning.md)."""

    QUALITATIVE = "qualitative"  # a level, not a number: nothing to extend
    TOO_FEW_YEARS = "too_few_years"  # fewer than two realised years give no rate
    NO_FINAL_TARGET = "no_final_target"  # no numeric target in the strategic plan's last year
    FINAL_YEAR_REALISED = "final_year_realised"  # the final year's realisation is known


@dataclass(frozen=True)
class RenstraYear:
    """One year of the strategic plan: its target and, up to the year viewed, its realisation."""

    year: int
    target: Target | None
    actual: Decimal | None  # the year's measured realisation; None after the year viewed
    actual_text: str | None  # a qualitative realisation
    achievement: Decimal | None  # against the year's target (the year's measurement)
    realised: bool  # the year is not after the year viewed


@dataclass(frozen=True)
class Projection:
    """The realisation the final year reaches at the current rate."""

    first: int  # first realised year of the rate
    last: int  # last realised year of the rate
    rate: Decimal  # mean yearly change (a level), or mean yearly value (a total), rounded
    value: Decimal  # the realisation to date in the final year, projected, rounded
    achievement: Decimal | None  # of ``value`` against the final target, rounded, %
    likely_met: bool | None  # ``value`` meets the final target by the polarity rule


@dataclass(frozen=True)
class RenstraLine:
    """One indicator over the strategic plan, as of a year."""

    indicator: Indicator
    as_of: int
    years: tuple[RenstraYear, ...]
    final_year: int
    final: Target | None  # the target of the strategic plan's last year
    to_date: Decimal | None  # the realised years composed by ``over_years``
    to_date_text: str | None  # the latest qualitative realisation
    progress: Decimal | None  # % of the final target reached to date, rounded
    met: bool | None  # the realisation to date meets the final target already
    projection: Projection | None
    no_projection: NoProjection | None  # why there is none

    @property
    def code(self) -> str:
        return self.indicator.code


RENSTRA_LEVELS = (Level.GOAL, Level.OBJECTIVE, Level.PROGRAM)
"""The levels the Renstra view shows by default: goal and objective indicators (the IKU) and
the programmes' outcome indicators — the ones the Renstra sets five-year targets for."""


def renstra(plan: Plan, as_of: int, measurements: Mapping[int, Measurement] | None = None,
            levels: Iterable[Level] = RENSTRA_LEVELS) -> tuple[RenstraLine, ...]:
    """Every indicator of ``levels`` (plan order) over the strategic plan as of year ``as_of``.

    ``measurements`` are the plan's measurements by year (the report's history); a realised year
    missing from them is measured here."""
    wanted = set(levels)
    indicators = [i for i in plan.indicators if i.level in wanted]
    years = _measurements(plan, as_of, measurements)
    return tuple(line(plan, indicator, as_of, years) for indicator in indicators)


def line(plan: Plan, indicator: Indicator, as_of: int,
         measurements: Mapping[int, Measurement] | None = None) -> RenstraLine:
    """One indicator over the strategic plan as of year ``as_of``."""
    settings = plan.settings
    years = _measurements(plan, as_of, measurements)
    sp = plan.strategic_plan
    rows = []
    for year in sp.years:
        result = years[year].result(indicator.code) if year in years else None
        rows.append(_year(indicator, year, result))
    realised = [(r.year, r.actual) for r in rows if r.realised and r.actual is not None]
    final = indicator.target(sp.end)
    to_date = compose(indicator.over_years, [value for _, value in realised])
    texts = [r.actual_text for r in rows if r.realised and r.actual_text]
    to_date_text = texts[-1] if texts else None
    progress, met = _against_final(indicator, final, to_date, to_date_text, settings)
    projection, why = _projection(indicator, final, realised, sp.end, settings)
    return RenstraLine(indicator, as_of, tuple(rows), sp.end, final, to_date, to_date_text,
                       progress, met, projection, why)


def _measurements(plan: Plan, as_of: int,
                  given: Mapping[int, Measurement] | None) -> dict[int, Measurement]:
    found = dict(given or {})
    for year in plan.strategic_plan.years:
        if year <= as_of and year not in found:
            found[year] = measure(plan, year)
    return found


def _year(indicator: Indicator, year: int, result: IndicatorResult | None) -> RenstraYear:
    if result is None:  # after the year viewed: the target only
        return RenstraYear(year, indicator.target(year), None, None, None, False)
    return RenstraYear(year, result.target, result.actual, result.actual_text,
                       result.achievement, True)


def _against_final(indicator: Indicator, final: Target | None, to_date: Decimal | None,
                   to_date_text: str | None, settings: Settings,
                   ) -> tuple[Decimal | None, bool | None]:
    """Progress (%) and whether the final target is met already."""
    if final is None:
        return None, None
    if final.value is None:
        if final.text is None or to_date_text is None:
            return None, None
        outcome = qualitative_score(indicator.levels, final.text, to_date_text,
                                    indicator.polarity)
        return None, outcome.met
    if to_date is None:
        return None, None
    formula = indicator.negative_formula or settings.negative_formula
    met = score(final.value, to_date, indicator.polarity, formula, final.upper).met
    return achievement_of(indicator, final.value, to_date, settings, final.upper), met


def _projection(indicator: Indicator, final: Target | None, realised: list[tuple[int, Decimal]],
                end: int, settings: Settings) -> tuple[Projection | None, NoProjection | None]:
    if indicator.is_qualitative:
        return None, NoProjection.QUALITATIVE
    if final is None or final.value is None:
        return None, NoProjection.NO_FINAL_TARGET
    if realised and realised[-1][0] >= end:
        return None, NoProjection.FINAL_YEAR_REALISED
    if len(realised) < 2:
        return None, NoProjection.TOO_FEW_YEARS
    (first, start_value), (last, last_value) = realised[0], realised[-1]
    values = [value for _, value in realised]
    ahead = range(last + 1, end + 1)
    if indicator.over_years is Aggregation.SUM:  # a total: each year to come adds the mean
        rate = mean(values)
        coming = [rate for _ in ahead]
    else:  # a level: the trend line through the first and last realised years
        rate = (last_value - start_value) / Decimal(last - first)
        coming = [last_value + rate * (year - last) for year in ahead]
        if all(value >= ZERO for value in values):  # a rate, count or index stops at zero
            coming = [max(value, ZERO) for value in coming]
    composed = compose(indicator.over_years, values + coming)
    if composed is None:  # cannot be: two realised years at least
        return None, NoProjection.TOO_FEW_YEARS
    value = quantize(composed, indicator.precision, settings.rounding)
    formula = indicator.negative_formula or settings.negative_formula
    outcome = score(final.value, value, indicator.polarity, formula, final.upper)
    return Projection(
        first, last, quantize(rate, indicator.precision, settings.rounding), value,
        achievement_of(indicator, final.value, value, settings, final.upper), outcome.met,
    ), None
