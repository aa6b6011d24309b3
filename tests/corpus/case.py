"""One case of the broken-input corpus, how it is run, and how its outcome is judged.

A case writes its inputs into its own folder (``make``) and returns the ``sakip`` arguments.
The runner starts the real command line in a child process — ``python -m sakip.cli.main`` —
with an address-space limit (:data:`MEMORY_LIMIT`, RLIMIT_AS) and a wall-clock limit
(:data:`TIME_LIMIT`), reads its exit status, output, time and peak resident memory, and looks at
what it left behind in its folder.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIME_LIMIT = 10.0  # seconds, wall clock
MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space (RLIMIT_AS)
TEMPORARY_PREFIX = ".sakip-"  # sakip.cli.output.TEMPORARY_PREFIX
CODE = re.compile(r"\[([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\]")
GOOD = "good"


@dataclass(frozen=True)
class Case:
    """A broken input or a misuse, and what an honest answer to it looks like.

    ``codes``: the stable codes any one of which the answer must carry (empty: any code);
    ``exits``: the acceptable exit statuses; ``warned_success``: exit 0 is acceptable when the
    answer carries one of ``codes`` as a warning (an unusual but valid input); ``writes``: the
    files (relative to the case folder) a successful run writes, nothing else may appear;
    ``expected_after``: the work that makes this case pass, while it is still to land.
    """

    reader: str
    name: str
    make: Callable[[Path], list[str]]
    codes: frozenset[str] = frozenset()
    exits: frozenset[int] = frozenset({1, 2})
    warned_success: bool = False
    writes: tuple[str, ...] = ()
    expected_after: str | None = None

    @property
    def key(self) -> str:
        return f"{self.reader}/{self.name}"


@dataclass
class Outcome:
    case: Case
    exit: int | None
    seconds: float
    peak_mib: float
    stdout: str
    stderr: str
    codes: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    verdict: str = GOOD


def case(reader: str, name: str, codes: str | tuple[str, ...] = (), **options: object) -> \
        Callable[[Callable[[Path], list[str]]], Case]:
    """Decorator: the function makes the inputs in a folder and returns the arguments."""
    wanted = frozenset((codes,) if isinstance(codes, str) else codes)

    def wrap(make: Callable[[Path], list[str]]) -> Case:
        return Case(reader, name, make, wanted, **options)  # type: ignore[arg-type]

    return wrap


def _snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


# Runs in a small Python between the test and the command: limits the command's address space
# and time, then reports its exit status and peak resident memory. (Measured here, not by the
# test process: a child started from the large test process inherits its memory high-water
# mark, so its own ru_maxrss would be the test's.)
_MONITOR = """
import resource, subprocess, sys
limit, seconds, report = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
child = subprocess.Popen(sys.argv[4:])
try:
    status = str(child.wait(seconds))
except subprocess.TimeoutExpired:
    child.kill()
    child.wait()
    status = "timeout"
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(report, "w") as out:
    out.write(f"{status} {peak}")
"""


def run(item: Case, folder: Path) -> Outcome:
    """Make the case's inputs in ``folder``, run ``sakip`` on them and judge the outcome."""
    folder.mkdir(parents=True, exist_ok=True)
    argv = item.make(folder)
    before = _snapshot(folder)
    env = dict(os.environ, PYTHONPATH=str(ROOT), OPENBLAS_NUM_THREADS="1")
    # a case's inputs are its folder's: the suite's own database (PostgreSQL in CI's second
    # run) is not one of them (``verify --data`` reads that folder's SQLite)
    for name in ("SAKIP_DATABASE_URL", "SAKIP_DATA_DIR"):
        env.pop(name, None)
    base = folder.parent / folder.name
    out_path, err_path, usage_path = (base.with_suffix(s) for s in (".out", ".err", ".usage"))
    started = time.monotonic()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        monitor = subprocess.Popen(
            [sys.executable, "-c", _MONITOR, str(MEMORY_LIMIT), str(TIME_LIMIT), str(usage_path),
             sys.executable, "-m", "sakip.cli.main", *argv],
            cwd=folder, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
            start_new_session=True)
        try:
            monitor.wait(TIME_LIMIT + 20)
        except subprocess.TimeoutExpired:  # the monitor itself stuck: end the whole group
            os.killpg(monitor.pid, signal.SIGKILL)
            monitor.wait()
    seconds = time.monotonic() - started
    status, _, peak = (usage_path.read_text() if usage_path.exists() else "timeout 0").partition(" ")
    outcome = Outcome(item, None if status == "timeout" else int(status), seconds,
                      int(peak) / 1024, out_path.read_text("utf-8", "replace"),
                      err_path.read_text("utf-8", "replace"))
    outcome.codes = sorted(set(CODE.findall(outcome.stdout + outcome.stderr)))
    outcome.leftovers = _leftovers(item, folder, before, outcome.exit == 0)
    outcome.verdict = judge(outcome)
    return outcome


def _leftovers(item: Case, folder: Path, before: set[str], succeeded: bool) -> list[str]:
    after = _snapshot(folder)
    allowed = set(item.writes) if succeeded else set()
    left = [name for name in sorted(after - before) if name not in allowed]
    left += [name for name in sorted(after & before) if TEMPORARY_PREFIX in name]
    return left


def judge(outcome: Outcome) -> str:
    """``good``, or what is wrong — the first that applies, worst first."""
    item, text = outcome.case, outcome.stdout + outcome.stderr
    if outcome.exit is None or outcome.seconds >= TIME_LIMIT:
        return "over time"
    if outcome.peak_mib >= MEMORY_LIMIT / 2**20 or "MemoryError" in text:
        return "over memory"
    if "Traceback" in text:
        return "traceback"
    if outcome.exit == 3 or "kesalahan internal" in text or "Internal error" in text:
        return "internal error"
    expected = bool(item.codes & set(outcome.codes)) if item.codes else bool(outcome.codes)
    # exit 0: fine for a valid input among the broken ones, or a warned one the case accepts
    if outcome.exit == 0 and not (0 in item.exits or (item.warned_success and expected)):
        return "wrong success"
    if outcome.leftovers:
        return "leftover"
    if outcome.exit == 0:
        return GOOD
    if outcome.exit < 0:
        return f"killed by signal {-outcome.exit}"
    if outcome.exit not in item.exits:
        return f"exit {outcome.exit}"
    if not outcome.codes:
        return "no code"
    if not expected:
        return "other code"
    return GOOD
