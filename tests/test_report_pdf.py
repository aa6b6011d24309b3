"""The PDF (WeasyPrint): A4 pages, landscape pages for wide tables, the same text and numbers."""

import pypdf
import pytest

from sakip.report.model import SignatureBlock, blocks_of

pytest_plugins = ["tests.report_fixtures"]


@pytest.fixture(scope="module")
def pdf(rendered):
    return pypdf.PdfReader(str(rendered["pdf"]))


@pytest.fixture(scope="module")
def text(pdf) -> str:
    return "\n".join(page.extract_text() for page in pdf.pages)


def test_page_count_and_size(pdf):
    assert 60 <= len(pdf.pages) <= 110
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pdf.pages}
    assert sizes == {(595, 842), (842, 595)}  # A4 portrait and A4 landscape


def test_the_text_is_the_reports(text):
    for expected in ("LAPORAN KINERJA", "KATA PENGANTAR", "DAFTAR ISI", "RINGKASAN EKSEKUTIF",
                     "BAB I", "BAB IV", "LAMPIRAN", "Lampiran 1. Perjanjian Kinerja Tahun 2020",
                     "1.002,00", "118,48", "145,79", "560,24", "83,95", "480,77",
                     "H. NURMAN SUNANDA, SE., MM", "NIP. 196508051994031006",
                     "Tabel 3.3", "Grafik 3.1"):
        assert expected in text, expected


def test_pages_are_numbered_and_the_contents_give_them(pdf):
    assert pdf.pages[0].extract_text().strip().startswith("LAPORAN KINERJA")  # cover, no number
    assert pdf.pages[1].extract_text().rstrip().endswith("2")
    contents = pdf.pages[2].extract_text()
    assert "BAB III AKUNTABILITAS KINERJA" in contents and "....." in contents


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
    assert len(signed) == 3  # the foreword and the PK form twice
    for number, text in signed:
        rest = text
        for line in sorted(lines, key=len, reverse=True):
            rest = rest.replace(line, "")
        rest = rest.replace(str(number), "").strip()
        assert len(rest) > 100, f"page {number} holds only a signature block: {text[:80]!r}"
    last = signed[-1][1]
    assert "Jumlah" in last and "3.504.605.440" in last  # the PK program table's total row
