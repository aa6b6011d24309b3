"""Tables with their captions ("Tabel 3.12 …"), and the prose between them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip.review.report.document import Document, Paragraph, RawTable
from sakip.review.report.tables import Table, analyse

# "Tabel 3.12", "Tabel L.2" / "Tabel L-2" / "Tabel Lampiran 2" (a lampiran's tables), "Tabel II.3"
_CAPTION = re.compile(
    r"^\s*(?:tabel|table)\s*\.?\s*((?:L(?:ampiran)?\s*[.\-]?\s*)?(?:\d+|[IVX]+)(?:\.\d+)*)"
    r"\.?(?![\w])\s*(.*)$", re.I | re.S)
_LOOKBACK = 8  # a caption names the table if at most this many short paragraphs lie between
_LONG = 200  # a paragraph this long is prose: the caption before it named no table


@dataclass(frozen=True)
class Caption:
    number: str
    title: str
    line: int


@dataclass(frozen=True)
class Placed:
    """A table and where it stands among the document's blocks."""

    table: Table
    block: int  # index in Document.blocks
    caption: Caption | None


def caption_of(paragraph: Paragraph) -> Caption | None:
    match = _CAPTION.match(paragraph.text)
    if match is None:
        return None
    rest = match.group(2).strip()
    if len(rest) > 200 or (rest[:1].islower() and not rest.startswith(("dan", "tentang"))):
        return None  # a sentence that mentions a table, not its caption
    number = re.sub(r"^L(?:ampiran)?\s*[.\-]?\s*", "L.", match.group(1).rstrip("."), flags=re.I)
    return Caption(number, rest, paragraph.line)


def place_tables(document: Document) -> list[Placed]:
    placed: list[Placed] = []
    seen: dict[str, int] = {}
    pending: Caption | None = None
    pending_at = -1
    title_parts: list[str] = []
    for index, block in enumerate(document.blocks):
        if isinstance(block, Paragraph):
            caption = caption_of(block)
            if caption is not None:
                pending, pending_at, title_parts = caption, index, [caption.title]
            elif pending is not None and len(block.text) >= _LONG:
                pending, title_parts = None, []
            elif pending is not None and index - pending_at <= _LOOKBACK:
                title_parts.append(block.text)
            continue
        if not isinstance(block, RawTable):
            continue
        caption = pending if pending is not None and index - pending_at <= _LOOKBACK else None
        number = caption.number if caption else None
        occurrence = 1
        if number is not None:
            occurrence = seen.get(number, 0) + 1
            seen[number] = occurrence
        title = " ".join(p for p in title_parts if p) if caption else ""
        table = analyse(block.rows, block.row_lines, block.line, number, occurrence, title)
        placed.append(Placed(table, index, caption))
        pending, title_parts = None, []
    return placed
