"""Charts are PNGs drawn by matplotlib, the same bytes for the same data."""

from decimal import Decimal

from sakip.report import charts


def test_a_chart_is_a_reproducible_png():
    def draw() -> bytes:
        return charts.hbar(["Program A", "Program B"], [Decimal("83.95"), Decimal("58.88")],
                           ["83,95%", "58,88%"], [None, "#c62828"], Decimal(80), "batas 80%",
                           "Serapan (%)")

    first = draw()
    assert first.startswith(b"\x89PNG") and first == draw()
    assert b"Software" not in first  # no stamp that would differ between versions


def test_missing_values_are_left_out_of_a_trend():
    png = charts.trend([2018, 2019, 2020], [Decimal("73.85"), None, Decimal("94.78")],
                       ["73,85", "–", "94,78"], [None, Decimal(80), Decimal(80)], "Realisasi",
                       "Target", "%")
    assert png.startswith(b"\x89PNG")
