"""Word internals python-docx has no API for: fields (PAGE, TOC, SEQ), repeating header rows, cell
shading, styles without theme fonts, the document language, asking Word to update fields."""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Arial"
BLACK = RGBColor(0, 0, 0)


def field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (``PAGE``, ``TOC \\o "1-3"``) with its cached result."""
    _field_char(paragraph.add_run(), "begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    _field_char(paragraph.add_run(), "separate")
    paragraph.add_run(placeholder)
    _field_char(paragraph.add_run(), "end")


def sequence_name(word: str, prefix: str) -> str:
    """The SEQ identifier of one chapter's tables or figures: "Tabel_3", "Grafik_L" (a
    bookmark-like name: a letter first, then letters, digits and underscores)."""
    name = re.sub(r"\W", "_", f"{word}_{prefix}", flags=re.ASCII)
    return name if name[:1].isalpha() else f"N{name}"


def field_begin(paragraph: Paragraph, instruction: str) -> None:
    """The start of a field whose cached result runs over the following paragraphs."""
    _field_char(paragraph.add_run(), "begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    _field_char(paragraph.add_run(), "separate")


def field_end(paragraph: Paragraph) -> None:
    _field_char(paragraph.add_run(), "end")


def _field_char(run: Run, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def repeat_header(row: _Row) -> None:
    """Mark a row as a header row, repeated at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def keep_row_together(row: _Row) -> None:
    properties = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    properties.append(cant)


def shade(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def middle(cell: _Cell) -> None:
    properties = cell._tc.get_or_add_tcPr()
    align = OxmlElement("w:vAlign")
    align.set(qn("w:val"), "center")
    properties.append(align)


def set_font(style_element: Any, name: str) -> None:
    """Set a style's font for every script and drop the theme fonts that would override it."""
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(script), name)


def set_language(style_element: Any, tag: str) -> None:
    rpr = style_element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), tag)
    rpr.append(language)


def update_fields_on_open(document: WordDocument) -> None:
    """Ask Word to refresh the table of contents and page numbers when the file is opened."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def styles(document: WordDocument, language: str) -> None:
    """Normal, headings, caption, notes, table text, TOC levels: Arial, black, no theme colours."""
    normal = document.styles["Normal"]
    set_font(normal.element, FONT)
    set_language(normal.element, "id-ID" if language == "id" else "en-GB")
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for level, size in ((1, 14), (2, 12), (3, 11)):
        heading = document.styles[f"Heading {level}"]
        set_font(heading.element, FONT)
        heading.font.size = Pt(size)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = BLACK
        heading.paragraph_format.space_before = Pt(12 if level > 1 else 0)
        heading.paragraph_format.space_after = Pt(6 if level > 1 else 18)
        heading.paragraph_format.keep_with_next = True
        if level == 1:
            heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = document.styles["Caption"]
    set_font(caption.element, FONT)
    caption.font.size = Pt(10)
    caption.font.bold = True
    caption.font.italic = False
    caption.font.color.rgb = BLACK
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(4)
    sizes: tuple[tuple[str, float, int], ...] = (("Catatan", 8, 1), ("Isi Tabel", 8.5, 0))
    for name, points, after in sizes:
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(points)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.line_spacing = 1.0
    for level in (1, 2, 3):
        style = document.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.bold = level == 1
        style.font.size = Pt(11 if level < 3 else 10)
        style.paragraph_format.left_indent = Pt(18 * (level - 1))
        style.paragraph_format.space_after = Pt(2)
        style.paragraph_format.tab_stops.add_tab_stop(Cm(15.8), WD_TAB_ALIGNMENT.RIGHT,
                                                      WD_TAB_LEADER.DOTS)  # page numbers


def cell_margins(table_element: Any, side: int = 85) -> None:
    """Narrower left and right cell margins (twentieths of a point) than Word's 0,19 cm."""
    properties = table_element.tblPr
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        item = OxmlElement(f"w:{edge}")
        item.set(qn("w:w"), str(side))
        item.set(qn("w:type"), "dxa")
        margins.append(item)
    properties.append(margins)


def cell_widths(table_element: Any, widths: list[Any]) -> None:
    """Each cell's width: the sum of the columns it spans (a merged cell included)."""
    for tr in table_element.iterchildren(qn("w:tr")):
        column = 0
        for tc in tr.iterchildren(qn("w:tc")):
            properties = tc.get_or_add_tcPr()
            span = properties.grid_span
            properties.width = sum(widths[column:column + span])
            column += span
