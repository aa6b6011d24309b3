"""Budgets: present, adding up to the spending composition, within ceiling, low absorption
explained."""

from __future__ import annotations

from sakip.core import budget as core_budget
from sakip.core.enums import SpendingKind
from sakip.review.findings import Finding, Location, Severity
from sakip.review.plan.context import PlanReview, record, rupiah, show


def missing(review: PlanReview) -> list[Finding]:
    """PLAN_BUDGET_MISSING: activities without a budget for the year, once per program (the
    objective, goal and agency totals they leave short are not reported again)."""
    found = []
    lines = {line.code: line for line in review.measurement.budget}
    for program in review.plan.programs:
        line = lines.get(program.code)
        if line is None or not line.missing:
            continue
        activities = review.plan.activities_of(program.code)
        whole = len(line.missing) >= len(activities)
        names = ", ".join(line.missing)
        if whole:
            text_id = (f"Tidak ada pagu maupun realisasi anggaran {review.year} untuk program ini "
                       f"({len(line.missing)} kegiatan: {names}).")
        else:
            text_id = (f"{len(line.missing)} dari {len(activities)} kegiatan program ini tanpa "
                       f"pagu/realisasi {review.year}: {names}; jumlah program tidak lengkap.")
        found.append(Finding(
            "PLAN_BUDGET_MISSING", Severity.WARNING, record("program", program.code, program.name),
            text_id, f"No {review.year} budget for {len(line.missing)} activities: {names}.",
            expected="pagu dan realisasi setiap kegiatan", found=f"{len(line.missing)} kegiatan "
            "tanpa anggaran"))
    return found


def composition(review: PlanReview) -> list[Finding]:
    """PLAN_BUDGET_COMPOSITION: activity budgets do not add up to the direct spending line of
    the agency's spending composition (checked only when every activity has a budget)."""
    agency = next((b for b in review.measurement.budget if b.level == "agency"), None)
    direct = [s for s in review.plan.spending
              if s.year == review.year and s.kind is SpendingKind.DIRECT]
    if agency is None or agency.missing or len(direct) != 1:
        return []
    line = direct[0]
    found = []
    for field, word in (("ceiling", "pagu"), ("spent", "realisasi")):
        stated, total = getattr(line, field), getattr(agency, field)
        if stated is None or total is None or stated == total:
            continue
        found.append(Finding(
            "PLAN_BUDGET_COMPOSITION", Severity.ERROR,
            Location(record=f"komposisi belanja {review.year}: {line.label}"),
            f"Jumlah {word} seluruh kegiatan {rupiah(total)} tidak sama dengan {word} "
            f"{line.label} {rupiah(stated)} (selisih {rupiah(stated - total)}).",
            f"Activities' {field} total differs from the direct spending line.",
            expected=rupiah(total), found=rupiah(stated)))
    return found


def overspent(review: PlanReview) -> list[Finding]:
    """PLAN_OVERSPENT: spending above the ceiling, for an activity or a spending line."""
    found = []
    for budget in review.plan.budgets_of(review.year):
        ceiling, spent = budget.ceiling, budget.spent
        if ceiling is None or spent is None or not core_budget.overspent(ceiling, spent):
            continue
        activity = review.plan.activity_by_code.get(budget.activity)
        found.append(Finding(
            "PLAN_OVERSPENT", Severity.ERROR,
            record("kegiatan", budget.activity, activity.name if activity else None),
            f"Realisasi {rupiah(spent)} melebihi pagu {rupiah(ceiling)}.",
            "Spending exceeds the ceiling.", expected=f"≤ {rupiah(ceiling)}", found=rupiah(spent)))
    for line in review.plan.spending:
        ceiling, spent = line.ceiling, line.spent
        if line.year != review.year or ceiling is None or spent is None \
                or not core_budget.overspent(ceiling, spent):
            continue
        found.append(Finding(
            "PLAN_OVERSPENT", Severity.ERROR,
            Location(record=f"komposisi belanja {review.year}: {line.label}"),
            f"Realisasi {rupiah(spent)} melebihi anggaran {rupiah(ceiling)}.",
            "Spending exceeds the ceiling.", expected=f"≤ {rupiah(ceiling)}", found=rupiah(spent)))
    return found


def low_absorption(review: PlanReview) -> list[Finding]:
    """PLAN_LOW_ABSORPTION: an activity under the absorption threshold without explanation."""
    threshold = review.plan.settings.absorption_threshold
    found = []
    for item in review.measurement.low_absorption:
        if item.explanation and item.explanation.strip():
            continue
        found.append(Finding(
            "PLAN_LOW_ABSORPTION", Severity.WARNING, record("kegiatan", item.activity, item.name),
            f"Serapan {show(item.absorption)}% di bawah {show(threshold)}% tanpa penjelasan.",
            f"Absorption {item.absorption}% is under {threshold}% with no explanation.",
            expected="penjelasan", found=f"{show(item.absorption)}%"))
    return found
