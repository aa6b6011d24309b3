"""Working papers of a review: the Kertas Kerja Reviu (XLSX and DOCX, one row per finding, with
columns for the reviewer's note and follow-up) and a draft Pernyataan Telah Direviu (DOCX) for
the Inspektur to sign (PermenPAN-RB 53/2014, Lampiran III)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sakip.review.findings import Finding, Severity, counts

XLSX_NAME = "kertas-kerja-reviu.xlsx"
DOCX_NAME = "kertas-kerja-reviu.docx"
STATEMENT_NAME = "pernyataan-telah-direviu.docx"

COLUMNS = ("No", "Tingkat", "Kode", "Lokasi", "Uraian temuan", "Seharusnya", "Tertulis",
           "Catatan reviewer", "Tindak lanjut")
_WIDTHS = (5, 12, 24, 40, 80, 22, 22, 40, 30)
_FILL = {Severity.ERROR: "F8D7DA", Severity.WARNING: "FFF3CD", Severity.INFO: "E2E3E5"}


@dataclass(frozen=True)
class Subject:
    """What was reviewed."""

    source: str  # the file
    kind: str  # "laporan" (an LKjIP) or "rencana" (a plan file)
    agency: str | None = None
    region: str | None = None
    year: int | None = None
    reviewed_on: dt.date | None = None

    @property
    def title(self) -> str:
        year = f" Tahun {self.year}" if self.year else ""
        who = self.agency or Path(self.source).name
        region = f" {self.region}" if self.region and self.region not in (self.agency or "") else ""
        return f"Laporan Kinerja {who}{region}{year}"


def rows(findings: Sequence[Finding]) -> list[tuple[str, ...]]:
    return [
        (str(number), finding.severity.label_id, finding.code, finding.location.render(),
         finding.message_id, finding.expected or "", finding.found or "", "", "")
        for number, finding in enumerate(findings, start=1)
    ]


def write_xlsx(path: Path, subject: Subject, findings: Sequence[Finding]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kertas Kerja Reviu"
    sheet.append(["KERTAS KERJA REVIU ATAS LAPORAN KINERJA"])
    sheet.append([subject.title])
    sheet.append([f"Berkas: {subject.source}"])
    sheet.append([f"Tanggal reviu: {_date(subject)}"])
    tally = counts(findings)
    sheet.append([f"Temuan: {tally['error']} kesalahan, {tally['warning']} peringatan, "
                  f"{tally['info']} catatan"])
    sheet.append([])
    sheet.append(list(COLUMNS))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
    for finding, values in zip(findings, rows(findings), strict=True):
        sheet.append(list(values))
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.cell(sheet.max_row, 2).fill = PatternFill("solid", fgColor=_FILL[finding.severity])
    sheet["A1"].font = Font(bold=True, size=13)
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(COLUMNS))}{sheet.max_row}"

    summary = book.create_sheet("Ringkasan")
    summary.append(["Kode", "Tingkat", "Jumlah"])
    by_code: dict[tuple[str, str], int] = {}
    for finding in findings:
        key = (finding.code, finding.severity.label_id)
        by_code[key] = by_code.get(key, 0) + 1
    for (code, severity), number in sorted(by_code.items()):
        summary.append([code, severity, number])
    for cell in summary[1]:
        cell.font = Font(bold=True)
    summary.column_dimensions["A"].width = 30
    book.save(path)


def _date(subject: Subject) -> str:
    day = subject.reviewed_on or dt.date.today()
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")
    return f"{day.day} {months[day.month - 1]} {day.year}"


def write_docx(path: Path, subject: Subject, findings: Sequence[Finding]) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.add_heading("Kertas Kerja Reviu atas Laporan Kinerja", level=1)
    document.add_paragraph(subject.title)
    tally = counts(findings)
    document.add_paragraph(
        f"Berkas: {subject.source}. Tanggal reviu: {_date(subject)}. Temuan: "
        f"{tally['error']} kesalahan, {tally['warning']} peringatan, {tally['info']} catatan.")
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.text = title
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows(findings):
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
    document.save(str(path))


def write_statement(path: Path, subject: Subject, findings: Sequence[Finding]) -> None:
    """A draft Pernyataan Telah Direviu. The conclusion depends on the errors still open."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("PERNYATAAN TELAH DIREVIU")
    run.bold = True
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
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = sum(1 for f in findings if f.severity is Severity.WARNING)
    if errors == 0:
        document.add_paragraph(
            "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan "
            "perbedaan dalam meyakini keandalan informasi yang disajikan di dalam laporan "
            "kinerja ini.")
    else:
        document.add_paragraph(
            f"Berdasarkan reviu kami, terdapat {errors} hal yang menimbulkan perbedaan dalam "
            "meyakini keandalan informasi yang disajikan di dalam laporan kinerja ini, "
            "sebagaimana diuraikan dalam Kertas Kerja Reviu terlampir. Laporan kinerja perlu "
            "diperbaiki sebelum diterbitkan.")
    if warnings:
        document.add_paragraph(
            f"Selain itu terdapat {warnings} hal yang perlu mendapat perhatian (lihat Kertas "
            "Kerja Reviu).")
    note = document.add_paragraph(
        "[Draf yang disusun Sakip dari hasil pemeriksaan otomatis: sesuaikan kesimpulan setelah "
        "catatan reviewer diisi dan perbaikan diterima.]")
    note.runs[0].italic = True
    region = subject.region or "[kabupaten/kota]"
    document.add_paragraph(f"[Tempat], {_date(subject)}")
    document.add_paragraph(f"Inspektur {region}")
    document.add_paragraph("\n\n\n")
    document.add_paragraph("[Nama]")
    document.add_paragraph("NIP. [....................]")
    document.save(str(path))


def write_papers(directory: Path, subject: Subject, findings: Sequence[Finding]) -> list[Path]:
    """Write the three working papers into ``directory`` (created if needed)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, writer in ((XLSX_NAME, write_xlsx), (DOCX_NAME, write_docx),
                         (STATEMENT_NAME, write_statement)):
        target = directory / name
        writer(target, subject, findings)
        written.append(target)
    return written
