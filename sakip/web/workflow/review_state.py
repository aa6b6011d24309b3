"""The review of an agency-year as the inspectorate and the agency work on it: each automated
finding of the latest run with the team's decision (kept by the finding's key, so it survives a
re-run while the finding is unchanged; a decided finding the run no longer gives is resolved),
the team's own findings, the agency's answers and the follow-up of each recommendation.

Every change goes through one function here and is written with its audit entries in one
transaction. The working papers print :func:`items` (sakip/web/workflow/review_papers.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from sakip.review import criteria
from sakip.review.findings import Finding, Location, Severity
from sakip.review.papers import Decision, FollowUp, Item, Team
from sakip.web.access import Action, can
from sakip.web.labels import language as _language
from sakip.web.plans.models import Agency
from sakip.web.workflow.audit import Trail
from sakip.web.workflow.models import (
    AgencyYear,
    FindingStatus,
    FollowUpStatus,
    FollowUpStep,
    ReviewFinding,
    ReviewNote,
    ReviewReply,
    ReviewTeam,
)

OWN_CODE = "REVIEWER_FINDING"
# the follow-up moves forward only: open → in progress → closed
_ORDER = {FollowUpStatus.OPEN: 0, FollowUpStatus.IN_PROGRESS: 1, FollowUpStatus.CLOSED: 2}


class Refused(Exception):
    """A change that may not be made, with the reason to show."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def may_decide(user: Any, agency: Agency, state: AgencyYear) -> bool:
    """Confirm, dismiss and add findings, name the team: the inspectorate."""
    return can(user, Action.REVIEW, agency, state.year, state=state)


def may_respond(user: Any, agency: Agency, state: AgencyYear) -> bool:
    """Answer findings, record their follow-up, reply to notes: the agency's own operator and
    head (sakip.web.access, Action.RESPOND)."""
    return can(user, Action.RESPOND, agency, state.year, state=state)


@dataclass
class Entry:
    """One finding on the review page and in the papers."""

    number: int
    key: str
    finding: Finding
    stored: ReviewFinding | None
    resolved: bool = False  # decided on, and no longer given by the latest run

    @property
    def own(self) -> bool:
        return self.stored is not None and self.stored.own

    @property
    def status(self) -> str:
        return self.stored.status if self.stored is not None else FindingStatus.PENDING

    @property
    def decision(self) -> Decision:
        if self.resolved:
            return Decision.RESOLVED
        return Decision(self.status)

    @property
    def status_label(self) -> str:
        if self.resolved:
            return gettext("Selesai (tidak ditemukan lagi)")
        return str(FindingStatus(self.status).label)

    @property
    def follow_up(self) -> str:
        """Where the follow-up stands; only a confirmed finding has one."""
        if self.stored is None or self.stored.status != FindingStatus.CONFIRMED:
            return ""
        return self.stored.follow_up

    @property
    def follow_up_label(self) -> str:
        return str(FollowUpStatus(self.follow_up).label) if self.follow_up else ""

    @property
    def closed(self) -> bool:
        return self.follow_up == FollowUpStatus.CLOSED

    @property
    def severity_label(self) -> str:
        return self.finding.severity.label_id

    @property
    def kondisi(self) -> str:
        if self.stored is not None and self.stored.own:
            return self.stored.kondisi
        return self.finding.message_id if _indonesian() else self.finding.message_en

    @property
    def kriteria(self) -> str:
        if self.stored is not None and self.stored.own:
            return self.stored.kriteria
        return criteria.criterion(self.finding.code).kriteria.get(_language())

    @property
    def rekomendasi(self) -> str:
        if self.stored is not None and self.stored.own:
            return self.stored.rekomendasi
        return criteria.criterion(self.finding.code).rekomendasi.get(_language())

    @property
    def location(self) -> str:
        return self.finding.location.render()

    @property
    def check(self) -> str:
        """What was checked, in words: the review step (langkah reviu) the finding's code
        belongs to (sakip.review.criteria); the code itself is shown small beside it."""
        return criteria.step_of(self.finding.code).text.get(_language())

    @property
    def steps(self) -> list[FollowUpStep]:
        return list(self.stored.follow_ups.all()) if self.stored is not None else []


def _indonesian() -> bool:
    return _language() == "id"


def _as_finding(row: ReviewFinding) -> Finding:
    return Finding(row.code, Severity(row.severity), Location(section=row.location or None),
                   row.kondisi, row.kondisi, row.expected or None, row.found or None)


def entries(state: AgencyYear, findings: list[Finding] | None) -> list[Entry]:
    """The latest run's findings with their stored decisions, then the decided findings the
    run no longer gives (resolved), then the team's own findings."""
    stored = {row.key: row for row in ReviewFinding.objects.filter(agency_year=state)
              .select_related("decided_by", "answered_by").prefetch_related("follow_ups__by")}
    result: list[Entry] = []
    seen: set[str] = set()
    for finding in findings or []:
        key = finding.key
        if key in seen:
            continue
        seen.add(key)
        result.append(Entry(len(result) + 1, key, finding, stored.get(key)))
    for key, row in stored.items():
        if key not in seen and not row.own:
            result.append(Entry(len(result) + 1, key, _as_finding(row), row, resolved=True))
    for key, row in stored.items():
        if row.own:
            result.append(Entry(len(result) + 1, key, _as_finding(row), row))
    return result


def _name(user: Any) -> str:
    if user is None:
        return ""
    return str(user.get_full_name() or user.get_username())


def _day(at: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(at).date() if at is not None else None


def items(found: list[Entry]) -> list[Item]:
    """The entries as the working papers print them."""
    result = []
    for entry in found:
        row = entry.stored
        if row is None:
            result.append(Item(entry.finding))
            continue
        last = row.follow_ups.all()
        step = list(last)[-1] if last else None
        note = (f"{_name(step.by)}, {_day(step.at):%d-%m-%Y}: {step.text}"
                if step is not None else "")
        result.append(Item(
            entry.finding, entry.decision, reason=row.reason, decided_by=_name(row.decided_by),
            decided_on=_day(row.decided_at), own=row.own,
            author=_name(row.created_by) if row.own else "",
            kondisi=row.kondisi if row.own else "", kriteria=row.kriteria if row.own else "",
            rekomendasi=row.rekomendasi if row.own else "", answer=row.answer,
            follow_up=FollowUp(entry.follow_up) if entry.follow_up else None,
            follow_up_note=note))
    return result


def team(state: AgencyYear) -> Team:
    row = ReviewTeam.objects.filter(agency_year=state).first()
    if row is None:
        return Team()
    members = tuple(line.strip() for line in row.members.splitlines() if line.strip())
    return Team(row.number, members, row.lead, row.supervisor, row.inspector, row.inspector_nip,
                row.place)


# ------------------------------------------------------------------ changes


def _trail(user: Any, state: AgencyYear, reason: str = "") -> Trail:
    return Trail(state.agency, user, reason, year=state.year)


def _audit_key(state: AgencyYear, key: str) -> str:
    return f"reviu:{state.year}:{key}"[:200]


def _label(row: ReviewFinding) -> str:
    where = f" — {row.location}" if row.location else ""
    return f"Temuan reviu {row.code}{where}"


def _find(state: AgencyYear, key: str, found: list[Entry]) -> Entry:
    entry = next((e for e in found if e.key == key), None)
    if entry is None:
        raise Refused(gettext("Temuan tidak ditemukan (mungkin sudah tidak ada pada pemeriksaan "
                              "terakhir). Muat ulang halaman."), 404)
    return entry


def _stored(state: AgencyYear, entry: Entry, user: Any) -> ReviewFinding:
    """The entry's row, created from the automated finding the first time someone acts on it."""
    if entry.stored is not None:
        return entry.stored
    f = entry.finding
    row = ReviewFinding.objects.create(
        agency_year=state, key=entry.key, code=f.code, severity=f.severity.value,
        location=f.location.render()[:300], kondisi=f.message_id,
        expected=(f.expected or "")[:300], found=(f.found or "")[:300], created_by=user)
    entry.stored = row
    return row


def decide(user: Any, state: AgencyYear, key: str, found: list[Entry], confirm: bool,
           reason: str = "") -> None:
    """Confirm an automated finding, or dismiss it with a reason."""
    entry = _find(state, key, found)
    if entry.resolved:
        raise Refused(gettext("Temuan ini sudah tidak ditemukan lagi; tidak perlu diputuskan."))
    reason = reason.strip()
    if not confirm and not reason:
        raise Refused(gettext("Alasan menolak temuan wajib diisi."))
    if len(reason) > 2000:
        raise Refused(gettext("Alasan terlalu panjang (paling banyak 2.000 karakter)."))
    with transaction.atomic():
        row = _stored(state, entry, user)
        status = FindingStatus.CONFIRMED if confirm else FindingStatus.DISMISSED
        trail = _trail(user, state, reason)
        changed = trail.compare(_audit_key(state, key), _label(row), row,
                                {"status": status, "reason": "" if confirm else reason})
        if changed:
            row.decided_by = user
            row.decided_at = timezone.now()
            if confirm and not row.follow_up:
                trail.change(_audit_key(state, key), _label(row), "follow_up", None,
                             FollowUpStatus.OPEN)
                row.follow_up = FollowUpStatus.OPEN
            row.save()
            trail.save()


def add_own(user: Any, state: AgencyYear, values: dict[str, str]) -> ReviewFinding:
    """A finding of the team: confirmed by whoever adds it, follow-up open."""
    with transaction.atomic():
        number = ReviewFinding.objects.filter(agency_year=state, own=True).count() + 1
        key = f"{OWN_CODE}:{number}"
        while ReviewFinding.objects.filter(agency_year=state, key=key).exists():
            number += 1
            key = f"{OWN_CODE}:{number}"
        row = ReviewFinding(
            agency_year=state, key=key, own=True, code=OWN_CODE, severity=values["severity"],
            location=values["location"], kondisi=values["kondisi"], kriteria=values["kriteria"],
            rekomendasi=values["rekomendasi"], status=FindingStatus.CONFIRMED, decided_by=user,
            decided_at=timezone.now(), created_by=user, follow_up=FollowUpStatus.OPEN)
        row.save()
        trail = _trail(user, state)
        label = _label(row)
        for field in ("kondisi", "kriteria", "rekomendasi", "location", "severity", "status",
                      "follow_up"):
            trail.change(_audit_key(state, key), label, field, None, getattr(row, field))
        trail.save()
    return row


def answer(user: Any, state: AgencyYear, key: str, found: list[Entry], text: str) -> None:
    """The agency's answer (tanggapan) to a finding."""
    entry = _find(state, key, found)
    text = text.strip()
    if not text:
        raise Refused(gettext("Tanggapan tidak boleh kosong."))
    if len(text) > 5000:
        raise Refused(gettext("Tanggapan terlalu panjang (paling banyak 5.000 karakter)."))
    if entry.status == FindingStatus.DISMISSED:
        raise Refused(gettext("Temuan ini ditolak tim reviu; tidak perlu ditanggapi."))
    with transaction.atomic():
        row = _stored(state, entry, user)
        trail = _trail(user, state)
        if trail.compare(_audit_key(state, key), _label(row), row, {"answer": text}):
            row.answered_by = user
            row.answered_at = timezone.now()
            row.save()
            trail.save()


def follow_up(user: Any, state: AgencyYear, key: str, found: list[Entry], status: str,
              text: str) -> None:
    """A step of the follow-up of a confirmed finding's recommendation, until it is closed."""
    entry = _find(state, key, found)
    text = text.strip()
    if entry.stored is None or entry.status != FindingStatus.CONFIRMED:
        raise Refused(gettext("Tindak lanjut dicatat untuk temuan yang telah dikonfirmasi."))
    if status not in FollowUpStatus.values:
        raise Refused(gettext("Status tindak lanjut tidak dikenal."))
    if not text:
        raise Refused(gettext("Uraikan tindak lanjutnya."))
    if len(text) > 5000:
        raise Refused(gettext("Uraian terlalu panjang (paling banyak 5.000 karakter)."))
    row = entry.stored
    current = FollowUpStatus(row.follow_up or FollowUpStatus.OPEN)
    if current == FollowUpStatus.CLOSED:
        raise Refused(gettext("Tindak lanjut temuan ini sudah selesai."))
    if _ORDER[FollowUpStatus(status)] < _ORDER[current]:
        raise Refused(gettext("Status tindak lanjut tidak dapat mundur."))
    with transaction.atomic():
        FollowUpStep.objects.create(finding=row, status=status, text=text, by=user)
        trail = _trail(user, state, text)
        trail.change(_audit_key(state, key), _label(row), "follow_up", row.follow_up, status)
        if status == row.follow_up:  # a further step at the same status: still recorded
            trail.change(_audit_key(state, key), _label(row), "follow_up_note", None, text)
        row.follow_up = status
        row.save(update_fields=["follow_up"])
        trail.save()


def save_team(user: Any, state: AgencyYear, values: dict[str, str]) -> None:
    with transaction.atomic():
        row, _ = ReviewTeam.objects.get_or_create(agency_year=state)
        trail = _trail(user, state)
        if trail.compare(f"reviu:{state.year}:tim", "Tim reviu", row, values):
            row.save()
            trail.save()


def reply(user: Any, state: AgencyYear, note_id: str, text: str) -> ReviewReply:
    """The agency's reply to a note of the inspectorate, with its audit entry."""
    note = ReviewNote.objects.filter(agency_year=state, pk=int(note_id) if note_id.isdigit()
                                     else None).first()
    if note is None:
        raise Refused(gettext("Catatan reviu tidak ditemukan."), status=404)
    text = text.strip()
    if not text:
        raise Refused(gettext("Balasan tidak boleh kosong."))
    if len(text) > 5000:
        raise Refused(gettext("Balasan terlalu panjang (paling banyak 5.000 karakter)."))
    with transaction.atomic():
        row = ReviewReply.objects.create(note=note, author=user, text=text)
        trail = _trail(user, state)
        trail.change(f"reviu:{state.year}:catatan:{note.pk}", f"Balasan atas catatan reviu "
                     f"{timezone.localtime(note.at):%d-%m-%Y %H:%M}", "balasan", None, text)
        trail.save()
    return row
