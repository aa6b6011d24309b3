"""Findings of a review (reviu): values, never exceptions.

A finding has a severity, a stable check code (English, for machines and the docs), a place
(record of a plan, or table / row / column / line of a report), what was expected, what was
found, and a sentence in Indonesian (what the inspectorate reads) and in English.
"""

from __future__ import annotations

import enum
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.Enum):
    """How serious a finding is. Ordered: errors first."""

    ERROR = "error"  # a figure is wrong or contradicts another
    WARNING = "warning"  # likely wrong, or a required element is missing
    INFO = "info"  # worth a look; also what could not be read

    @property
    def rank(self) -> int:
        return {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}[self]

    @property
    def label_id(self) -> str:
        return {Severity.ERROR: "kesalahan", Severity.WARNING: "peringatan",
                Severity.INFO: "catatan"}[self]


@dataclass(frozen=True)
class Location:
    """Where a finding is: a plan record, or a place in a report."""

    record: str | None = None  # plan: "indikator IKU-01", "kegiatan K2.1"
    table: str | None = None  # report: "Tabel 3.3", "Tabel 3.12 (ke-2)"
    row: str | None = None  # report: the row's label or number
    column: str | None = None  # report: the column header
    line: int | None = None  # 1-based line of a text report (or paragraph of a DOCX)
    section: str | None = None  # free text: "Bab III, uraian Program 2"

    def render(self) -> str:
        parts: list[str] = []
        if self.record:
            parts.append(self.record)
        if self.table:
            parts.append(self.table)
        if self.row:
            parts.append(f"baris '{self.row}'")
        if self.column:
            parts.append(f"kolom '{self.column}'")
        if self.section:
            parts.append(self.section)
        if self.line is not None:
            parts.append(f"baris teks {self.line}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Finding:
    code: str  # stable: "ROW_ACHIEVEMENT", "PLAN_PK_TARGET" …
    severity: Severity
    location: Location
    message_id: str
    message_en: str
    expected: str | None = None
    found: str | None = None
    related: tuple[Location, ...] = field(default=())  # the other places involved

    @property
    def key(self) -> str:
        """The finding's identity across re-runs: its code, place, expected and found. A
        reviewer's decision on a finding stays with it while these are unchanged."""
        text = "\x1f".join((self.code, self.location.render(), self.expected or "",
                            self.found or ""))
        return f"{self.code}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"

    def render(self, language: str = "id") -> str:
        message = self.message_id if language == "id" else self.message_en
        where = self.location.render()
        label = self.severity.label_id if language == "id" else self.severity.value
        head = f"[{label}] {self.code}"
        return f"{head} — {where}: {message}" if where else f"{head}: {message}"

    def to_dict(self) -> dict[str, Any]:
        location = {k: v for k, v in vars(self.location).items() if v is not None}
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "location": location,
            "message_id": self.message_id,
            "message_en": self.message_en,
            "expected": self.expected,
            "found": self.found,
        }
        if self.related:
            data["related"] = [
                {k: v for k, v in vars(r).items() if v is not None} for r in self.related
            ]
        return data


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then by place of appearance (line), then by code; duplicates dropped."""
    unique = list(dict.fromkeys(findings))
    return sorted(
        unique,
        key=lambda f: (f.severity.rank, f.location.line if f.location.line is not None else 10**9,
                       f.code),
    )


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    tally = Counter(f.severity for f in findings)
    return {severity.value: tally.get(severity, 0) for severity in Severity}


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
