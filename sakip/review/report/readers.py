"""Reading a report into paragraphs and tables: DOCX, PDF with a text layer, text or markdown.

Text and markdown: a line holding a tab is a table row (the seed's form), so is a markdown
pipe row (``| a | b |``); rows separated only by blank lines belong to one table (tables cut
by page breaks). DOCX: body paragraphs and tables in order; a merged cell is given once.
PDF: pdfplumber's tables and the text lines outside them, page by page, top to bottom.

Before any of this, :mod:`~sakip.review.report.limits` bounds the input (size, zip directory,
element count, page count, encoding) and refuses it with a stable code.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sakip.review.report import limits as L
from sakip.review.report.document import Block, Document, Paragraph, RawTable, clean
from sakip.review.report.limits import LIMITS, Code, ReadError, ReportLimits

__all__ = ["HTML_SUFFIXES", "PAGE", "SUFFIXES", "TEXT_SUFFIXES", "ReadError", "ReportLimits",
           "parse_text", "read_docx", "read_pdf", "read_report", "read_text"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".docx", ".pdf", *HTML_SUFFIXES, *TEXT_SUFFIXES)

PAGE = 100_000  # a PDF position is page × PAGE + the block's place on the page

_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


Progress = Callable[[str, str], None]  # a note in Indonesian and in English


def read_report(path: str | Path, limits: ReportLimits = LIMITS,
                progress: Progress | None = None) -> Document:
    """The report's paragraphs and tables; ``ReadError`` (with a code) when it cannot be read,
    is over a limit, or holds nothing to review."""
    source = Path(path)
    suffix = source.suffix.lower()
    if suffix not in SUFFIXES:
        kind = suffix or source.name
        raise ReadError(
            f"jenis berkas '{kind}' tidak didukung: gunakan .docx, .pdf, .html, .txt atau .md",
            Code.UNSUPPORTED,
            f"file type '{kind}' is not supported: use .docx, .pdf, .html, .txt or .md")
    if not source.exists():
        raise ReadError(f"berkas tidak ditemukan: {source}", Code.NOT_FOUND,
                        f"file not found: {source}")
    if not source.is_file():
        raise ReadError(f"bukan berkas: {source}", Code.NOT_FOUND, f"not a file: {source}")
    if suffix == ".docx":
        document = read_docx(source, limits)
    elif suffix == ".pdf":
        document = read_pdf(source, limits, progress)
    elif suffix in HTML_SUFFIXES:
        from sakip.review.report.html_reader import read_html

        document = read_html(source, limits)
    else:
        document = read_text(source, limits)
    if not document.blocks:
        raise ReadError(
            f"tidak ada paragraf atau tabel yang dapat dibaca; tidak ada yang dapat direviu: "
            f"{source}", Code.NOTHING_TO_REVIEW,
            f"no paragraph or table could be read; there is nothing to review: {source}")
    return document


# --------------------------------------------------------------------------- text


def read_text(path: Path, limits: ReportLimits = LIMITS) -> Document:
    data = L.read_bounded(path, limits.max_text_bytes)
    text, unread = L.decode_text(data, path)
    lines = sum(1 for line in text.splitlines() if line.strip())
    if lines > limits.max_blocks:
        raise ReadError(
            f"terlalu banyak baris berisi ({lines:,}; batasnya {limits.max_blocks:,}); ini bukan "
            f"laporan kinerja biasa: {path}", Code.TOO_MANY_BLOCKS,
            f"too many non-empty lines ({lines:,}; the limit is {limits.max_blocks:,}); this is "
            f"not an ordinary performance report: {path}")
    blocks = tuple(parse_text(text))
    return Document(str(path), "text", blocks, tuple(unread), headings_of(blocks))


_HEADING = re.compile(
    r"^(?:BAB\s+[IVX]+\b.*|(?:[IVX]+\.?|\d+(?:\.\d+){1,2}\.?)\s+[A-Z][^\n]{2,90}|"
    r"(?:KATA PENGANTAR|DAFTAR ISI|IKHTISAR EKSEKUTIF|RINGKASAN EKSEKUTIF|LAMPIRAN\b.*|"
    r"Lampiran\s+\d+\b.*))$")


def headings_of(blocks: tuple[Block, ...]) -> tuple[tuple[int, str], ...]:
    """Section headings of a text or PDF, whose styles are not known: a short paragraph
    numbered like a heading ("BAB III AKUNTABILITAS KINERJA", "3.1 Capaian Kinerja
    Organisasi", "Lampiran 3. …"), not a sentence (it does not end with a full stop)."""
    found = []
    for block in blocks:
        if isinstance(block, Paragraph) and len(block.text) <= 100 \
                and not block.text.rstrip().endswith((".", ":", ";", ",")) \
                and _HEADING.match(block.text) and not block.text.lower().startswith("tabel"):
            found.append((block.line, " ".join(block.text.split())))
    return tuple(found)


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


def read_docx(path: Path, limits: ReportLimits = LIMITS) -> Document:
    L.check_docx(path, limits)
    try:
        import docx  # python-docx
        from docx.table import Table
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ReadError("python-docx tidak terpasang; jalankan pip install python-docx") from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        name = exc.__class__.__name__
        raise ReadError(f"berkas DOCX tidak dapat dibuka ({name}): {path}", Code.CORRUPT,
                        f"the DOCX file cannot be opened ({name}): {path}") from exc
    blocks: list[Block] = []
    headings: list[tuple[int, str]] = []
    read = 0  # paragraphs and table cells, the second guard after the count from the tags
    for position, child in enumerate(document.element.body.iterchildren(), start=1):
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            read += 1
            text = clean(_docx_text(child))
            if text:
                blocks.append(Paragraph(text, position))
                if _docx_heading(child):
                    headings.append((position, " ".join(text.split())))
        elif tag == "tbl":
            read += sum(1 for _ in child.iter(f"{child.tag.rsplit('}', 1)[0]}}}tc"))
            if read > limits.max_blocks:
                raise L.too_many_blocks(path, limits)
            rows = _docx_rows(Table(child, document))
            if rows:
                blocks.append(RawTable(tuple(rows), position, tuple(position for _ in rows)))
    return Document(str(path), "docx", tuple(blocks), (), tuple(headings))


def _docx_heading(paragraph: Any) -> bool:
    """A paragraph styled as a heading (Heading 1…, Judul 1…, Title) or given an outline level."""
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        return False
    style = properties.find(f"{_W}pStyle")
    name = (style.get(f"{_W}val") or "").casefold() if style is not None else ""
    return name.startswith(("heading", "judul", "title")) or \
        properties.find(f"{_W}outlineLvl") is not None


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTE_MARK = 3  # a raised run this short is a footnote mark ("a", "b", "*", "12")


def _docx_text(element: Any) -> str:
    """The text of a paragraph or a cell (its paragraphs joined by newlines) as a person reads
    it: a footnote mark (a short superscript run: "perempuan\u1d47", "–\u1d43") is not part
    of the word or figure it follows, and is left out."""
    paragraphs = [element] if element.tag == f"{_W}p" else list(element.iter(f"{_W}p"))
    lines = []
    for paragraph in paragraphs:
        parts: list[str] = []
        for run in paragraph.iter(f"{_W}r"):
            pieces = []
            for child in run:
                if child.tag == f"{_W}t":
                    pieces.append(child.text or "")
                elif child.tag == f"{_W}tab":
                    pieces.append("\t")
                elif child.tag in (f"{_W}br", f"{_W}cr"):
                    pieces.append("\n")
            text = "".join(pieces)
            align = run.find(f"{_W}rPr/{_W}vertAlign")
            if align is not None and align.get(f"{_W}val") == "superscript" \
                    and len(text.strip()) <= _FOOTNOTE_MARK:
                continue
            parts.append(text)
        lines.append("".join(parts))
    return "\n".join(lines)


def _docx_rows(table: object) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    above: list[object] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells = list(row.cells)
        texts: list[str] = []
        for index, cell in enumerate(cells):
            merged_left = index > 0 and cells[index - 1]._tc is cell._tc
            merged_up = index < len(above) and above[index] is cell._tc
            texts.append("" if merged_left or merged_up else clean(_docx_text(cell._tc)))
        above = [cell._tc for cell in cells]
        if any(texts):
            rows.append(tuple(texts))
    return rows


# --------------------------------------------------------------------------- pdf


def _pdf_pages(path: Path, limits: ReportLimits) -> None:
    """Refuse a PDF that is password-protected or has too many pages, before pdfplumber
    builds its pages: the page tree is walked lazily and no further than the limit."""
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    L.check_pdf_head(path, limits)
    try:
        with path.open("rb") as handle:
            document = PDFDocument(PDFParser(handle))
            pages = sum(1 for _ in itertools.islice(PDFPage.create_pages(document),
                                                    limits.max_pages + 1))
            if pages > limits.max_pages:
                raise L.too_many_pages(path, limits)
    except PDFPasswordIncorrect as exc:
        raise L.encrypted_pdf(path) from exc
    except ReadError:
        raise
    except Exception as exc:
        name = exc.__class__.__name__
        if encrypted(exc):
            raise L.encrypted_pdf(path) from exc
        raise ReadError(f"berkas PDF tidak dapat dibuka ({name}): {path}", Code.CORRUPT,
                        f"the PDF file cannot be opened ({name}): {path}") from exc


def encrypted(error: BaseException) -> bool:
    """Whether an error of the PDF libraries means a password: pdfplumber wraps pdfminer's
    ``PDFPasswordIncorrect`` or ``PDFEncryptionError`` in a ``PdfminerException``, whose name
    says nothing; its cause, its context or its arguments do."""
    seen: list[BaseException] = []
    pending: list[object] = [error]
    while pending and len(seen) < 16:
        item = pending.pop()
        if not isinstance(item, BaseException) or item in seen:
            continue
        seen.append(item)
        name = item.__class__.__name__.casefold()
        if "password" in name or "encrypt" in name:
            return True
        pending.extend([item.__cause__, item.__context__, *item.args])
    return False


def read_pdf(path: Path, limits: ReportLimits = LIMITS,
             progress: Progress | None = None) -> Document:
    """Tables and paragraphs of a PDF, read as a person reads the printed page: footnote marks
    (small raised characters) left out; page numbers and running heads in the margins left
    out; the lines of a paragraph joined (a line that reaches the right margin continues on
    the next); a word or a figure a narrow cell broke over two lines joined again; a table
    continued on the next page (the same columns, its header repeated or not) one table."""
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise ReadError("pdfplumber tidak terpasang; jalankan pip install pdfplumber") from exc
    _pdf_pages(path, limits)
    pages: list[list[Block]] = []
    unread: list[str] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            empty_pages = []
            total = len(pdf.pages)
            for page_number, page in enumerate(pdf.pages, start=1):
                if progress is not None:
                    progress(f"membaca halaman {page_number} dari {total}",
                             f"reading page {page_number} of {total}")
                blocks = _pdf_page(_without_marks(page), page_number)
                if not blocks:
                    empty_pages.append(page_number)
                pages.append(blocks)
    except ReadError:
        raise
    except Exception as exc:
        if encrypted(exc):
            raise L.encrypted_pdf(path) from exc
        name = exc.__class__.__name__
        raise ReadError(f"berkas PDF tidak dapat dibuka ({name}): {path}", Code.CORRUPT,
                        f"the PDF file cannot be opened ({name}): {path}") from exc
    blocks = _join_continued(pages)
    if not blocks:
        raise ReadError(
            f"PDF tidak memiliki lapisan teks (hasil pindai?); tidak ada yang dapat diperiksa: "
            f"{path}", Code.NO_TEXT_LAYER,
            f"the PDF has no text layer (a scan?); there is nothing to check: {path}")
    if empty_pages:
        unread.append(
            "halaman tanpa teks (gambar atau hasil pindai), tidak diperiksa: "
            + ", ".join(str(p) for p in empty_pages)
        )
    document = tuple(_glue_cells(blocks))
    return Document(str(path), "pdf", document, tuple(unread), headings_of(document))


_MARGIN = 0.06  # of the page's height: page numbers and running heads print there
_FURNITURE = 60  # characters: a margin line longer than this is text, not furniture


def _without_marks(page: Any) -> Any:
    """The page without footnote marks: a character clearly smaller than the one before it
    and raised above its baseline ("perempuan\u1d47", "–\u1d43")."""
    previous: dict[str, Any] = {}

    def keep(item: dict[str, Any]) -> bool:
        if item.get("object_type") != "char":
            return True
        before = previous.get("char")
        if before is not None and item["size"] < before["size"] * 0.85 \
                and item["bottom"] < before["bottom"] - 1 and item["x0"] >= before["x0"]:
            return False
        previous["char"] = item
        return True

    return page.filter(keep)


def _pdf_page(page: Any, page_number: int) -> list[Block]:
    placed: list[tuple[float, Block]] = []
    tables = page.find_tables()
    rest = page
    for index, table in enumerate(tables):
        rows = [tuple(clean(cell or "") for cell in row) for row in table.extract()
                if any(cell for cell in row)]
        position = page_number * PAGE + index
        if rows:
            placed.append((table.bbox[1], RawTable(tuple(rows), position,
                                                   tuple(position for _ in rows))))
        rest = rest.outside_bbox(table.bbox)
    lines = rest.extract_text_lines() if hasattr(rest, "extract_text_lines") else []
    height = float(page.height)
    lines = [line for line in lines if clean(line["text"]) and not (
        len(line["text"]) <= _FURNITURE
        and (line["top"] > height * (1 - _MARGIN) or line["bottom"] < height * _MARGIN))]
    right = max((line["x1"] for line in lines), default=0.0)
    paragraph: list[dict[str, Any]] = []

    def close() -> None:
        if paragraph:
            text = clean(" ".join(line["text"] for line in paragraph))
            position = page_number * PAGE + PAGE // 2 + len(placed)
            placed.append((paragraph[0]["top"], Paragraph(text, position)))
            paragraph.clear()

    for line in lines:
        if paragraph:
            last = paragraph[-1]
            height_of = max(1.0, last["bottom"] - last["top"])
            gap = line["top"] - last["bottom"]
            full = last["x1"] >= right - 0.04 * right
            table_between = any(last["bottom"] <= top <= line["top"] for top, block in placed
                                if isinstance(block, RawTable))
            if not (full and 0 <= gap < height_of * 0.9 and not table_between
                    and abs(line["x0"] - paragraph[-1]["x0"]) < 40
                    and not _LIST_MARKER.match(line["text"])):
                close()
        paragraph.append(line)
    close()
    return [block for _, block in sorted(placed, key=lambda p: p[0])]


_LIST_MARKER = re.compile(r"^\s*(?:[-•*]|\(?\d+[.)]|[a-z][.)])\s+")


def _width(table: RawTable) -> int:
    return max((len(r) for r in table.rows), default=0)


def _join_continued(pages: list[list[Block]]) -> list[Block]:
    """The pages' blocks in order, a table that opens a page joined to the table that closed the
    previous one when both have the same number of columns (a table continued on the next
    page; a repeated header row is dropped later, when the table is understood)."""
    result: list[Block] = []
    for blocks in pages:
        for index, block in enumerate(blocks):
            previous = result[-1] if result else None
            if index == 0 and isinstance(block, RawTable) and isinstance(previous, RawTable) \
                    and _width(previous) == _width(block) \
                    and (previous.row_lines or (previous.line,))[-1] // PAGE \
                    == block.line // PAGE - 1:
                result[-1] = RawTable(previous.rows + block.rows, previous.line,
                                      previous.row_lines + block.row_lines)
                continue
            result.append(block)
    return result


_WORD_CHARS = re.compile(r"[A-Za-zÀ-ÿ]+")
_FIGURE_PART = re.compile(r"^[\d.,]+$")


def _glue_cells(blocks: list[Block]) -> list[Block]:
    """A narrow cell breaks a long word or figure where it must ("Hono" / "rer P", "Keuang" /
    "an (%)", "3.504.605.44" / "0"): the two pieces are joined when together they make a word
    the document prints whole elsewhere, or a valid figure neither piece is alone."""
    from sakip.review.report import cells as C

    vocabulary: set[str] = set()
    for block in blocks:
        texts = [block.text] if isinstance(block, Paragraph) else \
            [cell for row in block.rows for cell in row]
        for text in texts:
            for line in text.split("\n"):
                words = _WORD_CHARS.findall(line)
                if not isinstance(block, Paragraph):
                    words = words[1:-1]  # a cell's first and last words may be broken
                vocabulary.update(w.casefold() for w in words)

    def glue(cell: str) -> str:
        if "\n" not in cell:
            return cell
        lines = cell.split("\n")
        out = lines[0]
        for line in lines[1:]:
            head = out.split()[-1] if out.split() else ""
            tail = line.split()[0] if line.split() else ""
            joined = head + tail
            word = _WORD_CHARS.fullmatch(joined) and tail[:1].islower() \
                and joined.casefold() in vocabulary and head.casefold() not in vocabulary
            figure = _FIGURE_PART.match(head) and _FIGURE_PART.match(tail) \
                and C.read_number(head) is None and C.read_number(joined) is not None
            if word or figure:
                out += line
            else:
                out += "\n" + line
        return out

    result: list[Block] = []
    for block in blocks:
        if isinstance(block, RawTable):
            block = RawTable(tuple(tuple(glue(c) for c in row) for row in block.rows),
                             block.line, block.row_lines)
        result.append(block)
    return result
