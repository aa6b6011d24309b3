"""The entry workbook: one agency's realisations of one period, in the shape operators use.

The full workbook (:mod:`sakip.io.workbook`) holds a whole plan, one sheet per kind of record;
entering one indicator's quarter there touches three sheets. The entry workbook holds one row per
indicator and one per activity for one year, quarter or month, with only the cells to fill in
open (docs/workbook.md, "The entry workbook").

* :func:`export_entry` writes it for a plan and a period;
* :func:`read_entry` reads one back into what its user changed (:class:`EntryImport`), under the
  full workbook's limits, refusing another agency's or period's workbook and changed locked
  cells with their sheet, row and column;
* :func:`import_entry` applies those changes to a plan and runs the plan checks, whose problems
  point at the workbook's cells: the whole new plan, or :class:`InputError`.

The web saves an :class:`EntryImport` through its one write path instead
(``sakip/web/entry/entry_workbook.py``), with the same checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sakip.core.model import Plan
from sakip.io.entry.export import Target, write_entry
from sakip.io.entry.period import EntryPeriod
from sakip.io.entry.read import Change, EntryImport, read_entry
from sakip.io.plan_checks import check_plan
from sakip.io.problems import InputError, Problem, Severity
from sakip.io.workbook.container import Limits

__all__ = [
    "Change",
    "EntryImport",
    "EntryPeriod",
    "Imported",
    "Limits",
    "export_entry",
    "import_entry",
    "read_entry",
]


def export_entry(plan: Plan, period: EntryPeriod, target: Target) -> None:
    """Write ``plan``'s entry workbook for ``period`` (a path or a binary stream)."""
    write_entry(target, plan, period)


@dataclass(frozen=True)
class Imported:
    plan: Plan  # the plan with the workbook's changes
    entry: EntryImport
    changed: int  # records put or removed
    warnings: tuple[Problem, ...] = ()


def import_entry(plan: Plan, path: str | Path, expected: EntryPeriod | None = None,
                 limits: Limits | None = None) -> Imported:
    """``plan`` with the entry workbook's changes, checked by the plan checks (the workbook's
    cells named in their problems); :class:`InputError` with every problem otherwise."""
    entry = read_entry(path, plan, expected, limits)
    edits = entry.edits(plan)
    new = entry.apply(plan) if edits else plan
    before = {(p.code, p.message_id) for p in check_plan(plan)}
    found = [p for p in check_plan(new, entry.locate) if (p.code, p.message_id) not in before]
    if any(p.severity is Severity.ERROR for p in found):
        raise InputError(found)
    return Imported(new.canonical(), entry, len(edits), tuple(found))
