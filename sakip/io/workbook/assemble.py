"""Validated records into a :class:`~sakip.core.model.Plan`: the inverse of :mod:`.flatten`.

Runs only when reading and validation found no error, so every reference resolves and every
required value is present. An empty optional cell leaves the model's default in place.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import cache
from typing import Any

from sakip.core.model import (
    Activity,
    Actual,
    Agency,
    AgreementItem,
    AgreementVersion,
    Band,
    Baseline,
    Budget,
    Goal,
    Indicator,
    Mission,
    Narrative,
    Objective,
    Official,
    Plan,
    Program,
    Region,
    Revision,
    Scale,
    Series,
    Settings,
    SpendingLine,
    StrategicPlan,
    Strategy,
    SupportingTable,
    Target,
    Unit,
)
from sakip.core.numbers import canonical
from sakip.io.standard_scales import standard_scales
from sakip.io.workbook import sheets as S
from sakip.io.workbook.choices import RevisionSubject
from sakip.io.workbook.rows import Cell, Records, Row
from sakip.io.workbook.schema import Sheet


def _rows(records: Records, sheet: Sheet) -> list[Row]:
    return records.get(sheet.name, [])


def _form(records: Records, sheet: Sheet) -> Row:
    return records[sheet.name][0]


def _kwargs(row: Row, keys: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """The filled fields of ``row`` among ``keys``; empty ones keep the model's default."""
    return {key: row.values[key] for key in keys if row.values.get(key) is not None}


@cache
def _keys(sheet: Sheet, *without: str) -> tuple[str, ...]:
    return tuple(c.key for c in sheet.columns if c.key not in without)


def _official(row: Row, prefix: str) -> Official | None:
    fields = _kwargs(row, [f"{prefix}_{key}" for key in ("name", "title", "rank", "nip")])
    if not fields:
        return None
    named = {key.removeprefix(prefix + "_"): value for key, value in fields.items()}
    return Official(name=named.pop("name", None), **named)


def _grouped(rows: list[Row], key: str) -> dict[object, list[Row]]:
    groups: dict[object, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row.get(key)].append(row)
    return groups


def assemble(records: Records) -> Plan:
    functions = _grouped(_rows(records, S.FUNCTIONS), "unit")
    region_row = _form(records, S.REGION)
    region = Region(
        **_kwargs(region_row, _keys(S.REGION)),
        missions=tuple(Mission(**_kwargs(r, ("code", "text")))
                       for r in _rows(records, S.MISSIONS)),
    )
    agency_row = _form(records, S.AGENCY)
    units = tuple(
        Unit(**_kwargs(r, _keys(S.UNITS)),
             functions=tuple(str(f.get("text")) for f in functions.get(r.get("code"), [])))
        for r in _rows(records, S.UNITS)
    )
    agency = Agency(
        **_kwargs(agency_row, [k for k in _keys(S.AGENCY) if not k.startswith("head_")]),
        functions=tuple(str(f.get("text")) for f in functions.get(None, [])),
        head=_official(agency_row, "head"),
        units=units,
    )
    strategic = StrategicPlan(
        **_kwargs(_form(records, S.PLAN), _keys(S.PLAN)),
        revisions=tuple(_revision(r) for r in _rows(records, S.REVISIONS)),
    )
    policies = _grouped(_rows(records, S.POLICIES), "strategy")
    return Plan(
        region=region,
        agency=agency,
        strategic_plan=strategic,
        goals=tuple(Goal(**_kwargs(r, _keys(S.GOALS))) for r in _rows(records, S.GOALS)),
        objectives=tuple(
            Objective(**_kwargs(r, _keys(S.OBJECTIVES))) for r in _rows(records, S.OBJECTIVES)
        ),
        strategies=tuple(
            Strategy(**_kwargs(r, _keys(S.STRATEGIES)),
                     policies=tuple(str(p.get("text")) for p in policies.get(r.get("code"), [])))
            for r in _rows(records, S.STRATEGIES)
        ),
        programs=tuple(
            Program(**_kwargs(r, _keys(S.PROGRAMS))) for r in _rows(records, S.PROGRAMS)
        ),
        activities=tuple(
            Activity(**_kwargs(r, _keys(S.ACTIVITIES))) for r in _rows(records, S.ACTIVITIES)
        ),
        indicators=_indicators(records),
        series=_series(records),
        budgets=tuple(Budget(**_kwargs(r, _keys(S.BUDGETS))) for r in _rows(records, S.BUDGETS)),
        spending=tuple(
            SpendingLine(**_kwargs(r, _keys(S.SPENDING))) for r in _rows(records, S.SPENDING)
        ),
        agreements=_agreements(records),
        tables=_tables(records),
        narratives=_narratives(records),
        scales=_scales(records),
        settings=Settings(**_kwargs(_form(records, S.SETTINGS), _keys(S.SETTINGS))),
    )


def _revision(row: Row) -> Revision:
    fields = _kwargs(row, _keys(S.REVISIONS))
    subject = fields.pop("subject")
    assert isinstance(subject, RevisionSubject)
    return Revision(subject=subject.value, **fields)


def _indicators(records: Records) -> tuple[Indicator, ...]:
    targets = _grouped(_rows(records, S.TARGETS), "indicator")
    actuals = _grouped(_rows(records, S.ACTUALS), "indicator")
    own = _keys(S.INDICATORS, "baseline_year", "baseline_value", "baseline_text")
    indicators: list[Indicator] = []
    for row in _rows(records, S.INDICATORS):
        code = row.get("code")
        baseline = None
        fields = _kwargs(row, ("baseline_year", "baseline_value", "baseline_text"))
        if fields:
            baseline = Baseline(**{key.removeprefix("baseline_"): v for key, v in fields.items()})
        indicators.append(Indicator(
            **_kwargs(row, own),
            baseline=baseline,
            targets=tuple(Target(**_kwargs(t, _keys(S.TARGETS, "indicator")))
                          for t in targets.get(code, [])),
            actuals=tuple(Actual(**_kwargs(a, _keys(S.ACTUALS, "indicator")))
                          for a in actuals.get(code, [])),
        ))
    return tuple(indicators)


def _series(records: Records) -> tuple[Series, ...]:
    values = _grouped(_rows(records, S.SERIES_VALUES), "series")
    result: list[Series] = []
    for row in _rows(records, S.SERIES):
        pairs = sorted((int(str(v.get("year"))), _decimal(v.get("value")))
                       for v in values.get(row.get("code"), []))
        result.append(Series(**_kwargs(row, _keys(S.SERIES)), values=tuple(pairs)))
    return tuple(result)


def _decimal(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _agreements(records: Records) -> tuple[AgreementVersion, ...]:
    items: dict[tuple[object, object], list[Row]] = defaultdict(list)
    for row in _rows(records, S.AGREEMENT_ITEMS):
        items[(row.get("year"), row.get("number"))].append(row)
    own = ("year", "number", "kind", "signed", "reason")
    return tuple(
        AgreementVersion(
            **_kwargs(row, own),
            first_party=_official(row, "first_party"),
            second_party=_official(row, "second_party"),
            items=tuple(AgreementItem(**_kwargs(i, ("indicator", "target", "target_text")))
                        for i in items.get((row.get("year"), row.get("number")), [])),
        )
        for row in _rows(records, S.AGREEMENTS)
    )


def _column_name(cell: Cell) -> str:
    if isinstance(cell, Decimal):
        return str(int(cell)) if cell == cell.to_integral_value() else canonical(cell)
    return cell or ""


def _tables(records: Records) -> tuple[SupportingTable, ...]:
    contents = _grouped(_rows(records, S.TABLE_CELLS), "table")
    tables: list[SupportingTable] = []
    for row in _rows(records, S.TABLES):
        lines = sorted(contents.get(row.get("code"), []), key=lambda r: int(str(r.get("row"))))
        header = [line for line in lines if line.get("row") == 0]
        columns = tuple(_column_name(c) for c in header[0].cells) if header else ()
        body = tuple(
            line.cells + (None,) * (len(columns) - len(line.cells))
            for line in lines if line.get("row") != 0
        )
        tables.append(SupportingTable(**_kwargs(row, _keys(S.TABLES)),
                                      columns=columns, rows=body))
    return tuple(tables)


def _narratives(records: Records) -> tuple[Narrative, ...]:
    items = _grouped(_rows(records, S.NARRATIVE_ITEMS), "narrative")
    return tuple(
        Narrative(**_kwargs(row, _keys(S.NARRATIVES, "number", "text")),
                  text=row.text("text") or "",
                  items=tuple(str(i.get("text")) for i in items.get(row.get("number"), [])))
        for row in _rows(records, S.NARRATIVES)
    )


def _scales(records: Records) -> tuple[Scale, ...]:
    """The built-in scales, then the plan's own (as the plan file loader gives them)."""
    bands = _grouped(_rows(records, S.BANDS), "scale")
    return standard_scales() + tuple(
        Scale(**_kwargs(row, _keys(S.SCALES)),
              bands=tuple(Band(**_kwargs(b, _keys(S.BANDS, "scale")))
                          for b in bands.get(row.get("code"), [])))
        for row in _rows(records, S.SCALES)
    )
