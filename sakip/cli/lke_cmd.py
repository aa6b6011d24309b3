"""``sakip lke PLAN --year Y [--answers ANSWERS.yaml] [--version V] [-o FILE] [--force]``: the
yearly SAKIP evaluation (LKE, PermenPAN-RB 88/2021; docs/lke.md).

Without ``--answers`` the self-assessment is what the plan's record answers
(:func:`sakip.core.lke_evidence.suggest`); with it, the file's answers of the agency (over the
record's suggestions) and of the evaluator, and the recommendations. The score table
(component, weight, scores; total; predicate) is printed, then the criteria the record could not
answer (or answered "no", with the records missing). ``-o`` writes the LKE worksheet (.xlsx)
or the Laporan Hasil Evaluasi (.docx, .pdf, .html)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sakip.cli.output import Kind, check, writing

if TYPE_CHECKING:
    from sakip.core.lke import Evaluation, Lke, Score
    from sakip.core.lke_evidence import Suggestion

NAME = "lke"
HELP = "evaluasi SAKIP tahunan (LKE PermenPAN-RB 88/2021): nilai dan predikat; tulis lembar " \
       "kerja (.xlsx) atau Laporan Hasil Evaluasi (.docx, .pdf, .html)"
OUTPUT = Kind((".xlsx", ".docx", ".pdf", ".html"),
              "lembar kerja LKE (.xlsx) atau Laporan Hasil Evaluasi (.docx, .pdf, .html)",
              "the LKE worksheet (.xlsx) or the evaluation report (.docx, .pdf, .html)")
DEFAULT_VERSION = "permenpanrb-88-2021"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PLAN", help="berkas rencana (.yaml)")
    parser.add_argument("--year", type=int, required=True, help="tahun yang dievaluasi")
    parser.add_argument("--answers", type=Path, metavar="ANSWERS.yaml",
                        help="berkas jawaban (YAML): penilaian mandiri, jawaban evaluator dan "
                             "rekomendasi; tanpa ini penilaian mandiri diisi dari rekam data")
    parser.add_argument("--version", default=DEFAULT_VERSION, metavar="V",
                        help=f"versi lembar kerja LKE (bawaan {DEFAULT_VERSION})")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="tulis lembar kerja LKE (.xlsx) atau Laporan Hasil Evaluasi "
                             "(.docx, .pdf, .html)")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")


def run(args: argparse.Namespace) -> int:
    output: Path | None = args.output
    if output is not None:
        check([(output, OUTPUT)], args.force)  # before any work
    from sakip.core.lke import Evaluation, Sheet
    from sakip.core.lke_evidence import as_sheet, suggest
    from sakip.io.lke_answers import Answers, load_answers
    from sakip.io.lke_file import load_lke
    from sakip.io.plan_file import load_plan

    lke = load_lke(args.version)
    plan = load_plan(args.path)
    answers = load_answers(args.answers, lke, args.year) if args.answers is not None \
        else Answers(Sheet(), Sheet(), ())
    suggestions = suggest(lke, plan, args.year, answers.facts)
    own = as_sheet(suggestions, None)
    own = Sheet({**own.answers, **answers.self_assessment.answers},
                dict(answers.self_assessment.claims))
    evaluation = Evaluation(own, answers.evaluator)
    _print(lke, evaluation, suggestions, args.lang, args.answers is not None)
    if output is None:
        return 0
    with writing([(output, OUTPUT)], args.force) as (out,):
        fmt = output.suffix.lower()
        if fmt == ".xlsx":
            from sakip.forms.lke import lke_workbook

            out.write(lke_workbook(lke, evaluation, agency=plan.agency.name, year=args.year,
                                   lang=args.lang))
        else:
            from sakip.report.context import place_from
            from sakip.report.lhe import lhe_bytes

            out.write(lhe_bytes(lke, evaluation, answers.recommendations,
                                agency=plan.agency.name, region=plan.region.name,
                                year=args.year, evaluator=answers.inspector, lang=args.lang,
                                place=place_from(plan), fmt=fmt))
    print(f"LKE {args.year} ditulis ke {output}" if args.lang == "id"
          else f"LKE {args.year} written to {output}")
    return 0


def _print(lke: Lke, evaluation: Evaluation, suggestions: dict[str, Suggestion], lang: str,
           both: bool) -> None:
    from sakip.cli.table import render
    from sakip.core.lke import TOTAL, score_evaluation
    from sakip.io.idnum import format_id

    own, other, final = score_evaluation(lke, evaluation)
    en = lang == "en"
    shown: list[Score] = [own, other, final] if both else [own]
    heads = ["Komponen" if not en else "Component", "Bobot" if not en else "Weight"]
    heads += (["Mandiri", "Evaluator", "Akhir"] if not en else ["Self", "Evaluator", "Final"]) \
        if both else ["Nilai" if not en else "Score"]
    rows: list[list[str]] = []
    for index, component in enumerate(lke.components):
        name = component.name_en if en else component.name
        rows.append([f"{component.code} {name}", format_id(component.weight, None)]
                    + [format_id(s.components[index].score, lke.places) for s in shown])
    rows.append(["Jumlah" if not en else "Total", format_id(TOTAL, None)]
                + [format_id(s.total, lke.places) for s in shown])
    rows.append(["Predikat" if not en else "Predicate", ""]
                + [_predicate(s, en) for s in shown])
    print(render(heads, rows, numeric=tuple(range(1, len(heads)))))
    if not both:
        _print_record(lke, suggestions, en)
    differences = evaluation.differences()
    if both and differences:
        print()
        print(("Jawaban berbeda" if not en else "Answers that differ")
              + f" ({len(differences)}): " + ", ".join(differences))


def _predicate(result: Score, en: bool) -> str:
    predicate = result.predicate
    if predicate is None:
        return "–"
    return f"{predicate.code} ({predicate.label_en if en else predicate.label})"


def _print_record(lke: Lke, suggestions: dict[str, Suggestion], en: bool) -> None:
    unmet = [(code, s) for code, s in suggestions.items() if not s.met]
    if unmet:
        print()
        print("Dijawab 'T' dari rekam data:" if not en else "Answered 'T' from the record:")
        for code, suggestion in unmet:
            print(f"  {code}: {suggestion.why_en if en else suggestion.why}")
            for missing in suggestion.missing:
                print(f"    - {missing.message_en if en else missing.message}")
    unanswered = {c.code for c in lke.criteria if c.code not in suggestions}
    print()
    print((f"Tidak dapat dijawab dari rekam data ({len(unanswered)} kriteria, dinilai 0 sampai "
           "dijawab; berikan --answers):") if not en else
          (f"Not answerable from the record ({len(unanswered)} criteria, scored 0 until "
           "answered; give --answers):"))
    for sub in lke.subcomponents:
        codes = [c.code for c in sub.criteria if c.code in unanswered]
        if codes:
            print(f"  {sub.code}: " + ", ".join(codes))

