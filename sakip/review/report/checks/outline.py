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

A Pemerintah Daerah's own LKjIP (the Bupati's, Wali Kota's or Gubernur's report, "LKjIP Pemda")
has the same chapters, but its Bab I describes the region instead of one organisation's duties
and structure, and its Bab II presents the RPJMD instead of a Renstra: :func:`reporting_entity`
recognises such a report from what it says of itself, and :data:`PEMDA_PARTS` are then required.
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


# A Pemda's LKjIP: Bab I describes the region, Bab II presents the RPJMD; Bab III as for agencies.
PEMDA_PARTS = (
    Part(1, "latar belakang / gambaran umum daerah",
         "background / general description of the region",
         re.compile(r"latar\s+belakang|gambaran\s+umum|kondisi\s+umum|profil|kondisi\s+(?:geografis"
                    r"|demografis)|geografi|demografi|kependudukan", re.I)),
    Part(1, "isu strategis / permasalahan utama", "strategic issues / main problems",
         re.compile(r"isu[\s-]*(?:isu\s*)?strategis|permasalahan\s+(?:utama|strategis|pembangunan)"
                    r"|strategic\s+issue|isu\s+utama|aspek\s+strategis", re.I)),
    Part(2, "RPJMD (rencana pembangunan jangka menengah daerah)",
         "RPJMD (regional medium-term development plan)",
         re.compile(r"\brpjmd\b|rencana\s+pembangunan\s+jangka\s+menengah", re.I)),
    Part(2, "perjanjian kinerja", "performance agreement",
         re.compile(r"perjanjian\s+kinerja|penetapan\s+kinerja", re.I)),
    *(part for part in PARTS if part.chapter == 3),
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


def _chapter_texts(report: Report) -> dict[int, tuple[Heading, list[str]]]:
    """Each chapter of the body with its headings, captions, list entries and table cells that
    could name a part (numbering dropped)."""
    def compute() -> dict[int, tuple[Heading, list[str]]]:
        chain = body(report)
        starts = sorted(chain.values(), key=lambda h: h.block)
        result = {}
        for key, heading in chain.items():
            later = [h.block for h in starts if h.block > heading.block]
            end = later[0] if later else len(report.document.blocks)
            texts = [_MARKER.sub("", t).strip()
                     for t, _ in _short_texts(report, heading.block + 1, end) if _heading_like(t)]
            result[key] = (heading, [t for t in texts if t])
        return result

    return report.memo("outline.chapter_texts", compute)


# ------------------------------------------------------------------ who reports: agency or Pemda

_REPORT_NAME = re.compile(
    r"^(?:laporan\s+(?:akuntabilitas\s+)?kinerja(?:\s+instansi\s+pemerintah)?|lkjip|lakip|lkj)"
    r"\s*(?:\([^)]{0,12}\)\s*)?(?:tahun\s+(?:anggaran\s+)?\d{4}\b\s*)?", re.I)
_NAMED_REPORT = re.compile(
    r"\b(?:laporan\s+(?:akuntabilitas\s+)?kinerja(?:\s+instansi\s+pemerintah)?|lkjip|lakip)\b"
    r"\s*(?:\([^)]{0,12}\)\s*)?(?:tahun\s+(?:anggaran\s+)?\d{4}\s*)?(?P<entity>[^\n]{0,40})", re.I)
# a line naming an agency (Perangkat Daerah) or a region as the one reporting (also how
# `sakip review` names its subject)
AGENCY_LINE = re.compile(
    r"^(?:dinas|badan|kantor|sekretariat|inspektorat|satuan|satpol|kecamatan|kelurahan"
    r"|rumah\s+sakit|rsud|rsu|puskesmas|bagian|biro|unit\s+pelaksana|uptd?|perangkat\s+daerah"
    r"|kementerian|lembaga|direktorat|setda|setwan|sekwan|bappeda|bappelitbangda|bapelitbangda"
    r"|bpkad|bpkd|bkd|bkpsdm|bpbd|dinkes|disdik|diskominfo|disdukcapil|dispendukcapil|disnaker"
    r"|dpmptsp)\b", re.I)
# "Disusun oleh: Bagian Organisasi Setda": who compiled the report, not who reports; ends the cover
_COMPILER = re.compile(r"^(?:disusun|diterbitkan|penyusun|oleh)\b", re.I)
REGION_LINE = re.compile(
    r"^(?:pemerintah\s+(?:daerah|kabupaten|kota|provinsi|kab\.)|pemerintah$|kabupaten\b|kota\b"
    r"|provinsi\b|pemkab\b|pemkot\b|pemprov\b)", re.I)
_REGION_NAME = re.compile(r"\b(?P<kind>kabupaten|kota|provinsi)\s+(?P<name>[^\s,.;:()]+(?:\s+"
                          r"(?!tahun\b|anggaran\b|\d)[^\s,.;:()]+){0,3})", re.I)
_FRONT_END = re.compile(r"^(?:kata\s+pengantar|daftar\s+isi|sambutan|ikhtisar|ringkasan)\b", re.I)
_HEAD = r"(?:(?:plt|plh|pj)\.?\s+|penjabat\s+|wakil\s+)?"
_REGION_HEAD = re.compile(rf"^{_HEAD}(?:bupati|wali\s*kota|gubernur|kepala\s+daerah)\b[^,.;:]{{0,40}},?$",
                          re.I)
_AGENCY_HEAD = re.compile(rf"^{_HEAD}(?:kepala|sekretaris|inspektur|camat|lurah|direktur)\b"
                          r"[^,.;:]{0,60},?$", re.I)
_REGION_DESCRIPTION = re.compile(
    r"gambaran\s+umum\s+(?:daerah|wilayah|kabupaten|kota|provinsi|pemerintah)|kondisi\s+(?:geografis"
    r"|demografis|umum\s+daerah)|geografi|demografi|kependudukan|luas\s+wilayah", re.I)
_HEAD_AGREEMENT = re.compile(
    r"^(?:perjanjian|penetapan)\s+kinerja\s+(?:tahun\s+\d{4}\s+)?(?:kepala\s+daerah|bupati"
    r"|wali\s*kota|gubernur|pemerintah\s+(?:daerah|kabupaten|kota|provinsi)|kabupaten|kota"
    r"|provinsi)\b", re.I)
_RENSTRA = next(p.pattern for p in PARTS if p.chapter == 2 and "Renstra" in p.name_id)
_RPJMD = next(p.pattern for p in PEMDA_PARTS if p.chapter == 2 and "RPJMD" in p.name_id)
_ORGANISATION = [p.pattern for p in PARTS if p.chapter == 1 and p.name_id in (
    "tugas dan fungsi", "struktur organisasi")]
PEMDA_SCORE = 3  # the weight of evidence a Pemda report needs (see reporting_entity)


@dataclass(frozen=True)
class Entity:
    """Who a report says is reporting: an agency (Perangkat Daerah) or the Pemda itself."""

    pemda: bool
    score: int
    signals: tuple[str, ...]  # what was weighed: "+2 sampul menyebut pemerintah daerah / …"
    region: str | None = None  # "Kabupaten Belitung", when the report names it


def _entity(text: str) -> str | None:
    """``"agency"``, ``"region"`` or None: what a title line or a report's name names."""
    text = _REPORT_NAME.sub("", _plain(text)).strip(" ,.:-")
    if AGENCY_LINE.match(text):
        return "agency"
    if REGION_LINE.match(text):
        return "region"
    return None


def _lines(report: Report, start: int, end: int) -> list[str]:
    """The lines of the paragraphs and table cells between two blocks."""
    result: list[str] = []
    for block in report.document.blocks[start:end]:
        texts = [block.text] if isinstance(block, Paragraph) else [
            cell for row in block.rows for cell in row]
        result.extend(_plain(line) for text in texts for line in text.split("\n") if line.strip())
    return result


def _region_name(lines: list[str]) -> str | None:
    for line in lines:
        match = _REGION_NAME.search(_REPORT_NAME.sub("", line))
        if match is not None:
            name = f"{match.group('kind')} {match.group('name')}"
            return name.title() if name.isupper() or name.islower() else name
    return None


def reporting_entity(report: Report) -> Entity:
    """Whether the report is a Pemda's own LKjIP (Bupati's, Wali Kota's, Gubernur's report) rather
    than an agency's, weighing what it says of itself (positive for the Pemda):

    * **cover** (the short lines before the foreword, the contents, the first prose or a
      "Disusun oleh …" line, which names who compiled the report, not who reports): a line
      naming an agency as the one reporting ("Dinas …", "Badan …", "Sekretariat …", "Inspektorat",
      "Satuan Polisi …", "Kecamatan …", "RSUD …", "Bagian …"), −4, even under a letterhead
      "Pemerintah Kabupaten …"; else a line naming a region ("Pemerintah Daerah", "Kabupaten X",
      "LKjIP Kota X", "Pemerintah Provinsi …"), +2;
    * **the report's name** in the front matter ("Laporan Kinerja [Instansi Pemerintah] [(LKjIP)]
      [Tahun N] X", "LKjIP X", "LAKIP X"): X a region more often than an agency, +1; the reverse, −1;
    * **the foreword's signatory** (front matter): Bupati / Wali Kota / Gubernur / Kepala Daerah
      (perhaps Plt., Pj., Wakil), +2; Kepala / Sekretaris / Inspektur / Camat / Direktur …, −2;
    * **Bab I**: a part describing the region (gambaran umum daerah, kondisi geografis /
      demografis, kependudukan), +1; else a part on tugas dan fungsi or struktur organisasi, −1;
    * **Bab II**: a part naming the RPJMD, +1; a part naming the Renstra and none the RPJMD, −1;
    * **the agreement**: a heading or caption "Perjanjian Kinerja [Tahun N] Kepala Daerah /
      Bupati / Wali Kota / Gubernur / Pemerintah Daerah …" anywhere in the body, +1.

    The report is a Pemda's when the sum reaches :data:`PEMDA_SCORE` (3): a region on the cover
    needs one more sign (its name in the foreword, the Bupati's signature, the RPJMD in Bab II), and
    an agency on the cover outweighs all but every other sign. An agency report that names its
    Kabupaten ("Dinas Sosial Kabupaten Belitung") or its RPJMD ("selaras dengan RPJMD") in prose
    scores nothing for it: only titles, headings and signature lines are read. The front matter
    ends at the first element of the body (the Ikhtisar or Bab I) or, without one, after 80 blocks.
    """
    def compute() -> Entity:
        blocks = report.document.blocks
        chain = body(report) if _has_outline(report) else {}
        front_end = min((h.block for h in chain.values()), default=min(len(blocks), 80))
        signals: list[tuple[int, str]] = []

        cover: list[str] = []
        for block in blocks[:min(front_end, 15)]:
            if isinstance(block, RawTable):
                continue
            text = _plain(block.text)
            if (len(text) > SHORT or _FRONT_END.match(text) or _COMPILER.match(text)
                    or _chapter(text) is not None):
                break
            cover.extend(_plain(line) for line in block.text.split("\n") if line.strip())
        said = {_entity(line) for line in cover}
        if "agency" in said:
            signals.append((-4, "sampul menyebut perangkat daerah / cover names an agency"))
        elif "region" in said:
            signals.append((2, "sampul menyebut pemerintah daerah / cover names the region"))

        front = _lines(report, 0, front_end)
        named = [_entity(m.group("entity")) for line in front for m in _NAMED_REPORT.finditer(line)]
        regions, agencies = named.count("region"), named.count("agency")
        if regions != agencies:
            signals.append((1, "nama laporan: daerah / the report's name: the region")
                           if regions > agencies else
                           (-1, "nama laporan: perangkat daerah / the report's name: an agency"))

        heads = [line for line in front if len(line) <= 60]
        if any(_REGION_HEAD.match(line) for line in heads):
            signals.append((2, "penanda tangan: kepala daerah / signed by the head of region"))
        elif any(_AGENCY_HEAD.match(line) for line in heads):
            signals.append((-2, "penanda tangan: kepala perangkat daerah / signed by an agency head"))

        texts = _chapter_texts(report)
        bab1 = texts[1][1] if 1 in texts else []
        if any(_REGION_DESCRIPTION.search(t) for t in bab1):
            signals.append((1, "Bab I: gambaran umum daerah / chapter I describes the region"))
        elif any(p.search(t) for p in _ORGANISATION for t in bab1):
            signals.append((-1, "Bab I: tugas, fungsi, struktur / chapter I: an organisation"))
        bab2 = texts[2][1] if 2 in texts else []
        if any(_RPJMD.search(t) for t in bab2):
            signals.append((1, "Bab II: RPJMD / chapter II: the RPJMD"))
        elif any(_RENSTRA.search(t) for t in bab2):
            signals.append((-1, "Bab II: Renstra / chapter II: a Renstra"))
        if any(_HEAD_AGREEMENT.match(t) for _, chapter in texts.values() for t in chapter):
            signals.append((1, "Perjanjian Kinerja Kepala Daerah / the head of region's PK"))

        score = sum(weight for weight, _ in signals)
        return Entity(score >= PEMDA_SCORE, score,
                      tuple(f"{weight:+d} {what}" for weight, what in signals),
                      _region_name(cover) or _region_name(front))

    return report.memo("outline.entity", compute)


def is_pemda(report: Report) -> bool:
    """Whether the report is read as a Pemda's own LKjIP (:func:`reporting_entity`)."""
    return reporting_entity(report).pemda


# ------------------------------------------------------------------ the checks

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
    pemda = is_pemda(report)
    of_id = "Laporan Kinerja Pemda" if pemda else "Laporan Kinerja"
    of_en = "a Pemda's (regional government's) performance report" if pemda else \
        "the performance report"
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
            f"{of_id}.{note_id}",
            f"{element.name_en} was not found; PermenPAN-RB 53/2014 requires it in "
            f"{of_en}.{note_en}",
            expected=element.name_id, found="tidak ada",
        ))
    return found


def parts(report: Report) -> list[Finding]:
    """OUTLINE_PART_MISSING: a chapter that has no heading for one of its required parts
    (:data:`PARTS` for an agency, :data:`PEMDA_PARTS` for a Pemda's own LKjIP)."""
    if not _has_outline(report):
        return []
    pemda = is_pemda(report)
    required = PEMDA_PARTS if pemda else PARTS
    of_id = " bagi LKjIP Pemerintah Daerah (Pemda)" if pemda else ""
    of_en = " of a Pemda's (regional government's) LKjIP" if pemda else ""
    texts = _chapter_texts(report)
    found = []
    for element in ELEMENTS:
        if element.key not in texts:
            continue
        heading, lines = texts[element.key]
        for part in required:
            if part.chapter != element.key or any(part.pattern.search(t) for t in lines):
                continue
            found.append(Finding(
                "OUTLINE_PART_MISSING", Severity.WARNING,
                Location(section=element.name_id, line=heading.line),
                f"{element.name_id} tidak memuat bagian '{part.name_id}' yang diwajibkan "
                f"PermenPAN-RB 53/2014{of_id}: tidak ada judul bagian atau tabel/gambar yang "
                f"menyebutnya.",
                f"{element.name_en} has no part on {part.name_en} (PermenPAN-RB 53/2014"
                f"{of_en}): no heading or caption names it.",
                expected=part.name_id, found="tidak ada",
            ))
    return found


def annexed_agreement(report: Report) -> list[Finding]:
    """OUTLINE_PK_NOT_ATTACHED: annexes that do not include the Perjanjian Kinerja (of a Pemda's
    LKjIP: the Perjanjian Kinerja Kepala Daerah, named as any PK is)."""
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
    if is_pemda(report):
        return [Finding(
            "OUTLINE_PK_NOT_ATTACHED", Severity.WARNING,
            Location(section="Lampiran", line=annexes.line),
            "Lampiran tidak memuat Perjanjian Kinerja Kepala Daerah (Bupati/Wali Kota/Gubernur) "
            "tahun yang dilaporkan, padahal PermenPAN-RB 53/2014 mewajibkannya dilampirkan pada "
            "LKjIP Pemda.",
            "The annexes do not include the head of region's performance agreement (Perjanjian "
            "Kinerja Kepala Daerah: Bupati, Wali Kota or Gubernur) of the year, which "
            "PermenPAN-RB 53/2014 requires to be attached to a Pemda's LKjIP.",
            expected="Perjanjian Kinerja Kepala Daerah dilampirkan", found="tidak ada",
        )]
    return [Finding(
        "OUTLINE_PK_NOT_ATTACHED", Severity.WARNING,
        Location(section="Lampiran", line=annexes.line),
        "Lampiran tidak memuat Perjanjian Kinerja tahun yang dilaporkan, padahal "
        "PermenPAN-RB 53/2014 mewajibkannya dilampirkan.",
        "The annexes do not include the performance agreement (Perjanjian Kinerja) of the "
        "year, which PermenPAN-RB 53/2014 requires to be attached.",
        expected="Perjanjian Kinerja dilampirkan", found="tidak ada",
    )]
