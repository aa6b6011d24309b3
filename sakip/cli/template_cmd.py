"""``sakip template -o FILE.xlsx``: write the empty workbook template."""

from __future__ import annotations

import argparse
from pathlib import Path

from sakip.cli.output import WORKBOOK, writing

NAME = "template"
HELP = "tulis templat buku kerja Excel kosong untuk diisi perangkat daerah"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="BERKAS.xlsx",
                        help="berkas templat yang ditulis")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    with writing([(output, WORKBOOK)], args.force) as (out,):
        from sakip.io.workbook import write_template

        out.write_with(write_template)
    done = "Templat ditulis ke" if args.lang == "id" else "Template written to"
    print(f"{done} {output}")
    return 0
