"""Charts draw names in any script the machine's fonts have (sakip.report.charts.FALLBACK),
without a warning; a character no installed font has is still warned about, never hidden."""

from __future__ import annotations

import logging
import warnings
from decimal import Decimal

import pytest

from sakip.report import charts

ARABIC = "برنامج الحماية الاجتماعية"
CJK = "社会福祉プログラム 사회복지"
EMOJI = "Bantuan sosial 😀🎉"
NEEDED = {"DejaVu Sans": ARABIC, "Noto Sans CJK JP": CJK, "Symbola": EMOJI}


def _draw(labels: list[str]) -> tuple[bytes, list[str], list[str]]:
    """The chart, and the warnings and log records (WARNING and above) drawing it gave."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("matplotlib")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            png = charts.hbar(labels, [Decimal(90)] * len(labels), ["90,00"] * len(labels),
                              [None] * len(labels), Decimal(100), "target 100%", "Capaian (%)")
    finally:
        logger.removeHandler(handler)
    return png, [str(w.message) for w in caught], [r.getMessage() for r in records]


def test_the_fallback_list_holds_only_installed_fonts_dejavu_first():
    installed = charts.families()
    assert installed[0] == "DejaVu Sans"
    assert set(installed) <= set(charts.FALLBACK)
    assert list(installed) == [f for f in charts.FALLBACK if f in installed]


@pytest.mark.parametrize("family, label", NEEDED.items())
def test_arabic_cjk_and_emoji_names_draw_without_a_warning(family, label):
    if family not in charts.families():
        pytest.skip(f"{family} is not installed (scripts/test.sh installs fonts-noto-cjk and "
                    "fonts-symbola)")
    png, warned, logged = _draw(["Program Perlindungan Sosial", label])
    assert png.startswith(b"\x89PNG")
    assert warned == [] and logged == []


def test_a_chart_of_every_script_at_once_is_reproducible():
    if not set(NEEDED) <= set(charts.families()):
        pytest.skip("the fonts of scripts/test.sh are not all installed")
    labels = [ARABIC, CJK, EMOJI]
    first, warned, logged = _draw(labels)
    assert warned == [] and logged == []
    assert first == _draw(labels)[0]


def test_a_character_no_font_has_is_still_warned_about():
    _, warned, _ = _draw(["Program \U0010fffd"])  # a private-use character: in no font
    assert any("missing from font" in message for message in warned)
