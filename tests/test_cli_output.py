"""Every command writes its files the one way of ``sakip.cli.output``: atomically, never over an
existing file without --force, with the extension of the format written, and with a missing or
unwritable folder reported as a problem before the work — never a crash or a leftover file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sakip.cli.main import main
from tests.conftest import EXAMPLE, ROOT

WORKBOOK = ROOT / "examples" / "belitung-2020.xlsx"
REVIEWED = ROOT / "tests" / "data" / "review" / "faulty-lkjip.md"


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob(".sakip-*")]


def writers(out: Path) -> dict[str, list[str]]:
    """Each writing command with its output ``out``."""
    return {
        "report": ["report", str(EXAMPLE), "--year", "2020", "--no-charts", "-o", str(out)],
        "export": ["export", str(EXAMPLE), "-o", str(out)],
        "import": ["import", str(WORKBOOK), "-o", str(out)],
        "template": ["template", "-o", str(out)],
    }


GOOD = {"report": "lkjip.html", "export": "rencana.xlsx", "import": "rencana.yaml",
        "template": "templat.xlsx"}


@pytest.mark.parametrize("command", sorted(GOOD))
def test_an_existing_file_is_kept_without_force_and_replaced_with_it(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / GOOD[command]
    target.write_bytes(b"isian berharga")
    os.chmod(target, 0o640)
    assert main(writers(target)[command]) == 1
    assert "[OUTPUT_EXISTS]" in capsys.readouterr().err
    assert target.read_bytes() == b"isian berharga"
    assert main(writers(target)[command] + ["--force"]) == 0
    assert target.read_bytes() != b"isian berharga"
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file keeps its mode
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


WRONG = {"report": "lkjip.xlsx", "export": "rencana.yaml", "import": "rencana.xlsx",
         "template": "templat.yaml"}


@pytest.mark.parametrize("command", sorted(WRONG))
def test_an_extension_that_is_not_the_format_written_is_refused(
        command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(writers(tmp_path / WRONG[command])[command]) == 1
    error = capsys.readouterr().err
    code = "REPORT_UNKNOWN_FORMAT" if command == "report" else "OUTPUT_WRONG_EXTENSION"
    assert f"[{code}]" in error and "Traceback" not in error
    assert not list(tmp_path.iterdir())


def test_the_wrong_extension_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "import", str(WORKBOOK), "-o", str(tmp_path / "x.xlsx")]) == 1
    error = capsys.readouterr().err
    assert "what is written is a YAML plan file, use a file ending in .yaml, .yml" in error


@pytest.mark.parametrize("command", sorted(GOOD))
def test_a_missing_folder_is_a_problem(command: str, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(writers(tmp_path / "tidak-ada" / GOOD[command])[command]) == 1
    assert "[OUTPUT_FOLDER_MISSING]" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("command", sorted(GOOD))
def test_a_folder_that_is_a_file_is_a_problem(command: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "somefile.txt").write_text("x")
    assert main(["--lang", "en"] + writers(tmp_path / "somefile.txt" / GOOD[command])[command]) == 1
    assert "is a file, not a folder [OUTPUT_FOLDER_NOT_A_FOLDER]" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc")
def test_an_unwritable_folder_is_a_problem_before_the_work(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["template", "-o", "/proc/t.xlsx"]) == 1
    assert "[OUTPUT_FOLDER_NOT_WRITABLE]" in capsys.readouterr().err
    assert main(["report", str(EXAMPLE), "--year", "2020", "-o", "/proc/lkjip.pdf"]) == 1
    assert "[OUTPUT_FOLDER_NOT_WRITABLE]" in capsys.readouterr().err


def test_a_failure_after_the_checks_leaves_no_temporary_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLE), "--year", "2030", "-o", str(tmp_path / "x.docx")]) == 1
    assert main(["export", str(tmp_path / "tidak-ada.yaml"), "-o", str(tmp_path / "x.xlsx")]) == 1
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"not a workbook")
    assert main(["import", str(broken), "-o", str(tmp_path / "x.yaml")]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rusak.xlsx"]


def test_review_papers_in_a_file_or_under_one_are_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = tmp_path / "existing.xlsx"
    existing.write_bytes(b"x")
    assert main(["review", str(REVIEWED), "--papers", str(existing)]) == 2
    assert "[OUTPUT_NOT_A_FOLDER]" in capsys.readouterr().err
    assert main(["review", str(REVIEWED), "--papers", str(existing / "kkr")]) == 2
    assert "[OUTPUT_FOLDER_NOT_WRITABLE]" in capsys.readouterr().err
    assert existing.read_bytes() == b"x"


def test_review_papers_are_all_checked_and_the_folder_is_not_left_for_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    papers = tmp_path / "kkr"
    assert main(["review", str(tmp_path / "tidak-ada.docx"), "--papers", str(papers)]) == 2
    assert not papers.exists()  # created for the review, removed when it could not be read
    papers.mkdir()
    (papers / "kertas-kerja-reviu.docx").write_bytes(b"catatan")
    assert main(["review", str(REVIEWED), "--papers", str(papers)]) == 2
    assert "[OUTPUT_EXISTS]" in capsys.readouterr().err
    assert sorted(p.name for p in papers.iterdir()) == ["kertas-kerja-reviu.docx"]
    assert main(["review", str(REVIEWED), "--papers", str(papers), "--force"]) == 1
    assert len(list(papers.iterdir())) == 4 and not leftovers(papers)


@pytest.fixture(scope="module")
def large_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from benchmarks.generate import generate_plan
    from sakip.io.plan_dump import dump_plan

    path = tmp_path_factory.mktemp("large") / "besar.yaml"
    path.write_text(dump_plan(generate_plan(0, indicators=1500, years=6)), encoding="utf-8")
    return path


def test_sigterm_while_exporting_leaves_no_temporary_file(large_plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "besar.xlsx"
    process = subprocess.Popen(
        [sys.executable, "-m", "sakip.cli.main", "export", str(large_plan), "-o", str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if list(tmp_path.glob(".sakip-*.xlsx")):  # the output is reserved: writing has begun
            break
        time.sleep(0.005)
    time.sleep(0.3)  # well into reading the plan and filling the workbook
    assert process.poll() is None, "the export ended before it could be interrupted"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 143, err.decode()
    assert not target.exists() and not leftovers(tmp_path)
