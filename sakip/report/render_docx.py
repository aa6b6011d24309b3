"""The document model as an editable Word file.

Real heading styles (Heading 1–3) so Word's navigation and table of contents work; a TOC field
in Daftar Isi (filled with the headings and their estimated pages, refreshed by Word on opening);
real tables with header rows repeated on every page and rows kept whole; table and figure numbers
as SEQ fields, one sequence per chapter; A4 portrait with landscape sections for wide tables; page
numbers in the footer; charts embedded as pictures.

python-docx makes the package (styles, settings, footer, pictures' parts, saving); the body is
written as WordprocessingML text (:mod:`sakip.report.docx_xml`), one parse per block, each block
put before the document's last ``w:sectPr`` in constant time: every step is linear in the size of
the document (python-docx's ``add_*`` calls search the body or table they add to, which made a
3 000-indicator report take minutes).
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section as WordSection
from docx.shared import Cm, Emu, Length, Pt
from docx.text.parfmt import ParagraphFormat

from sakip.io.package import reproducible
from sakip.report import docx_parts as parts
from sakip.report import docx_xml as x
from sakip.report.docx_pages import Flow
from sakip.report.images import png_of, svg_to_png
from sakip.report.layout import (
    BODY_PT,
    fitted_percentages,
    header_and_body,
    keep_together,
    table_size,
)
from sakip.report.model import (
    Align,
    Block,
    Cell,
    Chapter,
    ChapterKind,
    Contents,
    Cover,
    Document,
    Figure,
    ListBlock,
    PageBreak,
    Paragraph,
    RowKind,
    Section,
    Signatory,
    SignatureBlock,
    Span,
    Style,
    Table,
)
from sakip.report.render_html import toc_entries

A4 = (Cm(21), Cm(29.7))
MARGINS = {"top": Cm(2.5), "bottom": Cm(2.3), "left": Cm(3), "right": Cm(2.2)}
LANDSCAPE_MARGINS = {"top": Cm(2), "bottom": Cm(2), "left": Cm(2.2), "right": Cm(2)}
EMU_PER_PT = 12700
LOGO_CM = Decimal(3)  # the cover's emblem: this high
HEADER_FILL = "D9D9D9"
ROW_FILL = "F0F0F0"
CELL_MARGIN = 85  # twips: the tables' left and right cell margins
_ALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "justify"}
_STYLE_ALIGN = {Style.BODY: Align.JUSTIFY, Style.LEAD: Align.LEFT, Style.NOTE: Align.LEFT,
                Style.CENTERED: Align.CENTER, Style.TITLE: Align.CENTER}


def text_width(landscape: bool) -> int:
    """The width (EMU) between the margins of a portrait or landscape page, as Word reads it
    (the file stores twips)."""
    width, height = A4
    margins = LANDSCAPE_MARGINS if landscape else MARGINS

    def stored(length: Length) -> int:
        return tw(length) * 635

    return stored(height if landscape else width) - stored(margins["left"]) - stored(margins["right"])


def tw(length: Length | int) -> int:
    return x.twips(int(length))


def render_docx(document: Document) -> bytes:
    writer = _Writer(document)
    writer.write()
    buffer = io.BytesIO()
    writer.word.save(buffer)
    return reproducible(buffer.getvalue())


class _Writer:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.word: WordDocument = docx.Document()
        self.landscape = False
        self.labels = document.labels
        self.pictures = 0  # drawing ids, counted here (python-docx's next_id reads the whole body)
        parts.styles(self.word, document.lang)
        self.style_ids = {style.name: style.style_id for style in self.word.styles}
        parts.update_fields_on_open(self.word)
        properties = self.word.core_properties
        properties.title = document.title
        properties.author = document.agency
        properties.subject = document.title
        properties.language = "id-ID" if document.lang == "id" else "en-GB"
        first = self.word.sections[0]
        self._page(first, landscape=False)
        first.different_first_page_header_footer = True  # no number on the cover
        footer = first.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        parts.field(footer, "PAGE", "1")
        body = self.word.element.body
        for child in list(body):  # the template's empty paragraph
            if child.tag != qn("w:sectPr"):
                body.remove(child)
        self.sentinel = body.get_or_add_sectPr()  # the last section's properties; blocks go before it
        self.flow = Flow()  # what is written, for the contents' page numbers
        self.toc: Any = None  # where the contents go once the pages are known

    # ----------------------------------------------------------------- the body

    def _add(self, xml: str) -> Any:
        element = x.element(xml)
        self.sentinel.addprevious(element)
        return element

    def _last(self) -> Any:
        return self.sentinel.getprevious()

    # ----------------------------------------------------------------- pages

    def _page(self, section: WordSection, landscape: bool) -> None:
        width, height = A4
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        for side, value in (LANDSCAPE_MARGINS if landscape else MARGINS).items():
            setattr(section, f"{side}_margin", value)

    def _orient(self, landscape: bool) -> bool:
        """Continue on a page of this orientation; True when that took a new page.

        As Word writes a section break: the section that ends is described by a copy of the last
        ``w:sectPr`` in an empty paragraph; the last one then describes the new section, without
        footer references (it shows the first section's footer) and without a first page of its
        own (its first page is numbered too)."""
        if landscape == self.landscape:
            return False
        ended = self.sentinel.clone()
        self._add("<w:p/>").set_sectPr(ended)
        for reference in self.sentinel.xpath("w:headerReference|w:footerReference"):
            self.sentinel.remove(reference)
        self.sentinel.titlePg_val = False
        self._page(WordSection(self.sentinel, self.word.part), landscape)
        self.landscape = landscape
        self.flow.turn(landscape)
        return True

    def _text_width(self) -> int:
        return text_width(self.landscape)

    # ----------------------------------------------------------------- structure

    def write(self) -> None:
        for index, chapter in enumerate(self.document.chapters):
            self._chapter(chapter, first=index == 0)
        if self.toc is not None:
            self._fill_contents()

    def _chapter(self, chapter: Chapter, first: bool) -> None:
        self._orient(False)
        if chapter.kind is not ChapterKind.COVER:
            label = x.run(chapter.label + "\n") if chapter.label else ""
            self._add(x.paragraph(label + x.run(chapter.title), style=self.style_ids["Heading 1"],
                                  page_break_before=not first))
            self.flow.heading(chapter.id)
            self.flow.paragraph(f"{chapter.label}\n{chapter.title}" if chapter.label else chapter.title,
                                14, 1.15, 0, 18, bold=True, keep=True, page_break=not first)
        for block in chapter.blocks:
            self._block(block)
        for section in chapter.sections:
            self._section(section, 2)

    def _section(self, section: Section, level: int) -> None:
        turned = self._orient(section.landscape)
        self._add(x.paragraph(x.run(section.heading), style=self.style_ids[f"Heading {min(level, 3)}"],
                              page_break_before=section.new_page and not turned))
        self.flow.heading(section.id)
        self.flow.paragraph(section.heading, (14, 12, 11)[min(level, 3) - 1], 1.15, 12, 6, bold=True,
                            keep=True, page_break=section.new_page and not turned)
        for block in section.blocks:
            self._block(block, section.landscape)
        for sub in section.subsections:
            self._section(sub, level + 1)

    def _block(self, block: Block, landscape: bool = False) -> None:
        if landscape:
            self._orient(True)
        elif isinstance(block, Table) and not block.borderless:
            self._orient(block.landscape)
        else:
            self._orient(False)
        if isinstance(block, Paragraph):
            self._paragraph(block)
        elif isinstance(block, ListBlock):
            self._list(block, 0)
        elif isinstance(block, Table):
            self._table(block)
        elif isinstance(block, Figure):
            self._figure(block)
        elif isinstance(block, SignatureBlock):
            self._signatures(block)
        elif isinstance(block, Cover):
            self._cover(block)
        elif isinstance(block, Contents):
            self._contents()
        elif isinstance(block, PageBreak):
            self._add('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            self.flow.page_break()

    # ----------------------------------------------------------------- text

    @staticmethod
    def _runs(spans: tuple[Span, ...], bold: bool = False) -> str:
        return "".join(x.run(span.text, bold=(span.bold or bold) or None, italic=span.italic)
                       for span in spans)

    def _paragraph(self, block: Paragraph) -> None:
        style = self.style_ids["Catatan"] if block.style is Style.NOTE else None
        self._add(x.paragraph(self._runs(block.spans, bold=block.style is Style.TITLE), style=style,
                              align=_ALIGN[block.align or _STYLE_ALIGN[block.style]],
                              keep_next=block.style in (Style.LEAD, Style.TITLE) or None))
        text = "".join(span.text for span in block.spans)
        if block.style is Style.NOTE:
            self.flow.paragraph(text, 8, 1.0, 0, 1)
        else:
            self.flow.paragraph(text, bold=block.style is Style.TITLE,
                                keep=block.style in (Style.LEAD, Style.TITLE))

    def _list(self, block: ListBlock, depth: int) -> None:
        indent = tw(Cm(0.75 * (depth + 1)))
        for index, item in enumerate(block.items, start=1):
            self._add(x.paragraph(x.run(f"{block.marker.label(index)}\t") + self._runs(item.spans),
                                  align="justify", after=tw(Pt(3)), indent=(indent, tw(Cm(0.75))),
                                  tab=indent))
            self.flow.paragraph("".join(span.text for span in item.spans), after=3,
                                indent=indent / 20)
            if item.sub is not None:
                self._list(item.sub, depth + 1)

    # ----------------------------------------------------------------- tables

    def _table(self, block: Table) -> None:
        if not block.borderless:
            self._keep_lead_in()
            self._caption(self.labels.get("table", "Tabel"), block.number, block.caption)
        header, body = header_and_body(block)
        rows = len(header) + len(body)
        total = self._text_width() if not block.borderless else int(self._text_width() * 0.9)
        room = Decimal(total) / EMU_PER_PT
        size = 11.0 if block.borderless else table_size(block, room)  # the longest words fit
        shares = fitted_percentages(block, room, size)
        widths = [int(Emu(int(total * float(p) / 100))) for p in shares]  # layout only
        together = keep_together(block)
        style = None if block.borderless else self.style_ids["Isi Tabel"]
        points = None if size in (BODY_PT, 11.0) else size
        lines = []
        measured = []  # for the page estimate
        aligns = [column.align for column in block.columns]
        for r, line in enumerate(header + body):
            is_header = r < len(header)
            kind = RowKind.BODY if is_header else block.rows[r - len(header)].kind
            keep = is_header or (together and r < rows - 1)
            cells = [self._cell(cell, c, aligns[c], is_header, kind, style, keep, points)
                     for cell, c in line]
            lines.append((cells, is_header))
            measured.append([(c, cell.colspan, cell.text, is_header or cell.bold) for cell, c in line])
        self._add(x.table(widths, lines, None if block.borderless else self.style_ids["Table Grid"],
                          CELL_MARGIN, fixed=True))
        self.flow.table([w / EMU_PER_PT for w in widths], measured, len(header), size, together)
        for note in block.notes:
            self._note(note)
        if not block.borderless:
            self._add(x.paragraph(after=tw(Pt(2))))
            self.flow.paragraph("", after=2)

    @staticmethod
    def _cell(cell: Cell, column: int, align: Align, header: bool, kind: RowKind, style: str | None,
              keep: bool, size: float | None) -> x.XCell:
        bold = cell.bold or header or kind is not RowKind.BODY
        jc = _ALIGN[cell.align or align]
        lines = cell.text.split("\n")
        # a header row, or any row of a short table, stays with the row below
        start = x.paragraph_open(style, jc, keep or None) + x.run_open(bold or None, size)
        content = [f"{start}{x.text_runs(text)}</w:r></w:p>" for text in lines]
        if cell.marker:
            mark = x.run_open(None, size, True) + x.text_runs(cell.marker) + "</w:r>"
            content[-1] = content[-1][:-len("</w:p>")] + mark + "</w:p>"
        fill = HEADER_FILL if header else None if kind is RowKind.BODY else ROW_FILL
        return x.XCell(column, cell.colspan, cell.rowspan, "".join(content), fill, header)

    # ----------------------------------------------------------------- other blocks

    def _picture(self, data: bytes, width: Length | None = None, height: Length | None = None) -> str:
        """A run holding the picture, as XML (the image becomes a part of the package)."""
        from docx.oxml.shape import CT_Inline
        from lxml import etree

        rId, image = self.word.part.get_or_add_image(io.BytesIO(data))
        cx, cy = image.scaled_dimensions(width, height)
        self.flow.block(int(cy) / EMU_PER_PT + 11 * 1.15 * 1.15 - 11 + 6, keep=True)  # its line
        self.pictures += 1
        inline = CT_Inline.new_pic_inline(self.pictures, rId, image.filename, cx, cy)
        return f"<w:r><w:drawing>{etree.tostring(inline, encoding='unicode')}</w:drawing></w:r>"

    def _figure(self, block: Figure) -> None:
        width = min(Cm(float(block.width_cm)), Emu(self._text_width()))  # layout only
        self._add(x.paragraph(self._picture(png_of(block), width=Emu(width)), align="center",
                              keep_next=True))
        self._caption(self.labels.get("figure", "Grafik"), block.number, block.caption,
                      keep_next=False)
        for note in block.notes:
            self._note(note)

    def _caption(self, word: str, number: str | None, text: str, keep_next: bool | None = None) -> None:
        """A caption in the Caption style: "Tabel 3.4" over the caption's text. The 4 is a SEQ
        field counting this chapter's tables (``SEQ Tabel_3``) whose cached result is the number
        :func:`finalize` gave, so the file reads right before any update and Word renumbers the
        chapter's tables when one is inserted or deleted and fields are updated."""
        prefix, _, counter = (number or "").rpartition(".")
        if prefix and counter.isdigit():
            label = (x.run(f"{word} {prefix}.")
                     + x.field_runs(f"SEQ {parts.sequence_name(word, prefix)} \\* ARABIC", counter))
        else:
            label = x.run(f"{word} {number}")
        self._add(x.paragraph(label + "<w:r><w:br/></w:r>" + x.run(text),
                              style=self.style_ids["Caption"], keep_next=keep_next))
        self.flow.paragraph(f"{word} {number}\n{text}", 10, 1.15, 6, 4, bold=True,
                            keep=keep_next is not False)

    def _note(self, text: str) -> None:
        self._add(x.paragraph(x.run(text), style=self.style_ids["Catatan"]))
        self.flow.paragraph(text, 8, 1.0, 0, 1)

    def _signatures(self, block: SignatureBlock) -> None:
        people: list[Signatory | None] = list(block.signatories)
        if len(people) == 1:
            people.insert(0, None)  # one signatory signs on the right
        self._keep_with_next_block()
        cells = []
        signed: list[list[tuple[str, bool]]] = []
        for index, person in enumerate(people):
            if person is None:
                cells.append(x.XCell(index, 1, 1, ""))
                continue
            lines: list[tuple[str, bool]] = []
            if block.place_date:
                lines.append((block.place_date if index == len(people) - 1 else "", False))
            lines += [(text, False) for text in (person.heading, person.title) if text]
            lines += [("", False), ("", False), ("", False), (person.name, True)]
            lines += [(text, False) for text in (person.rank, person.nip) if text]
            content = "".join(
                x.paragraph(x.run(text, bold=name or None, underline=name), align="center",
                            keep_next=True, after=0)
                for text, name in lines)
            cells.append(x.XCell(index, 1, 1, content))
            signed.append(lines)
        total = self._text_width()
        widths = [total // len(people)] * len(people)
        self._add(x.table(widths, [(cells, False)], None, None, fixed=False))
        self._add("<w:p/>")
        tallest = max((len(lines) for lines in signed), default=1)
        self.flow.block(tallest * 11 * 1.15 * 1.15 + 11 * 1.15 * 1.15 + 6)

    def _keep_lead_in(self) -> None:
        """The sentence that introduces a table ("… disajikan pada Tabel 3.3 berikut") stays on
        the page of the table's caption and first rows, never alone at the bottom of a page
        (unless a section break, a new orientation, stands between them)."""
        last = self._last()
        if (last is not None and last.tag == qn("w:p")
                and last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None
                and "".join(last.itertext()).strip()):
            ParagraphFormat(last).keep_with_next = True

    def _keep_with_next_block(self) -> None:
        """Keep what was written last with the block that follows (a signature block never
        starts a page alone): the last paragraph of text, or the last table with its notes,
        its last row kept with them. Stops at a section break."""
        element = self._last()
        while element is not None:
            if element.tag == qn("w:tbl"):
                rows = element.findall(qn("w:tr"))
                for paragraph in rows[-1].iter(qn("w:p")) if rows else ():
                    ParagraphFormat(paragraph).keep_with_next = True
                return
            if element.tag != qn("w:p") or element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
                return
            ParagraphFormat(element).keep_with_next = True
            if element.text.strip() and element.style != self.style_ids["Catatan"]:
                return
            element = element.getprevious()

    def _cover(self, block: Cover) -> None:
        if block.logo is not None:
            picture = (svg_to_png(block.logo.data.decode("utf-8"), LOGO_CM) if block.logo.kind == "svg"
                       else block.logo.data)
            self._add(x.paragraph(self._picture(picture, height=Cm(float(LOGO_CM))), align="center",
                                  before=tw(Cm(1.5))))
            self.flow.block(int(Cm(1.5)) / EMU_PER_PT)
        lines = [(block.title, 26, Cm(2) if block.logo is not None else Cm(5)),
                 (block.subtitle, 20, Pt(6)),
                 (block.agency, 15, Cm(5)), (block.region, 15, Pt(4))]
        if block.address:
            lines.append((block.address, 10, Cm(6)))
        for text, size, before in lines:
            if not text:
                continue
            self._add(x.paragraph(x.run(text, bold=size > 10, size_pt=size), align="center",
                                  before=tw(before)))
            self.flow.paragraph(text, size, 1.15, int(before) / EMU_PER_PT, 6, bold=size > 10)

    def _contents(self) -> None:
        """Daftar Isi: a TOC field whose cached result lists the headings with their page numbers
        (:meth:`Flow.pages`: estimated from what this file holds, its page size, margins, fonts
        and breaks); Word replaces them with its own when it updates the field on opening. The
        entries are written once the whole document is (:meth:`_fill_contents`); their lines are
        counted here."""
        entries = toc_entries(self.document)
        if not entries:
            return
        self.toc = self._add("<w:p/>")
        for entry in entries:
            level = min(entry.level, 3)
            self.flow.paragraph(f"{entry.text} 000", 11 if level < 3 else 10, 1.15, 0, 2,
                                bold=level == 1, indent=18 * (level - 1))

    def _fill_contents(self) -> None:
        entries = toc_entries(self.document)
        pages = self.flow.pages()
        last = len(entries) - 1
        for index, entry in enumerate(entries):
            page = pages.get(entry.id)
            text = entry.text if page is None else f"{entry.text}\t{page}"
            content = (x.field_begin('TOC \\o "1-3" \\h \\z \\u') if index == 0 else "") + x.run(text)
            if index == last:
                content += x.field_end()
            self.toc.addprevious(x.element(x.paragraph(
                content, style=self.style_ids[f"toc {min(entry.level, 3)}"])))
        self.toc.getparent().remove(self.toc)
