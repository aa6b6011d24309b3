"""One representation of a plan's decimals, whatever reads them (docs/plan-format.md, Decimals).

``Decimal("80")`` and ``Decimal("80.0")`` compare equal but print differently (80 / 80,0), so
every comparison here is of the plans *and* of ``str()`` of every Decimal in them, by path.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import plan_from
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip.core.model import Plan
from sakip.core.numbers import canonical_decimal
from sakip.io.plan_dump import dump_plan, plan_document
from sakip.io.plan_file import parse_plan
from sakip.io.workbook import export_plan, import_workbook
from sakip.io.workbook.cells import read_cell, read_table_cell
from sakip.io.workbook.schema import Column, Kind
from sakip.report.build import build_report
from sakip.report.context import Options
from sakip.report.render_html import render_html
from tests.conftest import ROOT
from tests.workbook_plans import plans

WORKBOOK = ROOT / "examples" / "belitung-2020.xlsx"
NUMBER = Column("value", "Nilai", Kind.DECIMAL, "")
PROPERTY = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


# --------------------------------------------------------------------------- helpers


def decimals(value: Any, path: str = "plan") -> list[tuple[str, str]]:
    """Every Decimal in a plan as (path, str): the representation, not only the value."""
    if isinstance(value, Decimal):
        return [(path, str(value))]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [pair for field in dataclasses.fields(value)
                for pair in decimals(getattr(value, field.name), f"{path}.{field.name}")]
    if isinstance(value, tuple):
        return [pair for i, item in enumerate(value) for pair in decimals(item, f"{path}[{i}]")]
    return []


def with_decimals(value: Any, change: Callable[[Decimal], Decimal]) -> Any:
    """``value`` with every Decimal in it replaced by ``change(decimal)``."""
    if isinstance(value, Decimal):
        return change(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{
            field.name: with_decimals(getattr(value, field.name), change)
            for field in dataclasses.fields(value)})
    if isinstance(value, tuple):
        return tuple(with_decimals(item, change) for item in value)
    return value


def canonical_plan(plan: Plan) -> Plan:
    canonical: Plan = with_decimals(plan, canonical_decimal)
    return canonical


def assert_identical(found: Plan, expected: Plan) -> None:
    assert found == expected
    assert decimals(found) == decimals(expected)


def typed_yaml(plan: Plan) -> str:
    """The plan file as a person might type it: every Decimal as it is held (``80.0``,
    ``0.50``), where the plan writer writes its canonical form."""

    class Typed(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    def number(dumper: yaml.SafeDumper, value: Decimal) -> yaml.Node:
        text = format(value, "f")
        return dumper.represent_scalar(f"tag:yaml.org,2002:{'float' if '.' in text else 'int'}",
                                       text)  # the tag its text resolves to: written plain

    Typed.add_representer(Decimal, number)
    return str(yaml.dump(plan_document(plan), Dumper=Typed, sort_keys=False, allow_unicode=True))


def export_import(plan: Plan, folder: Path) -> Plan:
    path = folder / "plan.xlsx"
    export_plan(plan, path)
    return import_workbook(path).plan


# --------------------------------------------------------------------------- representations


def _with_zeros(value: Decimal, count: int) -> Decimal:
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    return Decimal((sign, digits + (0,) * count, exponent - count))


def _exponent_form(value: Decimal) -> Decimal:
    """An integral value with its trailing zeros moved into the exponent: 80 → 8E+1."""
    sign, digits, exponent = canonical_decimal(value).as_tuple()
    assert isinstance(exponent, int)
    if exponent < 0 or not any(digits):
        return value
    kept = len(digits)
    while kept > 1 and digits[kept - 1] == 0:
        kept -= 1
    return Decimal((sign, digits[:kept], exponent + len(digits) - kept))


@st.composite
def representation(draw: st.DrawFn, value: Decimal) -> Decimal:
    """The same number written another way: as generated, with trailing zeros (80.000), in
    exponent form (8E+1), a negative zero (-0.0), or already canonical."""
    form = draw(st.sampled_from(["as is", "zeros", "exponent", "canonical"]))
    if form == "zeros":
        return _with_zeros(value, draw(st.integers(1, 4)))
    if form == "exponent":
        return _exponent_form(value)
    if form == "canonical":
        return canonical_decimal(value)
    if not value:
        zero: Decimal = draw(st.sampled_from([value, Decimal("-0.0"), Decimal("0E+2")]))
        return zero
    return value


@st.composite
def typed_plans(draw: st.DrawFn) -> Plan:
    """Full generated plans (tests/workbook_plans.py: integers, 2 and 6 places, money up to
    10¹³, negatives where the plan allows them, 20 significant digits) with each Decimal
    written in any of its representations."""
    plan = draw(plans())
    typed: Plan = with_decimals(plan, lambda value: draw(representation(value)))
    return typed


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(("typed", "held"), [
    ("80", "80"), ("80.0", "80"), ("80.000", "80"), ("80.50", "80.5"), ("0.50", "0.5"),
    ("389950000.0", "389950000"), ("1E+3", "1000"), ("8E+1", "80"), ("0", "0"),
    ("-0.00", "0"), ("0E+5", "0"), ("-5.930", "-5.93"), ("0.0010", "0.001"),
    ("12345678901234567890123456789012.500", "12345678901234567890123456789012.5"),
])
def test_the_canonical_form_is_the_shortest_exact_one(typed: str, held: str) -> None:
    result = canonical_decimal(Decimal(typed))
    assert str(result) == held and result == Decimal(typed)
    assert result.as_tuple().exponent <= 0


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_the_canonical_form_keeps_the_value_and_is_stable(value: Decimal) -> None:
    result = canonical_decimal(value)
    _sign, digits, exponent = result.as_tuple()
    assert result == value
    assert str(canonical_decimal(result)) == str(result)
    assert exponent == 0 or (isinstance(exponent, int) and exponent < 0 and digits[-1] != 0)


def test_the_database_reader_uses_the_same_rule() -> None:
    from sakip.web.plans.decimals import tidy

    assert tidy(None) is None
    for stored in ("80.000000", "0.500000", "-0.000000", "389950000.000000", "12.345600"):
        assert str(tidy(Decimal(stored))) == str(canonical_decimal(Decimal(stored)))
    assert str(tidy(Decimal("80.000000"))) == "80"


@pytest.mark.parametrize(("raw", "held"), [
    (80.0, "80"), (389950000.0, "389950000"), (94.78, "94.78"), (0.5, "0.5"), (1e16, "10000000000000000"),
    (-0.0, "0"), ("80,00", "80"), ("Rp 389.950.000,-", "389950000"), ("0,50", "0.5"),
])
def test_a_workbook_number_is_read_in_canonical_form(raw: float | str, held: str) -> None:
    assert str(read_cell(NUMBER, raw)) == held
    if isinstance(raw, float):
        assert str(read_table_cell(raw)) == held


def test_a_plan_file_number_is_read_in_canonical_form() -> None:
    plan = plan_from("""\
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - {code: I1, name: Indikator, targets: {2020: 80.0, 2021: 0.50}, actuals: {2020: 1E+2}}
        tables:
          - {code: X, title: Tabel, columns: [a, b], rows: [[100.00, -0.0]]}
        """)
    assert decimals(plan.indicators[0]) == [
        ("plan.targets[0].value", "80"), ("plan.targets[1].value", "0.5"),
        ("plan.actuals[0].value", "100")]
    assert decimals(plan.tables) == [("plan[0].rows[0][0]", "100"), ("plan[0].rows[0][1]", "0")]


def test_an_indicators_targets_print_aligned_without_trailing_zeros() -> None:
    plan = plan_from("""\
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - {code: A, name: Berbaris, targets: {2020: 5.0, 2021: 4.8, 2022: 4.75}}
              - {code: B, name: Sendiri, targets: {2020: 5.0}}
              - {code: C, name: Rentang, targets: {2020: {value: 10, upper: 12.5}}}
        """)
    a, b, c = (plan.indicator_by_code[code] for code in "ABC")
    assert [a.target_places(t.value) for t in a.targets if t.value is not None] == [2, 2, 2]
    assert b.targets[0].value is not None and b.target_places(b.targets[0].value) == 0
    assert c.target_places(Decimal(10)) == 1
    assert a.target_places(Decimal("0.125")) == 3  # never fewer places than a value has


# --------------------------------------------------------------------------- round trips


@PROPERTY
@given(plan=typed_plans())
def test_plan_to_plan_file_to_plan(plan: Plan) -> None:
    assert_identical(parse_plan(dump_plan(plan), "<dump>"), canonical_plan(plan).canonical())


@PROPERTY
@given(plan=typed_plans())
def test_plan_to_workbook_to_plan(plan: Plan, tmp_path: Path) -> None:
    assert_identical(export_import(plan, tmp_path), canonical_plan(plan))


@PROPERTY
@given(plan=typed_plans())
def test_plan_file_text_to_plan_to_text(plan: Plan) -> None:
    """A file typed with any representation reads as the canonical plan, which writes the
    canonical text, which reads and writes back unchanged."""
    expected = canonical_plan(plan).canonical()
    read = parse_plan(typed_yaml(plan), "<typed>")
    assert_identical(read, expected)
    text = dump_plan(read)
    assert text == dump_plan(expected)
    assert_identical(parse_plan(text, "<dump>"), expected)
    assert dump_plan(parse_plan(text, "<dump>")) == text


# --------------------------------------------------------------------------- the example


def test_the_example_workbook_is_exactly_the_example_plan_file(belitung: Plan) -> None:
    imported = import_workbook(WORKBOOK).plan
    assert_identical(imported, belitung)
    assert all(text == str(canonical_decimal(Decimal(text))) for _, text in decimals(belitung))
    assert dump_plan(imported) == dump_plan(belitung)
    assert "80.0" not in dump_plan(imported) and "389950000\n" in dump_plan(imported)


def test_the_example_round_trips_through_file_and_workbook_unchanged(
    belitung: Plan, tmp_path: Path
) -> None:
    text = dump_plan(belitung)
    assert_identical(parse_plan(text, "<dump>"), belitung)
    assert dump_plan(export_import(parse_plan(text, "<dump>"), tmp_path)) == text


def test_the_example_prints_the_same_figures_from_file_and_workbook(belitung: Plan) -> None:
    imported = import_workbook(WORKBOOK).plan
    options = Options(charts=False)
    html = render_html(build_report(belitung, 2020, options))
    assert render_html(build_report(imported, 2020, options)) == html
    # trailing zeros are not kept, yet the report prints the example's figures as before:
    # targets aligned per indicator (5,0 beside 4,8), table columns aligned (100,00)
    for figure in (">5,0<", ">89,00<", ">47,00<", ">100,00<", ">80<", ">0,5<"):
        assert figure in html, figure
