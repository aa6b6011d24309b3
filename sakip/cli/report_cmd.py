"""``sakip report PATH --year Y -o FILE``: write the LKjIP as DOCX, PDF or HTML (by extension)."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from sakip.cli.output import REPORT, writing
from sakip.io.problems import InputError, Problem

NAME = "report"
HELP = "susun Laporan Kinerja (LKjIP) sebagai .docx, .pdf atau .html"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="berkas rencana (.yaml)")
    parser.add_argument("--year", type=int,
                        help="tahun laporan (bawaan: tahun terakhir yang berisi realisasi)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                        help="berkas keluaran; formatnya menurut akhiran: .docx, .pdf atau .html")
    parser.add_argument("--place", help="tempat penandatanganan Kata Pengantar "
                                        "(bawaan: dari alamat perangkat daerah)")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="tanggal penandatanganan (bawaan: baris kosong, diisi tangan)")
    parser.add_argument("--logo", type=Path, metavar="FILE",
                        help="logo pada sampul: gambar PNG, JPEG atau SVG")
    parser.add_argument("--no-charts", action="store_true", help="tanpa grafik")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")


def run(args: argparse.Namespace) -> int:
    from sakip.report.api import format_of

    output: Path = args.output
    fmt = format_of(output)  # an unknown extension is refused before the plan is read
    signed = report_date(args.date) if args.date else None
    with writing([(output, REPORT)], args.force) as (out,):
        from sakip.core.measure import default_year
        from sakip.io.plan_file import load_plan_sources
        from sakip.report import Options, build_report, render

        plan, sources = load_plan_sources(args.path)  # the annex Sumber angka names file lines
        year = args.year if args.year is not None else default_year(plan)
        options = Options(lang=args.lang, place=args.place, date=signed,
                          charts=not args.no_charts, logo=args.logo, sources=sources)
        out.write(render(build_report(plan, year, options), fmt))
    print(f"Laporan Kinerja {year} ditulis ke {output}" if args.lang == "id"
          else f"Performance report {year} written to {output}")
    return 0


def report_date(text: str) -> datetime.date:
    """The ``--date`` of a report (YYYY-MM-DD), or a located problem."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError([Problem("REPORT_BAD_DATE",
                                  f"tanggal tidak dikenali: {text!r} (gunakan YYYY-MM-DD)",
                                  f"unrecognised date: {text!r} (use YYYY-MM-DD)")]) from None
