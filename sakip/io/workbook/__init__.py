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
from sakip.io.heap import collection_paused
from sakip.io.plan_checks import check_plan
from sakip.io.problems import InputError, Problem, Severity
from sakip.io.workbook.assemble import assemble
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
    records, problems = read_records(path, limits)
    structural = {Code.MISSING_SHEET, Code.MISSING_COLUMN, Code.MISSING_FIELD}
    if not records or any(p.code in structural for p in problems):
        raise InputError(problems)
    problems.extend(validate(records))  # the workbook's own rules
    plan, places = assemble(records)  # best-effort: unreadable cells are already problems
    problems.extend(check_plan(plan, places))  # the plan's rules, shared with plan files
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError(problems)
    return ImportResult(plan, tuple(problems))


def load_workbook(path: str | Path, limits: Limits | None = None) -> Plan:
    """The plan of a workbook; warnings are dropped (use :func:`import_workbook` for them)."""
    return import_workbook(path, limits).plan


def export_plan(plan: Plan, target: Target) -> None:
    """Write ``plan`` into the template's sheets (a path or a binary stream)."""
    write_workbook(target, plan)


def write_template(target: Target) -> None:
    """Write the empty template."""
    write_workbook(target, None)
