"""Charts are SVG drawn by sakip.report.charts in the body font, the same bytes for the same data;
axes print Indonesian numbers, legends name every series, a missing value is a labelled gap, and
a chart shows every item it is about."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal

import pytest

from sakip.report import charts
from sakip.report.chapters.supporting_chart import share_name
from sakip.report.images import svg_to_png
from tests.conftest import ROOT

D = Decimal
MISSING = "data belum tersedia"


def _texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def _bars(svg: str) -> int:
    return len(re.findall(r'<rect [^>]*fill="(?!white)', svg))


def _hbar() -> str:
    return charts.hbar(["Program A", "Program B", "Program C"], [D("83.95"), D("58.88"), None],
                       ["83,95%", "58,88%", ""], [None, "#c62828", None], D(80), "batas 80%",
                       "Serapan (%)", MISSING)


def test_a_chart_is_a_reproducible_svg_in_the_body_font() -> None:
    first = _hbar()
    assert first.startswith("<svg ") and first == _hbar()
    assert "font-family=\"'Liberation Sans'" in first
    assert re.search(r'width="425\.2\d*pt"', first)  # 15 cm: one unit is one point on paper


def test_drawing_charts_imports_no_plotting_library() -> None:
    code = ("import json, sys; from decimal import Decimal as D; from sakip.report import charts; "
            "charts.trend([2019, 2020], [D(1), None], ['1', ''], [D(2), D(2)], 'R', 'T', '%', 'm');"
            "print(json.dumps([n for n in ('matplotlib', 'numpy', 'cairosvg') if n in sys.modules]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert json.loads(result.stdout) == []


def test_axis_ticks_are_round_numbers_with_indonesian_separators() -> None:
    assert charts.ticks(D(0), D(14337)) == [D(0), D(5000), D(10000), D(15000)]
    assert charts.ticks(D("-5.93"), D("5.01")) == [D(v) for v in
                                                   ("-7.5", "-5", "-2.5", "0", "2.5", "5", "7.5")]
    svg = charts.trend([2018, 2019, 2020], [D(13535), D(14337), D(13619)],
                       ["13.535", "14.337", "13.619"], [None, None, None], "Jumlah PMKS", "Target",
                       "Orang", MISSING)
    texts = _texts(svg)
    assert {"0", "5.000", "10.000", "15.000"} <= set(texts)
    assert not any(re.fullmatch(r"\d{5,}", t) for t in texts)  # never "14000"


def test_a_missing_value_is_a_labelled_gap_not_a_bar() -> None:
    svg = charts.trend([2018, 2019, 2020], [D("73.85"), D("83.89"), None],
                       ["73,85", "83,89", "–"], [None, D(80), D(80)], "Realisasi", "Target", "%",
                       MISSING)
    assert _bars(svg) == 2 + 1  # two bars and the legend's swatch
    assert " ".join(_texts(svg)).count("data belum") == 1
    hbar = _hbar()
    assert MISSING in _texts(hbar) and "Program C" in _texts(hbar)


def test_legends_name_every_series() -> None:
    svg = charts.grouped(["2018", "2019"], [("Jumlah PMKS", [D(13535), D(14337)]),
                                           ("Jumlah PMKS dibantu", [D(9996), D(12028)])],
                         ("Jumlah PMKS dibantu / Jumlah PMKS (%)", [D("73.85"), D("83.89")],
                          ["73,85%", "83,89%"]), "Jumlah", "%", MISSING)
    texts = _texts(svg)
    assert {"Jumlah PMKS", "Jumlah PMKS dibantu", "Jumlah PMKS dibantu / Jumlah PMKS (%)",
            "73,85%", "83,89%", "15.000"} <= set(texts)


def test_a_bare_percent_column_is_named_by_the_share_it_is() -> None:
    bars: list[tuple[str, list[Decimal | None]]] = [
        ("Jumlah PMKS", [D(13535), D(14337)]), ("Jumlah dibantu", [D(9996), D(12028)])]
    assert share_name("%", [D("73.85"), D("83.89")], 2, bars) == "Jumlah dibantu / Jumlah PMKS (%)"
    assert share_name("%", [D("70.00"), D("83.89")], 2, bars) == "%"  # not the share: left as is
    assert share_name("Capaian (%)", [D(1), D(2)], 2, bars) == "Capaian (%)"


def test_labels_are_wrapped_to_their_measured_width() -> None:
    if "Liberation Sans" not in charts.families():
        pytest.skip("Liberation Sans (fonts-liberation2) is not installed")
    assert charts.text_width("M", 10) == pytest.approx(8.33, abs=0.01)  # Arial's metrics
    lines = charts.wrap("Program Peningkatan Kualitas Perencanaan, Pelaporan dan Informasi "
                        "Kinerja Perangkat Daerah", 120, 8)
    assert len(lines) > 1 and all(charts.text_width(line, 8) <= 120 for line in lines)


def test_a_chart_as_png_is_reproducible() -> None:
    first = svg_to_png(_hbar(), D(15), 100)
    assert first.startswith(b"\x89PNG") and first == svg_to_png(_hbar(), D(15), 100)


def test_the_example_report_charts_every_programme_and_each_gap() -> None:
    from sakip.io.plan_file import load_plan
    from sakip.report import Options, build_report, render

    html = render(build_report(load_plan(ROOT / "examples/belitung-2020.yaml"), 2020,
                               Options()), ".html").decode("utf-8")
    import base64

    svgs = [base64.b64decode(m).decode("utf-8") for m in
            re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", html)]
    charts_only = [s for s in svgs if "Liberation Sans" in s]
    absorption = next(s for s in charts_only if "Serapan (%)" in s)
    texts = " ".join(_texts(absorption))
    assert texts.count(MISSING) == 4 and "Program Peningkatan Disiplin Aparatur" in texts
    assert all("DejaVu" not in s.split("font-family=")[1][:20] for s in charts_only)
    # the PMKS table's bare "%" column is named by the share it is
    assert any("Jumlah PMKS yang memperoleh bantuan sosial /" in _texts(s) for s in charts_only)
    # IDG 2020 has no figure yet: the trend says so where its bar would be
    assert any("data belum" in " ".join(_texts(s)) and "indeks" in _texts(s) for s in charts_only)


def test_a_label_without_spaces_is_cut_to_fit_and_the_plot_keeps_its_room() -> None:
    if "Liberation Sans" not in charts.families():
        pytest.skip("Liberation Sans (fonts-liberation2) is not installed")
    word = "Programpeningkatankualitas" * 8
    lines = charts.wrap(word, 100, 8)
    assert len(lines) > 1 and all(charts.text_width(line, 8) <= 100 for line in lines)
    assert "".join(line.removesuffix("-") for line in lines) == word
    svg = charts.hbar([word, "社会福祉プログラム" * 6], [D(50), D(60)], ["50%", "60%"],
                      [None, None], D(100), "target", "Capaian (%)", MISSING)
    widths = [float(w) for w in re.findall(r'<rect x="[^"]+" y="[^"]+" width="([^"]+)"', svg)[1:]]
    assert all(w > 50 for w in widths)  # the bars have room beside the labels


def test_the_same_data_give_the_same_bytes_in_another_process() -> None:
    code = ("import hashlib; from tests.test_report_charts import _hbar; "
            "print(hashlib.sha256(_hbar().encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              cwd=ROOT, check=True, env={"PYTHONHASHSEED": seed,
                                                         "PATH": "/usr/bin:/bin"}).stdout
               for seed in ("1", "2")}
    assert len(digests) == 1
