"""The history as a download: CSV for any spreadsheet, XLSX for Excel.

CSV: UTF-8 with a byte order mark (so Excel detects the encoding), ``;`` between fields and CRLF
line ends, which is what Excel expects in an Indonesian locale, where the comma is the decimal
mark. Decimals are written with a decimal comma and no thousands separator (``1234,5``) so that
such an Excel reads them as numbers; times as ``2026-11-29 14:05:07`` in the configured zone
(named in the header).

XLSX: one sheet, a frozen header row, times as real date-times in the configured zone, decimals
as numbers (with their own decimal places).

In both, text that a spreadsheet would read as a formula (beginning with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) stays text: the CSV prefixes an apostrophe, the XLSX stores it
as a string with the "quote prefix" style. At most :data:`LIMIT` rows (the newest) are written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from sakip.core.numbers import canonical
from sakip.io.idnum import places_of
from sakip.web.workflow.history_rows import Row, Value

LIMIT = 50_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def headers() -> list[str]:
    return [gettext("Waktu (%(zone)s)") % {"zone": settings.TIME_ZONE}, gettext("Tahun"),
            gettext("Oleh"), gettext("Nama pengguna"), gettext("Uraian"), gettext("Kunci"),
            gettext("Kolom"), gettext("Lama"), gettext("Baru"), gettext("Alasan")]


def neutral(text: str) -> str:
    """Text a spreadsheet shows as typed, never evaluates: ``=SUM(A1)`` → ``'=SUM(A1)``."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _csv_value(value: Value) -> str:
    if value.number is not None:
        return canonical(value.number).replace(".", ",")
    return neutral(value.stored or "")


def csv_bytes(rows: Iterable[Row]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers())
    for r in rows:
        writer.writerow([f"{r.at:%Y-%m-%d %H:%M:%S}", "" if r.year is None else r.year,
                         neutral(r.user), neutral(r.username), neutral(r.label), neutral(r.key),
                         neutral(r.field), _csv_value(r.old), _csv_value(r.new), neutral(r.reason)])
    return out.getvalue().encode("utf-8-sig")


class _Sheet:
    """Cells of a write-only worksheet."""

    def __init__(self, book: Workbook):
        self.sheet = book.create_sheet(gettext("Riwayat"))

    def text(self, value: str, bold: bool = False) -> WriteOnlyCell | str:
        clean = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters cannot be stored
        if not bold and not clean.startswith((*FORMULA_START, "#")):
            return clean  # openpyxl reads only "=…" as a formula and "#…" as an error code
        cell = WriteOnlyCell(self.sheet, value=clean)
        cell.data_type = "s"  # never a formula or an error code, whatever it begins with
        if clean.startswith(FORMULA_START):
            cell.quotePrefix = True
        if bold:
            cell.font = Font(bold=True)
        return cell

    def number(self, value: Decimal | int, places: int = 0, grouped: bool = True) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, value=value)
        cell.number_format = ("#,##0" if grouped else "0") + ("." + "0" * places if places > 0 else "")
        return cell

    def maybe_text(self, value: str) -> WriteOnlyCell | str | None:
        return self.text(value) if value else None

    def value(self, value: Value) -> WriteOnlyCell | str | None:
        if value.number is not None:
            return self.number(value.number, places_of(value.number))
        return self.maybe_text(value.stored or "")

    def time(self, row: Row) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet, value=row.at.replace(tzinfo=None))  # Excel has no zones
        cell.number_format = "dd-mm-yyyy hh:mm:ss"
        return cell


WIDTHS = {"A": 20, "B": 7, "C": 22, "D": 16, "E": 40, "F": 32, "G": 16, "H": 24, "I": 24, "J": 40}


def xlsx_bytes(rows: Iterable[Row]) -> bytes:
    book = Workbook(write_only=True)
    cells = _Sheet(book)
    sheet = cells.sheet
    sheet.freeze_panes = "A2"
    for column, width in WIDTHS.items():
        sheet.column_dimensions[column].width = width
    sheet.append([cells.text(h, bold=True) for h in headers()])
    for r in rows:
        sheet.append([cells.time(r), None if r.year is None else cells.number(r.year, grouped=False),
                      cells.maybe_text(r.user), cells.maybe_text(r.username),
                      cells.maybe_text(r.label), cells.text(r.key), cells.maybe_text(r.field),
                      cells.value(r.old), cells.value(r.new), cells.maybe_text(r.reason)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
