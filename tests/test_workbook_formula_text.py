"""Text that looks like a formula (=, +, -, @ first) is exported so it stays text when a user
edits the cell in Excel or LibreOffice (a string cell with the quotePrefix style), and it imports
back exactly, without an added apostrophe."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import openpyxl

from sakip.core.model import Plan
from sakip.io.workbook import export_plan, load_workbook
from tests.workbook_plans import full_plan

TRIGGERS = ("=", "+", "-", "@")


def risky_plan() -> Plan:
    plan = full_plan()
    table = plan.tables[0]
    rows = ((Decimal(1), '=HYPERLINK("http://contoh.invalid","klik")', Decimal(12), None),
            (Decimal(2), "+62 812 3456 7890", Decimal("1234567.89"), "-5"),
            (None, "@SUM(A1:A9)", None, "=1+1"))
    narrative = dataclasses.replace(plan.narratives[0], text="=1+1",
                                    items=("-Data terlambat", "@penting", "+tambahan"))
    return dataclasses.replace(
        plan,
        agency=dataclasses.replace(plan.agency, phone="+62 719 21000", task="=2*3"),
        strategic_plan=dataclasses.replace(plan.strategic_plan, name="=Renstra 2018-2023"),
        goals=(dataclasses.replace(plan.goals[0], name="+Meningkatnya kesejahteraan"),
               *plan.goals[1:]),
        programs=(dataclasses.replace(plan.programs[0], name="@Program pelayanan"),
                  *plan.programs[1:]),
        indicators=(dataclasses.replace(plan.indicators[0], name="-Persentase PMKS"),
                    *plan.indicators[1:]),
        tables=(dataclasses.replace(table, title="=Judul", columns=("No", "-Jenis", "2019", "@"),
                                    rows=rows), *plan.tables[1:]),
        narratives=(narrative, *plan.narratives[1:]),
    )


def test_formula_like_text_comes_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "rencana.xlsx"
    plan = risky_plan()
    export_plan(plan, path)
    assert load_workbook(path) == plan


def test_formula_like_text_is_a_quoted_string_cell(tmp_path: Path) -> None:
    path = tmp_path / "rencana.xlsx"
    export_plan(risky_plan(), path)
    book = openpyxl.load_workbook(path)
    risky = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value.startswith(TRIGGERS)]
    by_value = {cell.value: cell for cell in risky}
    for text in ("=Renstra 2018-2023", "+Meningkatnya kesejahteraan", "@Program pelayanan",
                 "-Persentase PMKS", "=1+1", "-Data terlambat", "@penting", "=Judul", "-Jenis",
                 "@", '=HYPERLINK("http://contoh.invalid","klik")', "+62 812 3456 7890",
                 "@SUM(A1:A9)", "-5", "+62 719 21000", "=2*3"):
        assert text in by_value, text
    for cell in risky:
        where = f"{cell.parent.title}!{cell.coordinate}"
        assert cell.data_type == "s", where  # a string, not a formula
        assert cell.quotePrefix, where  # and stays one when edited


def test_ordinary_text_and_numbers_carry_no_quote_prefix(tmp_path: Path) -> None:
    path = tmp_path / "rencana.xlsx"
    export_plan(full_plan(), path)
    book = openpyxl.load_workbook(path)
    target = book["Target"]
    assert target["B2"].value is not None and not target["B2"].quotePrefix
    budgets = book["Anggaran"]
    numbers = [cell for row in budgets.iter_rows(min_row=2) for cell in row
               if isinstance(cell.value, int | float)]
    assert numbers and not any(cell.quotePrefix for cell in numbers)
