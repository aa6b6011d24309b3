"""Problems found while reading input: values, never exceptions, all of them at once.

Every problem has a stable ``code`` (English, for machines and the docs), a message in
Indonesian (what users read) and in English, and says where: a file with a line and a path
inside a plan file, or a sheet, row and column inside a workbook.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    code: str  # stable: "PLAN_BAD_NUMBER", "XLSX_UNKNOWN_CODE" …
    message_id: str  # Indonesian
    message_en: str
    severity: Severity = Severity.ERROR
    file: str | None = None
    line: int | None = None  # 1-based line in a text file
    path: str | None = None  # "goals[0].indicators[1].polarity"
    sheet: str | None = None
    row: int | None = None  # 1-based worksheet row
    column: str | None = None  # worksheet column letter or header

    @property
    def where(self) -> str:
        """Where the problem is, in Indonesian (:meth:`where_in` for English)."""
        return self.where_in("id")

    def where_in(self, language: str) -> str:
        """Where the problem is: the file and line, the sheet, row and column ("lembar 'Target',
        baris 8, kolom D" / "sheet 'Target', row 8, column D"), the path in a plan file."""
        english = language == "en"
        parts: list[str] = []
        if self.file:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.sheet:
            cell = f"{'sheet' if english else 'lembar'} '{self.sheet}'"
            if self.row is not None:
                cell += f", {'row' if english else 'baris'} {self.row}"
            if self.column:
                cell += f", {'column' if english else 'kolom'} {self.column}"
            parts.append(cell)
        if self.path:
            parts.append(self.path)
        return ": ".join(parts)

    def render(self, language: str = "id") -> str:
        message = self.message_id if language == "id" else self.message_en
        where = self.where_in(language)
        return f"{where}: {message} [{self.code}]" if where else f"{message} [{self.code}]"


class InputError(Exception):
    """Raised by a loader with every problem it found; nothing was half-loaded."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0].render("en") if problems else "invalid input"
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]
