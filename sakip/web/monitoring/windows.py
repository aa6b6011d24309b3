"""Entry windows: which window covers a record of a period, the deadline that holds for an
agency, and whether its entry is closed (docs/monitoring.md).

A region's windows of a year are all quarters or all months. A month's record belongs to its
month's window, or to its quarter's when the windows are quarterly; a quarter's record to its
quarter's window, or to the window of its last month when the windows are monthly. The deadline
for an agency is the one set by the latest event that applies to it (a deadline set or a closing
for all agencies, a reopening for it or for all).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from sakip.core.periods import Period
from sakip.web.monitoring.models import Action, Window, WindowEvent
from sakip.web.plans.models import Agency, Region
from sakip.web.plans.models.region import touch_region

PeriodKey = tuple[int, int | None, int | None]  # (year, quarter, month) of a record


@dataclass(frozen=True)
class Standing:
    """A window as it stands for one agency."""

    window: Window
    deadline: datetime  # for this agency
    reopened: bool  # the deadline comes from a reopening

    @property
    def closed(self) -> bool:
        return timezone.now() > self.deadline


def slug(period: Period) -> str:
    """``tw3`` for Triwulan III, ``b7`` for July: the period in URLs."""
    return f"tw{period.quarter}" if period.quarter is not None else f"b{period.month}"


def from_slug(text: str) -> Period | None:
    if text.startswith("tw") and text[2:] in ("1", "2", "3", "4"):
        return Period.of(int(text[2:]), None)
    if text.startswith("b") and text[1:].isdigit() and 1 <= int(text[1:]) <= 12:
        return Period.of(None, int(text[1:]))
    return None


def covering(windows: Iterable[Window], period: Period) -> Window | None:
    """The window whose entry a record of ``period`` belongs to."""
    by_end = {(w.end, w.period.months): w for w in windows}
    if period.months == 1:
        return by_end.get((period.end, 1)) or by_end.get((3 * period.in_quarter, 3))
    return by_end.get((period.end, 3)) or by_end.get((period.end, 1))


def windows_of(region: Region | int, years: Iterable[int]) -> list[Window]:
    """The windows of a region's years, each with its events loaded (two queries)."""
    region_id = region if isinstance(region, int) else region.pk
    return list(Window.objects.filter(region_id=region_id, year__in=list(years))
                .prefetch_related("events"))


def standing(window: Window, agency: Agency | int) -> Standing:
    """The window as it stands for ``agency`` (its events prefetched or not)."""
    agency_id = agency if isinstance(agency, int) else agency.pk
    latest = None
    for event in window.events.all():  # ordered by id
        if event.agency_id is None or event.agency_id == agency_id:
            latest = event
    if latest is None:
        return Standing(window, window.deadline, False)
    return Standing(window, latest.deadline, latest.action == Action.REOPEN)


def closed(agency: Agency, keys: Iterable[PeriodKey]) -> dict[PeriodKey, Standing]:
    """Of the periods ``keys`` (records' year, quarter, month), those whose entry is closed for
    ``agency``, with their window as it stands."""
    wanted = {key for key in keys if key[1] is not None or key[2] is not None}
    if not wanted:
        return {}
    windows = windows_of(agency.region_id, {year for year, _, _ in wanted})
    found = {}
    for year, quarter, month in wanted:
        period = Period.of(quarter, month)
        assert period is not None
        window = covering([w for w in windows if w.year == year], period)
        if window is None:
            continue
        state = standing(window, agency)
        if state.closed:
            found[(year, quarter, month)] = state
    return found


def granularity(region: Region, year: int) -> int | None:
    """3 when the region's windows of ``year`` are quarters, 1 when months, None without any."""
    first = Window.objects.filter(region=region, year=year).first()
    return None if first is None else first.period.months


class Refused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def set_deadline(region: Region, year: int, period: Period, deadline: datetime, user: Any,
                 reason: str = "") -> Window:
    """Open (or move) the window of ``period`` for every agency: entry closes at ``deadline``."""
    from django.utils.translation import gettext

    months = granularity(region, year)
    if months is not None and months != period.months:
        raise Refused(gettext("Jadwal tahun %(year)s sudah per %(kind)s: semua periode satu tahun "
                              "memakai jenis yang sama.")
                      % {"year": year, "kind": gettext("triwulan") if months == 3
                         else gettext("bulan")})
    window, created = Window.objects.update_or_create(
        region=region, year=year, quarter=period.quarter or 0, month=period.month or 0,
        defaults={"deadline": deadline})
    if created:  # a period the region's year is followed by from now: pages kept without it go
        touch_region(region)
    WindowEvent.objects.create(window=window, action=Action.SET, deadline=deadline,
                               reason=reason, by=user)
    return window


@transaction.atomic
def close(window: Window, user: Any, reason: str = "", agency: Agency | None = None) -> None:
    """Close the window now, for one agency or for all."""
    now = timezone.now()
    if agency is None:
        window.deadline = now
        window.save(update_fields=["deadline"])
    WindowEvent.objects.create(window=window, agency=agency, action=Action.CLOSE, deadline=now,
                               reason=reason, by=user)


@transaction.atomic
def reopen(window: Window, user: Any, reason: str, deadline: datetime,
           agency: Agency | None = None) -> None:
    """Open the window again until ``deadline``, for one agency or for all; a reason is
    required. What is saved meanwhile is late (after the window's own deadline)."""
    from django.utils.translation import gettext

    if not reason.strip():
        raise Refused(gettext("Alasan wajib diisi untuk membuka kembali."))
    if deadline <= timezone.now():
        raise Refused(gettext("Batas waktu baru harus sesudah saat ini."))
    WindowEvent.objects.create(window=window, agency=agency, action=Action.REOPEN,
                               deadline=deadline, reason=reason.strip(), by=user)


def key_period(key: str, year: int) -> Period | None:
    """The period of a record from its audit key (``realisasi:IKU-01:2020:3``,
    ``anggaran:K1:2020:b7``; ``sakip.web.plans.write.audit_key``); None for a whole year."""
    parts = key.split(":")
    last = parts[-1]
    if last.startswith("b") and last[1:].isdigit():
        return Period.of(None, int(last[1:]))
    if len(parts) >= 4 and parts[-2] == str(year) and last in ("1", "2", "3", "4"):
        return Period.of(int(last), None)
    return None


@dataclass(frozen=True)
class Late:
    """A value of a period saved after the period's deadline (during a reopening)."""

    agency: int
    label: str
    at: datetime
    by: str


def late_entries(region: Region, year: int, listed: list[Window]) -> dict[tuple[int, int], list[Late]]:
    """(window pk, agency pk) → the values of its periods saved after the window's deadline
    (one query)."""
    from sakip.web.workflow.models import AuditEntry

    if not listed:
        return {}
    found: dict[tuple[int, int], dict[str, Late]] = {}  # a record once, at its last late save
    entries = (AuditEntry.objects.filter(region=region, year=year, agency__isnull=False,
                                         at__gt=min(w.deadline for w in listed))
               .filter(key__regex=r"^(realisasi|target|anggaran):")
               .values_list("agency_id", "key", "label", "at", "user__username").order_by("at"))
    for agency, key, label, at, by in entries:
        period = key_period(key, year)
        window = covering(listed, period) if period is not None else None
        if window is None or at <= window.deadline:
            continue
        found.setdefault((window.pk, agency), {})[label] = Late(agency, label, at, by or "—")
    return {place: list(records.values()) for place, records in found.items()}
