"""Each kind of plan record (``sakip.core.records``) as rows: which model holds it, how a row is
found by the record's key, and the row's columns for a record — the one mapping from the core
plan into the tables, used by :mod:`sakip.web.plans.sync` for every write. (Reading the
tables back into a plan is :mod:`sakip.web.plans.convert`.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from sakip.core import model
from sakip.core import records as r
from sakip.web.plans import models as m
from sakip.web.plans.models.indicators import ANNUAL

Refs = dict[str, dict[Any, Any]]  # kind → key → row, for the foreign keys of new and changed rows


def _enum(value: Any) -> Any:
    return value.value if value is not None else None


def _party(prefix: str, party: model.Official | None) -> dict[str, str | None]:
    return {f"{prefix}_name": party.name if party else None,
            f"{prefix}_title": party.title if party else None,
            f"{prefix}_rank": party.rank if party else None,
            f"{prefix}_nip": party.nip if party else None}


def agency_columns(agency: model.Agency) -> dict[str, Any]:
    head = agency.head
    return dict(
        code=agency.code, name=agency.name, short_name=agency.short_name, address=agency.address,
        phone=agency.phone, legal_basis_of_organisation=agency.legal_basis_of_organisation,
        position_text=agency.position, task=agency.task, functions=list(agency.functions),
        **_party("head", head))


def _plan_columns(sp: model.StrategicPlan) -> dict[str, Any]:
    return dict(name=sp.name, start=sp.start, end=sp.end, baseline_year=sp.baseline_year)


def _settings_columns(s: model.Settings) -> dict[str, Any]:
    return dict(rounding=s.rounding.value, achievement_places=s.achievement_places,
                negative_formula=s.negative_formula.value, cap=s.cap,
                absorption_threshold=s.absorption_threshold, predicate_scale=s.predicate_scale,
                category_scale=s.category_scale)


def _indicator_columns(i: model.Indicator, refs: Refs) -> dict[str, Any]:
    return dict(code=i.code, name=i.name, level=i.level.value, owner=i.owner, unit=i.unit,
                precision=i.precision, polarity=i.polarity.value,
                negative_formula=_enum(i.negative_formula), aggregation=i.aggregation.value,
                formula=i.formula, definition=i.definition, data_source=i.data_source, key=i.key,
                kind=_enum(i.kind), levels=list(i.levels),
                baseline_year=i.baseline.year if i.baseline else None,
                baseline_value=i.baseline.value if i.baseline else None,
                baseline_text=i.baseline.text if i.baseline else None)


def _agreement_columns(v: model.AgreementVersion, refs: Refs) -> dict[str, Any]:
    return dict(year=v.year, number=v.number, kind=v.kind.value, signed=v.signed, reason=v.reason,
                **_party("first", v.first_party), **_party("second", v.second_party))


@dataclass(frozen=True)
class Rows:
    """The rows of one kind of record.

    ``rows`` selects an agency's rows (in the order :mod:`convert` reads them), ``key`` gives a
    row's record key (None for an index-keyed kind: a row's key is its place), ``columns`` a
    record's column values with the parent and other foreign keys resolved through ``refs``
    (the rows by key of the kinds already written).
    """

    kind: str
    model: type[models.Model]
    rows: Callable[[m.Agency], Any]
    columns: Callable[[Any, Refs], dict[str, Any]]
    key: Callable[[Any], r.Key] | None = None
    owner: Callable[[m.Agency], dict[str, Any]] = lambda agency: {"agency": agency}


def _code(row: Any) -> r.Key:
    return (row.code,)


ROWS: dict[str, Rows] = {x.kind: x for x in (
    Rows(r.UNIT, m.Unit, lambda a: m.Unit.objects.filter(agency=a),
         lambda u, refs: dict(code=u.code, name=u.name, task=u.task, functions=list(u.functions)),
         _code),
    Rows(r.REVISION, m.Revision, lambda a: m.Revision.objects.filter(plan__agency=a),
         lambda v, refs: dict(date=v.date, subject=v.subject, reference=v.reference, note=v.note),
         owner=lambda a: {"plan": a.strategic_plan}),
    Rows(r.GOAL, m.Goal, lambda a: m.Goal.objects.filter(agency=a),
         lambda g, refs: dict(code=g.code, name=g.name, mission=g.mission), _code),
    Rows(r.OBJECTIVE, m.Objective, lambda a: m.Objective.objects.filter(agency=a),
         lambda o, refs: dict(code=o.code, name=o.name, goal=refs[r.GOAL][(o.goal,)]), _code),
    Rows(r.STRATEGY, m.Strategy, lambda a: m.Strategy.objects.filter(agency=a),
         lambda s, refs: dict(code=s.code, text=s.text, objectives=list(s.objectives),
                              policies=list(s.policies)), _code),
    Rows(r.PROGRAM, m.Program, lambda a: m.Program.objects.filter(agency=a),
         lambda p, refs: dict(code=p.code, name=p.name, unit=p.unit,
                              objective=refs[r.OBJECTIVE][(p.objective,)] if p.objective else None),
         _code),
    # an activity's parent is set once every activity has a row (sync.py)
    Rows(r.ACTIVITY, m.Activity, lambda a: m.Activity.objects.filter(agency=a),
         lambda x, refs: dict(code=x.code, name=x.name, output=x.output, outcome=x.outcome,
                              unit=x.unit, program=refs[r.PROGRAM][(x.program,)]), _code),
    Rows(r.INDICATOR, m.Indicator, lambda a: m.Indicator.objects.filter(agency=a),
         _indicator_columns, _code),
    Rows(r.TARGET, m.Target,
         lambda a: m.Target.objects.filter(indicator__agency=a).select_related("indicator"),
         lambda t, refs: dict(year=t.year, value=t.value, text=t.text, upper=t.upper),
         lambda row: (row.indicator.code, row.year), owner=lambda a: {}),
    Rows(r.ACTUAL, m.Actual,
         lambda a: m.Actual.objects.filter(indicator__agency=a).select_related("indicator"),
         lambda x, refs: dict(year=x.year, period=x.quarter if x.quarter is not None else ANNUAL,
                              value=x.value, text=x.text, status=x.status.value, reason=x.reason,
                              expected=x.expected, note=x.note),
         lambda row: (row.indicator.code, row.year, row.quarter), owner=lambda a: {}),
    Rows(r.SERIES, m.Series, lambda a: m.Series.objects.filter(agency=a),
         lambda s, refs: dict(code=s.code, name=s.name, unit=s.unit, source=s.source), _code),
    Rows(r.SERIES_VALUE, m.SeriesValue,
         lambda a: m.SeriesValue.objects.filter(series__agency=a).select_related("series"),
         lambda v, refs: dict(year=v[0], value=v[1]),
         lambda row: (row.series.code, row.year), owner=lambda a: {}),
    Rows(r.BUDGET, m.Budget,
         lambda a: m.Budget.objects.filter(activity__agency=a).select_related("activity"),
         lambda b, refs: dict(activity=refs[r.ACTIVITY][(b.activity,)], year=b.year,
                              ceiling=b.ceiling, ceiling_original=b.ceiling_original,
                              spent=b.spent, physical=b.physical,
                              source_of_funds=b.source_of_funds, explanation=b.explanation),
         lambda row: (row.activity.code, row.year), owner=lambda a: {}),
    Rows(r.SPENDING, m.SpendingLine, lambda a: m.SpendingLine.objects.filter(agency=a),
         lambda s, refs: dict(year=s.year, kind=s.kind.value, label=s.label, ceiling=s.ceiling,
                              spent=s.spent, ceiling_original=s.ceiling_original)),
    Rows(r.AGREEMENT, m.AgreementVersion, lambda a: m.AgreementVersion.objects.filter(agency=a),
         _agreement_columns, lambda row: (row.year, row.number)),
    Rows(r.AGREEMENT_ITEM, m.AgreementItem,
         lambda a: m.AgreementItem.objects.filter(version__agency=a).select_related(
             "version", "indicator"),
         lambda i, refs: dict(indicator=refs[r.INDICATOR][(i.indicator,)], target=i.target,
                              target_text=i.target_text),
         lambda row: (row.version.year, row.version.number, row.indicator.code),
         owner=lambda a: {}),
    Rows(r.TABLE, m.SupportingTable, lambda a: m.SupportingTable.objects.filter(agency=a),
         lambda t, refs: dict(code=t.code, title=t.title, columns=list(t.columns), year=t.year,
                              subject=t.subject, source=t.source, note=t.note), _code),
    Rows(r.NARRATIVE, m.Narrative, lambda a: m.Narrative.objects.filter(agency=a),
         lambda n, refs: dict(kind=n.kind.value, text=n.text, subject=n.subject, year=n.year,
                              items=list(n.items))),
)}

# The parent row of a child record, by the parent's kind (the foreign key's name).
PARENT_FIELD = {r.TARGET: "indicator", r.ACTUAL: "indicator", r.SERIES_VALUE: "series",
                r.AGREEMENT_ITEM: "version"}


def singleton_columns(kind: str, record: Any) -> dict[str, Any]:
    """Columns of the singleton records, kept on the agency and strategic plan rows."""
    if kind == r.AGENCY:
        return agency_columns(record)
    if kind == r.STRATEGIC_PLAN:
        return _plan_columns(record)
    if kind == r.SETTINGS:
        return _settings_columns(record)
    raise ValueError(f"not a singleton of an agency: {kind}")


def table_cells(table: m.SupportingTable,
                rows: tuple[tuple[model.Cell, ...], ...]) -> list[m.SupportingCell]:
    result = []
    for index, row in enumerate(rows):
        for column, value in enumerate(row):
            if isinstance(value, str):
                result.append(m.SupportingCell(table=table, row=index, column=column, text=value))
            else:
                result.append(m.SupportingCell(table=table, row=index, column=column, number=value))
    return result
