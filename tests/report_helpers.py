"""Finding things in a built report (the fixtures are in ``tests/report_fixtures.py``)."""

from __future__ import annotations

from sakip.report.model import Cell, Document, Table, tables_of

YEAR = 2020


def by_caption(document: Document, start: str) -> Table:
    tables = tables_of(document)
    found = [t for t in tables if t.caption == start] or [
        t for t in tables if t.caption.startswith(start)]
    assert len(found) == 1, f"{len(found)} tables captioned {start!r}"
    return found[0]


def keyed(document: Document) -> dict[str, list[Cell]]:
    """Every cell that prints a measured figure, by its key."""
    cells: dict[str, list[Cell]] = {}
    for t in tables_of(document):
        for cell in t.cells():
            if cell.key:
                cells.setdefault(cell.key, []).append(cell)
    return cells
