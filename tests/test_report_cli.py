"""``sakip report``: the format follows the extension, bad input is a message and exit 1."""

from pathlib import Path

from sakip.cli.main import main
from tests.conftest import EXAMPLE


def test_writes_html_atomically(tmp_path, capsys):
    target = tmp_path / "lkjip.html"
    assert main(["report", str(EXAMPLE), "--year", "2020", "-o", str(target), "--no-charts",
                 "--place", "Tanjung Pandan", "--date", "2021-03-31"]) == 0
    assert "ditulis ke" in capsys.readouterr().out
    page = target.read_text(encoding="utf-8")
    assert "Tanjung Pandan, 31 Maret 2021" in page and "<img" not in page
    assert [p.name for p in tmp_path.iterdir()] == ["lkjip.html"]  # no temporary file left


def test_an_unknown_extension_is_refused_in_indonesian(tmp_path, capsys):
    assert main(["report", str(EXAMPLE), "--year", "2020", "-o", str(tmp_path / "x.txt")]) == 1
    error = capsys.readouterr().err
    assert "format keluaran '.txt' tidak dikenal" in error and "REPORT_UNKNOWN_FORMAT" in error
    assert not list(tmp_path.iterdir())


def test_a_year_outside_the_plan_and_a_bad_date(tmp_path, capsys):
    out = str(tmp_path / "x.docx")
    assert main(["report", str(EXAMPLE), "--year", "2030", "-o", out]) == 1
    assert "di luar periode Renstra 2019–2023" in capsys.readouterr().err
    assert main(["report", str(EXAMPLE), "-o", out, "--date", "31-03-2021"]) == 1
    assert "REPORT_BAD_DATE" in capsys.readouterr().err


def test_english_headings(tmp_path):
    target = tmp_path / "report.html"
    assert main(["--lang", "en", "report", str(EXAMPLE), "--year", "2020", "-o", str(target),
                 "--no-charts"]) == 0
    page = target.read_text(encoding="utf-8")
    assert "PERFORMANCE ACCOUNTABILITY" in page and "Table 3.3" in page
    assert Path(target).stat().st_size > 100_000


def _png(width: int = 4, height: int = 4) -> bytes:
    """A small valid PNG (grey pixels), built by hand."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_logo_on_the_cover_in_docx_and_html(tmp_path):
    import io

    import docx

    png = tmp_path / "logo.png"
    png.write_bytes(_png())
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="50">'
                   '<circle cx="20" cy="25" r="18" fill="#1f4e79"/></svg>', encoding="utf-8")
    html = tmp_path / "x.html"
    assert main(["report", str(EXAMPLE), "--year", "2020", "-o", str(html), "--no-charts",
                 "--logo", str(svg)]) == 0
    page = html.read_text(encoding="utf-8")
    assert '<img class="cover-logo" src="data:image/svg+xml;base64,' in page
    word = tmp_path / "x.docx"
    assert main(["report", str(EXAMPLE), "--year", "2020", "-o", str(word), "--no-charts",
                 "--logo", str(png)]) == 0
    document = docx.Document(io.BytesIO(word.read_bytes()))
    first = document.paragraphs[0]
    assert first._p.xpath(".//pic:pic")  # the picture opens the cover
    assert document.inline_shapes[0].height == docx.shared.Cm(3)


def test_a_logo_that_is_not_an_image_is_refused(tmp_path, capsys):
    text = tmp_path / "logo.png"
    text.write_text("not a picture", encoding="utf-8")
    out = tmp_path / "x.docx"
    assert main(["report", str(EXAMPLE), "-o", str(out), "--logo", str(text)]) == 1
    error = capsys.readouterr().err
    assert "REPORT_LOGO_FORMAT" in error and "PNG, JPEG atau SVG" in error
    assert main(["report", str(EXAMPLE), "-o", str(out), "--logo", str(tmp_path / "none.png")]) == 1
    assert "REPORT_LOGO_UNREADABLE" in capsys.readouterr().err
    assert not out.exists()
