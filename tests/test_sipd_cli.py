"""``sakip import-sipd``: a plan with the year's budgets from a SIPD export, or every problem
and nothing written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sakip.cli.main import main
from sakip.io.plan_file import load_plan

DATA = Path(__file__).parent / "data" / "sipd"
PLAN = DATA / "rencana.yaml"


def test_the_export_is_written_into_a_new_plan_file(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rencana-2024.yaml"
    assert main(["import-sipd", str(PLAN), str(DATA / "realisasi-sub-kegiatan.xlsx"),
                 "--year", "2024", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "5 catatan anggaran berubah, 6 kegiatan/sub kegiatan ditambahkan" in printed
    plan = load_plan(out)
    budget = next(b for b in plan.budgets if b.activity == "1.06.04.2.01.0006")
    assert (budget.ceiling, budget.spent) == (Decimal(20_000_000), Decimal(9_600_000))
    assert main(["measure", str(out), "--year", "2024"]) == 0
    assert "Pemberian Layanan Rujukan" in capsys.readouterr().out


def test_a_broken_export_writes_nothing_and_says_where(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "sipd.csv"
    export.write_text("Kode;Uraian;Pagu;Realisasi\n1.06.01.2.01.0001;Penyusunan;x;1\n",
                      encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert main(["--lang", "en", "import-sipd", str(PLAN), str(export), "--year", "2024",
                 "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{export}:2: Pagu: not a number: 'x'" in err and "[SIPD_BAD_NUMBER]" in err
    assert not out.exists() and list(tmp_path.iterdir()) == [export]


def test_the_output_is_not_overwritten_without_force(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.yaml"
    out.write_text("berharga", encoding="utf-8")
    args = ["import-sipd", str(PLAN), str(DATA / "realisasi-program-kegiatan.csv"),
            "--year", "2024", "-o", str(out)]
    assert main(args) == 1 and "OUTPUT_EXISTS" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "berharga"
    assert main([*args, "--force"]) == 0
    assert load_plan(out).activity_by_code["1.06.04.2.01"].program == "PRS"


def test_the_help_is_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "import-sipd", "--help"])
    assert "the budget year of the export" in capsys.readouterr().out


def test_the_size_limit_shown_in_help_is_the_readers_default() -> None:
    from sakip.cli import sipd_cmd
    from sakip.io.sipd import Limits

    assert Limits().max_bytes == sipd_cmd.DEFAULT_MAX_MIB * 2**20
