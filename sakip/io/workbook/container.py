"""The xlsx file as a file: is it one, can it be opened, is it too large, where are formulas.

Everything here runs before the workbook's cells are read, and refuses a file with one clear
problem instead of a traceback: missing, not an xlsx (a legacy .xls, an .ods, a renamed
document), password-protected, broken, or larger than the limits. It also finds formula
cells that carry no cached value (python-calamine reads cached values and shows such a cell
as empty), by scanning the sheet XML, which costs one pass over bytes only when a sheet
contains a formula at all.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from sakip.io.problems import Problem
from sakip.io.workbook.codes import Code

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .xls, or an encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


@dataclass(frozen=True)
class Limits:
    """How large a workbook the importer accepts: settings, with these defaults.

    ``max_bytes`` bounds the file on disk, ``max_unpacked_bytes`` its content once unzipped
    (an xlsx is a zip of XML: a small file can inflate enormously, a "zip bomb"), and
    ``max_cells`` the cells of all sheets read (rows × columns of each used area).
    """

    max_bytes: int = 50 * 1024 * 1024
    max_unpacked_bytes: int = 1024 * 1024 * 1024
    max_cells: int = 5_000_000


def _problem(code: Code, message_id: str, message_en: str, file: str) -> Problem:
    return Problem(code=code, message_id=message_id, message_en=message_en, file=file)


def check_file(path: Path, limits: Limits) -> list[Problem]:
    """Problems that stop the import before any cell is read (empty list: go on)."""
    name = str(path)
    if not path.is_file():
        return [_problem(Code.FILE_NOT_FOUND, "berkas tidak ditemukan", "file not found", name)]
    size = path.stat().st_size
    if size > limits.max_bytes:
        return [_problem(
            Code.TOO_LARGE,
            f"berkas terlalu besar ({_mib(size)}); batasnya {_mib(limits.max_bytes)}",
            f"file too large ({_mib(size)}); the limit is {_mib(limits.max_bytes)}", name)]
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        return [_ole_problem(path, name)]
    if not head.startswith(ZIP_MAGIC):
        return [_problem(
            Code.NOT_XLSX,
            "bukan berkas Excel .xlsx; simpan ulang dari Excel sebagai Buku Kerja Excel (.xlsx)",
            "not an Excel .xlsx file; save it again from Excel as an Excel Workbook (.xlsx)",
            name)]
    return _check_zip(path, name, limits)


def _ole_problem(path: Path, name: str) -> Problem:
    if _ENCRYPTED_STREAM in path.read_bytes():
        return _problem(
            Code.ENCRYPTED,
            "berkas dilindungi kata sandi; buka di Excel, hapus kata sandinya, lalu simpan ulang",
            "the file is password-protected; open it in Excel, remove the password, save again",
            name)
    return _problem(
        Code.LEGACY_XLS,
        "format Excel lama (.xls); simpan ulang sebagai Buku Kerja Excel (.xlsx)",
        "legacy Excel format (.xls); save it again as an Excel Workbook (.xlsx)", name)


def _check_zip(path: Path, name: str, limits: Limits) -> list[Problem]:
    corrupt = _problem(
        Code.CORRUPT, "berkas rusak dan tidak dapat dibuka; simpan ulang dari Excel",
        "the file is damaged and cannot be opened; save it again from Excel", name)
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return [corrupt]
    if "xl/workbook.xml" not in names:
        return [_problem(
            Code.NOT_XLSX,
            "berkas ZIP ini bukan buku kerja Excel (.xlsx) (mungkin .docx, .ods atau arsip)",
            "this ZIP file is not an Excel workbook (.xlsx) (perhaps .docx, .ods or an archive)",
            name)]
    if unpacked > limits.max_unpacked_bytes:
        return [_problem(
            Code.TOO_LARGE,
            f"isi berkas terlalu besar setelah dibuka ({_mib(unpacked)})",
            f"the file's content is too large once unpacked ({_mib(unpacked)})", name)]
    return []


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB"


# --------------------------------------------------------------------------- formulas


def formulas_without_value(path: Path, sheets: set[str]) -> dict[str, set[tuple[int, int]]]:
    """For each named sheet: the (row, column), 0-based, of formula cells with no cached value.

    Cells whose formula has a cached value are not listed: their value is read as is.
    Sheets with no formula at all cost one byte scan.
    """
    found: dict[str, set[tuple[int, int]]] = {}
    with zipfile.ZipFile(path) as archive:
        for sheet_name, member in _sheet_parts(archive).items():
            if sheet_name not in sheets or member not in archive.namelist():
                continue
            data = archive.read(member)
            if not _FORMULA_TAG.search(data):
                continue
            missing = _scan_formulas(data)
            if missing:
                found[sheet_name] = missing
    return found


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part inside the archive."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    try:
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{{{_PKG_REL}}}Relationship")
    }
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{{{_MAIN}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL}}}id"), "")
        if not target:
            continue
        if target.startswith("/"):
            member = target.lstrip("/")
        else:
            member = posixpath.normpath(posixpath.join("xl", target))
        parts[sheet.get("name", "")] = member
    return parts


def _scan_formulas(data: bytes) -> set[tuple[int, int]]:
    missing: set[tuple[int, int]] = set()
    cell_tag = f"{{{_MAIN}}}c"
    formula_tag = f"{{{_MAIN}}}f"
    value_tag = f"{{{_MAIN}}}v"
    for _event, element in ElementTree.iterparse(io.BytesIO(data), events=("end",)):
        if element.tag != cell_tag:
            continue
        if element.find(formula_tag) is not None:
            value = element.find(value_tag)
            if value is None or not (value.text or "").strip():
                position = _position(element.get("r", ""))
                if position is not None:
                    missing.add(position)
        element.clear()
    return missing


def _position(reference: str) -> tuple[int, int] | None:
    match = _CELL_REF.match(reference)
    if not match:
        return None
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, column - 1
