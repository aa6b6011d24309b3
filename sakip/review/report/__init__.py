"""Review of a report Sakip did not make: read it, find its tables, check what can be checked.

:data:`CHECKS` is the plain list of checks, run in order; each takes a
:class:`~sakip.review.report.context.Report` and returns findings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from sakip.review.findings import Finding, ordered
from sakip.review.report.checks import (
    budget_text,
    consistency,
    derivations,
    outline,
    rows,
    separators,
    signatures,
    structure,
    text_targets,
    totals,
    truncation,
    verdicts,
)
from sakip.review.report.context import Report
from sakip.review.report.document import Document
from sakip.review.report.readers import PAGE, Progress, parse_text, read_report
from sakip.review.report.scales import ReportScale

Check = Callable[[Report], list[Finding]]

CHECKS: list[Check] = [
    structure.unreadable,
    structure.duplicate_numbers,
    structure.numbering_gaps,
    structure.malformed_amounts,
    rows.wrong_figures,
    rows.polarity,
    rows.copied_final,
    rows.no_target,
    totals.totals,
    consistency.same_figure,
    consistency.text_figures,
    consistency.text_budget_totals,
    budget_text.text_absorption,
    budget_text.program_sums,
    budget_text.unexplained_low_absorption,
    budget_text.absorption_means,
    derivations.derivations,
    truncation.truncation,
    verdicts.verdict_labels,
    verdicts.band_counts,
    verdicts.text_labels,
    verdicts.average_counts,
    outline.chapters,
    outline.parts,
    outline.annexed_agreement,
    signatures.unnamed_signatories,
    separators.decimal_marks,
    separators.thousands,
    text_targets.text_targets,
]


def standard_report_scales() -> tuple[ReportScale, ...]:
    """The standard predicate and category scales, used when a report prints none."""
    from sakip.io.standard_scales import standard_scales

    wanted = ("predikat-permenpan", "kategori-permendagri-54-2010")
    return tuple(ReportScale(s, None) for s in standard_scales() if s.code in wanted)


def review_report(path: str | Path, year: int | None = None) -> tuple[Report, list[Finding]]:
    """Read a report and run every check; raises ``ReadError`` when it cannot be read."""
    return review_document(read_report(path), year)


def review_text(text: str, year: int | None = None) -> tuple[Report, list[Finding]]:
    """Review a report given as text (tab-separated or markdown tables)."""
    return review_document(Document("<teks>", "text", tuple(parse_text(text))), year)


def review_document(document: Document, year: int | None = None,
                    progress: Progress | None = None) -> tuple[Report, list[Finding]]:
    """Run every check over a document; ``progress`` hears the name of each check before it
    runs (the command line shows it on a long review)."""
    report = Report(document, year, standard_report_scales())
    findings: list[Finding] = []
    for check in CHECKS:
        if progress is not None:
            name = f"{check.__module__.rsplit('.', 1)[-1]}.{check.__name__}"
            progress(f"pemeriksaan {name}", f"check {name}")
        findings.extend(check(report))
    return report, [_relocate(f, document) for f in ordered(findings)]


def _relocate(finding: Finding, document: Document) -> Finding:
    """Name a place as a reader finds it: the section heading it stands under, and in a PDF the
    printed page; a text keeps its line number (an editor shows it)."""
    line = finding.location.line
    if line is None:
        return finding
    heading = document.heading_before(line)
    if document.kind == "text":
        return finding
    parts = [finding.location.section] if finding.location.section else []
    if heading:
        parts.append(f"bagian '{heading}'")
    if document.kind == "pdf":
        parts.append(f"halaman {line // PAGE}")
    elif not heading:
        parts.append(f"blok ke-{line} dokumen")
    return dataclasses.replace(
        finding, location=dataclasses.replace(finding.location, line=None,
                                              section=", ".join(parts)))
