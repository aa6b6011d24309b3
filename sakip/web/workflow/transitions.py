"""The workflow of an agency-year: which transition goes where, who may take it (through
:func:`sakip.web.access.can`), and which need a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sakip.web.access import Action, can
from sakip.web.labels import language
from sakip.web.workflow import snapshots
from sakip.web.workflow.audit import Trail
from sakip.web.workflow.models import AgencyYear, State


@dataclass(frozen=True)
class Transition:
    name: str  # URL slug
    action: Action
    target: str | None  # a State; None: the state does not change (review, publish)
    label: Any  # the button (a lazily translated text)
    needs_reason: bool = False
    style: str = "primary"


TRANSITIONS: tuple[Transition, ...] = (
    Transition("ajukan", Action.SUBMIT, State.SUBMITTED, _("Ajukan untuk verifikasi")),
    Transition("verifikasi", Action.VERIFY, State.VERIFIED, _("Verifikasi")),
    Transition("setujui", Action.APPROVE, State.APPROVED, _("Setujui dan kunci")),
    Transition("kembalikan", Action.RETURN, State.RETURNED, _("Kembalikan untuk diperbaiki"),
               needs_reason=True, style="warning"),
    Transition("buka-kembali", Action.REOPEN, State.DRAFT, _("Buka kembali"), needs_reason=True,
               style="warning"),
    Transition("tandai-direviu", Action.REVIEW, None, _("Tandai laporan telah direviu")),
    Transition("publikasikan", Action.PUBLISH, None, _("Publikasikan")),
    Transition("tarik-publikasi", Action.PUBLISH, None, _("Tarik dari publikasi"), style="warning"),
)
BY_NAME = {t.name: t for t in TRANSITIONS}


class TransitionRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def available(user: Any, state: AgencyYear) -> list[Transition]:
    result = []
    for t in TRANSITIONS:
        if not can(user, t.action, state.agency, state.year, state=state):
            continue
        if t.name == "publikasikan" and state.published:
            continue
        if t.name == "tarik-publikasi" and not state.published:
            continue
        result.append(t)
    return result


@transaction.atomic
def take(user: Any, state: AgencyYear, name: str, reason: str = "") -> AgencyYear:
    """Take a transition, or raise :class:`TransitionRefused` with a message in the
    request's language."""
    transition = BY_NAME.get(name)
    if transition is None:
        raise TransitionRefused(gettext("Langkah alur kerja tidak dikenal."))
    state = AgencyYear.objects.select_for_update().select_related("agency").get(pk=state.pk)
    if transition not in available(user, state):
        raise TransitionRefused(
            gettext("Langkah “%(step)s” tidak dapat dilakukan pada status “%(state)s” oleh akun "
                    "ini.") % {"step": transition.label, "state": state.state_label})
    reason = reason.strip()
    if transition.needs_reason and not reason:
        raise TransitionRefused(gettext("Alasan wajib diisi untuk langkah ini."))
    try:
        with translation.override(settings.LANGUAGE_CODE):  # the trail is a record: in Indonesian
            _record(user, state, transition, reason)
    except snapshots.Unfreezable as unfreezable:  # nothing is saved: the transaction rolls back
        english = language() == "en"
        problems = "; ".join(p.message_en if english else p.message_id
                             for p in unfreezable.problems[:5])
        more = len(unfreezable.problems) - 5
        raise TransitionRefused(
            gettext("Tahun ini belum dapat disetujui: data rencananya melanggar aturan rencana "
                    "(%(problems)s%(more)s). Perbaiki datanya dahulu, lalu setujui lagi.")
            % {"problems": problems, "more": f"; +{more}" if more > 0 else ""}) from None
    return state


def _reopened(state: AgencyYear) -> str:
    """Why the year was last reopened: what a new approved version is for."""
    from sakip.web.workflow.models import AuditEntry

    entry = (AuditEntry.objects.filter(agency=state.agency, key=f"status:{state.year}",
                                       field="state", old=str(State.APPROVED.label))
             .order_by("-id").first())
    return entry.reason if entry is not None else ""


def _record(user: Any, state: AgencyYear, transition: Transition, reason: str) -> None:
    trail = Trail(state.agency, user, reason, state.year)
    key, label = f"status:{state.year}", f"Status data {state.year}"
    if transition.target is not None:
        trail.change(key, label, "state", State(state.state).label, State(transition.target).label)
        state.state = transition.target
        state.reason = reason
        if transition.action is Action.REOPEN and state.published:
            trail.change(key, label, "published", True, False)
            state.published = False  # what is published is the approved version: withdraw it
        if transition.action is Action.REOPEN and state.reviewed_at is not None:
            # the review was of the approved version; the history keeps that it was reviewed
            trail.change(key, label, "reviewed", f"direviu {state.reviewed_at:%Y-%m-%d %H:%M}", None)
            state.reviewed_at = None
            state.reviewed_by = None
        if transition.target == State.APPROVED:
            snapshot = snapshots.take(state.agency, state.year, user, reason or _reopened(state))
            trail.change(key, label, "snapshot", None,
                         f"versi {snapshot.version} SHA-256 {snapshot.sha256}")
    elif transition.action is Action.REVIEW:
        state.reviewed_at = timezone.now()
        state.reviewed_by = user
        trail.change(key, label, "reviewed", None, f"direviu {state.reviewed_at:%Y-%m-%d %H:%M}")
    else:
        published = transition.name == "publikasikan"
        trail.change(key, label, "published", state.published, published)
        state.published = published
    state.changed_by = user
    state.save()
    trail.save()
    from sakip.web.monitoring.notify import after_transition

    after_transition(state, transition.name, user, reason)  # mails once committed
