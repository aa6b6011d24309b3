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

from sakip.core import fields as F
from sakip.core import model
from sakip.core import records as r
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
MONTH = QUARTER  # 0 is "no month" as it is "no quarter": the unique key needs no NULL


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


def _codec(spec: F.Field) -> Codec:
    """How a field's value crosses, by its declared type."""
    if spec.type is F.Type.CHOICE and not spec.text:
        return enum(spec.choices)
    if spec.type is F.Type.LIST:
        return TEXTS
    if spec.type in (F.Type.DECIMAL, F.Type.MONEY):
        return DECIMAL
    return PLAIN


_PERIOD = {"quarter": Col("quarter", "period", QUARTER), "month": Col("month", "month", MONTH)}


def _fields(kind: str, *refs: str, special: dict[str, Col] | None = None) -> tuple[Col, ...]:
    """A column for every field of ``kind`` (sakip.core.fields), named as the field (a nested
    record's ``head.name`` as ``head_name``), its codec by the field's type; ``refs`` are held as
    foreign keys instead (:class:`Ref`), ``special`` columns named or read otherwise."""
    special = special or {}
    return tuple(special.get(f.name) or Col(f.name, codec=_codec(f)) for f in F.fields_of(kind)
                 if f.type not in (F.Type.RECORD, F.Type.CELLS) and f.name not in refs)


_parties = {f"{party}.{part}": Col(f"{party}.{part}", f"{party.split('_')[0]}_{part}")
            for party in ("first_party", "second_party") for part in ("name", "title", "rank", "nip")}


@dataclass(frozen=True)
class Rows:
    """The rows of one kind of record.

    :meth:`rows` selects an agency's rows (in plan order by ``position``): those whose ``path``
    leads to the agency, with the related rows ``select`` adds; ``key`` gives a row's record
    key (None for an index-keyed kind: a row's key is its place), ``parent`` the key of the
    record holding it, ``owner`` the columns tying a new row to the agency.
    """

    kind: str
    model: type[models.Model]
    path: str  # from a row to its agency, as a query path ("agency", "indicator__agency")
    cols: tuple[Col, ...]
    refs: tuple[Ref, ...] = ()
    key: Callable[[Any], r.Key] | None = None
    parent: Callable[[Any], r.Key] = lambda row: ()
    owner: Callable[[m.Agency], dict[str, Any]] = field(
        default=lambda agency: {"agency": agency})
    select: Callable[[Any], Any] = lambda rows: rows  # select_related / prefetch_related

    def rows(self, agency: m.Agency) -> Any:
        return self.select(self.model._default_manager.filter(**{self.path: agency}))

    def rows_of(self, agencies: list[int]) -> Any:
        """The rows of several agencies in one query, each carrying ``agency_key`` (its
        agency's primary key)."""
        return self.select(self.model._default_manager.filter(**{f"{self.path}__in": agencies})
                           ).annotate(agency_key=models.F(self.path))


def _code(row: Any) -> r.Key:
    return (row.code,)


def _period(row: Any) -> tuple[int | None, int | None]:
    """A row's (quarter, month), as the record's key holds them."""
    return QUARTER.read(row.period), MONTH.read(row.month)


_by_indicator: Callable[[Any], r.Key] = lambda row: (row.indicator.code,)  # noqa: E731
_no_owner: Callable[[m.Agency], dict[str, Any]] = lambda agency: {}  # noqa: E731

ROWS: dict[str, Rows] = {x.kind: x for x in (
    Rows(r.UNIT, m.Unit, "agency", _fields(r.UNIT), key=_code),
    Rows(r.REVISION, m.Revision, "plan__agency",
         _fields(r.REVISION), owner=lambda a: {"plan": a.strategic_plan}),
    Rows(r.GOAL, m.Goal, "agency", _fields(r.GOAL), key=_code),
    Rows(r.OBJECTIVE, m.Objective, "agency",
         _fields(r.OBJECTIVE, "goal"), (Ref("goal", r.GOAL),), key=_code,
         select=lambda q: q.select_related("goal")),
    Rows(r.STRATEGY, m.Strategy, "agency",
         _fields(r.STRATEGY), key=_code),
    Rows(r.PROGRAM, m.Program, "agency",
         _fields(r.PROGRAM, "objective"), (Ref("objective", r.OBJECTIVE),), key=_code,
         select=lambda q: q.select_related("objective")),
    Rows(r.ACTIVITY, m.Activity, "agency",
         _fields(r.ACTIVITY, "program", "parent"),
         (Ref("program", r.PROGRAM), Ref("parent", r.ACTIVITY, later=True)), key=_code,
         select=lambda q: q.select_related("program", "parent")),
    Rows(r.INDICATOR, m.Indicator, "agency",
         _fields(r.INDICATOR), key=_code),
    Rows(r.TARGET, m.Target, "indicator__agency",
         _fields(r.TARGET, special=_PERIOD),
         key=lambda row: (row.indicator.code, row.year, *_period(row)), parent=_by_indicator,
         owner=_no_owner,
         select=lambda q: q.select_related("indicator")),
    Rows(r.ACTUAL, m.Actual, "indicator__agency",
         _fields(r.ACTUAL, special=_PERIOD),
         key=lambda row: (row.indicator.code, row.year, *_period(row)), parent=_by_indicator,
         owner=_no_owner,
         select=lambda q: q.select_related("indicator")),
    Rows(r.SERIES, m.Series, "agency", _fields(r.SERIES),
         key=_code),
    Rows(r.SERIES_VALUE, m.SeriesValue, "series__agency",
         _fields(r.SERIES_VALUE), key=lambda row: (row.series.code, row.year),
         parent=lambda row: (row.series.code,), owner=_no_owner,
         select=lambda q: q.select_related("series")),
    Rows(r.BUDGET, m.Budget, "activity__agency",
         _fields(r.BUDGET, "activity", special=_PERIOD), (Ref("activity", r.ACTIVITY),),
         key=lambda row: (row.activity.code, row.year, *_period(row)), owner=_no_owner,
         select=lambda q: q.select_related("activity")),
    Rows(r.SPENDING, m.SpendingLine, "agency",
         _fields(r.SPENDING)),
    Rows(r.AGREEMENT, m.AgreementVersion, "agency",
         _fields(r.AGREEMENT, special=_parties), key=lambda row: (row.year, row.number)),
    Rows(r.AGREEMENT_ITEM, m.AgreementItem, "version__agency",
         _fields(r.AGREEMENT_ITEM, "indicator"), (Ref("indicator", r.INDICATOR),),
         key=lambda row: (row.version.year, row.version.number, row.indicator.code),
         parent=lambda row: (row.version.year, row.version.number), owner=_no_owner,
         select=lambda q: q.select_related("version", "indicator")),
    Rows(r.TABLE, m.SupportingTable, "agency", _fields(r.TABLE), key=_code,
         select=lambda q: q.prefetch_related("cells")),  # its rows are cells (sync.py, table_rows)
    Rows(r.NARRATIVE, m.Narrative, "agency",
         _fields(r.NARRATIVE)),
)}

# The singletons: the agency's own row and its strategic plan's; the region's.
SINGLE: dict[str, tuple[Col, ...]] = {
    r.AGENCY: _fields(r.AGENCY, special={"position": Col("position", "position_text")}),
    r.STRATEGIC_PLAN: _fields(r.STRATEGIC_PLAN),
    r.SETTINGS: _fields(r.SETTINGS),
    r.REGION: _fields(r.REGION),
}
REGION_ROWS: dict[str, tuple[Col, ...]] = {
    **{kind: _fields(kind) for kind in (r.MISSION, r.REGION_GOAL, r.REGION_OBJECTIVE,
                                        r.REGION_INDICATOR, r.CONTRIBUTION, r.SCALE, r.BAND)},
    **{kind: _fields(kind, special=_PERIOD) for kind in (r.REGION_TARGET, r.REGION_ACTUAL)},
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
