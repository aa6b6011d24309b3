"""The document model of a report: chapters, sections and blocks, rendered by every renderer.

A :class:`Document` holds chapters; a chapter holds blocks and sections; a section holds
blocks and subsections. Blocks are paragraphs, lists, tables, figures, signature blocks,
page breaks, the cover and the table of contents. Everything is frozen: chapter builders
produce it, :func:`finalize` numbers it (sections "3.2", tables "Tabel 3.4", figures
"Grafik 3.1", uniquely per chapter) and resolves cross references, and renderers only read it.

Cells carry the text to print and, for figures, the value it was formatted from and a key
naming the measured figure ("achievement:2020:IKU-01"), so tests can check the printed report
against the measurement without parsing text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


class Style(enum.Enum):
    """Paragraph styles every renderer knows."""

    BODY = "body"
    LEAD = "lead"  # a bold run-in title inside a section ("1. Program …")
    NOTE = "note"  # small print under a table or figure
    CENTERED = "centered"
    TITLE = "title"  # a centered bold title that is not a heading (forms in the annexes)


class Marker(enum.Enum):
    """How list items are numbered."""

    DECIMAL = "1."
    PAREN = "1)"
    ALPHA = "a."
    BULLET = "•"

    def label(self, index: int) -> str:
        if self is Marker.BULLET:
            return "•"
        if self is Marker.ALPHA:
            return f"{_alpha(index)}."
        return f"{index}." if self is Marker.DECIMAL else f"{index})"


def _alpha(index: int) -> str:
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


class RowKind(enum.Enum):
    BODY = "body"
    GROUP = "group"  # a heading row inside the body ("Misi I: …")
    TOTAL = "total"  # a total or average row


class ChapterKind(enum.Enum):
    COVER = "cover"
    FRONT = "front"  # Kata Pengantar, Daftar Isi, Ringkasan Eksekutif
    BODY = "body"  # Bab I–IV
    ANNEX = "annex"  # Lampiran


# --------------------------------------------------------------------------- inline text


@dataclass(frozen=True)
class Span:
    """A run of text. ``ref`` names a table, figure or section; :func:`finalize` fills its label."""

    text: str
    bold: bool = False
    italic: bool = False
    ref: str | None = None


def spans(*parts: str | Span) -> tuple[Span, ...]:
    return tuple(Span(p) if isinstance(p, str) else p for p in parts)


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]
    style: Style = Style.BODY
    align: Align | None = None  # None: the style's alignment

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class ListItem:
    spans: tuple[Span, ...]
    sub: ListBlock | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True)
class ListBlock:
    items: tuple[ListItem, ...]
    marker: Marker = Marker.DECIMAL


@dataclass(frozen=True)
class Cell:
    text: str = ""
    value: Decimal | None = None  # the number ``text`` was formatted from
    key: str | None = None  # the measured figure it prints: "achievement:2020:IKU-01"
    note: str | None = None  # why the cell is empty, or a remark; becomes a lettered table note
    marker: str | None = None  # the note's letter, set by :func:`table`
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    align: Align | None = None  # None: the column's alignment
    # The id of a figure's derivation in the annex *Sumber angka* (annex_sources.py): on a keyed
    # cell the HTML links it there; on the first cell of the derivation's own row, its anchor.
    source: str | None = None


@dataclass(frozen=True)
class Column:
    width: int = 1  # relative width
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    kind: RowKind = RowKind.BODY


@dataclass(frozen=True)
class Table:
    id: str
    caption: str
    columns: tuple[Column, ...]
    header: tuple[tuple[Cell, ...], ...]  # header rows, repeated on every page
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()  # lettered notes first ("a) …"), then plain ones
    landscape: bool = False
    number: str | None = None  # "3.4", set by finalize
    borderless: bool = False  # a layout grid (forms): no borders, no number, no caption

    def cells(self) -> Iterator[Cell]:
        for row in self.header:
            yield from row
        for body in self.rows:
            yield from body.cells


@dataclass(frozen=True)
class Figure:
    """A picture with its caption: a PNG (a chart), or an SVG drawing (the pohon kinerja) that
    the HTML and PDF embed as it is and the DOCX as a PNG made from it when written
    (:func:`sakip.report.images.png_of`)."""

    id: str
    caption: str
    png: bytes  # empty when ``svg`` is given
    width_cm: Decimal = Decimal(15)
    alt: str = ""
    notes: tuple[str, ...] = ()
    number: str | None = None
    svg: str | None = None


BLANK = "_" * 24  # a line left blank, to be written by hand (a name, a date): never a placeholder


@dataclass(frozen=True)
class Signatory:
    heading: str | None  # "PIHAK KEDUA," or "Kepala Dinas,"
    title: str | None  # "Bupati Belitung"
    name: str  # the name, or BLANK: a line for the name to be written (the plan review flags it)
    rank: str | None = None
    nip: str | None = None  # "NIP. 1965…"


@dataclass(frozen=True)
class SignatureBlock:
    signatories: tuple[Signatory, ...]  # one (placed right) or two (left, right)
    place_date: str | None = None  # "Tanjungpandan, … Maret 2021", above the right one


@dataclass(frozen=True)
class Logo:
    """The region's or agency's emblem on the cover: the file's bytes and their format."""

    data: bytes
    kind: str  # "png", "jpeg" or "svg"

    @property
    def mime(self) -> str:
        return "image/svg+xml" if self.kind == "svg" else f"image/{self.kind}"


@dataclass(frozen=True)
class Cover:
    title: str  # "LAPORAN KINERJA"
    subtitle: str  # "TAHUN 2020"
    agency: str
    region: str
    address: str | None = None
    logo: Logo | None = None  # above the title (the report option ``logo``)


@dataclass(frozen=True)
class Contents:
    """The table of contents: a Word TOC field in DOCX, a linked list in HTML and PDF."""

    title: str


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Paragraph | ListBlock | Table | Figure | SignatureBlock | Cover | Contents | PageBreak


# --------------------------------------------------------------------------- structure


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()
    number: str | None = None  # "3.2", set by finalize for numbered chapters
    new_page: bool = False  # starts on a new page (each Lampiran)

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title

    @property
    def landscape(self) -> bool:
        """A section that is a wide table with at most a sentence or two around it (and the
        signature under a form) is laid out whole on landscape pages, its heading with its table."""
        tables = [b for b in self.blocks if isinstance(b, Table)]
        others = [b for b in self.blocks if not isinstance(b, Table | SignatureBlock)]
        return (not self.subsections and bool(tables) and all(t.landscape for t in tables)
                and len(others) <= 2 and all(isinstance(b, Paragraph) for b in others))


@dataclass(frozen=True)
class Chapter:
    id: str
    kind: ChapterKind
    title: str  # "PENDAHULUAN"
    label: str | None = None  # "BAB I"
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    prefix: str | None = None  # numbering prefix of its tables, figures, sections: "1", "L"
    number_sections: bool = True

    @property
    def heading(self) -> str:
        return f"{self.label} {self.title}" if self.label else self.title


@dataclass(frozen=True)
class Document:
    title: str
    agency: str
    year: int
    lang: str
    chapters: tuple[Chapter, ...]
    labels: dict[str, str] = field(default_factory=dict)  # "table" → "Tabel", "figure" → "Grafik"


# --------------------------------------------------------------------------- helpers


def table(id: str, caption: str, columns: tuple[Column, ...], header: tuple[tuple[Cell, ...], ...],
          rows: list[Row] | tuple[Row, ...], notes: tuple[str, ...] = (), landscape: bool = False,
          borderless: bool = False) -> Table:
    """A table whose cell notes become lettered notes: each distinct note gets "a", "b" …"""
    letters: dict[str, str] = {}

    def mark(cell: Cell) -> Cell:
        if cell.note is None:
            return cell
        letter = letters.setdefault(cell.note, _alpha(len(letters) + 1))
        return replace(cell, marker=letter)

    header_rows = tuple(tuple(mark(c) for c in row) for row in header)
    body = tuple(Row(tuple(mark(c) for c in row.cells), row.kind) for row in rows)
    lettered = tuple(f"{letter}) {note}" for note, letter in letters.items())
    return Table(id, caption, columns, header_rows, body, lettered + tuple(notes), landscape,
                 None, borderless)


def walk(blocks: tuple[Block, ...], sections: tuple[Section, ...]) -> Iterator[Block]:
    yield from blocks
    for section in sections:
        yield from walk(section.blocks, section.subsections)


def blocks_of(document: Document) -> Iterator[tuple[Chapter, Block]]:
    for chapter in document.chapters:
        for block in walk(chapter.blocks, chapter.sections):
            yield chapter, block


def tables_of(document: Document) -> list[Table]:
    return [b for _, b in blocks_of(document) if isinstance(b, Table)]


def figures_of(document: Document) -> list[Figure]:
    return [b for _, b in blocks_of(document) if isinstance(b, Figure)]


# --------------------------------------------------------------------------- numbering


class ModelError(ValueError):
    """A document built wrongly: a duplicate id or a reference to nothing (a bug, not input)."""


def finalize(document: Document) -> Document:
    """Number sections, tables and figures per chapter and resolve every ``Span.ref``."""
    labels: dict[str, str] = {}
    word_table = document.labels.get("table", "Tabel")
    word_figure = document.labels.get("figure", "Grafik")
    numbered: list[Chapter] = []
    arabic = 0
    for chapter in document.chapters:
        counters = {"table": 0, "figure": 0}
        prefix = chapter.prefix
        if chapter.kind is ChapterKind.BODY:
            arabic += 1
            prefix = prefix or str(arabic)

        def number_block(block: Block, prefix: str | None = prefix,
                         counters: dict[str, int] = counters) -> Block:
            if isinstance(block, Table | Figure) and not (isinstance(block, Table) and block.borderless):
                kind = "table" if isinstance(block, Table) else "figure"
                if prefix is None:
                    raise ModelError(f"{kind} {block.id} outside a numbered chapter")
                counters[kind] += 1
                number = f"{prefix}.{counters[kind]}"
                _remember(labels, block.id, f"{word_table if kind == 'table' else word_figure} {number}")
                return replace(block, number=number)
            return block

        def number_section(section: Section, number: str | None) -> Section:
            _remember(labels, section.id, number or section.title)
            blocks = tuple(number_block(b) for b in section.blocks)
            subsections = tuple(number_section(s, None) for s in section.subsections)
            return replace(section, number=number, blocks=blocks, subsections=subsections)

        _remember(labels, chapter.id, chapter.heading)
        blocks = tuple(number_block(b) for b in chapter.blocks)
        sections = tuple(
            number_section(s, f"{prefix}.{i}" if chapter.number_sections and prefix else None)
            for i, s in enumerate(chapter.sections, start=1))
        numbered.append(replace(chapter, blocks=blocks, sections=sections))
    return replace(document, chapters=tuple(_resolve(c, labels) for c in numbered))


def _remember(labels: dict[str, str], id: str, label: str) -> None:
    if id in labels:
        raise ModelError(f"duplicate id in the document: {id}")
    labels[id] = label


def _resolve(chapter: Chapter, labels: dict[str, str]) -> Chapter:
    def span(s: Span) -> Span:
        if s.ref is None:
            return s
        if s.ref not in labels:
            raise ModelError(f"reference to an unknown id: {s.ref}")
        return replace(s, text=labels[s.ref])

    def listing(b: ListBlock) -> ListBlock:
        items = tuple(ListItem(tuple(span(s) for s in i.spans), listing(i.sub) if i.sub else None)
                      for i in b.items)
        return replace(b, items=items)

    def block(b: Block) -> Block:
        if isinstance(b, Paragraph):
            return replace(b, spans=tuple(span(s) for s in b.spans))
        if isinstance(b, ListBlock):
            return listing(b)
        return b

    def section(s: Section) -> Section:
        return replace(s, blocks=tuple(block(b) for b in s.blocks),
                       subsections=tuple(section(x) for x in s.subsections))

    return replace(chapter, blocks=tuple(block(b) for b in chapter.blocks),
                   sections=tuple(section(s) for s in chapter.sections))
