"""A form as PDF: HTML laid out by WeasyPrint on landscape A4, as the report is
(:mod:`sakip.report.render_pdf`). The header rows repeat on every page (``thead``)."""

from __future__ import annotations

from html import escape

from sakip.forms.layout import Cell, Form, Table
from sakip.io.idnum import format_id

CSS = """
@page { size: A4 landscape; margin: 9mm 8mm 11mm 8mm;
        @bottom-right { content: "Halaman " counter(page) " dari " counter(pages);
                        font-size: 7pt; } }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 7pt; }
table.form { font-stretch: condensed; }
h1 { font-size: 11pt; text-align: center; margin: 0 0 2mm 0; }
p.code { font-size: 8pt; margin: 0; }
p.sub { margin: 0.5mm 0; font-size: 8pt; }
h2 { font-size: 8.5pt; margin: 3mm 0 1mm 0; }
table.form { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.form th, table.form td { border: 0.5pt solid #000; padding: 0.6mm 0.7mm;
                               vertical-align: top; overflow-wrap: break-word;
                               hyphens: manual; }
table.form th { background: #d9e1f2; text-align: center; vertical-align: middle;
                font-weight: bold; }
table.form tr.numbers th { background: #fff; font-weight: normal; font-style: italic; }
table.form td.n { text-align: right; white-space: nowrap; }
table.form tr.group td { background: #f2f2f2; font-weight: bold; }
table.form tr.program td { font-weight: bold; }
p.note { font-style: italic; font-size: 6.5pt; margin: 1mm 0; }
table.footer { border-collapse: collapse; margin-top: 3mm; width: 100%; }
table.footer td { padding: 0.5mm 1mm; vertical-align: top; font-size: 7.5pt; }
table.footer td.label { width: 30%; font-weight: bold; }
div.sign { margin-top: 5mm; margin-left: 68%; font-size: 8pt; page-break-inside: avoid; }
div.sign p { margin: 0.4mm 0; }
div.sign p.name { margin-top: 14mm; font-weight: bold; text-decoration: underline; }
"""


PAGE_WIDTH = 842 - 2 * 8 / 25.4 * 72  # pt: landscape A4 less its margins
EM_PER_CHARACTER = 0.56  # DejaVu Sans Condensed, digits and lower case, with the padding


def _size(table: Table) -> float:
    """The table's font size in pt: the largest (at most 7.5) at which its columns, each as
    many characters wide as the layout says, fill the landscape page's width."""
    return round(min(7.5, PAGE_WIDTH / (sum(table.widths) * EM_PER_CHARACTER)), 2)


def _cell(item: Cell) -> str:
    value = item.value
    if value is None:
        return "<td></td>"
    if isinstance(value, str):
        return f"<td>{escape(value).replace(chr(10), '<br>')}</td>"
    shown = format_id(value, 0 if item.kind == "money" else item.places)
    return f'<td class="n">{shown}</td>'


def _table(table: Table) -> str:
    total = sum(table.widths)
    cols = "".join(f'<col style="width:{w / total * 100:.2f}%">' for w in table.widths)
    head = []
    for r in range(table.head_rows):
        cells = sorted((h for h in table.head if h.row == r), key=lambda h: h.col)
        head.append("<tr>" + "".join(
            f'<th colspan="{h.cols}" rowspan="{h.rows}">{escape(h.text)}</th>' for h in cells)
            + "</tr>")
    if table.numbers:
        numbers = []
        for index, value in enumerate(table.numbers):
            if value == "":
                continue
            span = 2 if index + 1 < len(table.numbers) and table.numbers[index + 1] == "" else 1
            numbers.append(f'<th colspan="{span}">{escape(value)}</th>')
        head.append('<tr class="numbers">' + "".join(numbers) + "</tr>")
    body = "".join(f'<tr class="{row.level}">' + "".join(_cell(c) for c in row.cells) + "</tr>"
                   for row in table.rows)
    title = f"<h2>{escape(table.title)}</h2>" if table.title else ""
    return (f'{title}<table class="form" style="font-size:{_size(table)}pt">'
            f"<colgroup>{cols}</colgroup><thead>{''.join(head)}</thead>"
            f"<tbody>{body}</tbody></table>")


def html(form: Form) -> str:
    parts = [f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
             f"<title>{escape(form.code)} {escape(form.title)}</title>"
             f"<style>{CSS}</style></head><body>"]
    if form.code != "MONEV":
        parts.append(f'<p class="code">Tabel {escape(form.code)}</p>')
    parts.append(f"<h1>{escape(form.title.upper())}</h1>")
    parts += [f'<p class="sub">{escape(line)}</p>' for line in form.subtitle if line]
    parts += [_table(table) for table in form.tables]
    parts += [f'<p class="note">{escape(note)}</p>' for note in form.notes]
    if form.footer:
        rows = "".join(
            f'<tr><td class="label">{escape(label)}</td><td>'
            + "<br>".join(escape(line) for line in lines) + "</td></tr>"
            for label, lines in form.footer)
        parts.append(f'<table class="footer">{rows}</table>')
    if form.signature is not None:
        s = form.signature
        parts.append('<div class="sign">' + f"<p>{escape(s.place_date)}</p>"
                     f"<p>{escape(s.title)}</p>"
                     f'<p class="name">{escape(s.name or "(nama)")}</p>'
                     + (f"<p>{escape(s.rank)}</p>" if s.rank else "")
                     + (f"<p>NIP. {escape(s.nip)}</p>" if s.nip else "") + "</div>")
    parts.append("</body></html>")
    return "".join(parts)


def write(form: Form) -> bytes:
    import weasyprint  # imported here: it needs Pango from the system

    return bytes(weasyprint.HTML(string=html(form)).write_pdf())
