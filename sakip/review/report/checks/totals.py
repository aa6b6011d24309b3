"""Total rows add up; average rows are the mean of the rows above."""

from __future__ import annotations

from sakip.review.findings import Finding, Severity
from sakip.review.report import cells as C
from sakip.review.report.arithmetic import Status, n
from sakip.review.report.context import Report, cell_location
from sakip.review.report.totals import recompute_totals


def totals(report: Report) -> list[Finding]:
    """TOTAL_SUM: a jumlah/total row that is not the sum of its rows.
    AVERAGE_ROW: a rata-rata row that is not the mean of the available figures above it."""
    found = []
    for item in recompute_totals(report):
        if item.status is not Status.WRONG:
            continue
        where = cell_location(item.table, item.row, item.column)
        if item.kind == "jumlah":
            places = 0 if item.expected == item.expected.to_integral_value() else 2
            expected = C.fmt(item.expected, places)
            difference = C.fmt(item.printed.value - item.expected, places)
            found.append(Finding(
                "TOTAL_SUM", Severity.ERROR, where,
                f"Baris '{item.row.where}' mencetak {item.printed.text}, padahal {item.formula} "
                f"= {expected} (selisih {difference}).",
                f"Row '{item.row.where}' prints {item.printed.text}; the rows add up to "
                f"{expected}.",
                expected=expected, found=item.printed.text,
            ))
        else:
            found.append(Finding(
                "AVERAGE_ROW", Severity.ERROR, where,
                f"Baris '{item.row.where}' mencetak {item.printed.text}, padahal {item.formula} "
                f"= {n(item.expected)}.",
                f"Row '{item.row.where}' prints {item.printed.text}; the mean is "
                f"{n(item.expected)}.",
                expected=n(item.expected), found=item.printed.text,
            ))
    return found
