"""WordprocessingML written as text: paragraphs, runs and whole tables built as strings and parsed
once per block (:func:`element`), instead of python-docx's per-cell, per-run ``add_*`` calls, each
of which searches the element it adds to (a table of 1 000 rows costs seconds that way; the string
costs milliseconds). Every function here is linear in what it writes.

Elements are written in the order the schema asks (``w:pPr``: pStyle, keepNext, pageBreakBefore,
tabs, spacing, ind, jc; ``w:rPr``: b, i, sz, u, vertAlign; ``w:tcPr``: tcW, gridSpan, vMerge, shd,
vAlign), so Word and LibreOffice read them as python-docx would have written them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

NAMESPACES = nsdecls("w", "r")
TWIPS_PER_EMU = 1 / 635
JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def twips(emu: int | float) -> int:
    """EMU (python-docx's lengths) to twentieths of a point, rounded as python-docx rounds."""
    return round(emu * TWIPS_PER_EMU)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_runs(text: str) -> str:
    """A run's content: ``w:t`` pieces, a tab as ``w:tab`` and a line break as ``w:br`` (as
    python-docx's ``run.text`` writes them), spaces at either end kept."""
    if not text:
        return ""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        return f"<w:t{space}>{escape(text)}</w:t>"
    out = []
    piece: list[str] = []

    def flush() -> None:
        if piece:
            joined = "".join(piece)
            space = ' xml:space="preserve"' if joined != joined.strip() else ""
            out.append(f"<w:t{space}>{escape(joined)}</w:t>")
            piece.clear()

    for char in text:
        if char == "\t":
            flush()
            out.append("<w:tab/>")
        elif char in "\n\r":
            flush()
            out.append("<w:br/>")
        else:
            piece.append(char)
    flush()
    return "".join(out)


def run(text: str, bold: bool | None = None, italic: bool = False, size_pt: float | None = None,
        underline: bool = False, superscript: bool = False) -> str:
    """``<w:r>``; ``bold`` False writes ``<w:b w:val="0"/>`` (off even where the style is bold)."""
    props = []
    if bold is True:
        props.append("<w:b/>")
    elif bold is False:
        props.append('<w:b w:val="0"/>')
    if italic:
        props.append("<w:i/>")
    if size_pt is not None:
        props.append(f'<w:sz w:val="{round(size_pt * 2)}"/>')
    if underline:
        props.append('<w:u w:val="single"/>')
    if superscript:
        props.append('<w:vertAlign w:val="superscript"/>')
    rpr = f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""
    return f"<w:r>{rpr}{text_runs(text)}</w:r>"


@functools.lru_cache(maxsize=512)
def run_open(bold: bool | None = None, size_pt: float | None = None, superscript: bool = False) -> str:
    """The start of a :func:`run` (``<w:r>`` and its properties), made once per kind: a table's
    cells share a few."""
    return run("", bold=bold, size_pt=size_pt, superscript=superscript)[:-len("</w:r>")]


@functools.lru_cache(maxsize=512)
def paragraph_open(style: str | None = None, align: str | None = None,
                   keep_next: bool | None = None) -> str:
    """The start of a :func:`paragraph` (``<w:p>`` and its properties), made once per kind."""
    return paragraph("", style=style, align=align, keep_next=keep_next)[:-len("</w:p>")]


def field_runs(instruction: str, result: str = "") -> str:
    """A complex field (``PAGE``, ``SEQ Tabel_3``) with its cached result."""
    return field_begin(instruction) + run(result) + field_end()


def field_begin(instruction: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')


def field_end() -> str:
    return '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def paragraph(content: str = "", style: str | None = None, align: str | None = None,
              keep_next: bool | None = None, page_break_before: bool = False,
              before: int | None = None, after: int | None = None,
              indent: tuple[int, int] | None = None, tab: int | None = None) -> str:
    """``<w:p>`` with its properties; lengths in twips; ``indent`` is (left, hanging);
    ``keep_next`` False writes ``<w:keepNext w:val="0"/>`` (off where the style keeps)."""
    props = []
    if style:
        props.append(f'<w:pStyle w:val="{style}"/>')
    if keep_next is True:
        props.append("<w:keepNext/>")
    elif keep_next is False:
        props.append('<w:keepNext w:val="0"/>')
    if page_break_before:
        props.append("<w:pageBreakBefore/>")
    if tab is not None:
        props.append(f'<w:tabs><w:tab w:val="left" w:pos="{tab}"/></w:tabs>')
    if before is not None or after is not None:
        spacing = "".join(f' w:{name}="{value}"' for name, value in (("before", before), ("after", after))
                          if value is not None)
        props.append(f"<w:spacing{spacing}/>")
    if indent is not None:
        props.append(f'<w:ind w:left="{indent[0]}" w:hanging="{indent[1]}"/>')
    if align:
        props.append(f'<w:jc w:val="{JC[align]}"/>')
    ppr = f"<w:pPr>{''.join(props)}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{content}</w:p>"


def element(xml: str) -> Any:
    """One block (``<w:p>`` or ``<w:tbl>``) parsed with python-docx's parser, so the element has
    python-docx's classes (``ParagraphFormat`` works on it)."""
    end = 1
    while xml[end] not in " />":
        end += 1
    return parse_xml(f"{xml[:end]} {NAMESPACES}{xml[end:]}")


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class XCell:
    """A cell as it is written: where it starts, what it spans, its paragraphs' XML and shading."""

    column: int
    colspan: int
    rowspan: int
    content: str  # the paragraphs
    fill: str | None = None
    middle: bool = False


def table(widths: Sequence[int], rows: Iterable[tuple[Sequence[XCell], bool]], style: str | None,
          cell_margin: int | None, fixed: bool) -> str:
    """``<w:tbl>``: ``widths`` the columns' widths in EMU; ``rows`` each row's starting cells and
    whether it is a header row (repeated on every page). A cell spanning rows is written as
    Word writes a vertical merge: ``vMerge restart`` where it starts, an empty continuing cell of
    the same span in each row below. Every row is kept whole on a page (``cantSplit``)."""
    columns = len(widths)
    grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths)
    # the width of a cell spanning columns [c, c + n): the sum of their widths, rounded once
    starts = [0]
    for w in widths:
        starts.append(starts[-1] + w)

    def width(column: int, span: int) -> int:
        return twips(starts[column + span] - starts[column])

    tblpr = [f'<w:tblStyle w:val="{style}"/>' if style else "", '<w:tblW w:type="auto" w:w="0"/>',
             '<w:jc w:val="center"/>', '<w:tblLayout w:type="fixed"/>' if fixed else ""]
    if cell_margin is not None:
        tblpr.append(f'<w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/>'
                     f'<w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>')
    tblpr.append('<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
                 'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>')
    out = [f"<w:tbl><w:tblPr>{''.join(tblpr)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"]
    below: dict[int, tuple[int, int]] = {}  # column → (rows still covered, colspan) of a row span
    for cells, header in rows:
        out.append("<w:tr><w:trPr>" + ('<w:tblHeader w:val="true"/>' if header else "")
                   + '<w:cantSplit w:val="true"/></w:trPr>')
        starting = {cell.column: cell for cell in cells}
        column = 0
        while column < columns:
            covered = below.get(column)
            if covered is not None:
                left, span = covered
                out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width(column, span)}"/>'
                           + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
                           + "<w:vMerge/></w:tcPr><w:p/></w:tc>")
                if left > 1:
                    below[column] = (left - 1, span)
                else:
                    del below[column]
                column += span
                continue
            cell = starting.get(column)
            if cell is None:  # the model's rows fill their columns (layout.place checks it)
                raise ValueError(f"no cell at column {column}")
            span = cell.colspan
            props = [f'<w:tcW w:type="dxa" w:w="{width(column, span)}"/>']
            if span > 1:
                props.append(f'<w:gridSpan w:val="{span}"/>')
            if cell.rowspan > 1:
                props.append('<w:vMerge w:val="restart"/>')
                below[column] = (cell.rowspan - 1, span)
            if cell.fill:
                props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>')
            if cell.middle:
                props.append('<w:vAlign w:val="center"/>')
            out.append(f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{cell.content or '<w:p/>'}</w:tc>")
            column += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)
