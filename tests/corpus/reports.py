"""Reports given to ``sakip review``: DOCX, PDF and text files that are empty, damaged, locked,
pathological or not reports at all, and misuses of ``--year`` and ``--papers``."""

from __future__ import annotations

import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_review_limits import blank_pdf
from tests.corpus.case import ROOT, Case, case
from tests.corpus.xlsx import EXAMPLE

CLEAN = ROOT / "tests" / "data" / "review" / "clean-lkjip.txt"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)

DOCUMENT_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{body}</w:body></w:document>")
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)


def docx(body: str | bytes, compress: int = 6) -> Callable[[Path], object]:
    """A minimal DOCX (what python-docx needs) whose body is ``body``."""
    def build(path: Path) -> None:
        xml = DOCUMENT_XML.format(body=body) if isinstance(body, str) else body
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compress) as archive:
            archive.writestr("[Content_Types].xml", CONTENT_TYPES)
            archive.writestr("_rels/.rels", RELS)
            archive.writestr("word/document.xml", xml)
    return build


def _empty_paragraphs(count: int) -> bytes:
    return DOCUMENT_XML.format(body="<w:p/>" * count).encode()


def data(content: bytes) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(content)


def review(name: str, filename: str, build: Callable[[Path], object],
           codes: str | tuple[str, ...] = (), args: tuple[str, ...] = (), **options: object) -> Case:
    def make(folder: Path) -> list[str]:
        build(folder / filename)
        return ["review", filename, *args]
    return case("review", name, codes, **options)(make)


def _pdf(pages: int, password: str | None = None) -> Callable[[Path], object]:
    return lambda path: blank_pdf(path, pages, password)


def _truncated_pdf(path: Path) -> None:
    blank_pdf(path, 3)
    path.write_bytes(path.read_bytes()[:300])


def _truncated_docx(path: Path) -> None:
    docx(paragraphs("LAPORAN KINERJA TAHUN 2020"))(path)
    path.write_bytes(path.read_bytes()[:150])


def _clean_as(encoding: str) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(CLEAN.read_text("utf-8").encode(encoding))


NOISE = random.Random(10).randbytes(64 * 1024)


def _bomb(path: Path) -> None:
    """A DOCX whose document part inflates about a thousand times (20 MiB of spaces)."""
    body = paragraphs("LAPORAN KINERJA TAHUN 2020") + "<!--" + " " * (20 * 2**20) + "-->"
    docx(DOCUMENT_XML.format(body=body).encode(), compress=9)(path)


def _empty_paragraphs_docx(path: Path) -> None:
    docx(_empty_paragraphs(10_000_000), compress=9)(path)

UNREADABLE = frozenset({2})

CASES: list[Case] = [
    *(review(f"empty {suffix}", f"kosong{suffix}", data(b""), "REPORT_FILE_EMPTY", exits=UNREADABLE)
      for suffix in (".txt", ".md", ".docx", ".pdf")),
    *(review(f"only whitespace {suffix}", f"spasi{suffix}", data(b" \n\n\t\n"), exits=UNREADABLE)
      for suffix in (".txt", ".md", ".docx", ".pdf")),
    *(review(f"random bytes {suffix}", f"acak{suffix}", data(NOISE), exits=UNREADABLE)
      for suffix in (".txt", ".md", ".docx", ".pdf")),
    review("UTF-16 text with BOM", "lkjip.txt", _clean_as("utf-16"), exits=frozenset({0})),
    review("UTF-16-LE text without BOM", "lkjip.txt", _clean_as("utf-16-le"), exits=frozenset({0})),
    review("UTF-8 text with BOM", "lkjip.txt", _clean_as("utf-8-sig"), exits=frozenset({0})),
    review("Windows-1252 text", "lkjip.txt",
           data("LAPORAN KINERJA TAHUN 2020\r\nCapaian \u00e9\u00e8 94,78\r\n".encode("cp1252")),
           exits=frozenset({0, 1, 2})),
    review("text that is not a report", "catatan.txt",
           data(b"Catatan rapat.\nTidak ada angka di sini.\n"), "REPORT_NOTHING_TO_REVIEW",
           exits=UNREADABLE),
    review("NUL bytes in a text", "lkjip.txt", data(b"LAPORAN\x00KINERJA\x00" * 100), exits=UNREADABLE),
    review("text over the size limit (sparse)", "besar.txt",
           lambda path: path.open("wb").truncate(17 * 2**20), "REPORT_FILE_TOO_LARGE",
           exits=UNREADABLE),
    review("password-protected DOCX", "terkunci.docx",
           data(OLE + "EncryptedPackage".encode("utf-16-le") + bytes(64)), "REPORT_FILE_ENCRYPTED",
           exits=UNREADABLE),
    review("legacy .doc renamed .docx", "lama.docx", data(OLE + bytes(64)),
           "REPORT_FILE_LEGACY_DOC", exits=UNREADABLE),
    review("zip that is not a DOCX", "arsip.docx",
           lambda path: zipfile.ZipFile(path, "w").writestr("a.txt", "bukan dokumen"),
           "REPORT_FILE_NOT_DOCX", exits=UNREADABLE),
    review("a workbook renamed .docx", "buku.docx", lambda path: shutil.copyfile(EXAMPLE, path),
           "REPORT_FILE_NOT_DOCX", exits=UNREADABLE),
    review("truncated DOCX", "potong.docx", _truncated_docx, exits=UNREADABLE),
    review("DOCX with broken XML", "rusak.docx", docx(b"<w:document><w:body><w:p>"),
           "REPORT_FILE_CORRUPT", exits=UNREADABLE),
    review("DOCX of ten million empty paragraphs", "kosong-besar.docx",
           _empty_paragraphs_docx,
           ("REPORT_FILE_TOO_MANY_BLOCKS", "REPORT_FILE_ZIP_BOMB", "REPORT_FILE_TOO_LARGE"),
           exits=UNREADABLE),
    review("DOCX zip bomb", "bom.docx", _bomb,
           ("REPORT_FILE_ZIP_BOMB", "REPORT_FILE_TOO_LARGE"), exits=UNREADABLE),
    review("DOCX with no text", "tanpa-teks.docx", docx(""), exits=UNREADABLE),
    review("PDF without a text layer", "pindaian.pdf", _pdf(2),
           ("REPORT_FILE_NO_TEXT_LAYER", "REPORT_NOTHING_TO_REVIEW"), exits=UNREADABLE),
    review("password-protected PDF", "rahasia.pdf", _pdf(1, "rahasia"), "REPORT_FILE_ENCRYPTED",
           exits=UNREADABLE),
    review("PDF of 1001 pages", "halaman.pdf", _pdf(1_001), "REPORT_FILE_TOO_MANY_PAGES",
           exits=UNREADABLE),
    review("truncated PDF", "potong.pdf", _truncated_pdf, exits=UNREADABLE),
    review("a DOCX renamed .pdf", "laporan.pdf", docx(paragraphs("LAPORAN KINERJA TAHUN 2020")),
           exits=UNREADABLE),
    review("unknown suffix .odt", "laporan.odt", data(b"PK\x03\x04"), "REPORT_FILE_UNSUPPORTED",
           exits=UNREADABLE),
    review("no suffix", "laporan", data(b"LAPORAN KINERJA TAHUN 2020\n"), "REPORT_FILE_UNSUPPORTED",
           exits=UNREADABLE),
    review("--year the report contradicts", "lkjip.txt", lambda path: shutil.copyfile(CLEAN, path),
           "REPORT_YEAR_MISMATCH", args=("--year", "1900"), exits=UNREADABLE),
    review("--year far in the future", "lkjip.txt", lambda path: shutil.copyfile(CLEAN, path),
           "REPORT_YEAR_MISMATCH", args=("--year", "99999"), exits=UNREADABLE),
    review("--papers is an existing file", "lkjip.txt",
           lambda path: (shutil.copyfile(CLEAN, path), (path.parent / "kkr").write_text("x")),
           ("OUTPUT_NOT_A_FOLDER", "OUTPUT_FOLDER_NOT_A_FOLDER"), args=("--papers", "kkr"),
           exits=UNREADABLE),
    review("--papers under /proc", "lkjip.txt", lambda path: shutil.copyfile(CLEAN, path),
           "OUTPUT_FOLDER_NOT_WRITABLE", args=("--papers", "/proc/sakip-kkr"), exits=UNREADABLE),
]


def _special(name: str, argv: list[str], codes: str | tuple[str, ...] = ()) -> Case:
    return case("review", name, codes, exits=UNREADABLE)(lambda folder: argv)


CASES += [
    _special("file not found", ["review", "tidak-ada.docx"], "REPORT_FILE_NOT_FOUND"),
    _special("a folder named .docx", ["review", "/tmp/.."]),
    _special("/dev/zero as a text", ["review", "/dev/zero"]),
]
