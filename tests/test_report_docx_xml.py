"""The Word file's tables written as XML text (sakip.report.docx_xml): read back with python-docx as
the model says (cells, merges, header rows, shading, bold totals, notes' markers); the contents'
page numbers estimated linearly (sakip.report.docx_pages); the file opens in LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from sakip.report import render
from sakip.report.docx_pages import PORTRAIT, Flow
from sakip.report.model import (
    Align,
    Cell,
    Chapter,
    ChapterKind,
    Column,
    Contents,
    Document,
    Paragraph,
    Row,
    RowKind,
    Section,
    Span,
    finalize,
    table,
)


def small_document(body_rows: int = 3) -> Document:
    """One table: a two-row header whose first cell spans both rows and whose second spans two
    columns, a group row across the table, body rows whose first cell spans two rows, a total."""
    header = ((Cell("No", rowspan=2), Cell("Realisasi & <Capaian>", colspan=2)),
              (Cell("2019"), Cell("2020")))
    rows = [Row((Cell("Misi 1: kesejahteraan", colspan=3),), RowKind.GROUP)]
    for n in range(body_rows):
        first = (Cell(f"{n + 1}", rowspan=2),) if n % 2 == 0 else ()
        rows.append(Row((*first, Cell(f"{n},50"), Cell("", note="belum tersedia"))))
    if body_rows % 2:
        rows.append(Row((Cell("12,00"), Cell("13,00"))))
    rows.append(Row((Cell("Jumlah\ndua baris"), Cell("1.002,00"), Cell("  spasi  ")), RowKind.TOTAL))
    grid = table("t-small", "Tabel kecil", (Column(1, Align.CENTER), Column(3), Column(3, Align.RIGHT)),
                 header, rows, notes=("Sumber: uji.",))
    chapters = (
        Chapter("front", ChapterKind.FRONT, "DAFTAR ISI", blocks=(Contents("Daftar Isi"),)),
        Chapter("bab1", ChapterKind.BODY, "PENDAHULUAN", "BAB I", sections=(
            Section("s1", "Latar", blocks=(Paragraph((Span("Teks "), Span("tebal", bold=True))), grid)),
            Section("s2", "Lebar", blocks=(table(
                "t-wide", "Tabel lebar", tuple(Column() for _ in range(12)),
                (tuple(Cell(f"K{i}") for i in range(12)),),
                [Row(tuple(Cell(str(i)) for i in range(12)))], landscape=True),)))),
    )
    return finalize(Document("Uji", "Dinas Uji", 2020, "id", chapters))


def merge(tc) -> str | None:
    found = tc.tcPr.find(qn("w:vMerge"))
    return None if found is None else found.get(qn("w:val"), "continue")


@pytest.fixture(scope="module")
def word():
    return docx.Document(io.BytesIO(render(small_document(), ".docx")))


def test_cells_merges_and_header_rows_read_back_as_the_model_says(word):
    grid = word.tables[0]
    texts = [[cell.text for cell in row.cells] for row in grid.rows]
    assert texts == [
        ["No", "Realisasi & <Capaian>", "Realisasi & <Capaian>"],
        ["No", "2019", "2020"],
        ["Misi 1: kesejahteraan"] * 3,
        ["1", "0,50", "a"],
        ["1", "1,50", "a"],
        ["3", "2,50", "a"],
        ["3", "12,00", "13,00"],
        ["Jumlah\ndua baris", "1.002,00", "  spasi  "],
    ]
    headers = [row._tr.trPr.find(qn("w:tblHeader")) is not None for row in grid.rows]
    assert headers == [True, True] + [False] * 6
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in grid.rows)
    first = grid.rows[0]._tr.tc_lst[0]
    assert merge(first) == "restart" and first.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "D9D9D9"
    assert grid.rows[0]._tr.tc_lst[1].tcPr.grid_span == 2
    assert merge(grid.rows[1]._tr.tc_lst[0]) == "continue"
    assert [merge(row._tr.tc_lst[0]) for row in grid.rows[3:7]] == ["restart", "continue"] * 2
    group = grid.rows[2]._tr.tc_lst[0]
    assert group.tcPr.grid_span == 3 and group.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "F0F0F0"
    total = grid.rows[-1].cells[1].paragraphs[0]
    assert total.runs[0].bold and total.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.LEFT
    assert grid.rows[3].cells[2].paragraphs[0].runs[-1].font.superscript  # the note's letter
    assert grid.rows[3].cells[2].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    widths = [int(w.get(qn("w:w"))) for w in grid._tbl.iter(qn("w:gridCol"))]
    cells = grid.rows[3]._tr.tc_lst
    assert [c.tcPr.width.twips for c in cells] == widths
    assert word.tables[1].rows[0].cells[0].text == "K0"
    orientation = docx.enum.section.WD_ORIENT
    assert [s.orientation for s in word.sections] == [orientation.PORTRAIT, orientation.LANDSCAPE]
    # the landscape section shows the first section's footer (the page number) on its first page
    assert word.sections[0].different_first_page_header_footer
    assert not word.sections[1].different_first_page_header_footer
    assert word.sections[1].footer.is_linked_to_previous


def test_contents_are_a_toc_field_with_the_headings_pages(word):
    entries = [p.text for p in word.paragraphs if p.style.name.startswith("toc")]
    # Daftar Isi on page 1; Bab I starts a page; the landscape section starts another
    assert entries == ["DAFTAR ISI\t1", "BAB I PENDAHULUAN\t2", "1.1 Latar\t2", "1.2 Lebar\t3"]
    instructions = [t.text for t in word.element.body.iter(qn("w:instrText"))]
    assert instructions[0].strip().startswith("TOC")


def test_the_page_estimate_counts_rows_and_repeats_headers():
    flow = Flow()
    flow.heading("a")
    flow.paragraph("A", page_break=False)
    rows = [[(0, 1, "baris", False)] for _ in range(200)]  # 200 rows of 8,5 pt text: > 1 page
    flow.table([PORTRAIT[0]], rows, 1, 8.5, whole=False)
    flow.heading("b")
    flow.paragraph("B")
    flow.page_break()
    flow.heading("c")
    flow.paragraph("C", keep=True)
    flow.table([PORTRAIT[0]], rows[:10], 1, 8.5, whole=True)
    pages = flow.pages()
    row = 8.5 * 1.12 + 1
    per_page = int((PORTRAIT[1] - row) // row)  # a page holds its repeated header and these
    assert pages["a"] == 1
    assert pages["b"] == 1 + -(-(200 - int(PORTRAIT[1] // row)) // per_page)
    assert pages["c"] == pages["b"] + 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_file(tmp_path: Path):
    source = tmp_path / "kecil.docx"
    source.write_bytes(render(small_document(), ".docx"))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "txt:Text", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=300)
    text = (tmp_path / "kecil.txt").read_text(encoding="utf-8-sig")
    assert "Realisasi & <Capaian>" in text and "1.002,00" in text and "BAB I" in text
