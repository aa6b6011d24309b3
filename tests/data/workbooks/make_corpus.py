"""Writes the corpus of broken (and a few tricky but valid) workbooks beside this script.

    python tests/data/workbooks/make_corpus.py

Each file starts from the export of ``tests.workbook_plans.full_plan()`` and breaks one thing
the way a person would in Excel. The files are committed; the tests only read them, and
``tests/test_workbook_corpus.py`` states what the importer must say about each. Run this again
only when the template changes (then review the diff of the tests, not of the files).

Two files need packages that Sakip itself does not: ``encrypted.xlsx`` (msoffcrypto-tool, to
password-protect a workbook as Excel does) and ``legacy.xls`` (xlwt, to write the old binary
format). Without them those two files are left as they are.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from sakip.io.workbook import export_plan, write_template  # noqa: E402
from sakip.io.workbook.schema import normal_header  # noqa: E402
from tests.workbook_plans import full_plan  # noqa: E402


def exported() -> bytes:
    buffer = io.BytesIO()
    export_plan(full_plan(), buffer)
    return buffer.getvalue()


def column(sheet: Worksheet, header: str) -> int:
    """1-based column of a header (ignoring case and the '*' of required columns)."""
    for cell in sheet[1]:
        if cell.value is not None and normal_header(str(cell.value)) == normal_header(header):
            return int(cell.column)
    raise KeyError(header)


def field_row(sheet: Worksheet, label: str) -> int:
    for cell in sheet["A"]:
        if cell.value is not None and normal_header(str(cell.value)) == normal_header(label):
            return int(cell.row)
    raise KeyError(label)


def set_cell(book: Workbook, sheet: str, row: int, header: str, value: object) -> None:
    worksheet = book[sheet]
    worksheet.cell(row=row, column=column(worksheet, header)).value = value  # None clears


def edit(name: str, change: Callable[[Workbook], None]) -> None:
    book = load_workbook(io.BytesIO(exported()))
    change(book)
    book.save(HERE / name)


def patch_xml(name: str, source: bytes, member: str, change: Callable[[bytes], bytes]) -> None:
    """Rewrite one part of an xlsx archive (for what openpyxl cannot write)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as archive, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            data = archive.read(info.filename)
            target.writestr(info, change(data) if info.filename == member else data)
    (HERE / name).write_bytes(out.getvalue())


def sheet_member(source: bytes, sheet: str) -> str:
    book = load_workbook(io.BytesIO(source), read_only=True)
    index = book.sheetnames.index(sheet) + 1
    return f"xl/worksheets/sheet{index}.xml"


# --------------------------------------------------------------------------- the file itself


def files() -> None:
    (HERE / "not_xlsx.xlsx").write_text("kode;nama\nT1;Tujuan satu\n", encoding="utf-8")
    (HERE / "empty_file.xlsx").write_bytes(b"")
    data = exported()
    (HERE / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    (HERE / "not_a_workbook.xlsx").write_bytes(other.getvalue())
    member = sheet_member(data, "Tujuan")
    patch_xml("broken_xml.xlsx", data, member, lambda xml: xml[: len(xml) // 2])
    _encrypted(data)
    _legacy()


def _encrypted(data: bytes) -> None:
    try:
        import msoffcrypto  # type: ignore[import-not-found]
        from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-not-found]
    except ImportError:
        print("msoffcrypto-tool not installed: encrypted.xlsx left as it is")
        return
    del msoffcrypto
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt("rahasia", out)
    (HERE / "encrypted.xlsx").write_bytes(out.getvalue())


def _legacy() -> None:
    try:
        import xlwt  # type: ignore[import-not-found]
    except ImportError:
        print("xlwt not installed: legacy.xls left as it is")
        return
    book = xlwt.Workbook()
    sheet = book.add_sheet("Pemda")
    sheet.write(0, 0, "Isian")
    sheet.write(0, 1, "Nilai")
    book.save(str(HERE / "legacy.xls"))


# --------------------------------------------------------------------------- sheets, columns


def structure() -> None:
    edit("missing_sheet.xlsx", lambda book: book.remove(book["Target"]))

    def rename_sheet(book: Workbook) -> None:
        book["Kegiatan"].title = "Kegiatan 2020"

    edit("renamed_sheet.xlsx", rename_sheet)

    def rename_column(book: Workbook) -> None:
        sheet = book["Target"]
        sheet.cell(row=1, column=column(sheet, "Tahun"), value="Thn")

    edit("renamed_column.xlsx", rename_column)

    def duplicate_column(book: Workbook) -> None:
        sheet = book["Tujuan"]
        sheet.cell(row=1, column=5, value="Kode")

    edit("duplicate_column.xlsx", duplicate_column)

    def stray_data(book: Workbook) -> None:
        book["Program"].cell(row=3, column=9, value="catatan pribadi")

    edit("stray_column_data.xlsx", stray_data)

    def form_fields(book: Workbook) -> None:
        sheet = book["Pemda"]
        sheet.cell(row=field_row(sheet, "Visi"), column=1, value="Visi dan misi")
        sheet.delete_rows(field_row(sheet, "Jenis"))

    edit("form_fields.xlsx", form_fields)

    def merged(book: Workbook) -> None:
        book["Indikator"].merge_cells("B2:C3")

    edit("merged_cells.xlsx", merged)

    def trailing(book: Workbook) -> None:
        sheet = book["Target"]
        last = sheet.max_row
        for row in range(last + 1, last + 40):  # formatted, spaces, empty text
            sheet.cell(row=row, column=1, value=" " if row % 2 else None)
            sheet.cell(row=row, column=3).number_format = "#,##0.00"
        sheet.insert_rows(3, amount=2)

    edit("empty_trailing_rows.xlsx", trailing)
    write_template(HERE / "template_empty.xlsx")


# --------------------------------------------------------------------------- cells


def cells() -> None:
    def indonesian(book: Workbook) -> None:
        set_cell(book, "Anggaran", 2, "Pagu", "Rp 5.054.687.243,-")
        set_cell(book, "Anggaran", 2, "Realisasi anggaran", "1.234.567,5")
        set_cell(book, "Target", 2, "Target", "94,78%")
        set_cell(book, "Realisasi", 2, "Realisasi", "-5,93")
        set_cell(book, "Nilai Seri", 2, "Nilai", "13.535,00")

    edit("indonesian_numbers.xlsx", indonesian)

    def error_values(book: Workbook) -> None:
        for row, value in ((2, "#DIV/0!"), (3, "#N/A")):
            set_cell(book, "Target", row, "Target", value)
            book["Target"].cell(row=row, column=column(book["Target"], "Target")).data_type = "e"
        set_cell(book, "Anggaran", 2, "Realisasi anggaran", "#REF!")
        book["Anggaran"].cell(
            row=2, column=column(book["Anggaran"], "Realisasi anggaran")).data_type = "e"

    edit("error_values.xlsx", error_values)

    def ambiguous(book: Workbook) -> None:
        set_cell(book, "Target", 2, "Target", "95.56")  # a decimal point elsewhere
        set_cell(book, "Target", 3, "Target", "12.345")

    edit("ambiguous_number.xlsx", ambiguous)

    def bad_values(book: Workbook) -> None:
        set_cell(book, "Target", 2, "Target", "sembilan puluh")
        set_cell(book, "Target", 3, "Tahun", "2020a")
        set_cell(book, "Indikator", 2, "Polaritas", "Positip")
        set_cell(book, "Indikator", 3, "IKU", "mungkin")
        set_cell(book, "Revisi", 2, "Tanggal", "2020-13-01")
        set_cell(book, "Realisasi", 4, "Triwulan", 5)
        set_cell(book, "Indikator", 2, "Desimal", 1.5)

    edit("bad_values.xlsx", bad_values)

    def required(book: Workbook) -> None:
        set_cell(book, "Indikator", 3, "Indikator", None)
        set_cell(book, "Sasaran", 2, "Tujuan", "   ")

    edit("required_missing.xlsx", required)

    def nip_number(book: Workbook) -> None:
        sheet = book["Perangkat Daerah"]
        sheet.cell(row=field_row(sheet, "NIP kepala"), column=2, value=196512311990031001)

    edit("nip_as_number.xlsx", nip_number)

    def formula(book: Workbook) -> None:
        set_cell(book, "Anggaran", 2, "Pagu", "=389950000+0")

    edit("formula_no_value.xlsx", formula)

    data = load_workbook(io.BytesIO(exported()))
    data["Anggaran"].cell(row=2, column=column(data["Anggaran"], "Pagu"), value="=389000000+950000")
    buffer = io.BytesIO()
    data.save(buffer)
    source = buffer.getvalue()
    patch_xml("formula_cached.xlsx", source, sheet_member(source, "Anggaran"),
              lambda xml: re.sub(rb"(<f>[^<]*</f>)<v\s*/>|(<f>[^<]*</f>)<v></v>",
                                 lambda m: (m.group(1) or m.group(2)) + b"<v>389950000</v>", xml))


# --------------------------------------------------------------------------- records


def records() -> None:
    def unknown(book: Workbook) -> None:
        set_cell(book, "Sasaran", 2, "Tujuan", "T9")
        set_cell(book, "Target", 2, "Indikator", "X-99")

    edit("unknown_codes.xlsx", unknown)

    def duplicate(book: Workbook) -> None:
        set_cell(book, "Tujuan", 3, "Kode", "T1")
        set_cell(book, "Target", 3, "Tahun", 2019)  # IKU-01 already has 2019 on row 2

    edit("duplicate_codes.xlsx", duplicate)

    edit("target_outside_period.xlsx",
         lambda book: set_cell(book, "Target", 2, "Tahun", 2030))
    edit("activity_no_program.xlsx",
         lambda book: set_cell(book, "Kegiatan", 4, "Program", None))
    edit("sub_activity_program.xlsx",
         lambda book: set_cell(book, "Kegiatan", 3, "Program", "P2"))
    edit("negative_budget.xlsx",
         lambda book: set_cell(book, "Anggaran", 2, "Pagu", -5))
    edit("spending_above_ceiling.xlsx",
         lambda book: set_cell(book, "Anggaran", 2, "Realisasi anggaran", 400000000))
    edit("not_available_without_reason.xlsx",
         lambda book: set_cell(book, "Realisasi", 5, "Alasan", None))
    edit("agreement_kind.xlsx",
         lambda book: set_cell(book, "PK", 2, "Jenis", "Perubahan"))
    edit("bad_formula.xlsx",
         lambda book: set_cell(book, "Indikator", 2, "Rumus", "(pmks[n-1] - "))

    def period(book: Workbook) -> None:
        sheet = book["Renstra"]
        sheet.cell(row=field_row(sheet, "Tahun akhir"), column=2, value=2017)

    edit("period_reversed.xlsx", period)

    def tables(book: Workbook) -> None:
        sheet = book["Isi Data Dukung"]
        sheet.cell(row=3, column=7, value="sel kelebihan")  # PMKS has 4 columns: C..F
        sheet.append(["EMPTY", 1, "baris"])
        sheet.delete_rows(sheet.max_row - 1)  # EMPTY's row 0 (its column names)

    edit("table_problems.xlsx", tables)


def main() -> None:
    files()
    structure()
    cells()
    records()
    print(f"corpus written to {HERE}")


if __name__ == "__main__":
    main()
