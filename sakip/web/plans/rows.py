"""Each kind of plan record (``sakip.core.records``) as rows, declared once: which model holds
it, how a row is found by the record's key, and which column holds which field of the record.

Both directions come from the one declaration: :func:`columns` gives a row's columns for a record
(every write, ``sync.py``), :func:`record_of` the record a row holds (every read,
``convert.py``). A field is named as :func:`sakip.core.records.values` names it (``head.name``
for the head's name); its column and how a value crosses (an enum's value, a tuple as a JSON
list, a decimal in its canonical form, a reference by code as a foreign key) are declared here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from sakip.core import enums, model
from sakip.core import records as r
from sakip.core.numbers import RoundingMode
from sakip.web.plans import models as m
from sakip.web.plans.decimals import tidy
from sakip.web.plans.models.indicators import ANNUAL

Refs = dict[str, dict[Any, Any]]  # kind → key → row, for the foreign keys of new and changed rows


@dataclass(frozen=True)
class Codec:
    """How a value crosses between a record's field and its column."""

    read: Callable[[Any], Any] = lambda value: value
    write: Callable[[Any], Any] = lambda value: value


PLAIN = Codec()
DECIMAL = Codec(read=tidy)
TEXTS = Codec(read=lambda value: tuple(value or ()), write=lambda value: list(value or ()))
QUARTER = Codec(read=lambda period: None if period == ANNUAL else period,
                write=lambda quarter: ANNUAL if quarter is None else quarter)


def enum(cls: Any) -> Codec:
    return Codec(read=lambda value: cls(value) if value is not None else None,
                 write=lambda member: member.value if member is not None else None)


@dataclass(frozen=True)
class Col:
    field: str  # the record's (dotted) field
    column: str = ""  # the model's column; the field's name when empty
    codec: Codec = PLAIN

    @property
    def name(self) -> str:
        return self.column or self.field.replace(".", "_")


@dataclass(frozen=True)
class Ref:
    """A field holding another record's code, kept as a foreign key to that record's row."""

    field: str
    kind: str
    column: str = ""
    later: bool = False  # set once every row of the kind exists (an activity's parent)

    @property
    def name(self) -> str:
        return self.column or self.field


def _cols(*names: str) -> tuple[Col, ...]:
    return tuple(Col(name) for name in names)


def _party(field_: str, column: str) -> tuple[Col, ...]:
    return tuple(Col(f"{field_}.{part}", f"{column}_{part}") for part in ("name", "title", "rank",
                                                                          "nip"))


@dataclass(frozen=True)
class Rows:
    """The rows of one kind of record.

    ``rows`` selects an agency's rows (in plan order by ``position``), ``key`` gives a row's
    record key (None for an index-keyed kind: a row's key is its place), ``parent`` the key of
    the record holding it, ``owner`` the columns tying a new row to the agency.
    """

    kind: str
    model: type[models.Model]
    rows: Callable[[m.Agency], Any]
    cols: tuple[Col, ...]
    refs: tuple[Ref, ...] = ()
    key: Callable[[Any], r.Key] | None = None
    parent: Callable[[Any], r.Key] = lambda row: ()
    owner: Callable[[m.Agency], dict[str, Any]] = field(
        default=lambda agency: {"agency": agency})


def _code(row: Any) -> r.Key:
    return (row.code,)


_by_indicator: Callable[[Any], r.Key] = lambda row: (row.indicator.code,)  # noqa: E731
_no_owner: Callable[[m.Agency], dict[str, Any]] = lambda agency: {}  # noqa: E731

ROWS: dict[str, Rows] = {x.kind: x for x in (
    Rows(r.UNIT, m.Unit, lambda a: m.Unit.objects.filter(agency=a),
         (*_cols("code", "name", "task"), Col("functions", codec=TEXTS)), key=_code),
    Rows(r.REVISION, m.Revision, lambda a: m.Revision.objects.filter(plan__agency=a),
         _cols("date", "subject", "reference", "note"), owner=lambda a: {"plan": a.strategic_plan}),
    Rows(r.GOAL, m.Goal, lambda a: m.Goal.objects.filter(agency=a), _cols("code", "name", "mission"),
         key=_code),
    Rows(r.OBJECTIVE, m.Objective,
         lambda a: m.Objective.objects.filter(agency=a).select_related("goal"),
         _cols("code", "name"), (Ref("goal", r.GOAL),), key=_code),
    Rows(r.STRATEGY, m.Strategy, lambda a: m.Strategy.objects.filter(agency=a),
         (*_cols("code", "text"), Col("objectives", codec=TEXTS), Col("policies", codec=TEXTS)),
         key=_code),
    Rows(r.PROGRAM, m.Program,
         lambda a: m.Program.objects.filter(agency=a).select_related("objective"),
         _cols("code", "name", "unit"), (Ref("objective", r.OBJECTIVE),), key=_code),
    Rows(r.ACTIVITY, m.Activity,
         lambda a: m.Activity.objects.filter(agency=a).select_related("program", "parent"),
         _cols("code", "name", "output", "outcome", "unit"),
         (Ref("program", r.PROGRAM), Ref("parent", r.ACTIVITY, later=True)), key=_code),
    Rows(r.INDICATOR, m.Indicator, lambda a: m.Indicator.objects.filter(agency=a),
         (*_cols("code", "name", "owner", "unit", "precision", "formula", "definition",
                 "data_source", "key"),
          Col("level", codec=enum(enums.Level)), Col("polarity", codec=enum(enums.Polarity)),
          Col("negative_formula", codec=enum(enums.NegativeFormula)),
          Col("aggregation", codec=enum(enums.Aggregation)),
          Col("kind", codec=enum(enums.IndicatorKind)), Col("levels", codec=TEXTS),
          Col("baseline.year"), Col("baseline.value", codec=DECIMAL), Col("baseline.text")),
         key=_code),
    Rows(r.TARGET, m.Target,
         lambda a: m.Target.objects.filter(indicator__agency=a).select_related("indicator"),
         (Col("year"), Col("value", codec=DECIMAL), Col("text"), Col("upper", codec=DECIMAL)),
         key=lambda row: (row.indicator.code, row.year), parent=_by_indicator, owner=_no_owner),
    Rows(r.ACTUAL, m.Actual,
         lambda a: m.Actual.objects.filter(indicator__agency=a).select_related("indicator"),
         (Col("year"), Col("quarter", "period", QUARTER), Col("value", codec=DECIMAL),
          *_cols("text", "reason", "expected", "note"),
          Col("status", codec=enum(enums.ActualStatus))),
         key=lambda row: (row.indicator.code, row.year, row.quarter), parent=_by_indicator,
         owner=_no_owner),
    Rows(r.SERIES, m.Series, lambda a: m.Series.objects.filter(agency=a),
         _cols("code", "name", "unit", "source"), key=_code),
    Rows(r.SERIES_VALUE, m.SeriesValue,
         lambda a: m.SeriesValue.objects.filter(series__agency=a).select_related("series"),
         (Col("year"), Col("value", codec=DECIMAL)), key=lambda row: (row.series.code, row.year),
         parent=lambda row: (row.series.code,), owner=_no_owner),
    Rows(r.BUDGET, m.Budget,
         lambda a: m.Budget.objects.filter(activity__agency=a).select_related("activity"),
         (Col("year"), *(Col(name, codec=DECIMAL) for name in ("ceiling", "ceiling_original",
                                                              "spent", "physical")),
          Col("source_of_funds"), Col("explanation")), (Ref("activity", r.ACTIVITY),),
         key=lambda row: (row.activity.code, row.year), owner=_no_owner),
    Rows(r.SPENDING, m.SpendingLine, lambda a: m.SpendingLine.objects.filter(agency=a),
         (Col("year"), Col("kind", codec=enum(enums.SpendingKind)), Col("label"),
          *(Col(name, codec=DECIMAL) for name in ("ceiling", "spent", "ceiling_original")))),
    Rows(r.AGREEMENT, m.AgreementVersion, lambda a: m.AgreementVersion.objects.filter(agency=a),
         (*_cols("year", "number", "signed", "reason"),
          Col("kind", codec=enum(enums.AgreementKind)), *_party("first_party", "first"),
          *_party("second_party", "second")), key=lambda row: (row.year, row.number)),
    Rows(r.AGREEMENT_ITEM, m.AgreementItem,
         lambda a: m.AgreementItem.objects.filter(version__agency=a).select_related(
             "version", "indicator"),
         (Col("target", codec=DECIMAL), Col("target_text")), (Ref("indicator", r.INDICATOR),),
         key=lambda row: (row.version.year, row.version.number, row.indicator.code),
         parent=lambda row: (row.version.year, row.version.number), owner=_no_owner),
    Rows(r.TABLE, m.SupportingTable,
         lambda a: m.SupportingTable.objects.filter(agency=a).prefetch_related("cells"),
         (*_cols("code", "title", "year", "subject", "source", "note"),
          Col("columns", codec=TEXTS)), key=_code),  # its rows are cells (sync.py, table_rows)
    Rows(r.NARRATIVE, m.Narrative, lambda a: m.Narrative.objects.filter(agency=a),
         (Col("kind", codec=enum(enums.NarrativeKind)), *_cols("text", "subject", "year"),
          Col("items", codec=TEXTS))),
)}

# The singletons: the agency's own row and its strategic plan's; the region's.
SINGLE: dict[str, tuple[Col, ...]] = {
    r.AGENCY: (*_cols("code", "name", "short_name", "address", "phone",
                      "legal_basis_of_organisation", "task"),
               Col("position", "position_text"), Col("functions", codec=TEXTS),
               *_party("head", "head")),
    r.STRATEGIC_PLAN: _cols("name", "start", "end", "baseline_year"),
    r.SETTINGS: (Col("rounding", codec=enum(RoundingMode)), Col("achievement_places"),
                 Col("negative_formula", codec=enum(enums.NegativeFormula)),
                 Col("cap", codec=DECIMAL), Col("absorption_threshold", codec=DECIMAL),
                 *_cols("predicate_scale", "category_scale")),
    r.REGION: (*_cols("name", "head_title", "head_name", "rpjmd_start", "rpjmd_end", "vision"),
               Col("kind", codec=enum(enums.RegionKind))),
}
REGION_ROWS: dict[str, tuple[Col, ...]] = {
    r.MISSION: _cols("code", "text"),
    r.SCALE: (*_cols("code", "name", "source"), Col("kind", codec=enum(enums.ScaleKind)),
              Col("closed", codec=enum(enums.Closed))),
    r.BAND: (*_cols("label", "label_en", "color"),
             *(Col(name, codec=DECIMAL) for name in ("lower", "upper", "exactly"))),
}
# The parent row of a child record (the foreign key's name).
PARENT_FIELD = {r.TARGET: "indicator", r.ACTUAL: "indicator", r.SERIES_VALUE: "series",
                r.AGREEMENT_ITEM: "version"}


def _cols_of(kind: str) -> tuple[Col, ...]:
    if kind in ROWS:
        return ROWS[kind].cols
    return SINGLE.get(kind) or REGION_ROWS[kind]


def columns(kind: str, record: Any, refs: Refs | None = None) -> dict[str, Any]:
    """The columns of the row holding ``record`` (foreign keys through ``refs``; those set
    later and the parent's are left to the caller)."""
    flat = r.fields_of(kind, record) if kind != r.SERIES_VALUE else {
        "year": record[0], "value": record[1]}
    result = {col.name: col.codec.write(flat.get(col.field)) for col in _cols_of(kind)}
    for ref in ROWS[kind].refs if kind in ROWS else ():
        if not ref.later:
            code = flat.get(ref.field)
            result[ref.name] = (refs[ref.kind][(code,)] if code is not None and refs is not None
                                else None)
    return result


def record_of(kind: str, row: Any) -> Any:
    """The record a row holds (its children empty)."""
    flat = {col.field: col.codec.read(getattr(row, col.name)) for col in _cols_of(kind)}
    for ref in ROWS[kind].refs if kind in ROWS else ():
        target = getattr(row, ref.name)
        flat[ref.field] = target.code if target is not None else None
    if kind == r.TABLE:
        flat["rows"] = table_rows(row) if row.pk else ()
    return r.build(kind, flat)


def table_rows(table: m.SupportingTable) -> tuple[tuple[model.Cell, ...], ...]:
    width = len(table.columns)
    grid: dict[int, list[model.Cell]] = {}
    for cell in table.cells.all():
        row = grid.setdefault(cell.row, [None] * width)
        if cell.column < width:
            row[cell.column] = tidy(cell.number) if cell.number is not None else cell.text
    return tuple(tuple(grid[index]) for index in sorted(grid))


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
