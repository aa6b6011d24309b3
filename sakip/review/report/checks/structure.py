"""What could not be read, table numbering, malformed amounts."""

from __future__ import annotations

import re

from sakip.review.findings import Finding, Location, Severity
from sakip.review.report import cells as C
from sakip.review.report import prose as P
from sakip.review.report.context import Report, cell_location
from sakip.review.report.tables import NUMERIC


def unreadable(report: Report) -> list[Finding]:
    """REPORT_UNREADABLE: parts of the input that were not read, said rather than guessed."""
    found = [
        Finding("REPORT_UNREADABLE", Severity.INFO, Location(section=report.document.path),
                f"Tidak terbaca: {note}.", f"Not read: {note}.")
        for note in report.document.unread
    ]
    for table in report.tables:
        for note in table.notes:
            found.append(Finding(
                "REPORT_UNREADABLE", Severity.INFO, cell_location(table),
                f"{note[0].upper() + note[1:]}; angka di kolom itu tidak diperiksa.",
                "Figures in a column wrapped over several lines and were not read; "
                "that column was not checked.",
            ))
    if not report.tables:
        found.append(Finding(
            "REPORT_UNREADABLE", Severity.WARNING, Location(section=report.document.path),
            "Tidak ada tabel yang ditemukan; hanya teks yang diperiksa.",
            "No table was found; only the text was checked."))
    return found


def duplicate_numbers(report: Report) -> list[Finding]:
    """TABLE_NUMBER_DUPLICATE: one table number used for different tables."""
    by_number: dict[str, list[tuple[int, str]]] = {}
    for placed in report.placed:
        if placed.caption is not None:
            by_number.setdefault(placed.caption.number, []).append(
                (placed.caption.line, placed.table.title))
    found = []
    for number, uses in by_number.items():
        if len(uses) < 2:
            continue
        listing = "; ".join(f"baris {line}: {title[:60] or '(tanpa judul)'}" for line, title in uses)
        found.append(Finding(
            "TABLE_NUMBER_DUPLICATE", Severity.WARNING,
            Location(table=f"Tabel {number}", line=uses[0][0]),
            f"Nomor Tabel {number} dipakai {len(uses)} kali untuk tabel yang berbeda ({listing}).",
            f"Table number {number} is used {len(uses)} times for different tables.",
            expected="satu nomor untuk satu tabel", found=f"{len(uses)} tabel",
        ))
    return found


def numbering_gaps(report: Report) -> list[Finding]:
    """TABLE_NUMBER_GAP: numbers skipped within a chapter (3.10 → 3.12)."""
    numbers = [p.caption.number for p in report.placed if p.caption is not None]
    chapters: dict[str, set[int]] = {}
    for number in numbers:
        parts = number.split(".")
        if len(parts) == 2 and parts[1].isdigit():
            chapters.setdefault(parts[0], set()).add(int(parts[1]))
    missing = []
    for chapter, seen in sorted(chapters.items()):
        missing += [f"{chapter}.{i}" for i in range(min(seen), max(seen) + 1) if i not in seen]
    if not missing:
        return []
    listing = ", ".join(missing)
    return [Finding(
        "TABLE_NUMBER_GAP", Severity.INFO, Location(section="penomoran tabel"),
        f"Nomor tabel yang dilewati: {listing}.", f"Table numbers skipped: {listing}.",
        found=listing,
    )]


_NUMBER_TOKEN = re.compile(r"\d[\d.,]*\d")


def malformed_amounts(report: Report) -> list[Finding]:
    """MALFORMED_AMOUNT: a rupiah amount or a table figure that is not a valid number."""
    found = []
    for passage in report.passages:
        for amount in P.amounts(passage.text):
            if amount.value is not None:
                continue
            hint = _residual_hint(report, passage, amount.text)
            found.append(Finding(
                "MALFORMED_AMOUNT", Severity.ERROR, Location(line=passage.line),
                f"Nilai '{amount.text}' bukan angka rupiah yang sah (pemisah ribuan salah) dan "
                f"tidak dapat dibaca.{hint}",
                f"'{amount.text}' is not a valid rupiah amount (bad thousands grouping).",
                expected="Rp 1.234.567", found=amount.text,
            ))
    for table in report.tables:
        for row in table.body:
            for column in table.columns:
                if column.role not in NUMERIC or column.index >= len(row.values):
                    continue
                for token in row.values[column.index].malformed:
                    found.append(Finding(
                        "MALFORMED_AMOUNT", Severity.ERROR, cell_location(table, row, column),
                        f"Angka '{token}' tidak sah dan tidak dapat dibaca.",
                        f"'{token}' is not a valid number.", found=token))
    return found


def _residual_hint(report: Report, passage: P.Passage, text: str) -> str:
    """When the unreadable amount is one activity's ceiling, say what the program total leaves."""
    for group in report.program_groups:
        members = [a for a in group.activities if a.passage.block == passage.block]
        if not members or members[0].ceiling.text != text:
            continue
        others = [a.ceiling.value for a in group.activities if a is not members[0]]
        if group.program.ceiling.value is None or any(v is None for v in others):
            return ""
        residual = group.program.ceiling.value - sum(v for v in others if v is not None)
        digits = re.sub(r"\D", "", text)
        if str(residual).startswith(digits):
            return (f" Pagu program dikurangi kegiatan lainnya menyisakan "
                    f"{C.fmt(residual, 0)}; bila itu maksudnya, perbaiki penulisannya.")
    return ""
