"""How complete an agency's entry of a period is: the share of its indicators with a
realisation, of its budget lines with spending, and of those realisations with evidence — the
one place these are counted (the dashboards, the entry windows' missing list, "tugas saya" and
the deadline reminders read them). Bounded: five queries for any number of agencies.

What a period asks of a record (docs/monitoring.md): an indicator with a target in the year, or
a budget line with a ceiling, reports by quarters unless it has a record of a month that year.
For a quarter, a quarterly one needs the quarter's value, a monthly one each of its three
months; for a month, a monthly one needs the month's value, a quarterly one the quarter's value
when the month ends a quarter (and nothing otherwise).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sakip.core.periods import Period
from sakip.web.labels import language
from sakip.web.plans.models import ANNUAL, Actual, Budget, Indicator, Target
from sakip.web.workflow.support import with_evidence as supported

Slot = tuple[int, int]  # (quarter or 0, month or 0) as the tables store a period


def label(period: Period) -> str:
    """A period's name in the page's language."""

    return period.label(language())


def share(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` in %, one decimal; None when nothing is asked."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class Completeness:
    """One agency's entry of one period."""

    agency: int  # Agency.pk
    period: Period
    indicators: int = 0  # asked for a realisation in this period
    filled: int = 0
    budgets: int = 0  # budget lines asked for spending in this period
    spent: int = 0
    evidenced: int = 0  # of the filled realisations, those with an evidence file
    missing_indicators: list[str] = field(default_factory=list)  # codes
    missing_budgets: list[str] = field(default_factory=list)  # activity codes

    @property
    def label(self) -> str:
        return label(self.period)

    @property
    def indicator_share(self) -> Decimal | None:
        return share(self.filled, self.indicators)

    @property
    def budget_share(self) -> Decimal | None:
        return share(self.spent, self.budgets)

    @property
    def evidence_share(self) -> Decimal | None:
        return share(self.evidenced, self.filled)

    @property
    def missing(self) -> int:
        return len(self.missing_indicators) + len(self.missing_budgets)


def asked(monthly: bool, period: Period) -> list[Slot]:
    """The records a period asks of one indicator or budget line (see the module's docstring)."""
    if period.months == 3:
        quarter = period.end // 3
        return [(0, m) for m in range(3 * quarter - 2, 3 * quarter + 1)] if monthly else [(quarter, 0)]
    if monthly:
        return [(0, period.end)]
    return [(period.end // 3, 0)] if period.end % 3 == 0 else []


def compute(agencies: Iterable[int], year: int,
            periods: Iterable[Period]) -> dict[tuple[int, Period], Completeness]:
    """Each agency's completeness of each period of ``year``."""
    ids = list(agencies)
    periods = list(periods)
    codes, owner = {}, {}
    for pk, agency, code in Indicator.objects.filter(agency__in=ids).values_list(
            "pk", "agency_id", "code"):
        codes[pk], owner[pk] = code, agency
    targeted: set[int] = set()
    monthly: set[int] = set()
    for indicator, month, value, text in Target.objects.filter(
            indicator__agency__in=ids, year=year).values_list("indicator_id", "month", "value",
                                                               "text"):
        if value is not None or text is not None:
            targeted.add(indicator)
        if month != ANNUAL:
            monthly.add(indicator)
    values: dict[tuple[int, Slot], int] = {}  # filled slot → the Actual's pk
    for pk, indicator, quarter, month, value, text in Actual.objects.filter(
            indicator__agency__in=ids, year=year).values_list(
            "pk", "indicator_id", "period", "month", "value", "text"):
        if month != ANNUAL:
            monthly.add(indicator)
        if value is not None or text is not None:
            values[(indicator, (quarter, month))] = pk
    with_evidence = supported(Actual.objects.filter(indicator__agency__in=ids, year=year))
    lines: dict[int, tuple[int, str]] = {}  # activity → (agency, code), with a ceiling
    budget_monthly: set[int] = set()
    spent: set[tuple[int, Slot]] = set()
    for activity, agency, code, quarter, month, ceiling, amount in Budget.objects.filter(
            activity__agency__in=ids, year=year).values_list(
            "activity_id", "activity__agency_id", "activity__code", "period", "month", "ceiling",
            "spent"):
        if quarter == 0 and month == 0 and ceiling is not None:
            lines[activity] = (agency, code)
        if month != 0:
            budget_monthly.add(activity)
        if amount is not None:
            spent.add((activity, (quarter, month)))
    result = {(agency, period): Completeness(agency, period) for agency in ids
              for period in periods}
    for indicator in sorted(targeted, key=lambda pk: codes.get(pk, "")):
        if indicator not in owner:
            continue
        for period in periods:
            slots = asked(indicator in monthly, period)
            if not slots:
                continue
            entry = result[(owner[indicator], period)]
            entry.indicators += 1
            rows = [values.get((indicator, slot)) for slot in slots]
            if all(row is not None for row in rows):
                entry.filled += 1
                entry.evidenced += any(row in with_evidence for row in rows)
            else:
                entry.missing_indicators.append(codes[indicator])
    for activity, (agency, code) in sorted(lines.items(), key=lambda item: item[1][1]):
        for period in periods:
            slots = asked(activity in budget_monthly, period)
            if not slots:
                continue
            entry = result[(agency, period)]
            entry.budgets += 1
            if all((activity, slot) in spent for slot in slots):
                entry.spent += 1
            else:
                entry.missing_budgets.append(code)
    return result


def by_period(agency: int, year: int, periods: Iterable[Period]) -> list[Completeness]:
    """One agency's completeness of each period, in calendar order."""
    periods = sorted(periods)
    found = compute([agency], year, periods)
    return [found[(agency, period)] for period in periods]


def shown_periods(region_id: int, year: int) -> list[Period]:
    """The periods a region's year is followed by: its windows', else the four quarters."""
    from sakip.web.monitoring.models import Window

    found = sorted(w.period for w in Window.objects.filter(region_id=region_id, year=year))
    return found or [p for q in (1, 2, 3, 4) if (p := Period.of(q, None)) is not None]

