"""The Belitung 2020 report, built and rendered once per test session (``pytest_plugins``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip.core.measure import measure
from sakip.report import build_report, write_document
from sakip.report.model import Document
from tests.report_helpers import YEAR


@pytest.fixture(scope="session")
def document(belitung) -> Document:
    return build_report(belitung, YEAR)


@pytest.fixture(scope="session")
def measurement(belitung):
    return measure(belitung, YEAR)


@pytest.fixture(scope="session")
def rendered(document, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("report")
    return {fmt: write_document(document, folder / f"lkjip-2020.{fmt}")
            for fmt in ("docx", "html", "pdf")}
