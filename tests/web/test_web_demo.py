"""``sakip demo``: one command prepares the database, the example and the demo accounts."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from sakip.cli.main import build_parser
from tests.conftest import ROOT


def run_demo(data_dir):
    env = {k: v for k, v in os.environ.items()
           if k not in ("SAKIP_DATABASE_URL", "SAKIP_SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    env["SAKIP_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, "-m", "sakip.cli.main", "demo", "--no-serve"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def test_the_demo_command_is_registered():
    assert "demo" in build_parser().format_help()


def test_the_demo_prepares_everything_and_can_run_twice(tmp_path):
    first = run_demo(tmp_path)
    assert first.returncode == 0, first.stderr
    for account in ("admin", "operator", "kepala", "inspektur", "operator2"):
        assert account in first.stdout
    assert "demo-operator-2020" in first.stdout
    second = run_demo(tmp_path)
    assert second.returncode == 0, second.stderr
    with sqlite3.connect(tmp_path / "sakip.sqlite3") as db:
        agencies = db.execute("select code, demo from plans_agency order by code").fetchall()
        users = db.execute("select count(*) from auth_user").fetchone()[0]
    assert agencies == [("dinas-contoh", 1), ("dspppa", 0)]
    assert users == 5
    assert (tmp_path / "dev-secret-key").exists()
