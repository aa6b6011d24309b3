"""What the forms share: the rows of the cascade (sasaran → program → kegiatan → sub kegiatan),
the budget figures of a program or an activity by year and quarter, the period notes.

Every figure comes from :mod:`sakip.core.monitoring`, :mod:`sakip.core.budget` and
:mod:`sakip.core.periods`; what is added here is only the choice of records.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from sakip.core.budget import BudgetLine, roll_up, year_budgets
from sakip.core.enums import Aggregation, Level
from sakip.core.model import Activity, Indicator, Objective, Plan, Program
from sakip.core.numbers import ZERO
from sakip.core.periods import QUARTERS, compose, period_of, upto, within

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Owner:
    """A program or an activity (kegiatan / sub kegiatan) on a form, in cascade order."""

    level: str  # "objective" | "program" | "activity"
    code: str
    name: str
    objective: Objective | None
    unit: str | None  # Unit.code
    depth: int  # 0 sasaran or program, 1 activity, 2 sub-activity

    def indicators(self, plan: Plan) -> tuple[Indicator, ...]:
        level = {"objective": Level.OBJECTIVE, "program": Level.PROGRAM}.get(self.level,
                                                                            Level.ACTIVITY)
        return plan.indicators_of(self.code, level)


def owners(plan: Plan, objectives: bool = True) -> Iterator[Owner]:
    """Each sasaran (with ``objectives``) followed by its programs, in the plan's order
    (programs linked to none last), each program followed by its activities and their
    sub-activities."""
    programs = [p for o in plan.objectives for p in plan.programs_of(o.code)]
    programs += [p for p in plan.programs if p not in programs]
    shown: set[str] = set()
    for program in programs:
        objective = plan.objective_by_code.get(program.objective or "")
        if objectives and objective is not None and objective.code not in shown:
            shown.add(objective.code)
            yield Owner("objective", objective.code, objective.name, objective, None, 0)
        yield _program(program, objective)
        for activity in plan.activities_of(program.code):
            yield _activity(activity, objective, program, 1)
            for sub in plan.sub_activities_of(activity.code):
                yield _activity(sub, objective, program, 2)


def _program(program: Program, objective: Objective | None) -> Owner:
    return Owner("program", program.code, program.name, objective, program.unit, 0)


def _activity(activity: Activity, objective: Objective | None, program: Program,
              depth: int) -> Owner:
    return Owner("activity", activity.code, activity.name, objective,
                 activity.unit or program.unit, depth)


def unit_name(plan: Plan, code: str | None) -> str:
    """The responsible unit's name; the agency itself when none is linked."""
    for unit in plan.agency.units:
        if unit.code == code:
            return unit.name
    return plan.agency.short_name or plan.agency.name


class Budgets:
    """Ceilings and spending of programs and activities, by year and by quarter."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._lines: dict[int, dict[tuple[str, str], BudgetLine]] = {}

    def line(self, owner: Owner, year: int) -> BudgetLine | None:
        if year not in self._lines:
            self._lines[year] = {(line.level, line.code): line
                                 for line in roll_up(self.plan, year, self.plan.settings)}
        return self._lines[year].get((owner.level, owner.code))

    def ceiling(self, owner: Owner, year: int) -> Decimal | None:
        line = self.line(owner, year)
        return line.ceiling if line is not None else None

    def spent(self, owner: Owner, year: int) -> Decimal | None:
        line = self.line(owner, year)
        return line.spent if line is not None else None

    def total(self, owner: Owner, years: range, name: str) -> Decimal | None:
        """The sum of ``name`` (ceiling / spent) over ``years``; None when no year has it."""
        values = [v for y in years if (v := getattr(self, name)(owner, y)) is not None]
        return compose(Aggregation.SUM, values)

    def _activity_quarter(self, code: str, year: int, quarter: int) -> Decimal | None:
        periods = self.plan.budget_periods(code, year)
        if periods:
            return within(Aggregation.SUM, [(p, b.spent) for b in periods
                                            if (p := period_of(b)) is not None], quarter)
        subs = [a.code for a in self.plan.sub_activities_of(code)]
        return compose(Aggregation.SUM, [v for s in subs
                                         if (v := self._activity_quarter(s, year, quarter))
                                         is not None])

    def quarter(self, owner: Owner, year: int, quarter: int) -> Decimal | None:
        """The spending of one quarter (its own record, else its months summed)."""
        if owner.level == "activity":
            return self._activity_quarter(owner.code, year, quarter)
        programs = ([owner.code] if owner.level == "program"
                    else [p.code for p in self.plan.programs_of(owner.code)])
        return compose(Aggregation.SUM, [
            v for program in programs for a in self.plan.activities_of(program)
            if (v := self._activity_quarter(a.code, year, quarter)) is not None])

    def upto(self, owner: Owner, year: int, quarter: int) -> Decimal | None:
        """The spending from the start of the year to the end of ``quarter``."""
        return compose(Aggregation.SUM, [v for q in QUARTERS if q <= quarter
                                         if (v := self.quarter(owner, year, q)) is not None])

    def physical(self, code: str, year: int, quarter: int) -> Decimal | None:
        """An activity's physical progress reached by the end of ``quarter`` (its last period's
        cumulative %), else the year's own figure for the fourth quarter."""
        periods = self.plan.budget_periods(code, year)
        found = upto(Aggregation.LAST, [(p, b.physical) for b in periods
                                        if (p := period_of(b)) is not None], 3 * quarter)
        if found is None and quarter == 4:
            own = year_budgets(self.plan, year).get(code)
            return own.physical if own is not None else None
        return found


@dataclass(frozen=True)
class Notes:
    """The causes written on a year's period realisations up to a month, by kind."""

    drivers: tuple[str, ...]
    obstacles: tuple[str, ...]
    follow_up: tuple[str, ...]


def notes(indicators: tuple[Indicator, ...] | list[Indicator], year: int, end: int) -> Notes:
    """Each distinct text once, with the indicators and periods it was written for:
    ``"IKP-4.1 (TW I–TW IV): …"``."""
    found: dict[str, dict[str, list[str]]] = {"drivers": {}, "obstacles": {}, "follow_up": {}}
    for indicator in indicators:
        for actual in indicator.actuals_of(year):
            period = period_of(actual)
            if period is None or period.end > end:
                continue
            for name, texts in found.items():
                value = getattr(actual, name)
                if value:
                    texts.setdefault(value.strip(), [])
                    key = f"{indicator.code}|{period.short()}"
                    if key not in texts[value.strip()]:
                        texts[value.strip()].append(key)

    def lines(texts: dict[str, list[str]]) -> tuple[str, ...]:
        result = []
        for body, keys in texts.items():
            by_code: dict[str, list[str]] = {}
            for key in keys:
                code, short = key.split("|")
                by_code.setdefault(code, []).append(short)
            where = "; ".join(f"{code} ({_span(shorts)})" for code, shorts in by_code.items())
            result.append(f"{where}: {body}")
        return tuple(result)

    return Notes(lines(found["drivers"]), lines(found["obstacles"]), lines(found["follow_up"]))


def _span(shorts: list[str]) -> str:
    return shorts[0] if len(shorts) == 1 else f"{shorts[0]}–{shorts[-1]}"


def value_text(value: Decimal | None, text: str | None = None) -> Decimal | str | None:
    return value if value is not None else text


def plus(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    """A sum where a missing part counts as nothing, and nothing plus nothing is missing."""
    if a is None and b is None:
        return None
    return (a or ZERO) + (b or ZERO)
