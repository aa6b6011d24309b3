"""The LKjIP: a document model built from a plan's measurements, rendered to DOCX, HTML and PDF.

    from sakip.report import build_report, write_report
    document = build_report(plan, 2020)          # chapters, numbered tables and figures
    write_report(plan, 2020, "lkjip-2020.docx")  # .docx, .html or .pdf, written atomically
"""

from sakip.report.api import FORMATS, render, write_document, write_report
from sakip.report.build import build_report
from sakip.report.context import Options

__all__ = ["FORMATS", "Options", "build_report", "render", "write_document", "write_report"]
