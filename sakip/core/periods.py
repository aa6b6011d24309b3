"""Periods within a year: quarters and months, and how their values compose the year's.

A target, a realisation or a budget line is for a whole year, a quarter (``quarter`` 1–4) or a
month (``month`` 1–12) of it, never both. An indicator says how its periods compose the year
(:class:`~sakip.core.enums.Aggregation`): the *sum* of the periods (cases handled, rupiah
spent), the *last* period's value (a cumulative percentage, a stock), their *mean*, their
*maximum* or their *minimum*. :func:`compose` is the one place where the rule is applied; a
quarter made of months, the year made of quarters or of months, and the progress up to a
period (:func:`upto`) all call it.

For one indicator (or budget line) and year, the periods are either quarters or months, not a
mix (a plan check says so); months compose into their quarter with the same rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from sakip.core.enums import Aggregation
from sakip.core.numbers import ZERO, mean

QUARTERS = (1, 2, 3, 4)
MONTHS = tuple(range(1, 13))
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
MONTH_NAMES_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                  "September", "Oktober", "November", "Desember")
MONTH_NAMES_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")


class Dated(Protocol):
    """A record of a year or of a period of it (a target, a realisation, a budget line)."""

    @property
    def year(self) -> int: ...
    @property
    def quarter(self) -> int | None: ...
    @property
    def month(self) -> int | None: ...


@dataclass(frozen=True, order=True)
class Period:
    """A part of a year: a quarter or a month. Ordered as the calendar: a month sorts inside
    its quarter (months end at ``month``, quarters at ``3 × quarter``)."""

    end: int  # the last month it covers, 1–12
    months: int  # 3 for a quarter, 1 for a month

    @classmethod
    def of(cls, quarter: int | None, month: int | None) -> Period | None:
        if month is not None:
            return cls(month, 1)
        if quarter is not None:
            return cls(3 * quarter, 3)
        return None

    @property
    def quarter(self) -> int | None:
        return self.end // 3 if self.months == 3 else None

    @property
    def month(self) -> int | None:
        return self.end if self.months == 1 else None

    @property
    def in_quarter(self) -> int:
        """The quarter the period lies in (a quarter: itself)."""
        return (self.end + 2) // 3

    def label(self, lang: str = "id") -> str:
        """``Triwulan III`` / ``Juli``; in English ``Quarter III`` / ``July``."""
        if self.months == 3:
            return ("Quarter " if lang == "en" else "Triwulan ") + ROMAN[self.end // 3]
        return (MONTH_NAMES_EN if lang == "en" else MONTH_NAMES_ID)[self.end - 1]

    def follows(self, later: Period) -> bool:
        """Whether ``later`` is the period of the same kind right after this one."""
        return later.months == self.months and later.end == self.end + self.months

    def span(self, last: Period, lang: str = "id") -> str:
        """This period to ``last`` (of the same kind) in words: ``Triwulan I–III``,
        ``Januari–Maret``; this period alone when ``last`` is it."""
        if last == self:
            return self.label(lang)
        if self.months == 3:
            return f"{self.label(lang)}–{ROMAN[last.end // 3]}"
        return f"{self.label(lang)}–{last.label(lang)}"

    def short(self) -> str:
        """``TW III`` / ``Jul`` — for narrow columns and keys in messages."""
        if self.months == 3:
            return "TW " + ROMAN[self.end // 3]
        return MONTH_NAMES_ID[self.end - 1][:3]


def period_of(record: Dated) -> Period | None:
    """The record's period; None for a record of the whole year."""
    return Period.of(record.quarter, record.month)


def is_annual(record: Dated) -> bool:
    return record.quarter is None and record.month is None


def annual(records: Iterable[Any]) -> tuple[Any, ...]:
    """The records of whole years among ``records``."""
    return tuple(record for record in records if record.quarter is None and record.month is None)


def periodic(records: Iterable[Any]) -> tuple[Any, ...]:
    """The records of periods among ``records``, in calendar order."""
    found = [record for record in records if record.quarter is not None or record.month is not None]
    found.sort(key=lambda record: (record.year, period_of(record)))
    return tuple(found)


def finest(records: Iterable[Any]) -> tuple[Any, ...]:
    """The period records that compose a year, in calendar order: its months when it has any,
    else its quarters (a plan check refuses a mix; this holds when one is being fixed)."""
    found = periodic(records)
    months = tuple(record for record in found if record.month is not None)
    return months or found


def compose(rule: Aggregation, values: Sequence[Decimal]) -> Decimal | None:
    """The value of several periods, in calendar order, under ``rule``; None for no value.

    The only place where an aggregation rule is applied."""
    if not values:
        return None
    if rule is Aggregation.SUM:
        return sum(values, ZERO)
    if rule is Aggregation.MEAN:
        return mean(list(values))
    if rule is Aggregation.MAXIMUM:
        return max(values)
    if rule is Aggregation.MINIMUM:
        return min(values)
    return values[-1]  # LAST


def complete(periods: Iterable[Period]) -> bool:
    """Whether the periods cover the whole year: the four quarters, or the twelve months."""
    ends = sorted(p.end for p in periods)
    return ends == [3, 6, 9, 12] or ends == list(MONTHS)


def upto(rule: Aggregation, values: Sequence[tuple[Period, Decimal | None]],
         end: int) -> Decimal | None:
    """The value from the start of the year up to the end of month ``end`` (3 × quarter for a
    quarter): ``rule`` applied to the periods that end by then, in calendar order."""
    return compose(rule, [value for period, value in sorted(values, key=lambda pv: pv[0])
                          if value is not None and period.end <= end])


def within(rule: Aggregation, values: Sequence[tuple[Period, Decimal | None]],
           quarter: int) -> Decimal | None:
    """The value of one quarter: its own record, else ``rule`` applied to its months."""
    for period, value in values:
        if period.months == 3 and period.end == 3 * quarter:
            return value
    months = [value for period, value in sorted(values, key=lambda pv: pv[0])
              if period.months == 1 and period.in_quarter == quarter and value is not None]
    return compose(rule, months)


def quarters_of(rule: Aggregation, values: Sequence[tuple[Period, Decimal | None]]
                ) -> dict[int, Decimal | None]:
    """Each quarter's value (:func:`within`)."""
    return {quarter: within(rule, values, quarter) for quarter in QUARTERS}


def granularity(periods: Iterable[Period]) -> set[int]:
    """The kinds of period present: ``{3}`` quarters, ``{1}`` months, ``{1, 3}`` a mix."""
    return {period.months for period in periods}
