"""The document model as Typst markup, compiled to PDF by the ``typst`` package.

:func:`typst_source` writes the document after the preamble ``templates/report.typ`` (page, heading,
table, signature and cover styles); every text of the model goes in as a Typst string literal
(:func:`string`), so no user text is ever read as markup. Figures are files beside the source in a
temporary folder. :func:`render_pdf` compiles it (A4, page numbers, contents with page numbers,
repeated table headers, landscape pages, a PDF outline from the headings, title/author/language in
the metadata, fonts embedded); :func:`heading_pages` gives the page each contents entry lands on.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from sakip.report.layout import header_and_body, keep_together, percentages
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Chapter,
    ChapterKind,
    Contents,
    Cover,
    Document,
    Figure,
    ListBlock,
    PageBreak,
    Paragraph,
    RowKind,
    Section,
    SignatureBlock,
    Span,
    Table,
    tables_of,
)
from sakip.report.render_html import toc_entries

PORTRAIT_WIDTH = Decimal("15.8")  # cm of text on an A4 portrait page (21 − 3 − 2.2)
LANDSCAPE_WIDTH = Decimal("25.5")  # cm on an A4 landscape page (29.7 − 2.2 − 2)
# the height a table kept on one page may have: the page's text height less room for its caption
KEPT_HEIGHT = {PORTRAIT_WIDTH: Decimal("22.4"), LANDSCAPE_WIDTH: Decimal("15")}
WORDS_PER_COLUMN = 3  # the longest words of a column measured when sizing it
BODY_FONTS = ("Liberation Sans", "Arimo", "Arial", "DejaVu Sans")
PAGES_LABEL = "sakip-pages"
ROW_LABEL = "sakip-row"
SPLITS_FILE = "splits.json"  # the splits of long spans, read by the preamble
KEPT_SPAN = 4  # a cell spanning at most this many rows keeps them on one page; a longer one may
# break across pages, and is then split at the page break, its text repeated (see render_pdf)

# --------------------------------------------------------------------------- escaping

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# where a line may break inside a cell: at spaces, and after a hyphen or a slash ("Rata-|rata")
_BREAKS = re.compile(r"\s+|(?<=[-/])(?=[^\d\s])")
_SPECIAL = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]')


def string(text: str) -> str:
    """``text`` as a Typst string literal: whatever it holds, it stays text."""
    def escape(match: re.Match[str]) -> str:
        char = match.group(0)
        return _ESCAPES.get(char) or f"\\u{{{ord(char):x}}}"

    return '"' + _SPECIAL.sub(escape, text) + '"'


def text_content(text: str, bold: bool = False, italic: bool = False) -> str:
    """Code that shows ``text`` (its newlines as line breaks), inside markup: ``#"…"``."""
    parts = []
    for n, line in enumerate(text.split("\n")):
        if n:
            parts.append("#linebreak()")
        if not line:
            continue
        code = string(line)
        if italic:
            code = f"emph({code})"
        if bold:
            code = f"strong({code})"
        parts.append(f"#{code}")
    return "".join(parts)


def inline(spans: Iterable[Span]) -> str:
    return "".join(text_content(s.text, s.bold, s.italic) for s in spans)


def _content(markup: str) -> str:
    return f"[{markup}]"


# --------------------------------------------------------------------------- fonts


@functools.cache
def font_folders() -> tuple[str, ...]:
    """The system folders holding Liberation Sans (the body font, metric-compatible with Arial)
    and DejaVu Sans (for characters Liberation lacks)."""
    wanted = ("LiberationSans-Regular.ttf", "DejaVuSans.ttf")
    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
             Path.home() / ".local/share/fonts", Path("/Library/Fonts"), Path("C:/Windows/Fonts")]
    found: list[str] = []
    for name in wanted:
        for root in roots:
            if not root.is_dir():
                continue
            hit = max(root.rglob(name), default=None)  # liberation2 over liberation
            if hit is not None:
                if str(hit.parent) not in found:
                    found.append(str(hit.parent))
                break
    return tuple(found)


@functools.cache
def _fonts() -> Any:
    import typst

    return typst.Fonts(include_system_fonts=not font_folders(), include_embedded_fonts=True,
                       font_paths=list(font_folders()))


# --------------------------------------------------------------------------- writing


@dataclass
class _Writer:
    document: Document
    out: list[str] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)

    def emit(self, markup: str) -> None:
        self.out.append(markup)

    # ----------------------------------------------------------------- structure
    def write(self) -> None:
        d = self.document
        authors = string(d.agency)
        self.emit(f"#set document(title: {string(d.title)}, author: {authors})\n")
        fonts = ", ".join(string(f) for f in BODY_FONTS)
        self.emit(f"#set text(font: ({fonts}), lang: {string(_language(d.lang))})\n")
        for chapter in d.chapters:
            self.chapter(chapter)
        self.emit(f"\n#context [#metadata((headings: query(heading).filter(h => h.has(\"label\")).map("
                  f"h => (str(h.label), counter(page).at(h.location()).first())), rows: query(<{ROW_LABEL}>)"
                  f".map(m => (m.value, m.location().page()))))<{PAGES_LABEL}>]\n")

    def chapter(self, chapter: Chapter) -> None:
        if chapter.kind is ChapterKind.COVER:
            cover = [b for b in chapter.blocks if isinstance(b, Cover)]
            rest = [b for b in chapter.blocks if not isinstance(b, Cover)]
            self.emit("#page(footer: none)[")
            for c in cover:
                self.cover(c)
            self.blocks(rest, PORTRAIT_WIDTH)
            self.emit("]\n")
            return
        self.emit("\n#pagebreak(weak: true)\n")
        title = text_content(chapter.label + " ") + "#linebreak()" if chapter.label else ""
        title += text_content(chapter.title)
        self.emit(f"#heading(level: 1)[{title}]#label({string(chapter.id)})\n")
        self.blocks(chapter.blocks, PORTRAIT_WIDTH)
        self.sections(chapter.sections, 2)

    def sections(self, sections: Sequence[Section], level: int) -> None:
        run: list[Section] = []
        for section in sections:
            if section.landscape:
                run.append(section)
                continue
            self.flush_landscape(run, level)
            run = []
            self.section(section, level, PORTRAIT_WIDTH)
        self.flush_landscape(run, level)

    def flush_landscape(self, run: list[Section], level: int) -> None:
        """Consecutive landscape sections share their landscape pages."""
        if not run:
            return
        self.emit("\n#page(flipped: true, margin: sk-landscape-margin)[\n")
        for n, section in enumerate(run):
            self.section(section, level, LANDSCAPE_WIDTH, first=n == 0)
        self.emit("]\n")

    def section(self, section: Section, level: int, width: Decimal, first: bool = False) -> None:
        if section.new_page and not first:  # (a weak break first in a page() leaves a blank page)
            self.emit("\n#pagebreak(weak: true)\n")
        heading = (f"\n#heading(level: {min(level, 6)})[{text_content(section.heading)}]"
                   f"#label({string(section.id)})\n")
        wide = next((n for n, b in enumerate(section.blocks) if _wide(b)), None)
        if width == PORTRAIT_WIDTH and wide is not None and _short(section.blocks[:wide]):
            # a short introduction goes with its wide table onto the landscape page, instead of
            # leaving a page almost empty between two landscape ones
            end = wide
            while end < len(section.blocks) and _wide(section.blocks[end]):
                end += 1
            self.emit("\n#page(flipped: true, margin: sk-landscape-margin)[\n" + heading)
            self.blocks(section.blocks[:end], LANDSCAPE_WIDTH)
            self.emit("]\n")
            self.blocks(section.blocks[end:], width)
        else:
            self.emit(heading)
            self.blocks(section.blocks, width)
        self.sections(section.subsections, level + 1)

    def blocks(self, blocks: Sequence[Block], width: Decimal) -> None:
        index = 0
        while index < len(blocks):
            b = blocks[index]
            follows = blocks[index + 1] if index + 1 < len(blocks) else None
            if isinstance(b, Table) and b.landscape and width == PORTRAIT_WIDTH:
                self.landscape_tables(blocks, index)
                while index < len(blocks) and _wide(blocks[index]):
                    index += 1
                continue
            if (isinstance(b, Paragraph) and isinstance(follows, Table) and follows.landscape
                    and width == PORTRAIT_WIDTH):
                index += 1  # a landscape table's lead-in goes with it onto the landscape page
                self.landscape_tables(blocks, index, lead=b)
                while index < len(blocks) and _wide(blocks[index]):
                    index += 1
                continue
            if isinstance(b, Table) and isinstance(follows, SignatureBlock) and not b.borderless:
                cut = _tail_cut(b)
                if cut is not None:  # the table's last rows go with the signatures, unbroken
                    self.table(b, width, (0, cut))
                    self.emit("#block(breakable: false, above: 0pt)[#set block(above: 0pt)\n")
                    self.table(b, width, (cut, len(b.rows)))
                    self.signatures(follows)
                    self.emit("]\n")
                    index += 2
                    continue
            sticky = isinstance(follows, SignatureBlock) or (
                isinstance(b, Paragraph) and isinstance(follows, Table | Figure))
            self.block(b, width, sticky)
            index += 1

    def landscape_tables(self, blocks: Sequence[Block], index: int, lead: Paragraph | None = None) -> None:
        self.emit("\n#page(flipped: true, margin: sk-landscape-margin)[\n")
        if lead is not None:
            self.block(lead, LANDSCAPE_WIDTH, sticky=True)
        while index < len(blocks):
            b = blocks[index]
            if not _wide(b):
                break
            self.block(b, LANDSCAPE_WIDTH, sticky=False)
            index += 1
        self.emit("]\n")

    # ----------------------------------------------------------------- blocks
    def block(self, b: Block, width: Decimal, sticky: bool) -> None:
        if isinstance(b, Paragraph):
            self.paragraph(b, sticky)
        elif isinstance(b, ListBlock):
            self.emit(self.listing(b) + "\n")
        elif isinstance(b, Table):
            if sticky:
                self.emit("#block(sticky: true)[")
            self.table(b, width)
            if sticky:
                self.emit("]\n")
        elif isinstance(b, Figure):
            self.figure(b, width)
        elif isinstance(b, SignatureBlock):
            self.signatures(b)
        elif isinstance(b, Cover):
            self.cover(b)
        elif isinstance(b, Contents):
            self.contents()
        elif isinstance(b, PageBreak):
            self.emit("\n#pagebreak(weak: true)\n")

    def paragraph(self, p: Paragraph, sticky: bool) -> None:
        align = _ALIGN[p.align] if p.align is not None else "auto"
        self.emit(f"#sk-par({string(p.style.value)}, {align}, {_bool(sticky)})"
                  f"[{inline(p.spans)}]\n")

    def listing(self, b: ListBlock) -> str:
        items = []
        for item in b.items:
            body = inline(item.spans)
            if item.sub is not None:
                body += self.listing(item.sub)
            items.append(_content(body))
        if b.marker.value == "•":
            return f"#list({', '.join(items)})"
        return f"#enum(numbering: {string(b.marker.value)}, {', '.join(items)})"

    def table(self, t: Table, width: Decimal, part: tuple[int, int] | None = None) -> None:
        """The table, or its rows ``part`` (start, end): the caption and header rows with the
        first part, the notes with the last, the columns as the whole table's."""
        header, body = header_and_body(t)
        start, end = part or (0, len(t.rows))
        if t.borderless:
            columns = ", ".join(["auto"] * (len(t.columns) - 1) + ["1fr"])
            cells = [self.cell(c, t, col, RowKind.BODY, head=False, plain=True)
                     for row in body for c, col in row]
            self.emit(f"#sk-grid(({columns},), {', '.join(cells)})\n")
            return
        labels = self.document.labels
        if start == 0:
            self.emit(f"#sk-caption({string(labels.get('table', 'Tabel') + ' ' + (t.number or ''))}, "
                      f"{_content(text_content(t.caption))})\n")
        shares = percentages(t)
        hard, soft = _words(t, header, body)
        aligns = ", ".join(f"{_ALIGN[c.align]} + top" for c in t.columns)
        keep = (part is None and keep_together(t)
                and _height_cm(header + body, shares, width) < KEPT_HEIGHT[width])
        self.emit(f"#sk-table({width}cm, ({', '.join(f'{p}%' for p in shares)},), {hard}, {soft}, "
                  f"{_bool(keep)}, ({aligns},),\n")
        if header and start == 0:
            heads = [self.cell(c, t, col, RowKind.BODY, head=True) for row in header for c, col in row]
            self.emit(f"table.header({', '.join(heads)}),\n")
        marked = _long_spans(t)
        for r, (row, placed) in enumerate(zip(t.rows, body, strict=True)):
            if not start <= r < end:
                continue
            cells = []
            for c, col in placed:
                code = self.cell(c, t, col, row.kind, head=False)
                if marked and c.rowspan > KEPT_SPAN:  # placed by sk-span, split at page breaks
                    key = string(f"{t.id}/{r}/{col}")
                    code = code if code.startswith("table.cell(") else f"table.cell()[#{code}]"
                    code = f"..sk-span({key}, {col}, {len(t.header) + r}, {c.rowspan}, {code})"
                elif marked and c.rowspan == 1 and not any("metadata(" in x for x in cells):
                    # where the row lands, for splitting the long spans
                    code = code[:-1] + f"#metadata(({string(t.id)}, {r}))<{ROW_LABEL}>]"
                cells.append(code)
            self.emit(", ".join(cells) + ",\n")
        self.emit(")\n")
        if t.notes and end == len(t.rows):
            notes = ", ".join(_content(text_content(n)) for n in t.notes)
            self.emit(f"#sk-notes({notes})\n")

    def cell(self, c: Cell, t: Table, column: int, kind: RowKind, head: bool, plain: bool = False) -> str:
        bold = head or c.bold or kind is not RowKind.BODY
        body = text_content(c.text, bold=bold and not plain)
        if c.marker:
            body += f"#super({string(c.marker)})"
        arguments = []
        if c.colspan > 1:
            arguments.append(f"colspan: {c.colspan}")
        if c.rowspan > 1 and (plain or c.rowspan <= KEPT_SPAN):
            arguments.append(f"rowspan: {c.rowspan}")
            if not plain:
                arguments.append("breakable: false")  # its rows stay on one page
        if plain:
            return f"grid.cell({', '.join(arguments)})[{body}]" if arguments else _content(body)
        # the text as a block holding the cell's padding: unbreakable (the row is never split)
        # in a breakable cell, so that Typst lays it out once (see sk-cell in the preamble); a
        # long row span's text may break (it is split at page breaks, see sk-span)
        block = f"{'sk-cell' if c.rowspan <= KEPT_SPAN else 'sk-long'}[{body}]"
        align = c.align or t.columns[column].align
        if head:
            arguments.append(f"align: {_ALIGN[align]} + horizon")
            arguments.append("fill: sk-head-fill")
        elif c.align is not None:
            arguments.append(f"align: {_ALIGN[align]} + top")
        if not head and kind is not RowKind.BODY:
            arguments.append("fill: sk-row-fill")
        if not arguments:
            return block
        return f"table.cell({', '.join(arguments)})[#{block}]"

    def figure(self, f: Figure, width: Decimal) -> None:
        name = f"figure-{len(self.files) + 1}.{'svg' if f.svg is not None else 'png'}"
        self.files[name] = f.svg.encode("utf-8") if f.svg is not None else f.png
        shown = min(f.width_cm, width)
        label = f"{self.document.labels.get('figure', 'Grafik')} {f.number or ''}"
        notes = "".join(f", {_content(text_content(n))}" for n in f.notes)
        self.emit(f"#sk-figure({string(name)}, {shown}cm, {string(label)}, "
                  f"{_content(text_content(f.caption))}{notes})\n")

    def signatures(self, b: SignatureBlock) -> None:
        people = []
        count = len(b.signatories)
        for n, s in enumerate(b.signatories):
            last = n == count - 1
            place = "none" if b.place_date is None else string(b.place_date) if last else '" "'
            lines = [x for x in (s.heading, s.title) if x]
            after = [x for x in (s.rank, s.nip) if x]
            people.append(f"sk-signatory({place}, ({''.join(string(x) + ', ' for x in lines)}), "
                          f"{string(s.name)}, ({''.join(string(x) + ', ' for x in after)}))")
        self.emit(f"#sk-signatures({', '.join(people)})\n")

    def cover(self, c: Cover) -> None:
        logo = "none"
        image = getattr(c, "logo", None)
        if isinstance(image, bytes | str) and image:
            data = image.encode("utf-8") if isinstance(image, str) else image
            name = "logo.svg" if data.lstrip()[:1] == b"<" else "logo.png"
            self.files[name] = data
            logo = f"image({string(name)}, height: 3.5cm)"
        region = string(c.region) if c.region else "none"
        address = string(c.address) if c.address else "none"
        self.emit(f"#sk-cover({string(c.title)}, {string(c.subtitle)}, {string(c.agency)}, "
                  f"{region}, {address}, {logo})\n")

    def contents(self) -> None:
        for entry in toc_entries(self.document):
            self.emit(f"#sk-toc-entry({entry.level}, {string(entry.id)}, "
                      f"{_content(text_content(entry.text))})\n")


_ALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "left"}


SHORT_INTRODUCTION = 700  # characters: the text before a wide table that goes onto its page


def _short(blocks: Sequence[Block]) -> bool:
    def length(b: Block) -> int:
        if isinstance(b, Paragraph):
            return len(b.text)
        if isinstance(b, ListBlock):
            return sum(len(i.text) + (length(i.sub) if i.sub else 0) for i in b.items)
        return SHORT_INTRODUCTION + 1

    return sum(length(b) for b in blocks) <= SHORT_INTRODUCTION


TAIL_ROWS = 4  # at most this many last rows of a table go with a signature block after it


def _tail_cut(t: Table) -> int | None:
    """Where a table is cut so that its last rows (1 to :data:`TAIL_ROWS`, no row span crossing
    the cut) can stay on the page of the signature block after it; None for a short table kept
    whole anyway, or one with no such cut."""
    if keep_together(t) or len(t.rows) <= TAIL_ROWS:
        return None
    _, body = header_and_body(t)
    for cut in range(len(t.rows) - 1, len(t.rows) - TAIL_ROWS - 1, -1):
        if all(r + c.rowspan <= cut for r, placed in enumerate(body[:cut]) for c, _ in placed):
            return cut
    return None


def _wide(b: Block) -> bool:
    return isinstance(b, Table) and b.landscape


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _language(lang: str) -> str:
    return (lang or "id").split("-")[0].lower()


def _words(t: Table, header: list[list[tuple[Cell, int]]],
           body: list[list[tuple[Cell, int]]]) -> tuple[str, str]:
    """Per column, the longest words of the cells that must not break inside a word (header and
    total cells: hard) and of the others (soft), as Typst arrays of strings."""
    hard: list[set[str]] = [set() for _ in t.columns]
    soft: list[set[str]] = [set() for _ in t.columns]
    for row in header:
        for c, col in row:
            if c.colspan == 1:
                hard[col].update(_BREAKS.split(c.text))
    for r, placed in zip(t.rows, body, strict=True):
        for c, col in placed:
            if c.colspan == 1:
                (hard if r.kind is RowKind.TOTAL or c.bold else soft)[col].update(_BREAKS.split(c.text))

    def arrays(words: list[set[str]]) -> str:
        columns = []
        for found in words:
            longest = sorted(found - {""}, key=lambda w: (-len(w), w))[:WORDS_PER_COLUMN]
            columns.append("(" + "".join(string(w) + ", " for w in longest) + ")")
        return "(" + "".join(c + ", " for c in columns) + ")"

    return arrays(hard), arrays(soft)


def _height_cm(placed_rows: list[list[tuple[Cell, int]]], shares: list[Decimal],
               width: Decimal) -> Decimal:
    """A generous estimate of a table's height: each row as tall as its cell with the most lines,
    a line of the table text holding one character per 0,16 cm of its column (wider than the
    average character of Liberation Sans at 8,5 pt)."""
    line = Decimal("0.42")  # cm: 8,5 pt text with its leading

    def lines(c: Cell, col: int) -> int:
        room = sum(shares[col:col + c.colspan]) * width / 100 - Decimal("0.3")
        per_line = max(int(room / Decimal("0.16")), 1)
        return sum(max(1, -(-len(part) // per_line)) for part in c.text.split("\n"))

    total = Decimal(0)
    for placed in placed_rows:
        total += line * max((lines(c, col) for c, col in placed if c.rowspan == 1), default=1)
        total += Decimal("0.2")
    return total


def _long_spans(t: Table) -> bool:
    return not t.borderless and any(c.rowspan > KEPT_SPAN for row in t.rows for c in row.cells)


def span_splits(document: Document, pages: dict[str, dict[int, int]]) -> dict[str, list[int]]:
    """Where each cell spanning more than :data:`KEPT_SPAN` rows is split: for each such cell
    ("table/row/column") whose rows ``pages`` (table → body row → page) puts on several pages,
    the rows (counted from its first) that begin a page. Each part repeats the cell's text, so a
    continued group of rows never starts with an empty cell."""
    splits: dict[str, list[int]] = {}
    for t in tables_of(document):
        rows = pages.get(t.id)
        if not rows or not _long_spans(t):
            continue
        _, body = header_and_body(t)
        for r, placed in enumerate(body):
            for c, col in placed:
                if c.rowspan <= KEPT_SPAN:
                    continue
                known = [x for x in range(r, r + c.rowspan) if x in rows]
                starts = [b - r for a, b in itertools.pairwise(known) if rows[a] != rows[b]]
                if starts:
                    splits[f"{t.id}/{r}/{col}"] = starts
    return splits


def typst_source(document: Document) -> tuple[str, dict[str, bytes]]:
    """The document as Typst markup (the preamble included) and the files it reads (figures)."""
    preamble = (resources.files("sakip.report") / "templates" / "report.typ").read_text(encoding="utf-8")
    writer = _Writer(document)
    writer.write()
    return preamble + "\n" + "".join(writer.out), writer.files


@dataclass(frozen=True)
class Layout:
    """What the final layout found: each heading's page number (``headings``), the page (index)
    of each marked row (``rows``: table → body row → page), and the splits it was laid out with."""

    headings: dict[str, int]
    rows: dict[str, dict[int, int]]
    splits: dict[str, list[int]]


@contextlib.contextmanager
def _compiled(document: Document) -> Iterator[tuple[Any, Layout]]:
    """A Typst compiler over the document's source in a temporary folder, and its layout.

    A table with a cell spanning many rows is laid out once to see where its rows land; when
    such a cell crosses a page break, it is split there and the document laid out again with
    the splits (:func:`span_splits`) in a file it reads: the source stays the same, so Typst reuses
    the layout of everything else."""
    import typst

    source, files = typst_source(document)
    with tempfile.TemporaryDirectory(prefix="sakip-typst-") as folder:
        root = Path(folder)
        for name, data in files.items():
            (root / name).write_bytes(data)
        main = root / "main.typ"
        main.write_text(source, encoding="utf-8")
        (root / SPLITS_FILE).write_text("{}", encoding="utf-8")
        compiler = typst.Compiler(str(main), root=str(root), font_paths=_fonts())
        layout = _layout(compiler, {})
        splits = span_splits(document, layout.rows)
        if splits:
            (root / SPLITS_FILE).write_text(json.dumps(splits), encoding="utf-8")
            compiler = typst.Compiler(str(main), root=str(root), font_paths=_fonts())
            layout = _layout(compiler, splits)
        yield compiler, layout


def _layout(compiler: Any, splits: dict[str, list[int]]) -> Layout:
    found = json.loads(compiler.query(f"<{PAGES_LABEL}>", field="value", one=True))
    rows: dict[str, dict[int, int]] = {}
    for (table_id, row), page in found["rows"]:
        rows.setdefault(table_id, {})[int(row)] = int(page)
    headings = {label.strip("<>"): int(page) for label, page in found["headings"]}
    return Layout(headings, rows, splits)


def layout(document: Document) -> Layout:
    """The document laid out (as :func:`render_pdf` lays it out), without writing the PDF."""
    with _compiled(document) as (_, result):
        return result


def render_pdf(document: Document) -> bytes:
    """The document as PDF bytes."""
    with _compiled(document) as (compiler, _):
        return bytes(compiler.compile(format="pdf", pdf_tags=False))


def heading_pages(document: Document) -> dict[str, int]:
    """Each heading's id (every contents entry's target) → the page number printed on the page
    where it lands in the PDF."""
    return layout(document).headings
