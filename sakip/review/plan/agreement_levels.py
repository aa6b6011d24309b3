"""Perjanjian Kinerja per level: each lower PK serves an upper one, every unit's PK has its
signatory, every programme and activity is in a PK, every item has its target
(:mod:`sakip.core.agreement_levels` derives the PKs and finds the defects; here they become
findings)."""

from __future__ import annotations

from sakip.core.agreement_levels import derive
from sakip.review.findings import Finding, Location, Severity
from sakip.review.plan.context import PlanReview


def pk_levels(review: PlanReview) -> list[Finding]:
    """PLAN_PK_PROGRAM_SERVES, PLAN_PK_ACTIVITY_SERVES, PLAN_PK_TIER, PLAN_PK_NO_SIGNATORY,
    PLAN_PK_NO_UNIT, PLAN_PK_NO_TARGET (sakip.core.agreement_levels)."""
    return [Finding(d.code, Severity(d.severity), Location(record=d.record), d.message_id,
                    d.message_en, expected=d.expected, found=d.found)
            for d in derive(review.plan, review.year).defects]
