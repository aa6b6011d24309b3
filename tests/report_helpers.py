"""Finding things in a built report (the fixtures are in ``tests/report_fixtures.py``)."""

from __future__ import annotations

import dataclasses
import enum
import re
from collections.abc import Iterator

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


def texts(value: object, skip: frozenset[str] = frozenset({"id", "key", "ref", "marker"})
          ) -> Iterator[str]:
    """Every string a reader may see in a document (or any data): its title and front matter,
    chapters, tables, notes, signatures — not the fields named in ``skip`` (ids, keys,
    references)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from texts(item, skip)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name not in skip:
                yield from texts(getattr(value, f.name), skip)


def masked(value: object, pattern: re.Pattern[str], token: str, keep: tuple[type, ...] = (),
           memo: dict[int, object] | None = None) -> object:
    """``value`` with every match of ``pattern`` in its strings replaced by ``token``; enums,
    numbers, dates, the instances of ``keep`` and the shape of the data unchanged (shared parts
    stay shared): a report built from it prints the data's words masked, its own words not."""
    memo = {} if memo is None else memo
    data = isinstance(value, str | tuple | list | dict) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type))
    if isinstance(value, (enum.Enum, *keep)) or not data:
        return value
    if isinstance(value, str):
        return pattern.sub(token, value)
    if id(value) in memo:
        return memo[id(value)]
    result: object
    if isinstance(value, tuple):
        result = tuple(masked(item, pattern, token, keep, memo) for item in value)
    elif isinstance(value, list):
        result = [masked(item, pattern, token, keep, memo) for item in value]
    elif isinstance(value, dict):
        result = {masked(k, pattern, token, keep, memo): masked(v, pattern, token, keep, memo)
                  for k, v in value.items()}
    else:
        result = dataclasses.replace(value, **{  # type: ignore[type-var]
            f.name: masked(getattr(value, f.name), pattern, token, keep, memo)
            for f in dataclasses.fields(value) if f.init})
    memo[id(value)] = result
    return result
