"""Time to build and render the LKjIP, for the example and for a plan ten times its size, each
step as a ratio to a floor measured in the same run.

    python -m benchmarks.bench_report [--factor 10] [--repeat 1] [--skip-pdf] [--indicators 3000]

Steps and their floors:
* build: the document model (measurements of every year, chapters, charts) against the
  measurements alone (``measure`` for every year the report needs): the engine's own cost;
  "-charts" is the same build without charts (matplotlib is most of a build);
* docx: rendering to Word against python-docx writing the same tables (same cells, plain text,
  no styles, merges or fields);
* html: rendering to HTML against joining every cell's escaped text into one string;
* pdf: rendering to PDF (Typst) against LibreOffice converting our own DOCX of the same document
  to PDF (``soffice --headless --convert-to pdf``, a fresh LibreOffice each time, its profile
  made beforehand): the ratio says whether our PDF is faster than the office suite's. Our PDF is
  timed in a fresh Python process (Typst reuses layouts within a process, so a second render
  there would be too fast): "pdf" is ``render_pdf`` alone, "pdf+py" the whole process (Python
  start, imports, reading the document, rendering, writing). Both wall-clock and CPU seconds are
  printed for it: on a busy machine the clock runs well ahead of the CPU time.
Then the DOCX of a plan with ``--indicators`` indicators (3 000 by default; the example scaled).
A ratio, not a time, is what later changes should be judged by.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import math
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

from benchmarks.common import best_of
from benchmarks.scale import scale_plan
from sakip.core.measure import measure
from sakip.core.model import Plan
from sakip.io.plan_file import load_plan
from sakip.report import Options, build_report, render
from sakip.report.model import Document, tables_of
from tests.conftest import EXAMPLE

YEAR = 2020


def bare_docx(document: Document) -> bytes:
    word = docx.Document()
    for t in tables_of(document):
        rows = [tuple(c.text for c in r) for r in t.header] + [
            tuple(c.text for c in r.cells) for r in t.rows]
        target = word.add_table(rows=len(rows), cols=len(t.columns))
        for word_row, cells in zip(target.rows, rows, strict=True):
            for word_cell, text in zip(word_row.cells, cells, strict=False):
                word_cell.text = text
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def bare_html(document: Document) -> str:
    parts = []
    for t in tables_of(document):
        parts.append("<table>")
        for row in (*t.header, *(r.cells for r in t.rows)):
            parts.append("<tr>" + "".join(f"<td>{html.escape(c.text)}</td>" for c in row) + "</tr>")
        parts.append("</table>")
    return "".join(parts)


COLD_PDF = """
import json, pickle, sys, time
from sakip.report.render_pdf import render_pdf
with open(sys.argv[1], "rb") as f:
    document = pickle.load(f)
begun = time.perf_counter(), time.process_time()
data = render_pdf(document)
done = time.perf_counter(), time.process_time()
with open(sys.argv[2], "wb") as f:
    f.write(data)
print(json.dumps({"wall": done[0] - begun[0], "cpu": done[1] - begun[1]}))
"""


def our_pdf(document: Document, repeat: int) -> tuple[float, float, float]:
    """Seconds of ``render_pdf`` (wall, CPU) and of its whole process, each the best of ``repeat``
    runs in a fresh Python process."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder:
        model = Path(folder) / "document.pickle"
        model.write_bytes(pickle.dumps(document))
        for _ in range(repeat):
            started = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", COLD_PDF, str(model), str(Path(folder) / "out.pdf")],
                                 check=True, capture_output=True, text=True)
            whole = time.perf_counter() - started
            measured = json.loads(out.stdout.strip().splitlines()[-1])
            runs.append((measured["wall"], measured["cpu"], whole))
    return min(runs)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_pdf(document: Document, repeat: int) -> float | None:
    """Seconds for LibreOffice to convert our DOCX of ``document`` to PDF (best of ``repeat``), or
    None without LibreOffice."""
    program = soffice()
    if program is None:
        return None
    with tempfile.TemporaryDirectory(prefix="bench-soffice-") as folder:
        source = Path(folder) / "lkjip.docx"
        source.write_bytes(render(document, ".docx"))
        profile = (Path(folder) / "profile").as_uri()
        command = [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", folder, str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=900)  # makes the profile

        def convert() -> None:
            subprocess.run(command, check=True, capture_output=True, timeout=900)
            assert (Path(folder) / "lkjip.pdf").stat().st_size > 0

        return best_of(repeat, convert)


def run(name: str, plan: Plan, repeat: int, pdf: bool) -> list[tuple[str, str, float, float, str]]:
    years = range(plan.strategic_plan.start, YEAR + 1)
    document = build_report(plan, YEAR)
    cells = sum(1 for t in tables_of(document) for _ in t.cells())
    rows = []
    floor = best_of(repeat, lambda: [measure(plan, y) for y in years])
    rows.append((name, "build", best_of(repeat, lambda: build_report(plan, YEAR)), floor,
                 f"measure() for {len(years)} years"))
    rows.append((name, "-charts", best_of(repeat, lambda: build_report(plan, YEAR, Options(
        charts=False))), floor, "the same, the build without charts"))
    rows.append((name, "docx", best_of(repeat, lambda: render(document, ".docx")),
                 best_of(repeat, lambda: bare_docx(document)),
                 f"plain python-docx, {len(tables_of(document))} tables, {cells} cells"))
    rows.append((name, "html", best_of(repeat, lambda: render(document, ".html")),
                 best_of(repeat, lambda: bare_html(document)), "escaped cells joined"))
    if pdf:
        wall, cpu, whole = our_pdf(document, repeat)
        office = libreoffice_pdf(document, repeat)
        if office is None:
            print("LibreOffice (soffice) not found: the PDF comparison is skipped; install it with "
                  "`apt-get install libreoffice-writer-nogui`")
            office = math.nan
        what = "LibreOffice: soffice --headless --convert-to pdf of our DOCX"
        rows.append((name, "pdf", wall, office, f"{what}; render_pdf, {cpu:.3f} s CPU"))
        rows.append((name, "pdf+py", whole, office, f"{what}; the whole Python process"))
    return rows


def docx_of_size(example: Plan, indicators: int) -> tuple[str, float, float, int, float]:
    """A plan of about ``indicators`` indicators (the example scaled): seconds to build its report
    and to render the DOCX (wall clock, and the render's CPU seconds last); more sizes, with the
    floor, in ``benchmarks/bench_docx.py``."""
    factor = max(1, math.ceil(indicators / len(example.indicators)))
    plan = scale_plan(example, factor)
    started = time.perf_counter()
    document = build_report(plan, YEAR, Options(charts=False))
    built = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    render(document, ".docx")
    return (f"×{factor}", built, time.perf_counter() - started, len(plan.indicators),
            time.process_time() - cpu)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, default=10, help="size of the large plan (× example)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-pdf", action="store_true")
    parser.add_argument("--indicators", type=int, default=3000,
                        help="size of the plan whose DOCX is timed (0: skip)")
    args = parser.parse_args(argv)
    example = load_plan(EXAMPLE)
    large = scale_plan(example, args.factor)
    sizes = {id(p): (len(p.indicators), len(p.activities)) for p in (example, large)}
    print(f"LKjIP {YEAR}: example {sizes[id(example)][0]} indicators / {sizes[id(example)][1]} "
          f"activities; ×{args.factor}: {sizes[id(large)][0]} / {sizes[id(large)][1]}; "
          f"best of {args.repeat}")
    print(f"{'plan':<9}{'step':<7}{'seconds':>9}{'floor s':>9}{'ratio':>8}  floor", flush=True)
    goals = []
    for name, plan, goal in (("example", example, 1.0), (f"×{args.factor}", large, 5.0)):
        for plan_name, step, seconds, floor, what in run(name, plan, args.repeat, not args.skip_pdf):
            print(f"{plan_name:<9}{step:<7}{seconds:>9.3f}{floor:>9.3f}{seconds / floor:>8.2f}  {what}",
                  flush=True)
            if step == "pdf":
                verdict = "under" if seconds < goal else "OVER"
                office = ("LibreOffice not measured" if math.isnan(floor) else
                          f"{floor / seconds:.1f}× as fast as LibreOffice converting our DOCX")
                goals.append(f"PDF of the {plan_name}: {seconds:.2f} s wall ({verdict} the {goal:g} s "
                             f"goal), {office}")
    for line in goals:
        print(line)
    if args.indicators:
        name, built, seconds, count, cpu = docx_of_size(example, args.indicators)
        goal = "under" if seconds < 10 else "OVER"
        print(f"DOCX of a {count}-indicator plan ({name}): {seconds:.2f} s, {cpu:.2f} s CPU "
              f"({goal} the 10 s goal); "
              f"its report built (no charts) in {built:.2f} s")


if __name__ == "__main__":
    main()
