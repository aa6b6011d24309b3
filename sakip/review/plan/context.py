"""What the plan checks share: the plan, the year reviewed and its measurement."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip.core.enums import Level
from sakip.core.measure import Measurement, measure
from sakip.core.model import Indicator, Plan
from sakip.io.idnum import format_id
from sakip.review.findings import Location

LEVEL_ID = {Level.GOAL: "tujuan", Level.OBJECTIVE: "sasaran", Level.PROGRAM: "program",
            Level.ACTIVITY: "kegiatan"}


@dataclass(frozen=True)
class PlanReview:
    plan: Plan
    year: int
    measurement: Measurement

    @classmethod
    def of(cls, plan: Plan, year: int) -> PlanReview:
        return cls(plan, year, measure(plan, year))

    @property
    def strategic(self) -> list[Indicator]:
        """Goal and objective indicators."""
        return [i for i in self.plan.indicators if i.level in (Level.GOAL, Level.OBJECTIVE)]

    @property
    def key(self) -> list[Indicator]:
        """The key indicators as the measurement counts them (:func:`key_results`)."""
        return [self.measurement.result(code).indicator for code in self.measurement.key]


def indicator_at(indicator: Indicator) -> Location:
    return Location(record=f"indikator {indicator.code} ({indicator.name[:70]})")


def record(kind: str, code: str, name: str | None = None) -> Location:
    return Location(record=f"{kind} {code}" + (f" ({name[:70]})" if name else ""))


def show(value: Decimal, places: int | None = None) -> str:
    """A figure in Indonesian form with the decimals it has (or ``places``)."""
    return format_id(value, places)


def rupiah(value: Decimal) -> str:
    return "Rp " + format_id(value, 0)
