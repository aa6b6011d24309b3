"""The outline PermenPAN-RB 53/2014 (Lampiran, the LKjIP format) requires, part by part.

Ikhtisar Eksekutif; Bab I Pendahuluan (background or general description of the organisation,
duties and functions, structure, strategic issues); Bab II Perencanaan Kinerja (Renstra,
Perjanjian Kinerja); Bab III Akuntabilitas Kinerja (capaian kinerja organisasi, realisasi
anggaran); Bab IV Penutup; Lampiran with the Perjanjian Kinerja.

A chapter is found by its heading as reports print it: "BAB III", "BAB 3", "Bab III:
Akuntabilitas Kinerja", "III. AKUNTABILITAS KINERJA", with the title on the same line, the next
line, or none. The same headings also stand in the table of contents, in the "sistematika
penyajian" of Bab I and, in a PDF, at the top of every page; a heading counts as a chapter only
when real content follows it before the next heading of the outline (the entries of a list of
contents are followed by a line or two), and the chapters are taken in their required order.
A part of a chapter is found by a short heading or caption within the chapter naming it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip.review.findings import Finding, Location, Severity
from sakip.review.report.context import Report
from sakip.review.report.document import Paragraph, RawTable

CONTENT = 1000  # characters of text a chapter heading must be followed by to open a chapter
TABLE_CONTENT = 500  # what a table counts for in that measure
SHORT_CONTENT = 300  # the same, for the executive summary and the closing (often a page or less)
SHORT = 150  # a heading, caption or list entry is at most this long
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}

_BAB = re.compile(r"^bab\s+(?P<num>[ivx]{1,4}|\d)\b\s*[.:\-–—]?\s*(?P<title>.*)$", re.I)
_NUMBERED = re.compile(r"^(?P<num>[IVX]{1,4})\s*[.)]\s+(?P<title>.+)$")  # "III. AKUNTABILITAS …"
_SUMMARY = re.compile(r"^(?:ikhtisar|ringkasan)\s+eksekutif\b|^executive\s+summary\b", re.I)
_ANNEX = re.compile(r"^lampiran\b", re.I)
_LEADER = re.compile(r"[\s.…_]*\d*\s*$")  # dot leaders and a page number in a table of contents
_MARKER = re.compile(r"^(?:[-•*]\s*)?(?:(?:\d+\.)*\d+\.?|[a-z]\.|[a-z]\)|\(?\d+\)|[ivx]{1,4}\.)\s+",
                     re.I)
_PK = re.compile(r"perjanjian\s+kinerja|penetapan\s+kinerja", re.I)


@dataclass(frozen=True)
class Element:
    """One element of the outline: the summary, a chapter, the annexes."""

    key: int  # 0 summary, 1–4 chapters, 5 annexes
    name_id: str
    name_en: str
    title: re.Pattern[str] | None = None  # a chapter's title words


ELEMENTS = (
    Element(0, "Ikhtisar Eksekutif", "Executive summary"),
    Element(1, "Bab I Pendahuluan", "Chapter I (introduction)", re.compile(r"pendahuluan", re.I)),
    Element(2, "Bab II Perencanaan Kinerja", "Chapter II (performance planning)",
            re.compile(r"perencanaan|perjanjian\s+kinerja|penetapan\s+kinerja", re.I)),
    Element(3, "Bab III Akuntabilitas Kinerja", "Chapter III (performance accountability)",
            re.compile(r"akuntabilitas|capaian\s+kinerja", re.I)),
    Element(4, "Bab IV Penutup", "Chapter IV (closing)", re.compile(r"penutup|kesimpulan", re.I)),
    Element(5, "Lampiran", "Annexes"),
)
SUMMARY, ANNEXES = 0, 5


@dataclass(frozen=True)
class Part:
    chapter: int
    name_id: str
    name_en: str
    pattern: re.Pattern[str]


PARTS = (
    Part(1, "latar belakang / gambaran umum organisasi",
         "background / general description of the organisation",
         re.compile(r"latar\s+belakang|gambaran\s+umum|penjelasan\s+umum|kondisi\s+umum|profil"
                    r"|umum\s+organisasi", re.I)),
    Part(1, "tugas dan fungsi", "duties and functions",
         re.compile(r"\btugas\b|\bfungsi\b|tupoksi|kedudukan", re.I)),
    Part(1, "struktur organisasi", "organisational structure",
         re.compile(r"(?:struktur|susunan|bagan)\s+organisasi|organisasi\s+dan\s+tata\s+kerja"
                    r"|\bsotk\b", re.I)),
    Part(1, "isu strategis / permasalahan utama", "strategic issues / main problems",
         re.compile(r"isu[\s-]*(?:isu\s*)?strategis|permasalahan\s+(?:utama|strategis)"
                    r"|strategic\s+issue|isu\s+utama", re.I)),
    Part(2, "rencana strategis (Renstra)", "strategic plan (Renstra)",
         re.compile(r"rencana\s+strategis|\brenstra\b", re.I)),
    Part(2, "perjanjian kinerja", "performance agreement",
         re.compile(r"perjanjian\s+kinerja|penetapan\s+kinerja", re.I)),
    Part(3, "capaian kinerja organisasi", "organisational performance achievement",
         re.compile(r"(?:capaian|pencapaian|pengukuran)\s+kinerja|kinerja\s+organisasi", re.I)),
    Part(3, "realisasi anggaran", "budget realisation",
         re.compile(r"realisasi\s+(?:anggaran|keuangan|belanja)|akuntabilitas\s+(?:keuangan|anggaran)"
                    r"|(?:pagu|penggunaan|serapan)\s+anggaran|anggaran\s+dan\s+realisasi", re.I)),
)


@dataclass(frozen=True)
class Heading:
    key: int  # the element it opens
    block: int  # index in Document.blocks
    line: int
    text: str
    content: int = 0  # characters (tables counted) before the next heading of the outline


def _plain(text: str) -> str:
    return " ".join(text.replace("*", " ").split())


def _chapter(text: str) -> int | None:
    """The chapter a heading opens ("BAB III", "BAB 3 PENUTUP", "III. AKUNTABILITAS KINERJA")."""
    match = _BAB.match(text)
    numbered = match is not None
    if match is None:
        match = _NUMBERED.match(text)
    if match is None:
        return None
    title = _LEADER.sub("", match.group("title")).strip()
    named = [e.key for e in ELEMENTS if e.title is not None and e.title.search(title)]
    if named and len(title) <= 80:
        return named[0]
    if numbered and not title:
        num = match.group("num").casefold()
        value = int(num) if num.isdigit() else _ROMAN.get(num)
        return value if value is not None and 1 <= value <= 4 else None
    return None


def headings(report: Report) -> list[Heading]:
    """Every heading of the outline, in order, with the content that follows it."""
    def compute() -> list[Heading]:
        found: list[tuple[int, int, int, str]] = []
        for index, block in enumerate(report.document.blocks):
            if not isinstance(block, Paragraph):
                continue
            text = _plain(block.text)
            if not text or len(text) > SHORT:
                continue
            if _SUMMARY.match(text):
                key: int | None = SUMMARY
            elif _ANNEX.match(text) and not text.endswith("."):
                key = ANNEXES
            else:
                key = _chapter(text)
            if key is not None:
                found.append((key, index, block.line, text))
        result = []
        blocks = report.document.blocks
        for position, (key, index, line, text) in enumerate(found):
            end = found[position + 1][1] if position + 1 < len(found) else len(blocks)
            content = sum(len(b.text) if isinstance(b, Paragraph) else TABLE_CONTENT
                          for b in blocks[index + 1:end])
            result.append(Heading(key, index, line, text, content))
        return result

    return report.memo("outline.headings", compute)


def body(report: Report) -> dict[int, Heading]:
    """The heading that opens each element of the body, in the required order.

    Entries of a table of contents or of the "sistematika" are followed by little content and
    are left out; of what remains, the longest chain of headings in the required order wins
    (more elements first, then more content).
    """
    def compute() -> dict[int, Heading]:
        chosen = [h for h in headings(report)
                  if h.key == ANNEXES
                  or h.content >= (SHORT_CONTENT if h.key in (SUMMARY, 4) else CONTENT)]
        # best[i]: the best chain ending at chosen[i] — (elements, content, previous index)
        best: list[tuple[int, int, int]] = []
        for i, heading in enumerate(chosen):
            entry = (1, heading.content, -1)
            for j in range(i):
                if chosen[j].key < heading.key:
                    count, content, _ = best[j]
                    candidate = (count + 1, content + heading.content, j)
                    if candidate[:2] > entry[:2]:
                        entry = candidate
            best.append(entry)
        if not best:
            return {}
        index = max(range(len(best)), key=lambda i: best[i][:2])
        chain: dict[int, Heading] = {}
        while index >= 0:
            chain[chosen[index].key] = chosen[index]
            index = best[index][2]
        return chain

    return report.memo("outline.body", compute)


def _has_outline(report: Report) -> bool:
    """A report that prints at least two chapter headings (anywhere, contents included)."""
    return len({h.key for h in headings(report) if 1 <= h.key <= 4}) >= 2


def _element_location(element: Element, chain: dict[int, Heading]) -> Location:
    before = next((chain[k] for k in range(element.key - 1, -1, -1) if k in chain), None)
    after = next((chain[k] for k in range(element.key + 1, len(ELEMENTS)) if k in chain), None)
    if before is not None and after is not None:
        where = f"seharusnya setelah '{before.text[:60]}' dan sebelum '{after.text[:60]}'"
    elif before is not None:
        where = f"seharusnya setelah '{before.text[:60]}'"
    elif after is not None:
        where = f"seharusnya sebelum '{after.text[:60]}'"
    else:
        where = "kerangka laporan"
    line = after.line if after is not None else before.line if before is not None else None
    return Location(section=f"{element.name_id} ({where})", line=line)


def chapters(report: Report) -> list[Finding]:
    """OUTLINE_CHAPTER_MISSING: the summary, a chapter or the annexes not found in order."""
    if not _has_outline(report):
        return []
    chain = body(report)
    found = []
    for element in ELEMENTS:
        if element.key in chain:
            continue
        elsewhere = [h for h in headings(report) if h.key == element.key]
        note_id = note_en = ""
        if elsewhere:
            lines = ", ".join(str(h.line) for h in elsewhere[:4])
            note_id = (f" Judulnya hanya muncul di daftar isi, sistematika atau di luar urutan "
                       f"(posisi {lines}), tanpa isi bab sesudahnya.")
            note_en = " Its heading appears only in a list of contents or out of order."
        found.append(Finding(
            "OUTLINE_CHAPTER_MISSING", Severity.WARNING, _element_location(element, chain),
            f"{element.name_id} tidak ditemukan; PermenPAN-RB 53/2014 mewajibkannya dalam "
            f"Laporan Kinerja.{note_id}",
            f"{element.name_en} was not found; PermenPAN-RB 53/2014 requires it in the "
            f"performance report.{note_en}",
            expected=element.name_id, found="tidak ada",
        ))
    return found


def _short_texts(report: Report, start: int, end: int) -> list[tuple[str, int]]:
    """Headings, captions, list entries and table cells between two blocks, numbering dropped."""
    result: list[tuple[str, int]] = []
    for block in report.document.blocks[start:end]:
        if isinstance(block, Paragraph):
            text = _plain(block.text)
            if text and len(text) <= SHORT:
                result.append((text, block.line))
        elif isinstance(block, RawTable):
            result.extend((_plain(cell), block.line) for row in block.rows for cell in row
                          if cell.strip() and len(cell) <= SHORT)
    return result


def _heading_like(text: str) -> bool:
    stripped = _MARKER.sub("", text).strip()
    return bool(stripped) and not stripped[0].islower() and not text.endswith((".", ";", ","))


def parts(report: Report) -> list[Finding]:
    """OUTLINE_PART_MISSING: a chapter that has no heading for one of its required parts."""
    if not _has_outline(report):
        return []
    chain = body(report)
    starts = sorted(chain.values(), key=lambda h: h.block)
    found = []
    for element in ELEMENTS:
        heading = chain.get(element.key)
        if heading is None:
            continue
        later = [h.block for h in starts if h.block > heading.block]
        end = later[0] if later else len(report.document.blocks)
        texts = [t for t, _ in _short_texts(report, heading.block + 1, end)
                 if _heading_like(t) and _MARKER.sub("", t).strip()]
        for part in PARTS:
            if part.chapter != element.key:
                continue
            if any(part.pattern.search(_MARKER.sub("", t)) for t in texts):
                continue
            found.append(Finding(
                "OUTLINE_PART_MISSING", Severity.WARNING,
                Location(section=element.name_id, line=heading.line),
                f"{element.name_id} tidak memuat bagian '{part.name_id}' yang diwajibkan "
                f"PermenPAN-RB 53/2014: tidak ada judul bagian atau tabel/gambar yang "
                f"menyebutnya.",
                f"{element.name_en} has no part on {part.name_en} (PermenPAN-RB 53/2014): "
                f"no heading or caption names it.",
                expected=part.name_id, found="tidak ada",
            ))
    return found


def annexed_agreement(report: Report) -> list[Finding]:
    """OUTLINE_PK_NOT_ATTACHED: annexes that do not include the Perjanjian Kinerja."""
    if not _has_outline(report):
        return []
    chain = body(report)
    annexes, closing = chain.get(ANNEXES), chain.get(4)
    if annexes is None or closing is None:
        return []  # the missing annexes or closing chapter are the finding
    # after the closing chapter's heading: a list of annexes often stands before their heading
    texts = _short_texts(report, closing.block + 1, len(report.document.blocks))
    if any(_PK.search(text) for text, _ in texts):
        return []
    return [Finding(
        "OUTLINE_PK_NOT_ATTACHED", Severity.WARNING,
        Location(section="Lampiran", line=annexes.line),
        "Lampiran tidak memuat Perjanjian Kinerja tahun yang dilaporkan, padahal "
        "PermenPAN-RB 53/2014 mewajibkannya dilampirkan.",
        "The annexes do not include the performance agreement (Perjanjian Kinerja) of the "
        "year, which PermenPAN-RB 53/2014 requires to be attached.",
        expected="Perjanjian Kinerja dilampirkan", found="tidak ada",
    )]
