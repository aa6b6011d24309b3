"""The filters of the history pages: read from the query string, applied to the audit entries and
kept in the page and download links.

    kunci=realisasi:IKU-01:2020:0   one value's whole history (every year)
    lingkup=semua                   every year (default: the year viewed and the year-less changes)
    oleh=<user id>                  changes by one user
    cari=<text>                     text in the description (label) or the key
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import QueryDict

from sakip.web.workflow.history_rows import user_name

SCOPE_YEAR = "tahun"  # the year viewed, and every change that belongs to no year
SCOPE_ALL = "semua"  # every year
MAX_TEXT = 200  # the longest key is 200 characters, a label 300: nothing longer can match usefully
_ID = re.compile(r"[0-9]{1,18}")


@dataclass(frozen=True)
class HistoryFilter:
    key: str = ""
    scope: str = SCOPE_YEAR
    user: int | None = None
    text: str = ""

    @classmethod
    def read(cls, query: QueryDict) -> HistoryFilter:
        """The filter a query string asks for; anything malformed is ignored, never an error."""
        user = (query.get("oleh") or "").strip()
        return cls(key=(query.get("kunci") or "").strip()[:MAX_TEXT],
                   scope=SCOPE_ALL if query.get("lingkup") == SCOPE_ALL else SCOPE_YEAR,
                   user=int(user) if _ID.fullmatch(user) else None,
                   text=(query.get("cari") or "").strip()[:MAX_TEXT])

    @property
    def narrowed(self) -> bool:
        """Whether anything other than the default is asked for."""
        return self != HistoryFilter()

    def apply(self, entries: QuerySet, year: int | None = None) -> QuerySet:
        """``entries`` filtered; ``year`` is the year viewed (None on the region's page)."""
        if self.key:
            entries = entries.filter(key=self.key)
        elif year is not None and self.scope == SCOPE_YEAR:
            # year__in=[year, None] would never match NULL in SQL: the year-less rows need isnull
            entries = entries.filter(Q(year=year) | Q(year__isnull=True))
        if self.user is not None:
            entries = entries.filter(user_id=self.user)
        if self.text:
            entries = entries.filter(Q(label__icontains=self.text) | Q(key__icontains=self.text))
        return entries

    def query(self) -> QueryDict:
        """The filter as a query string (for page and download links)."""
        query = QueryDict(mutable=True)
        for name, value in (("kunci", self.key), ("cari", self.text),
                            ("oleh", "" if self.user is None else str(self.user)),
                            ("lingkup", "" if self.scope == SCOPE_YEAR else self.scope)):
            if value:
                query[name] = value
        return query


def users_in(entries: QuerySet) -> list[tuple[int, str]]:
    """The users who made any of ``entries``, by name: the choices of the "by" filter."""
    users: Any = get_user_model().objects.filter(pk__in=entries.values("user_id"))
    named = [(user.pk, user_name(user), user.username) for user in users]
    return [(pk, name if name == username else f"{name} ({username})")
            for pk, name, username in sorted(named, key=lambda u: (u[1].casefold(), u[2]))]
