"""Provenance: every figure of the example report has a derivation, and its inputs their sources
(a plan file's line, a workbook's cell)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl import load_workbook as open_xlsx

from sakip.core.derivations import derive, derive_all, figure_keys
from sakip.core.measure import Measurement, measure
from sakip.core.model import Plan
from sakip.core.numbers import quantize
from sakip.core.provenance import Source, SourceKind, Sources, lines
from sakip.io.plan_file import load_plan_sources
from sakip.io.workbook import load_workbook_sources
from sakip.report.build import build_from
from sakip.report.context import Options, make_context
from tests.conftest import EXAMPLE, ROOT, plan_from
from tests.report_helpers import YEAR, keyed
from tests.workbook_plans import plans

WORKBOOK = ROOT / "examples" / "belitung-2020.xlsx"


Loaded = tuple[Plan, Measurement, Sources]


@pytest.fixture(scope="module")
def from_file() -> Loaded:
    plan, sources = load_plan_sources(EXAMPLE)
    return plan, measure(plan, YEAR), sources


def test_every_figure_of_the_example_report_has_a_derivation_that_gives_its_value() -> None:
    plan, _ = load_plan_sources(EXAMPLE)
    ctx = make_context(plan, YEAR, Options(charts=False))
    document = build_from(ctx)
    cells = keyed(document)
    assert len(cells) > 300
    found = derive_all(plan, ctx.m, keys=list(cells), history=ctx.history)
    missing = sorted(set(cells) - set(found))
    assert not missing, missing[:20]
    for key, printed in cells.items():
        derivation = found[key]
        for cell in printed:
            if cell.value is not None and derivation.result is not None:
                assert derivation.result == cell.value, (key, derivation.result, cell.value)


def test_every_figure_of_the_measurement_has_a_derivation(from_file: Loaded) -> None:
    plan, m, sources = from_file
    keys = list(figure_keys(m))
    found = derive_all(plan, m, sources)
    assert set(keys) == set(found)
    kinds = {key.split(":")[0] for key in keys}
    assert {"achievement", "actual", "group", "own", "absorption", "ceiling", "spent",
            "efficiency", "predicate_count", "category_count", "spending_absorption"} <= kinds


def test_a_rounded_figure_is_its_unrounded_value_rounded_by_the_plans_rule(from_file: Loaded) -> None:
    plan, m, sources = from_file
    settings = plan.settings
    for derivation in derive_all(plan, m, sources).values():
        if derivation.unrounded is None or derivation.result is None:
            continue
        places = -int(derivation.result.as_tuple().exponent)
        assert quantize(derivation.unrounded, places, settings.rounding) == derivation.result, \
            derivation.key
        assert derivation.rounding is not None


def test_a_derived_realisation_names_its_formula_in_words_and_each_series_value(from_file: Loaded) -> None:
    plan, m, sources = from_file
    d = derive(plan, m, "actual:2020:IKU-01", sources)
    assert d is not None
    assert d.code == "(pmks[n-1] - pmks[n]) / pmks[n-1] * 100"
    assert d.rule[0] == "(Jumlah PMKS 2019 − Jumlah PMKS 2020) ÷ Jumlah PMKS 2019 × 100"
    assert [(i.symbol, i.value) for i in d.inputs] == [
        ("pmks[n-1]", Decimal(14337)), ("pmks[n]", Decimal(13619))]
    assert d.result == Decimal("5.01")
    text = "\n".join(lines(d, "id"))
    assert "dibulatkan setengah ke atas ke 2 desimal" in text and "5,01" in text
    assert "rounded half up to 2 decimal places" in "\n".join(lines(d, "en"))


def _line(number: int) -> str:
    return EXAMPLE.read_text(encoding="utf-8").splitlines()[number - 1]


def test_a_plan_file_source_is_the_line_the_value_is_written_on(from_file: Loaded) -> None:
    plan, m, sources = from_file
    d = derive(plan, m, "actual:2020:IKU-02", sources)
    assert d is not None
    checked = 0
    for item in d.inputs:
        source = item.source
        assert source is not None and source.kind is SourceKind.PLAN_FILE
        assert source.file == str(EXAMPLE)
        assert source.line is not None
        line = _line(source.line)
        year = re.search(r"\d{4}", item.label[0])
        assert year is not None and f"{year.group()}: {item.value}" in line, (line, item)
        checked += 1
    assert checked == 2
    target = derive(plan, m, "achievement:2020:IKU-02", sources).inputs[0]  # type: ignore[union-attr]
    assert target.source is not None and target.source.line is not None
    assert "2020" in _line(target.source.line) and "80" in _line(target.source.line)
    assert "baris" in target.source.words()[0] and "line" in target.source.words()[1]


def test_a_budget_figure_names_the_lines_it_sums_down_to_the_entered_record(from_file: Loaded) -> None:
    plan, m, sources = from_file
    agency = derive(plan, m, f"ceiling:{YEAR}:{plan.agency.code}", sources)
    assert agency is not None and agency.inputs
    assert sum(i.value for i in agency.inputs if i.value is not None) == agency.result
    leaf = next(line for line in m.budget if line.level == "activity" and line.ceiling)
    entered = derive(plan, m, f"ceiling:{YEAR}:{leaf.code}", sources)
    assert entered is not None and entered.inputs[0].source is not None
    assert entered.inputs[0].value == leaf.ceiling
    absorption = derive(plan, m, f"absorption:{YEAR}:{leaf.code}", sources)
    assert absorption is not None and absorption.result == leaf.absorption
    assert [i.figure for i in absorption.inputs] == [f"spent:{YEAR}:{leaf.code}",
                                                     f"ceiling:{YEAR}:{leaf.code}"]


def test_a_workbook_source_is_the_cell_that_holds_the_value() -> None:
    plan, sources = load_workbook_sources(WORKBOOK)
    m = measure(plan, YEAR)
    book = open_xlsx(WORKBOOK, read_only=True)
    checked = 0
    for key in ("actual:2020:IKU-02", "achievement:2020:IKU-05", f"spending_spent:{YEAR}:direct"):
        d = derive(plan, m, key, sources)
        assert d is not None
        for item in d.inputs:
            if item.source is None:
                continue
            source = item.source
            assert source.kind is SourceKind.WORKBOOK and source.file == WORKBOOK.name
            assert source.sheet and source.row and source.column
            letter = source.column.split(" ")[0]
            value = book[source.sheet][f"{letter}{source.row}"].value
            assert Decimal(str(value)) == item.value, (key, source, value)
            checked += 1
    assert checked >= 3


def test_a_plan_from_no_file_still_derives_its_figures_without_sources() -> None:
    plan = plan_from("""
        goals:
          - code: T1
            name: Tujuan
            indicators:
              - {code: I1, name: Indikator, unit: "%", targets: {2020: 80}, actuals: {2020: 60}}
    """)
    m = measure(plan, 2020)
    d = derive(plan, m, "achievement:2020:I1")
    assert d is not None and d.result == Decimal("75.00")
    assert all(i.source is None for i in d.inputs)
    assert derive(plan, m, "achievement:2020:NOPE") is None
    assert derive(plan, m, "nonsense") is None


def test_a_web_source_names_the_user_and_the_time() -> None:
    source = Source(SourceKind.WEB, user="budi", at="2026-03-01T10:15:30+00:00",
                    entry="realisasi:IKU-01:2020:0")
    assert source.words() == ("diisi oleh budi, 2026-03-01 10:15 [realisasi:IKU-01:2020:0]",
                              "entered by budi, 2026-03-01 10:15 [realisasi:IKU-01:2020:0]")
    asked: list[tuple[str, object, object]] = []

    def locate(kind: str, key: tuple[object, ...], field: str | None) -> Source | None:
        asked.append((kind, key, field))
        return source

    sources = Sources(locate)
    assert sources.of("actual", ("IKU-01", 2020, None, None), "value") is source
    assert sources.of("actual", ("IKU-01", 2020, None, None), "value") is source
    assert len(asked) == 1  # each place is looked up once


def test_core_provenance_imports_nothing_from_io() -> None:
    for name in ("provenance.py", "derivations.py", "formula_words.py"):
        text = (Path(__file__).parent.parent / "sakip" / "core" / name).read_text()
        assert "sakip.io" not in text and "sakip.web" not in text


def test_every_figure_cell_of_the_report_links_to_its_row_in_the_sources_annex() -> None:
    from sakip.report.chapters.annex_sources import SOURCES_ID
    from sakip.report.model import Table
    from sakip.report.render_html import render_html

    plan, _ = load_plan_sources(EXAMPLE)
    document = build_from(make_context(plan, YEAR, Options(charts=False)))
    annex = next(s for s in document.chapters[-1].sections if s.id == SOURCES_ID)
    anchors = {c.source for b in annex.blocks if isinstance(b, Table) for c in b.cells()
               if c.source and not c.key}
    cells = [c for found in keyed(document).values() for c in found]
    computed = ("achievement", "group", "own", "absorption", "efficiency", "change", "final",
                "predicate_count", "category_count", "spending_absorption")
    must = [c for c in cells if c.key is not None and c.key.split(":")[0] in computed]
    assert len(must) > 250 and all(c.source in anchors for c in must), [
        c.key for c in must if c.source not in anchors][:10]
    linked = [c for c in cells if c.source is not None]
    assert all(c.source in anchors for c in linked)
    # a derived realisation and a programme's summed ceiling have rows; an entered one has not
    assert any(c.key == "actual:2020:IKU-02" and c.source for c in cells)
    entered = [c.key for c in cells if c.key and c.key.startswith("actual:2020:") and not c.source]
    assert entered and all(plan.indicator_by_code[k.split(":")[2]].formula is None
                           for k in entered)
    cells = linked
    html = render_html(document)
    for anchor in {c.source for c in cells}:
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    english = build_from(make_context(plan, YEAR, Options(lang="en", charts=False)))
    assert any(s.title.endswith("Sources of the Figures") for s in english.chapters[-1].sections)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(plan=plans())
def test_any_plans_figures_all_derive_and_round_to_the_measured_value(plan: Plan) -> None:
    from sakip.core.measure import default_year

    m = measure(plan, default_year(plan))
    keys = list(figure_keys(m))
    found = derive_all(plan, m)
    assert set(found) == set(keys)
    for derivation in found.values():
        lines(derivation, "id")
        lines(derivation, "en")
        if derivation.unrounded is not None and derivation.result is not None:
            expected = derivation.result
            if derivation.kind == "achievement":  # an indicator's cap comes after the rounding
                uncapped = m.result(derivation.key.split(":", 2)[2]).uncapped
                expected = uncapped if uncapped is not None else expected
            places = -int(expected.as_tuple().exponent)
            assert quantize(derivation.unrounded, places, plan.settings.rounding) \
                == expected, derivation.key
