"""Records into a :class:`~sakip.core.model.Plan`, best-effort: the inverse of :mod:`.flatten`.

An empty optional cell leaves the model's default in place; a required value that could not be
read (already reported) becomes a placeholder, so the plan's checks (``sakip.io.plan_checks``)
still run on everything else. Beside the plan comes a locator: the row of every record, so each
problem the checks find is shown at its sheet, row and column.
"""

from __future__ import annotations

import enum
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import MISSING, fields, replace
from decimal import Decimal
from functools import cache
from itertools import repeat
from operator import is_
from typing import Any, Protocol, TypeVar

from sakip.core.enums import RevisionSubject
from sakip.core.model import (
    NO_REGION,
    Activity,
    Actual,
    Agency,
    AgreementItem,
    AgreementVersion,
    Band,
    Baseline,
    Budget,
    Contribution,
    Goal,
    Indicator,
    Mission,
    Narrative,
    Objective,
    Official,
    Plan,
    Program,
    Region,
    RegionGoal,
    RegionObjective,
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
from sakip.io import plan_checks as K
from sakip.io.heap import collection_paused
from sakip.io.plan_checks import Key, Location, describe
from sakip.io.standard_scales import standard_scales
from sakip.io.workbook import sheets as S
from sakip.io.workbook.rows import Cell, Records, Row, Table, column
from sakip.io.workbook.schema import Sheet

T = TypeVar("T")


class _Coded(Protocol):
    @property
    def code(self) -> str: ...


C = TypeVar("C", bound=_Coded)


class Places:
    """The rows of the records of one workbook: a :class:`~sakip.io.plan_checks.Locator`."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, Key], list[Row]] = {}
        self.pending: dict[str, list[Callable[[], Iterable[tuple[Key, Row]]]]] = {}

    def add(self, kind: str, key: Key, row: Row) -> None:
        self.rows.setdefault((kind, key), []).append(row)

    def later(self, kind: str, places: Callable[[], Iterable[tuple[Key, Row]]]) -> None:
        """Add the places ``places()`` gives for records of ``kind`` when one is first asked
        for: most imports never ask where a target or a budget is (only a problem does)."""
        self.pending.setdefault(kind, []).append(places)

    def __call__(self, kind: str, key: Key, field: str | None, nth: int) -> Location | None:
        for places in self.pending.pop(kind, ()):
            for found_key, found_row in places():
                self.add(kind, found_key, found_row)
        found = self.rows.get((kind, key))
        if not found:
            return Location(path=describe(kind, key))
        row = found[min(nth, len(found) - 1)]
        column = field.replace(".", "_") if field else None
        if column is not None and column in row.bad:
            return None  # the cell could not be read, and that was reported
        if column is None or column not in row.sheet.by_key:
            return Location(sheet=row.sheet.name, row=row.number)
        number, label = row.where(column)
        return Location(sheet=row.sheet.name, row=number, column=label)


def _placeholder(kind: Any) -> object:
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return next(iter(kind))
    return {str: "", int: 0, Decimal: Decimal(0)}.get(kind, "")


_REQUIRED: dict[type, tuple[tuple[str, object], ...]] = {}


def _required(cls: type) -> tuple[tuple[str, object], ...]:
    """The fields of a record class without a default, each with its placeholder: worked out
    once per class (``typing.get_type_hints`` is far slower than building a record)."""
    found = _REQUIRED.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = _REQUIRED[cls] = tuple(
            (f.name, _placeholder(hints[f.name])) for f in fields(cls)
            if f.default is MISSING and f.default_factory is MISSING)
    return found


def _make(cls: type[T], given: dict[str, Any]) -> T:
    """A record from the values read; a required one that is missing becomes a placeholder
    (placeholders are immutable, so one per class is shared)."""
    for name, placeholder in _required(cls):
        if name not in given:
            given[name] = placeholder
    return cls(**given)


def _rows(records: Records, sheet: Sheet) -> Sequence[Row]:
    return records.get(sheet.name, [])


_Fields = tuple[tuple[str, object, Callable[[], object] | None], ...]
_POSITIONAL: dict[type, _Fields | None] = {}


def _positional(cls: type) -> _Fields | None:
    """The fields a record class takes, in order, each with the value an absent one gets (its
    default, its factory, or the placeholder of a required one); None when some field is
    keyword-only (then records are built by keyword)."""
    if cls not in _POSITIONAL:
        placeholders = dict(_required(cls))
        found: list[tuple[str, object, Callable[[], object] | None]] = []
        for f in fields(cls):
            if not f.init:
                continue
            if f.kw_only:
                _POSITIONAL[cls] = None
                return None
            if f.name in placeholders:
                found.append((f.name, placeholders[f.name], None))
            elif f.default_factory is not MISSING:
                found.append((f.name, None, f.default_factory))
            else:
                found.append((f.name, f.default, None))
        _POSITIONAL[cls] = tuple(found)
    return _POSITIONAL[cls]


def _build(cls: type[T], rows: Sequence[Row], keys: tuple[str, ...],
           extra: Mapping[str, Sequence[object]] | None = None,
           columns: Mapping[str, str] | None = None) -> list[T]:
    """One record per row, from the values of ``keys`` (each field's column: the same key, or
    the one ``columns`` names) and of ``extra`` (a value per row, given as it is): what
    :func:`_make` gives for each row, built column by column for a :class:`Table` (one
    constructor call per record, by position, with the absent values filled in)."""
    extra = extra or {}
    columns = columns or {}
    order = _positional(cls)
    if not isinstance(rows, Table) or order is None:
        return [_make(cls, {**{key: value for key in keys
                               if (value := row.get(columns.get(key, key))) is not None},
                            **{k: v[line] for k, v in extra.items()}})
                for line, row in enumerate(rows)]
    count = len(rows)
    arguments: list[Iterable[object]] = []
    for name, default, factory in order:
        if name in extra:
            arguments.append(extra[name])
            continue
        values = rows.columns.get(columns.get(name, name)) if name in keys else None
        if values is None:
            arguments.append([factory() for _ in range(count)] if factory is not None
                             else repeat(default, count))
        elif (default is not None or factory is not None) and any(
                map(is_, values, repeat(None))):  # by identity: == on a Decimal is slow
            arguments.append([(default if factory is None else factory()) if value is None
                              else value for value in values])
        else:
            arguments.append(values)
    return list(map(_maker(cls), *arguments))


_MAKERS: dict[type, Callable[..., Any]] = {}


def _maker(cls: type[T]) -> Callable[..., T]:
    """What ``cls(*values)`` gives for a value of every field, by position: for a plain
    dataclass a function that makes the record as the dataclass's own ``__init__`` does (every
    field set in the instance's dictionary, in order: the same record, its dictionary sharing
    its keys with its class's others), without the ``object.__setattr__`` call per field of a
    frozen dataclass's ``__init__`` (a third of the time for a record of a dozen fields); the
    class itself for any other (a ``__post_init__``, slots, its own ``__init__``, a field
    ``__init__`` does not take)."""
    maker = _MAKERS.get(cls)
    if maker is None:
        maker = _MAKERS[cls] = _setter(cls) or cls
    return maker


def _setter(cls: type) -> Callable[..., Any] | None:
    params = getattr(cls, "__dataclass_params__", None)
    init = cls.__dict__.get("__init__")
    code = getattr(init, "__code__", None)
    if (params is None or not params.init or code is None or code.co_filename != "<string>"
            or hasattr(cls, "__post_init__") or hasattr(cls, "__slots__")
            or ("__setattr__" in cls.__dict__ and not params.frozen)):
        return None  # the dataclass's own __init__ is "<string>", made by exec as here
    names = tuple(f.name for f in fields(cls))
    if (any(not f.init or f.kw_only or name.startswith("_")
            for f, name in zip(fields(cls), names, strict=True))
            or code.co_argcount != len(names) + 1 or code.co_kwonlyargcount
            or code.co_varnames[1:len(names) + 1] != names):
        return None
    source = (f"def make({', '.join(names)}):\n"
              "    __record = __new(__cls)\n"
              "    __values = __record.__dict__\n"
              + "".join(f"    __values[{name!r}] = {name}\n" for name in names)
              + "    return __record\n")
    namespace: dict[str, Any] = {"__new": object.__new__, "__cls": cls}
    exec(source, namespace)  # as dataclasses makes __init__
    maker: Callable[..., Any] = namespace["make"]
    return maker


def _lines(rows: Sequence[Row], key: str) -> dict[object, list[int]]:
    """The records (their positions) of each value of ``key``, in order."""
    groups: dict[object, list[int]] = defaultdict(list)
    for line, value in enumerate(column(rows, key)):
        groups[value].append(line)
    return groups


def _kwargs(row: Row, keys: tuple[str, ...] | list[str]) -> dict[str, Any]:
    """The filled fields of ``row`` among ``keys``; empty ones keep the model's default (an
    empty or unreadable cell is None or absent in the row's values)."""
    get = row.values.get
    return {key: value for key in keys if (value := get(key)) is not None}


@cache
def _keys(sheet: Sheet, *without: str) -> tuple[str, ...]:
    return tuple(c.key for c in sheet.columns if c.key not in without)


# A baseline's fields and the Indikator sheet's columns that hold them.
_BASELINE = {"year": "baseline_year", "value": "baseline_value", "text": "baseline_text"}
# An indicator's sheets and kinds: itself, its targets, its realisations.
_IndicatorSheets = tuple[Sheet, Sheet, Sheet, str, str, str]
_AGENCY_SHEETS: _IndicatorSheets = (S.INDICATORS, S.TARGETS, S.ACTUALS,
                                    K.INDICATOR, K.TARGET, K.ACTUAL)
_REGION_SHEETS: _IndicatorSheets = (S.REGION_INDICATORS, S.REGION_TARGETS, S.REGION_ACTUALS,
                                    K.REGION_INDICATOR, K.REGION_TARGET, K.REGION_ACTUAL)
_HEAD = tuple(f"head_{key}" for key in ("name", "title", "rank", "nip"))


def _official(row: Row, prefix: str) -> Official | None:
    fields = _kwargs(row, [f"{prefix}_{key}" for key in ("name", "title", "rank", "nip")])
    if not fields:
        return None
    named = {key.removeprefix(prefix + "_"): value for key, value in fields.items()}
    return Official(name=named.pop("name", None), **named)


def _grouped(rows: Sequence[Row], key: str) -> dict[object, list[Row]]:
    groups: dict[object, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row.get(key)].append(row)
    return groups


def _texts(rows: list[Row]) -> tuple[str, ...]:
    return tuple(str(row.get("text")) for row in rows if row.get("text") is not None)


class _Assembler:
    def __init__(self, records: Records) -> None:
        self.records = records
        self.places = Places()

    def rows(self, sheet: Sheet) -> Sequence[Row]:
        return self.records.get(sheet.name, [])

    def form(self, sheet: Sheet, kind: str) -> Row:
        row = self.records[sheet.name][0]
        self.places.add(kind, (), row)
        return row

    def coded(self, cls: type[C], sheet: Sheet, kind: str, **extra: Any) -> tuple[C, ...]:
        """One record per row of a sheet whose records have a code."""
        rows = self.rows(sheet)
        keys = _keys(sheet, *extra)
        if extra:
            result = [_make(cls, {**_kwargs(row, keys), **extra}) for row in rows]
        else:
            result = _build(cls, rows, keys)
        self.places.later(kind, lambda: (((record.code,), rows[line])
                                         for line, record in enumerate(result)))
        return tuple(result)

    def plan(self) -> Plan:
        functions = _grouped(self.rows(S.FUNCTIONS), "unit")
        rpjmd: dict[str, Any] = {
            "missions": self.coded(Mission, S.MISSIONS, K.MISSION),
            "goals": self.coded(RegionGoal, S.REGION_GOALS, K.REGION_GOAL),
            "objectives": self.coded(RegionObjective, S.REGION_OBJECTIVES, K.REGION_OBJECTIVE),
            "indicators": self.indicators(_REGION_SHEETS),
            "contributions": self.contributions(),
        }
        if self.records[S.REGION.name]:
            region_row = self.form(S.REGION, K.REGION)
            region = _make(Region, {**_kwargs(region_row, _keys(S.REGION)), **rpjmd})
        else:  # the Pemda sheet left empty: a plan made only to be measured
            region = replace(NO_REGION, **rpjmd)
        agency_row = self.form(S.AGENCY, K.AGENCY)
        units = []
        for row in self.rows(S.UNITS):
            unit = _make(Unit, {**_kwargs(row, _keys(S.UNITS, *_HEAD)),
                                "functions": _texts(functions.get(row.get("code"), [])),
                                "head": _official(row, "head")})
            self.places.add(K.UNIT, (unit.code,), row)
            units.append(unit)
        agency = _make(Agency, {
            **_kwargs(agency_row, [k for k in _keys(S.AGENCY) if not k.startswith("head_")]),
            "functions": _texts(functions.get(None, [])),
            "head": _official(agency_row, "head"),
            "units": tuple(units),
        })
        strategic = _make(StrategicPlan, {
            **_kwargs(self.form(S.PLAN, K.STRATEGIC_PLAN), _keys(S.PLAN)),
            "revisions": tuple(_revision(r) for r in self.rows(S.REVISIONS)),
        })
        policies = _grouped(self.rows(S.POLICIES), "strategy")
        strategies = []
        for row in self.rows(S.STRATEGIES):
            strategy = _make(Strategy, {**_kwargs(row, _keys(S.STRATEGIES)),
                                        "policies": _texts(policies.get(row.get("code"), []))})
            self.places.add(K.STRATEGY, (strategy.code,), row)
            strategies.append(strategy)
        return Plan(
            region=region,
            agency=agency,
            strategic_plan=strategic,
            goals=self.coded(Goal, S.GOALS, K.GOAL),
            objectives=self.coded(Objective, S.OBJECTIVES, K.OBJECTIVE),
            strategies=tuple(strategies),
            programs=self.coded(Program, S.PROGRAMS, K.PROGRAM),
            activities=self.coded(Activity, S.ACTIVITIES, K.ACTIVITY),
            indicators=self.indicators(),
            series=self.series(),
            budgets=self.budgets(),
            spending=self.spending(),
            agreements=self.agreements(),
            tables=self.tables(),
            narratives=self.narratives(),
            scales=self.scales(),
            settings=_make(Settings, _kwargs(self.form(S.SETTINGS, K.SETTINGS), _keys(S.SETTINGS))),
        )

    def contributions(self) -> tuple[Contribution, ...]:
        rows = self.rows(S.CONTRIBUTIONS)
        result = _build(Contribution, rows, _keys(S.CONTRIBUTIONS))
        self.places.later(K.CONTRIBUTION, lambda: (((c.objective, c.agency), rows[line])
                                                   for line, c in enumerate(result)))
        return tuple(result)

    def indicators(self, sheets: _IndicatorSheets | None = None) -> tuple[Indicator, ...]:
        """The indicators with their targets and realisations: the agency's, or with
        ``_REGION_SHEETS`` the IKU Pemda."""
        sheet, target_sheet, actual_sheet, kind, target_kind, actual_kind = \
            sheets or _AGENCY_SHEETS
        target_rows, actual_rows = self.rows(target_sheet), self.rows(actual_sheet)
        targets = _build(Target, target_rows, _keys(target_sheet, "indicator"))
        actuals = _build(Actual, actual_rows, _keys(actual_sheet, "indicator"))
        target_lines = _lines(target_rows, "indicator")
        actual_lines = _lines(actual_rows, "indicator")
        own = _keys(sheet, "baseline_year", "baseline_value", "baseline_text")
        rows = self.rows(sheet)
        codes = column(rows, "code")
        given = [column(rows, key) for key in _BASELINE.values()]
        baselines: list[Baseline | None] = [  # none where the three cells are empty
            None if year is None and value is None and text is None else baseline
            for baseline, year, value, text in zip(
                _build(Baseline, rows, tuple(_BASELINE), columns=_BASELINE), *given, strict=True)]
        no_lines: list[int] = []
        indicators = _build(Indicator, rows, own, {
            "baseline": baselines,
            "targets": [tuple(map(targets.__getitem__, target_lines.get(code, no_lines)))
                        for code in codes],
            "actuals": [tuple(map(actuals.__getitem__, actual_lines.get(code, no_lines)))
                        for code in codes]})
        self.places.later(kind, lambda: (((indicator.code,), rows[line])
                                         for line, indicator in enumerate(indicators)))

        def target_places() -> Iterator[tuple[Key, Row]]:
            for code in codes:
                for line in target_lines.get(code, no_lines):
                    target = targets[line]
                    yield (code, target.year, target.quarter, target.month), target_rows[line]

        def actual_places() -> Iterator[tuple[Key, Row]]:
            for code in codes:
                for line in actual_lines.get(code, no_lines):
                    actual = actuals[line]
                    yield (code, actual.year, actual.quarter, actual.month), actual_rows[line]

        self.places.later(target_kind, target_places)
        self.places.later(actual_kind, actual_places)
        return tuple(indicators)

    def series(self) -> tuple[Series, ...]:
        """The data series with their values (a year and a number each: the others, unreadable,
        are reported already), read from the value sheet's columns; where each value sits is
        worked out when one is located, in the order it was read."""
        value_rows = self.rows(S.SERIES_VALUES)
        lines = _lines(value_rows, "series")
        years, figures = column(value_rows, "year"), column(value_rows, "value")
        no_lines: list[int] = []
        kept_lines: list[tuple[object, list[int]]] = []
        result: list[Series] = []
        for row in self.rows(S.SERIES):
            code = row.get("code")
            kept = [line for line in lines.get(code, no_lines)
                    if isinstance(years[line], int) and isinstance(figures[line], Decimal)]
            kept_lines.append((code, kept))
            pairs: list[tuple[Any, Any]] = [(years[line], figures[line]) for line in kept]
            series = _make(Series, {**_kwargs(row, _keys(S.SERIES)), "values": tuple(sorted(pairs))})
            self.places.add(K.SERIES, (series.code,), row)
            result.append(series)
        self.places.later(K.SERIES_VALUE, lambda: (
            ((code, years[line]), value_rows[line]) for code, kept in kept_lines for line in kept))
        return tuple(result)

    def budgets(self) -> tuple[Budget, ...]:
        rows = self.rows(S.BUDGETS)
        result = _build(Budget, rows, _keys(S.BUDGETS))
        self.places.later(K.BUDGET, lambda: (
            ((budget.activity, budget.year, budget.quarter, budget.month), rows[line])
            for line, budget in enumerate(result)))
        return tuple(result)

    def spending(self) -> tuple[SpendingLine, ...]:
        result = []
        for index, row in enumerate(self.rows(S.SPENDING)):
            self.places.add(K.SPENDING, (index,), row)
            result.append(_make(SpendingLine, _kwargs(row, _keys(S.SPENDING))))
        return tuple(result)

    def agreements(self) -> tuple[AgreementVersion, ...]:
        items: dict[tuple[object, object], list[Row]] = defaultdict(list)
        for row in self.rows(S.AGREEMENT_ITEMS):
            items[(row.get("year"), row.get("number"))].append(row)
        own = ("year", "number", "kind", "signed", "reason")
        result = []
        for row in self.rows(S.AGREEMENTS):
            own_items = []
            for i in items.get((row.get("year"), row.get("number")), []):
                item = _make(AgreementItem, _kwargs(i, ("indicator", "target", "target_text")))
                self.places.add(K.AGREEMENT_ITEM, (row.get("year"), row.get("number"),
                                                   item.indicator), i)
                own_items.append(item)
            agreement = _make(AgreementVersion, {
                **_kwargs(row, own), "first_party": _official(row, "first_party"),
                "second_party": _official(row, "second_party"), "items": tuple(own_items)})
            self.places.add(K.AGREEMENT, (agreement.year, agreement.number), row)
            result.append(agreement)
        return tuple(result)

    def tables(self) -> tuple[SupportingTable, ...]:
        contents = _grouped(self.rows(S.TABLE_CELLS), "table")
        tables: list[SupportingTable] = []
        for row in self.rows(S.TABLES):
            code = row.get("code")
            lines = sorted((r for r in contents.get(code, []) if isinstance(r.get("row"), int)),
                           key=lambda r: int(str(r.get("row"))))
            header = [line for line in lines if line.get("row") == 0]
            columns = tuple(_column_name(c) for c in header[0].cells) if header else ()
            body = [line for line in lines if line.get("row") != 0]
            for index, line in enumerate(body):
                self.places.add(K.TABLE_ROW, (code, index), line)
            table = _make(SupportingTable, {
                **_kwargs(row, _keys(S.TABLES)), "columns": columns,
                "rows": tuple(line.cells + (None,) * (len(columns) - len(line.cells))
                              for line in body)})
            self.places.add(K.TABLE, (table.code,), row)
            tables.append(table)
        return tuple(tables)

    def narratives(self) -> tuple[Narrative, ...]:
        items = _grouped(self.rows(S.NARRATIVE_ITEMS), "narrative")
        result = []
        for index, row in enumerate(self.rows(S.NARRATIVES)):
            self.places.add(K.NARRATIVE, (index,), row)
            result.append(_make(Narrative, {
                **_kwargs(row, _keys(S.NARRATIVES, "number", "text")),
                "text": row.text("text") or "",
                "items": _texts(items.get(row.get("number"), []))}))
        return tuple(result)

    def scales(self) -> tuple[Scale, ...]:
        """The built-in scales, then the plan's own (as the plan file loader gives them)."""
        bands = _grouped(self.rows(S.BANDS), "scale")
        own = []
        for row in self.rows(S.SCALES):
            code = row.get("code")
            own_bands = []
            for index, b in enumerate(bands.get(code, [])):
                self.places.add(K.BAND, (code, index), b)
                own_bands.append(_make(Band, _kwargs(b, _keys(S.BANDS, "scale"))))
            scale = _make(Scale, {**_kwargs(row, _keys(S.SCALES)), "bands": tuple(own_bands)})
            self.places.add(K.SCALE, (scale.code,), row)
            own.append(scale)
        return standard_scales() + tuple(own)


def assemble(records: Records) -> tuple[Plan, Places]:
    """The plan of the records, and where each of its records is."""
    assembler = _Assembler(records)
    with collection_paused():
        return assembler.plan(), assembler.places


def _revision(row: Row) -> Revision:
    fields = _kwargs(row, _keys(S.REVISIONS))
    subject = fields.pop("subject", None)
    if isinstance(subject, RevisionSubject):
        fields["subject"] = subject.value
    return _make(Revision, fields)


def _column_name(cell: Cell) -> str:
    if isinstance(cell, Decimal):
        return str(int(cell)) if cell == cell.to_integral_value() else canonical(cell)
    return cell or ""
