"""Signature blocks that do not name their signatory.

A Perjanjian Kinerja is signed by two named parties (PermenPAN-RB 53/2014, Lampiran I), and the
report's foreword by the head of the agency. A block whose name is left to be written by hand —
a line of underscores or dots where the name goes, or a placeholder such as "(nama belum
tersedia)" — is found here, as a warning: the severity of a required element that is missing
(a PK without its parties' names does not say who agreed to it; a PK missing altogether is
``PLAN_PK_MISSING``, a warning too). Errors are kept for figures that are wrong.

A signature block is found by its heading line, as reports print it: a short line naming the
signing role and ending with a comma ("Kepala Dinas,", "Bupati Belitung,", "Pihak Kedua,"; a
PK's party also without the comma; both parties on one line, as a PDF's text gives the two
columns, with a blank first or last on a line below for the left or the right one). The lines
under it, up to the signatory's rank and NIP or the next block, hold the title and the name; a
line there that is only a blank to be filled or a placeholder is the missing name. Lines come
from consecutive paragraphs (HTML, PDF, text) or from one table cell (a DOCX prints each
signatory in a cell of a borderless table).
"""

from __future__ import annotations

import re

from sakip.review.findings import Finding, Location, Severity
from sakip.review.report.context import Report
from sakip.review.report.document import Paragraph, RawTable

CODE = "SIGNATURE_NAME_MISSING"
_ROLE = (r"kepala|bupati|wakil|wali\s*kota|walikota|gubernur|sekretaris|inspektur|camat|"
         r"direktur|plt\.?|plh\.?|pj\.?|a\.\s?n\.?|kasubag|kabag|kabid")
_PARTY = re.compile(r"^pihak\s+(?:pertama|kedua|kesatu)\s*[,:]?$", re.I)
_HEADING = re.compile(rf"^(?:{_ROLE})\b[^,]{{0,80}},$", re.I)
# two parties side by side on one line, as a PDF's text gives two columns of a PK
_SIDE = re.compile(r"^(pihak\s+\w+)\s*,?\s+(pihak\s+\w+)\s*,?$", re.I)
_NIP = re.compile(r"^nip\b", re.I)
_BLANK_WORD = re.compile(r"^[(\[]?[_.…·]{3,}[)\]]?$")  # a blank among other words of a line
# a line left to be written on: underscores, dots or an ellipsis, perhaps in brackets
_BLANK = re.compile(r"^[(\[]?[\s_.…·]*[_.…·]{3,}[\s_.…·]*[)\]]?$")
_PLACEHOLDER = re.compile(
    r"^[(\[]?\s*(?:nama\s+belum\s+(?:tersedia|diisi|ada)|name\s+not\s+(?:yet\s+)?(?:available|"
    r"given)|nama(?:\s+(?:lengkap|pejabat|penanda\s*tangan))?|name|x{3,})\s*[)\]]?$", re.I)
_LOOK = 5  # lines under a heading that may hold the title and the name
_LONG = 100  # a line longer than this is prose, not part of a signature block

Line = tuple[str, int]  # text, position in the document


def _runs(report: Report) -> list[list[Line]]:
    """Lines that follow each other: consecutive paragraphs, or the lines of one table cell."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for block in report.document.blocks:
        if isinstance(block, Paragraph):
            current.extend((text.strip(), block.line) for text in block.text.split("\n")
                           if text.strip())
            continue
        if current:
            runs.append(current)
            current = []
        if isinstance(block, RawTable):
            for row in block.rows:
                for cell in row:
                    lines = [(text.strip(), block.line) for text in cell.split("\n")
                             if text.strip()]
                    if len(lines) > 1:
                        runs.append(lines)
    if current:
        runs.append(current)
    return runs


def _heading(text: str) -> bool:
    return len(text) <= _LONG and (_PARTY.match(text) is not None
                                   or _HEADING.match(text) is not None
                                   or _SIDE.match(text) is not None)


def _missing(heading: str, below: str) -> list[tuple[str, str]]:
    """(role, blank) for each signatory of ``heading`` whose name line ``below`` leaves blank."""
    if _BLANK.match(below) or _PLACEHOLDER.match(below):
        return [(heading, below)]
    side = _SIDE.match(heading)
    words = below.split()
    if side is None or len(words) < 2:
        return []
    found = []
    if _BLANK_WORD.match(words[0]):
        found.append((side.group(1), words[0]))
    if _BLANK_WORD.match(words[-1]):
        found.append((side.group(2), words[-1]))
    return found


def unnamed_signatories(report: Report) -> list[Finding]:
    """SIGNATURE_NAME_MISSING: a signature block whose name line is a blank or a placeholder."""
    found: list[Finding] = []
    for run in _runs(report):
        for index, (text, line) in enumerate(run):
            if not _heading(text):
                continue
            for below, _ in run[index + 1:index + 1 + _LOOK]:
                if _heading(below) or _NIP.match(below) or len(below) > _LONG:
                    break
                missing = _missing(text, below)
                found.extend(_finding(role, blank, line) for role, blank in missing)
                if missing:
                    break
    return found


def _finding(heading: str, blank: str, line: int) -> Finding:
    role = heading.rstrip(",: ")
    if _PARTY.match(heading) or _SIDE.match(heading):
        return Finding(
            "SIGNATURE_NAME_MISSING", Severity.WARNING,
            Location(section=f"tanda tangan {role}", line=line),
            f"Blok tanda tangan {role} Perjanjian Kinerja tidak memuat nama penanda tangan "
            f"(tertulis '{blank}'): perjanjian harus menyebut nama para pihak yang "
            "menandatanganinya.",
            f"The signature block of {role} of the performance agreement (Perjanjian Kinerja) "
            f"names no signatory (it reads '{blank}'): the agreement must name the parties "
            "who sign it.",
            expected="nama penanda tangan", found=blank)
    return Finding(
        "SIGNATURE_NAME_MISSING", Severity.WARNING,
        Location(section=f"tanda tangan {role}", line=line),
        f"Blok tanda tangan {role} tidak memuat nama penanda tangan (tertulis '{blank}').",
        f"The signature block of {role} names no signatory (it reads '{blank}').",
        expected="nama penanda tangan", found=blank)
