"""Time to render the LKjIP as Word (``render(document, ".docx")``), for the example and for plans
of a given number of indicators (the example scaled, built without charts), against the floor of
python-docx writing the same tables bare (:func:`benchmarks.bench_report.bare_docx`: the same
cells as plain text, no styles, merges or fields) measured in the same run.

    python -m benchmarks.bench_docx [--indicators 300 1000 3000] [--repeat 1] [--no-floor]

Each time is printed as wall-clock and CPU seconds (the machine may be shared: the clock then runs
ahead of the CPU time) with the ratio of our CPU time to the floor's. The goal (issue 15): a
3 000-indicator plan's DOCX under 10 s. The bare floor itself is superlinear in python-docx
(each ``add_table`` searches the body), so for large plans ``--no-floor`` skips it.
"""

from __future__ import annotations

import argparse
import math
import time
from collections.abc import Callable
from typing import Any

from benchmarks.bench_report import YEAR, bare_docx
from benchmarks.scale import scale_plan
from sakip.io.plan_file import load_plan
from sakip.report import Options, build_report, render
from sakip.report.model import Document, tables_of
from tests.conftest import EXAMPLE


def timed(repeat: int, work: Callable[[], Any]) -> tuple[float, float]:
    """The best wall-clock and the best CPU seconds of ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def line(name: str, document: Document, repeat: int, floor: bool) -> tuple[str, float, float]:
    cells = sum(1 for t in tables_of(document) for _ in t.cells())
    wall, cpu = timed(repeat, lambda: render(document, ".docx"))
    text = f"{name:<22}{len(tables_of(document)):>7}{cells:>9}{wall:>9.2f}{cpu:>9.2f}"
    if floor:
        floor_wall, floor_cpu = timed(repeat, lambda: bare_docx(document))
        text += f"{floor_wall:>9.2f}{floor_cpu:>9.2f}{cpu / floor_cpu:>8.2f}"
    return text, wall, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--indicators", type=int, nargs="*", default=[300, 1000, 3000],
                        help="sizes of the scaled plans (indicators)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-floor", action="store_true", help="skip the bare python-docx floor")
    args = parser.parse_args(argv)
    example = load_plan(EXAMPLE)
    print(f"LKjIP {YEAR} as DOCX; best of {args.repeat}; seconds (wall, CPU); ratio: our CPU / floor CPU")
    print(f"{'plan':<22}{'tables':>7}{'cells':>9}{'wall':>9}{'cpu':>9}{'floor w':>9}{'floor c':>9}"
          f"{'ratio':>8}", flush=True)
    print(line(f"example ({len(example.indicators)} ind.)", build_report(example, YEAR), args.repeat,
               not args.no_floor)[0], flush=True)
    for indicators in args.indicators:
        factor = max(1, math.ceil(indicators / len(example.indicators)))
        plan = scale_plan(example, factor)
        document = build_report(plan, YEAR, Options(charts=False))
        name = f"×{factor} ({len(plan.indicators)} ind.)"
        text, wall, cpu = line(name, document, args.repeat, not args.no_floor and indicators <= 1000)
        print(text, flush=True)
        if indicators >= 3000:
            print(f"  {'under' if wall < 10 else 'OVER'} the 10 s goal: {wall:.2f} s wall, {cpu:.2f} s CPU",
                  flush=True)


if __name__ == "__main__":
    main()
