"""``sakip tree PLAN [--year Y] -o FILE``: the pohon kinerja as .svg, .pdf or .png, by the
extension (docs/tree.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sakip.cli.output import Kind, writing
from sakip.io.problems import InputError, Problem

NAME = "tree"
HELP = "gambar pohon kinerja sebuah rencana (.yaml) sebagai .svg, .pdf atau .png"
TREE = Kind((".svg", ".pdf", ".png"), "gambar pohon kinerja (.svg, .pdf atau .png)",
            "a performance tree drawing (.svg, .pdf or .png)")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PLAN", help="berkas rencana (.yaml)")
    parser.add_argument("--year", type=int,
                        help="tahun yang diukur (bawaan: tahun terakhir yang berisi realisasi)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                        help="berkas keluaran; formatnya menurut akhiran: .svg, .pdf atau .png")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    with writing([(output, TREE)], args.force) as (out,):
        from sakip.core.measure import default_year
        from sakip.io.plan_file import load_plan
        from sakip.report.tree_svg import tree_bytes

        plan = load_plan(args.path)
        year = args.year if args.year is not None else default_year(plan)
        sp = plan.strategic_plan
        if not sp.start <= year <= sp.end:
            raise InputError([Problem(
                "TREE_YEAR_OUTSIDE_RENSTRA",
                f"tahun {year} di luar Renstra {sp.start}–{sp.end}",
                f"the year {year} is outside the Renstra {sp.start}–{sp.end}",
                file=str(args.path))])
        out.write(tree_bytes(plan, year, output.suffix.lower().lstrip("."), args.lang))
    print(f"Pohon kinerja {year} ditulis ke {output}" if args.lang == "id"
          else f"Performance tree {year} written to {output}")
    return 0
