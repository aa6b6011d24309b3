"""Audit entries as people read them: Indonesian numbers, full names, local times.

The audit trail stores values as canonical text (``sakip.web.workflow.audit.as_text``): decimals
as ``1234.5``, lists one item per line, booleans as ``ya``/``tidak``. A stored value is shown as a
number exactly when it is a canonical decimal (digits, an optional point and digits, an optional
minus, written as ``format(Decimal(text), "f")`` writes it); anything else is shown as stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from sakip.core.numbers import canonical
from sakip.core.records import WHOLE_NUMBER_FIELDS
from sakip.io.idnum import format_id, places_of
from sakip.web.workflow.models import AuditEntry

_DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")


def decimal_of(text: str | None) -> Decimal | None:
    """The number a stored value is, when it is a canonical decimal ("1234.5", "-5.93", "80")."""
    if not text or not _DECIMAL.fullmatch(text):
        return None
    value = Decimal(text)
    return value if canonical(value) == text else None  # "007" or "1.50e3" are text


@dataclass(frozen=True)
class Value:
    """One stored value (old or new) of an audit entry."""

    stored: str | None
    number: Decimal | None

    def __str__(self) -> str:
        if self.number is not None:
            return format_id(self.number, places_of(self.number))
        return self.stored or ""

    def __bool__(self) -> bool:
        return bool(self.stored)


def value_of(stored: str | None, field: str = "") -> Value:
    """A stored value; a number unless the field holds a whole number such as a year."""
    whole = field.rsplit(".", 1)[-1] in WHOLE_NUMBER_FIELDS
    return Value(stored, None if whole else decimal_of(stored))


def user_name(user: Any) -> str:
    """"Full Name (username)", as every page names a person; empty for an entry without one."""
    from sakip.web.templatetags.people import person

    return person(user, "")


def local_time(at: datetime) -> datetime:
    """``at`` in the configured zone (settings.TIME_ZONE, from SAKIP_TIME_ZONE)."""
    return timezone.localtime(at, timezone.get_default_timezone())


def shown_time(at: datetime) -> str:
    """``29-11-2026 14:05 WIB``: day-month-year, the zone's abbreviation."""
    local = local_time(at)
    return f"{local:%d-%m-%Y %H:%M} {local.tzname()}"


@dataclass(frozen=True)
class Row:
    """An audit entry ready for the page and the exports."""

    at: datetime  # local, aware
    when: str
    user: str
    username: str
    year: int | None
    key: str
    label: str
    field: str
    old: Value
    new: Value
    reason: str


def row_of(entry: AuditEntry) -> Row:
    return Row(at=local_time(entry.at), when=shown_time(entry.at), user=user_name(entry.user),
               username=entry.user.username if entry.user is not None else "",
               year=entry.year, key=entry.key, label=entry.label, field=entry.field,
               old=value_of(entry.old, entry.field), new=value_of(entry.new, entry.field),
               reason=entry.reason)


def rows_of(entries: Iterable[AuditEntry]) -> Iterator[Row]:
    for entry in entries:
        yield row_of(entry)
