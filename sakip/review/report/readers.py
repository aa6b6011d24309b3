"""Reading a report into paragraphs and tables: DOCX, PDF with a text layer, text or markdown.

Text and markdown: a line holding a tab is a table row (the seed's form), so is a markdown
pipe row (``| a | b |``); rows separated only by blank lines belong to one table (tables cut
by page breaks). DOCX: body paragraphs and tables in order; a merged cell is given once.
PDF: pdfplumber's tables and the text lines outside them, page by page, top to bottom.
"""

from __future__ import annotations

import re
from pathlib import Path

from sakip.review.report.document import Block, Document, Paragraph, RawTable, clean


class ReadError(Exception):
    """The input cannot be read at all; the message is in Indonesian."""


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUFFIXES = (".docx", ".pdf", *TEXT_SUFFIXES)

_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def read_report(path: str | Path) -> Document:
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(
            f"jenis berkas '{suffix or source.name}' tidak didukung: gunakan .docx, .pdf, .txt atau .md"
        )
    if not source.exists():
        raise ReadError(f"berkas tidak ditemukan: {source}")
    if not source.is_file():
        raise ReadError(f"bukan berkas: {source}")
    if suffix == ".docx":
        return read_docx(source)
    if suffix == ".pdf":
        return read_pdf(source)
    return read_text(source)


# --------------------------------------------------------------------------- text


def read_text(path: Path) -> Document:
    data = path.read_bytes()
    unread: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        unread.append("berkas bukan UTF-8; dibaca sebagai Windows-1252, huruf tertentu mungkin salah")
    return Document(str(path), "text", tuple(parse_text(text)), tuple(unread))


def _table_row(line: str) -> tuple[str, ...] | None:
    if "\t" in line:
        return tuple(clean(cell) for cell in line.rstrip("\n").split("\t"))
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped[1:-1] if stripped.endswith("|") else stripped[1:]
        return tuple(clean(cell) for cell in inner.split("|"))
    return None


def parse_text(text: str) -> list[Block]:
    """Blocks of a text report; one paragraph per non-empty line, tables as above (rows after
    a blank line continue the table when they have as many cells)."""
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    row_lines: list[int] = []

    def flush() -> None:
        if rows:
            blocks.append(RawTable(tuple(rows), row_lines[0], tuple(row_lines)))
        rows.clear()
        row_lines.clear()

    gap = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _PIPE_SEPARATOR.match(line) and "-" in line and rows:
            continue
        row = _table_row(line)
        if row is not None:
            if gap and rows and len(row) != len(rows[0]):
                flush()  # after a blank line, another shape: another table
            rows.append(row)
            row_lines.append(number)
            gap = False
            continue
        if not line.strip():
            gap = True
            continue  # a blank line does not end a table: the next non-blank line decides
        gap = False
        flush()
        paragraph = clean(line)
        if paragraph:
            blocks.append(Paragraph(paragraph, number))
    flush()
    return blocks


# --------------------------------------------------------------------------- docx


def read_docx(path: Path) -> Document:
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph as DocxParagraph
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ReadError("python-docx tidak terpasang; jalankan pip install python-docx") from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise ReadError(f"berkas DOCX tidak dapat dibuka ({exc.__class__.__name__}): {path}") from exc
    blocks: list[Block] = []
    for position, child in enumerate(document.element.body.iterchildren(), start=1):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = clean(DocxParagraph(child, document).text)
            if text:
                blocks.append(Paragraph(text, position))
        elif tag == "tbl":
            rows = _docx_rows(Table(child, document))
            if rows:
                blocks.append(RawTable(tuple(rows), position, tuple(position for _ in rows)))
    return Document(str(path), "docx", tuple(blocks))


def _docx_rows(table: object) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    above: list[object] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells = list(row.cells)
        texts: list[str] = []
        for index, cell in enumerate(cells):
            merged_left = index > 0 and cells[index - 1]._tc is cell._tc
            merged_up = index < len(above) and above[index] is cell._tc
            texts.append("" if merged_left or merged_up else clean(cell.text))
        above = [cell._tc for cell in cells]
        if any(texts):
            rows.append(tuple(texts))
    return rows


# --------------------------------------------------------------------------- pdf


def read_pdf(path: Path) -> Document:
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ReadError("pdfplumber tidak terpasang; jalankan pip install pdfplumber") from exc
    blocks: list[Block] = []
    unread: list[str] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            empty_pages = []
            for page_number, page in enumerate(pdf.pages, start=1):
                placed: list[tuple[float, Block]] = []
                tables = page.find_tables()
                rest = page
                for index, table in enumerate(tables):
                    rows = [
                        tuple(clean(cell or "") for cell in row)
                        for row in table.extract()
                        if any(cell for cell in row)
                    ]
                    position = page_number * 1000 + index
                    if rows:
                        placed.append((table.bbox[1], RawTable(tuple(rows), position,
                                                               tuple(position for _ in rows))))
                    rest = rest.outside_bbox(table.bbox)
                lines = rest.extract_text_lines() if hasattr(rest, "extract_text_lines") else []
                for index, item in enumerate(lines):
                    text = clean(item["text"])
                    if text:
                        placed.append((item["top"], Paragraph(text, page_number * 1000 + 100 + index)))
                if not placed:
                    empty_pages.append(page_number)
                blocks.extend(block for _, block in sorted(placed, key=lambda p: p[0]))
    except ReadError:
        raise
    except Exception as exc:
        raise ReadError(f"berkas PDF tidak dapat dibuka ({exc.__class__.__name__}): {path}") from exc
    if not blocks:
        raise ReadError(
            f"PDF tidak memiliki lapisan teks (hasil pindai?); tidak ada yang dapat diperiksa: {path}"
        )
    if empty_pages:
        unread.append(
            "halaman tanpa teks (gambar atau hasil pindai), tidak diperiksa: "
            + ", ".join(str(p) for p in empty_pages)
        )
    return Document(str(path), "pdf", tuple(blocks), tuple(unread))
