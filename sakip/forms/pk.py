"""The Perjanjian Kinerja of every level as printable forms (PermenPAN-RB 53/2014, Lampiran I):
the head of agency's with the regent, each administrator's with the head, each supervisor's
with their administrator (:mod:`sakip.core.agreement_levels` derives who signs what).

Each PK prints as the regulation lays it out: the statement page (title, the parties with their
positions, the two promises, both signature blocks with place and date, name, rank and NIP) and
its lampiran (the table No | Sasaran | Indikator Kinerja | Target, the programmes or kegiatan
with their budget, the signature blocks again). PDF (WeasyPrint, portrait A4, every PK from a new
page) and XLSX (openpyxl, one sheet per PK). Figures are formatted by the report's formatter
(targets aligned with the indicator's other targets; whole rupiah); nothing is computed here.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from sakip.core.agreement_levels import HEAD, LevelAgreement, Tier, derive
from sakip.core.model import Official, Plan
from sakip.forms.layout import Cell, Head, Row, Table, money, text
from sakip.forms.xlsx import CENTER, WRAP
from sakip.forms.xlsx import _table as write_table
from sakip.io.idnum import format_id
from sakip.report.context import place_from
from sakip.report.format import Formatter
from sakip.report.model import BLANK
from sakip.report.text import Text

T = Text("id")


@dataclass(frozen=True)
class Party:
    """A signature block: who, in which position, with name, rank and NIP (or blanks)."""

    role: str  # "Pihak Pertama," / "Pihak Kedua,"
    position: str
    name: str  # the name, or BLANK: a line for the name to be written by hand
    rank: str | None
    nip: str | None


@dataclass(frozen=True)
class Page:
    """One PK laid out: its statement and its lampiran."""

    slug: str  # "kepala" or the unit's code
    tier: Tier
    title: str  # "PERJANJIAN KINERJA TAHUN 2020"
    heading: tuple[str, ...]  # the agency, the unit
    statement: str  # the opening sentence
    first: Party
    second: Party
    promises: tuple[str, str]
    place_date: str
    targets: Table
    funded: Table
    funded_title: str
    targets_title: str


def _party(role: str, position: str, official: Official | None) -> Party:
    name = official.name if official is not None and official.name else BLANK
    return Party(role, position, name,
                 official.rank if official is not None else None,
                 official.nip if official is not None else None)


def _place_date(plan: Plan, pk: LevelAgreement, f: Formatter) -> str:
    date = f.date(pk.signed) if pk.signed else f"{'.' * 20} {pk.year}"
    return f"{place_from(plan)}, {date}"


def _targets(pk: LevelAgreement, f: Formatter) -> Table:
    rows: list[Row] = []
    number = 0
    last: str | None = None
    for item in pk.items:
        first = item.owner != last
        if first:
            number += 1
            last = item.owner
        if item.value is not None:
            shown = f.target_number(item.indicator, item.value)
            if item.upper is not None:
                shown += f" – {f.target_number(item.indicator, item.upper)}"
        else:
            shown = item.text or "–"
        unit = item.indicator.unit
        if unit and item.value is not None:
            shown = f"{shown} {unit}" if unit != "%" else f"{shown}%"
        rows.append(Row((text(f"{number}." if first else ""), text(item.sasaran if first else ""),
                         text(item.indicator.name), text(shown))))
    if not rows:
        rows.append(Row((text(""), text("(belum ada sasaran dan indikator yang diperjanjikan)"),
                         text(""), text(""))))
    sasaran = {Tier.HEAD: "Sasaran Strategis", Tier.ADMINISTRATOR: "Sasaran Program",
               Tier.SUPERVISOR: "Sasaran Kegiatan"}[pk.tier]
    return Table((5, 32, 40, 18), (Head("No", 0, 0), Head(sasaran, 0, 1),
                                   Head("Indikator Kinerja", 0, 2), Head("Target", 0, 3)),
                 1, tuple(rows), ("(1)", "(2)", "(3)", "(4)"))


def _funded(pk: LevelAgreement) -> Table:
    what = "Kegiatan" if pk.funded_kind == "kegiatan" else "Program"
    rows = [Row((text(f"{n}."), text(f"{what} {item.name}" if not item.name.lower().startswith(
        what.lower()) else item.name), money(item.ceiling) if item.ceiling is not None
        else text("–")), "indicator") for n, item in enumerate(pk.funded, start=1)]
    if not rows:
        rows.append(Row((text(""), text(f"(belum ada {what.lower()} yang ditugaskan)"),
                         text(""))))
    rows.append(Row((text(""), text("Jumlah"),
                     money(pk.total) if pk.total is not None else text("–")), "total"))
    return Table((6, 70, 22), (Head("No", 0, 0), Head(what, 0, 1), Head("Anggaran (Rp)", 0, 2)),
                 1, tuple(rows))


def layout(plan: Plan, pk: LevelAgreement) -> Page:
    f = Formatter(plan.settings, T, pk.year)
    amended = pk.tier is Tier.HEAD and pk.amendment > 0
    title = T("annex.pk_title_amended" if amended else "annex.pk_title", year=pk.year)
    heading = [plan.agency.name.upper()]
    if pk.unit is not None:
        heading.insert(0, pk.unit.name.upper())
    first = _party(T("annex.first_party_sign"), pk.position, pk.first)
    second = _party(T("annex.second_party_sign"), pk.second_position, pk.second)
    what = "Kegiatan" if pk.funded_kind == "kegiatan" else "Program"
    return Page(pk.slug, pk.tier, title, tuple(heading), T("annex.pk_p1"), first, second,
                (T("annex.pk_p2"), T("annex.pk_p3")), _place_date(plan, pk, f),
                _targets(pk, f), _funded(pk), f"{what} dan Anggaran",
                f"Sasaran, Indikator Kinerja dan Target Tahun {pk.year}")


def build(plan: Plan, year: int, unit: str | None = None) -> tuple[Page, ...]:
    """The PK forms of ``year``: every level's (head first, each administrator followed by the
    supervisors under it), or only ``unit``'s (a unit's code, or "kepala" for the head's).
    Raises KeyError for a unit the plan does not have."""
    pks = derive(plan, year)
    chosen = pks.all if unit is None else (pks.get(unit),)
    if None in chosen:
        raise KeyError(unit)
    return tuple(layout(plan, pk) for pk in chosen if pk is not None)


def slugs(plan: Plan, year: int) -> tuple[str, ...]:
    return tuple(pk.slug for pk in derive(plan, year).all)


# --------------------------------------------------------------------------- PDF

CSS = """
@page { size: A4 portrait; margin: 18mm 18mm 16mm 20mm;
        @bottom-right { content: "Halaman " counter(page) " dari " counter(pages);
                        font-size: 7pt; } }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt;
       line-height: 1.35; }
section.pk { page-break-before: always; }
section.pk:first-child { page-break-before: auto; }
div.lampiran { page-break-before: always; }
h1 { font-size: 12pt; text-align: center; margin: 0 0 1mm 0; }
p.heading { text-align: center; font-weight: bold; margin: 0 0 1mm 0; font-size: 10.5pt; }
p.text { text-align: justify; margin: 4mm 0 2mm 0; }
table.parties { margin: 2mm 0 2mm 6mm; border-collapse: collapse; }
table.parties td { padding: 0.6mm 1.5mm; vertical-align: top; }
table.parties td.role { padding-top: 0.5mm; padding-bottom: 3mm; font-style: italic; }
h2 { font-size: 10pt; margin: 6mm 0 1.5mm 0; }
table.form { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.5pt; }
table.form th, table.form td { border: 0.5pt solid #000; padding: 1mm 1.2mm;
                               vertical-align: top; overflow-wrap: break-word; }
table.form th { background: #d9e1f2; text-align: center; vertical-align: middle; }
table.form tr.numbers th { background: #fff; font-weight: normal; font-style: italic;
                           font-size: 7.5pt; }
table.form td.n { text-align: right; white-space: nowrap; }
table.form td.c { text-align: center; }
table.form tr.total td { font-weight: bold; }
table.sign { width: 100%; margin-top: 8mm; border-collapse: collapse;
             page-break-inside: avoid; }
table.sign td { width: 50%; text-align: center; vertical-align: top; padding: 0.3mm 3mm; }
table.sign tr.position td { vertical-align: top; padding-bottom: 22mm; }
table.sign tr.name td { vertical-align: bottom; }
"""


def _cell(item: Cell) -> str:
    value = item.value
    if value is None:
        return "<td></td>"
    if isinstance(value, Decimal):
        return f'<td class="n">{format_id(value, 0 if item.kind == "money" else item.places)}</td>'
    if value == "–":
        return '<td class="c">–</td>'
    return f"<td>{escape(value)}</td>"


def _body(table: Table, spans: bool) -> str:
    """The body rows; with ``spans``, a row whose No and Sasaran are empty continues the row
    above (another indicator of the same sasaran): those two cells span its rows."""
    rows = list(table.rows)
    html_rows = []
    for index, row in enumerate(rows):
        cells = list(row.cells)
        continued = spans and index > 0 and cells[0].value == "" and cells[1].value == ""
        if continued:
            shown = "".join(_cell(c) for c in cells[2:])
        elif spans:
            span = 1
            while (index + span < len(rows) and rows[index + span].cells[0].value == ""
                   and rows[index + span].cells[1].value == ""):
                span += 1
            attr = f' rowspan="{span}"' if span > 1 else ""
            shown = "".join(_cell(c).replace("<td", f"<td{attr}", 1) for c in cells[:2]) \
                + "".join(_cell(c) for c in cells[2:])
        else:
            shown = "".join(_cell(c) for c in cells)
        html_rows.append(f'<tr class="{row.level}">{shown}</tr>')
    return "".join(html_rows)


def _table(table: Table, spans: bool = False) -> str:
    total = sum(table.widths)
    cols = "".join(f'<col style="width:{w / total * 100:.2f}%">' for w in table.widths)
    head = "<tr>" + "".join(f"<th>{escape(h.text)}</th>" for h in table.head) + "</tr>"
    if table.numbers:
        head += '<tr class="numbers">' + "".join(
            f"<th>{escape(n)}</th>" for n in table.numbers) + "</tr>"
    return (f'<table class="form"><colgroup>{cols}</colgroup><thead>{head}</thead>'
            f"<tbody>{_body(table, spans)}</tbody></table>")


def _signatures(page: Page) -> str:
    """Both blocks side by side, the second party's on the left; rows shared so that the names
    stand on one line however the positions wrap."""
    left, right = page.second, page.first

    def row(a: str, b: str, css: str = "") -> str:
        cls = f' class="{css}"' if css else ""
        return f"<tr{cls}><td>{a}</td><td>{b}</td></tr>"

    def nip(party: Party) -> str:
        return "NIP. " + escape(party.nip) if party.nip else "&nbsp;"

    return ('<table class="sign">'
            + row("&nbsp;", escape(page.place_date))
            + row(escape(left.role), escape(right.role))
            + row(escape(left.position), escape(right.position), "position")
            + row(f"<b><u>{escape(left.name)}</u></b>", f"<b><u>{escape(right.name)}</u></b>",
                  "name")
            + row(escape(left.rank or "") or "&nbsp;", escape(right.rank or "") or "&nbsp;")
            + row(nip(left), nip(right)) + "</table>")


def _heading(page: Page) -> str:
    return f"<h1>{escape(page.title)}</h1>" + "".join(
        f'<p class="heading">{escape(line)}</p>' for line in page.heading)


def _page(page: Page) -> str:
    parties = (
        f"<tr><td>Nama</td><td>:</td><td>{escape(page.first.name)}</td></tr>"
        f"<tr><td>Jabatan</td><td>:</td><td>{escape(page.first.position)}</td></tr>"
        f'<tr><td class="role" colspan="3">{escape(T("annex.first_party"))}</td></tr>'
        f"<tr><td>Nama</td><td>:</td><td>{escape(page.second.name)}</td></tr>"
        f"<tr><td>Jabatan</td><td>:</td><td>{escape(page.second.position)}</td></tr>"
        f'<tr><td class="role" colspan="3">{escape(T("annex.second_party"))}</td></tr>')
    statement = (_heading(page) + f'<p class="text">{escape(page.statement)}</p>'
                 f'<table class="parties">{parties}</table>'
                 + "".join(f'<p class="text">{escape(p)}</p>' for p in page.promises)
                 + _signatures(page))
    lampiran = ('<div class="lampiran">' + _heading(page)
                + f"<h2>{escape(page.targets_title)}</h2>" + _table(page.targets, spans=True)
                + f"<h2>{escape(page.funded_title)}</h2>" + _table(page.funded)
                + _signatures(page) + "</div>")
    return f'<section class="pk" id="pk-{escape(page.slug)}">{statement}{lampiran}</section>'


def html(pages: tuple[Page, ...]) -> str:
    title = pages[0].title if pages else "PERJANJIAN KINERJA"
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>'
            f"{escape(title)}</title><style>{CSS}</style></head><body>"
            + "".join(_page(page) for page in pages) + "</body></html>")


def pdf(pages: tuple[Page, ...]) -> bytes:
    import weasyprint  # imported here: it needs Pango from the system

    return bytes(weasyprint.HTML(string=html(pages)).write_pdf())


# --------------------------------------------------------------------------- XLSX


_SHEET_UNSAFE = re.compile(r"[\][:*?/\\]")


def _sheet_name(page: Page, used: set[str]) -> str:
    base = "PK Kepala" if page.slug == HEAD else "PK " + _SHEET_UNSAFE.sub("-", page.slug)
    name, n = base[:31], 1
    while name in used:
        n += 1
        name = f"{base[:28]}-{n}"
    used.add(name)
    return name


class _Sheet:
    """One PK on one worksheet, written top to bottom (``row`` is the next free row)."""

    def __init__(self, sheet: Worksheet, page: Page) -> None:
        self.sheet, self.page, self.row = sheet, page, 1
        for index, chars in enumerate(page.targets.widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = chars + 2

    def line(self, value: str, bold: bool = False, centered: bool = False,
             height: int = 0) -> None:
        cell = self.sheet.cell(self.row, 1, value)
        self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row, end_column=4)
        cell.font = Font(bold=bold, size=12 if bold and centered else 10)
        cell.alignment = CENTER if centered else WRAP
        if height:
            self.sheet.row_dimensions[self.row].height = height
        self.row += 1

    def heading(self) -> None:
        self.line(self.page.title, bold=True, centered=True)
        for text_line in self.page.heading:
            self.line(text_line, bold=True, centered=True)
        self.row += 1

    def party(self, party: Party, role: str) -> None:
        for label, value in (("Nama", party.name), ("Jabatan", party.position)):
            self.sheet.cell(self.row, 1, label)
            self.sheet.cell(self.row, 2, f": {value}")
            self.row += 1
        self.line(role)

    def signatures(self) -> None:
        page = self.page
        self.row += 1
        columns = []
        for party, top in ((page.second, ""), (page.first, page.place_date)):
            columns.append([top, party.role, party.position, "", "", "", party.name,
                            party.rank or "", f"NIP. {party.nip}" if party.nip else ""])
        for index, (left, right) in enumerate(zip(*columns, strict=True)):
            bold = index == 6
            for col, value in ((2, left), (3, right)):
                cell = self.sheet.cell(self.row, col, value or None)
                cell.alignment = CENTER
                cell.font = Font(bold=bold, underline="single" if bold else None)
            self.row += 1
        self.row += 1

    def write(self) -> None:
        page, sheet = self.page, self.sheet
        self.heading()
        self.line(page.statement, height=30)
        self.party(page.first, T("annex.first_party"))
        self.party(page.second, T("annex.second_party"))
        for promise in page.promises:
            self.line(promise, height=45)
        self.signatures()
        sheet.row_breaks.append(Break(id=self.row - 1))
        self.heading()
        sheet.cell(self.row, 1, page.targets_title).font = Font(bold=True)
        self.row = write_table(sheet, page.targets, self.row + 1) + 1
        sheet.cell(self.row, 1, page.funded_title).font = Font(bold=True)
        self.row += 1
        funded = Table(page.targets.widths, (
            Head("No", 0, 0), Head(page.funded.head[1].text, 0, 1, cols=2),
            Head("Anggaran (Rp)", 0, 3)), 1,
            tuple(Row((r.cells[0], r.cells[1], text(None), r.cells[2]), r.level)
                  for r in page.funded.rows))
        top = self.row
        self.row = write_table(sheet, funded, self.row)
        for r in range(top + 1, self.row):
            sheet.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)
        self.signatures()
        sheet.page_setup.orientation = "portrait"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


def xlsx(pages: tuple[Page, ...]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    first_sheet = book.active
    assert first_sheet is not None
    book.remove(first_sheet)
    used: set[str] = set()
    for page in pages:
        _Sheet(book.create_sheet(_sheet_name(page, used)), page).write()
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def render(pages: tuple[Page, ...], fmt: str) -> bytes:
    """``fmt`` is ".pdf" or ".xlsx"."""
    if fmt == ".pdf":
        return pdf(pages)
    if fmt == ".xlsx":
        return xlsx(pages)
    raise ValueError(f"unknown format {fmt!r}")
