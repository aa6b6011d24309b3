"""Writing realisations and their notes: the items become edits of the plan's ``actual``
records and go through the one write path (:func:`sakip.web.plans.write.write`) — the same plan
checks, audit trail, locks and conflict rule as the pages.

The API's conflict answer is stricter than a page's: a page keeps the values it could save and
warns about the others; an API call is all or nothing, so a stale ``seen`` that collides with
someone else's change saves nothing and answers 409 with the conflicts (re-read, then retry).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import ActualStatus
from sakip.core.numbers import canonical
from sakip.core.periods import Period
from sakip.io.plan_checks import Location, nowhere
from sakip.io.problems import Problem
from sakip.web.access import Action, can
from sakip.web.api.problems import ApiError, forbidden
from sakip.web.api.reads import router  # one router: a path's GET and POST share a pattern
from sakip.web.api.schemas import ActualIn, WriteIn, WriteOut
from sakip.web.api.scope import Scope, scope
from sakip.web.entry.grids import actual_edit, with_evidence_keys
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import Agency
from sakip.web.plans.write import Conflict, write
from sakip.web.workflow.models import State

FIELDS = ("value", "text", "status", "reason", "expected", "note", "obstacles", "follow_up",
          "drivers")


def _editable(s: Scope) -> None:
    """EDIT by the access rule; when the rule would allow it in an open year, the year's lock
    is named (409, RECORD_YEAR_LOCKED, as the write path names it), else 403."""
    if can(s.user, Action.EDIT, s.agency, s.year, state=s.state):
        return
    opened = copy.copy(s.state)  # never saved: asks the rule whether an open year would do
    opened.state = State.DRAFT
    if can(s.user, Action.EDIT, s.agency, s.year, state=opened):
        label = str(State(s.state.state).label)
        raise ApiError(409, "RECORD_YEAR_LOCKED",
                       f"data tahun {s.year} berstatus “{label}” dan tidak dapat diubah",
                       f"the data of {s.year} is locked ({s.state.state})")
    raise forbidden()


def _item_problem(index: int, field: str, message_id: str, message_en: str,
                  code: str = "API_INVALID_INPUT") -> Problem:
    return Problem(code, message_id, message_en, path=f"items[{index}].{field}")


def _edits(s: Scope, items: list[ActualIn]) -> tuple[list[r.Edit], dict[r.Key, int]]:
    plan = plan_from_db(s.agency)
    evidence = with_evidence_keys(s.agency, s.year)
    edits: list[r.Edit] = []
    places: dict[r.Key, int] = {}
    problems: list[Problem] = []
    for index, item in enumerate(items):
        indicator = plan.indicator_by_code.get(item.indicator)
        if indicator is None:
            problems.append(_item_problem(
                index, "indicator", f"indikator “{item.indicator}” tidak ada dalam rencana",
                f"no indicator “{item.indicator}” in the plan", "PLAN_UNKNOWN_INDICATOR"))
            continue
        if item.quarter is not None and item.month is not None:
            problems.append(_item_problem(index, "month", "isi triwulan atau bulan, bukan keduanya",
                                          "give a quarter or a month, not both"))
            continue
        period = Period.of(item.quarter, item.month)
        quarter, month = (period.quarter, period.month) if period is not None else (None, None)
        key = (indicator.code, s.year, quarter, month)
        if key in places:
            problems.append(_item_problem(index, "indicator",
                                          f"realisasi yang sama sudah ada di items[{places[key]}]",
                                          f"the same realisation is already items[{places[key]}]"))
            continue
        places[key] = index
        stored = next((a for a in indicator.actuals_of(s.year)
                       if a.quarter == quarter and a.month == month), None)
        actual = stored or model.Actual(s.year, quarter=quarter, month=month)
        given = item.model_fields_set
        changes: dict[str, Any] = {}
        for name in FIELDS:
            if name not in given:
                continue
            value = getattr(item, name)
            if name == "value":
                value = Decimal(value) if value is not None else None
            elif name == "status":
                value = ActualStatus(value) if value is not None else ActualStatus.FINAL
            elif isinstance(value, str):
                value = value.replace("\r\n", "\n").strip() or None
            changes[name] = value
        edits.append(actual_edit(replace(actual, **changes), key, evidence))
    if problems:
        raise ApiError(422, "API_INVALID_INPUT", "ada isian yang salah; belum ada yang disimpan",
                       "some input is wrong; nothing was saved", problems=problems)
    return edits, places


def _conflict(conflict: Conflict) -> dict[str, Any]:
    def shown(value: Any) -> Any:
        if isinstance(value, Decimal):
            return canonical(value)
        return value.value if hasattr(value, "value") and not isinstance(value, str) else value

    indicator, year, quarter, month = (conflict.key + (None,) * 4)[:4]
    return {"record": conflict.label, "indicator": indicator, "year": year, "quarter": quarter,
            "month": month, "field": conflict.field, "mine": shown(conflict.mine),
            "theirs": shown(conflict.theirs), "by": conflict.by,
            "at": conflict.at.isoformat() if conflict.at else None}


def _revision(s: Scope) -> int:
    """The stored revision (a rolled-back write's outcome counts one it did not keep)."""
    return int(Agency.objects.values_list("revision", flat=True).get(pk=s.agency.pk))


@router.post("/agencies/{agency}/{year}/realisations", response=WriteOut,
             summary="Tulis realisasi / write realisations", tags=["tulis / write"])
def write_realisations(request: HttpRequest, agency: int, year: int, body: WriteIn) -> Any:
    """Write realisations of the year (the year's, a quarter's or a month's) and their notes.

    Refused with nothing saved: 403 (the caller may not edit this agency), 409
    ``RECORD_YEAR_LOCKED`` (the year is submitted, verified or approved), 409 ``RECORD_CONFLICT``
    (``seen`` is older than a change someone else made to a value this call changes), 422 with
    the plan checks' problems, each located at ``items[i].field``."""
    s = scope(request, agency, year)
    _editable(s)
    edits, places = _edits(s, body.items)

    def locate(kind: str, key: r.Key, field: str | None, nth: int) -> Location:
        index = places.get(key) if kind == r.ACTUAL else None
        if index is None:
            return nowhere(kind, key, field, nth)
        return Location(path=f"items[{index}].{field or 'value'}")

    with transaction.atomic():
        outcome = write(s.agency, s.user, edits, reason=body.reason, seen=body.seen, locate=locate)
        if outcome.conflicts:
            transaction.set_rollback(True)
    if outcome.conflicts:
        problems = [Problem("RECORD_CONFLICT",
                            f"{c.label} ({c.field}) diubah oleh {c.by} setelah revisi {body.seen}",
                            f"{c.label} ({c.field}) was changed by {c.by} after revision {body.seen}",
                            path=f"items[{places.get(c.key, 0)}].{c.field}")
                    for c in outcome.conflicts]
        raise ApiError(409, "RECORD_CONFLICT",
                       "data berubah sejak revisi yang Anda baca; tidak ada yang disimpan. Baca "
                       "ulang, lalu kirim lagi dengan revisi terbaru.",
                       "the data changed since the revision you read; nothing was saved. Read "
                       "again, then send with the latest revision.",
                       problems=problems, extra={"revision": _revision(s),
                                                 "conflicts": [_conflict(c) for c in outcome.conflicts]})
    if outcome.problems:
        locked = any(p.code == "RECORD_YEAR_LOCKED" for p in outcome.problems)
        raise ApiError(409 if locked else 422, outcome.problems[0].code if locked
                       else "PLAN_CHECKS_FAILED",
                       "isian ditolak oleh pemeriksaan rencana; tidak ada yang disimpan",
                       "the plan checks refused the input; nothing was saved",
                       problems=outcome.problems)
    return WriteOut(changes=outcome.changes, revision=outcome.revision)
