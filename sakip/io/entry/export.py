"""Writing an entry workbook with openpyxl: one agency, one year, one period.

Sheets: "Petunjuk" (how to fill it in), "Indikator" (one row per indicator), "Anggaran" (one
row per activity and sub-activity), and three very hidden sheets: "Sakip" (the agency, year and
period, also defined names), and a copy of each entry sheet as written, which the importer
compares with what comes back (a shown cell changed, a row moved; an entry cell changed or not).

Every sheet is protected (no password: the protection guides, the importer checks) and the
workbook's structure too; only the entry cells are unlocked, filled yellow, with a drop-down
where a value is a choice, and number formats as in the full workbook.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from sakip.core.enums import Aggregation
from sakip.core.model import Activity, Indicator, Plan
from sakip.core.periods import Period, compose, period_of, within
from sakip.io.entry.grain import closed
from sakip.io.entry.layout import (
    BUDGETS,
    CLOSED_MARK,
    COPIES,
    FIRST_ROW,
    FORMAT,
    HEADER_ROW,
    INDICATORS,
    META,
    META_FIELDS,
    META_NAMES,
    README,
    TITLE,
    EntryColumn,
    budget_columns,
    indicator_columns,
    readme,
)
from sakip.io.entry.period import EntryPeriod
from sakip.io.idnum import format_id
from sakip.io.package import save_workbook
from sakip.io.problems import InputError, Problem
from sakip.io.workbook.cells import write_cell
from sakip.io.workbook.choices import label, labels
from sakip.io.workbook.export import FORMULA_TRIGGERS, NUMBER_FORMATS
from sakip.io.workbook.schema import Column, Kind, column_letter

Target = str | Path | IO[bytes]
Row = dict[str, object]


@dataclass(frozen=True)
class Line:
    """One row written: its values by column key, how its measures read, whether it is closed
    for entry (:mod:`sakip.io.entry.grain`)."""

    values: Row
    qualitative: bool = False
    levels: tuple[str, ...] = ()
    closed: bool = False

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_ENTRY_FILL = PatternFill("solid", fgColor="FFF2CC")
_CLOSED_FILL = PatternFill("solid", fgColor="E7E6E6")
_TITLE_FONT = Font(bold=True, size=14)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_OPEN = Protection(locked=False)
MAX_LIST = 255  # characters Excel allows in a drop-down's list written in the rule itself


def write_entry(target: Target, plan: Plan, period: EntryPeriod) -> None:
    """Write the entry workbook of ``plan`` for ``period`` to a path or a binary stream."""
    if period.year not in plan.strategic_plan.years:
        raise InputError([Problem(
            "ENTRY_YEAR_OUTSIDE",
            f"tahun {period.year} di luar periode Renstra {plan.strategic_plan.start}–"
            f"{plan.strategic_plan.end}",
            f"the year {period.year} is outside the Renstra's years "
            f"{plan.strategic_plan.start}–{plan.strategic_plan.end}")])
    plan = plan.canonical()
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = README
    _write_readme(notes, period, plan.agency.name)
    title = f"Isian realisasi {period.label()} — {plan.agency.name}"
    indicators = [_indicator_row(i, period) for i in plan.indicators]
    budgets = [_budget_row(plan, a, period) for a in plan.activities]
    for name, columns, rows in ((INDICATORS, indicator_columns(period), indicators),
                                (BUDGETS, budget_columns(period), budgets)):
        sheet = book.create_sheet(name)
        _write_entry_sheet(sheet, columns, rows, title)
        copy = book.create_sheet(COPIES[name])
        _write_rows(copy, columns, rows, styled=False)
        copy.sheet_state = "veryHidden"
    write_meta(book, META_FIELDS, meta_values(FORMAT, "agency", plan.agency.code, period),
               META_NAMES)
    book.active = 1
    book.security = WorkbookProtection(lockStructure=True)
    save_workbook(book, target)


# --------------------------------------------------------------------------- rows


def _indicator_row(indicator: Indicator, period: EntryPeriod) -> Line:
    qualitative = indicator.is_qualitative
    year = indicator.target(period.year)
    key = period.key(indicator.code)
    why = closed((*indicator.targets, *indicator.actuals), period)
    target = next((t for t in indicator.targets
                   if (indicator.code, t.year, t.quarter, t.month) == key), None)
    actual = next((a for a in indicator.actuals
                   if (indicator.code, a.year, a.quarter, a.month) == key), None)
    row: Row = {"code": indicator.code, "name": indicator.name, "unit": indicator.unit,
                "level": label(indicator.level), "year_target": _target_shown(year, qualitative)}
    if why is not None:
        if period.quarter is not None and not qualitative:  # its months composed, shown
            rule, quarter = indicator.aggregation, period.quarter
            row["period_target"] = within(rule, _values(indicator.targets, period.year), quarter)
            row["value"] = within(rule, _values(indicator.actuals, period.year), quarter)
        row["note"] = why
        return Line(row, qualitative, indicator.levels, closed=True)
    if period.period is not None:
        row["period_target"] = (None if target is None
                                else target.text if qualitative else target.value)
    if actual is not None:
        row.update({
            "value": actual.text if qualitative else actual.value,
            "status": actual.status, "reason": actual.reason, "note": actual.note,
            "obstacles": actual.obstacles, "follow_up": actual.follow_up,
            "drivers": actual.drivers})
    return Line(row, qualitative, indicator.levels)


def _values(records: Sequence[Any], year: int) -> list[tuple[Period, Decimal | None]]:
    return [(p, x.value) for x in records if x.year == year and (p := period_of(x)) is not None]


def _target_shown(target: object, qualitative: bool) -> object:
    from sakip.core.model import Target as TargetRecord

    if not isinstance(target, TargetRecord):
        return None
    if qualitative:
        return target.text
    if target.upper is not None and target.value is not None:
        return f"{format_id(target.value, None)} – {format_id(target.upper, None)}"
    return target.value


def _budget_row(plan: Plan, activity: Activity, period: EntryPeriod) -> Line:
    year = next((b for b in plan.budgets_of(period.year) if b.activity == activity.code), None)
    key = period.key(activity.code)
    lines = plan.budget_periods(activity.code, period.year)
    why = closed(lines, period)
    line = next((b for b in plan.budgets
                 if (b.activity, b.year, b.quarter, b.month) == key), None)
    row: Row = {"code": activity.code, "name": activity.name,
                "ceiling": year.ceiling if year is not None else None}
    if why is not None:
        if period.quarter is not None:  # its months: the quarter's spending and last physical
            months = [b for b in lines if b.month is not None and
                      (b.month + 2) // 3 == period.quarter]
            spent = [b.spent for b in months if b.spent is not None]
            physical = [b.physical for b in months if b.physical is not None]
            row.update({"spent": compose(Aggregation.SUM, spent),
                        "physical": compose(Aggregation.LAST, physical)})
        row["explanation"] = why
        return Line(row, closed=True)
    if line is not None:
        row.update({"spent": line.spent, "physical": line.physical,
                    "explanation": line.explanation})
    return Line(row)


# --------------------------------------------------------------------------- sheets


def _write_entry_sheet(sheet: Worksheet, columns: Sequence[EntryColumn],
                       rows: Sequence[Line], title: str) -> None:
    sheet.cell(1, 1, title).font = _TITLE_FONT
    sheet.cell(2, 1, "Isi hanya sel berwarna kuning; lihat lembar Petunjuk.")
    _write_rows(sheet, columns, rows, styled=True)
    for index, column in enumerate(columns):
        sheet.column_dimensions[column_letter(index)].width = column.column.width
    sheet.freeze_panes = f"C{FIRST_ROW}"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths may be changed
    sheet.protection.formatRows = False
    last = HEADER_ROW + max(len(rows), 1)
    for index, column in enumerate(columns):
        if column.column.kind is Kind.CHOICE and column.column.choices is not None:
            letter = column_letter(index)
            validation = _list(labels(column.column.choices))
            validation.add(f"{letter}{FIRST_ROW}:{letter}{last}")
            sheet.add_data_validation(validation)
    _level_lists(sheet, columns, rows)
    _fit(sheet, columns, HEADER_ROW, FIRST_ROW + len(rows))
    _printable(sheet, landscape=True)
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


LINE_HEIGHT = 15  # points per line of text at the default size


def _fit(sheet: Worksheet, columns: Sequence[EntryColumn], first: int, end: int) -> None:
    """Wrap the text of rows ``first``..``end - 1`` and give each row the height its longest
    text needs in its column's width (spreadsheets do not all measure rows on opening)."""
    widths = [column.column.width for column in columns]
    for number in range(first, end):
        lines = 1
        for index, width in enumerate(widths, start=1):
            cell = sheet.cell(number, index)
            if isinstance(cell.value, str):
                cell.alignment = _WRAP
                lines = max(lines, _lines(cell.value, width))
            else:
                cell.alignment = _TOP
        if lines > 1:
            sheet.row_dimensions[number].height = LINE_HEIGHT * lines


def _lines(text: str, width: float) -> int:
    """About how many lines ``text`` takes in a column ``width`` characters wide."""
    per_line = max(int(width * 1.1) - 1, 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _printable(sheet: Worksheet, landscape: bool) -> None:
    """Printed on A4, as wide as the page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if landscape:
        sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def _list(options: Sequence[str]) -> DataValidation:
    return DataValidation(
        type="list", formula1='"' + ",".join(options) + '"', allow_blank=True,
        showErrorMessage=True, errorTitle="Pilihan tidak dikenal",
        error="Pilih salah satu nilai dari daftar: " + ", ".join(options))


def _level_lists(sheet: Worksheet, columns: Sequence[EntryColumn],
                 rows: Sequence[Line]) -> None:
    """A drop-down of its levels on a qualitative indicator's entered target and realisation."""
    letters = [column_letter(i) for i, c in enumerate(columns)
               if c.entry and c.qualitative is not None]
    by_levels: dict[tuple[str, ...], list[str]] = {}
    for number, line in enumerate(rows, start=FIRST_ROW):
        levels = line.levels
        if (line.qualitative and levels and not line.closed
                and not any("," in level or '"' in level for level in levels)):
            by_levels.setdefault(levels, []).extend(f"{x}{number}" for x in letters)
    for levels, cells in by_levels.items():
        if len(",".join(levels)) + 2 <= MAX_LIST:
            validation = _list(levels)
            for place in cells:
                validation.add(place)
            sheet.add_data_validation(validation)


def _write_rows(sheet: Worksheet, columns: Sequence[EntryColumn], rows: Sequence[Line],
                styled: bool) -> None:
    """The header and the rows; ``styled`` for the sheet users see, else the hidden copy, which
    marks a row closed for entry in the column after the last."""
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(HEADER_ROW, index, column.header)
        if styled:
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = _WRAP
    for number, line in enumerate(rows, start=FIRST_ROW):
        for index, column in enumerate(columns, start=1):
            declared = column.for_row(line.qualitative)
            cell = sheet.cell(number, index)
            _put(cell, declared, line.values.get(column.key), sheet.title)
            if styled:
                if declared.kind in NUMBER_FORMATS:
                    cell.number_format = NUMBER_FORMATS[declared.kind]
                if column.entry and not line.closed:
                    cell.protection = _OPEN
                    cell.fill = _ENTRY_FILL
                elif column.entry:
                    cell.fill = _CLOSED_FILL
        if line.closed and not styled:
            sheet.cell(number, len(columns) + 1, CLOSED_MARK)


def _put(cell: object, column: Column, value: object, sheet: str) -> None:
    if isinstance(value, str) and column.kind is not Kind.TEXT and column.kind is not Kind.CODE:
        out: object = value  # a band shown as text ("80 – 90")
    else:
        out = write_cell(column, value)
    if isinstance(out, str) and ILLEGAL_CHARACTERS_RE.search(out):
        raise InputError([Problem(
            "XLSX_EXPORT_BAD_VALUE",
            f"teks berisi karakter kendali yang tidak dapat disimpan di Excel: {out[:40]!r}",
            f"text holds control characters Excel cannot store: {out[:40]!r}",
            sheet=sheet, column=column.header)])
    cell.value = out  # type: ignore[attr-defined]
    if isinstance(out, str):
        cell.data_type = "s"  # type: ignore[attr-defined]  # text, never a formula
        if out.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True  # type: ignore[attr-defined]


def meta_values(form: str, owner: str, code: str, period: EntryPeriod) -> dict[str, object]:
    """What the hidden sheet of an entry workbook (or the region's) says: its format, whose it
    is (``owner``: "agency" or "region") and its period."""
    return {"format": form, owner: code, "year": period.year, "quarter": period.quarter,
            "month": period.month, "period": period.label()}


def write_meta(book: Workbook, fields: Sequence[str], values: Mapping[str, object],
               names: Mapping[str, str] | None = None) -> Worksheet:
    """The hidden, protected sheet META: a row per field (name, value; text kept as text), with
    the defined ``names`` pointing at their values."""
    sheet = book.create_sheet(META)
    for number, name in enumerate(fields, start=1):
        sheet.cell(number, 1, name)
        value = values[name]
        cell = sheet.cell(number, 2, value)
        if isinstance(value, str):
            cell.data_type = "s"
        if names and name in names:
            book.defined_names[names[name]] = DefinedName(
                names[name], attr_text=f"'{META}'!$B${number}")
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True
    return sheet


def _write_readme(sheet: Worksheet, period: EntryPeriod, agency: str) -> None:
    sheet.column_dimensions["A"].width = README_WIDTH
    sheet.cell(1, 1, TITLE).font = _TITLE_FONT
    number = 2
    for paragraph in readme(period, agency):
        number += 1
        sheet.cell(number, 1, paragraph).alignment = _WRAP
    number += 2
    sheet.cell(number, 1, "Kolom").font = _HEADER_FONT
    for name, columns in ((INDICATORS, indicator_columns(period)),
                          (BUDGETS, budget_columns(period))):
        number += 1
        sheet.cell(number, 1, f"Lembar {name}").font = _HEADER_FONT
        for column in columns:
            number += 1
            mark = " (isian)" if column.entry else ""
            sheet.cell(number, 1, f"• {column.header}{mark}: {column.column.help}").alignment = _WRAP
    for row in range(3, number + 1):
        value = sheet.cell(row, 1).value
        if isinstance(value, str) and _lines(value, README_WIDTH) > 1:
            sheet.row_dimensions[row].height = LINE_HEIGHT * _lines(value, README_WIDTH)
    _printable(sheet, landscape=False)
    sheet.protection.sheet = True


README_WIDTH = 72  # characters: an A4 page, portrait


def number_shown(value: Decimal | None) -> str:
    """A figure as the Petunjuk and messages show it (1.234,5)."""
    return "" if value is None else format_id(value, None)
