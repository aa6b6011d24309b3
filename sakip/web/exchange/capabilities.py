"""The library's workbook, report and review functions, as the pages call them.

Nothing here computes a figure or checks a rule: each function hands the core plan read from
the tables to the library — :mod:`sakip.io.workbook` (import/export), :mod:`sakip.report`
(``build_report`` + ``render``), :mod:`sakip.review.plan` (``review_plan``) and
:mod:`sakip.review.papers` (working papers) — and returns what it made.
"""

from __future__ import annotations

import datetime as dt
import importlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sakip.core.model import Plan

REPORT_FORMATS = ("docx", "pdf", "html")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The standalone HTML report carries its own styles and images (data: URIs) and no script.
REPORT_HTML_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                      "font-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")


class Unavailable(Exception):
    """A capability this installation cannot provide (a missing system library, say)."""


def _module(name: str) -> Any | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def workbook() -> Any | None:
    module = _module("sakip.io.workbook")
    return module if module is not None and hasattr(module, "import_workbook") else None


def report() -> Any | None:
    module = _module("sakip.report")
    return module if module is not None and hasattr(module, "build_report") else None


def report_bytes(plan: Plan, year: int, fmt: str, sources: Any = None) -> bytes:
    """The LKjIP of ``plan`` for ``year`` as ``fmt`` (docx, pdf, html), by ``sakip.report``;
    ``sources`` (sakip.core.provenance.Sources) name where its values were entered."""
    module = report()
    if module is None or fmt not in REPORT_FORMATS:
        raise Unavailable(fmt)
    document = module.build_report(plan, year, module.Options(sources=sources))
    try:
        return bytes(module.render(document, f".{fmt}"))
    except (ImportError, OSError) as error:  # e.g. WeasyPrint without Pango for PDF
        raise Unavailable(f"{fmt}: {error}") from error


@dataclass(frozen=True)
class FindingView:
    severity: str  # kesalahan / peringatan / catatan
    code: str
    where: str
    message: str
    expected: str | None
    found: str | None


def _review() -> Any | None:
    module = _module("sakip.review.plan")
    return module if module is not None and hasattr(module, "review_plan") else None


def raw_findings(plan: Plan, year: int) -> list[Any] | None:
    module = _review()
    return None if module is None else list(module.review_plan(plan, year))


def year_findings(agency: Any, year: int, state: Any) -> list[Any] | None:
    """The automated review's findings on the agency's ``year`` as the year's figures stand
    (:func:`sakip.web.workflow.snapshots.plan_for`), kept in Django's cache under the stamps
    they are computed from (:func:`sakip.web.measuring.page_key`: a write anywhere gives a new
    key): the review page, its working papers and the API ask without reviewing again."""
    from sakip.web.measuring import kept, page_key
    from sakip.web.workflow.snapshots import plan_for

    found = kept(page_key(agency, year, state, "temuan"),
                 lambda: raw_findings(plan_for(agency, year), year))
    return None if found is None else list(found)


def findings(plan: Plan, year: int) -> list[FindingView] | None:
    """The review's findings on the plan for ``year``; None without ``sakip.review``."""
    found = raw_findings(plan, year)
    if found is None:
        return None
    return [FindingView(f.severity.label_id, f.code, f.location.render(), f.message_id,
                        f.expected, f.found) for f in found]


PAPERS = {"xlsx": ("write_xlsx", "kertas-kerja-reviu.xlsx"),
          "docx": ("write_docx", "kertas-kerja-reviu.docx"),
          "pernyataan": ("write_statement", "pernyataan-telah-direviu.docx")}


def papers() -> Any | None:
    module = _module("sakip.review.papers")
    return module if module is not None and hasattr(module, "Subject") else None


def paper_bytes(plan: Plan, year: int, which: str) -> tuple[bytes, str]:
    """A working paper of the review (Kertas Kerja Reviu, Pernyataan Telah Direviu)."""
    module = papers()
    found = raw_findings(plan, year)
    if module is None or found is None or which not in PAPERS:
        raise Unavailable(which)
    function, name = PAPERS[which]
    subject = module.Subject(source=f"{plan.agency.code}.yaml", kind="rencana",
                             agency=plan.agency.name, region=plan.region.name, year=year,
                             reviewed_on=dt.date.today())
    with tempfile.TemporaryDirectory(prefix="sakip-papers-") as folder:
        path = Path(folder) / name
        getattr(module, function)(path, subject, found)
        return path.read_bytes(), name
