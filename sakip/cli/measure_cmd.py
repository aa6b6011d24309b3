"""``sakip measure PATH [--year Y] [--json] [--all]``: measure a plan and print its figures."""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sakip.cli.table import render
from sakip.io.problems import InputError, Problem

if TYPE_CHECKING:
    from sakip.core.measure import IndicatorResult, Measurement
    from sakip.core.model import Plan

NAME = "measure"
HELP = "ukur capaian kinerja dan serapan anggaran sebuah rencana (berkas .yaml)"

_TEXT: dict[str, dict[str, Any]] = {
    "id": {
        "title": "Pengukuran Kinerja {year} — {agency}",
        "rule": "Capaian: indikator positif R/T×100; indikator negatif {neg}; pembulatan {rounding}.",
        "indicators": "Capaian indikator kinerja",
        "cols": ["Kode", "Indikator", "Tingkat", "Target", "Realisasi", "Capaian %", "Predikat",
                 "Kategori", "Ket."],
        "groups": "Rata-rata capaian tujuan/sasaran",
        "gcols": ["Kode", "Tujuan/Sasaran", "Tingkat", "Indikator", "Rata-rata %", "Kategori",
                  "Tanpa capaian"],
        "budget": "Pagu dan realisasi anggaran (serapan = realisasi / pagu)",
        "bcols": ["Kode", "Uraian", "Tingkat", "Pagu (Rp)", "Realisasi (Rp)", "Serapan %",
                  "Tanpa data"],
        "efficiency": "Efisiensi (capaian ≥ 100: capaian − serapan)",
        "ecols": ["Kode", "Tujuan", "Capaian %", "Serapan %", "Efisiensi"],
        "low": "Kegiatan dengan serapan di bawah {threshold}%",
        "lcols": ["Kode", "Kegiatan", "Serapan %", "Penjelasan"],
        "no_reason": "(belum ada penjelasan)",
        "counts": "Jumlah indikator utama per predikat: {pred}; per kategori: {cat}",
        "hidden": "{n} indikator tanpa target maupun realisasi {year} tidak ditampilkan (--all).",
        "spending": "Komposisi belanja",
        "scols": ["Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "%"],
        "levels": {"goal": "Tujuan", "objective": "Sasaran", "program": "Program",
                   "activity": "Kegiatan", "agency": "Perangkat Daerah",
                   "unlinked": "Program belum dikaitkan dengan tujuan"},
        "range": "rentang: 100 di dalam, di luar {rule} thd batas yang dilewati",
        "negative": "negatif",
        "derived": "dihitung",
        "bad_year": "tahun {year} di luar periode Renstra {start}–{end}",
    },
    "en": {
        "title": "Performance measurement {year} — {agency}",
        "rule": "Achievement: positive indicators R/T×100; negative indicators {neg}; rounding {rounding}.",
        "indicators": "Indicator achievement",
        "cols": ["Code", "Indicator", "Level", "Target", "Actual", "Achiev. %", "Predicate",
                 "Category", "Note"],
        "groups": "Mean achievement per goal/objective",
        "gcols": ["Code", "Goal/Objective", "Level", "Indicators", "Mean %", "Category", "Missing"],
        "budget": "Budget ceiling and spending (absorption = spent / ceiling)",
        "bcols": ["Code", "Item", "Level", "Ceiling (Rp)", "Spent (Rp)", "Absorption %", "No data"],
        "efficiency": "Efficiency (achievement ≥ 100: achievement − absorption)",
        "ecols": ["Code", "Goal", "Achiev. %", "Absorption %", "Efficiency"],
        "low": "Activities with absorption under {threshold}%",
        "lcols": ["Code", "Activity", "Absorption %", "Explanation"],
        "no_reason": "(no explanation yet)",
        "counts": "Key indicators per predicate: {pred}; per category: {cat}",
        "hidden": "{n} indicators with neither target nor actual for {year} not shown (--all).",
        "spending": "Spending composition",
        "scols": ["Item", "Budget (Rp)", "Spent (Rp)", "%"],
        "levels": {"goal": "Goal", "objective": "Objective", "program": "Program",
                   "activity": "Activity", "agency": "Agency",
                   "unlinked": "Programs not yet linked to a goal"},
        "range": "range: 100 inside, outside {rule} against the bound crossed",
        "negative": "negative",
        "derived": "derived",
        "bad_year": "year {year} is outside the plan period {start}–{end}",
    },
}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="berkas rencana (.yaml)")
    parser.add_argument("--year", type=int,
                        help="tahun yang diukur (bawaan: tahun terakhir yang berisi realisasi)")
    parser.add_argument("--json", action="store_true", help="keluaran JSON untuk mesin")
    parser.add_argument("--all", action="store_true", help="tampilkan juga indikator tanpa data")


def run(args: argparse.Namespace) -> int:
    from sakip.core.measure import default_year, measure
    from sakip.io.measurement_json import measurement_to_dict
    from sakip.io.plan_file import load_plan

    plan = load_plan(args.path)
    year = args.year if args.year is not None else default_year(plan)
    sp = plan.strategic_plan
    if not sp.start <= year <= sp.end:
        t = _TEXT["id"], _TEXT["en"]
        raise InputError([Problem("MEASURE_YEAR_OUTSIDE_PERIOD",
                                  t[0]["bad_year"].format(year=year, start=sp.start, end=sp.end),
                                  t[1]["bad_year"].format(year=year, start=sp.start, end=sp.end),
                                  file=args.path)])
    result = measure(plan, year)
    if args.json:
        print(json.dumps(measurement_to_dict(plan, result), ensure_ascii=False, indent=2))
    else:
        print(render_text(plan, result, args.lang, show_all=args.all))
    return 0


def _n(value: Decimal | None, places: int | None = None) -> str:
    from sakip.io.idnum import format_id

    return "–" if value is None else format_id(value, places)


def _target(r: IndicatorResult) -> str:
    """The year's target, aligned with the indicator's other targets (5,0 beside 4,8)."""
    from sakip.io.idnum import format_id

    if r.target is None:
        return "–"
    if r.target.value is None:
        return r.target.text or "–"
    return format_id(r.target.value, r.indicator.target_places(r.target.value))


def _rp(value: Decimal | None) -> str:
    from sakip.io.idnum import format_rupiah

    return format_rupiah(value)[3:] if value is not None else "–"


def render_text(plan: Plan, m: Measurement, language: str = "id", show_all: bool = False) -> str:
    from sakip.core.achievement import WHY_WORDS
    from sakip.core.budget import absorption_places
    from sakip.core.measure import negative_rule, range_inner
    from sakip.core.scales import band_labels

    t = _TEXT[language]
    shown = band_labels(plan, language, m.settings)  # predicate and category labels as printed
    levels = t["levels"]
    places = m.settings.achievement_places
    out = [t["title"].format(year=m.year, agency=plan.agency.name),
           t["rule"].format(neg=negative_rule(m.settings.negative_formula),
                            rounding=m.settings.rounding.value), ""]
    listed = [r for r in m.indicators
              if show_all or r.target is not None or r.actual is not None or r.status is not None]
    rows = []
    for r in listed:
        notes = []
        if r.indicator.polarity.value == "negative":
            notes.append(t["negative"])
        if r.derived is not None:
            notes.append(t["derived"])
        inner = range_inner(r.rule)
        if inner is not None:
            notes.append(t["range"].format(rule=inner))
        if r.why is not None:
            notes.append(WHY_WORDS[r.why].short[1 if language == "en" else 0])
        target = _target(r)
        actual = _n(r.actual) if r.actual is not None else (r.actual_text or "–")
        rows.append([r.code, r.indicator.name, levels[r.indicator.level.value], target, actual,
                     _n(r.achievement, places), shown(r.predicate) or "–",
                     shown(r.category) or "–", ", ".join(notes)])
    out += [t["indicators"], render(t["cols"], rows, numeric=(3, 4, 5), widths={1: 46}), ""]
    hidden = len(m.indicators) - len(listed)
    if hidden:
        out += [t["hidden"].format(n=hidden, year=m.year), ""]
    pred = ", ".join(f"{shown(label)} {count}" for label, count in m.predicate_counts)
    cat = ", ".join(f"{shown(label)} {count}" for label, count in m.category_counts)
    out += [t["counts"].format(pred=pred, cat=cat), ""]
    grows = [[g.code, g.name, levels[g.level], str(len(g.indicators)),
              _n(g.achievement, places), shown(g.category) or "–",
              ", ".join(g.missing)] for g in m.groups]
    out += [t["groups"], render(t["gcols"], grows, numeric=(3, 4), widths={1: 46}), ""]
    brows = [[b.code, b.name, levels[b.level], _rp(b.ceiling), _rp(b.spent),
              _n(b.absorption, absorption_places(m.settings)),
              str(len(b.missing)) if b.missing else ""]
             for b in m.budget if b.level != "activity" or b.ceiling is not None or show_all]
    out += [t["budget"], render(t["bcols"], brows, numeric=(3, 4, 5, 6), widths={1: 46}), ""]
    if m.spending:
        srows = [[s.label, _rp(s.ceiling), _rp(s.spent), _n(s.absorption, absorption_places(m.settings))]
                 for s in m.spending]
        out += [t["spending"], render(t["scols"], srows, numeric=(1, 2, 3)), ""]
    if m.efficiency:
        erows = [[e.code, e.name, _n(e.achievement, places),
                  _n(e.absorption, absorption_places(m.settings)),
                  _n(e.efficiency, places)]
                 for e in m.efficiency]
        out += [t["efficiency"], render(t["ecols"], erows, numeric=(2, 3, 4), widths={1: 46}), ""]
    if m.low_absorption:
        lrows = [[a.activity, a.name, _n(a.absorption, absorption_places(m.settings)),
                  a.explanation or t["no_reason"]]
                 for a in m.low_absorption]
        out += [t["low"].format(threshold=_n(m.settings.absorption_threshold)),
                render(t["lcols"], lrows, numeric=(2,), widths={1: 40, 3: 60})]
    return "\n".join(out).rstrip() + "\n"
