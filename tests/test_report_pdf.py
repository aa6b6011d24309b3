"""The PDF (Typst): A4 pages, landscape pages for wide tables, the same text and numbers, the
contents' page numbers, an outline, metadata, embedded fonts, and no word split in a header."""

import itertools
import re

import pdfplumber
import pypdf
import pytest

from sakip.report.model import Paragraph, SignatureBlock, Table, blocks_of, tables_of
from sakip.report.render_html import toc_entries
from sakip.report.render_typst import _BREAKS, heading_pages, layout, span_splits

pytest_plugins = ["tests.report_fixtures"]


@pytest.fixture(scope="module")
def pdf(rendered):
    return pypdf.PdfReader(str(rendered["pdf"]))


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    return [page.extract_text() for page in pdf.pages]


@pytest.fixture(scope="module")
def text(pages) -> str:
    return "\n".join(pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_page_count_and_size(pdf):
    assert 60 <= len(pdf.pages) <= 160
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages}
    assert sizes == {(595, 842), (842, 595)}  # A4 portrait and A4 landscape


def test_the_text_is_the_reports(text):
    for expected in ("LAPORAN KINERJA", "KATA PENGANTAR", "DAFTAR ISI", "RINGKASAN EKSEKUTIF",
                     "BAB I", "BAB IV", "LAMPIRAN", "Lampiran 1. Perjanjian Kinerja Tahun 2020",
                     "1.002,00", "118,48", "145,79", "560,24", "83,95", "480,77",
                     "H. NURMAN SUNANDA, SE., MM", "NIP. 196508051994031006",
                     "Tabel 3.3", "Grafik 3.1"):
        assert expected in text, expected


def test_pages_are_numbered_and_the_contents_give_them(pdf, pages, document):
    assert pages[0].strip().startswith("LAPORAN KINERJA")  # cover, no number
    assert pages[1].rstrip().endswith("2")
    contents = pages[2]
    assert "BAB III AKUNTABILITAS KINERJA" in contents and "....." in contents
    where = heading_pages(document)
    listed = flat(contents)
    for entry in toc_entries(document):
        page = where[entry.id]
        # the entry, its leader and the page it lands on; the heading is on that page
        assert re.search(re.escape(flat(entry.text)) + r"\s*\.{3,}\s*" + str(page) + r"\b", listed), entry
        assert flat(entry.text) in flat(pages[page - 1]), (entry, page)
        assert pages[page - 1].rstrip().endswith(str(page))


def test_an_outline_metadata_and_embedded_fonts(pdf, document):
    titles = []

    def walk_outline(items):
        for item in items:
            if isinstance(item, list):
                walk_outline(item)
            else:
                titles.append(item.title)

    walk_outline(pdf.outline)
    assert titles[:3] == ["KATA PENGANTAR", "DAFTAR ISI", "RINGKASAN EKSEKUTIF"]
    assert "BAB III AKUNTABILITAS KINERJA" in titles and "3.1 Capaian Kinerja Tahun 2020" in titles
    assert len(titles) == len(toc_entries(document))
    assert pdf.metadata.title == document.title and pdf.metadata.author == document.agency
    assert pdf.trailer["/Root"]["/Lang"] == "id"
    names = set()
    for page in pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+")[-1])
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]
    assert {"LiberationSans", "LiberationSans-Bold"} <= names


def test_no_word_is_split_in_a_header_or_total_cell(rendered, document):
    """Every word of a header or total cell prints whole (columns are sized for their longest
    word), or split only after a hyphen or slash where a line may break."""
    whole: set[str] = set()
    with pdfplumber.open(str(rendered["pdf"])) as reader:
        for page in reader.pages:
            whole.update(w["text"] for w in page.extract_words(extra_attrs=["fontname", "size"])
                         if "Bold" in w["fontname"])
    missing = set()
    for t in tables_of(document):
        if t.borderless:
            continue
        cells = [c for row in t.header for c in row]
        cells += [c for row in t.rows if row.kind.value == "total" for c in row.cells]
        for cell in cells:
            for word in cell.text.split():
                if word not in whole and not all(p in whole for p in _BREAKS.split(word) if p):
                    missing.add((t.number, word))
    assert not missing


def test_a_table_caption_starts_on_the_page_of_its_table(pages, document):
    """A caption (and a lead-in paragraph before it) never ends a page without its table."""
    lead_ins = {}
    for chapter in document.chapters:
        for group in [chapter.blocks, *[s.blocks for s in _sections(chapter.sections)]]:
            for before, block in itertools.pairwise(group):
                if isinstance(block, Table) and isinstance(before, Paragraph) and not block.borderless:
                    lead_ins[block.id] = flat(before.text)[-40:]
    checked = 0
    for t in tables_of(document):
        if t.borderless:
            continue
        caption = f"Tabel {t.number}"
        first = flat(t.header[0][0].text).split(" ")[0] if t.header else ""
        on = [n for n, page in enumerate(pages) if re.search(re.escape(caption) + r"(?!\d)", page)
              and flat(t.caption)[:30] in flat(page)]
        assert on, caption
        page = flat(pages[on[-1]])
        assert first in page[page.index(flat(t.caption)[:30]):], caption  # the header follows
        if t.id in lead_ins:
            assert lead_ins[t.id] in page, caption
            checked += 1
    assert checked >= 20


def _sections(sections):
    for s in sections:
        yield s
        yield from _sections(s.subsections)


def test_a_long_row_span_is_never_continued_empty(document):
    """A cell spanning many rows that crosses a page break is split there, its text repeated:
    laid out with its splits, each part of it stays on one page."""
    laid = layout(document)
    assert laid.rows and laid.splits  # the example has such cells (Tabel 2.2)
    assert span_splits(document, laid.rows) == laid.splits


def test_no_signature_block_starts_a_page_alone(pdf, document):
    """Each signature block shares its page with what it signs (the PK form's second one with
    the program table before it), instead of landing alone at the top of the next page."""
    lines = set()
    for _, block in blocks_of(document):
        if isinstance(block, SignatureBlock):
            lines.add(block.place_date or "")
            for person in block.signatories:
                lines.update(x or "" for x in (person.heading, person.title, person.name, person.rank,
                                               person.nip))
    lines.discard("")
    signed = [(n, page.extract_text()) for n, page in enumerate(pdf.pages, start=1)
              if "NIP. 196508051994031006" in page.extract_text()]
    assert len(signed) >= 3  # the foreword, the PK form twice, the annex forms
    for number, text in signed:
        rest = text
        for line in sorted(lines, key=len, reverse=True):
            rest = rest.replace(line, "")
        rest = rest.replace(str(number), "").strip()
        assert len(rest) > 100, f"page {number} holds only a signature block: {text[:80]!r}"
    # the PK program table's total row shares its page with the form's second signature block
    assert any("Jumlah" in text and "3.504.605.440" in text for _, text in signed)


def test_landscape_tables_are_on_landscape_pages(pdf, pages, document):
    wide = [t for t in tables_of(document) if t.landscape]
    assert wide
    for t in wide:
        on = [n for n, page in enumerate(pages) if flat(t.caption)[:30] in flat(page)
              and f"Tabel {t.number}" in page]
        assert on and all(float(pdf.pages[n].mediabox.width) > 800 for n in on), t.number


def test_no_page_is_blank(pages):
    for number, text in enumerate(pages[1:], start=2):
        assert text.strip() != str(number), f"page {number} is blank"


def test_a_title_or_centred_paragraph_is_centred_on_its_page(rendered, document):
    """A form's title lines ("PERJANJIAN KINERJA TAHUN 2020", the agency's name) stand in the
    middle of the text width, each line, not where a left-aligned paragraph starts."""
    from sakip.report.model import Style

    wanted = {" ".join(s.text for s in block.spans).strip() for _, block in blocks_of(document)
              if isinstance(block, Paragraph) and block.style in (Style.TITLE, Style.CENTERED)}
    wanted = {w for w in wanted if len(w) > 15}
    assert wanted
    seen: set[str] = set()
    with pdfplumber.open(str(rendered["pdf"])) as reader:
        for page in reader.pages:
            for line in page.extract_text_lines():
                text = line["text"].strip()
                match = next((w for w in wanted if w.startswith(text) and len(text) > 15), None)
                if match is None:
                    continue
                left_margin = line["x0"]
                right_margin = float(page.width) - line["x1"]
                # the text width runs from the left margin (3 cm) to the right (2,2 cm)
                offset = (left_margin - 3 / 2.54 * 72) - (right_margin - 2.2 / 2.54 * 72)
                assert abs(offset) < 4, (text, left_margin, right_margin)
                seen.add(match)
    assert len(seen) >= 2
