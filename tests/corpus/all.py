"""Every case of the corpus, reader by reader."""

from __future__ import annotations

from tests.corpus import cli, plans, reports, workbooks
from tests.corpus.case import Case

CASES: list[Case] = [*plans.CASES, *workbooks.CASES, *reports.CASES, *cli.CASES]
