"""The xlsx file as a file: is it one, can it be opened, is it too large, where are formulas.

Everything here runs before python-calamine reads a sheet, and refuses a file with one clear
problem instead of a traceback, a process killed for memory or a worker busy for minutes:
missing, not an xlsx (a legacy .xls, an .ods, a renamed document), password-protected, broken,
larger than the limits, a part that inflates like a zip bomb, or a sheet whose grid would be
too large (:mod:`~sakip.io.workbook.census`). It also finds formula cells that carry no cached
value and cells holding an error value (:mod:`~sakip.io.workbook.formulas`). Each sheet's XML
is read once, and every scan of it is linear in its size.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from sakip.io.limits import id_number
from sakip.io.problems import Problem
from sakip.io.workbook import census, formulas
from sakip.io.workbook.codes import Code
from sakip.io.zipguard import RATIO_FROM, inflating_part, mib, ratio

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .xls, or an encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Limits:
    """How large a workbook the importer accepts: settings, with these defaults.

    ``max_bytes`` bounds the file on disk, ``max_unpacked_bytes`` its content once unzipped
    (an xlsx is a zip of XML: a small file can inflate enormously, a "zip bomb"),
    ``max_ratio`` how many times any part of 1 MiB or more may inflate (a spreadsheet's XML
    inflates about ten times), and ``max_cells`` the cells of all sheets read (rows × columns
    from A1 to the farthest cell of each sheet).
    """

    max_bytes: int = 50 * 1024 * 1024
    max_unpacked_bytes: int = 256 * 1024 * 1024
    max_ratio: int = 100
    max_cells: int = 5_000_000


def _problem(code: Code, message_id: str, message_en: str, file: str) -> Problem:
    return Problem(code=code, message_id=message_id, message_en=message_en, file=file)


def check_file(path: Path, limits: Limits) -> list[Problem]:
    """Problems that stop the import before any cell is read (empty list: go on)."""
    problems, archive = open_checked(path, limits)
    if archive is not None:
        archive.close()
    return problems


def open_checked(path: Path, limits: Limits) -> tuple[list[Problem], zipfile.ZipFile | None]:
    """:func:`check_file`, and the file opened as a zip when it has no such problem (the
    caller closes it; :func:`survey` reads it without opening it again)."""
    name = str(path)
    if not path.is_file():
        return [_problem(Code.FILE_NOT_FOUND, "berkas tidak ditemukan", "file not found", name)], None
    size = path.stat().st_size
    if size > limits.max_bytes:
        return [_problem(
            Code.TOO_LARGE,
            f"berkas terlalu besar ({mib(size, 'id')}); batasnya {mib(limits.max_bytes, 'id')}",
            f"file too large ({mib(size)}); the limit is {mib(limits.max_bytes)}", name)], None
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE_MAGIC):
        return [_ole_problem(path, name)], None
    if not head.startswith(ZIP_MAGIC):
        return [_problem(
            Code.NOT_XLSX,
            "bukan berkas Excel .xlsx; simpan ulang dari Excel sebagai Buku Kerja Excel (.xlsx)",
            "not an Excel .xlsx file; save it again from Excel as an Excel Workbook (.xlsx)",
            name)], None
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


def _check_zip(path: Path, name: str, limits: Limits
               ) -> tuple[list[Problem], zipfile.ZipFile | None]:
    archive = None
    try:
        archive = zipfile.ZipFile(path)
        problems = _zip_problems(archive, name, limits)
    except (zipfile.BadZipFile, OSError, ValueError):
        problems = [_problem(
            Code.CORRUPT, "berkas rusak dan tidak dapat dibuka; simpan ulang dari Excel",
            "the file is damaged and cannot be opened; save it again from Excel", name)]
    if problems and archive is not None:
        archive.close()
        archive = None
    return problems, archive


def _zip_problems(archive: zipfile.ZipFile, name: str, limits: Limits) -> list[Problem]:
    names = set(archive.namelist())
    unpacked = sum(info.file_size for info in archive.infolist())
    bomb = inflating_part(archive, limits.max_ratio)
    sheet = _sheet_of(archive, bomb) if bomb is not None else None
    if "xl/workbook.xml" not in names:
        return [_problem(
            Code.NOT_XLSX,
            "berkas ZIP ini bukan buku kerja Excel (.xlsx) (mungkin .docx, .ods atau arsip)",
            "this ZIP file is not an Excel workbook (.xlsx) (perhaps .docx, .ods or an archive)",
            name)]
    if unpacked > limits.max_unpacked_bytes:
        return [_problem(
            Code.TOO_LARGE,
            f"isi berkas terlalu besar setelah dibuka ({mib(unpacked, 'id')})",
            f"the file's content is too large once unpacked ({mib(unpacked)})", name)]
    if bomb is not None:
        times = ratio(bomb)
        part_id = f"lembar '{sheet}'" if sheet else f"bagian '{bomb.filename}'"
        part_en = f"sheet '{sheet}'" if sheet else f"part '{bomb.filename}'"
        return [Problem(
            code=Code.ZIP_BOMB,
            message_id=f"{part_id} mengembang {id_number(times)} kali saat dibuka "
            f"({mib(bomb.file_size, 'id')}; batasnya {id_number(limits.max_ratio)} kali): "
            "berkas ini bukan buku kerja biasa; simpan ulang dari Excel",
            message_en=f"{part_en} inflates {times:,} times when unpacked "
            f"({mib(bomb.file_size)}; the limit is {limits.max_ratio:,} times): this is not an "
            "ordinary workbook; save it again from Excel",
            file=name, sheet=sheet)]
    return []


def _sheet_of(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> str | None:
    """The name of the sheet stored in ``part``, when the small parts that say so are sound."""
    index = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
    try:
        if any(archive.getinfo(name).file_size >= RATIO_FROM for name in index):
            return None
        sheets = {member: sheet for sheet, member in _sheet_parts(archive).items()}
    except (KeyError, ValueError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    return sheets.get(part.filename)


# --------------------------------------------------------------------------- sheets


@dataclass
class Survey:
    """What the sheets' XML tells before calamine reads them: problems that stop the import,
    and for each sheet the cells calamine shows as empty although they are not: formula cells
    without a cached value and error values (:data:`formulas.Marks`)."""

    problems: list[Problem] = field(default_factory=list)
    marks: dict[str, formulas.Marks] = field(default_factory=dict)


def survey(path: Path, sheets: list[str], limits: Limits,
           opened: zipfile.ZipFile | None = None) -> Survey:
    """Read each named sheet's XML once: bound its grid, find formulas without a value and
    error values (from ``opened``, the file opened already, when given)."""
    result = Survey()
    cells = 0
    try:
        with opened or zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            members = set(archive.namelist())
            for sheet in sheets:
                member = parts.get(sheet)
                if member is None or member not in members:
                    continue
                xml = archive.read(member)
                found, errors = census.bound(xml, limits.max_cells - cells)
                cells += found
                if cells > limits.max_cells:
                    result.problems.append(too_many_cells(path, limits, sheet))
                    return result
                if formulas.needs_scan(xml, errors):
                    marks = formulas.scan(xml)
                    if marks:
                        result.marks[sheet] = marks
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, ElementTree.ParseError,
            formulas.ParseError) as error:
        result.problems.append(_problem(
            Code.CORRUPT, f"berkas rusak ({error})", f"the file is damaged ({error})", str(path)))
    return result


def too_many_cells(path: Path, limits: Limits, sheet: str) -> Problem:
    return Problem(
        code=Code.TOO_MANY_CELLS,
        message_id=f"terlalu banyak sel (lebih dari {id_number(limits.max_cells)}); hapus baris dan "
        "kolom kosong di bawah atau di kanan data",
        message_en=f"too many cells (more than {limits.max_cells:,}); delete empty rows and "
        "columns below or right of the data",
        file=str(path), sheet=sheet)


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
