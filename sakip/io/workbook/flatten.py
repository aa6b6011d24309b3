"""A plan as rows of the workbook's sheets: the exact inverse of :mod:`.assemble`.

As in the plan file, the built-in scales (``sakip/data/scales.yaml``) are not written: the
"Skala" sheet holds only a plan's own scales, and the importer puts the built-in ones first.

Each row is a dict from column key to typed value (``cells`` holds the free columns of the
supporting-table contents). Nested records become rows that name their parent; lists of text
become one row per item, so nothing has to be split or joined by a separator.
"""

from __future__ import annotations

from collections.abc import Iterable

from sakip.core.enums import RevisionSubject
from sakip.core.model import Indicator, Official, Plan
from sakip.io.problems import InputError, Problem
from sakip.io.standard_scales import standard_scales
from sakip.io.workbook import sheets as S
from sakip.io.workbook.codes import Code
from sakip.io.workbook.schema import Sheet

FlatRow = dict[str, object]
Flat = dict[str, list[FlatRow]]


def _pick(record: object, keys: Iterable[str]) -> FlatRow:
    return {key: getattr(record, key) for key in keys}


def _keys(sheet: Sheet, *without: str) -> tuple[str, ...]:
    return tuple(c.key for c in sheet.columns if c.key not in without)


def _official(prefix: str, official: Official | None) -> FlatRow:
    if official is None:
        return {}
    return {f"{prefix}_{key}": getattr(official, key) for key in ("name", "title", "rank", "nip")}


def flatten(plan: Plan) -> Flat:
    """Every sheet's rows for ``plan``; raises InputError for a value no sheet can hold."""
    flat: Flat = {sheet.name: [] for sheet in S.SHEETS}
    region, agency, strategic = plan.region, plan.agency, plan.strategic_plan
    flat[S.REGION.name].append(_pick(region, _keys(S.REGION)) if region.given
                               else dict.fromkeys(_keys(S.REGION)))  # a form left empty
    flat[S.MISSIONS.name] = [_pick(m, ("code", "text")) for m in region.missions]
    flat[S.REGION_GOALS.name] = [_pick(g, _keys(S.REGION_GOALS)) for g in region.goals]
    flat[S.REGION_OBJECTIVES.name] = [_pick(o, _keys(S.REGION_OBJECTIVES))
                                      for o in region.objectives]
    _indicators(region.indicators, flat, (S.REGION_INDICATORS, S.REGION_TARGETS, S.REGION_ACTUALS))
    flat[S.CONTRIBUTIONS.name] = [_pick(c, _keys(S.CONTRIBUTIONS)) for c in region.contributions]
    agency_row = _pick(agency, [k for k in _keys(S.AGENCY) if not k.startswith("head_")])
    agency_row.update(_official("head", agency.head))
    flat[S.AGENCY.name].append(agency_row)
    flat[S.UNITS.name] = [{**_pick(u, [k for k in _keys(S.UNITS) if not k.startswith("head_")]),
                           **_official("head", u.head)} for u in agency.units]
    functions: list[FlatRow] = [{"unit": None, "text": text} for text in agency.functions]
    for unit in agency.units:
        functions.extend({"unit": unit.code, "text": text} for text in unit.functions)
    flat[S.FUNCTIONS.name] = functions
    flat[S.PLAN.name].append(_pick(strategic, _keys(S.PLAN)))
    flat[S.REVISIONS.name] = [
        {**_pick(r, ("date", "reference", "note")), "subject": _subject(r.subject)}
        for r in strategic.revisions
    ]
    flat[S.SETTINGS.name].append(_pick(plan.settings, _keys(S.SETTINGS)))
    flat[S.GOALS.name] = [_pick(g, _keys(S.GOALS)) for g in plan.goals]
    flat[S.OBJECTIVES.name] = [_pick(o, _keys(S.OBJECTIVES)) for o in plan.objectives]
    flat[S.STRATEGIES.name] = [_pick(s, _keys(S.STRATEGIES)) for s in plan.strategies]
    flat[S.POLICIES.name] = [
        {"strategy": s.code, "text": text} for s in plan.strategies for text in s.policies
    ]
    flat[S.PROGRAMS.name] = [_pick(p, _keys(S.PROGRAMS)) for p in plan.programs]
    flat[S.ACTIVITIES.name] = [_pick(a, _keys(S.ACTIVITIES)) for a in plan.activities]
    _indicators(plan.indicators, flat)
    flat[S.SERIES.name] = [_pick(s, _keys(S.SERIES)) for s in plan.series]
    flat[S.SERIES_VALUES.name] = [
        {"series": s.code, "year": year, "value": value} for s in plan.series
        for year, value in s.values
    ]
    flat[S.BUDGETS.name] = [_pick(b, _keys(S.BUDGETS)) for b in plan.budgets]
    flat[S.SPENDING.name] = [_pick(s, _keys(S.SPENDING)) for s in plan.spending]
    _agreements(plan, flat)
    _tables(plan, flat)
    _narratives(plan, flat)
    standard = set(standard_scales())
    own = [s for s in plan.scales if s not in standard]
    flat[S.SCALES.name] = [_pick(s, _keys(S.SCALES)) for s in own]
    flat[S.BANDS.name] = [
        {"scale": s.code, **_pick(b, _keys(S.BANDS, "scale"))} for s in own for b in s.bands
    ]
    return flat


def _subject(value: str) -> RevisionSubject:
    try:
        return RevisionSubject(value)
    except ValueError:
        allowed = ", ".join(s.value for s in RevisionSubject)
        raise InputError([Problem(
            code=Code.EXPORT_BAD_VALUE,
            message_id=f"revisi dengan subjek '{value}' tidak dikenal (boleh: {allowed})",
            message_en=f"a revision with unknown subject '{value}' (allowed: {allowed})",
            sheet=S.REVISIONS.name)]) from None


def _indicators(indicators: tuple[Indicator, ...], flat: Flat,
                sheets: tuple[Sheet, Sheet, Sheet] = (S.INDICATORS, S.TARGETS, S.ACTUALS)) -> None:
    """Indicators, their targets and realisations into their sheets (an agency's, or the IKU
    Pemda's)."""
    sheet, target_sheet, actual_sheet = sheets
    own = _keys(sheet, "baseline_year", "baseline_value", "baseline_text")
    for indicator in indicators:
        row = _pick(indicator, own)
        if indicator.baseline is not None:
            row["baseline_year"] = indicator.baseline.year
            row["baseline_value"] = indicator.baseline.value
            row["baseline_text"] = indicator.baseline.text
        flat[sheet.name].append(row)
        flat[target_sheet.name].extend(
            {"indicator": indicator.code, **_pick(t, _keys(target_sheet, "indicator"))}
            for t in indicator.targets
        )
        flat[actual_sheet.name].extend(
            {"indicator": indicator.code, **_pick(a, _keys(actual_sheet, "indicator"))}
            for a in indicator.actuals
        )


def _agreements(plan: Plan, flat: Flat) -> None:
    for version in plan.agreements:
        row = _pick(version, ("year", "number", "kind", "signed", "reason"))
        row.update(_official("first_party", version.first_party))
        row.update(_official("second_party", version.second_party))
        flat[S.AGREEMENTS.name].append(row)
        flat[S.AGREEMENT_ITEMS.name].extend(
            {"year": version.year, "number": version.number,
             **_pick(item, ("indicator", "target", "target_text"))}
            for item in version.items
        )


def _tables(plan: Plan, flat: Flat) -> None:
    for table in plan.tables:
        flat[S.TABLES.name].append(_pick(table, _keys(S.TABLES)))
        if not table.columns and not table.rows:
            continue
        flat[S.TABLE_CELLS.name].append({"table": table.code, "row": 0, "cells": table.columns})
        flat[S.TABLE_CELLS.name].extend(
            {"table": table.code, "row": number, "cells": cells}
            for number, cells in enumerate(table.rows, start=1)
        )


def _narratives(plan: Plan, flat: Flat) -> None:
    for number, narrative in enumerate(plan.narratives, start=1):
        row = {"number": number, **_pick(narrative, _keys(S.NARRATIVES, "number"))}
        row["text"] = narrative.text or None  # a narrative of items only has empty text
        flat[S.NARRATIVES.name].append(row)
        flat[S.NARRATIVE_ITEMS.name].extend(
            {"narrative": number, "text": text} for text in narrative.items
        )
