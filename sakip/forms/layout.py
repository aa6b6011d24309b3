"""The printed shape of a form, shared by its writers: headers with their merged cells, the
column numbers row, body rows of typed cells, the footer and the signature.

A form's figures are computed once, in Decimal and rounded, by the form's module (:mod:`.e81`,
:mod:`.e80`, :mod:`.monev`); the layout holds them as they are printed. The writers
(:mod:`.xlsx`, :mod:`.pdf`) only place them: no arithmetic happens there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Kind = Literal["text", "number", "money"]
Level = Literal["group", "program", "activity", "indicator", "total"]


@dataclass(frozen=True)
class Head:
    """A header cell spanning ``rows`` × ``cols`` from (``row``, ``col``), 0-based."""

    text: str
    row: int
    col: int
    rows: int = 1
    cols: int = 1


@dataclass(frozen=True)
class Cell:
    """A printed value: text, a number with its decimal places, or whole rupiah."""

    value: Decimal | str | None = None
    kind: Kind = "text"

    @property
    def places(self) -> int:
        if not isinstance(self.value, Decimal) or self.kind == "money":
            return 0
        exponent = self.value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0


EMPTY = Cell()


def text(value: str | None) -> Cell:
    return Cell(value, "text")


def number(value: Decimal | None) -> Cell:
    return Cell(value, "number") if value is not None else EMPTY


def money(value: Decimal | None) -> Cell:
    return Cell(value, "money") if value is not None else EMPTY


def row_level(owner: str, first: bool) -> Level:
    """The level of a body row: its owner's on the owner's first row (a sasaran's is
    ``group``), ``indicator`` on the rows of its further indicators."""
    if not first:
        return "indicator"
    return {"objective": "group", "program": "program"}.get(owner, "activity")  # type: ignore[return-value]


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    level: Level = "indicator"


@dataclass(frozen=True)
class Table:
    """One table of a form: ``head`` over ``head_rows`` rows, then the column numbers row
    (``numbers``; empty: none), then ``rows``. ``widths`` in characters, one per column."""

    widths: tuple[int, ...]
    head: tuple[Head, ...]
    head_rows: int
    rows: tuple[Row, ...]
    numbers: tuple[str, ...] = ()
    title: str | None = None

    @property
    def columns(self) -> int:
        return len(self.widths)


@dataclass(frozen=True)
class Signature:
    place_date: str  # "Tanjungpandan, .................... 2020" (filled by hand)
    title: str  # "Kepala Dinas …"
    name: str | None
    rank: str | None
    nip: str | None


@dataclass(frozen=True)
class Form:
    code: str  # "E.81"
    title: str
    subtitle: tuple[str, ...]  # the agency, the period
    tables: tuple[Table, ...]
    footer: tuple[tuple[str, tuple[str, ...]], ...] = ()  # label, its lines
    signature: Signature | None = None
    notes: tuple[str, ...] = field(default=())  # under the tables: rules of the columns

    @property
    def slug(self) -> str:
        return self.code.lower().replace(".", "")
