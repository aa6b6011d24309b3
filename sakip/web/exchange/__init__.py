"""Workbook import and export, report download and review findings, from the pages. Each view
calls the library's own function (sakip.io.workbook, sakip.report, sakip.review)."""

from __future__ import annotations

from typing import Any


def review_findings(agency: Any, year: int) -> Any:
    """The review's findings for an agency-year (None while the review is not available)."""
    from sakip.web.exchange.capabilities import findings
    from sakip.web.workflow.snapshots import plan_for

    return findings(plan_for(agency, year), year)
