"""The plan model as tables; one module per part of the plan."""

from sakip.web.plans.models.agency import Agency, Revision, StrategicPlan, Unit
from sakip.web.plans.models.documents import (
    AgreementItem,
    AgreementVersion,
    Narrative,
    SupportingCell,
    SupportingTable,
)
from sakip.web.plans.models.indicators import ANNUAL, Actual, Indicator, Series, SeriesValue, Target
from sakip.web.plans.models.money import Budget, SpendingLine
from sakip.web.plans.models.region import Band, Mission, Region, Scale
from sakip.web.plans.models.rpjmd import (
    Contribution,
    RegionActual,
    RegionGoal,
    RegionIndicator,
    RegionObjective,
    RegionTarget,
)
from sakip.web.plans.models.structure import Activity, Goal, Objective, Program, Strategy

__all__ = [
    "ANNUAL", "Activity", "Actual", "Agency", "AgreementItem", "AgreementVersion", "Band",
    "Budget", "Contribution", "Goal", "Indicator", "Mission", "Narrative", "Objective", "Program", "Region",
    "RegionActual", "RegionGoal", "RegionIndicator", "RegionObjective", "RegionTarget",
    "Revision", "Scale", "Series", "SeriesValue", "SpendingLine", "StrategicPlan", "Strategy",
    "SupportingCell", "SupportingTable", "Target", "Unit",
]
