"""A form as an Excel workbook (openpyxl): the regulation's merged multi-row headers, the column
numbers row, number formats by the figures' decimal places, A4 landscape fitted to the page
width with the header rows repeated on every printed page."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sakip.forms.layout import Cell, Form, Table

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="D9E1F2")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")
RIGHT = Alignment(horizontal="right", vertical="top")


def number_format(cell: Cell) -> str:
    if cell.kind == "money":
        return "#,##0"
    return "#,##0" + ("." + "0" * cell.places if cell.places else "")


def write(form: Form) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = form.code.replace(".", "")
    width = max(table.columns for table in form.tables)
    row = 1
    sheet.cell(row, 1, f"Tabel {form.code}" if form.code != "MONEV" else None)
    sheet.cell(row + 1, 1, form.title.upper()).font = Font(bold=True, size=12)
    sheet.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=width)
    sheet.cell(row + 1, 1).alignment = CENTER
    row += 2
    for line in form.subtitle:
        if line:
            sheet.cell(row, 1, line)
            row += 1
    row += 1
    first_head = None
    for table in form.tables:
        if table.title:
            sheet.cell(row, 1, table.title).font = Font(bold=True)
            row += 1
        start = row
        row = _table(sheet, table, row)
        if first_head is None:
            first_head = (start, start + table.head_rows - (0 if table.numbers else 1))
        row += 1
    for note in form.notes:
        sheet.cell(row, 1, note).font = Font(italic=True, size=9)
        row += 1
    row += 1
    for label, lines in form.footer:
        sheet.cell(row, 1, label).font = Font(bold=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        for line in lines:
            sheet.cell(row, 5, line).alignment = Alignment(wrap_text=False, vertical="top")
            row += 1
    if form.signature is not None:
        row += 1
        sign = form.signature
        col = max(1, width - 5)
        for text, bold in ((sign.place_date, False), (sign.title, False), ("", False),
                           ("", False), ("", False), (sign.name or "(nama)", True),
                           (sign.rank or "", False), (f"NIP. {sign.nip}" if sign.nip else "", False)):
            cell = sheet.cell(row, col, text or None)
            cell.font = Font(bold=bold, underline="single" if bold else None)
            row += 1
    for index, chars in enumerate(form.tables[0].widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = chars + 2
    for table in form.tables[1:]:
        for index, chars in enumerate(table.widths, 1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(sheet.column_dimensions[letter].width,
                                                        chars + 2)
    _page(sheet, first_head)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table(sheet: Worksheet, table: Table, top: int) -> int:
    for head in table.head:
        cell = sheet.cell(top + head.row, head.col + 1, head.text)
        if head.rows > 1 or head.cols > 1:
            sheet.merge_cells(start_row=top + head.row, start_column=head.col + 1,
                              end_row=top + head.row + head.rows - 1,
                              end_column=head.col + head.cols)
        cell.font = Font(bold=True, size=9)
    for r in range(top, top + table.head_rows):
        for c in range(1, table.columns + 1):
            cell = sheet.cell(r, c)
            cell.border, cell.fill, cell.alignment = BOX, HEAD_FILL, CENTER
    row = top + table.head_rows
    if table.numbers:
        for c, value in enumerate(table.numbers, 1):
            cell = sheet.cell(row, c, value or None)
            cell.border, cell.alignment, cell.font = BOX, CENTER, Font(italic=True, size=8)
            if value and c < len(table.numbers) and table.numbers[c] == "":
                sheet.merge_cells(start_row=row, start_column=c, end_row=row, end_column=c + 1)
        row += 1
    for body in table.rows:
        bold = body.level in ("group", "program", "total")
        for c, item in enumerate(body.cells, 1):
            shown: Decimal | str | None = item.value
            cell = sheet.cell(row, c, shown)
            cell.border = BOX
            cell.font = Font(bold=bold, size=9)
            if body.level == "group":
                cell.fill = GROUP_FILL
            if isinstance(shown, Decimal):
                cell.number_format = number_format(item)
                cell.alignment = RIGHT
            else:
                cell.alignment = WRAP
        row += 1
    return row


def _page(sheet: Worksheet, head: tuple[int, int] | None) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    if head is not None:
        sheet.print_title_rows = f"{head[0]}:{head[1]}"
        sheet.freeze_panes = sheet.cell(head[1] + 1, 1)
