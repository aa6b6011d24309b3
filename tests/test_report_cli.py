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
