"""Charts draw names in any script the machine's fonts have (sakip.report.charts.FALLBACK) —
as SVG, and as PNG for the DOCX through Typst, which shapes them (Arabic letters joined) — without
a warning; a character no installed font has is still warned about, never hidden."""

from __future__ import annotations

import warnings
from decimal import Decimal

import pytest

from sakip.report import charts
from sakip.report.images import svg_to_png

ARABIC = "برنامج الحماية الاجتماعية"
CJK = "社会福祉プログラム 사회복지"
EMOJI = "Bantuan sosial 😀🎉"
NEEDED = {"DejaVu Sans": ARABIC, "Noto Sans CJK JP": CJK, "Symbola": EMOJI}


def _draw(labels: list[str]) -> tuple[bytes, list[str]]:
    """The chart as PNG, and the warnings drawing it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = charts.hbar(labels, [Decimal(90)] * len(labels), ["90,00"] * len(labels),
                          [None] * len(labels), Decimal(100), "target 100%", "Capaian (%)",
                          "data belum tersedia")
        png = svg_to_png(svg, Decimal(15), 100)
    return png, [str(w.message) for w in caught]


def test_the_fallback_list_holds_only_installed_fonts_the_body_font_first() -> None:
    installed = charts.families()
    assert set(installed) <= set(charts.FALLBACK)
    assert list(installed) == [f for f in charts.FALLBACK if f in installed]
    assert charts.FALLBACK[0] == charts.BODY == "Liberation Sans"


@pytest.mark.parametrize("family, label", NEEDED.items())
def test_arabic_cjk_and_emoji_names_draw_without_a_warning(family: str, label: str,
                                                           capfd: pytest.CaptureFixture[str]) -> None:
    if family not in charts.families():
        pytest.skip(f"{family} is not installed (scripts/test.sh installs fonts-noto-cjk and "
                    "fonts-symbola)")
    png, warned = _draw(["Program Perlindungan Sosial", label])
    assert png.startswith(b"\x89PNG")
    assert warned == []
    assert capfd.readouterr().err == ""


def test_arabic_letters_are_joined_in_the_png() -> None:
    """Two beh drawn as one joined word differ from the same letters kept apart by a zero-width
    non-joiner; a renderer that does not shape draws both alike."""
    if "DejaVu Sans" not in charts.families():
        pytest.skip("DejaVu Sans is not installed")
    joined, _ = _draw(["ببب"])
    apart, _ = _draw(["ب\u200cب\u200cب"])
    assert joined != apart


def test_a_chart_of_every_script_at_once_is_reproducible() -> None:
    if not set(NEEDED) <= set(charts.families()):
        pytest.skip("the fonts of scripts/test.sh are not all installed")
    labels = [ARABIC, CJK, EMOJI]
    first, warned = _draw(labels)
    assert warned == []
    assert first == _draw(labels)[0]


def test_a_character_no_font_has_is_still_warned_about() -> None:
    _, warned = _draw(["Program \U0010fffd"])  # a private-use character: in no font
    assert any("missing from font" in message for message in warned)


def test_the_font_files_are_those_of_the_installed_families() -> None:
    import os

    files = charts.font_files()
    assert all(os.path.isfile(path) for path in files)
    assert len({os.path.basename(p) for p in files}) == len(files)
    assert len(files) >= len(charts.families())
