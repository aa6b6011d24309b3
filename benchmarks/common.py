"""What every benchmark shares: timing a piece of work and the size of a generated region."""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs of ``work``, in seconds (the least disturbed one)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def region_parser(doc: str | None) -> argparse.ArgumentParser:
    """A parser with the size of the generated region (50 agencies × 300 indicators × 6 years)."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agencies", type=int, default=50)
    parser.add_argument("--indicators", type=int, default=300)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--repeat", type=int, default=3)
    return parser
