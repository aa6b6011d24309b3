"""Time to build and render the LKjIP, for the example and for a plan ten times its size, each
step as a ratio to a floor measured in the same run.

    python -m benchmarks.bench_report [--factor 10] [--repeat 1] [--skip-pdf]

Steps and their floors:
* build: the document model (measurements of every year, chapters, charts) against the
  measurements alone (``measure`` for every year the report needs): the engine's own cost;
  "-charts" is the same build without charts (matplotlib is most of a build);
* docx: rendering to Word against python-docx writing the same tables (same cells, plain text,
  no styles, merges or fields);
* html: rendering to HTML against joining every cell's escaped text into one string;
* pdf: rendering to PDF against WeasyPrint laying out the same tables as bare HTML.
A ratio, not a time, is what later changes should be judged by.
"""

from __future__ import annotations

import argparse
import html
import io

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


def bare_pdf(document: Document) -> bytes:
    import weasyprint

    return bytes(weasyprint.HTML(string=bare_html(document)).write_pdf())


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
        rows.append((name, "pdf", best_of(repeat, lambda: render(document, ".pdf")),
                     best_of(repeat, lambda: bare_pdf(document)), "WeasyPrint, bare tables"))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, default=10, help="size of the large plan (× example)")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-pdf", action="store_true")
    args = parser.parse_args(argv)
    example = load_plan(EXAMPLE)
    large = scale_plan(example, args.factor)
    sizes = {id(p): (len(p.indicators), len(p.activities)) for p in (example, large)}
    results = run("example", example, args.repeat, not args.skip_pdf)
    results += run(f"×{args.factor}", large, args.repeat, not args.skip_pdf)
    print(f"LKjIP {YEAR}: example {sizes[id(example)][0]} indicators / {sizes[id(example)][1]} "
          f"activities; ×{args.factor}: {sizes[id(large)][0]} / {sizes[id(large)][1]}; "
          f"best of {args.repeat}")
    print(f"{'plan':<9}{'step':<7}{'seconds':>9}{'floor s':>9}{'ratio':>8}  floor")
    for plan, step, seconds, floor, what in results:
        print(f"{plan:<9}{step:<7}{seconds:>9.3f}{floor:>9.3f}{seconds / floor:>8.1f}  {what}")


if __name__ == "__main__":
    main()

