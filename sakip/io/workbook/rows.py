"""A record read from a sheet, with where each of its values came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from sakip.io.problems import Problem, Severity
from sakip.io.workbook.codes import Code
from sakip.io.workbook.schema import Sheet

Cell = Decimal | str | None


@dataclass(slots=True)
class Row:
    """One record. ``values`` holds the typed values of its filled, readable cells (an empty or
    unreadable one is absent: :meth:`get` gives None).

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


Records = dict[str, list[Row]]
"""Sheet name → its records, in sheet order."""


