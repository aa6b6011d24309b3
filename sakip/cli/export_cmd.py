"""``sakip export PATH -o FILE.xlsx``: write a plan file into the workbook template."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO

from sakip.cli.output import WORKBOOK, writing

NAME = "export"
HELP = "tulis sebuah rencana (berkas .yaml) ke buku kerja Excel"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="berkas rencana (.yaml)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="BERKAS.xlsx",
                        help="buku kerja yang ditulis")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    with writing([(output, WORKBOOK)], args.force) as (out,):
        from sakip.io.plan_file import load_plan
        from sakip.io.workbook import export_plan

        plan = load_plan(args.path)

        def fill(stream: IO[bytes]) -> None:
            export_plan(plan, stream)

        out.write_with(fill)
    done = "Buku kerja ditulis ke" if args.lang == "id" else "Workbook written to"
    print(f"{done} {output}")
    return 0
