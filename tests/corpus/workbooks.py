"""Broken workbooks given to ``sakip import``: the committed workbook corpus
(tests/data/workbooks, with the codes tests/test_workbook_corpus.py expects) and workbooks
broken at test time from the example (tests/corpus/xlsx.py)."""

from __future__ import annotations

import io
import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.corpus.case import Case, case
from tests.corpus.xlsx import EXAMPLE, before_end, replace, rewrite, sub
from tests.test_workbook_corpus import BROKEN, CORPUS

OUTPUT = "rencana.yaml"
IMPORT = ["import", "buku.xlsx", "-o", OUTPUT]


def committed(name: str) -> Case:
    valid = name not in BROKEN

    def make(folder: Path) -> list[str]:
        shutil.copyfile(CORPUS / name, folder / "buku.xlsx")
        return IMPORT

    if valid:
        return case("workbook", f"corpus {name}", exits=frozenset({0}), writes=(OUTPUT,))(make)
    return case("workbook", f"corpus {name}", tuple(sorted(BROKEN[name])), exits=frozenset({1}))(make)


def made(name: str, build: Callable[[Path], object], codes: str | tuple[str, ...] = (),
         args: tuple[str, ...] = (), **options: object) -> Case:
    def make(folder: Path) -> list[str]:
        build(folder / "buku.xlsx")
        return [*IMPORT, *args]
    return case("workbook", name, codes, **options)(make)


def _zip(members: dict[str, bytes]) -> Callable[[Path], object]:
    def build(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(name, data)
    return build


def _bytes(data: bytes) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(data)


def _cell(sheet: str, old: str, new: str) -> Callable[[Path], object]:
    return lambda path: rewrite(path, {sheet: replace(old, new)})


def _target(new: str) -> Callable[[Path], object]:
    """The first target's value cell (E2 of the Target sheet: 0.5, in whatever style the export
    gave it) replaced by ``new`` (``\\1``: its style attribute)."""
    return lambda path: rewrite(path, {TARGET_SHEET: sub(r'<c r="E2"( s="\d+")? t="n"><v>0\.5</v>',
                                                         new)})


def _docx_as_xlsx(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    path.write_bytes(buffer.getvalue())


MISSION = "Meningkatkan kualitas"
TARGET_SHEET = "Target"
FAR = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>jauh</t></is></c></row>'
BOMB = '<row r="900"><c r="A900" t="inlineStr"><is><t>' + " " * (24 * 2**20) + "</t></is></c></row>"

GENERATED: list[Case] = [
    made("random bytes", _bytes(random.Random(2).randbytes(8192)), "XLSX_NOT_XLSX"),
    made("empty zip", _zip({}), ("XLSX_NOT_XLSX", "XLSX_CORRUPT")),
    made("a DOCX renamed .xlsx", _docx_as_xlsx, ("XLSX_NOT_XLSX", "XLSX_CORRUPT")),
    made("a PDF renamed .xlsx", _bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"), "XLSX_NOT_XLSX"),
    made("a CSV in UTF-16 renamed .xlsx", _bytes("kode;nama\nT1;Tujuan\n".encode("utf-16")),
         "XLSX_NOT_XLSX"),
    made("zip bomb in a sheet", lambda p: rewrite(p, {TARGET_SHEET: before_end(BOMB)}),
         ("XLSX_ZIP_BOMB", "XLSX_TOO_LARGE")),
    made("far cell XFD1048576", lambda p: rewrite(p, {TARGET_SHEET: before_end(FAR)}),
         "XLSX_TOO_MANY_CELLS"),
    made("target 1e300 in a number cell",
         _target(r'<c r="E2"\1 t="n"><v>1e300</v>'), "XLSX_NUMBER_TOO_LARGE"),
    made("infinity typed as text",
         _target('<c r="E2" t="inlineStr"><is><t>1e400</t></is>'), "XLSX_BAD_NUMBER"),
    made("year 99999", _cell(TARGET_SHEET, "<v>2019</v>", "<v>99999</v>"), "XLSX_BAD_YEAR"),
    made("negative year", _cell(TARGET_SHEET, "<v>2019</v>", "<v>-2019</v>"), "XLSX_BAD_YEAR"),
    made("NUL escape in a mission", _cell("Misi", MISSION, "Meningkatkan_x0000_kualitas"),
         "XLSX_CONTROL_CHARACTER"),
    made("ESC escape in a mission", _cell("Misi", MISSION, "Meningkatkan_x001B_kualitas"),
         "XLSX_CONTROL_CHARACTER"),
    made("DEL in a mission", _cell("Misi", MISSION, "Meningkatkan\x7fkualitas"),
         "XLSX_CONTROL_CHARACTER"),
    made("C1 control in a header", _cell("Misi", "Kode *", "Ko\u0085de *"),
         ("XLSX_UNKNOWN_COLUMN", "XLSX_MISSING_COLUMN")),
    made("workbook part missing", lambda p: rewrite(p, {"xl/workbook.xml": lambda data: None}),
         ("XLSX_CORRUPT", "XLSX_NOT_XLSX")),
    made("sheet part missing", lambda p: rewrite(p, {"Misi": lambda data: None}),
         ("XLSX_CORRUPT", "XLSX_MISSING_SHEET")),
    made("sheet XML cut in half", lambda p: rewrite(p, {"Misi": lambda data: data[: len(data) // 2]}),
         "XLSX_CORRUPT"),
    made("max-cells below the grid", lambda p: shutil.copyfile(EXAMPLE, p), "XLSX_TOO_MANY_CELLS",
         args=("--max-cells", "100")),
    made("valid example", lambda p: shutil.copyfile(EXAMPLE, p), exits=frozenset({0}),
         writes=(OUTPUT,)),
]


def _special(name: str, argv: list[str], codes: str | tuple[str, ...] = ()) -> Case:
    return case("workbook", name, codes)(lambda folder: argv)


# The committed files whose trouble is the file or the sheet's structure; the others (one bad
# cell or record each) are read in-process by tests/test_workbook_corpus.py, faster.
COMMITTED = ("not_xlsx.xlsx", "empty_file.xlsx", "truncated.xlsx", "not_a_workbook.xlsx",
             "broken_xml.xlsx", "encrypted.xlsx", "legacy.xls", "missing_sheet.xlsx",
             "renamed_column.xlsx", "merged_cells.xlsx", "formula_no_value.xlsx",
             "error_values.xlsx", "ambiguous_number.xlsx", "bad_values.xlsx",
             "duplicate_codes.xlsx", "spending_above_ceiling.xlsx")

CASES: list[Case] = [
    *(committed(name) for name in COMMITTED),
    *GENERATED,
    _special("file not found", ["import", "tidak-ada.xlsx", "-o", OUTPUT], "XLSX_FILE_NOT_FOUND"),
    _special("a folder as the workbook", ["import", ".", "-o", OUTPUT]),
    _special("/dev/zero as the workbook", ["import", "/dev/zero", "-o", OUTPUT]),
    _special("/proc/self/status as the workbook", ["import", "/proc/self/status", "-o", OUTPUT]),
]
