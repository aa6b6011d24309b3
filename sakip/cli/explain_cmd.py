"""``sakip explain PLAN [--year Y] CODE``: how the figures of an indicator, a programme, an
activity, a goal or an objective were found — each rule, input with its source (plan-file line,
workbook cell), rounding and result (sakip.core.derivations; docs/measurement.md, Provenance).

CODE may also be a figure key as a report cell carries it (``group:2020:T1``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sakip.io.problems import InputError, Problem

if TYPE_CHECKING:
    from sakip.core.model import Plan
    from sakip.core.provenance import Sources

NAME = "explain"
HELP = "jelaskan asal angka sebuah indikator, program atau kegiatan (rumus, masukan dan sumbernya)"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PLAN", help="berkas rencana (.yaml) atau buku kerja (.xlsx)")
    parser.add_argument("code", metavar="CODE",
                        help="kode indikator, program, kegiatan, tujuan atau sasaran "
                             "(atau kunci angka seperti group:2020:T1)")
    parser.add_argument("--year", type=int,
                        help="tahun yang diukur (bawaan: tahun terakhir yang berisi realisasi)")


def run(args: argparse.Namespace) -> int:
    from sakip.core.derivations import (
        budget_keys,
        derive_all,
        group_keys,
        in_language,
        indicator_keys,
    )
    from sakip.core.measure import default_year, measure
    from sakip.core.provenance import lines
    from sakip.core.scales import band_labels

    plan, sources = _load(args.path)
    year = args.year if args.year is not None else default_year(plan)
    sp = plan.strategic_plan
    if not sp.start <= year <= sp.end:
        raise InputError([Problem(
            "EXPLAIN_YEAR_OUTSIDE_PERIOD", f"tahun {year} di luar periode Renstra {sp.start}–{sp.end}",
            f"year {year} is outside the plan period {sp.start}–{sp.end}", file=str(args.path))])
    m = measure(plan, year)
    history = {year - 1: measure(plan, year - 1)} if year - 1 >= sp.start else {}
    code: str = args.code
    if ":" in code:
        keys = [code]
    else:
        keys = []
        if code in plan.indicator_by_code:
            keys += indicator_keys(m, code)
        keys += group_keys(m, code)
        if any(line.code == code for line in m.budget):
            keys += budget_keys(m, code)
    found = derive_all(plan, m, sources, keys=keys, history=history)
    if not found:
        raise InputError([Problem(
            "EXPLAIN_UNKNOWN_CODE",
            f"'{code}' bukan kode indikator, program, kegiatan, tujuan atau sasaran rencana ini, "
            f"dan bukan kunci angka tahun {year}",
            f"'{code}' is no indicator, programme, activity, goal or objective code of this plan, "
            f"nor a figure key of {year}", file=str(args.path))])
    labels = band_labels(plan, args.lang)  # predicate and category in the language asked for
    blocks = ["\n".join(lines(in_language(derivation, labels), args.lang))
              for derivation in found.values()]
    print("\n\n".join(blocks))
    return 0


def _load(path: str) -> tuple[Plan, Sources]:
    from sakip.io.plan_file import load_plan_sources

    if path.lower().endswith((".xlsx", ".xlsm")):
        from sakip.io.workbook import load_workbook_sources

        return load_workbook_sources(path)
    return load_plan_sources(path)
