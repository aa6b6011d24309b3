"""The indicator definition sheet (*manual indikator*): what an indicator's sheet holds and what
it still lacks.

A sheet is complete when it says what the indicator means (``definition``), how it is computed
(a ``formula`` over data series, or in words, ``calculation``), in what ``unit`` (a qualitative
indicator's levels stand for one), where its data come from (``data_source``), how often it is
measured (``frequency``), who answers for it (``responsible``) and why it was chosen
(``rationale``). Its polarity always has a value (positive unless said otherwise). The web's
*Manual indikator* page and the LKjIP's annex both read :func:`sheet`; neither decides
completeness on its own.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sakip.core.enums import Level
from sakip.core.formula import FormulaError, parse
from sakip.core.model import Activity, Goal, Indicator, Objective, Plan, Program


class SheetField(enum.Enum):
    """A field of the definition sheet that can be missing (stable codes, in sheet order)."""

    DEFINITION = "definition"
    CALCULATION = "calculation"  # a formula or the calculation in words
    UNIT = "unit"
    DATA_SOURCE = "data_source"
    FREQUENCY = "frequency"
    RESPONSIBLE = "responsible"
    RATIONALE = "rationale"


@dataclass(frozen=True)
class SeriesUse:
    """A data series the indicator's formula reads, with its name as people say it."""

    code: str
    name: str | None  # None: no series of that code in the plan
    unit: str | None


@dataclass(frozen=True)
class Sheet:
    indicator: Indicator
    owner_name: str | None  # the goal, objective, programme or activity it measures
    series: tuple[SeriesUse, ...]  # the series its formula reads, in formula order
    missing: tuple[SheetField, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


def missing(indicator: Indicator) -> tuple[SheetField, ...]:
    """The fields of the indicator's sheet left empty, in sheet order."""
    given = {
        SheetField.DEFINITION: _given(indicator.definition),
        SheetField.CALCULATION: _given(indicator.formula) or _given(indicator.calculation),
        SheetField.UNIT: _given(indicator.unit) or indicator.is_qualitative,
        SheetField.DATA_SOURCE: _given(indicator.data_source),
        SheetField.FREQUENCY: indicator.frequency is not None,
        SheetField.RESPONSIBLE: _given(indicator.responsible),
        SheetField.RATIONALE: _given(indicator.rationale),
    }
    return tuple(field for field in SheetField if not given[field])


def sheet(plan: Plan, indicator: Indicator) -> Sheet:
    """The definition sheet of one of the plan's indicators."""
    return Sheet(indicator, _owner_name(plan, indicator), _series(plan, indicator),
                 missing(indicator))


def sheets(plan: Plan, levels: Iterable[Level] | None = None) -> tuple[Sheet, ...]:
    """The sheets of the plan's indicators (of ``levels``, else all), in plan order."""
    wanted = set(levels) if levels is not None else set(Level)
    return tuple(sheet(plan, i) for i in plan.indicators if i.level in wanted)


def _given(text: str | None) -> bool:
    return bool(text and text.strip())


def _owner_name(plan: Plan, indicator: Indicator) -> str | None:
    owners: dict[Level, Mapping[str, Goal | Objective | Program | Activity]] = {
        Level.GOAL: plan.goal_by_code, Level.OBJECTIVE: plan.objective_by_code,
        Level.PROGRAM: plan.program_by_code, Level.ACTIVITY: plan.activity_by_code}
    found = owners[indicator.level].get(indicator.owner)
    return found.name if found is not None else None


def _series(plan: Plan, indicator: Indicator) -> tuple[SeriesUse, ...]:
    if not indicator.formula:
        return ()
    try:
        references = parse(indicator.formula).references
    except FormulaError:  # the plan checks refuse it; a sheet shows the text as written
        return ()
    codes = dict.fromkeys(ref.series for ref in references)
    found = plan.series_by_code
    return tuple(SeriesUse(code, s.name if (s := found.get(code)) else None,
                           s.unit if s else None) for code in codes)
