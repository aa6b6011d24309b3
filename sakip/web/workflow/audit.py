"""The audit trail: every change to a value, written in the transaction that changes it."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from django.db import models

from sakip.core.numbers import canonical
from sakip.web.plans.decimals import tidy
from sakip.web.plans.models import Agency, Region
from sakip.web.workflow.models import AuditEntry


def as_text(value: Any) -> str | None:
    """A value as the audit trail keeps it: canonical decimals, lists one item per line."""
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        tidied = tidy(value)
        return canonical(tidied) if tidied is not None else None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, list | tuple):
        return "\n".join(_item(v) for v in value) or None
    if isinstance(value, models.Model):
        return str(getattr(value, "code", value.pk))
    return str(value)


def _item(value: Any) -> str:
    """One item of a list: a table row's cells separated by tabs."""
    if isinstance(value, list | tuple):
        return "\t".join(as_text(cell) or "" for cell in value)
    return as_text(value) or ""


class Trail:
    """Collects the changes of one save and writes them as audit entries."""

    def __init__(self, agency: Agency | None, user: Any, reason: str = "", year: int | None = None,
                 region: Region | None = None, revision: int | None = None):
        self.agency = agency
        if region is None and agency is not None:
            region = agency.region
        self.region = region
        if self.region is None:
            raise ValueError("an audit trail belongs to an agency or a region")
        self.user = user if getattr(user, "is_authenticated", False) else None
        self.reason = reason.strip()
        self.year = year
        self.revision = revision
        self.entries: list[AuditEntry] = []

    def change(self, key: str, label: str, field: str, old: Any, new: Any,
               year: int | None = None) -> bool:
        before, after = as_text(old), as_text(new)
        if before == after:
            return False
        self.entries.append(AuditEntry(
            region=self.region, agency=self.agency, year=year if year is not None else self.year,
            user=self.user, key=key, label=label[:300], field=field, old=before, new=after,
            reason=self.reason, revision=self.revision))
        return True

    def compare(self, key: str, label: str, instance: models.Model, values: dict[str, Any],
                year: int | None = None) -> bool:
        """Set ``values`` on ``instance``, recording each field that changes. True if any did."""
        changed = False
        for field, value in values.items():
            if self.change(key, label, field, getattr(instance, field), value, year):
                setattr(instance, field, value)
                changed = True
        return changed

    def save(self) -> int:
        AuditEntry.objects.bulk_create(self.entries)
        count = len(self.entries)
        self.entries = []
        return count
