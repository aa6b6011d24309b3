"""How long the plan reader takes to refuse pathological plan files (docs/plan-format.md, "Limits").

Each input is written to a temporary folder and given to ``load_plan`` with the default limits;
the time to the refusal and the problem's code are printed, with the load of one generated
agency's plan (``benchmarks/generate.py``) beside them for scale.

    python -m benchmarks.bench_plan_limits
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import generate_plan
from sakip.io.limits import DEFAULT_LIMITS
from sakip.io.plan_dump import dump_plan
from sakip.io.plan_file import load_plan
from sakip.io.problems import InputError

HEADER = """\
format: sakip-plan/2
region: {name: Kabupaten Contoh, kind: regency}
agency: {code: dinas, name: Dinas Contoh}
strategic_plan: {name: Renstra 2019-2023, start: 2019, end: 2023}
"""


def alias_bomb(target_bytes: int = 102_000) -> str:
    """Lists of aliases to the previous list, about ``target_bytes`` long: ~10**1000 values."""
    lines = ["narratives:", "  - kind: other", "    items: &a0 [" + ", ".join(["lol"] * 10) + "]"]
    level = 1
    while sum(len(line) + 1 for line in lines) < target_bytes:
        lines += ["  - kind: other", f"    items: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]"]
        level += 1
    return HEADER + "\n".join(lines) + "\n"


def dense_values(target_bytes: int) -> str:
    """One table row of zeros: the most values a text of this size holds in a plausible shape."""
    count = (target_bytes - len(HEADER) - 100) // 2
    row = ",".join(["0"] * count)
    return HEADER + "tables:\n  - {code: X, title: T, columns: [a], rows: [[" + row + "]]}\n"


def inputs(folder: Path) -> list[tuple[str, Callable[[], Path]]]:
    def text(name: str, body: str) -> Callable[[], Path]:
        def make() -> Path:
            path = folder / name
            path.write_text(body, encoding="utf-8")
            return path
        return make

    def sparse() -> Path:
        path = folder / "huge.yaml"
        with path.open("wb") as out:
            out.truncate(1024 * 2**20)
        return path

    limit = DEFAULT_LIMITS.max_bytes
    deep = HEADER + "tables: " + "[" * 100_000 + "]" * 100_000 + "\n"
    return [
        ("alias bomb, 102 KB", text("bomb.yaml", alias_bomb())),
        ("nesting 100,000 deep", text("deep.yaml", deep)),
        ("nesting 200 deep", text("deep200.yaml", HEADER + "tables: " + "[" * 200 + "]" * 200 + "\n")),
        ("1 GiB file (sparse)", sparse),
        (f"values just under {limit // 2**20} MiB", text("dense.yaml", dense_values(limit - 1000))),
        ('NUL as "\\x00" in a name', text("nul.yaml", HEADER.replace("Dinas Contoh", '"Dinas\\x00Contoh"'))),
        ("raw NUL in a name", text("raw.yaml", HEADER.replace("Dinas Contoh", "Dinas\x00Contoh"))),
    ]


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan = folder / "agency.yaml"
        plan.write_text(dump_plan(generate_plan(0)), encoding="utf-8")
        print(f"{'input':<28}{'bytes':>14}{'seconds':>10}  code")
        for label, make in [("one generated agency (valid)", lambda: plan), *inputs(folder)]:
            path = make()
            started = time.perf_counter()
            try:
                load_plan(path)
                code = "loaded"
            except InputError as error:
                code = error.problems[0].code
            elapsed = time.perf_counter() - started
            print(f"{label:<28}{path.stat().st_size:>14,}{elapsed:>10.3f}  {code}")


if __name__ == "__main__":
    main()
