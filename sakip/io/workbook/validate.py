"""Checks across records: codes unique and known, years inside the plan, budgets sane.

Each check is a function of the records that returns problems; :data:`CHECKS` lists them and
:func:`validate` runs them all, so every problem is reported at once. A value that could not
be read is None here and was already reported, so checks skip it.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from sakip.core.enums import ActualStatus, AgreementKind, Level
from sakip.core.formula import FormulaError
from sakip.core.formula import parse as parse_formula
from sakip.io.problems import Problem, Severity
from sakip.io.standard_scales import standard_scales
from sakip.io.workbook import sheets as S
from sakip.io.workbook.codes import Code
from sakip.io.workbook.rows import Records, Row
from sakip.io.workbook.schema import Sheet

Check = Callable[[Records], list[Problem]]


def rows(records: Records, sheet: Sheet) -> list[Row]:
    return records.get(sheet.name, [])


def codes(records: Records, sheet: Sheet, key: str = "code") -> set[object]:
    return {row.get(key) for row in rows(records, sheet) if row.get(key) is not None}


def _plan_row(records: Records) -> Row | None:
    found = rows(records, S.PLAN)
    return found[0] if found else None


# --------------------------------------------------------------------------- uniqueness

_UNIQUE: tuple[tuple[Sheet, tuple[str, ...]], ...] = (
    (S.MISSIONS, ("code",)),
    (S.UNITS, ("code",)),
    (S.GOALS, ("code",)),
    (S.OBJECTIVES, ("code",)),
    (S.STRATEGIES, ("code",)),
    (S.PROGRAMS, ("code",)),
    (S.ACTIVITIES, ("code",)),
    (S.INDICATORS, ("code",)),
    (S.TARGETS, ("indicator", "year")),
    (S.ACTUALS, ("indicator", "year", "quarter")),
    (S.SERIES, ("code",)),
    (S.SERIES_VALUES, ("series", "year")),
    (S.BUDGETS, ("activity", "year")),
    (S.AGREEMENTS, ("year", "number")),
    (S.AGREEMENT_ITEMS, ("year", "number", "indicator")),
    (S.TABLES, ("code",)),
    (S.TABLE_CELLS, ("table", "row")),
    (S.NARRATIVES, ("number",)),
    (S.SCALES, ("code",)),
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


# --------------------------------------------------------------------------- references


def _unknown(row: Row, key: str, value: object, target: str) -> Problem:
    return row.problem(
        key, Code.UNKNOWN_CODE,
        f"kode '{value}' tidak ada di lembar {target}",
        f"code '{value}' does not exist in sheet {target}")


_REFERENCES: tuple[tuple[Sheet, str, Sheet], ...] = (
    (S.GOALS, "mission", S.MISSIONS),
    (S.OBJECTIVES, "goal", S.GOALS),
    (S.POLICIES, "strategy", S.STRATEGIES),
    (S.FUNCTIONS, "unit", S.UNITS),
    (S.PROGRAMS, "objective", S.OBJECTIVES),
    (S.PROGRAMS, "unit", S.UNITS),
    (S.ACTIVITIES, "program", S.PROGRAMS),
    (S.ACTIVITIES, "parent", S.ACTIVITIES),
    (S.ACTIVITIES, "unit", S.UNITS),
    (S.TARGETS, "indicator", S.INDICATORS),
    (S.ACTUALS, "indicator", S.INDICATORS),
    (S.SERIES_VALUES, "series", S.SERIES),
    (S.BUDGETS, "activity", S.ACTIVITIES),
    (S.AGREEMENT_ITEMS, "indicator", S.INDICATORS),
    (S.TABLE_CELLS, "table", S.TABLES),
    (S.NARRATIVE_ITEMS, "narrative", S.NARRATIVES),
    (S.BANDS, "scale", S.SCALES),
)

_OWNER_SHEET = {
    Level.GOAL: S.GOALS,
    Level.OBJECTIVE: S.OBJECTIVES,
    Level.PROGRAM: S.PROGRAMS,
    Level.ACTIVITY: S.ACTIVITIES,
}

_SUBJECT_SHEETS = (S.GOALS, S.OBJECTIVES, S.PROGRAMS, S.ACTIVITIES, S.INDICATORS)


def check_references(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    key_of = {S.NARRATIVES.name: "number"}
    for sheet, key, target in _REFERENCES:
        known = codes(records, target, key_of.get(target.name, "code"))
        for row in rows(records, sheet):
            value = row.get(key)
            if value is not None and value not in known:
                problems.append(_unknown(row, key, value, target.name))
    objectives = codes(records, S.OBJECTIVES)
    for row in rows(records, S.STRATEGIES):
        listed = row.get("objectives")
        for code in listed if isinstance(listed, tuple) else ():
            if code not in objectives:
                problems.append(_unknown(row, "objectives", code, S.OBJECTIVES.name))
    owners = {level: codes(records, sheet) for level, sheet in _OWNER_SHEET.items()}
    for row in rows(records, S.INDICATORS):
        level = row.get("level")
        owner = row.get("owner")
        if isinstance(level, Level) and owner is not None and owner not in owners[level]:
            problems.append(_unknown(row, "owner", owner, _OWNER_SHEET[level].name))
    subjects = set().union(*(codes(records, sheet) for sheet in _SUBJECT_SHEETS))
    for sheet in (S.TABLES, S.NARRATIVES):
        for row in rows(records, sheet):
            subject = row.get("subject")
            if subject is not None and subject not in subjects:
                problems.append(row.problem(
                    "subject", Code.UNKNOWN_CODE,
                    f"kode '{subject}' bukan tujuan, sasaran, program, kegiatan atau indikator",
                    f"code '{subject}' is no goal, objective, program, activity or indicator"))
    versions = {(row.get("year"), row.get("number")) for row in rows(records, S.AGREEMENTS)}
    for row in rows(records, S.AGREEMENT_ITEMS):
        version = (row.get("year"), row.get("number"))
        if None not in version and version not in versions:
            problems.append(row.problem(
                "number", Code.UNKNOWN_CODE,
                f"PK tahun {version[0]} nomor {version[1]} tidak ada di lembar PK",
                f"agreement {version[0]} number {version[1]} does not exist in sheet PK"))
    problems.extend(_scale_references(records))
    return problems


def builtin_scales() -> frozenset[str]:
    """Codes of the scales shipped with Sakip (sakip/data/scales.yaml)."""
    return frozenset(scale.code for scale in standard_scales())


def _scale_references(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    known = builtin_scales() | {str(code) for code in codes(records, S.SCALES)}
    for row in rows(records, S.SETTINGS):
        for key in ("predicate_scale", "category_scale"):
            value = row.get(key)
            if value is not None and value not in known:
                problems.append(_unknown(row, key, value, f"{S.SCALES.name} (atau bawaan)"))
    return problems


# --------------------------------------------------------------------------- structure


def check_activities(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    by_code = {row.get("code"): row for row in rows(records, S.ACTIVITIES)}
    for row in rows(records, S.ACTIVITIES):
        if row.get("program") is None and "program" not in row.bad:
            problems.append(row.problem(
                "program", Code.ACTIVITY_NO_PROGRAM,
                "kegiatan tidak berada di bawah program; isi kode program",
                "the activity is under no program; fill in a program code"))
        parent_code = row.get("parent")
        parent = by_code.get(parent_code) if parent_code is not None else None
        if parent is None:
            continue
        if parent is row or parent.get("parent") is not None:
            problems.append(row.problem(
                "parent", Code.SUB_ACTIVITY_PROGRAM,
                "kegiatan induk harus kegiatan biasa, bukan dirinya sendiri atau sub kegiatan",
                "the parent must be a plain activity, not itself or a sub-activity"))
        elif parent.get("program") != row.get("program"):
            problems.append(row.problem(
                "parent", Code.SUB_ACTIVITY_PROGRAM,
                f"sub kegiatan ada di program {row.get('program')}, induknya di program "
                f"{parent.get('program')}",
                f"the sub-activity is under program {row.get('program')}, its parent under "
                f"{parent.get('program')}"))
    return problems


def check_periods(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    for sheet, start_key, end_key in ((S.PLAN, "start", "end"),
                                      (S.REGION, "rpjmd_start", "rpjmd_end")):
        for row in rows(records, sheet):
            start, end = row.get(start_key), row.get(end_key)
            if isinstance(start, int) and isinstance(end, int) and start > end:
                problems.append(row.problem(
                    end_key, Code.BAD_PERIOD,
                    f"tahun akhir {end} sebelum tahun awal {start}",
                    f"end year {end} is before start year {start}"))
    plan = _plan_row(records)
    if plan is None:
        return problems
    start, end = plan.get("start"), plan.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or start > end:
        return problems
    for row in rows(records, S.TARGETS):
        year = row.get("year")
        if isinstance(year, int) and not start <= year <= end:
            problems.append(row.problem(
                "year", Code.TARGET_YEAR_OUTSIDE_PLAN,
                f"target tahun {year} di luar periode Renstra {start}–{end}",
                f"target for {year} is outside the plan period {start}–{end}"))
    for sheet in (S.ACTUALS, S.BUDGETS, S.AGREEMENTS):
        for row in rows(records, sheet):
            year = row.get("year")
            if isinstance(year, int) and not start <= year <= end:
                problems.append(row.problem(
                    "year", Code.YEAR_OUTSIDE_PLAN,
                    f"tahun {year} di luar periode Renstra {start}–{end}",
                    f"year {year} is outside the plan period {start}–{end}"))
    return problems


def check_targets(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    for sheet, value_key, text_key in ((S.TARGETS, "value", "text"),
                                       (S.AGREEMENT_ITEMS, "target", "target_text")):
        for row in rows(records, sheet):
            bad = value_key in row.bad or text_key in row.bad
            if not bad and row.get(value_key) is None and row.get(text_key) is None:
                problems.append(row.problem(
                    value_key, Code.EMPTY_TARGET,
                    "target kosong: isi target angka atau target teks",
                    "empty target: fill in a number or a text target"))
    for row in rows(records, S.TARGETS):
        value, upper = row.get("value"), row.get("upper")
        if upper is not None and (value is None or _lt(upper, value)):
            problems.append(row.problem(
                "upper", Code.BAD_BAND,
                "batas atas perlu target angka yang tidak lebih besar darinya",
                "an upper bound needs a numeric target no larger than it"))
    with_bands = codes(records, S.BANDS, "scale")
    for row in rows(records, S.SCALES):
        if row.get("code") is not None and row.get("code") not in with_bands:
            problems.append(row.problem(
                "code", Code.EMPTY_SCALE, "skala ini tidak punya pita di lembar Pita Skala",
                "this scale has no band in sheet Pita Skala"))
    for row in rows(records, S.BANDS):
        lower, upper = row.get("lower"), row.get("upper")
        if lower is not None and upper is not None and _lt(upper, lower):
            problems.append(row.problem(
                "upper", Code.BAD_BAND, "batas atas lebih kecil dari batas bawah",
                "the upper bound is below the lower bound"))
    return problems


def check_actuals(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    for row in rows(records, S.ACTUALS):
        if row.get("status") is not ActualStatus.NOT_AVAILABLE:
            continue
        if row.get("reason") is None and "reason" not in row.bad:
            problems.append(row.problem(
                "reason", Code.REASON_REQUIRED,
                "realisasi belum tersedia: isi alasannya",
                "realisation not available: give the reason"))
        if row.get("value") is not None:
            problems.append(row.problem(
                "value", Code.VALUE_NOT_AVAILABLE,
                "realisasi berstatus Belum tersedia tidak boleh berisi angka",
                "a realisation marked not available cannot have a value"))
    return problems


def check_narratives(records: Records) -> list[Problem]:
    with_items = {item.get("narrative") for item in rows(records, S.NARRATIVE_ITEMS)}
    return [
        row.problem("text", Code.EMPTY_NARRATIVE, "narasi perlu teks atau butir",
                    "a narrative needs a text or items")
        for row in rows(records, S.NARRATIVES)
        if row.get("text") is None and "text" not in row.bad
        and row.get("number") not in with_items
    ]


def check_agreements(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    for row in rows(records, S.AGREEMENTS):
        number, kind = row.get("number"), row.get("kind")
        if not isinstance(number, int) or not isinstance(kind, AgreementKind):
            continue
        if (number == 0) != (kind is AgreementKind.ORIGINAL):
            problems.append(row.problem(
                "kind", Code.AGREEMENT_KIND,
                "nomor versi 0 adalah PK Awal; nomor 1, 2 … adalah Perubahan",
                "version 0 is the original agreement; 1, 2 … are amendments"))
    return problems


def _lt(left: object, right: object) -> bool:
    return isinstance(left, Decimal) and isinstance(right, Decimal) and left < right


def check_signatories(records: Records) -> list[Problem]:
    """Officials need a name or a title, baselines a year, once any of their fields is filled."""
    problems: list[Problem] = []
    for sheet, prefix in ((S.AGENCY, "head"), (S.AGREEMENTS, "first_party"),
                          (S.AGREEMENTS, "second_party")):
        name, title, nip = f"{prefix}_name", f"{prefix}_title", f"{prefix}_nip"
        for row in rows(records, sheet):
            filled = any(row.get(f"{prefix}_{key}") is not None
                         for key in ("name", "title", "rank", "nip"))
            if filled and row.get(name) is None and row.get(title) is None:
                problems.append(row.problem(
                    name, Code.REQUIRED, "isi nama atau jabatan penandatangan",
                    "fill in the signatory's name or title"))
            value = row.text(nip)
            if value is not None and not _is_nip(value):
                problems.append(row.problem(
                    nip, Code.BAD_NIP, f"NIP harus 18 angka, bukan {value!r}",
                    f"a NIP has 18 digits, not {value!r}"))
    for row in rows(records, S.INDICATORS):
        filled = row.get("baseline_value") is not None or row.get("baseline_text") is not None
        if filled and row.get("baseline_year") is None and "baseline_year" not in row.bad:
            problems.append(row.problem(
                "baseline_year", Code.REQUIRED, "isi tahun data awal",
                "fill in the baseline year"))
    return problems


def _is_nip(text: str) -> bool:
    digits = text.replace(" ", "")
    return digits.isdigit() and len(digits) == 18


def check_formulas(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    series = codes(records, S.SERIES)
    for row in rows(records, S.INDICATORS):
        text = row.text("formula")
        if text is None:
            continue
        try:
            formula = parse_formula(text)
        except FormulaError as error:
            problems.append(row.problem(
                "formula", Code.BAD_FORMULA, f"rumus tidak dapat dibaca: {error}",
                f"the formula cannot be read: {error}"))
            continue
        for ref in formula.references:
            if ref.series not in series:
                problems.append(_unknown(row, "formula", ref.series, S.SERIES.name))
    return problems


def check_budgets(records: Records) -> list[Problem]:
    problems: list[Problem] = []
    for sheet in (S.BUDGETS, S.SPENDING):
        for row in rows(records, sheet):
            for key in ("ceiling_original", "ceiling", "spent"):
                value = row.get(key)
                if isinstance(value, Decimal) and value < 0:
                    problems.append(row.problem(
                        key, Code.NEGATIVE_BUDGET, "nilai anggaran tidak boleh negatif",
                        "a budget figure cannot be negative"))
            ceiling, spent = row.get("ceiling"), row.get("spent")
            if _lt(ceiling, spent) and isinstance(ceiling, Decimal) and ceiling >= 0:
                problems.append(row.problem(
                    "spent", Code.SPENDING_ABOVE_CEILING,
                    "realisasi melebihi pagu; periksa kembali angkanya",
                    "spending is above the ceiling; check the figures",
                    Severity.WARNING))
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
        if table is None or number in (None, 0):
            continue
        if table not in widths:
            if table not in reported:
                reported.add(table)
                problems.append(row.problem(
                    "row", Code.TABLE_NO_HEADER,
                    f"tabel '{table}' tidak punya baris 0 (nama kolom)",
                    f"table '{table}' has no row 0 (column names)"))
        elif len(row.cells) > widths[table]:
            extra = row.cell_letters[widths[table]] if widths[table] < len(row.cell_letters) \
                else None
            problems.append(row.problem(
                "row", Code.TABLE_ROW_TOO_LONG,
                f"baris berisi {len(row.cells)} sel, padahal tabel hanya punya "
                f"{widths[table]} kolom",
                f"the row has {len(row.cells)} cells but the table has {widths[table]} columns",
                column_letter=extra))
    return problems


CHECKS: tuple[Check, ...] = (
    check_unique,
    check_references,
    check_activities,
    check_periods,
    check_targets,
    check_actuals,
    check_narratives,
    check_agreements,
    check_signatories,
    check_formulas,
    check_budgets,
    check_tables,
)


def validate(records: Records) -> list[Problem]:
    """Every cross-record problem, in the order of :data:`CHECKS`."""
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(records))
    return problems
