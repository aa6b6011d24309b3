"""The dashboards' SVG charts: a legend names a trend's series, its axis is at round steps in
Indonesian numbers, its line stops at a year without a value, a missing bar is said missing."""

from __future__ import annotations

import re
from decimal import Decimal

from sakip.web.dashboards import charts

D = Decimal


def test_a_trend_has_a_legend_round_ticks_and_breaks_at_a_gap() -> None:
    svg = str(charts.trend([2018, 2019, 2020, 2021], [D(13000), D(13500), D(14000), D(14500)],
                           [D(13535), None, D(13619), D(14337)], "IKU-01", "orang"))
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "Target" in texts and "Realisasi" in texts
    assert {"0", "5.000", "10.000", "15.000"} <= set(texts) and "14000" not in svg
    actual_lines = re.findall(r'<polyline points="([^"]*)"[^>]*class="r"', svg)
    assert len(actual_lines) == 1 and actual_lines[0].count(",") == 2  # 2020–2021 only
    assert svg.count('class="t"') == 1 + 1  # the legend's and one unbroken target line


def test_a_bar_without_a_value_says_the_data_is_not_yet_available() -> None:
    svg = str(charts.bars([charts.Bar("P1", D("83.95")), charts.Bar("P7", None)]))
    assert "data belum tersedia" in svg and "83,95%" in svg
