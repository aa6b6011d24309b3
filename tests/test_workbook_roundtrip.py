"""Export then import gives back the same plan: every field of the model survives."""

from __future__ import annotations

import dataclasses
import io
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from sakip.core import model
from sakip.core.model import Plan, Series, SupportingTable
from sakip.io.workbook import export_plan, import_workbook, load_workbook
from tests.workbook_plans import full_plan, minimal_plan, plans, scaled_plan


def roundtrip(plan: Plan, tmp_path: Path, name: str = "plan.xlsx") -> Plan:
    path = tmp_path / name
    export_plan(plan, path)
    return load_workbook(path)


def test_a_plan_filling_every_field_comes_back_equal(tmp_path: Path) -> None:
    original = full_plan()
    imported = roundtrip(original, tmp_path)
    for field in dataclasses.fields(Plan):
        assert getattr(imported, field.name) == getattr(original, field.name), field.name
    assert imported == original


def test_the_full_plan_fills_every_field_of_the_model() -> None:
    """Guards the round-trip test itself: a new model field must get a value in full_plan."""
    records = _records(full_plan())
    every = {f"{type(obj).__name__}.{f.name}" for obj in records for f in dataclasses.fields(obj)}
    filled = {f"{type(obj).__name__}.{f.name}" for obj in records
              for f in dataclasses.fields(obj) if getattr(obj, f.name) not in (None, ())}
    assert every - filled == set()
    model_classes = {name for name, value in vars(model).items()
                     if isinstance(value, type) and dataclasses.is_dataclass(value)
                     and value.__module__ == model.__name__}
    assert model_classes - {type(obj).__name__ for obj in records} == set()


def _records(value: object) -> list[object]:
    found: list[object] = []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found.append(value)
        for field in dataclasses.fields(value):
            found.extend(_records(getattr(value, field.name)))
    elif isinstance(value, tuple):
        for item in value:
            found.extend(_records(item))
    return found


def test_a_minimal_plan_comes_back_equal(tmp_path: Path) -> None:
    assert roundtrip(minimal_plan(), tmp_path) == minimal_plan()


def test_a_large_plan_comes_back_equal(tmp_path: Path) -> None:
    original = scaled_plan(5)
    assert roundtrip(original, tmp_path) == original


def test_export_writes_to_a_stream(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    export_plan(full_plan(), buffer)
    path = tmp_path / "stream.xlsx"
    path.write_bytes(buffer.getvalue())
    assert load_workbook(path) == full_plan()


def test_numbers_beyond_double_precision_survive_as_text(tmp_path: Path) -> None:
    big = Decimal("12345678901234567.891")  # 20 significant digits: no double holds it
    original = dataclasses.replace(
        minimal_plan(),
        series=(Series("s", "Seri", values=((2020, big),)),),
        tables=(SupportingTable("BIG", "Angka besar", ("a", "b"), ((big, Decimal("0.1")),)),),
    )
    imported = roundtrip(original, tmp_path)
    assert imported.series == original.series  # a typed number column parses the text back
    # a supporting-table cell keeps text as text: the documented limit of table cells
    assert imported.tables[0].rows[0] == ("12345678901234567,891", Decimal("0.1"))


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    table = SupportingTable("F", "=SUM(A1:A2)", ("=1+2",), (("=A1",),))
    original = dataclasses.replace(minimal_plan(), tables=(table,))
    assert roundtrip(original, tmp_path) == original


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(plan=plans())
def test_generated_plans_round_trip(plan: Plan, tmp_path: Path) -> None:
    result = import_workbook(_export(plan, tmp_path))
    assert result.plan == plan


def _export(plan: Plan, tmp_path: Path) -> Path:
    path = tmp_path / "generated.xlsx"
    export_plan(plan, path)
    return path
