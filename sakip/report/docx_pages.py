"""The page each heading of the Word file lands on, estimated while the file is written, for the
page numbers of its contents (Daftar Isi).

The writer (:mod:`sakip.report.render_docx`) tells a :class:`Flow` what it writes, in order: each
paragraph's text, size and spacing, each table row's cells and column widths, pictures' heights,
page and section breaks, headings; :meth:`Flow.pages` then fills pages as Word does, roughly: a
line is the font's size × :data:`LINE` × the paragraph's line spacing; a text's lines are its
width (DejaVu Sans advances, :func:`sakip.report.layout.width_of`, × :data:`ARIAL`, Arial being
narrower) over the room for it, :data:`FILL` of a line filled by whole words; rows of a table are
never split and its header rows repeat on every page it runs onto; a short table moves whole to
the next page when it does not fit; a heading or caption moves with what follows it. Every step
is linear in the size of the document. The estimate is not Word's layout (no hyphenation, no
widow control, no exact line breaking): docs/report.md says how far it is from LibreOffice's
pages of the same file; Word replaces the numbers with its own when it updates the fields on
opening.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from sakip.report.layout import width_of

ARIAL = 0.86  # Arial's (and Liberation Sans's) advances against DejaVu Sans's, on report text
LINE = 1.12  # a single line's height, in em (as LibreOffice lays out Liberation Sans)
FILL = 0.94  # the share of a line's room that whole words fill, on average
PT_PER_CM = 72 / 2.54
PORTRAIT = (21 - 2.2 - 3) * PT_PER_CM, (29.7 - 2.5 - 2.3) * PT_PER_CM  # text width, height (pt)
LANDSCAPE = (29.7 - 2.2 - 2) * PT_PER_CM, (21 - 2 - 2) * PT_PER_CM
CELL_PAD = 8.5  # pt: a cell's left and right margins
ROW_PAD = 1.0  # pt: a row's borders


WIDEST_EM = 1.2  # wider than nearly every glyph: a text this many ems per character fits on a line


def lines(text: str, size: float, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes in ``width`` points at ``size`` (at least one; each line
    break in the text starts a line)."""
    room = width * FILL
    if len(text) * size * WIDEST_EM * ARIAL < room and "\n" not in text:
        return 1  # short: not measured
    count = 0
    for part in text.split("\n"):
        if not part:
            count += 1
            continue
        wide = width_of(part, size, bold) * ARIAL
        count += max(1, math.ceil(wide / max(room, 1.0)))
    return count


@dataclass
class _Item:
    kind: str  # "block", "rows", "break", "turn", "heading"
    height: float = 0.0
    keep: bool = False  # stays on the page of what follows it
    rows: list[float] = field(default_factory=list)
    header: float = 0.0  # the header rows' height, repeated on every page
    first: float = 0.0  # the header rows' and the first body row's height
    whole: bool = False  # a short table: moved whole to the next page when it does not fit
    landscape: bool = False
    id: str = ""


class Flow:
    """What the Word file holds, in order, reduced to heights."""

    def __init__(self) -> None:
        self.items: list[_Item] = []
        self.landscape = False

    # ------------------------------------------------------------ what the writer tells

    def turn(self, landscape: bool) -> None:
        """A section break to a page of this orientation."""
        self.items.append(_Item("turn", landscape=landscape))
        self.landscape = landscape

    def page_break(self) -> None:
        self.items.append(_Item("break"))

    def heading(self, id: str) -> None:
        """The heading written next carries the contents' entry ``id``."""
        self.items.append(_Item("heading", id=id))

    def width(self, indent: float = 0.0) -> float:
        return (LANDSCAPE if self.landscape else PORTRAIT)[0] - indent

    def paragraph(self, text: str, size: float = 11.0, spacing: float = 1.15, before: float = 0.0,
                  after: float = 6.0, bold: bool = False, keep: bool = False, indent: float = 0.0,
                  page_break: bool = False) -> None:
        if page_break:
            self.page_break()
        count = lines(text, size, self.width(indent), bold)
        self.block(count * size * LINE * spacing + before + after, keep)

    def block(self, height: float, keep: bool = False) -> None:
        self.items.append(_Item("block", height, keep))

    def table(self, widths: Sequence[float], rows: Sequence[Sequence[tuple[int, int, str, bool]]],
              header_rows: int, size: float, whole: bool) -> None:
        """A table: ``widths`` its columns' widths in points; each row's cells as (first column,
        columns spanned, text, bold). A cell spanning rows counts in its first row only."""
        line = size * LINE
        heights = []
        for cells in rows:
            tallest = 1
            for column, span, text, bold in cells:
                room = sum(widths[column:column + span]) - CELL_PAD
                tallest = max(tallest, lines(text, size, room, bold))
            heights.append(tallest * line + ROW_PAD)
        self.items.append(_Item("rows", rows=heights, header=sum(heights[:header_rows]),
                                first=sum(heights[:header_rows + 1]), whole=whole))

    # ------------------------------------------------------------ the pages

    def pages(self) -> dict[str, int]:
        """Each heading's id → the number of the page it lands on (the first page is 1)."""
        found: dict[str, int] = {}
        page, used = 1, 0.0
        height = PORTRAIT[1]
        waiting: list[str] = []  # headings whose first line is not placed yet

        def new_page() -> None:
            nonlocal page, used
            page += 1
            used = 0.0

        items = self.items
        for index, item in enumerate(items):
            if item.kind == "turn":
                new_page()
                height = (LANDSCAPE if item.landscape else PORTRAIT)[1]
            elif item.kind == "break":
                if used > 0:
                    new_page()
            elif item.kind == "heading":
                waiting.append(item.id)
            elif item.kind == "block":
                need = item.height + (self._first(items, index + 1) if item.keep else 0.0)
                if used > 0 and used + min(need, height) > height:
                    new_page()
                for id in waiting:
                    found[id] = page
                waiting.clear()
                used += item.height
                while used > height:  # a paragraph longer than a page
                    page += 1
                    used -= height
            elif item.kind == "rows":
                total = sum(item.rows)
                need = total if item.whole and total <= height else item.first
                if used > 0 and used + need > height:
                    new_page()
                for row in item.rows:
                    if used > 0 and used + row > height:
                        new_page()
                        used = item.header
                    used += row
        for id in waiting:
            found[id] = page
        return found

    @staticmethod
    def _first(items: list[_Item], start: int) -> float:
        """The height of what must share a page with the block before ``start``: the next
        block's (a chain of kept blocks counted whole), a table's header and first row."""
        total = 0.0
        for item in items[start:]:
            if item.kind == "block":
                total += item.height
                if not item.keep:
                    return total
            elif item.kind == "rows":
                return total + item.first
            elif item.kind != "heading":
                return total
        return total
