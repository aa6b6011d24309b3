"""What every data-entry page does to save: its edits go through the one write path
(:func:`sakip.web.plans.write.write`) with the revision the page showed, its problems come
back beside its inputs, and values someone else changed meanwhile are shown as conflicts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any

from django.contrib import messages
from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext

from sakip.core import records as r
from sakip.io.plan_checks import Location, Locator, nowhere
from sakip.io.problems import Problem
from sakip.web.entry.cells import CellError, shown
from sakip.web.labels import FIELDS, language
from sakip.web.plans import models as m
from sakip.web.plans.write import Conflict, Outcome, write


@dataclass
class Form:
    """What was posted (or is stored), and the errors, by input name."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def read(self, name: str, reader: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return reader(self.values.get(name), *args, **kwargs)
        except CellError as error:
            self.errors[name] = error.message
            return None


def input_of(form: Form, name: str, label: str = "") -> dict[str, str]:
    """One input for a template: its name, the value shown, its error, a label for readers."""
    return {"name": name, "value": form.values.get(name) or "", "error": form.errors.get(name, ""),
            "label": label}


def reason(request: HttpRequest) -> str:
    return (request.POST.get("alasan") or "").strip()[:1000]


def seen(request: HttpRequest) -> int | None:
    """The revision of the plan the page showed (its hidden ``rev`` input)."""
    raw = (request.POST.get("rev") or "").strip()
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


class Inputs:
    """A locator for the write path: which input of the page shows a field of a record."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, r.Key], dict[str | None, str]] = {}

    def add(self, kind: str, key: r.Key, /, **names: str) -> None:
        """``names``: field → input name; the field ``any`` stands for the record's other fields."""
        self.names[(kind, key)] = {("" if k == "any" else k): v for k, v in names.items()}

    def __call__(self, kind: str, key: r.Key, field: str | None, nth: int) -> Location:
        fields = self.names.get((kind, key))
        if fields is None:
            return nowhere(kind, key, field, nth)
        found = fields.get(field or "") or fields.get("")
        return Location(path=found) if found else nowhere(kind, key, field, nth)


def message(problem: Problem) -> str:
    return problem.message_en if language() == "en" else problem.message_id


def save(request: HttpRequest, agency: m.Agency, edits: Any, *, form: Form | None = None,
         locate: Locator = nowhere, renames: Iterable[tuple[str, str, str]] = (),
         note: tuple[str, str, str] | None = None, success: str = "") -> tuple[Outcome, list[str]]:
    """Save through the write path. Refused: the problems are put beside the form's inputs
    and all of them returned as sentences (the summary above the form). Saved: a success
    message (``success`` with the count) and one warning per conflict."""
    outcome = write(agency, request.user, edits, reason=reason(request), seen=seen(request),
                    renames=renames, locate=locate, note=note)
    sentences = []
    for problem in outcome.problems:
        if form is not None and problem.path in form.values:
            form.errors.setdefault(problem.path, message(problem))
            sentences.append(message(problem))
        else:
            sentences.append(problem.render(language()))
    if not outcome.refused:
        if success:
            messages.success(request, success % {"count": outcome.changes})
        for conflict in outcome.conflicts:
            messages.warning(request, conflict_text(conflict))
    return outcome, sentences


def saved(request: HttpRequest, agency: m.Agency, edits: Any, *, form: Form, locate: Locator,
          success: str) -> bool:
    """A page's save: nothing while its form has errors, else through the write path; says
    what happened either way. True when saved."""
    if form.errors:
        refused(request)
        return False
    outcome, problems = save(request, agency, edits, form=form, locate=locate, success=success)
    if outcome.refused:
        refused(request, problems)
    return not outcome.refused


def refused(request: HttpRequest, problems: Iterable[str] = ()) -> None:
    """Nothing was saved: say so, with every problem."""
    messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
    for problem in problems:
        messages.error(request, problem)


def conflict_text(conflict: Conflict) -> str:
    when = formats.date_format(timezone.localtime(conflict.at), "d-m-Y H:i T") if conflict.at else ""
    return gettext("%(what)s (%(field)s) tidak disimpan: diubah oleh %(who)s pada %(when)s setelah "
                   "halaman Anda dibuka. Nilai tersimpan: %(theirs)s; isian Anda: %(mine)s.") % {
        "what": conflict.label, "field": FIELDS.get(conflict.field, conflict.field),
        "who": conflict.by, "when": when, "theirs": value_text(conflict.theirs),
        "mine": value_text(conflict.mine)}


def value_text(value: Any) -> str:
    if value is None or value == () or value == "":
        return gettext("(kosong)")
    if isinstance(value, bool):
        return gettext("ya") if value else gettext("tidak")
    if isinstance(value, Decimal):
        return shown(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, tuple):
        return "; ".join(value_text(v) for v in value)
    return str(value)
