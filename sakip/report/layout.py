"""Where each cell of a table sits: its first column once row and column spans are counted.

Rows list only the cells that start in them (as HTML does); a cell spanning rows occupies
columns of the rows below. Renderers need the column of every cell (for its alignment, its
width, and for merging cells in Word).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from sakip.report.model import Cell, Table


class LayoutError(ValueError):
    """A table whose rows do not fill its columns (a bug in a chapter builder)."""


def place(rows: Sequence[Sequence[Cell]], width: int, name: str = "") -> list[list[tuple[Cell, int]]]:
    """Each row's cells with their first column; checks that every row fills ``width`` columns."""
    taken: dict[tuple[int, int], bool] = {}
    placed: list[list[tuple[Cell, int]]] = []
    for r, row in enumerate(rows):
        column = 0
        line = []
        for cell in row:
            while taken.get((r, column)):
                column += 1
            line.append((cell, column))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken[(r + dr, column + dc)] = True
            column += cell.colspan
        while taken.get((r, column)):
            column += 1
        if column != width:
            raise LayoutError(f"table {name}: row {r + 1} fills {column} of {width} columns")
        placed.append(line)
    return placed


Placed = list[list[tuple[Cell, int]]]
_PLACED: tuple[Table | None, tuple[Placed, Placed]] = (None, ([], []))  # the table placed last


def header_and_body(t: Table) -> tuple[Placed, Placed]:
    """:func:`place` of the header rows and of the body rows (the last table's kept: a renderer
    asks for it again while measuring its words)."""
    global _PLACED
    last = _PLACED
    if last[0] is t:
        return last[1]
    width = len(t.columns)
    header = place(t.header, width, t.id)
    body = place([row.cells for row in t.rows], width, t.id)
    _PLACED = (t, (header, body))
    return header, body


KEEP_TOGETHER = 15  # rows: a table this short is kept on one page


def keep_together(t: Table) -> bool:
    return len(t.header) + len(t.rows) <= KEEP_TOGETHER


MINIMUM = Decimal("5.5")  # % of the table's width: room for "No" or a short number


def percentages(t: Table) -> list[Decimal]:
    """Column widths as percentages of the table's width, from the columns' relative widths;
    a column narrower than :data:`MINIMUM` is widened and the others narrowed to make room."""
    total = Decimal(sum(c.width for c in t.columns) or 1)
    shares = [Decimal(100) * c.width / total for c in t.columns]
    narrow = [share < MINIMUM for share in shares]
    if any(narrow) and not all(narrow):
        room = Decimal(100) - MINIMUM * sum(narrow)
        rest = sum(share for share, small in zip(shares, narrow, strict=True) if not small)
        shares = [MINIMUM if small else share * room / rest
                  for share, small in zip(shares, narrow, strict=True)]
    return [share.quantize(Decimal("0.1")) for share in shares]


# --------------------------------------------------------------------------- words that fit

CELL_PAD_PT = Decimal("9.5")  # a cell's left and right margins (2 × 4,25 pt) and a little slack
BODY_PT = 8.5  # the table text's size (the DOCX's "Isi Tabel", the HTML's and PDF's tables)
SMALLER_PT = (8.0, 7.5, 7.0)  # a table whose words do not fit at BODY_PT is set smaller
# where a line may break: at spaces, and after a hyphen or a slash ("Rata-|rata", "Tujuan/|Sasaran")
# as Word, LibreOffice and browsers break lines
_BREAKS = re.compile(r"\s+|(?<=[-/])(?=[^\d\s])")


class _Advances(dict[str, float]):
    """Each character's advance at 1 pt in DejaVu Sans (:func:`sakip.report.tree_svg.text_width`),
    read once."""

    def __init__(self, bold: bool) -> None:
        super().__init__()
        self.bold = bold

    def __missing__(self, char: str) -> float:
        from sakip.report.tree_svg import Font, text_width

        value = self[char] = text_width(char, Font(1.0, self.bold))
        return value


_ADVANCES = (_Advances(False), _Advances(True))


def width_of(text: str, size: float, bold: bool = False) -> float:
    """:func:`sakip.report.tree_svg.text_width` of ``text`` (the same sum of the same advances),
    without its cost per call: for measuring every word of every table."""
    return sum(map(_ADVANCES[bold].__getitem__, text)) * size


def longest_words(t: Table, size: float = BODY_PT) -> list[Decimal]:
    """Per column, the width in points of the widest word of a cell starting in it alone (no
    colspan), in the table's font at ``size`` — header and total rows bold. A number is one word,
    so it never breaks (a word breaks after a hyphen or a slash before a letter). Measured with
    DejaVu Sans (:func:`sakip.report.tree_svg.text_width`), wider than Arial and Liberation
    Sans, so a word measured to fit does fit."""
    return [Decimal(str(round(w * size, 2))) for w in _widest_words(t)]


_MEASURED: tuple[Table | None, list[float]] = (None, [])  # the table measured last, its words


def _widest_words(t: Table) -> list[float]:
    """:func:`longest_words` at 1 pt, unrounded (a width at ``size`` is this × ``size``, the same
    float); the last table's kept, as a renderer asks for its size and then its widths."""
    global _MEASURED
    from sakip.report.model import RowKind

    last = _MEASURED
    if last[0] is t:
        return last[1]
    header, body = header_and_body(t)
    widest = [0.0] * len(t.columns)
    lines = [(line, True) for line in header]
    lines += [(line, row.kind is not RowKind.BODY) for line, row in zip(body, t.rows, strict=True)]
    seen: tuple[dict[str, float], dict[str, float]] = ({}, {})  # words repeat: numbers, units
    for line, bold in lines:
        for cell, column in line:
            if cell.colspan != 1:
                continue
            heavy = bold or cell.bold
            known = seen[heavy]
            for word in _BREAKS.split(cell.text):
                wide = known.get(word)
                if wide is None:
                    wide = known[word] = width_of(word, 1.0, heavy)
                if wide > widest[column]:
                    widest[column] = wide
    _MEASURED = (t, widest)
    return widest


def fitted_percentages(t: Table, width_pt: Decimal, size: float = BODY_PT) -> list[Decimal]:
    """:func:`percentages` widened where a column's longest word would not fit in it, the room
    taken from the columns with room to spare (in proportion to it); when the words together are
    wider than the table, each column gets its words' share."""
    shares = percentages(t)
    needs = [(w + CELL_PAD_PT) * 100 / width_pt for w in longest_words(t, size)]
    if sum(needs) >= 100:
        total = sum(needs)
        return [(n * 100 / total).quantize(Decimal("0.1")) for n in needs]
    for _ in range(len(shares)):
        short = [max(n - s, Decimal(0)) for s, n in zip(shares, needs, strict=True)]
        lacking = sum(short)
        if lacking <= 0:
            break
        spare = [max(s - n, Decimal(0)) for s, n in zip(shares, needs, strict=True)]
        room = sum(spare)
        shares = [s + short_by - (lacking * sp / room if room else 0)
                  for s, short_by, sp in zip(shares, short, spare, strict=True)]
    return [s.quantize(Decimal("0.1")) for s in shares]


def table_size(t: Table, width_pt: Decimal) -> float:
    """The table text's size: :data:`BODY_PT`, or the largest of :data:`SMALLER_PT` at which
    every column's longest word fits in ``width_pt`` (the smallest when none does)."""
    words = sum(longest_words(t, 1.0))  # widths grow with the size
    for size in (BODY_PT, *SMALLER_PT):
        if words * Decimal(str(size)) + CELL_PAD_PT * len(t.columns) < width_pt:
            return size
    return SMALLER_PT[-1]


_NUMBER = re.compile(r"(Rp\s?)?[−+-]?\d[\d.,]*\s?%?")


def is_number(cell: Cell) -> bool:
    """A cell that prints one number ("-1.186,00", "145,79", "Rp 5.054.687.243", "80%"): kept on
    one line."""
    return cell.value is not None or bool(_NUMBER.fullmatch(cell.text.strip()))
