"""The Excel workbook agencies fill in: template, export, and validated import.

* :func:`write_template` writes the empty template, :func:`export_plan` a plan into it;
* :func:`import_workbook` reads one back into a :class:`~sakip.core.model.Plan`, or raises
  :class:`~sakip.io.problems.InputError` with every problem found (sheet, row, column);
  warnings (spending above the ceiling …) come back beside the plan.

Reading is python-calamine (fast, Rust); writing is openpyxl. Every sheet and column is
declared once in :mod:`sakip.io.workbook.sheets`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sakip.core.model import Plan
from sakip.core.provenance import Key, Source, SourceKind, Sources
from sakip.io.heap import collection_paused
from sakip.io.plan_checks import check_plan
from sakip.io.problems import InputError, Problem, Severity
from sakip.io.workbook.assemble import Places, assemble
from sakip.io.workbook.codes import Code
from sakip.io.workbook.container import Limits
from sakip.io.workbook.export import Target, write_workbook
from sakip.io.workbook.read import read_records
from sakip.io.workbook.validate import validate

__all__ = [
    "ImportResult",
    "Limits",
    "export_plan",
    "import_workbook",
    "load_workbook",
    "load_workbook_sources",
    "write_template",
]


@dataclass(frozen=True)
class ImportResult:
    plan: Plan
    warnings: tuple[Problem, ...] = ()


def import_workbook(path: str | Path, limits: Limits | None = None) -> ImportResult:
    """Read a workbook into a plan: the whole valid plan, or InputError with every problem."""
    with collection_paused():
        return _import(Path(path), limits or Limits())


def _import(path: Path, limits: Limits) -> ImportResult:
    return _import_placed(path, limits)[0]


def _import_placed(path: Path, limits: Limits) -> tuple[ImportResult, Places]:
    records, problems = read_records(path, limits)
    structural = {Code.MISSING_SHEET, Code.MISSING_COLUMN, Code.MISSING_FIELD}
    if not records or any(p.code in structural for p in problems):
        raise InputError(problems)
    problems.extend(validate(records))  # the workbook's own rules
    plan, places = assemble(records)  # best-effort: unreadable cells are already problems
    problems.extend(check_plan(plan, places))  # the plan's rules, shared with plan files
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError(problems)
    return ImportResult(plan, tuple(problems)), places


def load_workbook_sources(path: str | Path, limits: Limits | None = None) -> tuple[Plan, Sources]:
    """The plan of a workbook with where each of its values is — sheet, row and column
    (sakip.core.provenance) — for the derivations of its figures; found when asked for."""
    with collection_paused():
        result, places = _import_placed(Path(path), limits or Limits())
    name = Path(path).name

    def locate(kind: str, key: Key, field: str | None) -> Source | None:
        found = places(kind, key, field, 0)
        if found is None or found.sheet is None:
            return None
        return Source(SourceKind.WORKBOOK, file=name, sheet=found.sheet, row=found.row,
                      column=found.column)

    return result.plan, Sources(locate)


def load_workbook(path: str | Path, limits: Limits | None = None) -> Plan:
    """The plan of a workbook; warnings are dropped (use :func:`import_workbook` for them)."""
    return import_workbook(path, limits).plan


def export_plan(plan: Plan, target: Target) -> None:
    """Write ``plan`` into the template's sheets (a path or a binary stream)."""
    write_workbook(target, plan)


def write_template(target: Target) -> None:
    """Write the empty template."""
    write_workbook(target, None)
