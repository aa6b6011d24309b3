"""The document model as one standalone HTML file: CSS inline, images as data: URIs.

The same HTML, with ``medium="print"``, is what :mod:`render_pdf` gives WeasyPrint. The template
(``templates/report.html.j2``) only lays out what the document holds.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

from sakip.report.images import data_uri
from sakip.report.layout import header_and_body, is_number, keep_together, percentages
from sakip.report.model import Cell, ChapterKind, Document, Logo, Section, tables_of


@dataclass(frozen=True)
class TocEntry:
    id: str
    text: str
    level: int


@dataclass(frozen=True)
class Grid:
    header: list[list[tuple[Cell, int]]]
    body: list[list[tuple[Cell, int]]]
    widths: list[Decimal]
    keep: bool  # short: kept on one page


def _logo_uri(logo: Logo) -> str:
    return f"data:{logo.mime};base64," + base64.b64encode(logo.data).decode("ascii")


def _lines(text: str) -> Markup:
    return Markup("<br>").join(escape(line) for line in text.split("\n"))


def _environment() -> jinja2.Environment:
    folder = resources.files("sakip.report") / "templates"
    environment = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: (folder / name).read_text(encoding="utf-8")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=False)
    environment.filters.update(lines=_lines, data_uri=data_uri, kind=lambda b: type(b).__name__,
                               number=is_number, logo_uri=_logo_uri)
    return environment


def toc_entries(document: Document) -> list[TocEntry]:
    entries: list[TocEntry] = []

    def walk(section: Section, level: int) -> None:
        entries.append(TocEntry(section.id, section.heading, level))
        for sub in section.subsections:
            walk(sub, level + 1)

    for chapter in document.chapters:
        if chapter.kind is ChapterKind.COVER:
            continue
        entries.append(TocEntry(chapter.id, chapter.heading, 1))
        for section in chapter.sections:
            walk(section, 2)
    return entries


def render_html(document: Document, medium: str = "screen") -> str:
    """The whole report as HTML; ``medium`` is "screen" (one long page) or "print" (pages)."""
    layouts: dict[str, Any] = {}
    for t in tables_of(document):
        header, body = header_and_body(t)
        layouts[t.id] = Grid(header, body, percentages(t), keep_together(t))
    css = (resources.files("sakip.report") / "templates" / "report.css").read_text(encoding="utf-8")
    template = _environment().get_template("report.html.j2")
    return template.render(document=document, labels=_labels(document), layouts=layouts,
                           toc=toc_entries(document), css=Markup(css), medium=medium)


def _labels(document: Document) -> dict[str, str]:
    return {"table": document.labels.get("table", "Tabel"),
            "figure": document.labels.get("figure", "Grafik")}
