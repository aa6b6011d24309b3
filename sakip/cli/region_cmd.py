"""``sakip region measure PLAN... --year Y [--json]`` and ``sakip region report PLAN... --year Y
-o FILE.docx|.pdf|.html [--force]``: the region (Pemda) measured from its agencies' plans, and its
LKjIP Pemda (docs/region.md).

Every plan must carry the same region (RPJMD) and each agency may be given once; a plan of
another region, an agency given twice, or an IKU Pemda formula that reads an agency or indicator
not among the plans is a located problem (exit status 1), all reported at once.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sakip.cli.english import ENGLISH
from sakip.cli.options import positive_int
from sakip.cli.output import REPORT, writing
from sakip.cli.report_cmd import report_date
from sakip.io.problems import InputError, Problem

if TYPE_CHECKING:
    from sakip.core.model import Plan
    from sakip.core.region_measure import RegionIssue, RegionMeasurement

NAME = "region"
HELP = "ukur pemerintah daerah (IKU Pemda) dari rencana perangkat daerahnya dan susun LKjIP Pemda"

_MEASURE_HELP = "ukur IKU Pemda, sasaran daerah dan perangkat daerah berdampingan"
_REPORT_HELP = "susun LKjIP Pemda sebagai .docx, .pdf atau .html"
_PLANS_HELP = "berkas rencana perangkat daerah (.yaml) dari pemerintah daerah yang sama"
_YEAR_HELP = "tahun yang diukur"
_PLACE_HELP = "tempat penandatanganan (bawaan: baris kosong)"

ENGLISH.update({
    HELP: "measure the regional government (IKU Pemda) from its agencies' plans and write the "
          "LKjIP Pemda",
    _MEASURE_HELP: "measure the IKU Pemda, the regional objectives and the agencies side by side",
    _REPORT_HELP: "write the LKjIP Pemda as .docx, .pdf or .html",
    _PLANS_HELP: "agency plan files (.yaml) of the same regional government",
    _YEAR_HELP: "the year measured",
    _PLACE_HELP: "where it is signed (default: a blank line)",
})

_TEXT: dict[str, dict[str, Any]] = {
    "id": {
        "title": "Pengukuran Kinerja Pemerintah Daerah {year} — {region}",
        "iku": "Capaian IKU Pemda",
        "cols": ["Kode", "Indikator", "Target", "Realisasi", "Capaian %", "Predikat", "Kategori",
                 "Ket."],
        "groups": "Rata-rata capaian tujuan/sasaran daerah",
        "gcols": ["Kode", "Tujuan/Sasaran", "Tingkat", "IKU", "Rata-rata %", "Kategori",
                  "Tanpa capaian"],
        "levels": {"goal": "Tujuan", "objective": "Sasaran", "agency": "Pemda"},
        "agencies": "Perangkat daerah berdampingan",
        "acols": ["Kode", "Perangkat Daerah", "IKU terukur", "Rata-rata %", "Kategori",
                  "Pagu (Rp)", "Realisasi (Rp)", "Serapan %"],
        "total": "Jumlah",
        "derived": "dihitung dari perangkat daerah",
        "counts": "Jumlah IKU Pemda per kategori: {cat}",
        "bad_year": "tahun {year} di luar periode RPJMD {start}–{end}",
        "written": "LKjIP Pemda {year} ditulis ke {path}",
    },
    "en": {
        "title": "Regional government performance {year} — {region}",
        "iku": "IKU Pemda achievement",
        "cols": ["Code", "Indicator", "Target", "Actual", "Achiev. %", "Predicate", "Category",
                 "Note"],
        "groups": "Mean achievement per regional goal/objective",
        "gcols": ["Code", "Goal/Objective", "Level", "IKU", "Mean %", "Category", "Missing"],
        "levels": {"goal": "Goal", "objective": "Objective", "agency": "Region"},
        "agencies": "Agencies side by side",
        "acols": ["Code", "Agency", "IKU measured", "Mean %", "Category", "Ceiling (Rp)",
                  "Spent (Rp)", "Absorption %"],
        "total": "Total",
        "derived": "derived from agencies",
        "counts": "IKU Pemda per category: {cat}",
        "bad_year": "year {year} is outside the RPJMD period {start}–{end}",
        "written": "LKjIP Pemda {year} written to {path}",
    },
}


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="region_command", metavar="PERINTAH", required=True)
    measure = sub.add_parser("measure", help=_MEASURE_HELP, description=_MEASURE_HELP)
    _common(measure)
    measure.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")
    measure.set_defaults(_region=_measure)
    report = sub.add_parser("report", help=_REPORT_HELP, description=_REPORT_HELP)
    _common(report)
    report.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                        help="berkas keluaran; formatnya menurut akhiran: .docx, .pdf atau .html")
    report.add_argument("--place", help=_PLACE_HELP)
    report.add_argument("--date", metavar="YYYY-MM-DD",
                        help="tanggal penandatanganan (bawaan: baris kosong, diisi tangan)")
    report.add_argument("--logo", type=Path, metavar="FILE",
                        help="logo pada sampul: gambar PNG, JPEG atau SVG")
    report.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    report.set_defaults(_region=_report)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("plans", nargs="+", metavar="PLAN", help=_PLANS_HELP)
    parser.add_argument("--year", type=positive_int, required=True, metavar="TAHUN",
                        help=_YEAR_HELP)


def run(args: argparse.Namespace) -> int:
    return int(args._region(args))


# ---------------------------------------------------------------------- loading and checks


def load_region(paths: Sequence[str], year: int) -> list[Plan]:
    """The plans, each read and checked as ``sakip measure`` reads one, and checked together:
    the problems of every plan and of the set are raised at once."""
    from sakip.io.plan_file import load_plan

    plans: list[Plan] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            plans.append(load_plan(path))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    problems = region_problems(plans, paths)
    region = plans[0].region
    start, end = region.rpjmd_start, region.rpjmd_end
    if not problems and start is not None and end is not None and not start <= year <= end:
        t = _TEXT["id"], _TEXT["en"]
        problems.append(Problem("REGION_YEAR_OUTSIDE_RPJMD",
                                t[0]["bad_year"].format(year=year, start=start, end=end),
                                t[1]["bad_year"].format(year=year, start=start, end=end),
                                file=str(paths[0]), path="region.rpjmd"))
    if problems:
        raise InputError(problems)
    return plans


def region_problems(plans: Sequence[Plan], paths: Sequence[str]) -> list[Problem]:
    """:func:`sakip.core.region_measure.check_region` over the plans (the first plan's region
    is the region), each issue at the file of the plan it concerns."""
    from sakip.core.region_measure import check_region

    return [_problem(issue, paths) for issue in check_region(plans[0].region, plans)]


def _problem(issue: RegionIssue, paths: Sequence[str]) -> Problem:
    from sakip.io.plan_checks import REGION_INDICATOR, nowhere

    file = str(paths[issue.plan]) if issue.plan is not None else str(paths[0])
    path = None
    if issue.indicator is not None:  # a formula: in the region of the first plan, read as the
        file = str(paths[0])  # region measured
        path = nowhere(REGION_INDICATOR, (issue.indicator,), "formula", 0).path
    return Problem(issue.code, issue.message_id, issue.message_en, file=file, path=path)


# ---------------------------------------------------------------------- measure


def _measure(args: argparse.Namespace) -> int:
    from sakip.core.region_measure import measure_region

    plans = load_region(args.plans, args.year)
    rm = measure_region(plans[0].region, plans, args.year)
    if args.json:
        print(json.dumps(region_to_dict(rm), ensure_ascii=False, indent=2))
    else:
        print(render_text(rm, args.lang, plans))
    return 0


def _n(value: Decimal | None, places: int | None = None) -> str:
    from sakip.io.idnum import format_id

    return "–" if value is None else format_id(value, places)


def _rp(value: Decimal | None) -> str:
    from sakip.io.idnum import format_rupiah

    return format_rupiah(value)[3:] if value is not None else "–"


def render_text(rm: RegionMeasurement, language: str = "id", plans: Sequence[Plan] = ()) -> str:
    """The region measured, as text; predicate and category labels in ``language`` by the
    RPJMD's scales, then those of the agencies' ``plans``."""
    from sakip.cli.table import render
    from sakip.core.budget import absorption_places
    from sakip.core.scales import band_labels

    t = _TEXT[language]
    shown = band_labels(rm.plan, language, rm.settings, more=plans)
    places = rm.settings.achievement_places
    out = [t["title"].format(year=rm.year, region=rm.region.name), ""]
    rows = []
    for r in rm.indicators:
        target = "–" if r.target is None else (
            _n(r.target.value, r.indicator.target_places(r.target.value))
            if r.target.value is not None else r.target.text or "–")
        actual = _n(r.actual) if r.actual is not None else (r.actual_text or "–")
        note = t["derived"] if rm.derivation(r.code) is not None else ""
        rows.append([r.code, r.indicator.name, target, actual, _n(r.achievement, places),
                     shown(r.predicate) or "–", shown(r.category) or "–", note])
    out += [t["iku"], render(t["cols"], rows, numeric=(2, 3, 4), widths={1: 46}), ""]
    cat = ", ".join(f"{shown(label)} {count}" for label, count in rm.measurement.category_counts)
    out += [t["counts"].format(cat=cat), ""]
    grows = [[g.code, g.name, t["levels"].get(g.level, g.level), str(len(g.indicators)),
              _n(g.achievement, places), shown(g.category) or "–", ", ".join(g.missing)]
             for g in rm.measurement.groups]
    out += [t["groups"], render(t["gcols"], grows, numeric=(3, 4), widths={1: 46}), ""]
    ab = absorption_places(rm.settings)
    arows = [[a.code, a.name, f"{a.group.count}/{len(a.group.indicators)}",
              _n(a.group.achievement, places), shown(a.group.category) or "–", _rp(a.ceiling),
              _rp(a.spent), _n(a.absorption, ab)] for a in rm.agencies]
    arows.append(["", t["total"], "", "", "", _rp(rm.ceiling), _rp(rm.spent),
                  _n(rm.absorption, ab)])
    out += [t["agencies"], render(t["acols"], arows, numeric=(2, 3, 5, 6, 7), widths={1: 46})]
    return "\n".join(out)


def region_to_dict(rm: RegionMeasurement) -> dict[str, Any]:
    """The region's measurement for machines: the RPJMD measured as ``sakip measure --json``
    gives an agency's (``measurement``), the derived IKU with their inputs, every agency's
    mean and spending, and the totals. Numbers are strings (exact decimals)."""
    from sakip.io.measurement_json import measurement_to_dict

    def d(value: Decimal | None) -> str | None:
        from sakip.core.numbers import canonical

        return canonical(value) if value is not None else None

    return {
        "region": {"name": rm.region.name, "kind": rm.region.kind.value,
                   "rpjmd_start": rm.region.rpjmd_start, "rpjmd_end": rm.region.rpjmd_end},
        "year": rm.year,
        "measurement": measurement_to_dict(rm.plan, rm.measurement),
        "derived": [{"code": x.indicator, "formula": x.formula,
                     "inputs": [{"agency": i.agency, "indicator": i.indicator, "year": i.year,
                                 "value": d(i.value)} for i in x.inputs]} for x in rm.derived],
        "contributions": [{"objective": c.objective, "agency": c.agency, "given": c.given,
                           "indicators": [r.code for r in c.results],
                           "unknown": list(c.unknown)} for c in rm.contributions],
        "agencies": [{"code": a.code, "name": a.name,
                      "achievement": d(a.group.achievement), "count": a.group.count,
                      "indicators": list(a.group.indicators), "missing": list(a.group.missing),
                      "predicate": a.group.predicate, "category": a.group.category,
                      "ceiling": d(a.ceiling), "spent": d(a.spent),
                      "absorption": d(a.absorption), "budget_missing": list(a.budget_missing)}
                     for a in rm.agencies],
        "total": {"ceiling": d(rm.ceiling), "spent": d(rm.spent),
                  "absorption": d(rm.absorption), "budget_missing": list(rm.budget_missing)},
    }


# ---------------------------------------------------------------------- report


def _report(args: argparse.Namespace) -> int:
    from sakip.report.api import format_of

    output: Path = args.output
    fmt = format_of(output)  # an unknown extension is refused before the plans are read
    signed = report_date(args.date) if args.date else None
    with writing([(output, REPORT)], args.force) as (out,):
        from sakip.report import Options, render
        from sakip.report.region import build_region_report

        plans = load_region(args.plans, args.year)
        options = Options(lang=args.lang, place=args.place, date=signed, logo=args.logo)
        out.write(render(build_region_report(plans[0].region, plans, args.year, options), fmt))
    print(_TEXT[args.lang]["written"].format(year=args.year, path=output))
    return 0

