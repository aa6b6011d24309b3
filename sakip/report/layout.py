"""Where each cell of a table sits: its first column once row and column spans are counted.

Rows list only the cells that start in them (as HTML does); a cell spanning rows occupies
columns of the rows below. Renderers need the column of every cell (for its alignment, its
width, and for merging cells in Word).
"""

from __future__ import annotations

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


def header_and_body(t: Table) -> tuple[list[list[tuple[Cell, int]]], list[list[tuple[Cell, int]]]]:
    width = len(t.columns)
    header = place(t.header, width, t.id)
    body = place([row.cells for row in t.rows], width, t.id)
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
