"""How large a report the review reads, and the checks that run before the expensive reading.

Everything here looks at the file from outside — its size on disk, its first bytes, the zip
directory of a DOCX, the page count of a PDF — or streams through it once with bounded memory,
so a pathological input (a DOCX of ten million empty paragraphs, a zip bomb, a PDF of a
hundred thousand pages, a huge text) is refused within seconds with a stable code, before
python-docx or pdfplumber build anything from it.
"""

from __future__ import annotations

import enum
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sakip.io.zipguard import inflating_part, mib, ratio

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .doc, or an encrypted .docx
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
DOCUMENT_PART = "word/document.xml"
_CHUNK = 1024 * 1024


class Code(enum.StrEnum):
    """Stable codes of a report the review cannot read (exit status 2)."""

    NOT_FOUND = "REPORT_FILE_NOT_FOUND"
    UNSUPPORTED = "REPORT_FILE_UNSUPPORTED"
    TOO_LARGE = "REPORT_FILE_TOO_LARGE"
    EMPTY = "REPORT_FILE_EMPTY"
    NOT_TEXT = "REPORT_FILE_NOT_TEXT"
    NOT_DOCX = "REPORT_FILE_NOT_DOCX"
    LEGACY_DOC = "REPORT_FILE_LEGACY_DOC"
    ENCRYPTED = "REPORT_FILE_ENCRYPTED"
    CORRUPT = "REPORT_FILE_CORRUPT"
    ZIP_BOMB = "REPORT_FILE_ZIP_BOMB"
    TOO_MANY_BLOCKS = "REPORT_FILE_TOO_MANY_BLOCKS"
    TOO_MANY_PAGES = "REPORT_FILE_TOO_MANY_PAGES"
    NO_TEXT_LAYER = "REPORT_FILE_NO_TEXT_LAYER"
    NOTHING_TO_REVIEW = "REPORT_NOTHING_TO_REVIEW"
    YEAR_MISMATCH = "REPORT_YEAR_MISMATCH"


@dataclass(frozen=True)
class ReportLimits:
    """Settings, with these defaults (a 200-page LKjIP is far inside every one of them).

    ``max_bytes`` bounds a DOCX or PDF on disk and ``max_text_bytes`` a text or markdown file;
    ``max_unpacked_bytes`` all parts of a DOCX once unzipped (python-docx holds every part in
    memory), ``max_document_bytes`` its ``word/document.xml``, ``max_ratio`` how many times a
    part of 1 MiB or more may inflate (Word's XML inflates about ten times);
    ``max_elements`` the XML elements of ``word/document.xml``, ``max_blocks`` the paragraphs
    and table cells of a DOCX (counted before parsing, and again while reading) and the
    non-empty lines of a text; ``max_pages`` the pages of a PDF, read from its page tree
    before any page is.
    """

    max_bytes: int = 50 * 1024 * 1024
    max_text_bytes: int = 16 * 1024 * 1024
    max_unpacked_bytes: int = 256 * 1024 * 1024
    max_document_bytes: int = 64 * 1024 * 1024
    max_ratio: int = 100
    max_elements: int = 3_000_000
    max_blocks: int = 100_000
    max_pages: int = 1_000


LIMITS = ReportLimits()


class ReadError(Exception):
    """The input cannot be read at all: a stable code and a message in Indonesian and English.

    ``str(error)`` is the Indonesian message (what users read)."""

    def __init__(self, message_id: str, code: str = Code.CORRUPT,
                 message_en: str | None = None) -> None:
        super().__init__(message_id)
        self.code = str(code)
        self.message_id = message_id
        self.message_en = message_en or message_id

    def message(self, language: str = "id") -> str:
        return self.message_en if language == "en" else self.message_id


def check_size(path: Path, limit: int) -> int:
    """The file's size; refused when over ``limit`` or empty (nothing is read)."""
    size = path.stat().st_size
    if size > limit:
        raise ReadError(
            f"berkas terlalu besar ({mib(size)}; batasnya {mib(limit)}): {path}",
            Code.TOO_LARGE, f"file too large ({mib(size)}; the limit is {mib(limit)}): {path}")
    if size == 0:
        raise ReadError(f"berkas kosong: {path}", Code.EMPTY, f"the file is empty: {path}")
    return size


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a text-like file, never more than ``limit`` (should the file grow)."""
    check_size(path, limit)
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        check_size(path, limit)
        raise ReadError(f"berkas terlalu besar (lebih dari {mib(limit)}): {path}",
                        Code.TOO_LARGE, f"file too large (over {mib(limit)}): {path}")
    return data


def head(path: Path, size: int = 8) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


# --------------------------------------------------------------------------- docx


def check_docx(path: Path, limits: ReportLimits = LIMITS) -> None:
    """Refuse a DOCX before python-docx opens it: not a zip, an old .doc, password-protected,
    broken, too large once unpacked, a part that inflates like a zip bomb, too many elements,
    paragraphs or table cells in ``word/document.xml``."""
    check_size(path, limits.max_bytes)
    start = head(path)
    if start.startswith(OLE_MAGIC):
        if _ENCRYPTED_STREAM in path.read_bytes():
            raise ReadError(
                f"berkas DOCX dilindungi kata sandi; buka di Word, hapus kata sandinya, lalu "
                f"simpan ulang: {path}", Code.ENCRYPTED,
                f"the DOCX file is password-protected; open it in Word, remove the password, "
                f"save it again: {path}")
        raise ReadError(
            f"format Word lama (.doc); simpan ulang sebagai Dokumen Word (.docx): {path}",
            Code.LEGACY_DOC,
            f"legacy Word format (.doc); save it again as a Word Document (.docx): {path}")
    if not start.startswith(ZIP_MAGIC):
        raise _not_docx(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if DOCUMENT_PART not in names:
                raise _not_docx(path)
            unpacked = sum(info.file_size for info in infos)
            if unpacked > limits.max_unpacked_bytes:
                raise ReadError(
                    f"isi berkas DOCX terlalu besar setelah dibuka ({mib(unpacked)}; batasnya "
                    f"{mib(limits.max_unpacked_bytes)}): {path}", Code.ZIP_BOMB,
                    f"the DOCX content is too large once unpacked ({mib(unpacked)}; the limit "
                    f"is {mib(limits.max_unpacked_bytes)}): {path}")
            info = inflating_part(archive, limits.max_ratio)
            if info is not None:
                raise ReadError(
                    f"bagian '{info.filename}' mengembang {ratio(info):,} kali saat dibuka "
                    f"({mib(info.file_size)}; batasnya {limits.max_ratio:,} kali): berkas "
                    f"ini bukan dokumen biasa; simpan ulang dari Word: {path}",
                    Code.ZIP_BOMB,
                    f"part '{info.filename}' inflates {ratio(info):,} times when unpacked "
                    f"({mib(info.file_size)}; the limit is {limits.max_ratio:,} times): "
                    f"this is not an ordinary document; save it again from Word: {path}")
            document = archive.getinfo(DOCUMENT_PART)
            if document.file_size > limits.max_document_bytes:
                raise ReadError(
                    f"isi dokumen terlalu besar ({DOCUMENT_PART} {mib(document.file_size)}; "
                    f"batasnya {mib(limits.max_document_bytes)}): {path}", Code.TOO_LARGE,
                    f"the document body is too large ({DOCUMENT_PART} "
                    f"{mib(document.file_size)}; the limit is "
                    f"{mib(limits.max_document_bytes)}): {path}")
            _count_elements(archive, path, limits)
    except ReadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError) as exc:
        raise ReadError(
            f"berkas DOCX rusak dan tidak dapat dibuka ({exc.__class__.__name__}); simpan ulang "
            f"dari Word: {path}", Code.CORRUPT,
            f"the DOCX file is damaged and cannot be opened ({exc.__class__.__name__}); save "
            f"it again from Word: {path}") from exc


def _not_docx(path: Path) -> ReadError:
    return ReadError(
        f"bukan berkas DOCX; simpan ulang dari Word sebagai Dokumen Word (.docx): {path}",
        Code.NOT_DOCX,
        f"not a DOCX file; save it again from Word as a Word Document (.docx): {path}")


def _count_elements(archive: zipfile.ZipFile, path: Path, limits: ReportLimits) -> None:
    """One streaming pass over ``word/document.xml`` (bounded memory): elements, and
    paragraphs plus table cells, counted from their tags before any tree is built."""
    elements = blocks = 0
    carry = b""
    read = 0
    with archive.open(DOCUMENT_PART) as stream:
        while chunk := stream.read(_CHUNK):
            read += len(chunk)
            if read > limits.max_document_bytes:  # a directory that lied about the size
                raise ReadError(
                    f"isi dokumen terlalu besar (lebih dari {mib(limits.max_document_bytes)}): "
                    f"{path}", Code.TOO_LARGE,
                    f"the document body is too large (over {mib(limits.max_document_bytes)}): "
                    f"{path}")
            text = carry + chunk
            # a tag cut at the chunk's end is counted with the next chunk
            cut = text.rfind(b"<")
            whole, carry = (text[:cut], text[cut:]) if cut >= 0 else (text, b"")
            elements += whole.count(b"<") - whole.count(b"</") - whole.count(b"<?") \
                - whole.count(b"<!")
            blocks += (whole.count(b"<w:p>") + whole.count(b"<w:p ") + whole.count(b"<w:p/>")
                       + whole.count(b"<w:tc>") + whole.count(b"<w:tc "))
            if elements > limits.max_elements or blocks > limits.max_blocks:
                raise too_many_blocks(path, limits)


def too_many_blocks(path: Path, limits: ReportLimits) -> ReadError:
    return ReadError(
        f"terlalu banyak paragraf, sel tabel atau elemen (lebih dari {limits.max_blocks:,} "
        f"paragraf dan sel, atau {limits.max_elements:,} elemen); ini bukan laporan kinerja "
        f"biasa: {path}", Code.TOO_MANY_BLOCKS,
        f"too many paragraphs, table cells or elements (more than {limits.max_blocks:,} "
        f"paragraphs and cells, or {limits.max_elements:,} elements); this is not an ordinary "
        f"performance report: {path}")


# --------------------------------------------------------------------------- pdf


def check_pdf_head(path: Path, limits: ReportLimits = LIMITS) -> None:
    check_size(path, limits.max_bytes)
    if PDF_MAGIC not in head(path, 1024):  # readers accept a little junk before the header
        raise ReadError(
            f"bukan berkas PDF: {path}", Code.CORRUPT, f"not a PDF file: {path}")


def too_many_pages(path: Path, limits: ReportLimits) -> ReadError:
    return ReadError(
        f"PDF terlalu banyak halaman (lebih dari {limits.max_pages:,}): {path}",
        Code.TOO_MANY_PAGES,
        f"the PDF has too many pages (more than {limits.max_pages:,}): {path}")


def encrypted_pdf(path: Path) -> ReadError:
    return ReadError(
        f"PDF dilindungi kata sandi; simpan ulang tanpa kata sandi: {path}", Code.ENCRYPTED,
        f"the PDF is password-protected; save it again without a password: {path}")


# --------------------------------------------------------------------------- text


def decode_text(data: bytes, path: Path) -> tuple[str, list[str]]:
    """Text of a report file and what was noted while decoding it.

    A byte-order mark decides (UTF-8, UTF-16 LE/BE — Notepad's "Unicode" — UTF-32); without
    one, zero bytes at every other position mean UTF-16; then UTF-8, then Windows-1252 with a
    note. Zero bytes or many control characters left after decoding mean the file is not
    text, and is refused."""
    notes: list[str] = []
    boms = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
            (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
    encoding = next((name for bom, name in boms if data.startswith(bom)), None)
    if encoding is None:
        encoding = _utf16_without_bom(data)
    try:
        if encoding is not None:
            text = data.decode(encoding)
            text = text.removeprefix("\ufeff")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
                notes.append("berkas bukan UTF-8; dibaca sebagai Windows-1252, huruf tertentu "
                             "mungkin salah")
    except UnicodeDecodeError as exc:
        raise _not_text(path) from exc
    if not text.strip():
        raise ReadError(f"berkas tidak berisi teks: {path}", Code.EMPTY,
                        f"the file holds no text: {path}")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if "\x00" in sample or controls > max(8, len(sample) // 100) or \
            sample.count("\ufffd") > max(8, len(sample) // 20):
        raise _not_text(path)
    return text, notes


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > pairs * 0.6 and even < pairs * 0.1:
        return "utf-16-le"
    if even > pairs * 0.6 and odd < pairs * 0.1:
        return "utf-16-be"
    return None


def _not_text(path: Path) -> ReadError:
    return ReadError(
        f"berkas ini bukan teks (berkas biner atau penyandian yang tidak dikenal); simpan "
        f"laporan sebagai .docx, .pdf, atau teks UTF-8: {path}", Code.NOT_TEXT,
        f"this file is not text (a binary file or an unknown encoding); save the report as "
        f".docx, .pdf or UTF-8 text: {path}")
