"""``sakip`` starts without the heavy stacks: commands import what they need when they run."""

from __future__ import annotations

import json
import subprocess
import sys

from sakip.cli import import_cmd
from sakip.io.workbook import Limits
from tests.conftest import ROOT

HEAVY = ("matplotlib", "weasyprint", "docx", "openpyxl", "django", "sakip.report",
         "sakip.io.workbook", "sakip.review.report")


def test_building_the_parser_imports_no_heavy_stack() -> None:
    code = ("import json, sys; import sakip.cli.main as m; m.build_parser(); "
            f"print(json.dumps(sorted(n for n in {list(HEAVY)!r} if n in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert json.loads(result.stdout) == []


def test_the_import_limits_shown_in_help_are_the_workbook_defaults() -> None:
    defaults = Limits()
    assert defaults.max_bytes == import_cmd.DEFAULT_MAX_MIB * 2**20
    assert defaults.max_cells == import_cmd.DEFAULT_MAX_CELLS


def test_help_states_the_exit_statuses() -> None:
    result = subprocess.run([sys.executable, "-m", "sakip.cli.main", "--help"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    assert "status keluar" in result.stdout and "3  kesalahan program (bug)" in result.stdout
