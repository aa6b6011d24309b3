"""The PDF (WeasyPrint): A4 pages, landscape pages for wide tables, the same text and numbers."""

import pypdf
import pytest

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
