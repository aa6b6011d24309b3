import json
import subprocess
import sys

from sakip.cli.main import main
from tests.conftest import EXAMPLE


def test_measure_prints_readable_tables_in_indonesian(capsys):
    assert main(["measure", str(EXAMPLE), "--year", "2020"]) == 0
    out = capsys.readouterr().out
    assert "Pengukuran Kinerja 2020" in out
    assert "1.002,00" in out and "145,79" in out and "Rp" in out
    assert "2.706.863.940" in out  # Indonesian thousands separators


def test_measure_in_english(capsys):
    assert main(["--lang", "en", "measure", str(EXAMPLE)]) == 0
    assert "Performance measurement 2020" in capsys.readouterr().out


def test_measure_json_has_the_documented_shape(capsys):
    assert main(["measure", str(EXAMPLE), "--year", "2020", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"indicators", "groups", "budget", "efficiency"}
    first = data["indicators"][0]
    assert set(first) >= {"code", "name", "level", "unit", "polarity", "target", "actual",
                          "status", "achievement", "predicate", "category"}
    assert first["achievement"] == "1002.00"  # decimals as strings
    assert {"code", "name", "level", "achievement", "indicators", "missing"} <= set(data["groups"][0])
    assert {"code", "name", "level", "ceiling", "spent", "absorption"} <= set(data["budget"][0])
    assert data["key"][0] == "IKU-01" and data["own_groups"][0]["achievement"] == "1002.00"
    assert data["efficiency"][0] == {"code": "T1", "name": "Meningkatnya kesejahteraan PMKS",
                                     "achievement": "560.24", "absorption": "79.47",
                                     "efficiency": "480.77"}


def test_bad_input_is_a_message_and_exit_1_never_a_traceback(tmp_path, capsys):
    assert main(["measure", str(tmp_path / "missing.yaml")]) == 1
    err = capsys.readouterr().err
    assert "berkas tidak ditemukan" in err and "PLAN_FILE_NOT_FOUND" in err
    broken = tmp_path / "broken.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    broken.write_text(text.replace("polarity: negative", "polarity: negatif", 1), encoding="utf-8")
    assert main(["measure", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "PLAN_BAD_CHOICE" in err and "broken.yaml:" in err and "Traceback" not in err
    assert main(["measure", str(EXAMPLE), "--year", "2031"]) == 1
    assert "MEASURE_YEAR_OUTSIDE_PERIOD" in capsys.readouterr().err


def test_the_installed_command_runs():
    result = subprocess.run([sys.executable, "-m", "sakip.cli.main", "measure", str(EXAMPLE), "--json"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and json.loads(result.stdout)["year"] == 2020


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "measure" in capsys.readouterr().out
