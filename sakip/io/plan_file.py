"""The plan file (``sakip-plan/1``, docs/plan-format.md): load it into a Plan, write it back.

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
from typing import TypeVar

from sakip.core.enums import (
    ActualStatus,
    Aggregation,
    AgreementKind,
    Closed,
    IndicatorKind,
    Level,
    NarrativeKind,
    NegativeFormula,
    Polarity,
    RegionKind,
    ScaleKind,
    SpendingKind,
)
from sakip.core.model import (
    Activity,
    Actual,
    Agency,
    AgreementItem,
    AgreementVersion,
    Band,
    Baseline,
    Budget,
    Cell,
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
from sakip.core.numbers import RoundingMode, canonical_decimal
from sakip.io import plan_checks as K
from sakip.io.limits import DEFAULT_LIMITS, PlanLimits
from sakip.io.plan_checks import Key, Location, check_plan, describe
from sakip.io.problems import InputError, Problem
from sakip.io.standard_scales import standard_scales
from sakip.io.yamlnode import Collector, Field, compose

T = TypeVar("T")

FORMAT = "sakip-plan/1"

_TOP = (
    "format", "region", "agency", "strategic_plan", "settings", "scales", "goals", "strategies",
    "programs", "series", "spending", "agreements", "tables", "narratives",
)
_INDICATOR = (
    "code", "name", "unit", "precision", "polarity", "negative_formula", "aggregation", "formula",
    "definition", "data_source", "key", "kind", "levels", "baseline", "targets", "actuals",
)


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
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError([Problem("PLAN_FILE_NOT_TEXT",
                                  "berkas bukan teks UTF-8 (berkas rencana berformat YAML)",
                                  "file is not UTF-8 text (a plan file is YAML)", file=name)]) from None
    except OSError as error:
        raise InputError([Problem("PLAN_FILE_UNREADABLE", f"berkas tidak dapat dibaca: {error.strerror}",
                                  f"file cannot be read: {error.strerror}", file=name)]) from None
    return parse_plan(text, name, limits)


def _too_large(name: str, limits: PlanLimits) -> Problem:
    size = _mib(limits.max_bytes)
    return Problem("PLAN_FILE_TOO_LARGE",
                   f"berkas lebih besar dari {size.replace('.', ',')} MiB (batas PlanLimits.max_bytes)",
                   f"file larger than {size} MiB (limit PlanLimits.max_bytes)", file=name)


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f}".removesuffix(".0")


def parse_plan(text: str, source: str = "<plan>", limits: PlanLimits = DEFAULT_LIMITS) -> Plan:
    collector = Collector(source)
    if len(text) > limits.max_bytes:  # characters: at most as many as the bytes of the text
        raise InputError([_too_large(source, limits)])
    root_node = compose(text, collector, limits)
    collector.raise_if_errors()
    root = Field(root_node, "", collector)
    if root.is_null:
        root.error("PLAN_EMPTY", "berkas rencana kosong", "the plan file is empty")
        collector.raise_if_errors()
    builder = _Builder(collector)
    plan = builder.build(root)
    if plan is None:
        collector.raise_if_errors()
        raise InputError([Problem("PLAN_INCOMPLETE", "berkas rencana tidak lengkap",
                                  "the plan file is incomplete", file=source)])
    collector.problems.extend(check_plan(plan, builder.locate))
    collector.raise_if_errors()
    return plan.canonical()


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


class _Builder:
    """Turns the document into model records, collecting problems as it goes."""

    def __init__(self, collector: Collector) -> None:
        self.collector = collector
        self.positions: dict[tuple[str, Key], list[Field]] = {}
        self.narrative_count = 0
        self.indicators: list[Indicator] = []
        self.activities: list[Activity] = []
        self.budgets: list[Budget] = []
        self.objectives: list[Objective] = []

    def remember(self, kind: str, key: Key, field: Field) -> None:
        """Record where a record is written, for the plan's checks (sakip.io.plan_checks)."""
        if None not in key[:1]:
            self.positions.setdefault((kind, key), []).append(field)

    def locate(self, kind: str, key: Key, field: str | None, nth: int) -> Location:
        """Where a record (and a field inside it) is written: file, line and path."""
        found = self.positions.get((kind, key))
        if not found:
            path = describe(kind, key)
            return Location(file=self.collector.file, path=f"{path}.{field}" if field else path)
        place = found[min(nth, len(found) - 1)]
        for part in field.split(".") if field else ():
            child = place.child(part)
            if child is None:
                break
            place = child
        return Location(file=self.collector.file, line=place.line, path=place.path)

    def build(self, root: Field) -> Plan | None:
        top = root.mapping(_TOP, ("format", "region", "agency", "strategic_plan"))
        fmt = top.get("format")
        if fmt is not None and fmt.text() != FORMAT:
            fmt.error("PLAN_BAD_FORMAT", f"format harus '{FORMAT}'", f"format must be '{FORMAT}'")
        region = self.region(top["region"]) if "region" in top else None
        agency = self.agency(top["agency"]) if "agency" in top else None
        strategic = self.strategic_plan(top["strategic_plan"]) if "strategic_plan" in top else None
        settings = self.settings(top["settings"]) if "settings" in top else Settings()
        def each(key: str, read: Callable[[Field], T | None]) -> tuple[T, ...]:
            found = (read(item) for item in top[key].items()) if key in top else ()
            return tuple(item for item in found if item is not None)

        scales = each("scales", self.scale)
        goals = each("goals", self.goal)
        strategies = each("strategies", self.strategy)
        programs = each("programs", self.program)
        series = each("series", self.series)
        spending = self.spending(top["spending"]) if "spending" in top else ()
        agreements = each("agreements", self.agreement)
        tables = each("tables", self.table)
        narratives = each("narratives", self.narrative)
        for kind, name in ((K.REGION, "region"), (K.AGENCY, "agency"),
                           (K.STRATEGIC_PLAN, "strategic_plan"), (K.SETTINGS, "settings")):
            if name in top:
                self.remember(kind, (), top[name])
        if region is None or agency is None or strategic is None:
            return None
        return Plan(
            region=region, agency=agency, strategic_plan=strategic,
            goals=goals,
            objectives=tuple(self.objectives),
            strategies=strategies,
            programs=programs,
            activities=tuple(self.activities),
            indicators=tuple(self.indicators),
            series=series,
            budgets=tuple(self.budgets),
            spending=spending,
            agreements=agreements,
            tables=tables,
            narratives=narratives,
            scales=standard_scales() + scales,
            settings=settings,
        )

    # ------------------------------------------------------------------ region, agency

    def region(self, field: Field) -> Region | None:
        f = field.mapping(("name", "kind", "head_title", "head_name", "rpjmd", "vision", "missions"),
                          ("name", "kind"))
        rpjmd = f["rpjmd"].mapping(("start", "end"), ("start", "end")) if "rpjmd" in f else {}
        missions = []
        for item in f["missions"].items() if "missions" in f else []:
            m = item.mapping(("code", "text"), ("code", "text"))
            code, text = _text(m, "code"), _text(m, "text")
            self.remember(K.MISSION, (code,), item)
            if code and text:
                missions.append(Mission(code, text))
        name, kind = _text(f, "name"), f["kind"].choice(RegionKind) if "kind" in f else None
        if name is None or kind is None:
            return None
        return Region(
            name=name, kind=kind, head_title=_text(f, "head_title") or "Bupati",
            head_name=_text(f, "head_name"),
            rpjmd_start=rpjmd["start"].year() if "start" in rpjmd else None,
            rpjmd_end=rpjmd["end"].year() if "end" in rpjmd else None,
            vision=_text(f, "vision"), missions=tuple(missions),
        )

    def official(self, field: Field) -> Official | None:
        f = field.mapping(("name", "title", "rank", "nip"))
        name, title = _text(f, "name"), _text(f, "title")
        return Official(name, title, _text(f, "rank"), _text(f, "nip"))

    def agency(self, field: Field) -> Agency | None:
        f = field.mapping(
            ("code", "name", "short_name", "address", "phone", "legal_basis_of_organisation",
             "position", "task", "functions", "head", "units"), ("code", "name"))
        units = []
        for item in f["units"].items() if "units" in f else []:
            u = item.mapping(("code", "name", "task", "functions"), ("code", "name"))
            code, name = _text(u, "code"), _text(u, "name")
            self.remember(K.UNIT, (code,), item)
            if code and name:
                units.append(Unit(code, name, _text(u, "task"), _texts(u, "functions")))
        code, name = _text(f, "code"), _text(f, "name")
        if code is None or name is None:
            return None
        return Agency(
            code=code, name=name, short_name=_text(f, "short_name"), address=_text(f, "address"),
            phone=_text(f, "phone"), legal_basis_of_organisation=_text(f, "legal_basis_of_organisation"),
            position=_text(f, "position"), task=_text(f, "task"), functions=_texts(f, "functions"),
            head=self.official(f["head"]) if "head" in f else None, units=tuple(units),
        )

    def strategic_plan(self, field: Field) -> StrategicPlan | None:
        f = field.mapping(("name", "start", "end", "baseline_year", "revisions"), ("name", "start", "end"))
        revisions = []
        for item in f["revisions"].items() if "revisions" in f else []:
            r = item.mapping(("date", "subject", "reference", "note"), ("date", "subject"))
            date, subject = (r["date"].date() if "date" in r else None), _text(r, "subject")
            if subject is not None and subject not in ("renstra", "iku"):
                r["subject"].error("PLAN_BAD_CHOICE", "subject harus renstra atau iku",
                                   "subject must be renstra or iku")
            if date and subject:
                revisions.append(Revision(date, subject, _text(r, "reference"), _text(r, "note")))
        name = _text(f, "name")
        start = f["start"].year() if "start" in f else None
        end = f["end"].year() if "end" in f else None
        if name is None or start is None or end is None:
            return None
        baseline = f["baseline_year"].year() if "baseline_year" in f else None
        return StrategicPlan(name, start, end, baseline, tuple(revisions))

    def settings(self, field: Field) -> Settings:
        f = field.mapping(("rounding", "achievement_places", "negative_formula", "cap",
                           "absorption_threshold", "predicate_scale", "category_scale"))
        default = Settings()
        places = f["achievement_places"].integer(0, 6) if "achievement_places" in f else None
        return Settings(
            rounding=(f["rounding"].choice(RoundingMode) if "rounding" in f else None) or default.rounding,
            achievement_places=places if places is not None else default.achievement_places,
            negative_formula=(f["negative_formula"].choice(NegativeFormula) if "negative_formula" in f
                              else None) or default.negative_formula,
            cap=f["cap"].decimal() if "cap" in f else None,
            absorption_threshold=_default(
                f["absorption_threshold"].decimal() if "absorption_threshold" in f else None,
                default.absorption_threshold),
            predicate_scale=_text(f, "predicate_scale") or default.predicate_scale,
            category_scale=_text(f, "category_scale") or default.category_scale,
        )

    # ------------------------------------------------------------------ the cascade

    def goal(self, field: Field) -> Goal | None:
        f = field.mapping(("code", "name", "mission", "indicators", "objectives"), ("code", "name"))
        code, name = _text(f, "code"), _text(f, "name")
        self.remember(K.GOAL, (code,), field)
        if code is not None:
            self.indicator_list(f, Level.GOAL, code)
            for item in f["objectives"].items() if "objectives" in f else []:
                self.objective(item, code)
        if code is None or name is None:
            return None
        return Goal(code, name, _text(f, "mission"))

    def objective(self, field: Field, goal: str) -> None:
        f = field.mapping(("code", "name", "indicators"), ("code", "name"))
        code, name = _text(f, "code"), _text(f, "name")
        self.remember(K.OBJECTIVE, (code,), field)
        if code is None or name is None:
            return
        self.objectives.append(Objective(code, name, goal))
        self.indicator_list(f, Level.OBJECTIVE, code)

    def strategy(self, field: Field) -> Strategy | None:
        f = field.mapping(("code", "text", "objectives", "policies"), ("code", "text"))
        code, text = _text(f, "code"), _text(f, "text")
        self.remember(K.STRATEGY, (code,), field)
        if code is None or text is None:
            return None
        return Strategy(code, text, _texts(f, "objectives"), _texts(f, "policies"))

    def program(self, field: Field) -> Program | None:
        f = field.mapping(("code", "name", "objective", "unit", "indicators", "activities"), ("code", "name"))
        code, name = _text(f, "code"), _text(f, "name")
        self.remember(K.PROGRAM, (code,), field)
        if code is None or name is None:
            return None
        self.indicator_list(f, Level.PROGRAM, code)
        for item in f["activities"].items() if "activities" in f else []:
            self.activity(item, code, None)
        return Program(code, name, _text(f, "objective"), _text(f, "unit"))

    def activity(self, field: Field, program: str, parent: str | None) -> None:
        f = field.mapping(("code", "name", "output", "outcome", "unit", "indicators", "budget",
                           "sub_activities"), ("code", "name"))
        code, name = _text(f, "code"), _text(f, "name")
        self.remember(K.ACTIVITY, (code,), field)
        if code is None or name is None:
            return
        self.activities.append(Activity(code, name, program, parent, _text(f, "output"),
                                        _text(f, "outcome"), _text(f, "unit")))
        self.indicator_list(f, Level.ACTIVITY, code)
        for year_field, value in f["budget"].entries() if "budget" in f else []:
            year = year_field.year()
            budget = self.budget(value, code, year) if year is not None else None
            if budget is not None:
                self.remember(K.BUDGET, (code, year), value)
                self.budgets.append(budget)
        for item in f["sub_activities"].items() if "sub_activities" in f else []:
            self.activity(item, program, code)

    def budget(self, field: Field, activity: str, year: int) -> Budget | None:
        f = field.mapping(("ceiling", "ceiling_original", "spent", "physical", "source_of_funds",
                           "explanation"))
        return Budget(
            activity=activity, year=year, ceiling=_decimal(f, "ceiling"),
            ceiling_original=_decimal(f, "ceiling_original"), spent=_decimal(f, "spent"),
            physical=_decimal(f, "physical"), source_of_funds=_text(f, "source_of_funds"),
            explanation=_text(f, "explanation"),
        )

    # ------------------------------------------------------------------ indicators

    def indicator_list(self, f: dict[str, Field], level: Level, owner: str) -> None:
        for item in f["indicators"].items() if "indicators" in f else []:
            indicator = self.indicator(item, level, owner)
            if indicator is not None:
                self.indicators.append(indicator)

    def indicator(self, field: Field, level: Level, owner: str) -> Indicator | None:
        f = field.mapping(_INDICATOR, ("code", "name"))
        code, name = _text(f, "code"), _text(f, "name")
        self.remember(K.INDICATOR, (code,), field)
        levels = _texts(f, "levels")
        precision = f["precision"].integer(0, 6) if "precision" in f else None
        baseline = None
        if "baseline" in f:
            b = f["baseline"].mapping(("year", "value", "text"), ("year",))
            year = b["year"].year() if "year" in b else None
            if year is not None:
                baseline = Baseline(year, _decimal(b, "value"), _text(b, "text"))
        targets = []
        for key, value in f["targets"].entries() if "targets" in f else []:
            target = self.target(key, value, levels)
            if target is not None:
                self.remember(K.TARGET, (code, target.year), value)
                targets.append(target)
        actuals: list[Actual] = []
        for key, value in f["actuals"].entries() if "actuals" in f else []:
            for actual, where in self.actual(key, value, levels):
                self.remember(K.ACTUAL, (code, actual.year, actual.quarter), where)
                actuals.append(actual)
        if code is None or name is None:
            return None
        return Indicator(
            code=code, name=name, level=level, owner=owner, unit=_text(f, "unit"),
            precision=precision if precision is not None else 2,
            polarity=(f["polarity"].choice(Polarity) if "polarity" in f else None) or Polarity.POSITIVE,
            negative_formula=(f["negative_formula"].choice(NegativeFormula)
                              if "negative_formula" in f else None),
            aggregation=(f["aggregation"].choice(Aggregation) if "aggregation" in f else None)
            or Aggregation.LAST,
            formula=_text(f, "formula"), definition=_text(f, "definition"),
            data_source=_text(f, "data_source"),
            key=f["key"].boolean() if "key" in f else False,
            kind=f["kind"].choice(IndicatorKind) if "kind" in f else None,
            levels=levels, baseline=baseline, targets=tuple(targets), actuals=tuple(actuals),
        )

    def target(self, key: Field, field: Field, levels: tuple[str, ...]) -> Target | None:
        year = key.year()
        if year is None:
            return None
        if field.is_mapping:
            f = field.mapping(("value", "text", "upper"))
            value, text, upper = _decimal(f, "value"), _text(f, "text"), _decimal(f, "upper")
        else:
            value, text, upper = _number_or_level(field, levels), None, None
            if value is None and levels:
                text = field.text()
        if value is None and text is None:
            return None
        return Target(year, value, text, upper)

    def actual(self, key: Field, field: Field, levels: tuple[str, ...]) -> list[tuple[Actual, Field]]:
        """The realisations of a year (the year's and its quarters'), each with where it is."""
        year = key.year()
        if year is None:
            return []
        if not field.is_mapping:
            value = _number_or_level(field, levels)
            text = field.text() if value is None and levels else None
            return [(Actual(year, value, text=text), field)] if (value is not None or text) else []
        f = field.mapping(("value", "text", "status", "reason", "expected", "note", "quarters"))
        result = [(self._actual_record(f, year, None), field)] if set(f) - {"quarters"} else []
        for quarter_key, quarter_field in f["quarters"].entries() if "quarters" in f else []:
            quarter = quarter_key.integer(1, 4)
            if quarter is None:
                continue
            if quarter_field.is_mapping:
                q = quarter_field.mapping(("value", "text", "status", "reason", "expected", "note"))
                result.append((self._actual_record(q, year, quarter), quarter_field))
            else:
                result.append((Actual(year, quarter_field.decimal(), quarter=quarter), quarter_field))
        return result

    def _actual_record(self, f: dict[str, Field], year: int, quarter: int | None) -> Actual:
        status = (f["status"].choice(ActualStatus) if "status" in f else None) or ActualStatus.FINAL
        return Actual(year, _decimal(f, "value"), quarter, _text(f, "text"), status, _text(f, "reason"),
                      f["expected"].date() if "expected" in f else None, _text(f, "note"))

    # ------------------------------------------------------------------ the rest

    def series(self, field: Field) -> Series | None:
        f = field.mapping(("code", "name", "unit", "source", "values"), ("code", "name"))
        code, name = _text(f, "code"), _text(f, "name")
        self.remember(K.SERIES, (code,), field)
        values: list[tuple[int, Decimal]] = []
        for key, value in f["values"].entries() if "values" in f else []:
            year, number = key.year(), value.decimal()
            if year is not None and number is not None:
                self.remember(K.SERIES_VALUE, (code, year), value)
                values.append((year, number))
        if code is None or name is None:
            return None
        return Series(code, name, _text(f, "unit"), tuple(sorted(values)), _text(f, "source"))

    def spending(self, field: Field) -> tuple[SpendingLine, ...]:
        lines: list[SpendingLine] = []
        for key, value in field.entries():
            year = key.year()
            for item in value.items():
                f = item.mapping(("kind", "label", "ceiling", "spent", "ceiling_original"), ("kind", "label"))
                kind, label = (f["kind"].choice(SpendingKind) if "kind" in f else None), _text(f, "label")
                if year is not None and kind is not None and label is not None:
                    self.remember(K.SPENDING, (len(lines),), item)
                    lines.append(SpendingLine(year, kind, label, _decimal(f, "ceiling"), _decimal(f, "spent"),
                                              _decimal(f, "ceiling_original")))
        return tuple(lines)

    def agreement(self, field: Field) -> AgreementVersion | None:
        f = field.mapping(("year", "number", "kind", "signed", "reason", "first_party", "second_party",
                           "items"), ("year", "number", "kind"))
        year = f["year"].year() if "year" in f else None
        number = f["number"].integer(0, 99) if "number" in f else None
        items = []
        for item in f["items"].items() if "items" in f else []:
            i = item.mapping(("indicator", "target", "target_text"), ("indicator",))
            code = _text(i, "indicator")
            if code is not None:
                self.remember(K.AGREEMENT_ITEM, (year, number, code), item)
                items.append(AgreementItem(code, _decimal(i, "target"), _text(i, "target_text")))
        self.remember(K.AGREEMENT, (year, number), field)
        kind = f["kind"].choice(AgreementKind) if "kind" in f else None
        if year is None or number is None or kind is None:
            return None
        return AgreementVersion(
            year, number, kind, f["signed"].date() if "signed" in f else None, _text(f, "reason"),
            self.official(f["first_party"]) if "first_party" in f else None,
            self.official(f["second_party"]) if "second_party" in f else None, tuple(items))

    def table(self, field: Field) -> SupportingTable | None:
        f = field.mapping(("code", "title", "year", "subject", "source", "note", "columns", "rows"),
                          ("code", "title", "columns"))
        code, title = _text(f, "code"), _text(f, "title")
        self.remember(K.TABLE, (code,), field)
        columns = _texts(f, "columns")
        rows: list[tuple[Cell, ...]] = []
        for row in f["rows"].items() if "rows" in f else []:
            cells = tuple(_cell(cell) for cell in row.items())
            self.remember(K.TABLE_ROW, (code, len(rows)), row)
            rows.append(cells + (None,) * (len(columns) - len(cells)))
        if code is None or title is None:
            return None
        return SupportingTable(code, title, columns, tuple(rows),
                               f["year"].year() if "year" in f else None, _text(f, "subject"),
                               _text(f, "source"), _text(f, "note"))

    def narrative(self, field: Field) -> Narrative | None:
        f = field.mapping(("kind", "subject", "year", "text", "items"), ("kind",))
        kind = f["kind"].choice(NarrativeKind) if "kind" in f else None
        text, items = _text(f, "text"), _texts(f, "items")
        if kind is None:
            return None
        self.remember(K.NARRATIVE, (self.narrative_count,), field)
        self.narrative_count += 1
        return Narrative(kind, text or "", _text(f, "subject"),
                         f["year"].year() if "year" in f else None, items)

    def scale(self, field: Field) -> Scale | None:
        scale = read_scale(field)
        if scale is not None:
            self.remember(K.SCALE, (scale.code,), field)
        return scale


def read_scale(field: Field) -> Scale | None:
    """A scale from its document form (used for built-in and plan scales alike)."""
    f = field.mapping(("code", "name", "kind", "closed", "source", "bands"),
                      ("code", "name", "kind", "closed", "bands"))
    bands = []
    for item in f["bands"].items() if "bands" in f else []:
        b = item.mapping(("label", "label_en", "lower", "upper", "exactly", "color"), ("label",))
        label = _text(b, "label")
        if label is not None:
            bands.append(Band(label, _decimal(b, "lower"), _decimal(b, "upper"), _decimal(b, "exactly"),
                              _text(b, "label_en"), _text(b, "color")))
    code, name = _text(f, "code"), _text(f, "name")
    kind = f["kind"].choice(ScaleKind) if "kind" in f else None
    closed = f["closed"].choice(Closed) if "closed" in f else None
    if code is None or name is None or kind is None or closed is None:
        return None
    return Scale(code, name, kind, closed, tuple(bands), _text(f, "source"))


# ---------------------------------------------------------------------- small readers


def _text(f: dict[str, Field], key: str) -> str | None:
    return f[key].text() if key in f else None


def _texts(f: dict[str, Field], key: str) -> tuple[str, ...]:
    return f[key].texts() if key in f else ()


def _decimal(f: dict[str, Field], key: str) -> Decimal | None:
    return f[key].decimal() if key in f else None


def _default(value: Decimal | None, default: Decimal) -> Decimal:
    return default if value is None else value


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
