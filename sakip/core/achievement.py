"""Achievement (capaian) of one indicator: realisation against target, polarity-aware.

The rules, each stated once (docs/measurement.md explains them with examples):

* Positive (higher is better): ``R / T × 100``.
* Negative (lower is better), default ``(2T − R) / T × 100`` — the same as
  ``(1 + (1 − R/T)) × 100`` — or, chosen per indicator or plan, ``T / R × 100``.
* Stabilise: 100 inside the band ``[T, upper]`` (or exactly on ``T``); outside it,
  ``(1 − d / |edge|) × 100`` where ``d`` is the distance to the nearest edge. Leaving the band
  on either side is worse, so this is not the range rule below.
* Range target ``[T, upper]`` of a positive or negative indicator (PermenPAN-RB): 100 inside
  the range; outside it the indicator's own polarity rule above, with ``T`` the bound crossed
  (the upper bound above the range, the lower bound below it). Higher is better: 92 against
  80–90 → 92/90 × 100 = 102,22; 70 → 70/80 × 100 = 87,50. Lower is better with ``2t-r``:
  9 against 7–8 → (2×8 − 9)/8 × 100 = 87,50. A crossed bound of 0 is a zero target (below).
  A range whose bounds are equal is a plain target.
* A negative target generalises both linear formulas so they stay monotone:
  positive ``(1 + (R − T)/|T|) × 100``, negative ``(1 + (T − R)/|T|) × 100``; for T > 0 these
  are exactly ``R/T`` and ``(2T − R)/T``.
* Zero target: no percentage exists. If the realisation equals the target the target is met
  (100); otherwise the achievement is undefined and only the predicate (met or not) is given.
* Zero realisation: a real 0 % for a positive indicator, 200 % with ``2t-r``; with ``t/r`` the
  percentage is undefined (division by zero) and the target counts as met.
* Missing realisation or missing target: undefined, never 0; the indicator is left out of
  averages and counted as missing.
* Qualitative targets ("Pratama"): met when the realisation reaches the target's level on the
  indicator's ordered ``levels``; no percentage, so no category and no place in averages.

The functions return unrounded values; :mod:`sakip.core.measure` rounds them once.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from sakip.core.enums import NegativeFormula, Polarity
from sakip.core.numbers import HUNDRED, ZERO


class Why(enum.Enum):
    """Why an achievement has no percentage (stable codes, explained in the docs)."""

    NO_TARGET = "no_target"
    NO_ACTUAL = "no_actual"
    NOT_AVAILABLE = "not_available"
    ZERO_TARGET = "zero_target"
    ZERO_ACTUAL = "zero_actual"  # t/r with R = 0
    NEGATIVE_ACTUAL = "negative_actual"  # t/r with R < 0 or T < 0
    ZERO_EDGE = "zero_edge"  # stabilise band edge at 0, outside the band
    NO_BAND = "no_band"  # a value that falls in no band of a scale (a gap in the scale)
    QUALITATIVE = "qualitative"
    UNKNOWN_LEVEL = "unknown_level"


@dataclass(frozen=True)
class WhyWords:
    """A reason in words, Indonesian and English: ``short`` for a table cell or a note (the
    measurement table, the web pages, a figure's derivation), ``long`` for a report's sentence."""

    short: tuple[str, str]
    long: tuple[str, str]


# The one table of these words: the CLI, the pages, the derivations and the report read it.
WHY_WORDS: dict[Why, WhyWords] = {
    Why.NO_TARGET: WhyWords(("tanpa target", "no target"), ("tidak ada target", "no target")),
    Why.NO_ACTUAL: WhyWords(("belum ada realisasi", "no actual yet"),
                            ("realisasi belum diisi", "realisation not entered")),
    Why.NOT_AVAILABLE: WhyWords(("data belum tersedia", "data not yet available"),
                                ("data belum tersedia", "data not yet available")),
    Why.ZERO_TARGET: WhyWords(("target nol", "zero target"),
                              ("target nol: persentase tidak terdefinisi",
                               "zero target: the percentage is undefined")),
    Why.ZERO_ACTUAL: WhyWords(("realisasi nol (rumus T/R)", "zero actual (T/R rule)"),
                              ("realisasi nol dengan rumus T/R: persentase tidak terdefinisi",
                               "zero realisation with the T/R rule: the percentage is undefined")),
    Why.NEGATIVE_ACTUAL: WhyWords(
        ("nilai negatif (rumus T/R)", "negative value (T/R rule)"),
        ("nilai negatif dengan rumus T/R: persentase tidak terdefinisi",
         "a negative value with the T/R rule: the percentage is undefined")),
    Why.ZERO_EDGE: WhyWords(("batas rentang nol", "band edge at zero"),
                            ("batas rentang target nol: persentase tidak terdefinisi",
                             "a zero bound of the target range: the percentage is undefined")),
    Why.NO_BAND: WhyWords(("di luar semua rentang skala", "outside every band of the scale"),
                          ("capaian di luar semua rentang skala",
                           "the achievement is outside every band of the scale")),
    Why.QUALITATIVE: WhyWords(("kualitatif", "qualitative"),
                              ("target kualitatif", "qualitative target")),
    Why.UNKNOWN_LEVEL: WhyWords(("tingkatan tidak dikenal", "unknown level"),
                                ("tingkat kualitatif tidak dikenal", "unknown qualitative level")),
}


@dataclass(frozen=True)
class Score:
    """An unrounded achievement, or the reason there is none, and whether the target is met."""

    value: Decimal | None
    met: bool | None  # None when it cannot be told (no target, no realisation)
    exceeded: bool = False  # strictly better than the target
    why: Why | None = None


def better(polarity: Polarity, actual: Decimal, target: Decimal) -> int:
    """+1 if ``actual`` is better than ``target`` for this polarity, −1 if worse, 0 if equal."""
    if actual == target:
        return 0
    if polarity is Polarity.NEGATIVE:
        return 1 if actual < target else -1
    if polarity is Polarity.STABILISE:
        return -1  # any distance from a point target is worse
    return 1 if actual > target else -1


def score(
    target: Decimal,
    actual: Decimal,
    polarity: Polarity,
    negative_formula: NegativeFormula = NegativeFormula.TWO_T_MINUS_R,
    upper: Decimal | None = None,
) -> Score:
    """Achievement of a numeric realisation against a numeric target (a range with ``upper``)."""
    if polarity is Polarity.STABILISE:
        return _stabilise(target, upper if upper is not None else target, actual)
    if upper is not None and upper != target:
        return _range(target, upper, actual, polarity, negative_formula)
    comparison = better(polarity, actual, target)
    met = comparison >= 0
    exceeded = comparison > 0
    if target == ZERO:
        if actual == target:
            return Score(HUNDRED, True)
        return Score(None, met, exceeded, Why.ZERO_TARGET)
    if polarity is Polarity.NEGATIVE and negative_formula is NegativeFormula.T_OVER_R:
        if actual == ZERO:
            return Score(None, met, exceeded, Why.ZERO_ACTUAL)
        if actual < ZERO or target < ZERO:
            return Score(None, met, exceeded, Why.NEGATIVE_ACTUAL)
        return Score(target / actual * HUNDRED, met, exceeded)
    gap = actual - target if polarity is Polarity.POSITIVE else target - actual
    return Score((1 + gap / abs(target)) * HUNDRED, met, exceeded)


def is_range(target: Decimal | None, upper: Decimal | None) -> bool:
    """Whether a numeric target with ``upper`` is a range (bounds that differ)."""
    return target is not None and upper is not None and upper != target


def _range(lower: Decimal, upper: Decimal, actual: Decimal, polarity: Polarity,
           negative_formula: NegativeFormula) -> Score:
    """The range rule: 100 inside; outside, the polarity rule against the bound crossed."""
    low, high = min(lower, upper), max(lower, upper)
    if low <= actual <= high:
        return Score(HUNDRED, True)
    return score(high if actual > high else low, actual, polarity, negative_formula)


def _stabilise(lower: Decimal, upper: Decimal, actual: Decimal) -> Score:
    low, high = min(lower, upper), max(lower, upper)
    if low <= actual <= high:
        return Score(HUNDRED, True)
    edge = low if actual < low else high
    if edge == ZERO:
        return Score(None, False, False, Why.ZERO_EDGE)
    return Score((1 - abs(actual - edge) / abs(edge)) * HUNDRED, False)


def qualitative_score(
    levels: tuple[str, ...], target: str, actual: str, polarity: Polarity
) -> Score:
    """A qualitative realisation against a qualitative target on ordered ``levels``.

    Without levels only equality can be told. Levels are compared case-insensitively.
    """
    if not levels:
        met = actual.strip().casefold() == target.strip().casefold()
        return Score(None, met, False, Why.QUALITATIVE)
    ranks = {level.strip().casefold(): rank for rank, level in enumerate(levels)}
    target_rank = ranks.get(target.strip().casefold())
    actual_rank = ranks.get(actual.strip().casefold())
    if target_rank is None or actual_rank is None:
        return Score(None, None, False, Why.UNKNOWN_LEVEL)
    comparison = better(polarity, Decimal(actual_rank), Decimal(target_rank))
    return Score(None, comparison >= 0, comparison > 0, Why.QUALITATIVE)
