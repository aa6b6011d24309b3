"""The Belitung example ships as a workbook too, generated from the canonical plan file."""

from __future__ import annotations

import io
from pathlib import Path

from sakip.core.model import Plan
from sakip.io.workbook import export_plan, import_workbook
from tests.conftest import ROOT

WORKBOOK = ROOT / "examples" / "belitung-2020.xlsx"


def test_the_shipped_workbook_holds_the_canonical_example(belitung: Plan) -> None:
    """Fails when the YAML changes and the workbook is not regenerated:
    sakip export examples/belitung-2020.yaml -o examples/belitung-2020.xlsx --force"""
    result = import_workbook(WORKBOOK)
    assert result.warnings == ()
    assert result.plan == belitung


def test_exporting_the_example_again_gives_the_shipped_content(
    belitung: Plan, tmp_path: Path
) -> None:
    buffer = io.BytesIO()
    export_plan(belitung, buffer)
    fresh = tmp_path / "fresh.xlsx"
    fresh.write_bytes(buffer.getvalue())
    assert import_workbook(fresh).plan == import_workbook(WORKBOOK).plan


def test_the_example_keeps_its_figures_through_the_workbook(belitung: Plan) -> None:
    plan = import_workbook(WORKBOOK).plan
    assert len(plan.indicators) == len(belitung.indicators) > 0
    assert sum(len(i.actuals) for i in plan.indicators) == sum(
        len(i.actuals) for i in belitung.indicators)
    assert [b.ceiling for b in plan.budgets] == [b.ceiling for b in belitung.budgets]
    assert plan.tables == belitung.tables and plan.narratives == belitung.narratives
