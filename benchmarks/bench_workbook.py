"""Time to import workbooks, as ratios to a floor measured in the same run.

    python -m benchmarks.bench_workbook [--agencies 50] [--indicators 300] [--years 6]
                                        [--repeat 3] [--hold-heap] [--cpu]

Generates ``--agencies`` plausible agency plans (benchmarks/generate.py) and writes them as
workbooks two ways: one workbook per agency (each agency fills in its own), and one workbook
holding all of them under prefixed codes (a plan ``--agencies`` times the size). For each it
prints the import time (read, validate, build the plan) against the floor of python-calamine
reading every declared sheet into Python lists without typing, checking or building anything,
and against a second floor: openpyxl (read-only, values only) reading the same sheets, the
usual way to read a workbook in Python (``vs openpyxl`` below 1 means faster than it). The
three take turns, ``--repeat`` rounds, and the fastest run of each is kept.
The export time (openpyxl) is printed for information. A ratio, not a time, is what later
changes should be judged by. ``--cpu`` times by the process's CPU time instead of the clock
(all three read in this one thread): on a machine shared with other work, a burst of load
then no longer counts against whichever of them it fell on.
"""

from __future__ import annotations

import dataclasses
import gc
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import python_calamine

from benchmarks.common import best_of, region_parser
from benchmarks.generate import generate_region
from sakip.core.model import Plan
from sakip.io.workbook import export_plan, import_workbook
from sakip.io.workbook.sheets import SHEETS


def merged(plans: list[Plan]) -> Plan:
    """All agencies' records in one plan, every code prefixed with its agency."""
    parts: dict[str, list[object]] = {key: [] for key in (
        "goals", "objectives", "programs", "activities", "indicators", "series", "budgets")}
    for index, plan in enumerate(plans):
        p = f"A{index:02d}."
        s = f"a{index:02d}_"
        codes = {x.code for x in plan.series}
        rename = re.compile(r"\b(" + "|".join(map(re.escape, codes)) + r")\b") if codes else None
        parts["goals"] += [dataclasses.replace(g, code=p + g.code) for g in plan.goals]
        parts["objectives"] += [dataclasses.replace(o, code=p + o.code, goal=p + o.goal)
                                for o in plan.objectives]
        parts["programs"] += [dataclasses.replace(
            x, code=p + x.code, objective=x.objective and p + x.objective) for x in plan.programs]
        parts["activities"] += [dataclasses.replace(
            a, code=p + a.code, program=p + a.program, parent=a.parent and p + a.parent)
            for a in plan.activities]
        parts["indicators"] += [dataclasses.replace(
            i, code=p + i.code, owner=p + i.owner,
            formula=i.formula and rename and rename.sub(lambda m, s=s: s + m.group(1), i.formula))
            for i in plan.indicators]
        parts["series"] += [dataclasses.replace(x, code=s + x.code) for x in plan.series]
        parts["budgets"] += [dataclasses.replace(b, activity=p + b.activity)
                             for b in plan.budgets]
    return dataclasses.replace(plans[0], **{key: tuple(value) for key, value in parts.items()})


def read_floor(paths: list[Path]) -> None:
    """python-calamine reading every declared sheet into lists: the unavoidable part."""
    for path in paths:
        with python_calamine.CalamineWorkbook.from_path(str(path)) as book:
            for sheet in SHEETS:
                book.get_sheet_by_name(sheet.name).to_python(skip_empty_area=False)


def read_openpyxl(paths: list[Path]) -> None:
    """openpyxl reading every declared sheet's values: the second floor."""
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            for sheet in SHEETS:
                for _row in book[sheet.name].iter_rows(values_only=True):
                    pass
        finally:
            book.close()


def best_of_each(repeat: int, works: tuple[Callable[[], object], ...],
                 clock: Callable[[], float] | None = None) -> list[float]:
    """The fastest of ``repeat`` runs of each work, the works taking turns in every round: on a
    shared machine a burst of load then slows all of them, not one, and the ratios hold.
    ``clock``: what to time by (None: the clock on the wall, as ``best_of``)."""
    best = [float("inf")] * len(works)
    for _ in range(repeat):
        for index, work in enumerate(works):
            if clock is None:
                took = best_of(1, work)
            else:
                started = clock()
                work()
                took = clock() - started
            best[index] = min(best[index], took)
    return best


def import_all(paths: list[Path]) -> None:
    for path in paths:
        import_workbook(path)


def main(argv: list[str] | None = None) -> None:
    parser = region_parser(__doc__)
    parser.add_argument("--hold-heap", action="store_true",
                        help="time with the generated plans in the collector's heap")
    parser.add_argument("--cpu", action="store_true",
                        help="time by the process's CPU time instead of the clock")
    args = parser.parse_args(argv)

    plans = generate_region(args.agencies, args.indicators, args.years)
    big = merged(plans)
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        separate = [directory / f"opd{i:02d}.xlsx" for i in range(len(plans))]
        started = time.perf_counter()
        for plan, path in zip(plans, separate, strict=True):
            export_plan(plan, path)
        export_separate = time.perf_counter() - started
        one = directory / "all.xlsx"
        started = time.perf_counter()
        export_plan(big, one)
        export_one = time.perf_counter() - started
        assert import_workbook(one).plan == big  # the benchmark measures a correct import
        # The generated plans stay alive for the check above: millions of objects a `sakip
        # import` process does not hold. Frozen, the garbage collector no longer walks them, so
        # each of the three is timed as in a fresh process (--hold-heap times them among them).
        if not args.hold_heap:
            gc.freeze()

        rows = sum(len(i.targets) + len(i.actuals) for i in big.indicators) + len(big.budgets)
        mib = sum(p.stat().st_size for p in separate) / 2**20
        print(f"{args.agencies} agencies × {args.indicators} indicators × {args.years} years: "
              f"{len(big.indicators)} indicators, {rows} target/realisation/budget rows; "
              f"best of {args.repeat}{', CPU time' if args.cpu else ''}")
        print(f"{'import':<34}{'seconds':>9}{'floor s':>9}{'ratio':>7}"
              f"{'openpyxl s':>12}{'vs openpyxl':>13}  floor")
        for label, paths, size in (
            (f"{len(separate)} workbooks, one per agency", separate, mib),
            ("1 workbook with every agency", [one], one.stat().st_size / 2**20),
        ):
            floor, took, slow = best_of_each(args.repeat, (
                lambda paths=paths: read_floor(paths),
                lambda paths=paths: import_all(paths),
                lambda paths=paths: read_openpyxl(paths)),
                time.process_time if args.cpu else None)
            print(f"{label:<34}{took:>9.3f}{floor:>9.3f}{took / floor:>7.2f}"
                  f"{slow:>12.3f}{took / slow:>13.2f}  calamine reading all sheets "
                  f"({size:.1f} MiB)")
        print(f"export (openpyxl, once): {export_separate:.1f} s for {len(separate)} workbooks, "
              f"{export_one:.1f} s for the single one")


if __name__ == "__main__":
    main()
