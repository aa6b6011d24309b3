"""``sakip export PATH -o FILE.xlsx``: write a plan file into the workbook template; with
``--entry --year Y [--quarter Q | --month M]``, the entry workbook of one period instead."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import IO

from sakip.cli.options import Parser
from sakip.cli.output import WORKBOOK, writing

NAME = "export"
HELP = "tulis sebuah rencana (berkas .yaml) ke buku kerja Excel"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="berkas rencana (.yaml)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="BERKAS.xlsx",
                        help="buku kerja yang ditulis")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    parser.add_argument("--entry", action="store_true",
                        help="tulis buku kerja isian satu periode (lembar Indikator dan "
                             "Anggaran, hanya sel isian yang terbuka), bukan buku kerja lengkap")
    parser.add_argument("--year", type=int, metavar="TAHUN",
                        help="tahun buku kerja isian (wajib dengan --entry)")
    period = parser.add_mutually_exclusive_group()
    period.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), metavar="TW",
                        help="triwulan buku kerja isian (1–4); tanpa --quarter dan --month: "
                             "setahun")
    period.add_argument("--month", type=int, choices=range(1, 13), metavar="BULAN",
                        help="bulan buku kerja isian (1–12)")
    parser.set_defaults(_parser=parser)


def run(args: argparse.Namespace) -> int:
    english = Parser.language == "en"
    if args.entry and args.year is None:
        args._parser.error("--entry needs --year" if english else "--entry memerlukan --year")
    if not args.entry and (args.year, args.quarter, args.month) != (None, None, None):
        args._parser.error("--year, --quarter and --month go with --entry" if english
                           else "--year, --quarter dan --month hanya dipakai dengan --entry")
    output: Path = args.output
    label = ""
    with writing([(output, WORKBOOK)], args.force) as (out,):
        from sakip.io.plan_file import load_plan

        plan = load_plan(args.path)
        if args.entry:
            from sakip.io.entry import EntryPeriod, export_entry

            period = EntryPeriod(args.year, args.quarter, args.month)
            label = f" ({period.label(args.lang)})"

            def fill(stream: IO[bytes]) -> None:
                export_entry(plan, period, stream)
        else:
            from sakip.io.workbook import export_plan

            def fill(stream: IO[bytes]) -> None:
                export_plan(plan, stream)

        out.write_with(fill)
    if args.entry:
        done = "Buku kerja isian ditulis ke" if args.lang == "id" else "Entry workbook written to"
    else:
        done = "Buku kerja ditulis ke" if args.lang == "id" else "Workbook written to"
    print(f"{done} {output}{label}")
    return 0
