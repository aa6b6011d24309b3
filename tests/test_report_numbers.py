"""The report's numbers are the measurement's: every printed figure is looked up in the engine.

Each cell that prints a measured figure carries a key ("achievement:2020:IKU-05"). Going one
way, every keyed cell must hold the engine's value and print it; going the other, every figure
the engine measured for the report must be printed somewhere.
"""

from decimal import Decimal

import pytest

from sakip.core.measure import measure
from sakip.io.idnum import parse_id_number
from tests.report_helpers import YEAR, keyed

pytest_plugins = ["tests.report_fixtures"]


@pytest.fixture(scope="module")
def history(belitung):
    return {year: measure(belitung, year) for year in range(2019, YEAR + 1)}


def engine_figure(belitung, history, key: str):
    kind, year_text, code = key.split(":", 2)
    m = history.get(int(year_text))
    if kind == "achievement":
        return m.result(code).achievement
    if kind == "actual":
        return m.result(code).actual
    if kind == "group":
        return m.group(code).achievement
    if kind == "own":
        return m.own_group(code).achievement
    if kind in ("ceiling", "spent", "absorption"):
        return getattr(m.budget_line(code), kind)
    if kind == "efficiency":
        return next(e.efficiency for e in m.efficiency if e.code == code)
    if kind == "final":
        return next(f.achievement for f in m.final_targets if f.indicator == code)
    if kind == "change":
        return next(c.difference for c in m.changes if c.indicator == code)
    if kind.startswith("spending_"):
        field = kind.removeprefix("spending_")
        line = next(s for s in m.spending
                    if (s.kind.value if s.kind else "total") == code)
        return getattr(line, field)
    if kind == "target":
        target = belitung.indicator_by_code[code].target(int(year_text))
        return target.value if target else None
    if kind == "pk":
        version = belitung.agreement(int(year_text))
        return next(i.target for i in version.items if i.indicator == code)
    if kind == "predicate_count":
        return Decimal(dict(m.predicate_counts)[code])
    if kind == "category_count":
        return Decimal(dict(m.category_counts)[code])
    raise AssertionError(f"unknown key kind {kind}")


def printed(text: str) -> Decimal | None:
    return None if text == "–" else parse_id_number(text)


def test_every_keyed_cell_prints_the_engines_figure(document, belitung, history):
    cells = keyed(document)
    assert len(cells) > 300
    for key, found in cells.items():
        expected = engine_figure(belitung, history, key)
        for cell in found:
            assert printed(cell.text) == expected, (key, cell.text, expected)
            if cell.value is not None or kind_has_value(key):
                assert cell.value == expected or cell.value is None, (key, cell.value, expected)


def kind_has_value(key: str) -> bool:
    return not key.startswith(("predicate_count", "category_count"))


def test_every_measured_figure_of_the_year_is_printed(document, measurement):
    keys = set(keyed(document))
    m = measurement
    for code in m.key:
        assert {f"achievement:{YEAR}:{code}", f"actual:{YEAR}:{code}", f"final:{YEAR}:{code}"} <= keys
    for result in m.indicators:
        if result.indicator.level.value == "program" and result.target is not None:
            assert f"achievement:{YEAR}:{result.code}" in keys
    for group in m.groups:
        if group.indicators:
            assert f"group:{YEAR}:{group.code}" in keys, group.code
    for own in m.own_groups:
        if own.indicators:
            assert f"own:{YEAR}:{own.code}" in keys
    for line in m.budget:
        if line.level in ("program", "activity", "goal", "agency"):
            for kind in ("ceiling", "spent", "absorption"):
                assert f"{kind}:{YEAR}:{line.code}" in keys, (kind, line.code)
    for e in m.efficiency:
        assert f"efficiency:{YEAR}:{e.code}" in keys
    for c in m.changes:
        if c.difference is not None:
            assert f"change:{YEAR}:{c.indicator}" in keys
    assert {f"spending_absorption:{YEAR}:{k}" for k in ("indirect", "direct", "total")} <= keys


def test_the_plans_years_are_printed_from_their_own_measurements(document, history):
    keys = set(keyed(document))
    for code in history[YEAR].key:
        assert f"achievement:2019:{code}" in keys and f"actual:2019:{code}" in keys
