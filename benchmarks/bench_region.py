"""The region measured and its LKjIP Pemda built, as ratios to a floor measured in the same run.

    python -m benchmarks.bench_region [--agencies 10,20,40] [--indicators 300] [--repeat 3]

For each size N (a region of N generated agencies, benchmarks/generate_region.py):

* floor: ``measure(plan, year)`` of every agency, one after the other — the work the region's
  measurement cannot avoid, since every agency's figures are its own measurement's;
* region: ``measure_region(region, plans, year)`` (the agencies, the IKU Pemda, derived inputs,
  contributions, totals), as a ratio to the floor: near 1 means the region adds little;
* report: ``build_region_report`` (the document model, five years of the region's history), as a
  ratio to the floor.

Wall clock and CPU time (``time.process_time``) are both printed: the machine may be shared.
Linear in N means the ratios stay flat as N grows.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from benchmarks.generate_region import generate_full_region
from sakip.core.measure import measure
from sakip.core.region_measure import measure_region
from sakip.report.region import build_region_report


def _best(repeat: int, work: Callable[[], object]) -> tuple[float, float]:
    """The fastest wall-clock run of ``work`` and the CPU time of that run, in seconds."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        run = (time.perf_counter() - wall, time.process_time() - cpu)
        best = min(best, run)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agencies", default="10,20,40")
    parser.add_argument("--indicators", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    year = 2022
    print(f"{'N':>4} {'floor s (cpu)':>16} {'region s (cpu)':>16} {'ratio':>6} "
          f"{'report s (cpu)':>16} {'ratio':>6}")
    for n in (int(part) for part in args.agencies.split(",")):
        region, plans = generate_full_region(n, args.indicators)
        floor = _best(args.repeat, lambda plans=plans: [measure(p, year) for p in plans])
        whole = _best(args.repeat, lambda region=region, plans=plans:
                      measure_region(region, plans, year))
        report = _best(args.repeat, lambda region=region, plans=plans:
                       build_region_report(region, plans, year))
        print(f"{n:>4} {floor[0]:>8.3f} ({floor[1]:.3f}) {whole[0]:>8.3f} ({whole[1]:.3f}) "
              f"{whole[1] / floor[1]:>6.2f} {report[0]:>8.3f} ({report[1]:.3f}) "
              f"{report[1] / floor[1]:>6.2f}")


if __name__ == "__main__":
    main()
