"""Integrity of a loaded plan: every reference resolves, every year lies in the plan's period.

These make a file invalid (it cannot be measured as written). Questions of quality — a missing
explanation, a PK target that differs from the Renstra — are the review's (``sakip.review``).
"""

from __future__ import annotations

from collections import Counter

from sakip.core.formula import FormulaError, parse
from sakip.core.model import Plan
from sakip.io.yamlnode import Collector

Lines = dict[tuple[str, str], tuple[str, int | None]]


def check_plan(plan: Plan, collector: Collector, lines: Lines | None = None) -> None:
    where = lines or {}

    def error(kind: str, code: str, problem: str, message_id: str, message_en: str) -> None:
        path, line = where.get((kind, code), (f"{kind} {code}", None))
        collector.add(problem, message_id, message_en, path, line)

    period = plan.strategic_plan
    years = range(period.start, period.end + 1)
    missions = {m.code for m in plan.region.missions}
    units = {u.code for u in plan.agency.units}
    all_codes = (
        set(plan.goal_by_code) | set(plan.objective_by_code) | set(plan.program_by_code)
        | set(plan.activity_by_code) | set(plan.indicator_by_code)
    )

    for goal in plan.goals:
        if goal.mission is not None and goal.mission not in missions:
            error("tujuan", goal.code, "PLAN_UNKNOWN_MISSION",
                  f"misi '{goal.mission}' tidak ada di region.missions",
                  f"mission '{goal.mission}' is not in region.missions")
    for program in plan.programs:
        if program.objective is not None and program.objective not in plan.objective_by_code:
            error("program", program.code, "PLAN_UNKNOWN_OBJECTIVE",
                  f"sasaran '{program.objective}' tidak dikenal",
                  f"unknown objective '{program.objective}'")
        if program.unit is not None and program.unit not in units:
            error("program", program.code, "PLAN_UNKNOWN_UNIT", f"unit '{program.unit}' tidak dikenal",
                  f"unknown unit '{program.unit}'")
    for activity in plan.activities:
        if activity.unit is not None and activity.unit not in units:
            error("kegiatan", activity.code, "PLAN_UNKNOWN_UNIT", f"unit '{activity.unit}' tidak dikenal",
                  f"unknown unit '{activity.unit}'")
    for strategy in plan.strategies:
        for objective in strategy.objectives:
            if objective not in plan.objective_by_code:
                error("strategi", strategy.code, "PLAN_UNKNOWN_OBJECTIVE",
                      f"sasaran '{objective}' tidak dikenal", f"unknown objective '{objective}'")

    for indicator in plan.indicators:
        code = indicator.code
        for year, count in Counter(t.year for t in indicator.targets).items():
            if count > 1:
                error("indikator", code, "PLAN_DUPLICATE_YEAR", f"target tahun {year} ditulis dua kali",
                      f"target for {year} given twice")
        for (year, quarter), count in Counter((a.year, a.quarter) for a in indicator.actuals).items():
            if count > 1:
                error("indikator", code, "PLAN_DUPLICATE_YEAR",
                      f"realisasi {year}{f' triwulan {quarter}' if quarter else ''} ditulis dua kali",
                      f"realisation for {year}{f' Q{quarter}' if quarter else ''} given twice")
        for year in sorted({t.year for t in indicator.targets} | {a.year for a in indicator.actuals}):
            if year not in years:
                error("indikator", code, "PLAN_YEAR_OUTSIDE_PERIOD",
                      f"tahun {year} di luar periode Renstra {period.start}–{period.end}",
                      f"year {year} is outside the plan period {period.start}–{period.end}")
        if indicator.formula is not None:
            try:
                formula = parse(indicator.formula)
            except FormulaError as exc:
                error("indikator", code, "PLAN_BAD_FORMULA", f"rumus tidak dapat dibaca: {exc}",
                      f"formula cannot be read: {exc}")
                continue
            for ref in formula.references:
                if ref.series not in plan.series_by_code:
                    error("indikator", code, "PLAN_UNKNOWN_SERIES",
                          f"rumus memakai seri data '{ref.series}' yang tidak ada di series",
                          f"formula uses data series '{ref.series}' which is not in series")

    for budget in plan.budgets:
        if budget.year not in years:
            error("kegiatan", budget.activity, "PLAN_YEAR_OUTSIDE_PERIOD",
                  f"anggaran tahun {budget.year} di luar periode Renstra",
                  f"budget year {budget.year} is outside the plan period")
        for name, value in (("ceiling", budget.ceiling), ("spent", budget.spent),
                            ("ceiling_original", budget.ceiling_original)):
            if value is not None and value < 0:
                error("kegiatan", budget.activity, "PLAN_NEGATIVE_BUDGET",
                      f"anggaran ({name}) tidak boleh negatif", f"budget ({name}) cannot be negative")
    for (code, budget_year), count in Counter((b.activity, b.year) for b in plan.budgets).items():
        if count > 1:
            error("kegiatan", code, "PLAN_DUPLICATE_YEAR", f"anggaran tahun {budget_year} ditulis dua kali",
                  f"budget for {budget_year} given twice")

    for agreement in plan.agreements:
        label = f"{agreement.year}/{agreement.number}"
        if agreement.year not in years:
            collector.add("PLAN_YEAR_OUTSIDE_PERIOD",
                          f"perjanjian kinerja {label}: tahun di luar periode Renstra",
                          f"performance agreement {label}: year outside the plan period",
                          f"agreements {label}")
        for item in agreement.items:
            if item.indicator not in plan.indicator_by_code:
                collector.add("PLAN_UNKNOWN_INDICATOR",
                              f"perjanjian kinerja {label}: target untuk indikator "
                              f"'{item.indicator}' yang tidak ada",
                              f"performance agreement {label}: target for unknown "
                              f"indicator '{item.indicator}'",
                              f"agreements {label}")
    for key, count in Counter((a.year, a.number) for a in plan.agreements).items():
        if count > 1:
            collector.add("PLAN_DUPLICATE_CODE",
                          f"perjanjian kinerja {key[0]} nomor {key[1]} ditulis dua kali",
                          f"performance agreement {key[0]} number {key[1]} given twice", "agreements")

    for subject in [t.subject for t in plan.tables] + [n.subject for n in plan.narratives]:
        if subject is not None and subject not in all_codes:
            collector.add("PLAN_UNKNOWN_SUBJECT", f"subject '{subject}' tidak dikenal",
                          f"unknown subject '{subject}'", "tables/narratives")

    scales = plan.scale_by_code
    for name, code in (("predicate_scale", plan.settings.predicate_scale),
                       ("category_scale", plan.settings.category_scale)):
        if code not in scales:
            collector.add("PLAN_UNKNOWN_SCALE", f"skala '{code}' tidak dikenal ({', '.join(scales)})",
                          f"unknown scale '{code}' ({', '.join(scales)})", f"settings.{name}")
