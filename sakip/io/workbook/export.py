"""Writing the workbook with openpyxl (write-only mode, so large plans stream out).

The same writer makes the empty template (no plan) and the export of a plan: a "Petunjuk"
sheet first, then one sheet per kind of record with a bold frozen header row whose cells
carry their help text as a comment, sensible widths, drop-down lists for enumerated columns
and number formats on numeric columns.

Number formats are stored in the file in Excel's invariant notation, where ``,`` groups
thousands and ``.`` marks decimals: ``#,##0.00``. Excel shows each with the reader's locale,
so on an Indonesian system ``#,##0.00`` appears as 1.234.567,89. (Writing ``#.##0,00``
would only look right by accident and break elsewhere.)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from sakip.core.model import Plan
from sakip.io.package import save_workbook
from sakip.io.problems import InputError, Problem
from sakip.io.workbook import readme
from sakip.io.workbook.cells import write_cell
from sakip.io.workbook.choices import labels
from sakip.io.workbook.codes import Code
from sakip.io.workbook.flatten import Flat, FlatRow, flatten
from sakip.io.workbook.schema import (
    FORM_HEADERS,
    OPEN_COLUMNS_IN_TEMPLATE,
    Column,
    Kind,
    Layout,
    Sheet,
    column_letter,
)
from sakip.io.workbook.sheets import README_SHEET, SHEETS

NUMBER_FORMATS = {
    Kind.DECIMAL: "#,##0.00",
    Kind.MONEY: "#,##0",
    Kind.INTEGER: "0",
    Kind.YEAR: "0",
    Kind.TEXT: "@",
    Kind.CODE: "@",
    Kind.LIST: "@",
    Kind.DATE: "@",
}
# Text beginning with one of these becomes a formula when a user edits its cell in Excel or
# LibreOffice (formula injection); such text is written as a string cell with the quotePrefix
# style, the leading apostrophe spreadsheets show and never store in the value.
FORMULA_TRIGGERS = ("=", "+", "-", "@")
VALIDATED_ROWS = 2000  # drop-down lists and formats cover at least this many data rows
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TITLE_FONT = Font(bold=True, size=14)
_WRAP = Alignment(wrap_text=True, vertical="top")
_AUTHOR = "Sakip"

Target = str | Path | IO[bytes]


def write_workbook(target: Target, plan: Plan | None = None) -> None:
    """Write the template (``plan`` None) or a plan's workbook to a path or binary stream."""
    flat: Flat = flatten(plan) if plan is not None else {}
    book = Workbook(write_only=True)
    _write_readme(book.create_sheet(README_SHEET))
    for sheet in SHEETS:
        worksheet = book.create_sheet(sheet.name)
        rows = flat.get(sheet.name, [])
        if sheet.layout is Layout.FORM:
            _write_form(worksheet, sheet, rows[0] if rows else {})
        else:
            _write_table(worksheet, sheet, rows)
    save_workbook(book, target)


def _header_cell(worksheet: WriteOnlyWorksheet, text: str, help_text: str) -> Cell:
    cell = WriteOnlyCell(worksheet, text)
    cell.font = _HEADER_FONT
    cell.fill = _HEADER_FILL
    cell.alignment = _WRAP
    if help_text:
        cell.comment = Comment(help_text, _AUTHOR, width=300, height=120)
    return cell


def header_text(column: Column) -> str:
    return f"{column.header} *" if column.required else column.header


def _value_cell(worksheet: WriteOnlyWorksheet, sheet: Sheet, column: Column, value: object,
                always_cell: bool = False) -> Cell | str | None:
    """A cell for ``value``; plain text stays a bare string (faster) unless ``always_cell``."""
    out = write_cell(column, value)
    if isinstance(out, str) and ILLEGAL_CHARACTERS_RE.search(out):
        raise InputError([Problem(
            code=Code.EXPORT_BAD_VALUE,
            message_id=f"teks berisi karakter kendali yang tidak dapat disimpan di Excel: "
            f"{out[:40]!r}",
            message_en=f"text holds control characters Excel cannot store: {out[:40]!r}",
            sheet=sheet.name, column=column.header)])
    formula_like = isinstance(out, str) and out.startswith(FORMULA_TRIGGERS)
    if isinstance(out, str) and not formula_like and not always_cell:
        return out
    if out is None and not always_cell:
        return None
    cell = WriteOnlyCell(worksheet, out)
    if isinstance(out, str):
        cell.data_type = "s"  # text, never a formula
        if formula_like:
            cell.quotePrefix = True  # and it stays text when the user edits the cell
    if column.kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[column.kind]
    return cell


def _drop_down(column: Column) -> DataValidation | None:
    if column.kind is Kind.CHOICE and column.choices is not None:
        options = labels(column.choices)
    elif column.kind is Kind.BOOLEAN:
        options = ("Ya", "Tidak")
    else:
        return None
    validation = DataValidation(
        type="list", formula1='"' + ",".join(options) + '"', allow_blank=True,
        showErrorMessage=True, errorTitle="Pilihan tidak dikenal",
        error="Pilih salah satu nilai dari daftar: " + ", ".join(options),
    )
    return validation


# --------------------------------------------------------------------------- table sheets


def _write_table(worksheet: WriteOnlyWorksheet, sheet: Sheet, rows: Sequence[FlatRow]) -> None:
    columns = list(sheet.columns)
    extra = 0
    if sheet.open_columns:
        widest = max((len(_cells(row)) for row in rows), default=0)
        extra = max(widest, OPEN_COLUMNS_IN_TEMPLATE)
    last = len(columns) + extra
    for index, column in enumerate(columns):
        dimension = worksheet.column_dimensions[column_letter(index)]
        dimension.width = column.width
        if column.kind in NUMBER_FORMATS:
            dimension.number_format = NUMBER_FORMATS[column.kind]
    for index in range(len(columns), last):
        worksheet.column_dimensions[column_letter(index)].width = 14
    worksheet.freeze_panes = "A2"
    end_row = max(len(rows) + 1, VALIDATED_ROWS)
    for index, column in enumerate(columns):
        validation = _drop_down(column)
        if validation is not None:
            letter = column_letter(index)
            validation.add(f"{letter}2:{letter}{end_row}")
            worksheet.data_validations.append(validation)
    header = [_header_cell(worksheet, header_text(c), c.help) for c in columns]
    header += [_header_cell(worksheet, f"{sheet.open_columns} {n}", "")
               for n in range(1, extra + 1)]
    worksheet.append(header)
    cell_column = Column("cells", "", Kind.CELL, "")
    for row in rows:
        line = [_value_cell(worksheet, sheet, c, row.get(c.key)) for c in columns]
        line += [_value_cell(worksheet, sheet, cell_column, cell) for cell in _cells(row)]
        worksheet.append(line)


def _cells(row: FlatRow) -> tuple[object, ...]:
    cells = row.get("cells", ())
    return cells if isinstance(cells, tuple) else ()


# --------------------------------------------------------------------------- form sheets


def _write_form(worksheet: WriteOnlyWorksheet, sheet: Sheet, row: FlatRow) -> None:
    worksheet.column_dimensions["A"].width = 30
    worksheet.column_dimensions["B"].width = 50
    worksheet.column_dimensions["C"].width = 70
    worksheet.freeze_panes = "A2"
    worksheet.append([_header_cell(worksheet, text, "") for text in FORM_HEADERS])
    for number, column in enumerate(sheet.columns, start=2):
        label = WriteOnlyCell(worksheet, header_text(column))
        label.font = _HEADER_FONT
        value = _value_cell(worksheet, sheet, column, row.get(column.key), always_cell=True)
        assert isinstance(value, Cell)
        value.alignment = _WRAP
        help_cell = WriteOnlyCell(worksheet, column.help)
        help_cell.alignment = _WRAP
        validation = _drop_down(column)
        if validation is not None:
            validation.add(f"B{number}")
            worksheet.data_validations.append(validation)
        worksheet.append([label, value, help_cell])


# --------------------------------------------------------------------------- readme


def _write_readme(worksheet: WriteOnlyWorksheet) -> None:
    widths = (20, 28, 8, 18, 40, 80)
    for index, width in enumerate(widths):
        worksheet.column_dimensions[column_letter(index)].width = width
    title = WriteOnlyCell(worksheet, readme.TITLE)
    title.font = _TITLE_FONT
    worksheet.append([title])
    for paragraph in readme.INTRO:
        worksheet.append([paragraph])
    worksheet.append([])
    worksheet.append([_header_cell(worksheet, text, "") for text in readme.TABLE_HEADER])
    for line in readme.table_rows():
        cells: list[Cell | str] = list(line)
        if line[0]:
            first = WriteOnlyCell(worksheet, line[0])
            first.font = _HEADER_FONT
            cells[0] = first
        help_cell = WriteOnlyCell(worksheet, line[5])
        help_cell.alignment = _WRAP
        cells[5] = help_cell
        worksheet.append(cells)

