"""Working papers of a review (PermenPAN-RB 53/2014, Lampiran III), as an Inspektorat files them:

* the Kertas Kerja Reviu (XLSX and DOCX): a header (KKR number, subject, period, the team with
  dates and paraf), one row per finding with kondisi, kriteria, sebab, akibat, rekomendasi and
  location, and the langkah reviu (each family of checks is a step) as a checklist;
* the Catatan Hasil Reviu (DOCX): what the review found and what the agency must do;
* the Pernyataan Telah Direviu (DOCX), qualified only by the findings the team confirmed.

A finding is printed as an :class:`Item`: the automated finding with the team's decision on it
(pending until the reviewer confirms or dismisses it), the agency's answer and the follow-up.
The command line has no reviewer state: every automated finding is pending there. The web keeps
that state (sakip/web/workflow/review_state.py) and prints the same papers from it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip.io.idnum import MalformedNumber, parse_id_number, places_of
from sakip.review import criteria
from sakip.review.findings import Finding, Severity, counts

XLSX_NAME = "kertas-kerja-reviu.xlsx"
DOCX_NAME = "kertas-kerja-reviu.docx"
SUMMARY_NAME = "catatan-hasil-reviu.docx"
STATEMENT_NAME = "pernyataan-telah-direviu.docx"

COLUMNS = ("No", "Tingkat", "Kode", "Langkah reviu", "Kondisi", "Kriteria", "Sebab", "Akibat",
           "Rekomendasi", "Lokasi", "Seharusnya", "Tertulis", "Status", "Catatan reviewer",
           "Tanggapan OPD", "Tindak lanjut")
_WIDTHS = (5, 11, 20, 24, 50, 40, 28, 28, 36, 30, 14, 14, 16, 30, 30, 30)
_STEP_WIDTHS = (5, 60, 36, 12, 36, 10, 20, 10)
_FILL = {Severity.ERROR: "F8D7DA", Severity.WARNING: "FFF3CD", Severity.INFO: "E2E3E5"}
_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember")
MACHINE = "Sakip (pemeriksaan otomatis)"


class Decision(enum.Enum):
    """The team's decision on a finding."""

    PENDING = "pending"  # automated, not yet confirmed or dismissed
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"  # with a reason
    RESOLVED = "resolved"  # automated, no longer found by a later run

    @property
    def label_id(self) -> str:
        return {"pending": "belum dikonfirmasi", "confirmed": "dikonfirmasi",
                "dismissed": "ditolak", "resolved": "selesai (tidak ditemukan lagi)"}[self.value]


class FollowUp(enum.Enum):
    """Where the follow-up (tindak lanjut) of a recommendation stands."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"

    @property
    def label_id(self) -> str:
        return {"open": "belum ditindaklanjuti", "in_progress": "dalam proses",
                "closed": "selesai"}[self.value]


@dataclass(frozen=True)
class Subject:
    """What was reviewed."""

    source: str  # the file
    kind: str  # "laporan" (an LKjIP) or "rencana" (a plan file)
    agency: str | None = None
    region: str | None = None
    year: int | None = None
    reviewed_on: dt.date | None = None
    pemda: bool = False  # a Pemda's own LKjIP (the region reports, no agency)

    @property
    def title(self) -> str:
        year = f" Tahun {self.year}" if self.year else ""
        if self.pemda:
            return f"Laporan Kinerja Pemerintah {self.region or Path(self.source).name}{year}"
        who = self.agency or Path(self.source).name
        region = f" {self.region}" if self.region and self.region not in (self.agency or "") else ""
        return f"Laporan Kinerja {who}{region}{year}"


@dataclass(frozen=True)
class Team:
    """The review team (tim reviu) and who signs: from the web's state or the command line."""

    number: str = ""  # Nomor KKR
    members: tuple[str, ...] = ()  # anggota tim
    lead: str = ""  # ketua tim
    supervisor: str = ""  # pengendali teknis
    inspector: str = ""  # the Inspektur, who signs the statement
    inspector_nip: str = ""
    place: str = ""


@dataclass(frozen=True)
class Item:
    """One finding as the papers print it: the finding and what the team and agency did."""

    finding: Finding
    decision: Decision = Decision.PENDING
    reason: str = ""  # why it was dismissed
    decided_by: str = ""
    decided_on: dt.date | None = None
    own: bool = False  # a finding of the team, not of the checks
    author: str = ""
    kondisi: str = ""  # overrides of the table's text (the team's own findings)
    kriteria: str = ""
    rekomendasi: str = ""
    answer: str = ""  # tanggapan OPD
    follow_up: FollowUp | None = None
    follow_up_note: str = ""  # the latest step: who, when, what

    @property
    def code(self) -> str:
        return self.finding.code

    def condition(self) -> str:
        if self.kondisi:
            return self.kondisi
        f = self.finding
        shown = f" Seharusnya {f.expected}; tertulis {f.found}." if f.expected or f.found else ""
        return f"{f.message_id}{shown}"

    def criterion(self) -> str:
        return self.kriteria or criteria.criterion(self.code).kriteria.id

    def recommendation(self) -> str:
        return self.rekomendasi or criteria.criterion(self.code).rekomendasi.id

    def cause(self) -> str:
        return criteria.cause(self.code).id

    def effect(self) -> str:
        return criteria.effect(self.code).id

    @property
    def location(self) -> str:
        return self.finding.location.render()

    @property
    def status(self) -> str:
        return self.decision.label_id

    def note(self) -> str:
        """The reviewer's note: the decision, who made it, and a dismissal's reason."""
        parts = []
        if self.own:
            parts.append(f"temuan tim ({self.author})" if self.author else "temuan tim")
        if self.decided_by:
            day = f", {long_date(self.decided_on)}" if self.decided_on else ""
            parts.append(f"{self.decision.label_id} oleh {self.decided_by}{day}")
        if self.reason:
            parts.append(f"alasan: {self.reason}")
        return "; ".join(parts)

    def follow_up_text(self) -> str:
        if self.follow_up is None:
            return ""
        note = f": {self.follow_up_note}" if self.follow_up_note else ""
        return f"{self.follow_up.label_id}{note}"


@dataclass(frozen=True)
class StepResult:
    number: int
    step: criteria.Step
    by: str
    items: tuple[int, ...]  # numbers of the findings it produced
    result: str


@dataclass(frozen=True)
class Review:
    """Everything the papers print."""

    subject: Subject
    items: tuple[Item, ...]
    team: Team = field(default_factory=Team)

    @property
    def day(self) -> dt.date:
        return self.subject.reviewed_on or dt.date.today()

    def having(self, decision: Decision) -> list[Item]:
        return [item for item in self.items if item.decision is decision]

    def steps(self) -> list[StepResult]:
        """The langkah reviu: the steps the subject's checks make up, then any other step a
        finding belongs to, then the team's own review."""
        keys = list(criteria.steps_ran(self.subject.kind))
        numbered = list(enumerate(self.items, start=1))
        for _, item in numbered:
            key = criteria.criterion(item.code).step
            if key not in keys and key != "TEAM":
                keys.append(key)
        keys.append("TEAM")
        results = []
        for position, key in enumerate(keys, start=1):
            step = criteria.STEP_BY_KEY[key]
            mine = [(n, i) for n, i in numbered if criteria.criterion(i.code).step == key]
            deciders = sorted({i.decided_by or i.author for _, i in mine if i.decided_by or i.author})
            if step.automated:
                by = MACHINE + (f"; diuji oleh {', '.join(deciders)}" if deciders else "")
            else:
                by = ", ".join(deciders) or self.team.lead or ", ".join(self.team.members)
            results.append(StepResult(position, step, by, tuple(n for n, _ in mine),
                                      _step_result(i for _, i in mine)))
        return results


def _step_result(items: Any) -> str:
    found = list(items)
    if not found:
        return "Sesuai — tidak ada temuan"
    tally: dict[str, int] = {}
    for item in found:
        tally[item.decision.label_id] = tally.get(item.decision.label_id, 0) + 1
    detail = ", ".join(f"{n} {label}" for label, n in tally.items())
    return f"{len(found)} temuan ({detail})"


def as_review(subject: Subject, findings: Sequence[Finding | Item],
              team: Team | None = None) -> Review:
    items = tuple(f if isinstance(f, Item) else Item(f) for f in findings)
    return Review(subject, items, team or Team())


def long_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _date(subject: Subject) -> str:
    return long_date(subject.reviewed_on or dt.date.today())


def _number(text: str | None) -> Decimal | str:
    """A figure as a number (for the XLSX), or the text when it is not one."""
    if not text:
        return ""
    try:
        return parse_id_number(text)
    except (MalformedNumber, ArithmeticError):
        return text


def rows(review: Review) -> list[tuple[Any, ...]]:
    """One row per finding, in the order of :data:`COLUMNS`; figures as numbers."""
    return [
        (number, item.finding.severity.label_id, item.code,
         criteria.step_of(item.code).text.id, item.condition(), item.criterion(), item.cause(),
         item.effect(), item.recommendation(), item.location, _number(item.finding.expected),
         _number(item.finding.found), item.status, item.note(), item.answer,
         item.follow_up_text())
        for number, item in enumerate(review.items, start=1)
    ]


# ---------------------------------------------------------------- XLSX


def write_xlsx(path: Path, subject: Subject, findings: Sequence[Finding | Item],
               team: Team | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    review = as_review(subject, findings, team)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kertas Kerja Reviu"
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet.append(["KERTAS KERJA REVIU ATAS LAPORAN KINERJA"])
    sheet["A1"].font = Font(bold=True, size=13)
    for label, value in (("Nomor KKR", review.team.number or "…"), ("Subjek", subject.title),
                         ("Periode (tahun)", subject.year or ""), ("Berkas", subject.source),
                         ("Tanggal reviu", review.day)):
        sheet.append([label, None, None, value])
        if isinstance(value, dt.date):
            sheet.cell(sheet.max_row, 4).number_format = "DD/MM/YYYY"
    sheet.append([])
    sheet.append(["Tim reviu", None, None, "Nama", "Tanggal", "Paraf"])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    members = ", ".join(review.team.members)
    for role, name, day in (("Anggota tim", members, review.day),
                            ("Ketua tim", review.team.lead, None),
                            ("Pengendali teknis", review.team.supervisor, None)):
        sheet.append([role, None, None, name, day, ""])
        if day is not None:
            sheet.cell(sheet.max_row, 5).number_format = "DD/MM/YYYY"
    sheet.append([])
    tally = counts(item.finding for item in review.items)
    sheet.append(["Jumlah temuan", None, None, len(review.items)])
    for decision in Decision:
        sheet.append([f"  {decision.label_id}", None, None, len(review.having(decision))])
    for severity, label in ((Severity.ERROR, "kesalahan"), (Severity.WARNING, "peringatan"),
                            (Severity.INFO, "catatan")):
        sheet.append([f"  tingkat {label}", None, None, tally[severity.value]])
    for row in range(2, sheet.max_row + 1):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
    sheet.append([])
    sheet.append(list(COLUMNS))
    header = sheet.max_row
    for cell in sheet[header]:
        cell.font = bold
        cell.alignment = wrap
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
    for item, values in zip(review.items, rows(review), strict=True):
        sheet.append(list(values))
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
            if isinstance(cell.value, Decimal):
                cell.number_format = _format(cell.value)
        sheet.cell(sheet.max_row, 2).fill = PatternFill("solid", fgColor=_FILL[item.finding.severity])
        sheet.row_dimensions[sheet.max_row].height = _height(values, _WIDTHS)
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(header + 1, 1)
    sheet.auto_filter.ref = f"A{header}:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, header)}"
    _print_setup(sheet, header, subject)
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3  # sixteen columns: A3 landscape, as filed

    steps = book.create_sheet("Langkah Reviu")
    steps.append(["No", "Langkah reviu", "Dilaksanakan oleh", "Tanggal", "Hasil",
                  "Jumlah temuan", "Nomor temuan", "Paraf"])
    for cell in steps[1]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
    for step in review.steps():
        steps.append([step.number, step.step.text.id, step.by, review.day, step.result,
                      len(step.items), ", ".join(str(n) for n in step.items), ""])
        steps.cell(steps.max_row, 4).number_format = "DD/MM/YYYY"
        for cell in steps[steps.max_row]:
            cell.alignment = wrap
        steps.row_dimensions[steps.max_row].height = _height(
            [c.value for c in steps[steps.max_row]], _STEP_WIDTHS)
    for letter, width in zip("ABCDEFGH", _STEP_WIDTHS, strict=True):
        steps.column_dimensions[letter].width = width
    _print_setup(steps, 1, subject)

    summary = book.create_sheet("Ringkasan")
    summary.append(["Kode", "Tingkat", "Jumlah", "Dikonfirmasi", "Belum dikonfirmasi"])
    by_code: dict[tuple[str, str], list[int]] = {}
    for item in review.items:
        tally_row = by_code.setdefault((item.code, item.finding.severity.label_id), [0, 0, 0])
        tally_row[0] += 1
        tally_row[1] += item.decision is Decision.CONFIRMED
        tally_row[2] += item.decision is Decision.PENDING
    for (code, level), numbers in sorted(by_code.items()):
        summary.append([code, level, *numbers])
    for cell in summary[1]:
        cell.font = bold
    summary.column_dimensions["A"].width = 30
    _print_setup(summary, 1, subject)
    book.save(path)


def _height(values: Sequence[Any], widths: Sequence[float]) -> float:
    """A row's height in points for its wrapped text (spreadsheets do not grow rows on open)."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        text = "" if value is None else str(value)
        wrapped = sum(max(1, -(-len(part) // max(1, int(width * 1.1)))) for part in text.split("\n"))
        lines = max(lines, wrapped)
    return min(409.0, 15.0 * lines)


def _format(value: Decimal) -> str:
    decimals = places_of(value)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _print_setup(sheet: Any, header: int, subject: Subject) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header}:{header}"
    sheet.oddHeader.left.text = f"KKR — {subject.title}"
    sheet.oddFooter.center.text = "Halaman &P dari &N"


# ---------------------------------------------------------------- DOCX


def _document(landscape: bool) -> Any:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    else:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5 if landscape else 2.5))
    document.styles["Normal"].font.size = Pt(10)
    return document


def _page_numbers(document: Any, head: str) -> None:
    """A running head, and "Halaman N dari M" in the footer of every page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    section = document.sections[0]
    section.header.paragraphs[0].text = head
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Halaman ")
    _field(footer, "PAGE")
    footer.add_run(" dari ")
    _field(footer, "NUMPAGES")


def _field(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "1":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _table(document: Any, titles: Sequence[str], body: Sequence[Sequence[Any]],
           widths: Sequence[float] | None = None, size: float = 8) -> Any:
    """A grid table whose first row repeats on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    table = document.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    table.autofit = widths is None
    for cell, title in zip(table.rows[0].cells, titles, strict=True):
        cell.text = title
        for run in cell.paragraphs[0].runs:
            run.bold = True
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in body:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = _show(value)
    if widths is not None:  # the grid (LibreOffice reads it) and each cell (Word reads these)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            if widths is not None:
                cell.width = Cm(widths[index])
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
    return table


def _show(value: Any) -> str:
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, Decimal):
        from sakip.io.idnum import format_id

        return format_id(value)
    return "" if value is None else str(value)


def _heading(document: Any, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True


def write_docx(path: Path, subject: Subject, findings: Sequence[Finding | Item],
               team: Team | None = None) -> None:
    review = as_review(subject, findings, team)
    document = _document(landscape=True)
    number = review.team.number or "…"
    _page_numbers(document, f"Kertas Kerja Reviu No. {number} — {subject.title}")
    document.add_heading("Kertas Kerja Reviu atas Laporan Kinerja", level=1)
    tally = counts(item.finding for item in review.items)
    for label, value in (("Nomor KKR", number), ("Subjek", subject.title),
                         ("Periode", f"Tahun {subject.year}" if subject.year else "–"),
                         ("Berkas", subject.source), ("Tanggal reviu", long_date(review.day)),
                         ("Temuan", f"{len(review.items)} ({tally['error']} kesalahan, "
                                    f"{tally['warning']} peringatan, {tally['info']} catatan); "
                                    + _decisions(review))):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(str(value))
    _heading(document, "A. Temuan reviu")
    titles = ("No", "Tingkat / kode", "Lokasi", "Kondisi", "Kriteria", "Sebab", "Akibat",
              "Rekomendasi", "Status", "Catatan reviewer / tanggapan / tindak lanjut")
    body = []
    for row, item in zip(rows(review), review.items, strict=True):
        trail = "\n".join(p for p in (item.note(), f"Tanggapan OPD: {item.answer}" if item.answer
                                      else "", f"Tindak lanjut: {item.follow_up_text()}"
                                      if item.follow_up else "") if p)
        body.append((row[0], f"{row[1]}\n{row[2]}", item.location, item.condition(),
                     item.criterion(), item.cause(), item.effect(), item.recommendation(),
                     item.status, trail))
    _table(document, titles, body, (1.0, 2.9, 2.5, 4.4, 3.5, 2.4, 2.4, 3.3, 1.8, 2.5))
    _heading(document, "B. Langkah reviu")
    _table(document, ("No", "Langkah reviu", "Dilaksanakan oleh", "Tanggal", "Hasil",
                      "Nomor temuan", "Paraf"),
           [(s.number, s.step.text.id, s.by, review.day, s.result,
             ", ".join(str(n) for n in s.items) or "–", "") for s in review.steps()],
           (1.0, 8.3, 5.0, 2.6, 4.5, 3.0, 2.2), size=9)
    _heading(document, "C. Tim reviu")
    _signatures(document, review)
    document.save(str(path))


def _signatures(document: Any, review: Review) -> None:
    _table(document, ("Peran", "Nama", "Tanggal", "Paraf"),
           [("Disusun oleh (anggota tim)", ", ".join(review.team.members) or "", review.day, ""),
            ("Direviu oleh (ketua tim)", review.team.lead, "", ""),
            ("Disetujui oleh (pengendali teknis)", review.team.supervisor, "", "")],
           (6.0, 9.0, 4.0, 4.0), size=9)


def _decisions(review: Review) -> str:
    return ", ".join(f"{len(review.having(d))} {d.label_id}" for d in Decision)


# ---------------------------------------------------------------- Catatan Hasil Reviu


def write_summary(path: Path, subject: Subject, findings: Sequence[Finding | Item],
                  team: Team | None = None) -> None:
    """The Catatan Hasil Reviu: scope, counts, what must be corrected, what is still open."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    review = as_review(subject, findings, team)
    document = _document(landscape=False)
    _page_numbers(document, f"Catatan Hasil Reviu — {subject.title}")
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("CATATAN HASIL REVIU\n").bold = True
    title.add_run(f"atas {subject.title}")
    who = subject.agency or "[nama perangkat daerah]"
    document.add_paragraph(f"Nomor KKR: {review.team.number or '…'}. Kepada: Kepala {who}. "
                           f"Tanggal: {long_date(review.day)}.")
    pending = review.having(Decision.PENDING)
    if pending:
        draft = document.add_paragraph()
        draft.add_run(f"DRAF — {len(pending)} temuan pemeriksaan otomatis belum dikonfirmasi "
                      "tim reviu.").bold = True
    _heading(document, "1. Ruang lingkup")
    document.add_paragraph(
        "Reviu atas Laporan Kinerja sesuai PermenPAN-RB 53/2014, Lampiran III, dengan langkah:")
    for step in review.steps():
        document.add_paragraph(f"{step.step.text.id} — {step.result}.", style="List Number")
    _heading(document, "2. Ringkasan")
    follow = {f: sum(1 for i in review.items if i.follow_up is f) for f in FollowUp}
    _table(document, ("Keadaan", "Jumlah"),
           [*[(d.label_id.capitalize(), len(review.having(d))) for d in Decision],
            *[(f"Tindak lanjut {f.label_id}", n) for f, n in follow.items()]],
           (10.0, 3.0), size=9)
    _heading(document, "3. Hal yang perlu diperbaiki (temuan dikonfirmasi)")
    confirmed = review.having(Decision.CONFIRMED)
    numbers = {id(item): n for n, item in enumerate(review.items, start=1)}
    if not confirmed:
        document.add_paragraph("Tidak ada temuan yang dikonfirmasi.")
    for item in confirmed:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"Temuan {numbers[id(item)]} ({item.location or item.code}): ").bold = True
        paragraph.add_run(f"{item.condition()} Kriteria: {item.criterion()} "
                          f"Rekomendasi: {item.recommendation()}")
        if item.answer:
            paragraph.add_run(f" Tanggapan OPD: {item.answer}")
        paragraph.add_run(f" Tindak lanjut: {item.follow_up_text() or FollowUp.OPEN.label_id}.")
    if pending:
        _heading(document, "4. Temuan yang belum dikonfirmasi")
        for item in pending:
            document.add_paragraph(f"Temuan {numbers[id(item)]} ({item.code}, "
                                   f"{item.location or '–'}): {item.condition()}",
                                   style="List Bullet")
    dismissed = review.having(Decision.DISMISSED)
    if dismissed:
        _heading(document, "5. Temuan yang ditolak tim reviu")
        for item in dismissed:
            document.add_paragraph(f"Temuan {numbers[id(item)]} ({item.code}): {item.reason}",
                                   style="List Bullet")
    document.add_paragraph()
    _signatures(document, review)
    document.save(str(path))


# ---------------------------------------------------------------- Pernyataan Telah Direviu


def conclusion(review: Review) -> tuple[bool, str]:
    """(final?, the statement's conclusion): qualified only by confirmed findings; while any
    finding is pending a decision it is a draft and never an unqualified conclusion."""
    confirmed = len(review.having(Decision.CONFIRMED))
    pending = len(review.having(Decision.PENDING))
    if confirmed:
        text = (f"Berdasarkan reviu kami, terdapat {confirmed} hal yang menimbulkan perbedaan "
                "dalam meyakini keandalan informasi yang disajikan di dalam laporan kinerja ini, "
                "sebagaimana diuraikan dalam Catatan Hasil Reviu dan Kertas Kerja Reviu "
                "terlampir. Laporan kinerja perlu diperbaiki sebelum diterbitkan.")
    elif pending:
        text = ("Kesimpulan reviu belum dapat ditetapkan: masih terdapat temuan pemeriksaan "
                "otomatis yang menunggu konfirmasi tim reviu. Apabila temuan tersebut "
                "dikonfirmasi, laporan kinerja perlu diperbaiki sebelum diterbitkan.")
    else:
        text = ("Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan "
                "perbedaan dalam meyakini keandalan informasi yang disajikan di dalam laporan "
                "kinerja ini.")
    return pending == 0, text


def write_statement(path: Path, subject: Subject, findings: Sequence[Finding | Item],
                    team: Team | None = None) -> None:
    """The Pernyataan Telah Direviu, with the sign-off of the Inspektur."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    review = as_review(subject, findings, team)
    document = _document(landscape=False)
    final, text = conclusion(review)
    pending = len(review.having(Decision.PENDING))
    if not final:
        mark = document.add_paragraph()
        mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = mark.add_run(f"DRAF — MENUNGGU KONFIRMASI: {pending} temuan pemeriksaan otomatis "
                           "belum dikonfirmasi atau ditolak tim reviu. Pernyataan ini belum final.")
        run.bold = True
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("PERNYATAAN TELAH DIREVIU").bold = True
    subtitle = document.add_paragraph(subject.title)
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    who = subject.agency or "[nama perangkat daerah]"
    year = subject.year or "[tahun]"
    document.add_paragraph(
        f"Kami telah mereviu Laporan Kinerja {who} untuk tahun {year} sesuai Pedoman Reviu atas "
        "Laporan Kinerja. Substansi informasi yang dimuat dalam Laporan Kinerja menjadi tanggung "
        f"jawab manajemen {who}.")
    document.add_paragraph(
        "Reviu bertujuan untuk memberikan keyakinan terbatas laporan kinerja telah disajikan "
        "secara akurat, andal, dan valid.")
    document.add_paragraph(text)
    region = subject.region or "[kabupaten/kota]"
    place = review.team.place or "[Tempat]"
    for line in (f"{place}, {long_date(review.day)}", f"Inspektur {region}", "\n\n",
                 review.team.inspector or "[Nama]",
                 f"NIP. {review.team.inspector_nip or '[....................]'}"):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("Paraf tim reviu:")
    _table(document, ("Peran", "Nama", "Paraf"),
           [("Ketua tim", review.team.lead, ""), ("Pengendali teknis", review.team.supervisor, "")],
           (5.0, 8.0, 3.0), size=9)
    document.save(str(path))


WRITERS = ((XLSX_NAME, write_xlsx), (DOCX_NAME, write_docx), (SUMMARY_NAME, write_summary),
           (STATEMENT_NAME, write_statement))


def write_papers(directory: Path, subject: Subject, findings: Sequence[Finding | Item],
                 team: Team | None = None) -> list[Path]:
    """Write the four working papers into ``directory`` (created if needed)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, writer in WRITERS:
        target = directory / name
        writer(target, subject, findings, team)
        written.append(target)
    return written
