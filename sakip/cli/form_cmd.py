"""``sakip form e81|e80|monev PATH --year Y [--quarter Q] -o FILE``: the Permendagri 86/2017
evaluation forms E.81 (Renja) and E.80 (Renstra) and the quarterly monitoring report, as .xlsx
or .pdf by the extension (docs/forms.md). ``sakip form pk PATH --year Y [--unit CODE] -o FILE``:
the Perjanjian Kinerja of every level (the head's, each administrator's and supervisor's), or of
one unit ("kepala": the head's)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sakip.cli.output import Kind, check, writing
from sakip.io.problems import InputError, Problem

if TYPE_CHECKING:
    from sakip.core.model import Plan

NAME = "form"
HELP = "tulis formulir Permendagri 86/2017 (E.81, E.80), Laporan Monev triwulan atau " \
       "Perjanjian Kinerja berjenjang sebagai .xlsx atau .pdf"
FORM = Kind((".xlsx", ".pdf"), "formulir (.xlsx atau .pdf)", "a form (.xlsx or .pdf)")
TITLES = {"e81": ("Formulir E.81", "Form E.81"), "e80": ("Formulir E.80", "Form E.80"),
          "monev": ("Laporan Monev", "Monitoring report"),
          "pk": ("Perjanjian Kinerja berjenjang", "Performance agreements by level")}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("form", choices=("e81", "e80", "monev", "pk"), metavar="FORMULIR",
                        help="e81 (evaluasi hasil Renja), e80 (evaluasi hasil Renstra), "
                             "monev (Laporan Monev triwulan) atau pk (Perjanjian Kinerja "
                             "setiap jenjang)")
    parser.add_argument("path", metavar="PATH", help="berkas rencana (.yaml)")
    parser.add_argument("--year", type=int, required=True, help="tahun yang dievaluasi")
    parser.add_argument("--quarter", type=int, choices=(1, 2, 3, 4),
                        help="triwulan: E.81 sampai dengan triwulan ini, Monev triwulan ini "
                             "(wajib untuk monev)")
    parser.add_argument("--unit", metavar="KODE",
                        help="pk: hanya PK unit ini (kode unit kerja; 'kepala' untuk PK kepala "
                             "perangkat daerah)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                        help="berkas keluaran; formatnya menurut akhiran: .xlsx atau .pdf")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")


def run(args: argparse.Namespace) -> int:
    problems = []
    if args.form == "monev" and args.quarter is None:
        problems.append(Problem("FORM_NEEDS_QUARTER",
                                "Laporan Monev adalah laporan triwulan: berikan --quarter 1–4",
                                "the monitoring report is of a quarter: give --quarter 1–4"))
    if args.form == "e80" and args.quarter is not None:
        problems.append(Problem("FORM_NO_QUARTER",
                                "E.80 mengevaluasi Renstra per tahun: --quarter tidak dipakai",
                                "E.80 evaluates the Renstra by year: --quarter does not apply"))
    if args.form == "pk" and args.quarter is not None:
        problems.append(Problem("FORM_NO_QUARTER",
                                "Perjanjian Kinerja adalah perjanjian tahunan: --quarter tidak "
                                "dipakai", "the performance agreement is of a year: --quarter "
                                "does not apply"))
    if args.form != "pk" and args.unit is not None:
        problems.append(Problem("FORM_NO_UNIT", "--unit hanya untuk formulir pk",
                                "--unit applies to the pk form only"))
    output: Path = args.output
    try:  # the output's problems beside those of the arguments, all at once
        check([(output, FORM)], args.force)
    except InputError as error:
        problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    with writing([(output, FORM)], args.force) as (out,):
        from sakip.forms import build, render
        from sakip.io.plan_file import load_plan

        plan = load_plan(args.path)
        sp = plan.strategic_plan
        if not sp.start <= args.year <= sp.end:
            raise InputError([Problem(
                "FORM_YEAR_OUTSIDE_RENSTRA",
                f"tahun {args.year} di luar Renstra {sp.start}–{sp.end}",
                f"the year {args.year} is outside the Renstra {sp.start}–{sp.end}",
                file=str(args.path))])
        if args.form == "pk":
            out.write(_agreements(plan, args.year, args.unit, output.suffix.lower(), args.path))
        else:
            form = build(plan, args.form, args.year, args.quarter)
            out.write(render(form, output.suffix.lower()))
    title_id, title_en = TITLES[args.form]
    print(f"{title_id} {args.year} ditulis ke {output}" if args.lang == "id"
          else f"{title_en} {args.year} written to {output}")
    return 0


def _agreements(plan: Plan, year: int, unit: str | None, fmt: str, path: str) -> bytes:
    from sakip.forms import pk

    try:
        pages = pk.build(plan, year, unit)
    except KeyError:
        known = ", ".join(pk.slugs(plan, year))
        raise InputError([Problem(
            "FORM_UNKNOWN_UNIT", f"unit {unit!r} tidak ada dalam rencana (pilihan: {known})",
            f"the plan has no unit {unit!r} (choices: {known})", file=str(path))]) from None
    return pk.render(pages, fmt)
