"""``sakip template``, ``sakip export`` and ``sakip import``: the workflow from the shell."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip.cli.main import main
from sakip.core.model import Plan
from sakip.io.plan_file import load_plan
from tests.conftest import EXAMPLE

CORPUS = Path(__file__).parent / "data" / "workbooks"


def test_template_export_import_measure(tmp_path: Path, belitung: Plan,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "templat.xlsx"
    assert main(["template", "-o", str(template)]) == 0
    assert template.stat().st_size > 0
    workbook = tmp_path / "belitung.xlsx"
    assert main(["export", str(EXAMPLE), "-o", str(workbook)]) == 0
    plan_file = tmp_path / "rencana.yaml"
    assert main(["import", str(workbook), "-o", str(plan_file)]) == 0
    out = capsys.readouterr().out
    assert "Rencana ditulis ke" in out and "69 indikator" in out
    assert load_plan(plan_file) == belitung
    assert main(["measure", str(plan_file), "--year", "2020"]) == 0
    assert "Pengukuran Kinerja 2020" in capsys.readouterr().out


def test_outputs_are_not_overwritten_without_force(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "templat.xlsx"
    target.write_bytes(b"isian berharga")
    assert main(["template", "-o", str(target)]) == 1
    assert "OUTPUT_EXISTS" in capsys.readouterr().err
    assert target.read_bytes() == b"isian berharga"
    assert main(["template", "-o", str(target), "--force"]) == 0
    assert target.read_bytes().startswith(b"PK")
    plan_file = tmp_path / "rencana.yaml"
    plan_file.write_text("lama", encoding="utf-8")
    assert main(["import", str(CORPUS / "formula_cached.xlsx"), "-o", str(plan_file)]) == 1
    assert plan_file.read_text(encoding="utf-8") == "lama"
    assert main(["import", str(CORPUS / "formula_cached.xlsx"), "-o", str(plan_file),
                 "--force"]) == 0
    assert plan_file.read_text(encoding="utf-8").startswith("format: sakip-plan/2")


def test_a_broken_workbook_prints_every_problem_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "rencana.yaml"
    assert main(["import", str(CORPUS / "bad_values.xlsx"), "-o", str(plan_file)]) == 1
    err = capsys.readouterr().err
    assert "Masukan tidak valid: 7 kesalahan." in err
    assert "lembar 'Target', baris 2, kolom E (Target)" in err and "XLSX_BAD_NUMBER" in err
    assert "Traceback" not in err
    assert not plan_file.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind either


def test_a_failed_import_leaves_the_existing_output_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "rencana.yaml"
    plan_file.write_text("versi lama", encoding="utf-8")
    assert main(["import", str(CORPUS / "truncated.xlsx"), "-o", str(plan_file),
                 "--force"]) == 1
    assert "XLSX_CORRUPT" in capsys.readouterr().err
    assert plan_file.read_text(encoding="utf-8") == "versi lama"


def test_warnings_are_printed_and_the_import_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file = tmp_path / "rencana.yaml"
    assert main(["import", str(CORPUS / "spending_above_ceiling.xlsx"),
                 "-o", str(plan_file)]) == 0
    captured = capsys.readouterr()
    assert "peringatan" in captured.err and "PLAN_SPENDING_ABOVE_CEILING" in captured.err
    # the year's spending now also differs from the sum of its quarters (a second warning)
    assert "PLAN_PERIODS_DISAGREE" in captured.err and "2 peringatan" in captured.out
    assert plan_file.exists()


def test_messages_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "import", str(CORPUS / "encrypted.xlsx"),
                 "-o", str(tmp_path / "x.yaml")]) == 1
    assert "password-protected" in capsys.readouterr().err


def test_limits_are_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(CORPUS / "formula_cached.xlsx"), "-o", str(tmp_path / "x.yaml"),
                 "--max-cells", "50"]) == 1
    assert "XLSX_TOO_MANY_CELLS" in capsys.readouterr().err


def test_export_of_a_missing_plan_is_a_message(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "tidak-ada.yaml"), "-o", str(tmp_path / "x.xlsx")]) == 1
    assert "PLAN_FILE_NOT_FOUND" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_the_commands_are_listed_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    out = capsys.readouterr().out
    assert "template" in out and "export" in out and "import" in out
