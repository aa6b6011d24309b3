"""The evaluation's one write path: every change of an agency-year's LKE goes through a function
here.

Each runs in one transaction with the evaluation's row locked, and:

1. refuses a party acting outside its stage: the agency (its operator and head) answers only in
   the self-assessment, the evaluator (the inspectorate) only in the evaluation; in the agreement
   round the agency answers each disagreement and the evaluator decides it; once final nothing
   changes (:class:`Refused`, a stable ``LKE_*`` code);
2. refuses answers the worksheet does not know (the core's check: :func:`sakip.core.lke.score`);
3. refuses a stale page: a page posts the version it showed (:func:`version`) and, for each
   answer, the digest of what it showed (:func:`digest`); an answer the page changed that
   someone changed since is a conflict and nothing is written (``LKE_CHANGED_SINCE``); an answer
   the page left as shown keeps the other person's change;
4. writes every changed field to the audit trail under a key beginning ``lke:<year>:``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext

from sakip.core import lke as core
from sakip.io.lke_file import load_lke
from sakip.io.problems import InputError
from sakip.web.access import Action, can, membership
from sakip.web.accounts.models import AGENCY_ROLES, Role
from sakip.web.evaluation.models import (
    Answer,
    Disagreement,
    Evaluation,
    FollowUp,
    Party,
    Recommendation,
    Response,
    Stage,
)
from sakip.web.plans.models import Agency
from sakip.web.workflow.audit import Trail
from sakip.web.workflow.models import AgencyYear, AuditEntry, Evidence

PARTY_KEY = {Party.AGENCY: "opd", Party.EVALUATOR: "evaluator"}
PARTY_LABEL = {Party.AGENCY: "perangkat daerah", Party.EVALUATOR: "evaluator"}
EDITS = {Party.AGENCY: Stage.SELF, Party.EVALUATOR: Stage.EVALUATION}  # who answers when
MAX_TEXT = 5000


class Refused(Exception):
    """A change that may not be made: a stable code, the message to show, the HTTP status."""

    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Shown:
    """One answer's values: what a page showed, what it posts, what is stored."""

    answer: str = ""
    note: str = ""
    links: str = ""
    evidence: tuple[int, ...] = ()


@dataclass(frozen=True)
class AnswerEdit:
    """One answer as a page posts it: the criterion's (or claimed sub-component's) code, the
    new values, and the digest of what the page showed (None: the page did not say)."""

    code: str
    answer: str
    note: str = ""
    links: str = ""
    evidence: tuple[int, ...] = ()
    shown: str | None = None

    @property
    def values(self) -> Shown:
        return Shown(self.answer, self.note, self.links, tuple(sorted(self.evidence)))


def digest(values: Shown) -> str:
    """A short fingerprint of an answer's values: a page posts it back with the values it
    showed, so a save can tell what the page changed without the page repeating every text."""
    text = json.dumps([values.answer, values.note, values.links, list(values.evidence)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass
class Outcome:
    changes: int = 0
    conflicts: list[str] = field(default_factory=list)  # codes changed by someone else since
    version: int = 0


# --------------------------------------------------------------------------- reading


def evaluation_of(state: AgencyYear) -> Evaluation:
    """The agency-year's evaluation, begun (in self-assessment, the shipped worksheet) when first
    asked for."""
    row, _ = Evaluation.objects.get_or_create(agency_year=state)
    return row


def prefix(year: int) -> str:
    return f"lke:{year}:"


def version(evaluation: Evaluation) -> int:
    """The version of the evaluation a page shows: its last audit entry (0 before any)."""
    state = evaluation.agency_year
    latest = (AuditEntry.objects.filter(agency_id=state.agency_id, key__startswith=prefix(state.year))
              .aggregate(latest=Max("id"))["latest"])
    return int(latest or 0)


def party_of(user: Any, agency: Agency, state: AgencyYear) -> str | None:
    """The party ``user`` answers for: the agency's own operator and head, or the region's
    inspectorate; None for anyone else (they may read, not answer)."""
    member = membership(user)
    if member is None or not can(user, Action.READ, agency, state.year, state=state):
        return None
    if member.role in AGENCY_ROLES and member.agency_id == agency.pk:
        return str(Party.AGENCY)
    if member.role == Role.INSPECTOR:
        return str(Party.EVALUATOR)
    return None


def sheets(evaluation: Evaluation) -> core.Evaluation:
    """The stored answers as the core's evaluation (self-assessment beside the evaluator's)."""
    answers: dict[str, dict[str, core.Answer]] = {Party.AGENCY: {}, Party.EVALUATOR: {}}
    claims: dict[str, dict[str, core.Answer]] = {Party.AGENCY: {}, Party.EVALUATOR: {}}
    for row in evaluation.answers.all():
        if not row.answer:
            continue
        target = claims if row.claim else answers
        target[row.party][row.code] = core.Answer(row.answer, row.note or None)
    return core.Evaluation(core.Sheet(answers[Party.AGENCY], claims[Party.AGENCY]),
                           core.Sheet(answers[Party.EVALUATOR], claims[Party.EVALUATOR]))


def worksheet(evaluation: Evaluation) -> core.Lke:
    return load_lke(evaluation.version)


# --------------------------------------------------------------------------- writing


def _locked(evaluation: Evaluation) -> Evaluation:
    return (Evaluation.objects.select_for_update().select_related("agency_year__agency__region")
            .get(pk=evaluation.pk))


def _trail(evaluation: Evaluation, user: Any, reason: str = "") -> Trail:
    state = evaluation.agency_year
    return Trail(state.agency, user, reason, state.year)


def _stage_refused(row: Evaluation) -> Refused:
    if row.stage == Stage.FINAL:
        return Refused("LKE_FINAL", gettext(
            "Hasil evaluasi telah ditetapkan final; tidak ada lagi yang dapat diubah."), 409)
    return Refused("LKE_STAGE", gettext(
        "Langkah ini tidak dapat dilakukan pada tahap “%(stage)s” oleh pihak ini.")
        % {"stage": row.stage_label}, 409)


def _require(row: Evaluation, party: str | None, wanted_party: str, stages: Iterable[str]) -> None:
    if party != wanted_party:
        raise Refused("LKE_PARTY", gettext("Akun ini tidak dapat melakukan langkah ini."), 403)
    if row.stage not in set(stages):
        raise _stage_refused(row)


def _shown_of(row: Answer | None) -> Shown:
    if row is None:
        return Shown()
    return Shown(row.answer, row.note, row.links,
                 tuple(sorted(row.evidence.values_list("pk", flat=True))))


def _label(year: int, code: str, claim: bool, party: str) -> str:
    what = "klaim sub-komponen" if claim else "kriteria"
    return f"LKE {year} {what} {code} ({PARTY_LABEL[party]})"


def save_answers(evaluation: Evaluation, user: Any, party: str | None, edits: Sequence[AnswerEdit],
                 *, seen: int | None = None) -> Outcome:
    """Write ``party``'s answers (criteria and sub-component claims) posted by a page."""
    with transaction.atomic():
        row = _locked(evaluation)
        if party is None or party not in EDITS:
            raise Refused("LKE_PARTY", gettext("Akun ini tidak dapat mengisi LKE."), 403)
        _require(row, party, party, (EDITS[party],))
        lke = worksheet(row)
        state = row.agency_year
        stored = {a.code: a for a in row.answers.filter(party=party).prefetch_related("evidence")}
        _check(lke, edits, state)
        outcome = Outcome(version=version(row))
        now = {e.code: _shown_of(stored.get(e.code)) for e in edits}
        changed = [e for e in edits if digest(e.values) != (e.shown or digest(now[e.code]))]
        if seen is not None and seen < outcome.version:
            outcome.conflicts = [e.code for e in changed
                                 if e.shown is not None and digest(now[e.code]) != e.shown
                                 and now[e.code] != e.values]
            if outcome.conflicts:
                raise Refused("LKE_CHANGED_SINCE", _changed_since(row, seen, outcome.conflicts), 409)
        with translation.override(settings.LANGUAGE_CODE):
            trail = _trail(row, user)
            for edit in changed:
                claim = edit.code in lke.subcomponent_by_code
                answer = stored.get(edit.code) or Answer(evaluation=row, code=edit.code,
                                                         party=party, claim=claim)
                key = f"{prefix(state.year)}{edit.code}:{PARTY_KEY[party]}"
                label = _label(state.year, edit.code, claim, party)
                before = now[edit.code]
                trail.compare(key, label, answer, {"answer": edit.answer, "note": edit.note,
                                                   "links": edit.links})
                answer.changed_by = user if getattr(user, "is_authenticated", False) else None
                answer.save()
                wanted = tuple(sorted(edit.evidence))
                if before.evidence != wanted:
                    trail.change(key, label, "evidence", list(before.evidence), list(wanted))
                    answer.evidence.set(wanted)
            outcome.changes = trail.save()
        outcome.version = version(row)
    return outcome


def _check(lke: core.Lke, edits: Sequence[AnswerEdit], state: AgencyYear) -> None:
    answers = {e.code: core.Answer(e.answer or None) for e in edits
               if e.code not in lke.subcomponent_by_code}
    claims = {e.code: core.Answer(e.answer or None) for e in edits
              if e.code in lke.subcomponent_by_code}
    try:
        core.score(lke, core.Sheet(answers, claims))
    except InputError as error:
        raise Refused(error.problems[0].code, "; ".join(
            p.message_id if translation.get_language() != "en" else p.message_en
            for p in error.problems)) from error
    for edit in edits:
        if len(edit.note) > MAX_TEXT or len(edit.links) > MAX_TEXT:
            raise Refused("LKE_TOO_LONG", gettext(
                "Catatan atau tautan kriteria %(code)s terlalu panjang (paling banyak 5.000 "
                "karakter).") % {"code": edit.code})
    wanted = {pk for e in edits for pk in e.evidence}
    if wanted:
        own = set(Evidence.objects.filter(pk__in=wanted, actual__indicator__agency=state.agency)
                  .values_list("pk", flat=True))
        if wanted - own:
            raise Refused("LKE_UNKNOWN_EVIDENCE", gettext(
                "Bukti dukung yang dipilih bukan milik perangkat daerah ini."))


def _changed_since(row: Evaluation, seen: int, codes: list[str]) -> str:
    state = row.agency_year
    last = (AuditEntry.objects.filter(agency_id=state.agency_id, key__startswith=prefix(state.year),
                                      id__gt=seen).select_related("user").order_by("-id").first())
    who = (last.user.get_full_name() or last.user.username) if last and last.user else "—"
    return gettext(
        "Jawaban %(codes)s telah diubah oleh %(who)s sejak halaman ini dibuka; muat ulang halaman "
        "dan ulangi perubahan.") % {"codes": ", ".join(codes), "who": who}


# --------------------------------------------------------------------------- the steps

STEPS = {
    # URL slug: (the party taking it, the stage it leaves, the stage it reaches)
    "kirim": (Party.AGENCY, Stage.SELF, Stage.EVALUATION),
    "putaran": (Party.EVALUATOR, Stage.EVALUATION, Stage.AGREEMENT),
    "final": (Party.EVALUATOR, Stage.AGREEMENT, Stage.FINAL),
}


def step(evaluation: Evaluation, user: Any, party: str | None, name: str) -> Evaluation:
    """Move the evaluation on: send the self-assessment to the evaluator (``kirim``), begin the
    agreement round with the criteria answered differently (``putaran``), set the final result
    (``final``: every disagreement agreed to or decided)."""
    if name not in STEPS:
        raise Refused("LKE_UNKNOWN_STEP", gettext("Langkah evaluasi tidak dikenal."), 404)
    taker, source, target = STEPS[name]
    with transaction.atomic():
        row = _locked(evaluation)
        _require(row, party, taker, (source,))
        now = timezone.now()
        with translation.override(settings.LANGUAGE_CODE):
            trail = _trail(row, user)
            year = row.agency_year.year
            if name == "kirim":
                row.submitted_at, row.submitted_by = now, user
            elif name == "putaran":
                row.round_at, row.round_by = now, user
                _open_round(row, trail)
            else:
                open_codes = [d.code for d in row.disagreements.all()
                              if d.response != Response.AGREE and not d.decision]
                if open_codes:
                    raise Refused("LKE_UNDECIDED", gettext(
                        "Ketidaksepakatan %(codes)s belum diputuskan evaluator.")
                        % {"codes": ", ".join(open_codes)}, 409)
                row.final_at, row.final_by = now, user
            trail.change(f"{prefix(year)}tahap", f"LKE {year} tahap", "tahap",
                         Stage(row.stage).label, Stage(target).label)
            row.stage = target
            row.save()
            trail.save()
    return row


def _open_round(row: Evaluation, trail: Trail) -> None:
    differences = sheets(row)
    year = row.agency_year.year
    agency, evaluator = differences.self_assessment, differences.evaluator
    row.disagreements.all().delete()
    for code in differences.differences():
        mine = agency.answers.get(code) or agency.claims[code]
        theirs = evaluator.answers.get(code) or evaluator.claims[code]
        Disagreement.objects.create(evaluation=row, code=code, agency_answer=mine.answer or "",
                                    evaluator_answer=theirs.answer or "")
        trail.change(f"{prefix(year)}{code}:putaran", f"LKE {year} ketidaksepakatan {code}",
                     "dibuka", None, f"{mine.answer} / {theirs.answer}")


def respond(evaluation: Evaluation, user: Any, party: str | None, code: str, response: str,
            reason: str) -> Disagreement:
    """The agency agrees with the evaluator's answer to a disagreement, or disagrees with its
    reason (agreement round)."""
    reason = reason.strip()
    if response not in (Response.AGREE, Response.DISAGREE):
        raise Refused("LKE_BAD_RESPONSE", gettext("Pilih setuju atau tidak setuju."))
    if response == Response.DISAGREE and not reason:
        raise Refused("LKE_REASON_REQUIRED", gettext(
            "Alasan wajib diisi bila tidak setuju dengan jawaban evaluator."))
    if len(reason) > MAX_TEXT:
        raise Refused("LKE_TOO_LONG", gettext("Alasan terlalu panjang (paling banyak 5.000 karakter)."))
    with transaction.atomic():
        row = _locked(evaluation)
        _require(row, party, Party.AGENCY, (Stage.AGREEMENT,))
        item = _disagreement(row, code)
        with translation.override(settings.LANGUAGE_CODE):
            trail = _trail(row, user)
            year = row.agency_year.year
            key, label = f"{prefix(year)}{code}:putaran", f"LKE {year} ketidaksepakatan {code}"
            trail.change(key, label, "tanggapan", _response_label(item.response),
                         _response_label(response))
            trail.change(key, label, "alasan", item.reason, reason)
            item.response, item.reason = response, reason
            item.responded_at, item.responded_by = timezone.now(), user
            item.save()
            trail.save()
    return item


def decide(evaluation: Evaluation, user: Any, party: str | None, code: str, decision: str,
           note: str) -> Disagreement:
    """The evaluator decides a disagreement: the answer that stands (it becomes the evaluator's
    answer, which the final score takes), with a note."""
    note = note.strip()
    if len(note) > MAX_TEXT:
        raise Refused("LKE_TOO_LONG", gettext("Catatan terlalu panjang (paling banyak 5.000 karakter)."))
    with transaction.atomic():
        row = _locked(evaluation)
        _require(row, party, Party.EVALUATOR, (Stage.AGREEMENT,))
        item = _disagreement(row, code)
        lke = worksheet(row)
        claim = code in lke.subcomponent_by_code
        options = (lke.claims if claim else lke.criterion_by_code[code].type.by_code)
        if decision not in options:
            raise Refused("LKE_BAD_ANSWER", gettext(
                "Keputusan “%(answer)s” untuk %(code)s tidak dikenal (pilihan: %(choices)s).")
                % {"answer": decision, "code": code, "choices": ", ".join(options)})
        with translation.override(settings.LANGUAGE_CODE):
            trail = _trail(row, user)
            year = row.agency_year.year
            key, label = f"{prefix(year)}{code}:putaran", f"LKE {year} ketidaksepakatan {code}"
            trail.change(key, label, "keputusan", item.decision, decision)
            trail.change(key, label, "catatan", item.decision_note, note)
            item.decision, item.decision_note = decision, note
            item.decided_at, item.decided_by = timezone.now(), user
            item.save()
            answer, _ = Answer.objects.get_or_create(evaluation=row, code=code,
                                                     party=Party.EVALUATOR,
                                                     defaults={"claim": claim})
            trail.compare(f"{prefix(year)}{code}:{PARTY_KEY[Party.EVALUATOR]}",
                          _label(year, code, claim, Party.EVALUATOR), answer,
                          {"answer": decision})
            answer.changed_by = user
            answer.save()
            trail.save()
    return item


def _disagreement(row: Evaluation, code: str) -> Disagreement:
    item = row.disagreements.filter(code=code).first()
    if item is None:
        raise Refused("LKE_NO_DISAGREEMENT", gettext(
            "Tidak ada ketidaksepakatan pada %(code)s.") % {"code": code}, 404)
    return item


def _response_label(response: str) -> str | None:
    return str(Response(response).label) if response else None


# --------------------------------------------------------------------------- recommendations


def recommend(evaluation: Evaluation, user: Any, party: str | None, component: str,
              text: str) -> Recommendation:
    """The evaluator adds a recommendation on a component (evaluation and agreement round)."""
    text = text.strip()
    if not text:
        raise Refused("LKE_EMPTY_RECOMMENDATION", gettext("Rekomendasi tidak boleh kosong."))
    if len(text) > MAX_TEXT:
        raise Refused("LKE_TOO_LONG", gettext(
            "Rekomendasi terlalu panjang (paling banyak 5.000 karakter)."))
    with transaction.atomic():
        row = _locked(evaluation)
        _require(row, party, Party.EVALUATOR, (Stage.EVALUATION, Stage.AGREEMENT))
        if component not in {c.code for c in worksheet(row).components}:
            raise Refused("LKE_UNKNOWN_COMPONENT", gettext(
                "Komponen “%(code)s” tidak ada dalam LKE.") % {"code": component})
        item = Recommendation.objects.create(evaluation=row, component=component, text=text,
                                             created_by=user)
        with translation.override(settings.LANGUAGE_CODE):
            trail = _trail(row, user)
            year = row.agency_year.year
            trail.change(f"{prefix(year)}rekomendasi:{item.pk}",
                         f"LKE {year} rekomendasi komponen {component}", "rekomendasi", None, text)
            trail.save()
    return item


def withdraw(evaluation: Evaluation, user: Any, party: str | None, pk: int) -> None:
    """The evaluator withdraws a recommendation before the result is final."""
    with transaction.atomic():
        row = _locked(evaluation)
        _require(row, party, Party.EVALUATOR, (Stage.EVALUATION, Stage.AGREEMENT))
        item = row.recommendations.filter(pk=pk).first()
        if item is None:
            raise Refused("LKE_NO_RECOMMENDATION", gettext("Rekomendasi tidak ditemukan."), 404)
        with translation.override(settings.LANGUAGE_CODE):
            trail = _trail(row, user)
            year = row.agency_year.year
            trail.change(f"{prefix(year)}rekomendasi:{item.pk}",
                         f"LKE {year} rekomendasi komponen {item.component}", "rekomendasi",
                         item.text, None)
            item.delete()
            trail.save()


def previous(evaluation: Evaluation) -> Evaluation | None:
    """The agency's evaluation of the year before, when it is final: its recommendations are
    followed up in this one."""
    state = evaluation.agency_year
    return (Evaluation.objects.filter(agency_year__agency_id=state.agency_id,
                                      agency_year__year=state.year - 1, stage=Stage.FINAL)
            .first())


def follow_up(evaluation: Evaluation, user: Any, party: str | None, recommendation: int,
              followed: bool | None, note: str) -> FollowUp:
    """Whether last year's recommendation was followed up: the agency says so in its
    self-assessment, the evaluator in the evaluation."""
    note = note.strip()
    if len(note) > MAX_TEXT:
        raise Refused("LKE_TOO_LONG", gettext("Catatan terlalu panjang (paling banyak 5.000 karakter)."))
    with transaction.atomic():
        row = _locked(evaluation)
        if party is None or party not in EDITS:
            raise Refused("LKE_PARTY", gettext("Akun ini tidak dapat melakukan langkah ini."), 403)
        _require(row, party, party, (EDITS[party],))
        earlier = previous(row)
        item = earlier.recommendations.filter(pk=recommendation).first() if earlier else None
        if item is None:
            raise Refused("LKE_NO_RECOMMENDATION", gettext("Rekomendasi tidak ditemukan."), 404)
        found, _ = FollowUp.objects.get_or_create(evaluation=row, recommendation=item)
        with translation.override(settings.LANGUAGE_CODE):
            trail = _trail(row, user)
            year = row.agency_year.year
            key = f"{prefix(year)}tindak-lanjut:{item.pk}"
            label = f"LKE {year} tindak lanjut rekomendasi {item.evaluation.agency_year.year} " \
                    f"komponen {item.component}"
            trail.compare(key, label, found, {"followed": followed, "note": note})
            found.changed_by = user
            found.save()
            trail.save()
    return found
