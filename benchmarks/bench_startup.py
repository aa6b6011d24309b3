"""Start-up time of each ``sakip`` command, in fresh processes, as ratios to two floors.

The floors, measured in the same run: ``python -c pass`` (the interpreter alone) and
``python -c "import yaml, decimal"`` (what reading any plan needs at least). Each command is
run with ``--help`` (argument parsing only), and ``measure`` on the Belitung example (a whole
light command). ``python -m benchmarks.bench_startup [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from benchmarks.common import best_of

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "belitung-2020.yaml"
SAKIP = [sys.executable, "-m", "sakip.cli.main"]

FLOORS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import yaml, decimal'": [sys.executable, "-c", "import yaml, decimal"],
}
COMMANDS = {
    "sakip --help": [*SAKIP, "--help"],
    "sakip measure (example, 2020)": [*SAKIP, "measure", str(EXAMPLE), "--year", "2020"],
    **{f"sakip {name} --help": [*SAKIP, name, "--help"]
       for name in ("measure", "report", "review", "export", "import", "template", "demo",
                    "verify")},
}


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    floors = {name: best_of(args.repeat, lambda c=command: _run(c))
              for name, command in FLOORS.items()}
    first, second = floors.values()
    for name, seconds in floors.items():
        print(f"{name:<34} {seconds * 1000:7.1f} ms  (floor)")
    print(f"{'command':<34} {'ms':>7}  {'× pass':>7}  {'× yaml':>7}")
    for name, command in COMMANDS.items():
        seconds = best_of(args.repeat, lambda c=command: _run(c))
        print(f"{name:<34} {seconds * 1000:7.1f}  {seconds / first:7.1f}  {seconds / second:7.1f}")


if __name__ == "__main__":
    main()
