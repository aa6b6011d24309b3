"""Reading an HTML report (Sakip's own ``sakip report -o x.html``, or a page saved from a
browser) with the standard library's streaming ``html.parser``: one pass, memory bounded by
what is kept (the text), no tree built.

Paragraphs are the text of block elements (``p``, ``h1``–``h6``, ``li``, ``figcaption`` …;
``br`` is a line break); a table is its rows of ``td``/``th`` cells, a cell spanning columns
or rows given once and the cells it covers left empty (the shape of the DOCX reader); a
footnote mark (a short ``sup``) is left out, as the DOCX reader leaves out a short superscript
run. Headings (``h1``–``h6``) are remembered to name where a finding is.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from sakip.review.report import limits as L
from sakip.review.report.document import Block, Document, Paragraph, RawTable, clean
from sakip.review.report.limits import LIMITS, ReportLimits

_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "caption",
                     "dt", "dd", "blockquote", "pre", "div", "section", "article", "header",
                     "footer", "main", "nav", "aside", "figure", "ul", "ol", "dl", "address",
                     "body", "form", "fieldset", "legend", "hr"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
_FOOTNOTE_MARK = 3
_MAX_SPAN = 100  # a colspan or rowspan beyond this is not a report's table


class _Reader(HTMLParser):
    def __init__(self, limits: ReportLimits, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.limits, self.path = limits, path
        self.blocks: list[Block] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []  # the paragraph or cell being read
        self.skip = 0
        self.sup: list[str] | None = None
        self.heading = False
        self.tables: list[_Table] = []
        self.count = 0

    # ---------------------------------------------------------------- text
    def _flush(self) -> None:
        text = clean("".join(self.text))
        self.text = []
        if not text:
            return
        position = len(self.blocks) + 1
        if self.heading:
            self.headings.append((position, " ".join(text.split())))
        self.blocks.append(Paragraph(text, position))
        self._count()

    def _count(self) -> None:
        self.count += 1
        if self.count > self.limits.max_blocks:
            raise L.too_many_blocks(self.path, self.limits)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "br":
            self.text.append("\n")
        elif tag == "sup":
            self.sup = []
        elif tag == "table":
            if not self.tables:
                self._flush()
            self.tables.append(_Table())
        elif self.tables and tag == "tr":
            self.tables[-1].start_row()
        elif self.tables and tag in ("td", "th"):
            values = dict(attrs)
            self.text = []
            self.tables[-1].start_cell(_span(values.get("colspan")), _span(values.get("rowspan")))
        elif tag in _BLOCKS and not self.tables:
            self._flush()
            self.heading = tag in _HEADINGS

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "sup" and self.sup is not None:
            mark = "".join(self.sup)
            self.sup = None
            if len(mark.strip()) > _FOOTNOTE_MARK:
                self.text.append(mark)
        elif self.tables and tag in ("td", "th"):
            self.tables[-1].end_cell(clean("".join(self.text)))
            self.text = []
            self._count()
        elif self.tables and tag == "tr":
            self.tables[-1].end_row()
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            rows = table.finish()
            if self.tables:  # a table inside a cell: its text belongs to that cell
                self.text.append(" ".join(c for r in rows for c in r if c))
            elif rows:
                position = len(self.blocks) + 1
                self.blocks.append(RawTable(tuple(rows), position,
                                            tuple(position for _ in rows)))
        elif tag in _BLOCKS and not self.tables:
            self._flush()
            self.heading = False

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.sup is not None:
            self.sup.append(data)
        else:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        while self.tables:
            self.handle_endtag("table")
        self._flush()


def _span(value: str | None) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(value or "1")))
    except ValueError:
        return 1


class _Table:
    """Rows of a table as they are read; spans leave the covered cells empty."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None
        self.below: dict[int, int] = {}  # column → rows still covered by a rowspan above
        self.span = (1, 1)

    def start_row(self) -> None:
        self.end_row()
        self.row = []
        self._covered()

    def _covered(self) -> None:
        assert self.row is not None
        while self.below.get(len(self.row), 0) > 0:
            self.below[len(self.row)] -= 1
            self.row.append("")

    def start_cell(self, colspan: int, rowspan: int) -> None:
        if self.row is None:
            self.start_row()
        self.span = (colspan, rowspan)

    def end_cell(self, text: str) -> None:
        if self.row is None:
            self.start_row()
        assert self.row is not None
        colspan, rowspan = self.span
        for offset in range(colspan):
            if rowspan > 1:
                self.below[len(self.row)] = rowspan - 1
            self.row.append(text if offset == 0 else "")
        self.span = (1, 1)
        self._covered()

    def end_row(self) -> None:
        if self.row is not None and any(self.row):
            self.rows.append(self.row)
        self.row = None

    def finish(self) -> list[tuple[str, ...]]:
        self.end_row()
        return [tuple(r) for r in self.rows]


def read_html(path: Path, limits: ReportLimits = LIMITS) -> Document:
    """An HTML report: bounded like a text file (size, encoding, blocks), parsed in one pass."""
    data = L.read_bounded(path, limits.max_text_bytes)
    text, unread = L.decode_text(data, path)
    return html_document(text, path, limits, tuple(unread))


def html_document(text: str, path: Path | str, limits: ReportLimits = LIMITS,
                  unread: tuple[str, ...] = ()) -> Document:
    """An HTML report already in memory (the one Sakip makes from a plan, say)."""
    reader = _Reader(limits, Path(path))
    reader.feed(text)
    reader.close()
    return Document(str(path), "html", tuple(reader.blocks), unread, tuple(reader.headings))
