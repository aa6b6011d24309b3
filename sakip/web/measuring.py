"""The one way the web application gets figures: rows → core plan → core measurement.

A measurement is kept per agency and year in this process and used again while what it was
computed from is unchanged: the agency's rows at their ``stamp`` (every write through
:mod:`sakip.web.plans.write` gives a new one) with the region's records and scales at the
region's ``stamp`` (every writer of them gives a new one), or, for an approved year, its
snapshot. So no page shows a stale figure and none
recomputes one that cannot have changed. :func:`measured_many` measures a region's agencies
in a number of queries that does not grow with the number of agencies.
"""

from __future__ import annotations

import functools
import os
import re
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from sakip.core.measure import Measurement, measure
from sakip.core.model import Plan
from sakip.web.plans.models import Agency

# (agency, year, source kind, stamp or hash) → (what the plan was read from, measurement)
_KEPT: OrderedDict[tuple[int, int, object, object], tuple[object, Measurement]] = OrderedDict()
# id(plan) → (plan, what it was read from), for the plans measured_many gave
_SOURCES: OrderedDict[int, tuple[Plan, tuple[object, ...]]] = OrderedDict()
_KEEP = 256  # measurements this process keeps
_KEEP_PLANS = 32  # plans it remembers the source of (the requests in flight)


def measured(agency: Agency, year: int) -> tuple[Plan, Measurement]:
    """The plan a year is measured from (its snapshot while approved) and its measurement."""
    return measured_many([agency], year)[agency.pk]


def measured_many(agencies: Iterable[Agency], year: int) -> dict[int, tuple[Plan, Measurement]]:
    """:func:`measured` of several agencies: each agency's pk → (plan, measurement)."""
    agencies = list(agencies)
    found = _measured_pairs([(a, year) for a in agencies])
    return {a.pk: found[(a.pk, year)] for a in agencies}


def measured_years(agency: Agency, plan: Plan, years: Iterable[int]) -> dict[int, Measurement]:
    """Several years measured from one plan that :func:`measured` gave (a trend on a dashboard:
    the published year's snapshot gives the other years too, never the draft rows), each kept
    like the plan's own year."""
    source = _SOURCES.get(id(plan))
    key = source[1] if source is not None and source[0] is plan else None
    return {year: _measure(agency.pk, year, plan, key) for year in years}


def _measured_pairs(pairs: list[tuple[Agency, int]]
                    ) -> dict[tuple[int, int], tuple[Plan, Measurement]]:
    """Each (agency, year)'s plan and measurement, in a number of queries that does not grow
    with the number of pairs."""
    from sakip.web.plans.convert import stamped_plans
    from sakip.web.workflow.models import AgencyYear, Snapshot, State
    from sakip.web.workflow.snapshots import plan_for, snapshot_plan

    if not pairs:
        return {}
    agencies = {a.pk: a for a, _ in pairs}
    years = {y for _, y in pairs}
    approved = set(AgencyYear.objects.filter(agency_id__in=list(agencies), year__in=years,
                                             state=State.APPROVED)
                   .values_list("agency_id", "year"))
    plans: dict[tuple[int, int], Plan] = {}
    keys: dict[tuple[int, int], tuple[object, ...] | None] = {}
    wanted = [(a.pk, y) for a, y in pairs]
    if approved & set(wanted):
        latest: dict[tuple[int, int], Snapshot] = {}
        for snapshot in Snapshot.objects.filter(
                agency_id__in={pk for pk, _ in approved}, year__in={y for _, y in approved}
        ).order_by("agency_id", "year", "-version"):
            latest.setdefault((snapshot.agency_id, snapshot.year), snapshot)
        for pair in wanted:
            if pair not in approved:
                continue
            if pair in latest:
                plans[pair] = snapshot_plan(latest[pair])
                keys[pair] = ("snapshot", latest[pair].sha256)
            else:  # approved before snapshots were kept: taken now (plan_for)
                plans[pair] = plan_for(agencies[pair[0]], pair[1])
                keys[pair] = None
    current = sorted({pk for pk, year in wanted if (pk, year) not in approved})
    if current:
        read = stamped_plans([agencies[pk] for pk in current])
        for pair in wanted:
            if pair not in approved:
                plan, stamps = read[pair[0]]
                plans[pair] = plan
                keys[pair] = ("rows", stamps) if stamps else None
    result: dict[tuple[int, int], tuple[Plan, Measurement]] = {}
    for pair in wanted:
        plan, key = plans[pair], keys[pair]
        if key is not None:
            _SOURCES[id(plan)] = (plan, key)
            while len(_SOURCES) > _KEEP_PLANS:
                _SOURCES.popitem(last=False)
        result[pair] = (plan, _measure(pair[0], pair[1], plan, key))
    return result


def _measure(agency: int, year: int, plan: Plan, key: tuple[object, ...] | None) -> Measurement:
    """``measure(plan, year)``, kept while ``key`` (what the plan was read from) is unchanged."""
    if key is None:
        return measure(plan, year)
    slot = (agency, year, key[0], key[1])
    kept = _KEPT.get(slot)
    if kept is not None and kept[0] == key:
        _KEPT.move_to_end(slot)
        return kept[1]
    measurement = measure(plan, year)
    _KEPT[slot] = (key, measurement)
    while len(_KEPT) > _KEEP:
        _KEPT.popitem(last=False)
    return measurement


T = TypeVar("T")
KEEP_SECONDS = 24 * 3600  # how long a page part stays in Django's cache (a new stamp: a new key)


def kept(key: str | None, compute: Callable[[], T]) -> T:
    """``compute()`` kept in Django's cache under ``key`` (:func:`page_key` or a key built from
    the same stamps); computed every time when ``key`` is None (something has no stamp)."""
    from django.core.cache import cache

    if key is None:
        return compute()
    found: T | None = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, KEEP_SECONDS)
    return found


def page_key(agency: Agency, year: int, state: object, *parts: str) -> str | None:
    """The key of Django's cache under which a part of a page showing the agency's ``year`` is
    kept: what its figures are computed from (the agency's stamp, its region's stamp, for an
    approved year its snapshot's hash), the active language, and ``parts`` (which page, inside
    or public). Every writer gives a new stamp, so a write anywhere gives a new key and nothing
    stale is ever served; None when something has no stamp (nothing may be kept then).

    ``agency`` is the row the request read (with its region): its stamps were read before
    anything is computed from the records, so what is kept under them is never older than they.
    One query for an approved year (its latest snapshot), none otherwise.
    """
    from django.utils.translation import get_language

    from sakip.web.workflow.models import Snapshot, State

    region = agency.region
    if not agency.stamp or not region.stamp:
        return None
    source = "rows"
    if getattr(state, "state", None) == State.APPROVED:
        found = (Snapshot.objects.filter(agency=agency, year=year).order_by("-version")
                 .values_list("sha256", flat=True).first())
        if found is None:  # approved before snapshots were kept: measured from plan_for
            return None
        source = found
    return ":".join(("sakip", "page", *parts, str(agency.pk), str(year), agency.stamp,
                     region.stamp, source, get_language() or "", "demo" if agency.demo else ""))


def kept_file(agency: Agency, year: int, kind: str, build: Callable[[Plan], bytes]) -> bytes:
    """``build(plan)`` of the agency's year (a report or an export of what the year's figures
    come from: :func:`sakip.web.workflow.snapshots.plan_for`); for an approved year, built once
    and kept as a file named by its snapshot's hash, ``kind`` (what ``build`` makes: format,
    public or not; nothing of the user) and the code that made it
    (``SAKIP_DATA_DIR/kept/``, :func:`kept_bytes`). Whatever changes the year's figures needs a
    new approval, which takes a new snapshot: a new name."""
    from sakip.web.workflow.models import AgencyYear, State
    from sakip.web.workflow.snapshots import latest, plan_for, snapshot_plan

    approved = AgencyYear.objects.filter(agency=agency, year=year,
                                         state=State.APPROVED).exists()
    snapshot = latest(agency, year) if approved else None
    if snapshot is None or not snapshot.sha256:
        return build(plan_for(agency, year))
    return kept_bytes(f"{snapshot.sha256}-{kind}", lambda: build(snapshot_plan(snapshot)))


def kept_bytes(name: str, build: Callable[[], bytes]) -> bytes:
    """``build()``, kept as a file in ``SAKIP_DATA_DIR/kept/`` named by ``name`` (what the bytes
    are made from, which must change whenever they would: a snapshot's hash, the region's stamp)
    and the code that makes them: built once, then read. Written whole or not at all."""
    from django.conf import settings

    folder = Path(settings.DATA_DIR) / "kept"
    path = folder / f"{re.sub(r'[^a-z0-9]+', '-', name.lower())}-{_code()}"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    content = build()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".", delete=False) as part:
        part.write(content)
    os.replace(part.name, path)  # whole or not at all, whatever runs beside
    return content


@functools.cache
def _code() -> str:
    """What identifies the code that builds reports and exports: the installed version and the
    source files' sizes and times (an edited checkout builds anew)."""
    import hashlib
    from importlib import metadata

    import sakip

    try:
        version = metadata.version("sakip")
    except metadata.PackageNotFoundError:
        version = "dev"
    digest = hashlib.sha256(version.encode())
    for source in sorted(Path(sakip.__file__).parent.rglob("*.py")):
        status = source.stat()
        digest.update(f"{source}:{status.st_size}:{status.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def default_year(agency: Agency) -> int:
    """The latest plan year with a realisation, else the first year: the rule of
    :func:`sakip.core.measure.default_year`, asked of the tables without building the plan."""
    from sakip.web.plans.models import Actual

    sp = agency.strategic_plan
    years = (Actual.objects.filter(indicator__agency=agency, year__gte=sp.start, year__lte=sp.end)
             .exclude(value__isnull=True, text__isnull=True).values_list("year", flat=True))
    return max(years, default=sp.start)


def forget_everything() -> None:
    """Forget what this process keeps: plans, region records, measurements, snapshot plans, the
    region's measurements, and Django's caches (the files kept in the data folder are named by
    snapshot hashes: content, not rows). Everything kept is keyed by stamps that
    every writer renews; a test's rolled-back transaction, though, brings back rows under stamps
    already seen, and a test that edits rows directly (not through a writer) would meet what an
    earlier test kept under them — the tests call this before each test."""
    from django.core.cache import caches

    from sakip.web.plans import convert
    from sakip.web.region import pemda
    from sakip.web.workflow import snapshots

    for kept in (_KEPT, _SOURCES, convert._CACHE, convert._REGIONS, snapshots._PLANS,
                 pemda._MEASURED):
        kept.clear()
    for cache in caches.all():
        cache.clear()
