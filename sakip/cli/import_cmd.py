"""``sakip import FILE.xlsx -o PATH``: read a filled-in workbook into a plan file;
``sakip import ENTRY.xlsx --into PLAN.yaml``: bring an entry workbook's values into a plan file.

Every problem is reported at once (sheet, row, column) and nothing is written unless the
whole workbook is valid; warnings are printed and do not stop the import. With ``--into`` the
plan file is rewritten (atomically) only when the workbook changed something and the plan with
its changes passes the plan checks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sakip.cli.options import positive_int
from sakip.cli.output import PLAN, writing
from sakip.io.limits import id_number
from sakip.io.problems import Problem

NAME = "import"
HELP = "baca buku kerja Excel yang sudah diisi menjadi berkas rencana (.yaml)"
# The defaults of sakip.io.workbook.Limits, stated here so that ``sakip --help`` does not
# import the workbook stack (tests/test_cli_startup.py checks that they agree).
DEFAULT_MAX_MIB = 50
DEFAULT_MAX_CELLS = 5_000_000


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", type=Path, metavar="BERKAS.xlsx", help="buku kerja yang dibaca")
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("-o", "--output", type=Path, metavar="PATH",
                        help="berkas rencana (.yaml) yang ditulis")
    target.add_argument("--into", type=Path, metavar="RENCANA.yaml",
                        help="berkas rencana (.yaml) yang diperbarui dengan isi buku kerja isian "
                             "(sakip export --entry); ditulis hanya bila tidak ada kesalahan")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    parser.add_argument("--max-size", type=positive_int, default=DEFAULT_MAX_MIB, metavar="MiB",
                        help=f"ukuran berkas terbesar yang diterima (bawaan {DEFAULT_MAX_MIB} MiB)")
    parser.add_argument("--max-cells", type=positive_int, default=DEFAULT_MAX_CELLS, metavar="N",
                        help="jumlah sel terbanyak yang diterima "
                             f"(bawaan {id_number(DEFAULT_MAX_CELLS)})")


def run(args: argparse.Namespace) -> int:
    if args.into is not None:
        return _into(args)
    output: Path = args.output
    with writing([(output, PLAN)], args.force) as (out,):
        from sakip.io.plan_dump import dump_plan
        from sakip.io.workbook import Limits, import_workbook

        limits = Limits(max_bytes=args.max_size * 2**20, max_cells=args.max_cells)
        result = import_workbook(args.workbook, limits)
        out.write(dump_plan(result.plan).encode("utf-8"))
    _warn(result.warnings, args.lang)
    plan = result.plan
    if args.lang == "id":
        print(f"Rencana ditulis ke {output}: {len(plan.indicators)} indikator, "
              f"{len(plan.activities)} kegiatan, {len(result.warnings)} peringatan.")
    else:
        print(f"Plan written to {output}: {len(plan.indicators)} indicators, "
              f"{len(plan.activities)} activities, {len(result.warnings)} warning(s).")
    return 0


def _into(args: argparse.Namespace) -> int:
    """The entry workbook's changes applied to the plan file ``--into``, checked, written."""
    into: Path = args.into
    with writing([(into, PLAN)], force=True) as (out,):  # the plan file is updated in place
        from sakip.io.entry import Limits, import_entry
        from sakip.io.plan_file import load_plan, save_plan

        plan = load_plan(into)
        limits = Limits(max_bytes=args.max_size * 2**20, max_cells=args.max_cells)
        result = import_entry(plan, args.workbook, limits=limits)
        if result.changed:
            out.save_with(lambda path: save_plan(result.plan, path))
    _warn(result.warnings, args.lang)
    period = result.entry.period.label(args.lang)
    if not result.changed:
        print(f"Tidak ada yang berubah: {into} tidak ditulis ({period})." if args.lang == "id"
              else f"Nothing changed: {into} is not written ({period}).")
    elif args.lang == "id":
        print(f"Rencana {into} diperbarui dari buku kerja isian {period}: "
              f"{result.changed} catatan berubah, {len(result.warnings)} peringatan.")
    else:
        print(f"Plan {into} updated from the {period} entry workbook: {result.changed} "
              f"record(s) changed, {len(result.warnings)} warning(s).")
    return 0


def _warn(warnings: tuple[Problem, ...], lang: str) -> None:
    for warning in warnings:
        label = "peringatan" if lang == "id" else "warning"
        print(f"  {label}: {warning.render(lang)}", file=sys.stderr)
