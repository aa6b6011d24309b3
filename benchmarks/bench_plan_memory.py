"""Peak memory of measuring a large plan file, over the file's size (docs/plan-format.md, "Limits").

For generated plans of about 1, 5 and 20 MiB (``benchmarks/generate.py`` scaled up by
``benchmarks/scale.py``), each reading runs in a fresh process, whose peak resident memory is
read by a wrapper process with ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``:

- ``sakip measure PLAN`` — load, check and measure the plan and print its figures; a file over
  the default ``PlanLimits`` (16 MiB, 2,000,000 values) is refused by the command, so it is
  measured by the same steps with the limits raised to fit it (``measure, limits raised``);
- the floor: the same text read by ``yaml.load`` with PyYAML's ``CSafeLoader`` (libyaml) —
  the cheapest real way to read the YAML into Python objects, nothing checked or built.

Printed per plan: bytes, peak RSS and its ratio to the file size, seconds, and the ratios of
memory and time to the floor's. ``--folder DIR`` keeps the generated plans there and reuses
them (generating the 20 MiB plan takes minutes); ``--source DIR`` runs the readings with
another checkout of Sakip first on the path (to compare before and after a change).

    python -m benchmarks.bench_plan_memory [--sizes 1 5 20] [--repeat 1] [--folder DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sakip.io.limits import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parent.parent
AGENCY_BYTES = 175_800  # one generated agency's plan file (300 indicators over 6 years)

# Runs one command as a child and prints its wall time and peak RSS (KiB on Linux) as JSON.
WRAPPER = """\
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
print(json.dumps({"seconds": time.perf_counter() - started, "exit": done.returncode,
                  "kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "stderr": done.stderr[-400:]}))
"""

# What ``sakip measure PLAN`` does, with limits that fit a plan over the default ones.
MEASURE_RAISED = """\
import sys
from sakip.cli.measure_cmd import render_text
from sakip.core.measure import default_year, measure
from sakip.io.limits import PlanLimits
from sakip.io.plan_file import load_plan
plan = load_plan(sys.argv[1], PlanLimits(max_bytes=int(sys.argv[2]), max_nodes=int(sys.argv[3])))
sys.stdout.write(render_text(plan, measure(plan, default_year(plan))))
"""

FLOOR = """\
import sys, yaml
with open(sys.argv[1], encoding="utf-8") as handle:
    yaml.load(handle.read(), Loader=yaml.CSafeLoader)
"""


def generate(folder: Path, mib: float) -> Path:
    """A generated plan of about ``mib`` MiB in ``folder`` (made once, then reused)."""
    factor = max(1, round(mib * 2**20 / AGENCY_BYTES))
    path = folder / f"plan-x{factor}.yaml"
    if not path.exists():
        from benchmarks.generate import generate_plan
        from benchmarks.scale import scale_plan
        from sakip.io.plan_dump import dump_plan

        started = time.perf_counter()
        text = dump_plan(scale_plan(generate_plan(0), factor))
        partial = path.with_suffix(".part")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
        print(f"  (generated {path.name}: {len(text.encode()):,} bytes in "
              f"{time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return path


def peak(command: list[str], source: str | None) -> dict[str, float | int | str]:
    """Wall time, exit code and peak RSS of ``command`` run in a fresh process."""
    env = dict(os.environ)
    paths = [source or str(ROOT), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    # run from the checkout: ``python -c`` and ``-m`` put the working folder first on the path
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True,
                          text=True, check=True, cwd=source or ROOT, env=env)
    result: dict[str, float | int | str] = json.loads(done.stdout)
    return result


def best(command: list[str], source: str | None, repeat: int) -> dict[str, float | int | str]:
    """The least disturbed of ``repeat`` runs: the shortest time and the smallest peak."""
    runs = [peak(command, source) for _ in range(repeat)]
    failed = [run for run in runs if run["exit"] != 0]
    if failed:
        raise SystemExit(f"{' '.join(command)} failed:\n{failed[0]['stderr']}")
    return {"seconds": min(float(run["seconds"]) for run in runs),
            "kib": min(int(run["kib"]) for run in runs)}


def readings(path: Path) -> list[tuple[str, list[str]]]:
    size = path.stat().st_size
    values = 2 * size  # a bound on the values of a text this long (sakip.io.yamlnode)
    if size <= DEFAULT_LIMITS.max_bytes:  # a generated plan: about 9 bytes a value
        reader = ("sakip measure", [sys.executable, "-m", "sakip.cli.main", "measure", str(path)])
    else:
        reader = ("measure, limits raised",
                  [sys.executable, "-c", MEASURE_RAISED, str(path), str(size), str(values)])
    return [("yaml.load CSafeLoader (floor)", [sys.executable, "-c", FLOOR, str(path)]), reader]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20], help="MiB")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--folder", type=Path, help="where the generated plans are kept")
    parser.add_argument("--source", help="another checkout of Sakip to run the readings with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.folder or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'plan':<18}{'reading':<31}{'MiB':>7}{'peak MiB':>10}{'× file':>8}"
              f"{'s':>7}{'mem × floor':>13}{'time × floor':>14}")
        for mib in args.sizes:
            path = generate(folder, mib)
            size = path.stat().st_size
            floor: dict[str, float | int | str] | None = None
            for label, command in readings(path):
                found = best(command, args.source, args.repeat)
                kib, seconds = int(found["kib"]), float(found["seconds"])
                floor = floor or found
                print(f"{path.name:<18}{label:<31}{size / 2**20:7.2f}{kib / 1024:10.1f}"
                      f"{kib * 1024 / size:8.1f}{seconds:7.2f}"
                      f"{kib / int(floor['kib']):13.2f}{seconds / float(floor['seconds']):14.2f}")


if __name__ == "__main__":
    main()
