"""The document model as PDF, laid out by Typst (:mod:`sakip.report.render_typst`): A4 pages
numbered at the foot, the contents with page numbers, header rows repeated on every page,
landscape pages for wide tables, figures as vector graphics, a PDF outline (bookmarks) from the
headings, the title, author and language in the metadata, the fonts embedded."""

from __future__ import annotations

from sakip.report.model import Document


def render_pdf(document: Document) -> bytes:
    from sakip.report import render_typst  # imported here: the Typst compiler is a large library

    return render_typst.render_pdf(document)
