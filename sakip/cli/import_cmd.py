"""``sakip import FILE.xlsx -o PATH``: read a filled-in workbook into a plan file.

Every problem is reported at once (sheet, row, column) and nothing is written unless the
whole workbook is valid; warnings are printed and do not stop the import.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sakip.cli.options import positive_int
from sakip.cli.output import PLAN, writing
from sakip.io.limits import id_number

NAME = "import"
HELP = "baca buku kerja Excel yang sudah diisi menjadi berkas rencana (.yaml)"
# The defaults of sakip.io.workbook.Limits, stated here so that ``sakip --help`` does not
# import the workbook stack (tests/test_cli_startup.py checks that they agree).
DEFAULT_MAX_MIB = 50
DEFAULT_MAX_CELLS = 5_000_000


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", type=Path, metavar="BERKAS.xlsx", help="buku kerja yang dibaca")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="PATH",
                        help="berkas rencana (.yaml) yang ditulis")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    parser.add_argument("--max-size", type=positive_int, default=DEFAULT_MAX_MIB, metavar="MiB",
                        help=f"ukuran berkas terbesar yang diterima (bawaan {DEFAULT_MAX_MIB} MiB)")
    parser.add_argument("--max-cells", type=positive_int, default=DEFAULT_MAX_CELLS, metavar="N",
                        help="jumlah sel terbanyak yang diterima "
                             f"(bawaan {id_number(DEFAULT_MAX_CELLS)})")


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    with writing([(output, PLAN)], args.force) as (out,):
        from sakip.io.plan_dump import dump_plan
        from sakip.io.workbook import Limits, import_workbook

        limits = Limits(max_bytes=args.max_size * 2**20, max_cells=args.max_cells)
        result = import_workbook(args.workbook, limits)
        out.write(dump_plan(result.plan).encode("utf-8"))
    for warning in result.warnings:
        label = "peringatan" if args.lang == "id" else "warning"
        print(f"  {label}: {warning.render(args.lang)}", file=sys.stderr)
    plan = result.plan
    if args.lang == "id":
        print(f"Rencana ditulis ke {output}: {len(plan.indicators)} indikator, "
              f"{len(plan.activities)} kegiatan, {len(result.warnings)} peringatan.")
    else:
        print(f"Plan written to {output}: {len(plan.indicators)} indicators, "
              f"{len(plan.activities)} activities, {len(result.warnings)} warning(s).")
    return 0
