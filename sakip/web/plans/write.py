"""The one write path: every change of an agency's plan, from any door (a grid, a form, a
detail page, a workbook import, later an API), goes through :func:`write`.

In one transaction, with the agency's row locked:

1. the door's edits are applied to the agency's current core plan (``sakip.core.records``);
2. a page that says which revision it showed (``seen``) cannot overwrite a value someone else
   changed since: a value the page left as it showed it keeps the other person's change; a value
   the page changed too is refused, as a :class:`Conflict` with both values and who changed it
   when; the page's other values go through;
3. the new plan is checked: no year that is submitted, verified or approved may change (those
   years are frozen; an approved one is also kept as a snapshot, ``workflow/snapshots.py``), an
   actual with evidence files may not disappear, and the plan must pass the same integrity
   checks as plan files and workbooks (``sakip.io.plan_checks``) — else nothing is written and
   the problems come back, located by the door's ``locate`` beside its fields;
4. the rows are made to hold the new plan (``sync.py``), each changed field is written to the
   audit trail with the new revision, and a "telah direviu" mark of a year whose figures
   changed is cleared (recorded).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation

from sakip.core import records as r
from sakip.core.model import Plan
from sakip.core.periods import Period
from sakip.io.plan_checks import LABEL, Locator, check_plan, describe, nowhere
from sakip.io.problems import Problem, Severity
from sakip.web.plans import models as m
from sakip.web.plans.convert import plan_from_db, remember
from sakip.web.plans.models.indicators import ANNUAL
from sakip.web.plans.sync import sync

# How each kind of record is named in the audit trail: a key prefix and a label (Indonesian:
# the trail is a record, written in Indonesian whatever the user's language).
AUDIT: dict[str, tuple[str, str]] = {
    r.AGENCY: ("profil", "Profil perangkat daerah"), r.UNIT: ("unit", "Unit kerja"),
    r.STRATEGIC_PLAN: ("renstra", "Renstra"), r.REVISION: ("renstra-revisi", "Revisi Renstra/IKU"),
    r.SETTINGS: ("pengaturan", "Pengaturan pengukuran"), r.GOAL: ("tujuan", "Tujuan"),
    r.OBJECTIVE: ("sasaran", "Sasaran"), r.STRATEGY: ("strategi", "Strategi"),
    r.PROGRAM: ("program", "Program"), r.ACTIVITY: ("kegiatan", "Kegiatan"),
    r.INDICATOR: ("indikator", "Indikator"), r.TARGET: ("target", "Target"),
    r.ACTUAL: ("realisasi", "Realisasi"), r.SERIES: ("data-dasar", "Data dasar"),
    r.SERIES_VALUE: ("data-dasar", "Data dasar"), r.BUDGET: ("anggaran", "Anggaran"),
    r.SPENDING: ("belanja", "Belanja"), r.AGREEMENT: ("pk", "PK"),
    r.AGREEMENT_ITEM: ("pk", "PK"), r.TABLE: ("data-dukung", "Data dukung"),
    r.NARRATIVE: ("narasi", "Narasi"),
}


INDEXED = frozenset(spec.kind for spec in r.INDEX_KINDS)


def audit_key(agency: m.Agency, kind: str, key: r.Key) -> str:
    """The audit key of a record: ``target:IKU-01:2020``, ``realisasi:IKU-01:2020:0`` (0: the
    whole year), ``profil:dsppa`` for the agency's singletons."""
    prefix = AUDIT[kind][0]
    if not key:
        return f"{prefix}:{agency.code}"
    if kind in PERIODIC:  # a month as :b7 after the quarter; the keys of years are unchanged
        *head, quarter, month = key
        parts = [*head, *([quarter or 0] if kind == r.ACTUAL or quarter else [])]
        return prefix + ":" + ":".join(str(part) for part in parts) + (f":b{month}" if month else "")
    return prefix + ":" + ":".join("0" if part is None else str(part) for part in key)


PERIODIC = frozenset({r.TARGET, r.ACTUAL, r.BUDGET})  # keyed (…, year, quarter, month)


def audit_label(kind: str, key: r.Key) -> str:
    label = AUDIT[kind][1]
    if kind in PERIODIC:
        *head, quarter, month = key
        period = Period.of(quarter, month)
        return " ".join([label, *(str(part) for part in head),
                         *((period.short(),) if period is not None else ())])
    if kind == r.AGREEMENT_ITEM:
        year, number, code = key
        return f"{label} {year}/{number} {code}"
    if kind in (r.SPENDING, r.NARRATIVE, r.REVISION):
        return f"{label} {key[0] + 1}"
    return " ".join([label, *(str(part) for part in key)])


@dataclass(frozen=True)
class Conflict:
    """A value this page changed that someone else changed since the page was shown."""

    kind: str
    key: r.Key
    field: str
    label: str
    mine: Any  # what this page wanted
    theirs: Any  # what is stored
    by: str  # who changed it
    at: datetime | None


@dataclass
class Outcome:
    """What a write did: the number of values changed, or the problems that refused it."""

    changes: int = 0
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    revision: int = 0

    @property
    def refused(self) -> bool:
        return bool(self.problems)


EditFunction = Callable[[Plan], list[r.Edit] | Plan]


def write(agency: m.Agency, user: Any, edits: list[r.Edit] | EditFunction, *, reason: str = "",
          seen: int | None = None, renames: Iterable[tuple[str, str, str]] = (),
          locate: Locator = nowhere, note: tuple[str, str, str] | None = None,
          keep_region: bool = True) -> Outcome:
    """Apply ``edits`` (or the edits ``edits(plan)`` gives for the current plan, or the whole
    plan it gives) to the agency's plan, after renaming the records ``renames`` names; see the
    module's docstring.

    ``note`` adds one audit entry of its own (key, label, value: a workbook's file name).
    """
    from sakip.web.workflow.audit import Trail

    with transaction.atomic():
        row = m.Agency.objects.select_for_update().select_related("region").get(pk=agency.pk)
        current = plan_from_db(row)
        base = current
        for kind, old_code, new_code in renames:
            base = r.rename(base, kind, old_code, new_code)
        wanted = edits(base) if callable(edits) else edits
        new = wanted if isinstance(wanted, Plan) else r.apply(base, wanted)
        if keep_region:  # the region's records are the region admin's, not the agency's
            new = replace(new, region=current.region, scales=current.scales)
        changes = r.diff(base, new, region=False)
        outcome = Outcome(revision=row.revision)
        if seen is not None and seen < row.revision:
            new, outcome.conflicts = _stale(row, base, new, changes, seen)
            changes = r.diff(base, new, region=False)
        if not changes and not any(a != b for _, a, b in renames):
            return outcome
        outcome.problems = _problems(row, base, new, changes, locate)
        if outcome.problems:
            transaction.set_rollback(True)
            return outcome
        # the rows hold ``current``: with codes renamed, what refers to them changes too
        sync(row, current, new, renames, None if renames else changes)
        row.revision += 1
        row.stamp = uuid.uuid4().hex
        row.save(update_fields=["revision", "stamp"])
        with translation.override(settings.LANGUAGE_CODE):
            trail = Trail(row, user, reason, revision=row.revision)
            for kind, old_code, new_code in renames:
                trail.change(audit_key(row, kind, (new_code,)), audit_label(kind, (new_code,)),
                             "code", old_code, new_code)
            for change in changes:
                trail.change(audit_key(row, change.kind, change.key),
                             audit_label(change.kind, change.key), change.field, change.old,
                             change.new, change.year)
            if note is not None:
                trail.change(note[0], note[1], "berkas", None, note[2])
            _clear_reviewed(trail, row, {change.year for change in changes})
            outcome.changes = trail.save() - (1 if note is not None else 0)
        outcome.revision = row.revision
        canonical = new.canonical()
        transaction.on_commit(lambda: remember(row, canonical))
    return outcome


def _stale(agency: m.Agency, base: Plan, new: Plan, changes: list[r.Change],
           seen: int) -> tuple[Plan, list[Conflict]]:
    """The page showed revision ``seen``: keep what others changed since, refuse what both
    changed (see the module's docstring)."""
    from sakip.web.workflow.audit import as_text
    from sakip.web.workflow.models import AuditEntry

    since: dict[tuple[str, str], list[Any]] = {}
    for entry in (AuditEntry.objects.filter(agency=agency, revision__gt=seen)
                  .select_related("user").order_by("id")):
        since.setdefault((entry.key, entry.field), []).append(entry)
    back: set[tuple[str, r.Key, str]] = set()
    conflicts = []
    for change in changes:
        entries = since.get((audit_key(agency, change.kind, change.key), change.field))
        if not entries:
            continue
        back.add((change.kind, change.key, change.field))
        if as_text(change.new) == entries[0].old:
            continue  # the page left it as it showed it: the other change stands
        last = entries[-1]
        who = last.user.get_full_name() or last.user.username if last.user else "—"
        conflicts.append(Conflict(change.kind, change.key, change.field,
                                  audit_label(change.kind, change.key), change.new, change.old,
                                  who, last.at))
    return r.revert(base, new, back), conflicts


def frozen_years(agency: m.Agency) -> dict[int, str]:
    """Years whose data may not change, with their state's label."""
    from sakip.web.workflow.models import EDITABLE, AgencyYear, State

    return {y.year: str(State(y.state).label)
            for y in AgencyYear.objects.filter(agency=agency).exclude(state__in=EDITABLE)}


def _problems(agency: m.Agency, base: Plan, new: Plan, changes: list[r.Change],
              locate: Locator) -> list[Problem]:
    problems: list[Problem] = []
    frozen = frozen_years(agency)
    seen: set[tuple[str, r.Key]] = set()
    for change in changes:
        if change.kind in INDEXED:
            continue  # compared year by year below: their keys are places, which shift
        years = {change.year} | ({change.old, change.new} if change.field == "year" else set())
        locked = sorted(y for y in years if isinstance(y, int) and y in frozen)
        if locked and (change.kind, change.key) not in seen:
            seen.add((change.kind, change.key))
            year = locked[0]
            problems.append(_problem(
                "RECORD_YEAR_LOCKED",
                f"{describe(change.kind, change.key)}: data tahun {year} berstatus "
                f"“{frozen[year]}” dan tidak dapat diubah",
                f"{change.kind} {change.key}: the data of {year} is locked ({frozen[year]})",
                change, locate))
    before, after = r.year_slices(base, set(frozen)), r.year_slices(new, set(frozen))
    for (kind, year), records in before.items():
        if after[(kind, year)] != records:
            problems.append(_problem(
                "RECORD_YEAR_LOCKED",
                f"{LABEL.get(kind, kind)} tahun {year}: data tahun ini berstatus “{frozen[year]}” "
                "dan tidak dapat diubah",
                f"{kind} of {year}: the data of this year is locked ({frozen[year]})",
                r.Change(kind, (), year, "", None, None), locate))
    problems += _period_closed(agency, changes, locate)
    problems += _evidence_kept(agency, new, changes, locate)
    entered = {change.key for change in changes if change.kind == r.ACTUAL}
    errors = [p for p in check_plan(new, locate, entered) if p.severity is Severity.ERROR]
    if errors:  # only what this change breaks: a plan made invalid elsewhere can still be edited
        known = {(p.code, p.message_id) for p in check_plan(base)
                 if p.severity is Severity.ERROR}
        problems += [p for p in errors if (p.code, p.message_id) not in known]
    return problems


def _problem(code: str, message_id: str, message_en: str, change: r.Change,
             locate: Locator) -> Problem:
    where = locate(change.kind, change.key, change.field or None, 0) or nowhere(
        change.kind, change.key, change.field or None, 0)
    return Problem(code, message_id, message_en, Severity.ERROR, where.file, where.line,
                   where.path, where.sheet, where.row, where.column)


def _period_closed(agency: m.Agency, changes: list[r.Change], locate: Locator) -> list[Problem]:
    """A target, realisation or budget line of a period whose entry window is closed for the
    agency may not change (``sakip.web.monitoring.windows``; docs/monitoring.md)."""
    from django.utils import timezone

    from sakip.web.monitoring.windows import closed

    dated = [c for c in changes if c.kind in PERIODIC and (c.key[-2] or c.key[-1])]
    if not dated:
        return []
    shut = closed(agency, {(c.key[-3], c.key[-2], c.key[-1]) for c in dated})
    problems, seen = [], set()
    for change in dated:
        state = shut.get((change.key[-3], change.key[-2], change.key[-1]))
        if state is None or (change.kind, change.key) in seen:
            continue
        seen.add((change.kind, change.key))
        window = state.window
        when = f"{timezone.localtime(state.deadline):%d-%m-%Y %H:%M}"
        problems.append(_problem(
            "RECORD_PERIOD_CLOSED",
            f"{describe(change.kind, change.key)}: masa pengisian {window.period.label()} "
            f"{window.year} ditutup pada {when}; minta admin pemda membukanya kembali",
            f"{change.kind} {change.key}: the entry of {window.period.label('en')} {window.year} "
            f"closed on {when}; ask the region admin to reopen it",
            change, locate))
    return problems


def _evidence_kept(agency: m.Agency, new: Plan, changes: list[r.Change],
                   locate: Locator) -> list[Problem]:
    from sakip.web.workflow.support import supports

    gone = {c.key for c in changes if c.kind == r.ACTUAL}
    if not gone:
        return []
    present = {(k, key) for (k, key) in r.records(new, region=False) if k == r.ACTUAL}
    gone = {key for key in gone if (r.ACTUAL, key) not in present}
    problems = []
    # a file's own realisation (its file would go with it) and a linked one (the link would)
    for actual, evidence in supports(m.Actual.objects.filter(indicator__agency=agency)):
        key = (actual.indicator.code, actual.year, actual.quarter,
               None if actual.month == ANNUAL else actual.month)
        if key in gone:
            gone.discard(key)
            problems.append(_problem(
                "RECORD_HAS_EVIDENCE",
                f"realisasi {key[0]} {key[1]} memiliki bukti dukung ({evidence.name}): hapus "
                "buktinya atau lepaskan kaitannya dahulu",
                f"the realisation {key[0]} {key[1]} has evidence files ({evidence.name}): "
                "delete them or remove their link first",
                r.Change(r.ACTUAL, key, key[1], "value", None, None), locate))
    return problems


def _clear_reviewed(trail: Any, agency: m.Agency, years: set[int | None]) -> None:
    """A "telah direviu" mark no longer holds for a year whose data changed (a change without a
    year touches every year); approved years keep theirs: their figures are frozen."""
    from sakip.web.workflow.models import AgencyYear, State

    marked = AgencyYear.objects.filter(agency=agency, reviewed_at__isnull=False).exclude(
        state=State.APPROVED)
    if None not in years:
        marked = marked.filter(year__in=[y for y in years if y is not None])
    for state in marked:
        trail.change(f"status:{state.year}", f"Status data {state.year}", "reviewed",
                     f"direviu {state.reviewed_at:%Y-%m-%d %H:%M}", None, state.year)
        state.reviewed_at = None
        state.reviewed_by = None
        state.save(update_fields=["reviewed_at", "reviewed_by"])


def write_plan(agency: m.Agency, user: Any, plan: Plan, **options: Any) -> Outcome:
    """Make ``plan`` the agency's plan (a workbook import), through :func:`write`."""
    return write(agency, user, lambda current: plan, **options)
