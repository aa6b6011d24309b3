"""Perjanjian Kinerja: its targets are the IKU's for the year; what changed between versions."""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from sakip.core.model import AgreementItem, AgreementVersion, Indicator, Target
from sakip.review.findings import Finding, Location, Severity
from sakip.review.plan.context import PlanReview, indicator_at, show


def _show(value: Decimal | None, text: str | None, indicator: Indicator | None = None) -> str:
    """A target or PK target as printed: aligned with the indicator's targets (5,0 beside 4,8)."""
    if value is None:
        return text or "-"
    return show(value, indicator.target_places(value) if indicator is not None else None)


def _same(item: AgreementItem, target: Target) -> bool:
    if item.target is not None or target.value is not None:
        return item.target is not None and target.value is not None and item.target == target.value
    return (item.target_text or "").strip().casefold() == (target.text or "").strip().casefold()


def _versions(review: PlanReview) -> list[AgreementVersion]:
    return sorted((a for a in review.plan.agreements if a.year == review.year),
                  key=lambda a: a.number)


def pk_targets(review: PlanReview) -> list[Finding]:
    """PLAN_PK_TARGET: a PK target differs from the indicator's (IKU/Renstra) target for the year.
    PLAN_PK_MISSING: no PK for the year, or an IKU left out of the PK in force."""
    plan, year = review.plan, review.year
    versions = _versions(review)
    if not versions:
        return [Finding(
            "PLAN_PK_MISSING", Severity.WARNING, Location(record=f"perjanjian kinerja {year}"),
            f"Tidak ada Perjanjian Kinerja tahun {year}.", f"There is no PK for {year}.",
            expected=f"PK {year}", found="tidak ada")]
    current = versions[-1]
    label = "PK" if current.number == 0 else f"Perubahan PK ke-{current.number}"
    found = []
    for item in current.items:
        indicator = plan.indicator_by_code.get(item.indicator)
        if indicator is None:
            continue  # the loader reports unknown codes
        target = indicator.target(year)
        agreed_target = _show(item.target, item.target_text, indicator)
        if target is None:
            found.append(Finding(
                "PLAN_PK_TARGET", Severity.ERROR, indicator_at(indicator),
                f"{label} {year} menargetkan {agreed_target}, tetapi "
                f"indikator ini tidak punya target {year} di Renstra/IKU.",
                f"The {year} PK sets a target but the indicator has none for {year}.",
                expected="target Renstra/IKU", found=agreed_target))
        elif not _same(item, target):
            planned = _show(target.value, target.text, indicator)
            found.append(Finding(
                "PLAN_PK_TARGET", Severity.ERROR, indicator_at(indicator),
                f"Target {label} {year} {agreed_target} berbeda dengan "
                f"target Renstra/IKU {planned}.",
                f"The {year} PK target differs from the Renstra/IKU target.",
                expected=planned, found=agreed_target))
    agreed = {item.indicator for item in current.items}
    for indicator in review.key:
        if indicator.code not in agreed and indicator.target(year) is not None:
            found.append(Finding(
                "PLAN_PK_MISSING", Severity.WARNING, indicator_at(indicator),
                f"Indikator kinerja utama ini tidak tercantum dalam {label} {year}.",
                f"This key indicator is not in the {year} PK in force.",
                expected=f"tercantum dalam {label}", found="tidak tercantum"))
    return found


def pk_changes(review: PlanReview) -> list[Finding]:
    """PLAN_PK_CHANGED: what an amended PK changed from the version before it (info), or that
    the earlier version holds no targets to compare."""
    versions = _versions(review)
    found = []
    for before, after in pairwise(versions):
        where = Location(record=f"perjanjian kinerja {review.year} versi {after.number}")
        if not before.items:
            found.append(Finding(
                "PLAN_PK_CHANGED", Severity.INFO, where,
                f"PK {review.year} versi {before.number} tidak memuat target, sehingga perubahan "
                f"pada versi {after.number} tidak dapat dibandingkan.",
                f"PK version {before.number} holds no targets; the amendment cannot be compared.",
                expected="target setiap versi", found="versi tanpa target"))
            continue
        old = {i.indicator: i for i in before.items}
        new = {i.indicator: i for i in after.items}
        changes = []
        for code in sorted(old.keys() | new.keys()):
            a, b = old.get(code), new.get(code)
            indicator = review.plan.indicator_by_code.get(code)
            if a is None and b is not None:
                changes.append(f"{code} ditambahkan ({_show(b.target, b.target_text, indicator)})")
            elif b is None and a is not None:
                changes.append(f"{code} dihapus")
            elif a is not None and b is not None and (a.target, a.target_text) != (
                    b.target, b.target_text):
                changes.append(f"{code}: {_show(a.target, a.target_text, indicator)} → "
                               f"{_show(b.target, b.target_text, indicator)}")
        if changes:
            reason = f" Alasan: {after.reason}." if after.reason else " Alasan tidak dicatat."
            found.append(Finding(
                "PLAN_PK_CHANGED", Severity.INFO, where,
                f"Perubahan PK {review.year} versi {after.number}: {'; '.join(changes)}.{reason}",
                f"PK {review.year} version {after.number} changed: {'; '.join(changes)}.",
                found="; ".join(changes)))
    return found
