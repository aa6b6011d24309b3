"""Checks that only a workbook needs: rows that name their parent, workbook-only keys.

A workbook keeps in separate sheets what a plan file nests (targets under indicators, bands
under scales …), so a row can name a parent that does not exist, and an activity can name no
program. Every rule that can be stated on the assembled plan lives in
:mod:`sakip.io.plan_checks` instead, which the importer runs next. Each check is a function of
the records that returns problems; :func:`validate` runs them all, so every problem is reported
at once. A value that could not be read is None here and was already reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sakip.io.problems import Problem
from sakip.io.workbook import sheets as S
from sakip.io.workbook.codes import Code
from sakip.io.workbook.rows import Records, Row, column
from sakip.io.workbook.schema import Sheet

Check = Callable[[Records], list[Problem]]


def rows(records: Records, sheet: Sheet) -> Sequence[Row]:
    return records.get(sheet.name, [])


def codes(records: Records, sheet: Sheet, key: str = "code") -> set[object]:
    found = set(column(rows(records, sheet), key))
    found.discard(None)
    return found


# --------------------------------------------------------------------------- uniqueness

_UNIQUE: tuple[tuple[Sheet, tuple[str, ...]], ...] = (
    (S.TABLE_CELLS, ("table", "row")),
    (S.NARRATIVES, ("number",)),
)


def check_unique(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    for sheet, keys in _UNIQUE:
        seen: dict[tuple[object, ...], int] = {}
        for row in rows(records, sheet):
            if any(key in row.bad for key in keys):
                continue
            identity = tuple(row.get(key) for key in keys)
            if identity[0] is None:
                continue
            if identity in seen:
                shown = " / ".join("" if part is None else str(part) for part in identity)
                problems.append(row.problem(
                    keys[0], Code.DUPLICATE_CODE,
                    f"'{shown}' sudah ada di baris {seen[identity]}",
                    f"'{shown}' already appears on row {seen[identity]}"))
            else:
                seen[identity] = row.number
    return problems


# --------------------------------------------------------------------------- parents


def _unknown(row: Row, key: str, value: object, target: str) -> Problem:
    return row.problem(
        key, Code.UNKNOWN_CODE,
        f"kode '{value}' tidak ada di lembar {target}",
        f"code '{value}' does not exist in sheet {target}")


# a row of the first sheet belongs to a record of the last: the nesting of a plan file
_PARENTS: tuple[tuple[Sheet, str, Sheet], ...] = (
    (S.POLICIES, "strategy", S.STRATEGIES),
    (S.FUNCTIONS, "unit", S.UNITS),
    (S.TARGETS, "indicator", S.INDICATORS),
    (S.ACTUALS, "indicator", S.INDICATORS),
    (S.REGION_TARGETS, "indicator", S.REGION_INDICATORS),
    (S.REGION_ACTUALS, "indicator", S.REGION_INDICATORS),
    (S.SERIES_VALUES, "series", S.SERIES),
    (S.TABLE_CELLS, "table", S.TABLES),
    (S.NARRATIVE_ITEMS, "narrative", S.NARRATIVES),
    (S.BANDS, "scale", S.SCALES),
)


def check_parents(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    key_of = {S.NARRATIVES.name: "number"}
    for sheet, key, target in _PARENTS:
        known = codes(records, target, key_of.get(target.name, "code"))
        known.add(None)  # an empty cell names no parent
        found = rows(records, sheet)
        values = column(found, key)
        if known.issuperset(values):
            continue  # every parent exists (the common case, in one pass in C)
        for line, value in enumerate(values):
            if value not in known:
                problems.append(_unknown(found[line], key, value, target.name))
    versions = {(row.get("year"), row.get("number")) for row in rows(records, S.AGREEMENTS)}
    for row in rows(records, S.AGREEMENT_ITEMS):
        version = (row.get("year"), row.get("number"))
        if None not in version and version not in versions:
            problems.append(row.problem(
                "number", Code.UNKNOWN_CODE,
                f"PK tahun {version[0]} nomor {version[1]} tidak ada di lembar PK",
                f"agreement {version[0]} number {version[1]} does not exist in sheet PK"))
    return problems


def check_activities(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    found = rows(records, S.ACTIVITIES)
    for line, program in enumerate(column(found, "program")):
        if program is not None:
            continue
        row = found[line]
        if "program" not in row.bad:
            row.bad.add("program")  # the plan's checks need not say it again
            problems.append(row.problem(
                "program", Code.ACTIVITY_NO_PROGRAM,
                "kegiatan tidak berada di bawah program; isi kode program",
                "the activity is under no program; fill in a program code"))
    return problems


def check_baselines(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    found = rows(records, S.INDICATORS)
    for line, (value, text, year) in enumerate(zip(
            column(found, "baseline_value"), column(found, "baseline_text"),
            column(found, "baseline_year"), strict=True)):
        if year is not None or (value is None and text is None):
            continue
        row = found[line]
        if "baseline_year" not in row.bad:
            row.bad.add("baseline_year")
            problems.append(row.problem(
                "baseline_year", Code.REQUIRED, "isi tahun data awal",
                "fill in the baseline year"))
    return problems


def check_tables(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    widths: dict[object, int] = {}
    for row in rows(records, S.TABLE_CELLS):
        if row.get("row") == 0:
            widths[row.get("table")] = len(row.cells)
            empty = [i for i, cell in enumerate(row.cells) if cell is None]
            if empty:
                problems.append(row.problem(
                    "row", Code.REQUIRED,
                    f"nama kolom ke-{empty[0] + 1} kosong",
                    f"the name of column {empty[0] + 1} is empty"))
    reported: set[object] = set()
    for row in rows(records, S.TABLE_CELLS):
        table, number = row.get("table"), row.get("row")
        if table is None or number in (None, 0) or table in widths:
            continue
        row.bad.add("row")  # its width cannot be checked: no columns
        if table not in reported:
            reported.add(table)
            problems.append(row.problem(
                "row", Code.TABLE_NO_HEADER,
                f"tabel '{table}' tidak punya baris 0 (nama kolom)",
                f"table '{table}' has no row 0 (column names)"))
    return problems


CHECKS: tuple[Check, ...] = (
    check_unique,
    check_parents,
    check_activities,
    check_baselines,
    check_tables,
)


def validate(records: Records) -> list[Problem]:
    """Every workbook-only problem across records, in the order of :data:`CHECKS`."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(records))
    return problems
