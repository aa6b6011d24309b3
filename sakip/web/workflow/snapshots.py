"""Approved years, frozen: a snapshot of everything the year's figures and report depend on.

Approving an agency-year stores the agency's whole plan at that moment as the canonical plan
file (``sakip.io.plan_dump``: indicator definitions, profile, scales, settings, supporting
tables, narratives — and the other years' figures the report compares with), the year's list
of evidence files (with their SHA-256), and a SHA-256 over all of it and over the previous
snapshot's hash: one chain per agency. While the year stays approved, every page, download and
report of it comes from its latest snapshot (:func:`plan_for`); reopening and approving again
makes a new version, and two versions can be compared (:func:`difference`).
:func:`verify` recomputes every hash and follows the chains (``sakip verify``, and a page for
the region admin).
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from sakip.core import records as r
from sakip.core.model import Plan
from sakip.io.plan_dump import dump_plan
from sakip.io.plan_file import parse_plan
from sakip.io.problems import InputError, Problem
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import Actual, Agency
from sakip.web.workflow.models import AgencyYear, Evidence, Snapshot, State

_PLANS: OrderedDict[str, Plan] = OrderedDict()  # snapshot plans by hash: immutable, kept
_PLANS_KEPT = 32


def _file_hash(evidence: Evidence) -> str | None:
    digest = hashlib.sha256()
    try:
        with evidence.file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 16), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def evidence_list(agency: Agency, year: int) -> list[dict[str, Any]]:
    """Every file of the agency-year with each realisation it supports (its own and its linked
    ones: a file linked to three indicators is listed three times, hashed once)."""
    from sakip.web.workflow.support import supports

    hashes: dict[int, str | None] = {}
    rows = []
    for actual, e in supports(Actual.objects.filter(indicator__agency=agency, year=year)):
        if e.pk not in hashes:
            hashes[e.pk] = _file_hash(e)
        rows.append({"indicator": actual.indicator.code, "period": actual.period, "name": e.name,
                     "kind": e.kind, "size": e.size, "sha256": hashes[e.pk]})
    return rows


def content(snapshot: Snapshot) -> bytes:
    """What a snapshot's hash is taken over: every stored field but the hash itself."""
    body = {"agency": snapshot.agency.code, "year": snapshot.year, "version": snapshot.version,
            "at": snapshot.at.astimezone(UTC).isoformat(), "reason": snapshot.reason,
            "revision": snapshot.revision, "previous": snapshot.previous, "plan": snapshot.plan,
            "evidence": snapshot.evidence}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def take(agency: Agency, year: int, user: Any, reason: str = "") -> Snapshot:
    """Freeze the agency-year as it is now (called in the approval's transaction)."""
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    last = Snapshot.objects.filter(agency=agency).order_by("-id").first()
    version = Snapshot.objects.filter(agency=agency, year=year).count() + 1
    text = dump_plan(plan_from_db(agency))
    try:  # what is frozen must read back, or nothing is frozen
        plan = _read(text, f"snapshot {agency.code} {year}")
    except InputError as error:
        raise Unfreezable(error.problems) from None
    snapshot = Snapshot(
        agency=agency, year=year, version=version, at=timezone.now().replace(microsecond=0),
        user=user if getattr(user, "is_authenticated", False) else None, reason=reason,
        revision=agency.revision, plan=text,
        evidence=evidence_list(agency, year), previous=last.sha256 if last else "")
    snapshot.sha256 = hashlib.sha256(content(snapshot)).hexdigest()
    snapshot.save()
    _keep(snapshot.sha256, plan)
    return snapshot


class Unfreezable(Exception):
    """The agency's plan breaks a plan rule (a record written before a rule changed, or not
    through the write path): frozen, it could not be read back, so it is not frozen."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].render("en") if problems else "unreadable plan")
        self.problems = problems


def _read(text: str, source: str) -> Plan:
    """A frozen plan read back: every plan rule but the causes asked of realisations as they
    are entered (the write path asked them then; a threshold changed since does not make an
    approved year unreadable)."""
    return parse_plan(text, source, entered=frozenset())


def _keep(sha256: str, plan: Plan) -> None:
    _PLANS[sha256] = plan
    while len(_PLANS) > _PLANS_KEPT:
        _PLANS.popitem(last=False)


def latest(agency: Agency, year: int) -> Snapshot | None:
    return Snapshot.objects.filter(agency=agency, year=year).order_by("-version").first()


def snapshot_plan(snapshot: Snapshot) -> Plan:
    plan = _PLANS.get(snapshot.sha256)
    if plan is None:
        plan = _read(snapshot.plan, f"snapshot {snapshot.sha256[:12]}")
        _keep(snapshot.sha256, plan)
    else:
        _PLANS.move_to_end(snapshot.sha256)
    return plan


UPGRADED = ("snapshot diambil saat pertama dibaca setelah pembaruan Sakip: tahun ini sudah "
            "disetujui sebelum Sakip menyimpan snapshot")


def plan_for(agency: Agency, year: int) -> Plan:
    """The plan a year's figures come from: its snapshot while approved, else the current plan.

    A year approved before Sakip kept snapshots (a database from an earlier version) is frozen
    the first time it is read, with a reason that says so."""
    state = AgencyYear.objects.filter(agency=agency, year=year).values_list("state", flat=True).first()
    if state != State.APPROVED:
        return plan_from_db(agency)
    snapshot = latest(agency, year)
    if snapshot is None:
        try:
            with transaction.atomic():
                snapshot = take(agency, year, None, UPGRADED)
        except IntegrityError:  # taken at the same moment by another request
            snapshot = latest(agency, year)
        except Unfreezable:  # the pages show the current plan; reopened, corrected and
            return plan_from_db(agency)  # approved again, the year is frozen
    assert snapshot is not None
    return snapshot_plan(snapshot)


def difference(old: Snapshot, new: Snapshot) -> list[r.Change]:
    """What changed between two versions (for the year: its records and every year-less one)."""
    return [c for c in r.diff(snapshot_plan(old), snapshot_plan(new))
            if c.year is None or c.year == new.year]


@dataclass(frozen=True)
class Broken:
    snapshot: Snapshot
    why: str  # Indonesian


def verify(agencies: Any = None) -> tuple[int, list[Broken]]:
    """Recompute every snapshot's hash and follow each agency's chain: the number checked and
    what does not hold."""
    rows = Snapshot.objects.select_related("agency").order_by("agency_id", "id")
    if agencies is not None:
        rows = rows.filter(agency__in=agencies)
    broken: list[Broken] = []
    previous: dict[int, str] = {}
    checked = 0
    for snapshot in rows.iterator():
        checked += 1
        if hashlib.sha256(content(snapshot)).hexdigest() != snapshot.sha256:
            broken.append(Broken(snapshot, "isi snapshot tidak cocok dengan SHA-256-nya "
                                           "(diubah setelah disimpan)"))
        expected = previous.get(snapshot.agency_id, "")
        if snapshot.previous != expected:
            broken.append(Broken(snapshot, "rantai terputus: SHA-256 snapshot sebelumnya tidak "
                                           "cocok"))
        previous[snapshot.agency_id] = snapshot.sha256
    return checked, broken
