"""The region's write path: every change of the region's RPJMD (its vision, missions, tujuan and
sasaran daerah, the IKU Pemda with their targets and realisations, the agencies'
contributions) goes through :func:`write_region`, as an agency's plan goes through
:mod:`sakip.web.plans.write`.

In one transaction, with the region's row locked:

1. the edit is applied to the region's current core :class:`~sakip.core.model.Region`;
2. a page that says which version of the RPJMD it showed (``seen``: :func:`version`) cannot
   overwrite a change made since: the write is refused and the page shown again;
3. the new region is checked with the plan checks (``sakip.io.plan_checks``) on each agency's
   plan holding it, and on the region alone: what the new region breaks that the old one did not
   (a sasaran daerah removed that an agency's goal still serves, an IKU Pemda of an unknown
   sasaran) refuses the write — nothing is written and the problems come back, each naming the
   agency whose record it concerns;
4. the rows of each kind of RPJMD record that changed are made to hold the new region (the
   RPJMD is small: the kind's rows are written again, in the region's order), and every changed
   field goes to the audit trail under a key beginning ``rpjmd:``.

Every write gives the region a new ``stamp`` in the same transaction: the region's records,
the agencies' measurements and the dashboards' figures are cached under it
(:mod:`sakip.web.measuring`), so none is used again after a change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import translation

from sakip.core import model
from sakip.core import records as r
from sakip.core.periods import Period
from sakip.io.plan_checks import Location, Locator, check_plan, nowhere
from sakip.io.problems import Problem, Severity
from sakip.web.plans import models as m
from sakip.web.plans.convert import plan_from_db, region_of
from sakip.web.plans.models.region import touch_region
from sakip.web.plans.rows import columns
from sakip.web.plans.store import add_missions, add_region_plan
from sakip.web.plans.write import Outcome

# The kinds this path writes (the region's scales are the scales page's) with their audit key
# prefix and label (Indonesian: the trail is a record, whatever the user's language).
AUDIT: dict[str, tuple[str, str]] = {
    r.REGION: ("rpjmd", "RPJMD"),
    r.MISSION: ("rpjmd:misi", "Misi"),
    r.REGION_GOAL: ("rpjmd:tujuan", "Tujuan daerah"),
    r.REGION_OBJECTIVE: ("rpjmd:sasaran", "Sasaran daerah"),
    r.REGION_INDICATOR: ("rpjmd:iku", "IKU Pemda"),
    r.REGION_TARGET: ("rpjmd:target", "Target IKU Pemda"),
    r.REGION_ACTUAL: ("rpjmd:realisasi", "Realisasi IKU Pemda"),
    r.CONTRIBUTION: ("rpjmd:kontribusi", "Kontribusi"),
}
PREFIX = "rpjmd"  # every key of the RPJMD's audit entries begins with it
PERIODIC = frozenset({r.REGION_TARGET, r.REGION_ACTUAL})

RegionEdit = Callable[[model.Region], model.Region] | model.Region


def audit_key(region: m.Region, kind: str, key: r.Key) -> str:
    """``rpjmd:sasaran:SD1``, ``rpjmd:target:IKP-01:2020:0`` (0: the whole year),
    ``rpjmd:kontribusi:SD1:dspppa``; the region's own fields: ``rpjmd:<region id>``."""
    prefix = AUDIT[kind][0]
    if not key:
        return f"{prefix}:{region.pk}"
    if kind in PERIODIC:
        *head, quarter, month = key
        return prefix + ":" + ":".join(str(part) for part in (*head, quarter or 0)) + (
            f":b{month}" if month else "")
    return prefix + ":" + ":".join(str(part) for part in key)


def audit_label(kind: str, key: r.Key) -> str:
    label = AUDIT[kind][1]
    if kind in PERIODIC:
        *head, quarter, month = key
        period = Period.of(quarter, month)
        return " ".join([label, *(str(part) for part in head),
                         *((period.short(),) if period is not None else ())])
    return " ".join([label, *(str(part) for part in key)])


def version(region: m.Region) -> int:
    """The version of the region's RPJMD a page shows: the last audit entry written by this
    path (0 before any); a page posts it back as ``seen``."""
    latest = (region.audit.filter(agency__isnull=True, key__startswith=PREFIX + ":")
              .aggregate(latest=Max("id"))["latest"])
    return int(latest or 0)


def _bare(region: model.Region) -> model.Plan:
    """A plan that holds only ``region``: the region's own checks, and the records compared."""
    return model.Plan(region=region, agency=model.Agency("", ""),
                      strategic_plan=model.StrategicPlan("", 0, 0))


def changes_of(old: model.Region, new: model.Region) -> list[r.Change]:
    """What differs between two versions of the region's RPJMD, field by field."""
    return [c for c in r.diff(_bare(old), _bare(new)) if c.kind in AUDIT]


def write_region(region: m.Region, user: Any, edit: RegionEdit, *, reason: str = "",
                 seen: int | None = None, locate: Locator = nowhere) -> Outcome:
    """Make the region's RPJMD what ``edit`` gives (a region, or a function of the current one
    giving it); see the module's docstring. ``locate`` places the problems of the region's own
    records (in an uploaded file: its lines)."""
    from sakip.web.workflow.audit import Trail

    with transaction.atomic():
        row = m.Region.objects.select_for_update().get(pk=region.pk)
        current = region_of(row)
        new = edit(current) if callable(edit) else edit
        outcome = Outcome(revision=version(row))
        if seen is not None and seen < outcome.revision:
            outcome.problems = [_changed_since(row, seen)]
            return outcome
        changes = changes_of(current, new)
        if not changes:
            return outcome
        outcome.problems = problems(row, current, new, locate)
        if outcome.problems:
            transaction.set_rollback(True)
            return outcome
        _sync(row, new, {change.kind for change in changes})
        with translation.override(settings.LANGUAGE_CODE):
            trail = Trail(None, user, reason, region=row)
            for change in changes:
                trail.change(audit_key(row, change.kind, change.key),
                             audit_label(change.kind, change.key), change.field, change.old,
                             change.new, change.year)
            outcome.changes = trail.save()
        outcome.revision = version(row)
    return outcome


def problems(region: m.Region, old: model.Region, new: model.Region,
             locate: Locator = nowhere) -> list[Problem]:
    """The errors the new region causes that the old one did not: in the region's own records
    (checked alone), and in each agency's plan holding it (named with the agency)."""
    found: list[Problem] = []
    own: set[tuple[str, str, str | None]] = set()  # the region's own, found once
    seen: set[tuple[int, str, str, str | None]] = set()

    def add(problem: Problem, agency: m.Agency | None) -> None:
        ident = (problem.code, problem.message_id, problem.path)
        if agency is None:
            own.add(ident)
        elif ident in own or (agency.pk, *ident) in seen:
            return
        else:
            seen.add((agency.pk, *ident))
        if agency is not None:
            name = agency.short_name or agency.name
            problem = replace(problem, message_id=f"{name}: {problem.message_id}",
                              message_en=f"{name}: {problem.message_en}")
        found.append(problem)

    for problem in _new_errors(_bare(old), _bare(new), locate):
        add(problem, None)
    for agency in m.Agency.objects.filter(region=region).order_by("name", "id"):
        plan = plan_from_db(agency)
        for problem in _new_errors(replace(plan, region=old), replace(plan, region=new), nowhere):
            add(problem, agency)
    return found


def _new_errors(old: model.Plan, new: model.Plan, locate: Locator) -> list[Problem]:
    def place(kind: str, key: r.Key, field: str | None, nth: int) -> Location:
        return locate(kind, key, field, nth) or nowhere(kind, key, field, nth)

    errors = [p for p in check_plan(new, place) if p.severity is Severity.ERROR]
    if not errors:
        return []
    known = {(p.code, p.message_id, p.path) for p in check_plan(old, place)
             if p.severity is Severity.ERROR}
    return [p for p in errors if (p.code, p.message_id, p.path) not in known]


def _changed_since(region: m.Region, seen: int) -> Problem:
    last = (region.audit.filter(agency__isnull=True, key__startswith=PREFIX + ":", id__gt=seen)
            .select_related("user").order_by("-id").first())
    who = (last.user.get_full_name() or last.user.username) if last and last.user else "—"
    return Problem("RPJMD_CHANGED_SINCE",
                   f"RPJMD telah diubah oleh {who} sejak halaman ini dibuka; muat ulang halaman "
                   "dan ulangi perubahan",
                   f"the RPJMD was changed by {who} since this page was opened; reload the page "
                   "and make the change again")


def _sync(row: m.Region, new: model.Region, kinds: set[str]) -> None:
    """The rows of each changed kind written again from ``new`` (store.py writes them, as for a
    new region); the region's own fields updated."""
    if r.REGION in kinds:
        for name, value in columns(r.REGION, new).items():
            setattr(row, name, value)
        row.save()
    if r.MISSION in kinds:
        row.missions.all().delete()
    if r.REGION_GOAL in kinds:
        row.goals.all().delete()
    if r.REGION_OBJECTIVE in kinds:
        row.objectives.all().delete()
    if kinds & {r.REGION_INDICATOR, r.REGION_TARGET, r.REGION_ACTUAL}:
        row.indicators.all().delete()  # their targets and realisations with them
    if r.CONTRIBUTION in kinds:
        row.contributions.all().delete()
    add_missions(row, new)
    add_region_plan(row, new)
    touch_region(row)  # what was cached from the old records is not used again
