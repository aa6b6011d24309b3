"""The plan file (``sakip-plan/2``, docs/plan-format.md): load it into a Plan, write it back.

A ``sakip-plan/1`` file is read as well: version 2 added quarters and months to targets and
budgets, the causes of a period's realisation and the aggregation rules maximum and minimum, and
renamed ``cumulative``/``average`` to ``sum``/``mean``, which are still read. The plan is written
back as version 2 (``sakip export PLAN -o NEW.yaml`` upgrades a file).

Loading runs parse → build → check and returns a whole valid plan or raises
:class:`~sakip.io.problems.InputError` with every problem found, each naming file, line and
path. Nothing is half-loaded.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar, cast

from sakip.core import records as r
from sakip.core.enums import Level
from sakip.core.fields import Field as FieldSpec
from sakip.core.fields import Type, fields_of
from sakip.core.model import (
    NO_REGION,
    Activity,
    Actual,
    AgreementVersion,
    Budget,
    Cell,
    Goal,
    Indicator,
    Narrative,
    Objective,
    Plan,
    Program,
    Scale,
    Series,
    Settings,
    SpendingLine,
    SupportingTable,
    Target,
)
from sakip.core.numbers import canonical_decimal
from sakip.core.provenance import Source, SourceKind, Sources
from sakip.io import plan_checks as K
from sakip.io import plan_layout as L
from sakip.io.heap import collection_paused
from sakip.io.limits import DEFAULT_LIMITS, PlanLimits
from sakip.io.plan_checks import Key, Location, check_plan, describe
from sakip.io.problems import InputError, Problem, Severity
from sakip.io.standard_scales import standard_scales
from sakip.io.yamlnode import Collector, Document, Field, Node, SequenceNode, printable, stream

T = TypeVar("T")

FORMAT = "sakip-plan/2"
FORMATS = ("sakip-plan/1", FORMAT)  # what is read; FORMAT is what is written

# the top-level keys, in the order the builder reads them (and reports their problems)
_TOP = (
    "format", "region", "agency", "strategic_plan", "settings", "scales", "goals", "strategies",
    "programs", "series", "spending", "agreements", "tables", "narratives",
)
_REQUIRED = ("format", "agency", "strategic_plan")
_SINGLES = {"region": K.REGION, "agency": K.AGENCY, "strategic_plan": K.STRATEGIC_PLAN,
            "settings": K.SETTINGS}


def load_plan(path: str | os.PathLike[str], limits: PlanLimits = DEFAULT_LIMITS) -> Plan:
    """Read and validate a plan file; never more than ``limits.max_bytes`` of it is read."""
    name = str(path)
    file = Path(path)
    if not file.exists():
        raise InputError([Problem("PLAN_FILE_NOT_FOUND", f"berkas tidak ditemukan: {name}",
                                  f"file not found: {name}", file=name)])
    if file.is_dir():
        raise InputError([Problem("PLAN_FILE_IS_DIRECTORY", f"ini folder, bukan berkas: {name}",
                                  f"this is a folder, not a file: {name}", file=name)])
    try:
        if file.stat().st_size > limits.max_bytes:
            raise InputError([_too_large(name, limits)])
        with file.open("rb") as handle:  # bounded: a pipe or a growing file has no honest size
            data = handle.read(limits.max_bytes + 1)
        if len(data) > limits.max_bytes:
            raise InputError([_too_large(name, limits)])
        characters = _checked(data.decode("utf-8"), name, limits)  # the parser reads the bytes
    except UnicodeDecodeError:
        raise InputError([Problem("PLAN_FILE_NOT_TEXT",
                                  "berkas bukan teks UTF-8 (berkas rencana berformat YAML)",
                                  "file is not UTF-8 text (a plan file is YAML)", file=name)]) from None
    except OSError as error:
        raise InputError([Problem("PLAN_FILE_UNREADABLE", f"berkas tidak dapat dibaca: {error.strerror}",
                                  f"file cannot be read: {error.strerror}", file=name)]) from None
    with collection_paused():
        return _parse(data, characters, name, limits)


def _too_large(name: str, limits: PlanLimits) -> Problem:
    from sakip.io.zipguard import mib

    return Problem("PLAN_FILE_TOO_LARGE",
                   f"berkas lebih besar dari {mib(limits.max_bytes, 'id')} (batas PlanLimits.max_bytes)",
                   f"file larger than {mib(limits.max_bytes)} (limit PlanLimits.max_bytes)", file=name)


def parse_plan(text: str, source: str = "<plan>", limits: PlanLimits = DEFAULT_LIMITS,
               entered: frozenset[Key] | None = None) -> Plan:
    """Read and validate a plan's text. ``entered``: the realisations being entered, as
    :func:`sakip.io.plan_checks.check_plan` takes it — None for a file (every realisation is
    entered); the empty set for a record read back (an approved year's snapshot), whose
    realisations were entered through the write path, which asked their causes then."""
    characters = _checked(text, source, limits)
    with collection_paused():
        return _parse(text.encode("utf-8"), characters, source, limits, entered)


def _checked(text: str, source: str, limits: PlanLimits) -> int:
    """The length of a text that is not too large and holds no raw control character."""
    collector = Collector(source)
    if len(text) > limits.max_bytes:  # characters: at most as many as the bytes of the text
        raise InputError([_too_large(source, limits)])
    if not printable(text, collector):
        collector.raise_if_errors()
    return len(text)


def _parse(encoded: bytes, characters: int, source: str, limits: PlanLimits,
           entered: frozenset[Key] | None = None) -> Plan:
    """Parse, build and check the text (``encoded`` in UTF-8, :func:`_checked`). The records
    are built from each top-level item as soon as it is composed (sakip.io.yamlnode.stream),
    so the node tree never coexists whole with the plan. Where each record is written is kept
    while building for a small text; for a larger one the plan is checked first, and only when
    a problem must be shown is the text read again to keep the places of the records the
    problems name (the same places, in the same order)."""
    collector = Collector(source)
    asked_of = set(entered) if entered is not None else None  # whose causes are asked
    everywhere = characters <= LOCATED_WHILE_BUILDING
    plan, builder = _build(encoded, characters, collector, limits, None if everywhere else frozenset())
    if plan is None:
        collector.raise_if_errors()
        raise InputError([Problem("PLAN_INCOMPLETE", "berkas rencana tidak lengkap",
                                  "the plan file is incomplete", file=source)])
    if everywhere:
        problems = check_plan(plan, builder.locate, asked_of)
    else:
        asked: set[tuple[str, Key]] = set()

        def note(kind: str, key: Key, field: str | None, nth: int) -> Location:
            asked.add((kind, key))
            return _SOMEWHERE

        problems = check_plan(plan, note, asked_of)
        if collector.has_errors or any(p.severity is Severity.ERROR for p in problems):
            _, builder = _build(encoded, characters, Collector(source), limits, frozenset(asked))
            problems = check_plan(plan, builder.locate, asked_of)
    collector.problems.extend(problems)
    collector.raise_if_errors()
    return plan.canonical()


# Texts up to this many characters keep every record's place while the plan is built (its
# nodes: about 20 times the text); larger ones are read again for the places a problem needs.
LOCATED_WHILE_BUILDING = 256 * 1024

_SOMEWHERE = Location()  # what the first check of a large text is told: only whether it finds


def _build(encoded: bytes, characters: int, collector: Collector, limits: PlanLimits,
           wanted: frozenset[tuple[str, Key]] | None) -> tuple[Plan | None, _Builder]:
    """The plan built from the text's pieces as they are composed, keeping where the records
    ``wanted`` are written (all when None); raises when the text cannot be composed or is empty."""
    document = Document()
    builder = _Builder(collector, wanted)
    for key, value, index in stream(encoded, characters, collector, limits, document):
        builder.take(key, value, index)
    collector.raise_if_errors()  # the document's own problems: what was built is moot
    root = Field(document.root, "", collector)
    if root.is_null:
        root.error("PLAN_EMPTY", "berkas rencana kosong", "the plan file is empty")
        collector.raise_if_errors()
    return builder.finish(root), builder


def save_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write a plan file atomically: a temporary file in the same folder, then a rename."""
    from sakip.io.plan_dump import dump_plan

    text = dump_plan(plan)
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=".sakip-", suffix=".yaml", dir=target.parent or ".")
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(temporary, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class _Section:
    """What one top-level entry of the document yields: its problems, its records and the places
    of those. Entries are read in the order the document gives them and put together in the
    order of ``_TOP``, so problems, records and duplicates' order do not depend on the file's."""

    __slots__ = ("activities", "budgets", "collector", "found", "indicators", "objectives",
                 "positions", "read", "value")

    def __init__(self, file: str) -> None:
        self.collector = Collector(file)
        self.positions: dict[tuple[str, Key], list[Field]] = {}
        self.indicators: list[Indicator] = []
        self.activities: list[Activity] = []
        self.budgets: list[Budget] = []
        self.objectives: list[Objective] = []
        self.found: list[Any] = []  # a list's records
        self.value: Any = None  # a single record, the spending lines
        self.read: Callable[[Field], Any] | None = None  # the reader of a list's items


class _Builder:
    """Turns the document into model records, collecting problems as it goes.

    Every record's fields are read by :meth:`fields` from the one declaration
    (:mod:`sakip.core.fields`, keys from :mod:`sakip.io.plan_layout`); the methods below only
    say where the records are in the file (indicators under their owner, budgets by year …).
    The document comes in pieces (:meth:`take`): each top-level entry, and each item of a
    top-level list, is read as soon as it is composed and its nodes are then dropped, unless
    its place is ``wanted`` (every place when None).
    """

    def __init__(self, collector: Collector, wanted: frozenset[tuple[str, Key]] | None = None) -> None:
        self.collector = collector
        self.wanted = wanted
        self.top = Collector(collector.file)  # the top mapping's own problems come first
        self.entries: dict[str, Field] = {}  # each top-level key read (its first entry)
        self.empty: dict[str, bool] = {}  # whether each is empty
        self.sections: dict[str, _Section] = {}
        self.current: _Section | None = None  # the list whose items are coming
        self.narrative_count = 0
        self._enter(_Section(collector.file))

    def _enter(self, section: _Section) -> None:
        self.positions = section.positions
        self.indicators = section.indicators
        self.activities = section.activities
        self.budgets = section.budgets
        self.objectives = section.objectives

    def remember(self, kind: str, key: Key, field: Field) -> None:
        """Record where a record is written, for the plan's checks (sakip.io.plan_checks)."""
        if None not in key[:1] and (self.wanted is None or (kind, key) in self.wanted):
            self.positions.setdefault((kind, key), []).append(field)

    def locate(self, kind: str, key: Key, field: str | None, nth: int) -> Location:
        """Where a record (and a field inside it) is written: file, line and path."""
        found = self.positions.get((kind, key))
        if not found:
            path = describe(kind, key)
            return Location(file=self.collector.file, path=f"{path}.{field}" if field else path)
        place = found[min(nth, len(found) - 1)]
        for part in field.split(".") if field else ():
            group = L.group_of(kind, part)
            for step in group if group else (part,):
                child = place.child(step)
                if child is None:
                    break
                place = child
        return Location(file=self.collector.file, line=place.line, path=place.path)

    def take(self, key: Node, value: Node, index: int | None) -> None:
        """One piece of the document (sakip.io.yamlnode.stream): a top-level entry, whole or
        the start of its list, or an item of that list."""
        if index is not None:
            section = self.current
            if section is not None and section.read is not None:
                name = str(key.value)
                item = section.read(Field(value, f"{name}[{index}]", section.collector))
                if item is not None:
                    section.found.append(item)
            return
        self.current = None
        entry = Field(None, "", self.top).entry(key, value, _TOP, self.entries)
        if entry is None:  # unknown, or given before: its items are skipped
            return
        name = str(key.value)
        self.empty[name] = entry.is_null
        section = self.sections[name] = _Section(self.collector.file)
        entry.collector = section.collector
        self._enter(section)
        if name == "format":
            if entry.text() not in FORMATS:
                entry.error("PLAN_BAD_FORMAT", f"format harus '{FORMAT}' (atau '{FORMATS[0]}')",
                            f"format must be '{FORMAT}' (or '{FORMATS[0]}')")
        elif name in _SINGLES:
            section.value = self.single(_SINGLES[name], entry)
            self.remember(_SINGLES[name], (), entry)
        elif name == "spending":
            section.value = self.spending(entry)
        else:
            section.read = self._readers()[name]
            if isinstance(value, SequenceNode):  # its items come as pieces of their own
                self.current = section
            else:
                for item in entry.items():  # not a list: a problem, or nothing when empty
                    found = section.read(item)
                    if found is not None:
                        section.found.append(found)

    def _readers(self) -> dict[str, Callable[[Field], Any]]:
        return {"scales": self.scale, "goals": self.goal,
                "strategies": lambda item: self.coded(K.STRATEGY, item),
                "programs": self.program, "series": self.series, "agreements": self.agreement,
                "tables": self.table, "narratives": self.narrative}

    def finish(self, root: Field) -> Plan | None:
        """The plan from the pieces taken, once the document is whole; its problems are added
        to the collector in the order of the top-level keys (``_TOP``)."""
        top = Field(root.node, "", self.top)
        if not top.is_mapping:
            top.mapping(_TOP)  # the problem of a document that is no mapping
        else:
            for key in _REQUIRED:
                if self.empty.get(key, True):
                    top.missing(key)
        self.current = None
        sections = [self.sections[name] for name in _TOP if name in self.sections]
        self.collector.problems.extend(self.top.problems)
        positions: dict[tuple[str, Key], list[Field]] = {}
        for section in sections:
            self.collector.problems.extend(section.collector.problems)
            for place, fields in section.positions.items():
                positions.setdefault(place, []).extend(fields)
        self.positions = positions

        def records(name: str) -> list[Any]:
            return [record for section in sections for record in getattr(section, name)]

        def each(name: str) -> tuple[Any, ...]:
            return tuple(self.sections[name].found) if name in self.sections else ()

        def value(name: str) -> Any:
            return self.sections[name].value if name in self.sections else None

        region = value("region") if "region" in self.sections else NO_REGION
        agency, strategic = value("agency"), value("strategic_plan")
        if region is None or agency is None or strategic is None:
            return None
        return Plan(
            region=region, agency=agency, strategic_plan=strategic,
            goals=each("goals"),
            objectives=tuple(records("objectives")),
            strategies=each("strategies"),
            programs=each("programs"),
            activities=tuple(records("activities")),
            indicators=tuple(records("indicators")),
            series=each("series"),
            budgets=tuple(records("budgets")),
            spending=value("spending") or (),
            agreements=each("agreements"),
            tables=each("tables"),
            narratives=each("narratives"),
            scales=standard_scales() + each("scales"),
            settings=value("settings") or Settings(),
        )

    # ------------------------------------------------------------------ fields, by declaration

    def fields(self, kind: str, node: Field, given: dict[str, Any] | None = None
               ) -> tuple[dict[str, Any] | None, dict[str, Field]]:
        """The fields of a record of ``kind`` written at ``node``, and the node's entries. The
        fields are None when a required one is missing or unreadable (already reported)."""
        return read_fields(kind, node, given)

    def single(self, kind: str, node: Field) -> Any:
        """The region, agency, strategic plan or settings, with the records under them."""
        flat, f = self.fields(kind, node)
        children: dict[str, tuple[Any, ...]] = {}
        if kind == K.REGION:
            children.update(self.region_plan(f))
        for spec in r.CHILDREN.get(kind, ()):
            if spec.attribute in children:
                continue
            found = []
            for item in f[spec.attribute].items() if spec.attribute in f else []:
                member = self.coded(spec.kind, item)
                if member is not None:
                    found.append(member)
            children[spec.attribute] = tuple(found)
        return None if flat is None else r.build(kind, {**flat, **children})

    def coded(self, kind: str, node: Field) -> Any:
        """A record of a kind keyed by its code or place (a mission, unit, revision, strategy)."""
        flat, f = self.fields(kind, node)
        if "code" in L.keys(kind):
            self.remember(kind, (_text(f, "code"),), node)
        return None if flat is None else r.build(kind, flat)

    # ------------------------------------------------------------------ the region's RPJMD

    def region_plan(self, f: dict[str, Field]) -> dict[str, tuple[Any, ...]]:
        """The region's goals (tujuan daerah) with their objectives (sasaran daerah) under them
        and the IKU Pemda under either, as an agency's goals nest theirs."""
        goals: list[Any] = []
        objectives: list[Any] = []
        indicators: list[Indicator] = []
        for item in f["goals"].items() if "goals" in f else []:
            flat, g = self.fields(K.REGION_GOAL, item)
            code = _text(g, "code")
            self.remember(K.REGION_GOAL, (code,), item)
            if code is None:
                continue
            indicators += self.indicators_under(g, Level.GOAL, code, region=True)
            for inner in g["objectives"].items() if "objectives" in g else []:
                found, o = self.fields(K.REGION_OBJECTIVE, inner, {"goal": code})
                objective = _text(o, "code")
                self.remember(K.REGION_OBJECTIVE, (objective,), inner)
                if found is None or objective is None:
                    continue
                objectives.append(r.build(K.REGION_OBJECTIVE, found))
                indicators += self.indicators_under(o, Level.OBJECTIVE, objective, region=True)
            if flat is not None:
                goals.append(r.build(K.REGION_GOAL, flat))
        return {"goals": tuple(goals), "objectives": tuple(objectives),
                "indicators": tuple(indicators)}

    # ------------------------------------------------------------------ the cascade

    def goal(self, field: Field) -> Goal | None:
        flat, f = self.fields(K.GOAL, field)
        code = _text(f, "code")
        self.remember(K.GOAL, (code,), field)
        if code is not None:
            self.indicator_list(f, Level.GOAL, code)
            for item in f["objectives"].items() if "objectives" in f else []:
                self.objective(item, code)
        return None if flat is None else r.build(K.GOAL, flat)

    def objective(self, field: Field, goal: str) -> None:
        flat, f = self.fields(K.OBJECTIVE, field, {"goal": goal})
        code = _text(f, "code")
        self.remember(K.OBJECTIVE, (code,), field)
        if flat is None or code is None:
            return
        self.objectives.append(r.build(K.OBJECTIVE, flat))
        self.indicator_list(f, Level.OBJECTIVE, code)

    def program(self, field: Field) -> Program | None:
        flat, f = self.fields(K.PROGRAM, field)
        code = _text(f, "code")
        self.remember(K.PROGRAM, (code,), field)
        if flat is None or code is None:
            return None
        self.indicator_list(f, Level.PROGRAM, code)
        for item in f["activities"].items() if "activities" in f else []:
            self.activity(item, code, None)
        return cast(Program, r.build(K.PROGRAM, flat))

    def activity(self, field: Field, program: str, parent: str | None) -> None:
        flat, f = self.fields(K.ACTIVITY, field, {"program": program, "parent": parent})
        code = _text(f, "code")
        self.remember(K.ACTIVITY, (code,), field)
        if flat is None or code is None:
            return
        self.activities.append(r.build(K.ACTIVITY, flat))
        self.indicator_list(f, Level.ACTIVITY, code)
        for year_field, value in f["budget"].entries() if "budget" in f else []:
            year = year_field.year()
            if year is None:
                continue
            for budget, where in self.dated(K.BUDGET, value, {"activity": code, "year": year}):
                self.remember(K.BUDGET, (code, year, budget.quarter, budget.month), where)
                self.budgets.append(budget)
        for item in f["sub_activities"].items() if "sub_activities" in f else []:
            self.activity(item, program, code)

    # ------------------------------------------------------------------ indicators

    def indicator_list(self, f: dict[str, Field], level: Level, owner: str) -> None:
        self.indicators.extend(self.indicators_under(f, level, owner))

    def indicators_under(self, f: dict[str, Field], level: Level, owner: str,
                         region: bool = False) -> list[Indicator]:
        """The indicators written under a goal, objective, program or activity (of the region's
        RPJMD when ``region``: its IKU Pemda)."""
        found = []
        for item in f["indicators"].items() if "indicators" in f else []:
            indicator = self.indicator(item, level, owner, region)
            if indicator is not None:
                found.append(indicator)
        return found

    def indicator(self, field: Field, level: Level, owner: str, region: bool = False
                  ) -> Indicator | None:
        kind, target_kind, actual_kind = ((K.REGION_INDICATOR, K.REGION_TARGET, K.REGION_ACTUAL)
                                          if region else (K.INDICATOR, K.TARGET, K.ACTUAL))
        flat, f = self.fields(kind, field, {"level": level, "owner": owner})
        code = _text(f, "code")
        self.remember(kind, (code,), field)
        levels = _texts(f, "levels")
        targets: list[Target] = []
        for key, value in f["targets"].entries() if "targets" in f else []:
            for target, where in self.year_of(target_kind, key, value, levels):
                self.remember(target_kind, (code, target.year, target.quarter, target.month), where)
                targets.append(target)
        actuals: list[Actual] = []
        for key, value in f["actuals"].entries() if "actuals" in f else []:
            for actual, where in self.year_of(actual_kind, key, value, levels):
                self.remember(actual_kind, (code, actual.year, actual.quarter, actual.month), where)
                actuals.append(actual)
        if flat is None:
            return None
        return cast(Indicator, r.build(kind, {**flat, "targets": tuple(targets),
                                              "actuals": tuple(actuals)}))

    def year_of(self, kind: str, key: Field, field: Field, levels: tuple[str, ...]
                ) -> list[tuple[Any, Field]]:
        """An indicator's target or realisation of a year (a number, a level, or a mapping with
        its quarters and months), each record with where it is written."""
        year = key.year()
        if year is None:
            return []
        if not field.is_mapping:
            return [(record, field) for record in [self.scalar(kind, year, field, levels, {})]
                    if record is not None]
        return self.dated(kind, field, {"year": year}, levels)

    def scalar(self, kind: str, year: int, field: Field, levels: tuple[str, ...],
               period: dict[str, int | None]) -> Any:
        """A target or realisation written as a bare number or level: None when empty."""
        value = _number_or_level(field, levels)
        text = field.text() if value is None and levels else None
        if value is None and not text:
            return None
        return r.build(kind, {"year": year, "value": value, "text": text, **period})

    def dated(self, kind: str, field: Field, given: dict[str, Any],
              levels: tuple[str, ...] = ()) -> list[tuple[Any, Field]]:
        """A record of a year written as a mapping, and the records of its ``quarters`` and
        ``months`` under it (sakip.core.periods), each with where it is written. The year's own
        record is there when the mapping holds a field of its own, not only periods."""
        flat, f = self.fields(kind, field, {**given, "quarter": None, "month": None})
        own = set(f) - set(PERIOD_KEYS)
        empty = kind in (K.TARGET, K.REGION_TARGET) and flat is not None and flat.get("value") is None \
            and flat.get("text") is None  # a target without one is no target
        alone = kind == K.BUDGET and not set(f) & set(PERIOD_KEYS)  # a year's line, even empty
        result = ([(r.build(kind, flat), field)]
                  if flat is not None and (own or alone) and not empty else [])
        for name, (size, last) in PERIOD_KEYS.items():
            for period_key, period_field in f[name].entries() if name in f else []:
                number = period_key.integer(1, last)
                if number is None:
                    continue
                period = {"quarter": number if size == 3 else None,
                          "month": number if size == 1 else None}
                if period_field.is_mapping:
                    found, _ = self.fields(kind, period_field, {**given, **period})
                    record = r.build(kind, found) if found is not None else None
                elif kind == K.BUDGET:
                    spent = period_field.decimal()  # a bare number is the period's spending
                    record = (r.build(kind, {**given, **period, "spent": spent})
                              if spent is not None else None)
                else:
                    record = self.scalar(kind, given["year"], period_field, levels, period)
                if record is not None:
                    result.append((record, period_field))
        return result

    # ------------------------------------------------------------------ the rest

    def series(self, field: Field) -> Series | None:
        flat, f = self.fields(K.SERIES, field)
        code = _text(f, "code")
        self.remember(K.SERIES, (code,), field)
        values: list[tuple[int, Decimal]] = []
        for key, value in f["values"].entries() if "values" in f else []:
            year, number = key.year(), value.decimal()
            if year is not None and number is not None:
                self.remember(K.SERIES_VALUE, (code, year), value)
                values.append((year, number))
        if flat is None:
            return None
        return cast(Series, r.build(K.SERIES, {**flat, "values": tuple(sorted(values))}))

    def spending(self, field: Field) -> tuple[SpendingLine, ...]:
        lines: list[SpendingLine] = []
        for key, value in field.entries():
            year = key.year()
            for item in value.items():
                flat, _ = self.fields(K.SPENDING, item, {"year": year})
                if year is not None and flat is not None:
                    self.remember(K.SPENDING, (len(lines),), item)
                    lines.append(r.build(K.SPENDING, flat))
        return tuple(lines)

    def agreement(self, field: Field) -> AgreementVersion | None:
        partial, f = read_partial(K.AGREEMENT, field)
        flat = partial if complete(K.AGREEMENT, partial) else None
        year, number = partial.get("year"), partial.get("number")
        items = []
        for item in f["items"].items() if "items" in f else []:
            found, i = self.fields(K.AGREEMENT_ITEM, item)
            code = _text(i, "indicator")
            if code is not None:
                self.remember(K.AGREEMENT_ITEM, (year, number, code), item)
            if found is not None:
                items.append(r.build(K.AGREEMENT_ITEM, found))
        self.remember(K.AGREEMENT, (year, number), field)
        if flat is None:
            return None
        return cast(AgreementVersion, r.build(K.AGREEMENT, {**flat, "items": tuple(items)}))

    def table(self, field: Field) -> SupportingTable | None:
        flat, f = self.fields(K.TABLE, field)
        code = _text(f, "code")
        self.remember(K.TABLE, (code,), field)
        columns = _texts(f, "columns")
        rows: list[tuple[Cell, ...]] = []
        for row in f["rows"].items() if "rows" in f else []:
            cells = tuple(_cell(cell) for cell in row.items())
            self.remember(K.TABLE_ROW, (code, len(rows)), row)
            rows.append(cells + (None,) * (len(columns) - len(cells)))
        if flat is None:
            return None
        return cast(SupportingTable, r.build(K.TABLE, {**flat, "rows": tuple(rows)}))

    def narrative(self, field: Field) -> Narrative | None:
        flat, _ = self.fields(K.NARRATIVE, field)
        if flat is None:
            return None
        self.remember(K.NARRATIVE, (self.narrative_count,), field)
        self.narrative_count += 1
        return cast(Narrative, r.build(K.NARRATIVE, flat))

    def scale(self, field: Field) -> Scale | None:
        scale = read_scale(field)
        if scale is not None:
            self.remember(K.SCALE, (scale.code,), field)
        return scale


def read_scale(field: Field) -> Scale | None:
    """A scale from its document form (used for built-in and plan scales alike)."""
    flat, f = read_fields(K.SCALE, field)
    bands = []
    for item in f["bands"].items() if "bands" in f else []:
        band, _ = read_fields(K.BAND, item)
        if band is not None:
            bands.append(r.build(K.BAND, band))
    if flat is None:
        return None
    return cast(Scale, r.build(K.SCALE, {**flat, "bands": tuple(bands)}))


def read_fields(kind: str, node: Field, given: dict[str, Any] | None = None
                ) -> tuple[dict[str, Any] | None, dict[str, Field]]:
    """The fields of a record of ``kind`` written at ``node`` (as :func:`sakip.core.records.values`
    names them, with ``given`` — what the record's place says), and the node's entries. The
    fields are None when a required one is missing or could not be read (already reported)."""
    flat, f = read_partial(kind, node, given)
    return (flat if complete(kind, flat) else None), f


def complete(kind: str, flat: dict[str, Any]) -> bool:
    """Whether every required field of a record of ``kind`` was read."""
    return all(spec.name in flat for spec in fields_of(kind)
               if spec.required and "." not in spec.name and spec.type is not Type.CELLS)


def read_partial(kind: str, node: Field, given: dict[str, Any] | None = None
                 ) -> tuple[dict[str, Any], dict[str, Field]]:
    """The fields of a record of ``kind`` that could be read, and the node's entries."""
    f = node.mapping(L.keys(kind), L.required_keys(kind))
    flat: dict[str, Any] = dict(given or {})
    for spec in L.own_fields(kind):
        if spec.type is Type.CELLS:
            continue  # a table's rows: read by its reader
        group = L.group_of(kind, spec.name)
        if group is not None:
            place = f.get(group[0])
            entries = place.mapping(tuple(L.layout(kind).groups[group[0]]),
                                    tuple(L.layout(kind).groups[group[0]])) if place else {}
            source = entries.get(group[1])
        else:
            source = f.get(spec.name)
        if spec.type is Type.RECORD:
            if source is not None:
                flat.update({f"{spec.name}.{name}": value
                             for name, value in _nested(kind, spec.name, source).items()})
            continue
        value = _read(spec, source) if source is not None else None
        if value is not None:
            flat[spec.name] = value
        elif not spec.required and spec.name not in flat:
            flat[spec.name] = spec.default  # the declaration's, where the class has none
    return flat, f


def _nested(kind: str, name: str, node: Field) -> dict[str, Any]:
    """The fields of a nested record (an official, a baseline); empty when a required one is
    missing (the record is then absent, and that was reported)."""
    inner = L.nested_fields(kind, name)
    f = node.mapping(tuple(x.name for x in inner), tuple(x.name for x in inner if x.required))
    found: dict[str, Any] = {}
    for spec in inner:
        value = _read(spec, f[spec.name]) if spec.name in f else None
        if value is None and spec.required:
            return {}
        if value is not None:
            found[spec.name] = value
    return found


def _read(spec: FieldSpec, node: Field) -> Any:
    """One field's value by its declared type; None when empty or unreadable (reported)."""
    kind = spec.type
    if kind in (Type.TEXT, Type.CODE):
        return node.text()
    if kind is Type.LIST:
        return None if node.is_null else node.texts()
    if kind in (Type.DECIMAL, Type.MONEY):
        return node.decimal()
    if kind in (Type.INTEGER, Type.YEAR):
        return node.integer(spec.minimum, spec.maximum)
    if kind is Type.BOOLEAN:
        return None if node.is_null else node.boolean()
    if kind is Type.DATE:
        return node.date()
    if kind is Type.CHOICE:
        assert spec.choices is not None
        member = node.choice(spec.choices)
        return member.value if member is not None and spec.text else member
    raise ValueError(f"no reader for {kind}")  # RECORD and CELLS are read by their callers


# ---------------------------------------------------------------------- small readers


PERIOD_KEYS = {"quarters": (3, 4), "months": (1, 12)}  # key → (months per period, last number)


def _text(f: dict[str, Field], key: str) -> str | None:
    return f[key].text() if key in f else None


def _texts(f: dict[str, Field], key: str) -> tuple[str, ...]:
    return f[key].texts() if key in f else ()


def _number_or_level(field: Field, levels: tuple[str, ...]) -> Decimal | None:
    """A number; or, for an indicator with qualitative levels, None for a level name."""
    if levels:
        text = field.text()
        if text is not None and text.casefold() in {level.casefold() for level in levels}:
            return None
    return field.decimal()


def _cell(field: Field) -> Cell:
    text = field.text()
    if text is None:
        return None
    node = field.node
    quoted = node is not None and bool(getattr(node, "style", None))
    if not quoted:
        try:
            return canonical_decimal(Decimal(text)) if _looks_numeric(text) else text
        except ArithmeticError:
            return text
    return text


def _looks_numeric(text: str) -> bool:
    body = text.lstrip("-")
    return bool(body) and body.replace(".", "", 1).isdigit()


def load_plan_sources(path: str | os.PathLike[str], limits: PlanLimits = DEFAULT_LIMITS
                      ) -> tuple[Plan, Sources]:
    """A plan file's plan (as :func:`load_plan` reads and checks it) with where each of its
    values is written — file, line and path (sakip.core.provenance) — for the derivations of its
    figures. The text is read a second time keeping every record's place, so the plain load,
    and the measurement, pay nothing for it."""
    plan = load_plan(path, limits)
    name = str(path)
    data = Path(path).read_bytes()
    characters = len(data.decode("utf-8"))
    with collection_paused():
        _, builder = _build(data, characters, Collector(name), limits, None)
    return plan, Sources(lambda kind, key, field: _source(builder.locate(kind, key, field, 0)))


def _source(location: Location | None) -> Source | None:
    if location is None or location.line is None:
        return None
    return Source(SourceKind.PLAN_FILE, file=location.file, line=location.line, path=location.path)
