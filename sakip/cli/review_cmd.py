"""``sakip review PATH [--year Y] [--json] [--papers DIR] [--force]``: the automated reviu.

PATH is a plan file (.yaml, .yml) — the plan checks run over it and its measurement — or a
report Sakip did not make (.docx, .pdf with a text layer, .txt, .md) — the report checks run
over what it prints. Exit status: 0 without errors, 1 with errors, 2 when PATH cannot be read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

from sakip.io.problems import InputError
from sakip.review.findings import Finding, Severity, counts, has_errors
from sakip.review.papers import STATEMENT_NAME, XLSX_NAME, Subject, write_papers
from sakip.review.report.readers import SUFFIXES, ReadError

NAME = "review"
HELP = "reviu otomatis atas rencana (.yaml) atau laporan kinerja (.docx, .pdf, .txt, .md)"

PLAN_SUFFIXES = (".yaml", ".yml")
EXIT_UNREADABLE = 2

_TEXT: dict[str, dict[str, Any]] = {
    "id": {
        "head": "Reviu {kind}: {source}",
        "summary": "{error} kesalahan, {warning} peringatan, {info} catatan.",
        "none": "Tidak ada temuan.",
        "papers": "Kertas kerja ditulis ke {paths}.",
        "unreadable": "Berkas tidak dapat dibaca: {reason}",
        "suffix": "jenis berkas '{suffix}' tidak dikenal: gunakan .yaml untuk rencana, atau "
                  ".docx, .pdf, .txt, .md untuk laporan",
        "exists": "kertas kerja sudah ada di {path}; pakai --force untuk menimpanya",
        "year": "tahun {year} di luar periode Renstra {start}–{end}",
        "kinds": {"rencana": "rencana", "laporan": "laporan"},
    },
    "en": {
        "head": "Review of {kind}: {source}",
        "summary": "{error} error(s), {warning} warning(s), {info} note(s).",
        "none": "No findings.",
        "papers": "Working papers written to {paths}.",
        "unreadable": "The file cannot be read: {reason}",
        "suffix": "unknown file type '{suffix}': use .yaml for a plan, or .docx, .pdf, .txt, "
                  ".md for a report",
        "exists": "working papers already exist in {path}; use --force to overwrite them",
        "year": "year {year} is outside the plan period {start}–{end}",
        "kinds": {"rencana": "plan", "laporan": "report"},
    },
}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="berkas rencana (.yaml) atau laporan")
    parser.add_argument("--year", type=int, help="tahun yang direviu (bawaan: dari berkas)")
    parser.add_argument("--json", action="store_true", help="cetak temuan sebagai JSON")
    parser.add_argument("--papers", metavar="DIR",
                        help="tulis Kertas Kerja Reviu (XLSX, DOCX) dan draf Pernyataan Telah "
                             "Direviu (DOCX) ke folder ini")
    parser.add_argument("--force", action="store_true",
                        help="timpa kertas kerja yang sudah ada di folder --papers")


def run(args: argparse.Namespace) -> int:
    text = _TEXT.get(args.lang, _TEXT["id"])
    source = Path(args.path)
    suffix = source.suffix.lower()
    try:
        if suffix in PLAN_SUFFIXES:
            subject, findings = _review_plan(source, args.year, text)
        elif suffix in SUFFIXES:
            subject, findings = _review_report(source, args.year)
        else:
            raise ReadError(text["suffix"].format(suffix=suffix or source.name))
    except ReadError as error:
        print(text["unreadable"].format(reason=error), file=sys.stderr)
        return EXIT_UNREADABLE
    except InputError as error:
        from sakip.cli.main import print_problems

        print_problems(error, args.lang)
        return EXIT_UNREADABLE
    if args.papers:
        directory = Path(args.papers)
        existing = [directory / n for n in (XLSX_NAME, STATEMENT_NAME) if (directory / n).exists()]
        if existing and not args.force:
            print(text["exists"].format(path=directory), file=sys.stderr)
            return EXIT_UNREADABLE
        written = write_papers(directory, subject, findings)
    else:
        written = []
    if args.json:
        print(json.dumps(as_json(subject, findings, written), ensure_ascii=False, indent=2))
    else:
        _print(subject, findings, written, args.lang, text)
    return 1 if has_errors(findings) else 0


def _review_plan(source: Path, year: int | None,
                 text: dict[str, Any]) -> tuple[Subject, list[Finding]]:
    from sakip.core.measure import default_year
    from sakip.io.plan_file import load_plan
    from sakip.review.plan import review_plan

    plan = load_plan(source)
    chosen = year if year is not None else default_year(plan)
    period = plan.strategic_plan
    if not period.start <= chosen <= period.end:
        raise ReadError(text["year"].format(year=chosen, start=period.start, end=period.end))
    subject = Subject(str(source), "rencana", plan.agency.name, plan.region.name, chosen)
    return subject, review_plan(plan, chosen)


_AGENCY = re.compile(r"^(dinas|badan|kantor|sekretariat|inspektorat|rumah sakit|rsud|satuan|"
                     r"kecamatan|bagian|kementerian|lembaga)\b", re.I)
_REGION = re.compile(r"^(kabupaten|kota|provinsi|pemerintah)\b", re.I)


def _review_report(source: Path, year: int | None) -> tuple[Subject, list[Finding]]:
    from sakip.review.report import review_report

    report, findings = review_report(source, year)
    agency = region = None
    paragraphs = report.document.paragraphs[:25]
    for index, paragraph in enumerate(paragraphs):
        words = paragraph.text.replace("\n", " ")
        if agency is None and _AGENCY.match(words) and len(words) < 160:
            agency = _title(words)
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            if _REGION.match(following):
                region = _title(following)
    subject = Subject(str(source), "laporan", agency, region, report.year)
    return subject, findings


_SMALL = frozenset({"dan", "di", "ke", "dari", "untuk", "yang", "serta", "atau"})


def _title(text: str) -> str:
    """``DINAS SOSIAL DAN … (DSPPPA)`` → ``Dinas Sosial dan … (DSPPPA)``; mixed case is kept."""
    words = text.split()
    if not text.isupper():
        return " ".join(words)
    return " ".join(
        w if w.startswith("(") else w.lower() if w.lower() in _SMALL else w.capitalize()
        for w in words)


def as_json(subject: Subject, findings: list[Finding], papers: list[Path]) -> dict[str, Any]:
    return {
        "subject": {"source": subject.source, "kind": subject.kind, "agency": subject.agency,
                    "region": subject.region, "year": subject.year},
        "reviewed_on": (subject.reviewed_on or dt.date.today()).isoformat(),
        "summary": counts(findings),
        "findings": [f.to_dict() for f in findings],
        "papers": [str(p) for p in papers],
    }


def _print(subject: Subject, findings: list[Finding], papers: list[Path], language: str,
           text: dict[str, Any]) -> None:
    print(text["head"].format(kind=text["kinds"][subject.kind], source=subject.source))
    if subject.agency or subject.year:
        print(subject.title)
    print()
    if not findings:
        print(text["none"])
    for severity in Severity:
        for finding in (f for f in findings if f.severity is severity):
            print(finding.render(language))
    print()
    print(text["summary"].format(**counts(findings)))
    if papers:
        print(text["papers"].format(paths=", ".join(str(p) for p in papers)))
