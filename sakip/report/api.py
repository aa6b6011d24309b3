"""Rendering a document to bytes by format, and writing a report file atomically."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sakip.core.model import Plan
from sakip.io.problems import InputError, Problem
from sakip.report.build import build_report
from sakip.report.context import Options
from sakip.report.model import Document


def _docx(document: Document) -> bytes:
    from sakip.report.render_docx import render_docx

    return render_docx(document)


def _html(document: Document) -> bytes:
    from sakip.report.render_html import render_html

    return render_html(document).encode("utf-8")


def _pdf(document: Document) -> bytes:
    from sakip.report.render_pdf import render_pdf

    return render_pdf(document)


FORMATS: dict[str, Callable[[Document], bytes]] = {".docx": _docx, ".html": _html, ".pdf": _pdf}


def format_of(path: str | os.PathLike[str]) -> str:
    """The output format named by a file's extension, or an InputError in both languages."""
    suffix = Path(path).suffix.lower()
    if suffix == ".htm":
        suffix = ".html"
    if suffix not in FORMATS:
        shown = suffix or Path(path).name
        known = ", ".join(FORMATS)
        raise InputError([Problem(
            "REPORT_UNKNOWN_FORMAT",
            f"format keluaran '{shown}' tidak dikenal: gunakan berkas berakhiran {known}",
            f"unknown output format '{shown}': use a file ending in {known}", file=str(path))])
    return suffix


def render(document: Document, fmt: str) -> bytes:
    """``fmt`` is ".docx", ".html" or ".pdf"."""
    return FORMATS[fmt](document)


def write_document(document: Document, path: str | os.PathLike[str]) -> Path:
    """Render to the format of ``path``'s extension and write it atomically (temp file + rename)."""
    data = render(document, format_of(path))
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".sakip-", suffix=target.suffix,
                                         dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def write_report(plan: Plan, year: int, path: str | os.PathLike[str],
                 options: Options | None = None) -> Path:
    """Build the LKjIP of ``year`` and write it as DOCX, HTML or PDF, by ``path``'s extension."""
    format_of(path)  # refuse an unknown extension before any work
    return write_document(build_report(plan, year, options), path)
