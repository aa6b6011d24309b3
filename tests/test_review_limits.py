"""Limits on the review's readers: pathological reports are refused with a stable code, exit 2,
and no working paper; every pathological file is built here, small on disk."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import docx
import pytest

from benchmarks.bench_review_limits import blank_pdf
from sakip.cli.main import main
from sakip.review.report.limits import Code, ReadError, ReportLimits
from sakip.review.report.readers import read_report

DATA = Path(__file__).parent / "data" / "review"
DOCS = Path(__file__).parent.parent / "docs" / "review.md"
OPEN = ReportLimits(max_ratio=10**9)  # the ratio check out of the way, to reach the others


def _base_docx() -> dict[str, bytes]:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("LAPORAN KINERJA TAHUN 2020")
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _docx(path: Path, body: bytes | None = None, extra: dict[str, bytes] | None = None) -> Path:
    """A DOCX whose body is ``body`` (the children of ``<w:body>``), plus ``extra`` parts."""
    parts = _base_docx()
    if body is not None:
        xml = parts["word/document.xml"]
        start = xml.index(b"<w:body>") + len(b"<w:body>")
        end = xml.index(b"</w:body>")
        parts["word/document.xml"] = xml[:start] + body + xml[end:]
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _code(path: Path, limits: ReportLimits | None = None) -> str:
    with pytest.raises(ReadError) as caught:
        read_report(path) if limits is None else read_report(path, limits)
    return caught.value.code


def _refused(args: list[str], code: str, capsys: pytest.CaptureFixture[str],
             lang: str = "id") -> str:
    assert main(["--lang", lang, "review", *args]) == 2
    captured = capsys.readouterr()
    assert f"[{code}]" in captured.err and captured.out == ""
    return captured.err


# --------------------------------------------------------------------------- docx


def test_ten_million_empty_paragraphs_are_refused_from_the_zip_directory(tmp_path, capsys):
    path = _docx(tmp_path / "kosong.docx", b"<w:p/>" * 10_000_000)
    assert path.stat().st_size < 1024 * 1024
    papers = tmp_path / "kkr"
    err = _refused([str(path), "--papers", str(papers)], Code.ZIP_BOMB, capsys)
    assert "mengembang" in err and "word/document.xml" in err
    assert not papers.exists()  # no working paper, no Pernyataan Telah Direviu


def test_paragraphs_and_cells_are_counted_before_python_docx_parses(tmp_path):
    many = _docx(tmp_path / "banyak.docx", b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 201_000)
    assert _code(many, OPEN) == Code.TOO_MANY_BLOCKS
    cells = b"<w:tbl>" + b"<w:tr>" + b"<w:tc><w:p/></w:tc>" * 150_000 + b"</w:tr></w:tbl>"
    assert _code(_docx(tmp_path / "sel.docx", cells), OPEN) == Code.TOO_MANY_BLOCKS
    runs = b"<w:p>" + b"<w:r/>" * 3_100_000 + b"</w:p>"
    assert _code(_docx(tmp_path / "runs.docx", runs), OPEN) == Code.TOO_MANY_BLOCKS


def test_a_part_that_inflates_is_a_zip_bomb_wherever_it_is(tmp_path, capsys):
    bomb = _docx(tmp_path / "bom.docx", extra={"word/media/image1.png": bytes(8 * 1024 * 1024)})
    err = _refused([str(bomb)], Code.ZIP_BOMB, capsys, "en")
    assert "inflates" in err and "word/media/image1.png" in err
    limits = ReportLimits(max_ratio=10**9, max_unpacked_bytes=4 * 1024 * 1024)
    assert _code(bomb, limits) == Code.ZIP_BOMB
    large = ReportLimits(max_ratio=10**9, max_document_bytes=1024)
    assert _code(_docx(tmp_path / "isi.docx"), large) == Code.TOO_LARGE


def test_file_size_is_checked_before_reading(tmp_path):
    path = _docx(tmp_path / "lkjip.docx")
    assert _code(path, ReportLimits(max_bytes=1000)) == Code.TOO_LARGE
    text = tmp_path / "lkjip.txt"
    text.write_text("LAPORAN KINERJA TAHUN 2020\n" * 100)
    assert _code(text, ReportLimits(max_text_bytes=1000)) == Code.TOO_LARGE
    assert _code(text, ReportLimits(max_blocks=99)) == Code.TOO_MANY_BLOCKS


def test_old_encrypted_and_foreign_docx_files(tmp_path, capsys):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    locked = tmp_path / "terkunci.docx"
    locked.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + bytes(64))
    assert "kata sandi" in _refused([str(locked)], Code.ENCRYPTED, capsys)
    legacy = tmp_path / "lama.docx"
    legacy.write_bytes(ole + bytes(64))
    assert _code(legacy) == Code.LEGACY_DOC
    archive = tmp_path / "arsip.docx"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("a.txt", "bukan dokumen")
    assert _code(archive) == Code.NOT_DOCX


# --------------------------------------------------------------------------- pdf


def test_pdf_page_count_is_checked_first(tmp_path, capsys):
    path = blank_pdf(tmp_path / "halaman.pdf", 1_001)
    err = _refused([str(path)], Code.TOO_MANY_PAGES, capsys)
    assert "1,000" in err or "1.000" in err
    assert _code(blank_pdf(tmp_path / "lima.pdf", 5), ReportLimits(max_pages=4)) == \
        Code.TOO_MANY_PAGES


def test_a_password_protected_pdf_says_so(tmp_path, capsys):
    path = blank_pdf(tmp_path / "rahasia.pdf", 1, password="rahasia")
    assert "dilindungi kata sandi" in _refused([str(path)], Code.ENCRYPTED, capsys)
    assert "password-protected" in _refused([str(path)], Code.ENCRYPTED, capsys, "en")


# --------------------------------------------------------------------------- text and bytes


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_notepad_unicode_text_is_decoded(tmp_path, capsys, encoding):
    path = tmp_path / "lkjip.txt"
    path.write_bytes((DATA / "clean-lkjip.txt").read_text(encoding="utf-8").encode(encoding))
    assert main(["review", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Tahun 2020" in out and "Dinas Contoh" in out


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf"])
def test_empty_files_and_random_bytes_are_unreadable_not_clean(tmp_path, capsys, suffix):
    empty = tmp_path / f"kosong{suffix}"
    empty.write_bytes(b"")
    _refused([str(empty)], Code.EMPTY, capsys)
    blank = tmp_path / f"spasi{suffix}"
    blank.write_bytes(b" \n\n\t\n")
    assert main(["review", str(blank)]) == 2
    assert "0 kesalahan" not in capsys.readouterr().out
    noise = tmp_path / f"acak{suffix}"
    noise.write_bytes(random.Random(10).randbytes(64 * 1024))
    papers = tmp_path / "kkr"
    assert main(["review", str(noise), "--papers", str(papers)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "[REPORT_" in captured.err
    assert not papers.exists()


def test_text_that_is_not_a_report_is_nothing_to_review(tmp_path, capsys):
    path = tmp_path / "catatan.txt"
    path.write_text("Catatan rapat.\nTidak ada angka di sini.\n", encoding="utf-8")
    _refused([str(path)], Code.NOTHING_TO_REVIEW, capsys)


# --------------------------------------------------------------------------- the year


def test_a_year_the_report_contradicts_is_refused(capsys):
    clean = str(DATA / "clean-lkjip.txt")
    err = _refused([clean, "--year", "1900"], Code.YEAR_MISMATCH, capsys)
    assert "1900" in err
    err = _refused([clean, "--year", "2021"], Code.YEAR_MISMATCH, capsys)
    assert "2020" in err and "judulnya" in err
    err = _refused([clean, "--year", "2019"], Code.YEAR_MISMATCH, capsys, "en")
    assert "its title names the year 2020" in err
    assert main(["review", clean, "--year", "2020"]) == 0
    assert "Tahun 2020" in capsys.readouterr().out


def test_without_a_title_the_years_of_the_tables_decide(tmp_path, capsys):
    path = tmp_path / "tanpa-judul.txt"
    path.write_text("DINAS CONTOH\n\nNo\tIndikator\tTarget 2020\tRealisasi 2020\t% Capaian 2020\n"
                    "1\tA\t80\t94,78\t118,48\n", encoding="utf-8")
    _refused([str(path), "--year", "2022"], Code.YEAR_MISMATCH, capsys)
    assert main(["review", str(path), "--year", "2020"]) == 0


def test_every_code_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    assert [code.value for code in Code if f"`{code.value}`" not in text] == []


# --------------------------------------------------------------------------- html (issue 11)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "utf-8"])
def test_an_html_report_in_notepad_unicode_or_with_a_bom_is_read(tmp_path, encoding):
    path = tmp_path / "lkjip.html"
    path.write_text("<html><body><h1>LAPORAN KINERJA TAHUN 2020</h1><table><tr><th>No</th>"
                    "<th>Indikator Kinerja</th><th>Target</th><th>Realisasi</th>"
                    "<th>Capaian (%)</th></tr><tr><td>1.</td><td>Persentase PSKS aktif</td>"
                    "<td>85</td><td>96,36</td><td>113,36</td></tr></table></body></html>",
                    encoding=encoding)
    document = read_report(path)
    assert document.blocks[0].text == "LAPORAN KINERJA TAHUN 2020"
    assert document.blocks[1].rows[1][2:] == ("85", "96,36", "113,36")


def test_empty_garbage_and_empty_html_are_unreadable_never_a_statement(tmp_path, capsys):
    empty = tmp_path / "kosong.html"
    empty.write_bytes(b"")
    _refused([str(empty)], Code.EMPTY, capsys)
    noise = tmp_path / "acak.htm"
    noise.write_bytes(random.Random(11).randbytes(64 * 1024))
    papers = tmp_path / "kkr"
    _refused([str(noise), "--papers", str(papers)], Code.NOT_TEXT, capsys)
    assert not papers.exists()
    bare = tmp_path / "kosong-isi.html"
    bare.write_text("<html><head><title>LAPORAN KINERJA 2020</title></head><body> </body></html>",
                    encoding="utf-8")
    _refused([str(bare), "--papers", str(papers)], Code.NOTHING_TO_REVIEW, capsys)
    assert not papers.exists()


def test_an_html_report_is_bounded_like_a_text(tmp_path):
    path = tmp_path / "besar.html"
    path.write_text("<p>LAPORAN KINERJA TAHUN 2020</p>" + "<p>x</p>" * 200, encoding="utf-8")
    assert _code(path, ReportLimits(max_blocks=100)) == Code.TOO_MANY_BLOCKS
    assert _code(path, ReportLimits(max_text_bytes=1000)) == Code.TOO_LARGE


def test_a_password_error_wrapped_by_pdfplumber_is_still_a_password():
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    from sakip.review.report.readers import encrypted

    class PdfminerException(Exception):  # pdfplumber's wrapper: its name says nothing
        pass

    wrapped = PdfminerException(PDFPasswordIncorrect())
    assert encrypted(wrapped)
    try:
        try:
            raise PDFPasswordIncorrect()
        except PDFPasswordIncorrect as cause:
            raise PdfminerException("cannot open") from cause
    except PdfminerException as chained:
        assert encrypted(chained)
    assert not encrypted(PdfminerException("bad xref"))


# --------------------------------------------------------------------------- speed (issue 11)


def test_the_review_time_grows_linearly_with_the_report():
    import time

    from benchmarks.bench_review import report_text
    from sakip.review.report import review_text

    def seconds(size: int) -> float:
        text = report_text(size)
        started = time.perf_counter()
        review_text(text)
        return time.perf_counter() - started

    seconds(50_000)  # imports and caches warmed
    small, large = seconds(256 * 1024), seconds(1024 * 1024)
    assert large < 30  # 7.5 s measured alone; generous for a shared machine
    assert large / small < 8  # four times the text: linear is 4, quadratic 16


def test_the_size_limits_are_consistent():
    limits = ReportLimits()
    # a text is bounded by its bytes and its lines; HTML by the same; a 20 MB text is refused
    assert limits.max_text_bytes < 20 * 1000 * 1000
    assert limits.max_text_bytes <= limits.max_bytes
    assert limits.max_document_bytes <= limits.max_unpacked_bytes
