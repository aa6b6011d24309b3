"""The report a plan would make, reviewed as the inspectorate will review it.

Every figure Sakip computes is right by construction, but a plan also holds what the agency
typed: the supporting tables with their own total rows, the narratives with figures in their
sentences ("dari 10.090 menjadi 11.463 atau meningkat 11,98%"). The report checks
(``sakip.review.report``) read the report this plan makes — its HTML, read back as any
report is — so a typed total that does not add up or a percentage that does not follow is
found before the report is published, by the same rules the inspectorate's review applies,
not by a second copy of them.
"""

from __future__ import annotations

import dataclasses

from sakip.review.findings import Finding
from sakip.review.plan.context import PlanReview

PREFIX = "dalam laporan yang disusun dari rencana ini"


def printed(review: PlanReview) -> list[Finding]:
    """Every report check over the report this plan makes for the year reviewed, each finding
    placed in that report ("dalam laporan yang disusun dari rencana ini")."""
    from sakip.report import Options, build_report, render
    from sakip.review.report import review_document
    from sakip.review.report.checks.signatures import CODE as SIGNATURE_NAME_MISSING
    from sakip.review.report.html_reader import html_document

    if not review.plan.region.given:
        return []  # a plan made only to be measured makes no report (REPORT_NEEDS_REGION)
    document = build_report(review.plan, review.year, Options(charts=False))
    html = render(document, ".html").decode("utf-8")
    _, findings = review_document(html_document(html, "laporan"), review.year)
    # a name left blank is found at its source by ``signatories.names``, not once per block
    findings = [f for f in findings if f.code != SIGNATURE_NAME_MISSING]
    return [dataclasses.replace(f, location=dataclasses.replace(
        f.location, section=f"{PREFIX}, {f.location.section}" if f.location.section else PREFIX))
        for f in findings]
