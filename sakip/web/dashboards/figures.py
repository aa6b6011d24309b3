"""What the dashboards show, taken from the core measurement (no figure is computed here)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip.core import outliers
from sakip.core.budget import BudgetLine, below_threshold
from sakip.core.measure import IndicatorResult, Measurement
from sakip.core.model import Band, Plan
from sakip.core.scales import band_for
from sakip.web.dashboards import charts
from sakip.web.measuring import measured_years
from sakip.web.plans.models import Agency


@dataclass(frozen=True)
class Row:
    result: IndicatorResult
    color: str | None


def category_color(plan: Plan, result: IndicatorResult | None, value: Decimal | None = None) -> str | None:
    scale = plan.scale_by_code[plan.settings.category_scale]
    if result is not None:
        for band in scale.bands:
            if band.label == result.category:
                return band.color
        return None
    found: Band | None = band_for(scale, value)
    return found.color if found else None


def key_rows(plan: Plan, m: Measurement) -> list[Row]:
    """The key indicators exactly as the measurement counts them (the report's and the CLI's)."""
    return [Row(m.result(code), category_color(plan, m.result(code))) for code in m.key]


def why_text(result: IndicatorResult) -> str:
    from sakip.web.labels import why

    return why(result.why.value) if result.why else ""


def iku_chart(plan: Plan, rows: list[Row]) -> str:
    items = [charts.Bar(f"{r.result.code} {r.result.indicator.name}", r.result.achievement, r.color,
                        why_text(r.result)) for r in rows]
    return charts.bars(items, Decimal(100), "Capaian IKU (%)")


def absorption_chart(plan: Plan, m: Measurement) -> str:
    programs = [b for b in m.budget if b.level == "program" and b.ceiling is not None]
    items = [charts.Bar(f"{b.code} {b.name}", b.absorption,
                        "#e65100" if below_threshold(b.absorption, m.settings)
                        else "#2e7d32") for b in programs]
    return charts.bars(items, m.settings.absorption_threshold, "Serapan anggaran per program (%)",
                       limit=Decimal(110))


def trends(agency: Agency, plan: Plan, rows: list[Row]) -> list[tuple[IndicatorResult, str]]:
    """Each key indicator's targets and realisations over the Renstra's years, measured from the
    plan the page shows (measurements kept between requests)."""
    years = list(plan.strategic_plan.years)
    measured = measured_years(agency, plan, years)
    result = []
    for row in rows:
        code = row.result.code
        targets = [measured[y].result(code).target for y in years]
        actuals = [measured[y].result(code).actual for y in years]
        target_values = [t.value if t is not None else None for t in targets]
        svg = charts.trend(years, target_values, actuals, f"{code}: target dan realisasi",
                           row.result.indicator.unit)
        result.append((row.result, svg))
    return result


def programs(m: Measurement) -> list[BudgetLine]:
    return [b for b in m.budget if b.level == "program"]


@dataclass(frozen=True)
class Outlier:
    """An indicator dominating the agency's mean achievement (sakip.core.outliers), rounded as
    the plan rounds achievements, with the views offered instead of the mean."""

    result: IndicatorResult
    found: outliers.Dominant  # rounded
    cap: Decimal | None  # the plan's cap in means (settings.cap); None: the plan sets none


def outlier(plan: Plan, m: Measurement) -> Outlier | None:
    found = outliers.in_group(m, plan.agency.code)
    if found is None:
        return None
    return Outlier(m.result(found.code), found.rounded(m.settings), m.settings.cap)
