"""The LKjIP: a document model built from a plan's measurements, rendered to DOCX, HTML and PDF.

    from sakip.report import build_report, write_report
    document = build_report(plan, 2020)          # chapters, numbered tables and figures
    write_report(plan, 2020, "lkjip-2020.docx")  # .docx, .html or .pdf, written atomically

The names are imported when first used (PEP 562), so that a module of the package — the
document model, the LHE, the pohon kinerja's drawing — does not load the LKjIP's builder with
it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sakip.report.api import FORMATS, render, write_document, write_report
    from sakip.report.build import build_report
    from sakip.report.context import Options

__all__ = ["FORMATS", "Options", "build_report", "render", "write_document", "write_report"]

_WHERE = {"FORMATS": "api", "render": "api", "write_document": "api", "write_report": "api",
          "build_report": "build", "Options": "context"}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'sakip.report' has no attribute {name!r}")
    return getattr(importlib.import_module(f"sakip.report.{module}"), name)
