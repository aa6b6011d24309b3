"""The linters and the type checker are part of the test suite, so CI and developers run them."""

import subprocess
import sys

from tests.conftest import ROOT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing():
    result = run(sys.executable, "-m", "ruff", "check", "sakip", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_core_passes():
    result = run(sys.executable, "-m", "mypy", "sakip")
    assert result.returncode == 0, result.stdout + result.stderr
