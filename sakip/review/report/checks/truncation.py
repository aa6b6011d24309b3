"""Figures cut off instead of rounded (94,54 for 94,547…), gathered into one finding."""

from __future__ import annotations

from sakip.review.findings import Finding, Location, Severity
from sakip.review.report.arithmetic import Status, n, recompute
from sakip.review.report.checks.budget_text import prose_absorption
from sakip.review.report.context import Report, cell_location
from sakip.review.report.totals import recompute_totals


def truncation(report: Report) -> list[Finding]:
    """TRUNCATION: percentages that only truncation reproduces; one finding for the report."""
    places: list[tuple[Location, str, str]] = []
    checked = 0
    for item in [*recompute(report), *recompute_totals(report)]:
        checked += 1
        if item.status is Status.TRUNCATED:
            places.append((cell_location(item.table, item.row, item.column), item.printed.text,
                           n(item.expected, item.printed.places)))
    for statement, expected, status in prose_absorption(report):
        checked += 1
        if status is Status.TRUNCATED and statement.percent is not None:
            places.append((Location(line=statement.passage.line), statement.percent.number.text,
                           n(expected, statement.percent.number.places)))
    if not places:
        return []
    listing = "; ".join(f"{where.render()}: {printed} (dibulatkan {right})"
                        for where, printed, right in places)
    return [Finding(
        "TRUNCATION", Severity.WARNING, places[0][0],
        f"{len(places)} dari {checked} angka yang dihitung ulang dipotong, bukan dibulatkan "
        f"(pembulatan setengah ke atas): {listing}.",
        f"{len(places)} of {checked} recomputed figures were truncated instead of rounded "
        "half-up.",
        expected="pembulatan setengah ke atas", found=f"{len(places)} angka dipotong",
        related=tuple(where for where, _, _ in places[1:]),
    )]
