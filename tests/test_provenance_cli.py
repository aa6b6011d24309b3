"""``sakip explain``: the derivation of an indicator's or a programme's figures, in both languages."""

from __future__ import annotations

import pytest

from sakip.cli.main import main
from tests.conftest import EXAMPLE, ROOT


def test_explain_prints_an_indicators_figures_with_formula_inputs_and_plan_lines(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(EXAMPLE), "--year", "2020", "IKU-02"]) == 0
    out = capsys.readouterr().out
    assert "Capaian IKU-02 2020" in out and "Realisasi IKU-02 2020" in out
    assert "Jumlah PMKS yang memperoleh bantuan sosial 2020 ÷ Jumlah PMKS 2020 × 100" in out
    assert "pmks_handled[n] = 12.908" in out
    assert f"sumber: {EXAMPLE} baris " in out
    assert "dibulatkan setengah ke atas ke 2 desimal" in out
    assert "Hasil: 118,48" in out


def test_explain_in_english_and_a_programmes_absorption(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "explain", str(EXAMPLE), "--year", "2020", "P1"]) == 0
    out = capsys.readouterr().out
    assert "Budget absorption of" in out and "spending ÷ ceiling × 100" in out
    assert "Result: 83.95" in out and "see ceiling:2020:K1.1" in out


def test_explain_a_figure_key_from_a_workbook_names_its_cells(
        capsys: pytest.CaptureFixture[str]) -> None:
    workbook = ROOT / "examples" / "belitung-2020.xlsx"
    assert main(["explain", str(workbook), "--year", "2020", "actual:2020:IKU-02"]) == 0
    out = capsys.readouterr().out
    assert "lembar Nilai Seri, baris" in out and "kolom" in out


def test_an_unknown_code_is_a_problem_with_a_stable_code_and_exit_1(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(EXAMPLE), "--year", "2020", "NOPE"]) == 1
    err = capsys.readouterr().err
    assert "[EXPLAIN_UNKNOWN_CODE]" in err and "Traceback" not in err
    assert main(["--lang", "en", "explain", str(EXAMPLE), "--year", "2031", "IKU-01"]) == 1
    assert "[EXPLAIN_YEAR_OUTSIDE_PERIOD]" in capsys.readouterr().err


def test_explain_prints_labels_and_directions_in_the_language_asked_for(
        capsys: pytest.CaptureFixture[str]) -> None:
    """The achievement's predicate and category, and a change's direction, in one language: the
    scale's label_en in English, never the other language beside it."""
    assert main(["--lang", "en", "explain", str(EXAMPLE), "--year", "2020", "IKU-06"]) == 0
    english = capsys.readouterr().out
    assert "(Not achieved / Good)" in english and "Tidak tercapai" not in english
    assert "(the same)" in english and "sama" not in english
    assert main(["explain", str(EXAMPLE), "--year", "2020", "IKU-06"]) == 0
    indonesian = capsys.readouterr().out
    assert "(Tidak tercapai / Baik)" in indonesian and "(sama)" in indonesian
    assert "the same" not in indonesian
