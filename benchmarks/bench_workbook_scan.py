"""Time of the importer's scan of the sheet XML, as a ratio to a floor, at 1, 2, 4 and 8 MiB.

    python -m benchmarks.bench_workbook_scan [--sizes 1 2 4 8] [--repeat 3]

Builds the Belitung example workbook with its Target sheet grown to each size two ways: by a
comment (the shape that made the old scan quadratic: expat, fed in pieces, re-scanned the
unfinished comment with every piece) and by ordinary rows of cells with formulas. For each it
prints the time of ``container.survey`` (read the sheet from the zip, bound its grid, find the
formulas without a value) against the floor of a bare ``zipfile`` read plus one ``re`` scan of
the same XML, and the time of the whole import for the comment (refused for its extra row,
after the whole workbook was read). A linear scan keeps the ratio
flat as the size doubles; the growth column is the time over the previous size's (2 = linear).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import tempfile
import zipfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.common import best_of
from sakip.io.problems import InputError
from sakip.io.workbook import Limits, import_workbook
from sakip.io.workbook.container import _sheet_parts, survey

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "belitung-2020.xlsx"
SHEET = "Target"
_FLOOR_TAGS = re.compile(rb"<(?:c|row|f)[\s/>]")


def comment_padding(size: int) -> bytes:
    """A comment of ``size`` bytes that does not compress (so no limit refuses it), and a row
    with a formula, so that the formulas are looked for."""
    text = random.Random(size).randbytes(size // 2).hex().encode()
    return b'<row r="9999"><c r="A9999"><f>1+1</f><v>2</v></c></row><!--' + text + b"-->"


def row_padding(size: int) -> bytes:
    """Rows of five cells, one a formula with its value, from row 10000 on, ``size`` bytes."""
    rows, number = [], 10_000
    total = 0
    while total < size:
        row = (f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>IKU-{number}</t></is>'
               f'</c><c r="B{number}"><v>2020</v></c><c r="C{number}"><f>B{number}*2</f>'
               f'<v>4040</v></c><c r="D{number}"><v>94.78</v></c><c r="E{number}"/></row>').encode()
        rows.append(row)
        total += len(row)
        number += 1
    return b"".join(rows)


def grown(path: Path, padding: bytes, where: bytes) -> int:
    """The example with ``padding`` put before ``where`` in the Target sheet; its XML size."""
    with zipfile.ZipFile(EXAMPLE) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        member = _sheet_parts(source)[SHEET]
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == member:
                data = data.replace(where, padding + where, 1)
                size = len(data)
            out.writestr(info, data)
    return size


def attempt_import(path: Path) -> None:
    with contextlib.suppress(InputError):  # the formula's row names no record: reported
        import_workbook(path)


def floor(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(_sheet_parts(archive)[SHEET])
    _FLOOR_TAGS.findall(xml)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4, 8], metavar="MIB")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    limits = Limits()
    shapes: list[tuple[str, Callable[[int], bytes], bytes]] = [
        ("comment", comment_padding, b"</sheetData>"),
        ("rows", row_padding, b"</sheetData>"),
    ]
    print(f"{'sheet XML':<20}{'scan s':>9}{'floor s':>9}{'ratio':>7}{'growth':>8}{'import s':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for shape, padding, where in shapes:
            previous: float | None = None
            for mib in args.sizes:
                path = Path(folder) / f"{shape}-{mib}.xlsx"
                size = grown(path, padding(mib * 2**20), where)
                took = best_of(args.repeat, partial(survey, path, [SHEET], limits))
                base = best_of(args.repeat, partial(floor, path))
                growth = f"{took / previous:>8.2f}" if previous else f"{'':>8}"
                whole = ""
                if shape == "comment":
                    whole = f"{best_of(1, partial(attempt_import, path)):>10.3f}"
                print(f"{shape + f' {size / 2**20:.1f} MiB':<20}{took:>9.3f}{base:>9.3f}"
                      f"{took / base:>7.2f}{growth}{whole}")
                previous = took


if __name__ == "__main__":
    main()
