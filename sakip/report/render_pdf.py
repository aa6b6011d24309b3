"""The document model as PDF: the print HTML laid out by WeasyPrint (A4, page numbers,
landscape pages for wide tables, a table of contents with page numbers)."""

from __future__ import annotations

from sakip.report.model import Document
from sakip.report.render_html import render_html


def render_pdf(document: Document) -> bytes:
    import weasyprint  # imported here: it needs Pango from the system

    html = weasyprint.HTML(string=render_html(document, medium="print"))
    return bytes(html.write_pdf())
