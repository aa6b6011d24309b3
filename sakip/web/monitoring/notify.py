"""E-mail notifications (Django's e-mail framework; console by default, SMTP through
SAKIP_EMAIL_*): on submit, return and approve of an agency-year, and a reminder to an agency's
editors N days before a deadline while entries are missing — once per period and agency.

Each mail is in its recipient's language (their ``Preference``; Indonesian by default). A user
without an e-mail address is skipped.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from sakip.web.accounts.models import Membership, Role
from sakip.web.labels import language
from sakip.web.monitoring import completeness, windows
from sakip.web.monitoring.models import Preference, Reminder, Window
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import EDITABLE, AgencyYear

log = logging.getLogger(__name__)
Text = Callable[[], str]  # called inside the recipient's language


def language_of(user: Any) -> str:
    try:
        return user.mail_preference.language  # type: ignore[no-any-return]
    except Preference.DoesNotExist:
        return settings.LANGUAGE_CODE


def link(name: str, **kwargs: Any) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


def members(agency: Agency, agency_roles: Iterable[str], region_roles: Iterable[str] = (),
            *, besides: Any = None) -> list[Any]:
    """The active users of ``agency`` with ``agency_roles`` and of its region with
    ``region_roles``, without ``besides`` (who acted)."""
    rows = (Membership.objects.filter(Q(agency=agency, role__in=list(agency_roles))
                                      | Q(region_id=agency.region_id, agency__isnull=True,
                                          role__in=list(region_roles)))
            .select_related("user", "user__mail_preference"))
    return [m.user for m in rows if m.user.is_active and m.user != besides]


def send(users: Iterable[Any], subject: Text, body: Text, *, fail_silently: bool) -> int:
    """One mail per user with an address, written in the user's language. The number sent."""
    mails = []
    for user in users:
        if not user.email:
            continue
        with translation.override(language_of(user)):
            mails.append(EmailMessage(subject(), body(), settings.DEFAULT_FROM_EMAIL, [user.email]))
    if not mails:
        return 0
    try:
        return get_connection(fail_silently=fail_silently).send_messages(mails) or 0
    except Exception:
        if not fail_silently:
            raise
        log.exception("e-mail notification not sent")
        return 0


# ------------------------------------------------------------------------------ the workflow

def transition(state: AgencyYear, step: str, user: Any, reason: str = "") -> int:
    """Mail who must act after a step: on ``ajukan`` the heads and the inspectorate (to
    verify), on ``kembalikan`` the agency's operators and head (to correct), on ``setujui``
    the agency and the region admin (to publish). Other steps send nothing."""
    agency = state.agency
    who = user.get_full_name() or user.username if user is not None else "—"
    names = {"agency": agency.name, "year": state.year, "who": who, "reason": reason,
             "link": link("workflow", agency=agency.pk, year=state.year)}
    if step == "ajukan":
        users = members(agency, [Role.HEAD], [Role.INSPECTOR], besides=user)
        return send(users, lambda: gettext("[Sakip] %(agency)s %(year)s diajukan untuk "
                                           "verifikasi") % names,
                    lambda: gettext("%(who)s mengajukan data %(agency)s tahun %(year)s untuk "
                                    "verifikasi.\n\n%(link)s\n") % names, fail_silently=True)
    if step == "kembalikan":
        users = members(agency, [Role.OPERATOR, Role.HEAD], besides=user)
        return send(users, lambda: gettext("[Sakip] %(agency)s %(year)s dikembalikan untuk "
                                           "diperbaiki") % names,
                    lambda: gettext("%(who)s mengembalikan data %(agency)s tahun %(year)s untuk "
                                    "diperbaiki.\nAlasan: %(reason)s\n\n%(link)s\n") % names,
                    fail_silently=True)
    if step == "setujui":
        users = members(agency, [Role.OPERATOR, Role.HEAD], [Role.ADMIN], besides=user)
        return send(users, lambda: gettext("[Sakip] %(agency)s %(year)s disetujui") % names,
                    lambda: gettext("%(who)s menyetujui data %(agency)s tahun %(year)s; data "
                                    "tahun itu kini terkunci.\n\n%(link)s\n") % names,
                    fail_silently=True)
    return 0


def after_transition(state: AgencyYear, step: str, user: Any, reason: str) -> None:
    """The workflow's hook: mail once the transition is committed."""
    transaction.on_commit(lambda: transition(state, step, user, reason))


# ------------------------------------------------------------------------------- deadlines

def remind(days: int, now: datetime | None = None) -> list[tuple[Window, Agency, int]]:
    """Mail the editors (operators and head) of every agency whose entry of a period closes
    within ``days`` and still misses entries; once per window and agency. What was sent:
    (window, agency, number of mails)."""
    now = now or timezone.now()
    until = now + timedelta(days=days)
    listed = list(Window.objects.filter(Q(deadline__gt=now) | Q(events__deadline__gt=now))
                  .distinct().select_related("region").prefetch_related("events"))
    done = set(Reminder.objects.filter(window__in=listed).values_list("window_id", "agency_id"))
    sent = []
    for window in listed:
        agencies = list(Agency.objects.filter(region=window.region))
        frozen = set(AgencyYear.objects.filter(agency__in=agencies, year=window.year)
                     .exclude(state__in=EDITABLE).values_list("agency_id", flat=True))
        due = [a for a in agencies if a.pk not in frozen and (window.pk, a.pk) not in done
               and now < windows.standing(window, a).deadline <= until]
        counts = completeness.compute([a.pk for a in due], window.year, [window.period])
        for agency in due:
            count = counts[(agency.pk, window.period)]
            if not count.missing:
                continue
            try:
                with transaction.atomic():
                    reminder = Reminder.objects.create(window=window, agency=agency)
                    reminder.recipients = _remind(window, agency, count)
                    reminder.save(update_fields=["recipients"])
            except IntegrityError:  # another run got there first
                continue
            except (OSError, smtplib.SMTPException):  # not recorded: the next run tries again
                log.exception("deadline reminder to %s not sent", agency.code)
                continue
            sent.append((window, agency, reminder.recipients))
    return sent


def _remind(window: Window, agency: Agency, count: completeness.Completeness) -> int:
    deadline = windows.standing(window, agency).deadline

    def names() -> dict[str, Any]:
        lang = language()
        return {"agency": agency.name, "year": window.year, "period": window.period.label(lang),
                "when": f"{timezone.localtime(deadline):%d-%m-%Y %H:%M}",
                "count": count.missing,
                "list": ", ".join([*count.missing_indicators, *count.missing_budgets]),
                "link": link("period_entry", agency=agency.pk, year=window.year,
                             period=windows.slug(window.period))}

    return send(members(agency, [Role.OPERATOR, Role.HEAD]),
                lambda: gettext("[Sakip] Batas pengisian %(period)s %(year)s: %(when)s") % names(),
                lambda: gettext("Pengisian %(period)s %(year)s untuk %(agency)s ditutup pada "
                                "%(when)s. Belum diisi (%(count)s): %(list)s.\n\n%(link)s\n")
                % names(), fail_silently=False)
