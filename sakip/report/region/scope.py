"""What the LKjIP Pemda's chapter builders read: the region measured, its history, its agencies.

``ctx`` is the agency report's :class:`~sakip.report.context.Context` over the RPJMD as a plan
(:func:`sakip.core.region_measure.region_plan`), so the agency report's sentences
(:mod:`sakip.report.narrative`) and cells (:class:`~sakip.report.format.Formatter`) serve the IKU
Pemda unchanged; builders compute no figure of their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from sakip.core.model import Plan, Region
from sakip.core.region_measure import RegionMeasurement
from sakip.report.context import Context
from sakip.report.model import Align, Cell


@dataclass(frozen=True, eq=False)
class Scope:
    ctx: Context
    rm: RegionMeasurement
    plans: tuple[Plan, ...]

    @property
    def region(self) -> Region:
        return self.rm.region

    def plan_of(self, agency: str) -> Plan | None:
        return self._plans.get(agency)

    @cached_property
    def _plans(self) -> dict[str, Plan]:
        return {plan.agency.code: plan for plan in self.plans}

    @property
    def head_title(self) -> str:
        """"Bupati Belitung": the head's title with the region's name without its kind."""
        name = self.region.name
        for kind in ("Kabupaten ", "Kota ", "Provinsi "):
            name = name.removeprefix(kind)
        return f"{self.region.head_title} {name}".strip()


def head(*texts: str) -> tuple[Cell, ...]:
    return tuple(Cell(text, bold=True, align=Align.CENTER) for text in texts)
