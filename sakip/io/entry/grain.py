"""Whether a row of an entry workbook can be entered for its period.

One indicator's (or activity's) periods of a year are quarters or months, not a mix (the plan
check ``PLAN_PERIOD_MIX``). A quarterly workbook's row for an indicator already entered by month
is therefore shown, its quarter composed from its months by the indicator's rule, but not
opened for entry; a monthly workbook's row for one entered by quarter likewise.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sakip.io.entry.period import EntryPeriod

BY_MONTH = "Diisi per bulan: unduh buku kerja isian bulanan."
BY_QUARTER = "Diisi per triwulan: unduh buku kerja isian triwulanan."


def closed(records: Iterable[Any], period: EntryPeriod) -> str | None:
    """Why a row whose records of the year are ``records`` cannot be entered for ``period``
    (the text shown in it); None when it can."""
    if period.period is None:
        return None
    year = [x for x in records if x.year == period.year]
    if period.quarter is not None and any(x.month is not None for x in year):
        return BY_MONTH
    if period.month is not None and any(x.quarter is not None for x in year):
        return BY_QUARTER
    return None
