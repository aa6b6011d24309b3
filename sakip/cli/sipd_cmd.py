"""``sakip import-sipd PLAN.yaml EXPORT.xlsx|.csv --year Y -o OUT.yaml``: a plan with the year's
budgets read from a SIPD budget export (docs/sipd.md).

Every problem of the export is reported at once (file, sheet, row, column, a ``SIPD_*`` code)
and nothing is written unless the export is sound and the plan with its budgets passes the plan
checks; warnings (a programme's total that is not the sum of its rows) are printed and do not
stop the import.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sakip.cli.english import ENGLISH
from sakip.cli.options import positive_int
from sakip.cli.output import PLAN, writing

NAME = "import-sipd"
HELP = ("baca ekspor anggaran SIPD (.xlsx atau .csv: pagu dan realisasi per program, kegiatan "
        "dan sub kegiatan) ke dalam berkas rencana (.yaml)")
DEFAULT_MAX_MIB = 20  # sakip.io.sipd.Limits, stated here so that --help does not import it

# The English of this command's help (sakip/cli/english.py holds the others'; these are added
# to the same catalogue, which tests/test_cli_english.py checks).
ENGLISH.update({
    HELP: "read a SIPD budget export (.xlsx or .csv: ceiling and spending per programme, "
          "kegiatan and sub kegiatan) into a plan file (.yaml)",
    "berkas ekspor anggaran SIPD (.xlsx atau .csv)": "SIPD budget export (.xlsx or .csv)",
    "tahun anggaran ekspor itu": "the budget year of the export",
    f"ukuran berkas terbesar yang diterima (bawaan {DEFAULT_MAX_MIB} MiB)":
        f"largest file size accepted (default {DEFAULT_MAX_MIB} MiB)",
})


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plan", type=Path, metavar="RENCANA.yaml", help="berkas rencana (.yaml)")
    parser.add_argument("export", type=Path, metavar="EKSPOR.xlsx|.csv",
                        help="berkas ekspor anggaran SIPD (.xlsx atau .csv)")
    parser.add_argument("--year", type=positive_int, required=True, metavar="TAHUN",
                        help="tahun anggaran ekspor itu")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="PATH",
                        help="berkas rencana (.yaml) yang ditulis")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    parser.add_argument("--max-size", type=positive_int, default=DEFAULT_MAX_MIB, metavar="MiB",
                        help=f"ukuran berkas terbesar yang diterima (bawaan {DEFAULT_MAX_MIB} MiB)")


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    with writing([(output, PLAN)], args.force) as (out,):
        from sakip.io.plan_checks import check_plan
        from sakip.io.plan_dump import dump_plan
        from sakip.io.plan_file import load_plan
        from sakip.io.problems import InputError, Severity
        from sakip.io.sipd import Limits, import_sipd

        plan = load_plan(args.plan)
        result = import_sipd(plan, args.export, args.year, Limits(max_bytes=args.max_size * 2**20))
        checked = check_plan(result.plan)
        if any(p.severity is Severity.ERROR for p in checked):
            raise InputError([*checked, *result.warnings])
        out.write(dump_plan(result.plan).encode("utf-8"))
    for warning in result.warnings:
        label = "peringatan" if args.lang == "id" else "warning"
        print(f"  {label}: {warning.render(args.lang)}", file=sys.stderr)
    added = len(result.added)
    if args.lang == "id":
        print(f"Rencana ditulis ke {output}: anggaran {args.year} dari SIPD, {result.budgets} "
              f"catatan anggaran berubah, {added} kegiatan/sub kegiatan ditambahkan, "
              f"{len(result.warnings)} peringatan.")
    else:
        print(f"Plan written to {output}: the {args.year} budget from SIPD, {result.budgets} "
              f"budget record(s) changed, {added} kegiatan/sub kegiatan added, "
              f"{len(result.warnings)} warning(s).")
    return 0
