"""The document model as an editable Word file (python-docx).

Real heading styles (Heading 1–3) so Word's navigation and table of contents work; a TOC field
in Daftar Isi (filled with the headings, refreshed by Word on opening); real tables with header
rows repeated on every page and rows kept whole; table and figure numbers as SEQ fields, one
sequence per chapter; A4 portrait with landscape sections for wide tables; page numbers in the
footer; charts embedded as pictures.
"""

from __future__ import annotations

import io
from decimal import Decimal

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.section import Section as WordSection
from docx.shared import Cm, Emu, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.parfmt import ParagraphFormat

from sakip.io.package import reproducible
from sakip.report import docx_parts as parts
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
from sakip.report.render_typst import heading_pages

A4 = (Cm(21), Cm(29.7))
MARGINS = {"top": Cm(2.5), "bottom": Cm(2.3), "left": Cm(3), "right": Cm(2.2)}
LANDSCAPE_MARGINS = {"top": Cm(2), "bottom": Cm(2), "left": Cm(2.2), "right": Cm(2)}
EMU_PER_PT = 12700
LOGO_CM = Decimal(3)  # the cover's emblem: this high
HEADER_FILL = "D9D9D9"
ROW_FILL = "F0F0F0"
_ALIGN = {Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT, Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
          Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT, Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY}
_STYLE_ALIGN = {Style.BODY: Align.JUSTIFY, Style.LEAD: Align.LEFT, Style.NOTE: Align.LEFT,
                Style.CENTERED: Align.CENTER, Style.TITLE: Align.CENTER}


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

    # ----------------------------------------------------------------- pages

    def _page(self, section: WordSection, landscape: bool) -> None:
        width, height = A4
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (height, width) if landscape else (width, height)
        for side, value in (LANDSCAPE_MARGINS if landscape else MARGINS).items():
            setattr(section, f"{side}_margin", value)

    def _orient(self, landscape: bool) -> bool:
        """Continue on a page of this orientation; True when that took a new page."""
        if landscape == self.landscape:
            return False
        self._page(self.word.add_section(WD_SECTION.NEW_PAGE), landscape)
        self.landscape = landscape
        return True

    def _text_width(self) -> int:
        section = self.word.sections[-1]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        assert width is not None and left is not None and right is not None  # set by _page
        return int(width - left - right)

    # ----------------------------------------------------------------- structure

    def write(self) -> None:
        for index, chapter in enumerate(self.document.chapters):
            self._chapter(chapter, first=index == 0)

    def _chapter(self, chapter: Chapter, first: bool) -> None:
        self._orient(False)
        if chapter.kind is not ChapterKind.COVER:
            heading = self.word.add_heading(level=1)
            if chapter.label:
                heading.add_run(chapter.label).add_break(WD_BREAK.LINE)
            heading.add_run(chapter.title)
            heading.paragraph_format.page_break_before = not first
        for block in chapter.blocks:
            self._block(block)
        for section in chapter.sections:
            self._section(section, 2)

    def _section(self, section: Section, level: int) -> None:
        turned = self._orient(section.landscape)
        heading = self.word.add_heading(section.heading, level=min(level, 3))
        heading.paragraph_format.page_break_before = section.new_page and not turned
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
            self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # ----------------------------------------------------------------- text

    def _runs(self, paragraph: WordParagraph, spans: tuple[Span, ...]) -> None:
        for span in spans:
            run = paragraph.add_run(span.text)
            run.bold = span.bold or None
            run.italic = span.italic or None

    def _paragraph(self, block: Paragraph) -> None:
        style = "Catatan" if block.style is Style.NOTE else None
        paragraph = self.word.add_paragraph(style=style)
        self._runs(paragraph, block.spans)
        paragraph.alignment = _ALIGN[block.align or _STYLE_ALIGN[block.style]]
        if block.style in (Style.LEAD, Style.TITLE):
            paragraph.paragraph_format.keep_with_next = True
        if block.style is Style.TITLE:
            for run in paragraph.runs:
                run.bold = True

    def _list(self, block: ListBlock, depth: int) -> None:
        indent = Cm(0.75 * (depth + 1))
        for index, item in enumerate(block.items, start=1):
            paragraph = self.word.add_paragraph()
            form = paragraph.paragraph_format
            form.left_indent = indent
            form.first_line_indent = -Cm(0.75)
            form.tab_stops.add_tab_stop(indent)
            form.space_after = Pt(3)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.add_run(f"{block.marker.label(index)}\t")
            self._runs(paragraph, item.spans)
            if item.sub is not None:
                self._list(item.sub, depth + 1)

    # ----------------------------------------------------------------- tables

    def _table(self, block: Table) -> None:
        if not block.borderless:
            self._keep_lead_in()
            self._caption(self.labels.get("table", "Tabel"), block.number, block.caption)
        header, body = header_and_body(block)
        rows = len(header) + len(body)
        word_table = self.word.add_table(rows=rows, cols=len(block.columns))
        word_table.alignment = WD_TABLE_ALIGNMENT.CENTER
        word_table.autofit = False
        if not block.borderless:
            word_table.style = self.word.styles["Table Grid"]
        total = self._text_width() if not block.borderless else int(self._text_width() * 0.9)
        room = Decimal(total) / EMU_PER_PT
        size = 11.0 if block.borderless else table_size(block, room)  # the longest words fit
        shares = fitted_percentages(block, room, size)
        widths = [Emu(int(total * float(p) / 100)) for p in shares]  # layout only
        for column, width in zip(word_table.columns, widths, strict=True):
            column.width = width
        parts.cell_margins(word_table._tbl)
        grid = [list(row.cells) for row in word_table.rows]
        together = keep_together(block)
        for r, line in enumerate(header + body):
            is_header = r < len(header)
            kind = RowKind.BODY if is_header else block.rows[r - len(header)].kind
            row = word_table.rows[r]
            if is_header:
                parts.repeat_header(row)
            parts.keep_row_together(row)
            keep = is_header or (together and r < rows - 1)
            for cell, c in line:
                target = grid[r][c]
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(grid[r + cell.rowspan - 1][c + cell.colspan - 1])
                self._cell(target, cell, block.columns[c].align, is_header, kind, block.borderless,
                           keep, None if size in (BODY_PT, 11.0) else Pt(size))
        parts.cell_widths(word_table._tbl, widths)
        for note in block.notes:
            self._note(note)
        if not block.borderless:
            self.word.add_paragraph().paragraph_format.space_after = Pt(2)

    def _cell(self, target: _Cell, cell: Cell, align: Align, header: bool, kind: RowKind,
              borderless: bool, keep: bool, size: Pt | None = None) -> None:
        lines = cell.text.split("\n")
        first = target.paragraphs[0]
        paragraphs = [first] + [target.add_paragraph() for _ in lines[1:]]
        for paragraph, text in zip(paragraphs, lines, strict=True):
            if not borderless:
                paragraph._p.style = self.style_ids["Isi Tabel"]  # by id: python-docx's look-up is slow
            paragraph.alignment = _ALIGN[cell.align or align]
            if keep:  # a header row, or any row of a short table, stays with the row below
                paragraph.paragraph_format.keep_with_next = True
            run = paragraph.add_run(text)
            if size is not None:  # a table set smaller than "Isi Tabel" so its words fit
                run.font.size = size
            if cell.bold or header or kind is not RowKind.BODY:
                run.bold = True
        if cell.marker:
            mark = paragraphs[-1].add_run(cell.marker)
            mark.font.superscript = True
            if size is not None:
                mark.font.size = size
        if header:
            parts.shade(target, HEADER_FILL)
            parts.middle(target)
        elif kind is not RowKind.BODY:
            parts.shade(target, ROW_FILL)

    # ----------------------------------------------------------------- other blocks

    def _figure(self, block: Figure) -> None:
        paragraph = self.word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        width = min(Cm(float(block.width_cm)), Emu(self._text_width()))  # layout only
        paragraph.add_run().add_picture(io.BytesIO(png_of(block)), width=width)
        caption = self._caption(self.labels.get("figure", "Grafik"), block.number, block.caption)
        caption.paragraph_format.keep_with_next = False
        for note in block.notes:
            self._note(note)

    def _caption(self, word: str, number: str | None, text: str) -> WordParagraph:
        """A caption in the Caption style: "Tabel 3.4" over the caption's text. The 4 is a SEQ
        field counting this chapter's tables (``SEQ Tabel_3``) whose cached result is the number
        :func:`finalize` gave, so the file reads right before any update and Word renumbers the
        chapter's tables when one is inserted or deleted and fields are updated."""
        caption = self.word.add_paragraph(style="Caption")
        prefix, _, counter = (number or "").rpartition(".")
        if prefix and counter.isdigit():
            caption.add_run(f"{word} {prefix}.")
            parts.field(caption, f"SEQ {parts.sequence_name(word, prefix)} \\* ARABIC", counter)
        else:
            caption.add_run(f"{word} {number}")
        caption.add_run().add_break()
        caption.add_run(text)
        return caption

    def _note(self, text: str) -> None:
        paragraph = self.word.add_paragraph(text)
        paragraph._p.style = self.style_ids["Catatan"]

    def _signatures(self, block: SignatureBlock) -> None:
        people: list[Signatory | None] = list(block.signatories)
        if len(people) == 1:
            people.insert(0, None)  # one signatory signs on the right
        self._keep_with_next_block()
        grid = self.word.add_table(rows=1, cols=len(people))
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        parts.keep_row_together(grid.rows[0])
        for index, person in enumerate(people):
            target = grid.rows[0].cells[index]
            if person is None:
                continue
            lines: list[tuple[str, bool]] = []
            if block.place_date:
                lines.append((block.place_date if index == len(people) - 1 else "", False))
            lines += [(text, False) for text in (person.heading, person.title) if text]
            lines += [("", False), ("", False), ("", False), (person.name, True)]
            lines += [(text, False) for text in (person.rank, person.nip) if text]
            first = target.paragraphs[0]
            paragraphs = [first] + [target.add_paragraph() for _ in lines[1:]]
            for paragraph, (text, name) in zip(paragraphs, lines, strict=True):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.keep_with_next = True
                run = paragraph.add_run(text)
                if name:
                    run.bold = True
                    run.underline = True
        self.word.add_paragraph()

    def _keep_lead_in(self) -> None:
        """The sentence that introduces a table ("… disajikan pada Tabel 3.3 berikut") stays on
        the page of the table's caption and first rows, never alone at the bottom of a page
        (unless a section break, a new orientation, stands between them)."""
        body = self.word.element.body
        last = body[-2] if len(body) > 1 and body[-1].tag == qn("w:sectPr") else body[-1]
        if (last.tag == qn("w:p") and last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None
                and "".join(last.itertext()).strip()):
            ParagraphFormat(last).keep_with_next = True

    def _keep_with_next_block(self) -> None:
        """Keep what was written last with the block that follows (a signature block never
        starts a page alone): the last paragraph of text, or the last table with its notes,
        its last row kept with them. Stops at a section break."""
        body = self.word.element.body
        for element in reversed(body):
            if element.tag == qn("w:sectPr"):
                continue
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

    def _cover(self, block: Cover) -> None:
        if block.logo is not None:
            logo = self.word.add_paragraph()
            logo.alignment = WD_ALIGN_PARAGRAPH.CENTER
            logo.paragraph_format.space_before = Cm(1.5)
            picture = (svg_to_png(block.logo.data.decode("utf-8"), LOGO_CM) if block.logo.kind == "svg"
                       else block.logo.data)
            logo.add_run().add_picture(io.BytesIO(picture), height=Cm(float(LOGO_CM)))
        lines = [(block.title, 26, Cm(2) if block.logo is not None else Cm(5)),
                 (block.subtitle, 20, Pt(6)),
                 (block.agency, 15, Cm(5)), (block.region, 15, Pt(4))]
        if block.address:
            lines.append((block.address, 10, Cm(6)))
        for text, size, before in lines:
            if not text:
                continue
            paragraph = self.word.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_before = before
            run = paragraph.add_run(text)
            run.bold = size > 10
            run.font.size = Pt(size)

    def _contents(self) -> None:
        """A TOC field whose cached result lists the headings with their page numbers: the pages
        each heading lands on in the PDF of the same document (:func:`heading_pages`; the same
        page size, margins, fonts and breaks), which Word replaces with its own when it updates
        the field on opening."""
        entries = toc_entries(self.document)
        if not entries:
            return
        try:
            pages = heading_pages(self.document)
        except RuntimeError:  # the PDF engine failed: Word numbers the pages on opening
            pages = {}
        paragraphs = []
        for entry in entries:
            paragraph = self.word.add_paragraph(style=f"toc {min(entry.level, 3)}")
            page = pages.get(entry.id)
            paragraphs.append((paragraph, entry.text if page is None else f"{entry.text}\t{page}"))
        parts.field_begin(paragraphs[0][0], 'TOC \\o "1-3" \\h \\z \\u')
        for paragraph, text in paragraphs:
            paragraph.add_run(text)
        parts.field_end(paragraphs[-1][0])
