"""A record read from a sheet, with where each of its values came from."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import overload

from sakip.io.problems import Problem, Severity
from sakip.io.workbook.codes import Code
from sakip.io.workbook.schema import Sheet

Cell = Decimal | str | None


@dataclass(slots=True)
class Row:
    """One record. ``values`` holds the typed values of its filled, readable cells (an empty or
    unreadable one is None or absent: :meth:`get` gives None either way).

    A table sheet gives one Row per filled row; a form sheet gives one Row whose fields sit
    on different rows (``field_rows``). ``bad`` names the keys whose cell could not be read
    (already reported), so later checks do not report them again as empty.
    """

    sheet: Sheet
    number: int
    values: dict[str, object]
    letters: Mapping[str, str]  # key → column letter
    field_rows: Mapping[str, int] | None = None
    bad: set[str] = field(default_factory=set)
    cells: tuple[Cell, ...] = ()  # trailing free columns (table contents)
    cell_letters: tuple[str, ...] = ()

    def get(self, key: str) -> object:
        return self.values.get(key)

    def text(self, key: str) -> str | None:
        value = self.values.get(key)
        return value if isinstance(value, str) else None

    def where(self, key: str) -> tuple[int, str]:
        row = self.field_rows.get(key, self.number) if self.field_rows else self.number
        letter = self.letters.get(key, "")
        column = self.sheet.by_key.get(key)
        label = f"{letter} ({column.header})" if column and letter else (letter or key)
        return row, label

    def problem(
        self,
        key: str,
        code: Code,
        message_id: str,
        message_en: str,
        severity: Severity = Severity.ERROR,
        column_letter: str | None = None,
    ) -> Problem:
        """A problem at this record's cell for ``key`` (or at ``column_letter``)."""
        row, column = self.where(key)
        if column_letter is not None:
            column = column_letter
        return Problem(
            code=code,
            message_id=message_id,
            message_en=message_en,
            severity=severity,
            sheet=self.sheet.name,
            row=row,
            column=column,
        )


class Table(Sequence[Row]):
    """The records of a table sheet, held column by column: a :class:`Row` is made for a
    record only when it is asked for (to read a cell again, report a problem, locate a record),
    and then kept, so every later question about that record sees the same Row (its ``bad``).
    Steps that go through every record use :meth:`column` instead.

    ``columns`` maps every column key of the sheet found in the header to one value per record
    (None: empty or unreadable), kept equal to the values of the Rows made."""

    def __init__(self, sheet: Sheet, numbers: list[int], columns: dict[str, list[object]],
                 letters: Mapping[str, str], cell_letters: tuple[str, ...] = ()) -> None:
        self.sheet = sheet
        self.numbers = numbers  # the sheet row of each record, 1-based
        self.columns = columns
        self.letters = letters
        self.cell_letters = cell_letters
        self.made: dict[int, Row] = {}

    def __len__(self) -> int:
        return len(self.numbers)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return [self[line] for line in range(len(self))[index]]
        if index < 0:
            index += len(self)
        row = self.made.get(index)
        if row is None:
            if not 0 <= index < len(self):
                raise IndexError(index)
            values = {key: column[index] for key, column in self.columns.items()}
            row = self.made[index] = Row(self.sheet, self.numbers[index], values, self.letters,
                                         None, set(), (), self.cell_letters)
        return row

    def __iter__(self) -> Iterator[Row]:
        return (self[line] for line in range(len(self)))

    def column(self, key: str) -> list[object]:
        """The value of ``key`` in every record, in order (None where empty)."""
        found = self.columns.get(key)
        return found if found is not None else [None] * len(self)

    def store(self, line: int) -> None:
        """Copy the values of the Row of ``line`` (read again) into the columns."""
        values = self.made[line].values
        for key, column in self.columns.items():
            column[line] = values.get(key)


def column(rows: Sequence[Row], key: str) -> list[object]:
    """The value of ``key`` in every record of a sheet (None where empty)."""
    if isinstance(rows, Table):
        return rows.column(key)
    return [row.get(key) for row in rows]


Records = dict[str, Sequence[Row]]
"""Sheet name → its records, in sheet order (a :class:`Table` for a table sheet)."""


