"""One value dominating a mean (docs/measurement.md, "Outliers").

An agency's mean achievement of 265 % where one indicator reached 1.002 % and the others about
100 % says more about that indicator (a mistyped target, a low base) than about the agency. The
rule, the same for the dashboard and the report:

A value *dominates* the mean of ``n`` values when ``n`` ≥ :data:`MIN_VALUES` and

- leaving it out moves the mean by more than :data:`POINTS` percentage points, and
- it lies outside [median ÷ :data:`RATIO`, median × :data:`RATIO`] of all the values (with a
  median of zero or below, the first condition alone).

When several values do, the one whose removal moves the mean most is named (on a tie, the
first by code). Both directions
count: 1.002 % among values near 100 % lifts the mean to 265 %; −1.186 % (a lower-is-better
indicator far off its target) pulls it to −158 %. The values are the ones the mean averages
(after the plan's ``settings.cap``, :func:`averaged`), so a cap that already tames a value
leaves nothing to name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sakip.core.measure import Measurement, averaged
from sakip.core.model import Settings
from sakip.core.numbers import mean, quantize

MIN_VALUES = 3
POINTS = Decimal(10)
RATIO = Decimal(2)


@dataclass(frozen=True)
class Dominant:
    """The value that dominates a mean, and the views that do without it (unrounded)."""

    code: str
    value: Decimal
    mean: Decimal  # of all the values
    mean_without: Decimal  # of the others
    median: Decimal  # of all the values
    count: int

    @property
    def shift(self) -> Decimal:
        """How many percentage points the value adds to the mean (negative: takes away)."""
        return self.mean - self.mean_without

    @property
    def raises(self) -> bool:
        return self.shift > 0

    def rounded(self, settings: Settings) -> Dominant:
        """The figures rounded as the plan rounds achievements (for showing them)."""
        def r(value: Decimal) -> Decimal:
            return quantize(value, settings.achievement_places, settings.rounding)

        return Dominant(self.code, self.value, r(self.mean), r(self.mean_without),
                        r(self.median), self.count)


def median(values: Sequence[Decimal]) -> Decimal:
    """The middle value (the mean of the two middle ones for an even count), unrounded."""
    if not values:
        raise ValueError("median of no values")
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / Decimal(2)


def dominant(values: Sequence[tuple[str, Decimal]]) -> Dominant | None:
    """The value that dominates the mean of ``values`` (code, value), or None (module rule)."""
    count = len(values)
    if count < MIN_VALUES:
        return None
    numbers = [value for _, value in values]
    total = sum(numbers, Decimal(0))
    average = mean(numbers)
    middle = median(numbers)
    found: Dominant | None = None
    for code, value in values:
        without = (total - value) / Decimal(count - 1)
        shift = abs(average - without)
        far = middle <= 0 or value > middle * RATIO or value < middle / RATIO
        if not (shift > POINTS and far):
            continue
        if found is None or (-shift, code) < (-abs(found.shift), found.code):  # ties: the first code
            found = Dominant(code, value, average, without, middle, count)
    return found


def in_group(m: Measurement, code: str) -> Dominant | None:
    """The indicator that dominates the mean achievement of group ``code`` (the agency's code:
    its key indicators) of a measurement, with the values that mean averaged."""
    values = []
    for member in m.group(code).indicators:
        achievement = m.result(member).achievement
        if achievement is not None:
            values.append((member, averaged(achievement, m.settings)))
    return dominant(values)
