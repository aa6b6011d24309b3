"""``sakip review PATH [--year Y] [--json] [--papers DIR] [--force]``: the automated reviu.

PATH is a plan file (.yaml, .yml) — the plan checks run over it and its measurement — or a
report Sakip did not make (.docx, .pdf with a text layer, .html, .txt, .md) — the report checks run
over what it prints. Exit status: 0 without errors, 1 with errors, 2 when PATH cannot be read.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sakip.cli.output import DOCUMENT, WORKBOOK, Target, prepare_folder, writing
from sakip.io.problems import InputError

if TYPE_CHECKING:
    from sakip.review.findings import Finding
    from sakip.review.papers import Subject
    from sakip.review.report.document import Document

NAME = "review"
HELP = "reviu otomatis atas rencana (.yaml) atau laporan kinerja (.docx, .pdf, .html, .txt, .md)"

PLAN_SUFFIXES = (".yaml", ".yml")
EXIT_UNREADABLE = 2
FIRST_REPORT_YEAR = 1999  # Inpres 7/1999 introduced the LAKIP
PROGRESS_AFTER = 2.0  # seconds: a review this long says what it is doing, on stderr

_TEXT: dict[str, dict[str, Any]] = {
    "id": {
        "head": "Reviu {kind}: {source}",
        "summary": "{error} kesalahan, {warning} peringatan, {info} catatan.",
        "none": "Tidak ada temuan.",
        "papers": "Kertas kerja ditulis ke {paths}.",
        "unreadable": "Berkas tidak dapat dibaca: {reason}",
        "suffix": "jenis berkas '{suffix}' tidak dikenal: gunakan .yaml untuk rencana, atau "
                  ".docx, .pdf, .html, .txt, .md untuk laporan",
        "year": "tahun {year} di luar periode Renstra {start}–{end}",
        "report_year": "--year {year} tidak sesuai dengan laporan: judulnya menyebut tahun "
                       "{found}; reviu laporan tahun {found} (tanpa --year atau --year {found})",
        "table_year": "--year {year} tidak sesuai dengan laporan: tabel capaiannya untuk tahun "
                      "{found}",
        "implausible": "--year {year} bukan tahun laporan kinerja yang mungkin ({low}–{high})",
        "nothing": "tidak ditemukan judul laporan kinerja bertahun maupun tabel kinerja; berkas "
                   "ini tampaknya bukan laporan kinerja, tidak ada yang dapat direviu",
        "kinds": {"rencana": "rencana", "laporan": "laporan"},
    },
    "en": {
        "head": "Review of {kind}: {source}",
        "summary": "{error} error(s), {warning} warning(s), {info} note(s).",
        "none": "No findings.",
        "papers": "Working papers written to {paths}.",
        "unreadable": "The file cannot be read: {reason}",
        "suffix": "unknown file type '{suffix}': use .yaml for a plan, or .docx, .pdf, .html, "
                  ".txt, .md for a report",
        "year": "year {year} is outside the plan period {start}–{end}",
        "report_year": "--year {year} does not match the report: its title names the year "
                       "{found}; review it as {found} (no --year, or --year {found})",
        "table_year": "--year {year} does not match the report: its achievement tables are for "
                      "{found}",
        "implausible": "--year {year} is not a possible performance report year ({low}–{high})",
        "nothing": "no performance report title with a year and no performance table found; "
                   "this file does not look like a performance report, there is nothing to "
                   "review",
        "kinds": {"rencana": "plan", "laporan": "report"},
    },
}


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="berkas rencana (.yaml) atau laporan")
    parser.add_argument("--year", type=int, help="tahun yang direviu (bawaan: dari berkas)")
    parser.add_argument("--json", action="store_true", help="cetak temuan sebagai JSON")
    parser.add_argument("--papers", metavar="DIR",
                        help="tulis Kertas Kerja Reviu (XLSX, DOCX), Catatan Hasil Reviu (DOCX) "
                             "dan draf Pernyataan Telah Direviu (DOCX) ke folder ini")
    parser.add_argument("--force", action="store_true",
                        help="timpa kertas kerja yang sudah ada di folder --papers")
    team = parser.add_argument_group("tim reviu (kepala kertas kerja; tanpa ini dikosongkan)")
    team.add_argument("--kkr-number", metavar="NOMOR", default="", help="nomor Kertas Kerja Reviu")
    team.add_argument("--team-member", metavar="NAMA", action="append", default=[],
                      help="anggota tim (boleh diulang)")
    team.add_argument("--team-lead", metavar="NAMA", default="", help="ketua tim")
    team.add_argument("--supervisor", metavar="NAMA", default="", help="pengendali teknis")
    team.add_argument("--inspector", metavar="NAMA", default="",
                      help="Inspektur yang menandatangani Pernyataan Telah Direviu")
    team.add_argument("--inspector-nip", metavar="NIP", default="", help="NIP Inspektur")


def run(args: argparse.Namespace) -> int:
    from sakip.cli.main import print_problems

    text = _TEXT.get(args.lang, _TEXT["id"])
    directory = Path(args.papers) if args.papers else None
    created = False
    try:
        if directory is not None:
            created = prepare_folder(directory)
        with writing(_paper_targets(directory), args.force) as pending:
            status = _review(args, text, pending)
    except InputError as error:  # the output cannot be written: checked before the review
        print_problems(error, args.lang)
        status = EXIT_UNREADABLE
    if created and status == EXIT_UNREADABLE and directory is not None:
        _remove_if_empty(directory)
    return status


def _paper_targets(directory: Path | None) -> list[Target]:
    from sakip.review.papers import WRITERS

    if directory is None:
        return []
    return [(directory / name, WORKBOOK if name.endswith(".xlsx") else DOCUMENT)
            for name, _ in WRITERS]


def _remove_if_empty(directory: Path) -> None:
    with contextlib.suppress(OSError):
        directory.rmdir()


def _review(args: argparse.Namespace, text: dict[str, Any], pending: list[Any]) -> int:
    from sakip.cli.main import print_problems
    from sakip.review.findings import has_errors
    from sakip.review.papers import WRITERS, Team
    from sakip.review.report.limits import Code
    from sakip.review.report.readers import SUFFIXES, ReadError

    source = Path(args.path)
    suffix = source.suffix.lower()
    try:
        if suffix in PLAN_SUFFIXES:
            subject, findings = _review_plan(source, args.year, text)
        elif suffix in SUFFIXES:
            subject, findings = _review_report(source, args.year, args.lang)
        else:
            kind = suffix or source.name
            raise ReadError(_TEXT["id"]["suffix"].format(suffix=kind), Code.UNSUPPORTED,
                            _TEXT["en"]["suffix"].format(suffix=kind))
    except ReadError as error:
        reason = f"{error.message(args.lang)} [{error.code}]"
        print(text["unreadable"].format(reason=reason), file=sys.stderr)
        return EXIT_UNREADABLE
    except InputError as error:
        print_problems(error, args.lang)
        return EXIT_UNREADABLE
    if pending:  # --papers: the working papers, in the order of _paper_targets
        team = Team(args.kkr_number, tuple(args.team_member), args.team_lead, args.supervisor,
                    args.inspector, args.inspector_nip)
        for out, (_, writer) in zip(pending, WRITERS, strict=True):
            out.save_with(lambda path, writer=writer: writer(path, subject, findings, team))
    written = [out.target for out in pending]
    if args.json:
        print(json.dumps(as_json(subject, findings, written), ensure_ascii=False, indent=2))
    else:
        _print(subject, findings, written, args.lang, text)
    return 1 if has_errors(findings) else 0


def _review_plan(source: Path, year: int | None,
                 text: dict[str, Any]) -> tuple[Subject, list[Finding]]:
    from sakip.core.measure import default_year
    from sakip.io.plan_file import load_plan
    from sakip.review.papers import Subject
    from sakip.review.plan import review_plan

    plan = load_plan(source)
    chosen = year if year is not None else default_year(plan)
    period = plan.strategic_plan
    if not period.start <= chosen <= period.end:
        raise _refusal("year", "PLAN_YEAR_OUTSIDE_PERIOD", year=chosen, start=period.start,
                       end=period.end)
    subject = Subject(str(source), "rencana", plan.agency.name, plan.region.name, chosen)
    return subject, review_plan(plan, chosen)


_REGION_WITHIN = re.compile(r"\s(?:Kabupaten|Kota|Provinsi)\s+[A-Z][\w .'-]*$")


def _both(key: str, **values: object) -> tuple[str, str]:
    return _TEXT["id"][key].format(**values), _TEXT["en"][key].format(**values)


def _refusal(key: str, code: str, **values: object) -> Exception:
    from sakip.review.report.limits import ReadError

    message_id, message_en = _both(key, **values)
    return ReadError(message_id, code, message_en)


class _Progress:
    """Notes on a long review, on stderr (never on stdout: ``--json`` stays clean), shown only
    once the review has taken :data:`PROGRESS_AFTER` seconds, at most one a second."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.start = time.monotonic()
        self.last = -math.inf  # the first note once PROGRESS_AFTER has passed is shown
        self.shown = False

    def __call__(self, note_id: str, note_en: str) -> None:
        now = time.monotonic()
        if now - self.start < PROGRESS_AFTER or now - self.last < 1.0:
            return
        self.last, self.shown = now, True
        note = note_en if self.language == "en" else note_id
        print(f"… {note} ({now - self.start:.0f} s)", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.shown:
            elapsed = time.monotonic() - self.start
            word = "reviewed in" if self.language == "en" else "direviu dalam"
            print(f"… {word} {elapsed:.0f} s", file=sys.stderr, flush=True)


def _review_report(source: Path, year: int | None,
                   language: str = "id") -> tuple[Subject, list[Finding]]:
    from sakip.review.papers import Subject
    from sakip.review.report import review_document
    from sakip.review.report.checks.outline import AGENCY_LINE, REGION_LINE, reporting_entity
    from sakip.review.report.readers import read_report

    progress = _Progress(language)
    document = read_report(source, progress=progress)
    _check_report_year(document, year)
    report, findings = review_document(document, year, progress)
    progress.done()
    agency = region = None
    paragraphs = report.document.paragraphs[:25]
    for index, paragraph in enumerate(paragraphs):
        words = paragraph.text.replace("\n", " ")
        if agency is None and AGENCY_LINE.match(words) and len(words) < 160:
            agency = _title(words)
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            if REGION_LINE.match(following):
                region = _title(following)
            elif (within := _REGION_WITHIN.search(agency)) is not None:
                # "Dinas Sosial, … Anak Kabupaten Belitung": the name whole, the region named
                agency, region = agency[:within.start()].rstrip(" ,"), within.group(0).strip()
    entity = reporting_entity(report)
    if entity.pemda:  # the Pemda's own LKjIP: the region reports, no agency
        agency, region = None, entity.region or region
    subject = Subject(str(source), "laporan", agency, region, report.year, pemda=entity.pemda)
    return subject, findings


def _check_report_year(document: Document, year: int | None) -> None:
    """Refuse, before any check runs, a report that names no year and shows no performance
    table (nothing to review: "no findings" would be a verdict on nothing), and a ``--year``
    the report contradicts: the year its title names ("LAPORAN KINERJA TAHUN 2020"), else
    the years of its realisation and achievement columns."""
    from sakip.review.report.context import Report, title_year
    from sakip.review.report.limits import Code, ReadError
    from sakip.review.report.tables import Role

    titled = title_year(document)
    own = Report(document)
    measured = {c.year for t in own.tables for c in t.columns
                if c.role in (Role.ACTUAL, Role.ACHIEVEMENT) and c.year is not None}
    performance = any(c.role not in (Role.TEXT, Role.NO) for t in own.tables for c in t.columns)
    if titled is None and not performance:
        id_, en = _both("nothing")
        raise ReadError(f"{id_}: {document.path}", Code.NOTHING_TO_REVIEW,
                        f"{en}: {document.path}")
    if year is None:
        return
    high = dt.date.today().year + 1
    if not FIRST_REPORT_YEAR <= year <= high:
        raise _refusal("implausible", Code.YEAR_MISMATCH, year=year, low=FIRST_REPORT_YEAR,
                       high=high)
    if titled is not None and titled != year:
        raise _refusal("report_year", Code.YEAR_MISMATCH, year=year, found=titled)
    if titled is None and measured and year not in measured:
        found = ", ".join(str(y) for y in sorted(measured))
        raise _refusal("table_year", Code.YEAR_MISMATCH, year=year, found=found)


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
    from sakip.review.findings import counts

    return {
        "subject": {"source": subject.source, "kind": subject.kind, "agency": subject.agency,
                    "region": subject.region, "year": subject.year, "pemda": subject.pemda},
        "reviewed_on": (subject.reviewed_on or dt.date.today()).isoformat(),
        "summary": counts(findings),
        "findings": [f.to_dict() for f in findings],
        "papers": [str(p) for p in papers],
    }


def _print(subject: Subject, findings: list[Finding], papers: list[Path], language: str,
           text: dict[str, Any]) -> None:
    from sakip.review.findings import Severity, counts

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
