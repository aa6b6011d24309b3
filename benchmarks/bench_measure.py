"""Time to load and to measure plans, as ratios to floors measured in the same run.

    python -m benchmarks.bench_measure [--agencies 50] [--indicators 300] [--years 6]

* load: ``parse_plan`` of each agency's plan file, against the floor of composing the same YAML
  text into nodes without building the model (the parser's own cost);
* measure: ``measure`` of each plan for every year, against the floor of the same number of
  achievement divisions in a bare Decimal loop.
A ratio, not a time, is what later changes should be judged by: it moves only when Sakip's own
work grows relative to the unavoidable part.
"""

from __future__ import annotations

from decimal import Decimal

import yaml

from benchmarks.common import best_of, region_parser
from benchmarks.generate import generate_region
from sakip.core.measure import measure
from sakip.io.plan_dump import dump_plan
from sakip.io.plan_file import parse_plan


def main(argv: list[str] | None = None) -> None:
    parser = region_parser(__doc__)
    args = parser.parse_args(argv)

    plans = generate_region(args.agencies, args.indicators, args.years)
    texts = [dump_plan(plan) for plan in plans]
    size = sum(len(t) for t in texts)

    def compose_only() -> None:
        for text in texts:
            yaml.compose(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))

    def load_all() -> None:
        for text in texts:
            parse_plan(text, "<bench>")

    years = range(plans[0].strategic_plan.start, plans[0].strategic_plan.end + 1)
    pairs = [(t.value, a.value) for p in plans for i in p.indicators for t in i.targets
             for a in i.actuals if a.year == t.year and a.value is not None and t.value]

    def bare_arithmetic() -> None:
        for target, actual in pairs:
            (actual / target * Decimal(100)).quantize(Decimal("0.01"))

    def measure_all() -> None:
        for plan in plans:
            for year in years:
                measure(plan, year)

    floor_load = best_of(args.repeat, compose_only)
    load = best_of(args.repeat, load_all)
    floor_measure = best_of(args.repeat, bare_arithmetic)
    measured = best_of(args.repeat, measure_all)
    print(f"{args.agencies} agencies × {args.indicators} indicators × {args.years} years; "
          f"{size / 2**20:.1f} MiB of plan files; best of {args.repeat}")
    print(f"{'step':<10}{'seconds':>10}{'floor s':>10}{'ratio':>8}  floor")
    print(f"{'load':<10}{load:>10.3f}{floor_load:>10.3f}{load / floor_load:>8.2f}  yaml.compose only")
    print(f"{'measure':<10}{measured:>10.3f}{floor_measure:>10.3f}{measured / floor_measure:>8.2f}"
          f"  bare Decimal R/T×100 loop ({len(pairs)} divisions)")


if __name__ == "__main__":
    main()
