"""Integrity of a plan: every rule that can be stated on a :class:`~sakip.core.model.Plan`, once.

Both importers (the plan file and the workbook) and the web app run :func:`check_plan` on the
plan they assembled best-effort. Each rule names a record — its kind, its key and, where it
matters, a field as a dotted path inside the record (``head.nip``, ``rpjmd.end``) — and the
front end's :class:`Locator` turns that into a place its users can find: a file, line and path
for a plan file, a sheet, row and column for a workbook.

These make a plan invalid (it cannot be measured as written). Questions of quality — a missing
explanation, a PK target that differs from the Renstra — are the review's (``sakip.review``).
Rules that only exist in one input form (YAML syntax, merged cells …) stay with that form.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any, Protocol

from sakip.core.budget import overspent, sub_activity_sums
from sakip.core.enums import ActualStatus, Aggregation, AgreementKind, RegionKind
from sakip.core.formula import FormulaError, parse
from sakip.core.model import Agency, Indicator, Official, Plan, Region, Scale, StrategicPlan
from sakip.core.monitoring import PeriodResult, Standing, needs_causes
from sakip.core.periods import Period, compose, finest
from sakip.core.records import (
    ACTIVITY,
    ACTUAL,
    AGENCY,
    AGREEMENT,
    AGREEMENT_ITEM,
    BAND,
    BUDGET,
    CONTRIBUTION,
    GOAL,
    INDICATOR,
    MISSION,
    NARRATIVE,
    OBJECTIVE,
    PROGRAM,
    REGION,
    REGION_ACTUAL,
    REGION_GOAL,
    REGION_INDICATOR,
    REGION_OBJECTIVE,
    REGION_TARGET,
    REVISION,
    SCALE,
    SERIES,
    SERIES_VALUE,
    SETTINGS,
    SPENDING,
    STRATEGIC_PLAN,
    STRATEGY,
    TABLE,
    TABLE_ROW,
    TARGET,
    UNIT,
    Key,
)
from sakip.io.idnum import format_id
from sakip.io.problems import Problem, Severity
from sakip.io.standard_scales import standard_scales

LONGEST_PERIOD = 10  # years a strategic plan or an RPJMD may span
AGGREGATION_ID = {
    Aggregation.SUM: "jumlah", Aggregation.LAST: "nilai terakhir", Aggregation.MEAN: "rata-rata",
    Aggregation.MAXIMUM: "tertinggi", Aggregation.MINIMUM: "terendah",
}

# Record kinds and their keys (what a Locator is asked about) are sakip.core.records'; the
# loaders name them through this module.
__all__ = [
    "ACTIVITY",
    "ACTUAL",
    "AGENCY",
    "AGREEMENT",
    "AGREEMENT_ITEM",
    "BAND",
    "BUDGET",
    "CONTRIBUTION",
    "GOAL",
    "INDICATOR",
    "LABEL",
    "MISSION",
    "NARRATIVE",
    "OBJECTIVE",
    "PROGRAM",
    "REGION",
    "REGION_ACTUAL",
    "REGION_GOAL",
    "REGION_INDICATOR",
    "REGION_OBJECTIVE",
    "REGION_TARGET",
    "REVISION",
    "SCALE",
    "SERIES",
    "SERIES_VALUE",
    "SETTINGS",
    "SPENDING",
    "STRATEGIC_PLAN",
    "STRATEGY",
    "TABLE",
    "TABLE_ROW",
    "TARGET",
    "UNIT",
    "Key",
    "Location",
    "Locator",
    "check_plan",
    "check_scale",
    "describe",
    "nowhere",
]
LABEL = {
    REVISION: "revisi", REGION: "pemda", AGENCY: "perangkat daerah", STRATEGIC_PLAN: "renstra",
    SETTINGS: "pengaturan",
    MISSION: "misi", UNIT: "unit", GOAL: "tujuan", OBJECTIVE: "sasaran", STRATEGY: "strategi",
    PROGRAM: "program", ACTIVITY: "kegiatan", INDICATOR: "indikator", TARGET: "target",
    ACTUAL: "realisasi", SERIES: "seri data", SERIES_VALUE: "nilai seri data", BUDGET: "anggaran",
    SPENDING: "belanja", AGREEMENT: "perjanjian kinerja", AGREEMENT_ITEM: "indikator PK",
    TABLE: "tabel", TABLE_ROW: "baris tabel", NARRATIVE: "narasi", SCALE: "skala", BAND: "pita skala",
    REGION_GOAL: "tujuan daerah", REGION_OBJECTIVE: "sasaran daerah", REGION_INDICATOR: "IKU Pemda",
    REGION_TARGET: "target IKU Pemda", REGION_ACTUAL: "realisasi IKU Pemda",
    CONTRIBUTION: "kontribusi",
}


@dataclass(frozen=True)
class Location:
    """Where a problem is, in the terms of one input form (see :class:`Problem`)."""

    file: str | None = None
    line: int | None = None
    path: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


class Locator(Protocol):
    """Turns a record (kind, key), a field inside it and which occurrence of the key (0: the
    first) into a location; None when that place was already reported as unreadable."""

    def __call__(self, kind: str, key: Key, field: str | None, nth: int) -> Location | None: ...


def describe(kind: str, key: Key) -> str:
    """A record in words: ``indikator IKU-01/2020``, ``realisasi IKU-01/2020/TW II``."""
    if kind in PERIOD_KINDS and len(key) == 4:
        period = Period.of(key[2], key[3])
        key = (*key[:2], *((period.short(),) if period is not None else ()))
    shown = "/".join("" if part is None else str(part) for part in key)
    return f"{LABEL.get(kind, kind)} {shown}".strip()


# keyed (…, year, quarter, month)
PERIOD_KINDS = frozenset({TARGET, ACTUAL, BUDGET, REGION_TARGET, REGION_ACTUAL})


def nowhere(kind: str, key: Key, field: str | None, nth: int) -> Location:
    """A locator for a plan that comes from no file: the record named in words."""
    path = describe(kind, key)
    return Location(path=f"{path}.{field}" if field else path)


def check_plan(plan: Plan, locate: Locator = nowhere,
               entered: set[Key] | None = None) -> list[Problem]:
    """Every integrity problem of ``plan``, each at the place ``locate`` gives it.

    ``entered`` names the realisations being saved when only some are (the web's write path):
    the causes a period's realisation needs are then asked of those only, so a change elsewhere
    (a target, a threshold) does not refuse itself over values it did not touch; their pages
    show what they now need. None: every realisation is being entered (a file, a workbook)."""
    return _Checks(plan, locate, entered).run()


class _Checks:
    def __init__(self, plan: Plan, locate: Locator, entered: set[Key] | None = None) -> None:
        self.plan = plan
        self.locate = locate
        self.entered = entered
        self.problems: list[Problem] = []
        # years are only compared with a period that was read
        self.period_read = all(locate(STRATEGIC_PLAN, (), name, 0) is not None
                               for name in ("start", "end"))

    def report(self, code: str, message_id: str, message_en: str, kind: str, key: Key,
               field: str | tuple[str, ...] | None = None, *, nth: int = 0,
               severity: Severity = Severity.ERROR) -> None:
        """A problem at a record's field; skipped when any of the fields named was unreadable
        (already reported). The first field named is where the problem is shown."""
        fields = (field,) if isinstance(field, str) else (field or (None,))
        where = None
        for index, name in enumerate(fields):
            found = self.locate(kind, key, name, nth)
            if found is None:
                return
            if index == 0:
                where = found
        assert where is not None
        self.problems.append(Problem(code, message_id, message_en, severity, where.file, where.line,
                                     where.path, where.sheet, where.row, where.column))

    def run(self) -> list[Problem]:
        self.duplicates()
        self.period()
        self.references()
        self.activities()
        self.indicators()
        self.budgets()
        self.agreements()
        self.officials()
        self.tables_and_narratives()
        self.scales()
        self.bounds()
        self.periods()
        return self.problems

    def bounds(self) -> None:
        """Whole numbers inside the bounds their field declares (sakip.core.fields): an
        indicator's precision, a PK's version number, a quarter. Files and workbooks refuse
        such a value as they read it; this holds every other way in (the web) to the same."""
        from sakip.core import records as records_
        from sakip.core.fields import BOUNDED

        for kind, bounded in BOUNDED.items():
            members = _members_of(self.plan, kind)
            if all(_within(members, spec.name, spec.minimum, spec.maximum) for spec in bounded):
                continue  # nothing to report: the keys need not be made (records_of)
            for key, record in records_.records_of(self.plan, kind):
                for spec in bounded:
                    value = getattr(record, spec.name)
                    if value is None or spec.minimum <= value <= spec.maximum:
                        continue
                    self.report("PLAN_OUT_OF_RANGE",
                                f"{spec.name} {value} di luar batas {spec.minimum}–{spec.maximum}",
                                f"{spec.name} {value} is outside {spec.minimum}–{spec.maximum}",
                                kind, key, spec.name)

    # ------------------------------------------------------------------ duplicates

    def unique(self, kind: str, keys: Iterable[Key], code: str, what_id: str, what_en: str,
               fields: tuple[str, ...] = ("code",)) -> None:
        keys = list(keys)
        if len(set(keys)) == len(keys):
            return  # no key twice: nothing to report (the common case, in one pass in C)
        seen: Counter[Key] = Counter()
        for key in keys:
            if seen[key]:
                shown = "/".join(str(part) for part in key if part is not None)
                self.report(code, f"{what_id} '{shown}' sudah dipakai: kodenya harus unik",
                            f"{what_en} '{shown}' is used already: it must be unique", kind, key,
                            fields, nth=seen[key])
            seen[key] += 1

    def duplicates(self) -> None:
        plan = self.plan
        standard = standard_scales()
        for kind, codes in (
            (MISSION, (m.code for m in plan.region.missions)),
            (REGION_GOAL, (g.code for g in plan.region.goals)),
            (REGION_OBJECTIVE, (o.code for o in plan.region.objectives)),
            (REGION_INDICATOR, (i.code for i in plan.region.indicators)),
            (UNIT, (u.code for u in plan.agency.units)),
            (GOAL, (g.code for g in plan.goals)),
            (OBJECTIVE, (o.code for o in plan.objectives)),
            (STRATEGY, (s.code for s in plan.strategies)),
            (PROGRAM, (p.code for p in plan.programs)),
            (ACTIVITY, (a.code for a in plan.activities)),
            (INDICATOR, (i.code for i in plan.indicators)),
            (SERIES, (s.code for s in plan.series)),
            (TABLE, (t.code for t in plan.tables)),
            (SCALE, (s.code for s in plan.scales if s not in standard)),
        ):
            self.unique(kind, ((code,) for code in codes), "PLAN_DUPLICATE_CODE",
                        f"kode {LABEL[kind]}", f"{kind} code")
        for indicator in plan.indicators:
            years = [(t.year, t.quarter, t.month) for t in indicator.targets]
            if len(set(years)) != len(years):  # else no period twice: nothing to report
                self.unique(TARGET, ((indicator.code, *year) for year in years),
                            "PLAN_DUPLICATE_YEAR", "target", "target", ("year", "indicator"))
            periods = [(a.year, a.quarter, a.month) for a in indicator.actuals]
            if len(set(periods)) != len(periods):
                self.unique(ACTUAL, ((indicator.code, *period) for period in periods),
                            "PLAN_DUPLICATE_YEAR", "realisasi", "realisation",
                            ("year", "quarter", "indicator"))
        for indicator in plan.region.indicators:
            years = [(t.year, t.quarter, t.month) for t in indicator.targets]
            if len(set(years)) != len(years):
                self.unique(REGION_TARGET, ((indicator.code, *year) for year in years),
                            "PLAN_DUPLICATE_YEAR", "target", "target", ("year", "indicator"))
            periods = [(a.year, a.quarter, a.month) for a in indicator.actuals]
            if len(set(periods)) != len(periods):
                self.unique(REGION_ACTUAL, ((indicator.code, *period) for period in periods),
                            "PLAN_DUPLICATE_YEAR", "realisasi", "realisation",
                            ("year", "quarter", "indicator"))
        self.unique(CONTRIBUTION, ((c.objective, c.agency) for c in plan.region.contributions),
                    "PLAN_DUPLICATE_CODE", "kontribusi", "contribution", ("objective", "agency"))
        for series in plan.series:
            self.unique(SERIES_VALUE, ((series.code, year) for year, _ in series.values),
                        "PLAN_DUPLICATE_YEAR", "nilai seri data", "series value", ("year", "series"))
        self.unique(BUDGET, ((b.activity, b.year, b.quarter, b.month) for b in plan.budgets),
                    "PLAN_DUPLICATE_YEAR", "anggaran", "budget", ("year", "activity"))
        self.unique(AGREEMENT, ((a.year, a.number) for a in plan.agreements),
                    "PLAN_DUPLICATE_CODE", "perjanjian kinerja", "performance agreement",
                    ("number", "year"))
        for agreement in plan.agreements:
            self.unique(AGREEMENT_ITEM,
                        ((agreement.year, agreement.number, i.indicator) for i in agreement.items),
                        "PLAN_DUPLICATE_CODE", "indikator PK", "agreement indicator",
                        ("indicator", "year", "number"))

    # ------------------------------------------------------------------ periods

    def period(self) -> None:
        plan = self.plan
        for kind, key, start, end, field in (
            (STRATEGIC_PLAN, (), plan.strategic_plan.start, plan.strategic_plan.end, "end"),
            (REGION, (), plan.region.rpjmd_start, plan.region.rpjmd_end, "rpjmd.end"),
        ):
            if start is not None and end is not None and end < start:
                self.report("PLAN_BAD_PERIOD", f"tahun akhir {end} sebelum tahun awal {start}",
                            f"end year {end} is before start year {start}", kind, key, field)
            elif start is not None and end is not None and end - start + 1 > LONGEST_PERIOD:
                self.report("PLAN_LONG_PERIOD",
                            f"periode {start}–{end} lebih dari {LONGEST_PERIOD} tahun (Renstra dan "
                            "RPJMD lima tahun)", f"the period {start}–{end} is longer than "
                            f"{LONGEST_PERIOD} years (a strategic plan runs five)", kind, key, field)

    def outside(self, year: int, kind: str, key: Key, what_id: str, what_en: str) -> None:
        period = self.plan.strategic_plan
        if self.period_read and period.start <= period.end and not period.start <= year <= period.end:
            self.report("PLAN_YEAR_OUTSIDE_PERIOD",
                        f"{what_id} tahun {year} di luar periode Renstra {period.start}–{period.end}",
                        f"{what_en} for {year} is outside the plan period {period.start}–{period.end}",
                        kind, key, "year")

    # ------------------------------------------------------------------ references

    def unknown(self, code: str, value: object, what_id: str, what_en: str, kind: str, key: Key,
                field: str | tuple[str, ...]) -> None:
        self.report(code, f"{what_id} '{value}' tidak dikenal", f"unknown {what_en} '{value}'",
                    kind, key, field)

    def references(self) -> None:
        plan = self.plan
        missions = {m.code for m in plan.region.missions}
        units = {u.code for u in plan.agency.units}
        for goal in plan.goals:
            if goal.mission is not None and goal.mission not in missions:
                self.unknown("PLAN_UNKNOWN_MISSION", goal.mission, "misi", "mission",
                             GOAL, (goal.code,), "mission")
        self.region_references(missions)
        for objective in plan.objectives:
            if objective.goal not in plan.goal_by_code:
                self.unknown("PLAN_UNKNOWN_GOAL", objective.goal, "tujuan", "goal",
                             OBJECTIVE, (objective.code,), "goal")
        for strategy in plan.strategies:
            for code in strategy.objectives:
                if code not in plan.objective_by_code:
                    self.unknown("PLAN_UNKNOWN_OBJECTIVE", code, "sasaran", "objective",
                                 STRATEGY, (strategy.code,), "objectives")
        for program in plan.programs:
            if program.objective is not None and program.objective not in plan.objective_by_code:
                self.unknown("PLAN_UNKNOWN_OBJECTIVE", program.objective, "sasaran", "objective",
                             PROGRAM, (program.code,), "objective")
            if program.unit is not None and program.unit not in units:
                self.unknown("PLAN_UNKNOWN_UNIT", program.unit, "unit", "unit",
                             PROGRAM, (program.code,), "unit")
        for unit in plan.agency.units:
            if unit.parent is not None and (unit.parent not in units or unit.parent == unit.code):
                self.unknown("PLAN_UNKNOWN_UNIT", unit.parent, "unit induk", "parent unit",
                             UNIT, (unit.code,), "parent")
        for activity in plan.activities:
            if activity.unit is not None and activity.unit not in units:
                self.unknown("PLAN_UNKNOWN_UNIT", activity.unit, "unit", "unit",
                             ACTIVITY, (activity.code,), "unit")
        owners: dict[str, set[str]] = {
            "goal": set(plan.goal_by_code), "objective": set(plan.objective_by_code),
            "program": set(plan.program_by_code), "activity": set(plan.activity_by_code),
        }
        for indicator in plan.indicators:
            if indicator.owner not in owners[indicator.level.value]:
                self.unknown("PLAN_UNKNOWN_OWNER", indicator.owner, LABEL[indicator.level.value],
                             indicator.level.value, INDICATOR, (indicator.code,), ("owner", "level"))
        subjects = (set(plan.goal_by_code) | set(plan.objective_by_code) | set(plan.program_by_code)
                    | set(plan.activity_by_code) | set(plan.indicator_by_code))
        for table in plan.tables:
            if table.subject is not None and table.subject not in subjects:
                self.unknown("PLAN_UNKNOWN_SUBJECT", table.subject, "subjek (tujuan, sasaran, "
                             "program, kegiatan atau indikator)", "subject", TABLE, (table.code,),
                             "subject")
        for index, narrative in enumerate(plan.narratives):
            if narrative.subject is not None and narrative.subject not in subjects:
                self.unknown("PLAN_UNKNOWN_SUBJECT", narrative.subject, "subjek (tujuan, sasaran, "
                             "program, kegiatan atau indikator)", "subject", NARRATIVE, (index,),
                             "subject")

    def region_references(self, missions: set[str]) -> None:
        """The RPJMD's records refer to each other, and an agency's goals and objectives to the
        sasaran daerah they serve."""
        plan, region = self.plan, self.plan.region
        goals = {g.code for g in region.goals}
        objectives = {o.code for o in region.objectives}
        for goal in region.goals:
            if goal.mission is not None and goal.mission not in missions:
                self.unknown("PLAN_UNKNOWN_MISSION", goal.mission, "misi", "mission",
                             REGION_GOAL, (goal.code,), "mission")
        for objective in region.objectives:
            if objective.goal not in goals:
                self.unknown("PLAN_UNKNOWN_GOAL", objective.goal, "tujuan daerah", "region goal",
                             REGION_OBJECTIVE, (objective.code,), "goal")
        for indicator in region.indicators:
            known = goals if indicator.level.value == "goal" else objectives
            if indicator.level.value not in ("goal", "objective") or indicator.owner not in known:
                self.unknown("PLAN_UNKNOWN_OWNER", indicator.owner,
                             "tujuan atau sasaran daerah", "region goal or objective",
                             REGION_INDICATOR, (indicator.code,), ("owner", "level"))
        for indicator in region.indicators:
            self.region_formula(indicator)
        for kind, records in ((GOAL, plan.goals), (OBJECTIVE, plan.objectives)):
            for record in records:
                for code in record.serves:
                    if code not in objectives:
                        self.unknown("PLAN_UNKNOWN_REGION_OBJECTIVE", code, "sasaran daerah",
                                     "region objective", kind, (record.code,), "serves")
        for contribution in region.contributions:
            key = (contribution.objective, contribution.agency)
            if contribution.objective not in objectives:
                self.unknown("PLAN_UNKNOWN_REGION_OBJECTIVE", contribution.objective,
                             "sasaran daerah", "region objective", CONTRIBUTION, key, "objective")
            if contribution.agency != plan.agency.code:
                continue  # another agency's indicators are in its own plan
            for code in contribution.indicators:
                if code not in plan.indicator_by_code:
                    self.unknown("PLAN_UNKNOWN_INDICATOR", code, "indikator", "indicator",
                                 CONTRIBUTION, key, "indicators")

    # ------------------------------------------------------------------ activities

    def activities(self) -> None:
        by_code = self.plan.activity_by_code
        for activity in self.plan.activities:
            key = (activity.code,)
            if activity.program not in self.plan.program_by_code:
                self.unknown("PLAN_UNKNOWN_PROGRAM", activity.program, "program", "program",
                             ACTIVITY, key, "program")
            if activity.parent is None:
                continue
            parent = by_code.get(activity.parent)
            if parent is None:
                self.unknown("PLAN_UNKNOWN_ACTIVITY", activity.parent, "kegiatan induk",
                             "parent activity", ACTIVITY, key, "parent")
            elif parent.code == activity.code or parent.parent is not None:
                self.report("PLAN_SUB_ACTIVITY_PROGRAM",
                            "kegiatan induk harus kegiatan biasa, bukan dirinya sendiri atau sub "
                            "kegiatan", "the parent must be a plain activity, not itself or a "
                            "sub-activity", ACTIVITY, key, "parent")
            elif parent.program != activity.program:
                self.report("PLAN_SUB_ACTIVITY_PROGRAM",
                            f"sub kegiatan ada di program {activity.program}, induknya di program "
                            f"{parent.program}", f"the sub-activity is under program "
                            f"{activity.program}, its parent under {parent.program}",
                            ACTIVITY, key, ("parent", "program"))

    # ------------------------------------------------------------------ indicators

    def within(self) -> tuple[int, int] | None:
        """The years :meth:`outside` accepts; None: it accepts every year."""
        period = self.plan.strategic_plan
        if self.period_read and period.start <= period.end:
            return period.start, period.end
        return None

    def indicators(self) -> None:
        plan = self.plan
        within = self.within()
        first, last = within if within is not None else (0, 0)
        for indicator in plan.indicators:
            code = indicator.code
            levels = bool(indicator.levels)  # else no text is checked against them
            key: Key
            for target in indicator.targets:
                key = (code, target.year, target.quarter, target.month)
                if within is not None and not first <= target.year <= last:
                    self.outside(target.year, TARGET, key, "target", "target")
                if target.value is None and target.text is None:
                    self.report("PLAN_EMPTY_TARGET", "target kosong: isi target angka atau teks",
                                "empty target: give a number or a text", TARGET, key,
                                ("value", "text"))
                if target.upper is not None and (target.value is None or target.upper < target.value):
                    self.report("PLAN_BAD_BAND",
                                "batas atas perlu target angka yang tidak lebih besar darinya",
                                "an upper bound needs a numeric target no larger than it",
                                TARGET, key, ("upper", "value"))
                if levels:
                    self.level(indicator, target.text, TARGET, key)
            for actual in indicator.actuals:
                key = (code, actual.year, actual.quarter, actual.month)
                if within is not None and not first <= actual.year <= last:
                    self.outside(actual.year, ACTUAL, key, "realisasi", "realisation")
                if levels:
                    self.level(indicator, actual.text, ACTUAL, key)
                if actual.status is not ActualStatus.NOT_AVAILABLE:
                    continue
                if actual.reason is None:
                    self.report("PLAN_MISSING_REASON",
                                "realisasi yang belum tersedia harus diberi alasan",
                                "a realisation that is not available needs a reason",
                                ACTUAL, key, ("reason", "status"))
                if actual.value is not None or actual.text is not None:
                    self.report("PLAN_VALUE_NOT_AVAILABLE",
                                "realisasi yang belum tersedia tidak boleh berisi nilai",
                                "a realisation marked not available cannot have a value",
                                ACTUAL, key, ("value" if actual.value is not None else "text",
                                              "status"))
            if indicator.formula is None:
                continue
            try:
                formula = parse(indicator.formula)
            except FormulaError as exc:
                self.report("PLAN_BAD_FORMULA", f"rumus tidak dapat dibaca: {exc}",
                            f"the formula cannot be read: {exc}", INDICATOR, (code,), "formula")
                continue
            for ref in formula.references:
                if ref.agency is not None:
                    self.report("PLAN_AGENCY_IN_FORMULA",
                                "hanya rumus IKU Pemda yang dapat membaca indikator perangkat "
                                "daerah (agency(…))",
                                "only an IKU Pemda formula can read agencies' indicators "
                                "(agency(…))", INDICATOR, (code,), "formula")
                elif ref.series not in plan.series_by_code:
                    self.report("PLAN_UNKNOWN_SERIES",
                                f"rumus memakai seri data '{ref.series}' yang tidak ada",
                                f"the formula uses data series '{ref.series}' which does not exist",
                                INDICATOR, (code,), "formula")

    def region_formula(self, indicator: Indicator) -> None:
        """An IKU Pemda's formula reads agencies' indicators (``agency("kode", "IKU-01")``,
        docs/region.md): it parses, names no data series, and what it reads of this plan's
        agency exists. Other agencies' indicators are in their own plans: the region's
        measurement checks them (sakip.core.region_measure.check_region)."""
        from sakip.core.region_measure import expand

        if indicator.formula is None:
            return
        key = (indicator.code,)
        try:
            formula = parse(expand(self.plan.region, indicator))
        except FormulaError as exc:
            self.report("PLAN_BAD_FORMULA", f"rumus tidak dapat dibaca: {exc}",
                        f"the formula cannot be read: {exc}", REGION_INDICATOR, key, "formula")
            return
        for ref in formula.references:
            if ref.agency is None:
                self.report("PLAN_UNKNOWN_SERIES",
                            f"rumus IKU Pemda memakai '{ref.series}': tulis "
                            f"agency(\"kode OPD\", \"kode indikator\")",
                            f"the IKU Pemda formula uses '{ref.series}': write "
                            f"agency(\"agency code\", \"indicator code\")",
                            REGION_INDICATOR, key, "formula")
            elif ref.agency == self.plan.agency.code \
                    and ref.series not in self.plan.indicator_by_code:
                self.unknown("PLAN_UNKNOWN_INDICATOR", ref.series, "indikator", "indicator",
                             REGION_INDICATOR, key, "formula")

    def level(self, indicator: Indicator, text: str | None, kind: str, key: Key) -> None:
        """A qualitative target or realisation is one of the indicator's levels, when it has any
        (compared as the measurement compares them: case and surrounding spaces aside)."""
        known = {level.strip().casefold() for level in indicator.levels}
        if text is not None and known and text.strip().casefold() not in known:
            self.report("PLAN_UNKNOWN_LEVEL",
                        f"'{text}' bukan tingkatan indikator ini: {', '.join(indicator.levels)}",
                        f"'{text}' is not one of this indicator's levels: "
                        f"{', '.join(indicator.levels)}", kind, key, "text")

    # ------------------------------------------------------------------ periods within a year

    def periods(self) -> None:
        """Quarters and months (sakip.core.periods, sakip.core.monitoring): a record is of a
        quarter or a month, not both; one indicator's (or activity's) periods of a year are
        quarters or months, not a mix; a period's budget line holds spending and physical
        progress, the ceiling being the year's; period targets that do not compose to the year's
        target say why on it; a period's realisation well off its target gives its causes."""
        plan = self.plan
        for indicator in plan.indicators:
            code = indicator.code
            periodic_targets = _has_periods(indicator.targets)
            for kind, records, periodic in ((TARGET, indicator.targets, periodic_targets),
                                            (ACTUAL, indicator.actuals,
                                             _has_periods(indicator.actuals))):
                if periodic:  # else no record of a quarter or a month to compare
                    self.period_shape(kind, [((code, x.year, x.quarter, x.month), x)
                                             for x in records])
            for year in sorted({t.year for t in indicator.targets}) if periodic_targets else ():
                self.composed_target(indicator, year)  # none to compose without period targets
            for year in sorted({a.year for a in indicator.actuals
                                if a.quarter is not None or a.month is not None}):
                for result in needs_causes(plan, indicator, year):
                    self.causes(indicator, result)
        self.period_shape(BUDGET, [((b.activity, b.year, b.quarter, b.month), b)
                                   for b in plan.budgets])
        for budget in plan.budgets:
            if budget.quarter is None and budget.month is None:
                continue
            key = (budget.activity, budget.year, budget.quarter, budget.month)
            for name in ("ceiling", "ceiling_original", "source_of_funds"):
                if getattr(budget, name) is not None:
                    self.report("PLAN_PERIOD_CEILING",
                                "pagu dan sumber dana ditulis untuk setahun, bukan per triwulan "
                                "atau bulan; isi periode hanya dengan realisasi dan fisik",
                                "the ceiling and source of funds are the year's, not a quarter's or "
                                "a month's; a period holds spending and physical progress only",
                                BUDGET, key, name)
            if budget.physical is not None and not 0 <= budget.physical <= 100:
                self.report("PLAN_PERIOD_PHYSICAL", "realisasi fisik harus 0–100 %",
                            "physical progress must be 0–100 %", BUDGET, key, "physical")
        self.spending_by_period()

    def period_shape(self, kind: str, records: list[tuple[Key, Any]]) -> None:
        grains: dict[Key, dict[int, Key]] = {}
        for key, record in records:
            if record.quarter is not None and record.month is not None:
                self.report("PLAN_PERIOD_BOTH",
                            "isi triwulan atau bulan, tidak keduanya",
                            "give a quarter or a month, not both", kind, key, ("month", "quarter"))
                continue
            period = Period.of(record.quarter, record.month)
            if period is not None:
                grains.setdefault(key[:-2], {}).setdefault(period.months, key)
        for owner, found in grains.items():
            if len(found) > 1:
                self.report("PLAN_PERIOD_MIX",
                            f"{LABEL[kind]} {'/'.join(str(p) for p in owner)} diisi per triwulan "
                            "dan per bulan sekaligus: pilih salah satu (bulan dijumlahkan ke "
                            "triwulannya sendiri)",
                            f"{kind} {'/'.join(str(p) for p in owner)} is given by quarter and "
                            "by month at once: choose one (months compose into their quarter)",
                            kind, found[3], "quarter")

    def composed_target(self, indicator: Indicator, year: int) -> None:
        annual = indicator.target(year)
        periods = finest(indicator.period_targets(year))
        values = [t.value for t in periods if t.value is not None]
        if annual is None or annual.value is None or not values or annual.note:
            return
        composed = compose(indicator.aggregation, values)
        if composed is None or composed == annual.value:
            return
        rule = AGGREGATION_ID[indicator.aggregation]
        self.report("PLAN_PERIOD_TARGETS",
                    f"target per periode ({rule}: {_plain(composed)}) tidak sama dengan target "
                    f"tahun {year} ({_plain(annual.value)}); tuliskan alasannya pada catatan "
                    "target tahunan, atau sesuaikan targetnya",
                    f"the period targets ({indicator.aggregation.value}: {_plain(composed)}) do "
                    f"not compose to the {year} target ({_plain(annual.value)}); state why in the "
                    "year's target note, or correct them",
                    TARGET, (indicator.code, year, None, None), "note")

    def causes(self, indicator: Indicator, result: PeriodResult) -> None:
        record = result.record
        assert record is not None
        key = (indicator.code, record.year, record.quarter, record.month)
        if self.entered is not None and key not in self.entered:
            return
        achieved = format_id(result.achievement, None) if result.achievement is not None else "?"
        achieved_en = _plain(result.achievement) if result.achievement is not None else "?"
        off = result.standing is Standing.OFF_TRACK
        limit = self.plan.settings.off_track_below if off else self.plan.settings.well_above
        code, side_id, side_en, ask_id, ask_en, fields = (
            ("PLAN_OFF_TRACK_CAUSES", "di bawah", "below",
             "isi faktor penghambat dan rencana tindak lanjutnya",
             "give the obstacles and the planned follow-up", result.missing_causes) if off else
            ("PLAN_WELL_ABOVE_CAUSES", "di atas", "above", "isi faktor pendorongnya",
             "give what drove it", ("drivers",)))
        self.report(code, f"capaian {result.period.label()} {achieved} % {side_id} "
                          f"{format_id(limit, None)} %: {ask_id}",
                    f"the {result.period.label('en')} achievement {achieved_en} % is {side_en} "
                    f"{_plain(limit)} %: {ask_en}", ACTUAL, key, fields)

    def spending_by_period(self) -> None:
        """A year's own spending beside its periods' sum: a warning, the year's figure is the one
        measured (as with sub-activities)."""
        for budget in self.plan.budgets:
            if budget.quarter is not None or budget.month is not None or budget.spent is None:
                continue
            periods = finest(self.plan.budget_periods(budget.activity, budget.year))
            spent = [p.spent for p in periods if p.spent is not None]
            if not spent or sum(spent) == budget.spent:
                continue
            self.report("PLAN_PERIODS_DISAGREE",
                        f"realisasi setahun {_plain(budget.spent)} berbeda dari jumlah realisasi "
                        f"per periode ({_plain(sum(spent, Decimal(0)))}); yang diukur adalah angka "
                        "setahun",
                        f"the year's spending {_plain(budget.spent)} differs from the sum of its "
                        f"periods ({_plain(sum(spent, Decimal(0)))}); the year's figure is measured",
                        BUDGET, (budget.activity, budget.year, None, None), "spent",
                        severity=Severity.WARNING)

    # ------------------------------------------------------------------ money

    def money(self, kind: str, key: Key, ceiling: Decimal | None, spent: Decimal | None,
              original: Decimal | None) -> None:
        for name, value in (("ceiling_original", original), ("ceiling", ceiling), ("spent", spent)):
            if value is not None and value < 0:
                self.report("PLAN_NEGATIVE_BUDGET", "nilai anggaran tidak boleh negatif",
                            "a budget figure cannot be negative", kind, key, name)
        if overspent(ceiling, spent):
            self.report("PLAN_SPENDING_ABOVE_CEILING",
                        "realisasi melebihi pagu; periksa kembali angkanya",
                        "spending is above the ceiling; check the figures", kind, key, "spent",
                        severity=Severity.WARNING)

    def budgets(self) -> None:
        activities = self.plan.activity_by_code
        within = self.within()
        first, last = within if within is not None else (0, 0)
        for budget in self.plan.budgets:
            key = (budget.activity, budget.year, budget.quarter, budget.month)
            if budget.activity not in activities:
                self.unknown("PLAN_UNKNOWN_ACTIVITY", budget.activity, "kegiatan", "activity",
                             BUDGET, key, "activity")
            if within is not None and not first <= budget.year <= last:
                self.outside(budget.year, BUDGET, key, "anggaran", "budget")
            ceiling, spent, original = budget.ceiling, budget.spent, budget.ceiling_original
            if ((ceiling is None or ceiling >= 0) and (spent is None or spent >= 0)
                    and (original is None or original >= 0) and not overspent(ceiling, spent)):
                continue  # what money() would find: nothing
            self.money(BUDGET, key, ceiling, spent, original)
        for index, line in enumerate(self.plan.spending):
            self.money(SPENDING, (index,), line.ceiling, line.spent, line.ceiling_original)
        self.sub_activity_sums()

    def sub_activity_sums(self) -> None:
        """An activity's own ceiling or spending beside its sub-activities' sum (what rolls up,
        sakip.core.budget). A warning: the plan measures as the rule states, the activity's own
        figure enters no total, and the two can differ for a while in practice (a Renja figure
        entered before the sub-activities' DPA was amended); it is shown so it gets fixed."""
        what = (("ceiling_original", "pagu induk", "original ceiling"),
                ("ceiling", "pagu", "ceiling"), ("spent", "realisasi", "spending"))
        for total in sub_activity_sums(self.plan):
            if total.own is None:
                continue
            for name, what_id, what_en in what:
                own: Decimal | None = getattr(total.own, name)
                summed: Decimal | None = getattr(total, name)
                if own is None or own == summed:
                    continue
                shown = "tidak ada" if summed is None else _plain(summed)
                shown_en = "none" if summed is None else _plain(summed)
                self.report("PLAN_SUB_ACTIVITY_SUM",
                            f"{what_id} kegiatan {_plain(own)} berbeda dari jumlah sub kegiatannya "
                            f"({shown}); yang dijumlahkan ke program adalah jumlah sub kegiatan",
                            f"the activity's {what_en} {_plain(own)} differs from the sum of its "
                            f"sub-activities ({shown_en}); the program sums the sub-activities",
                            BUDGET, (total.activity, total.year, None, None), name,
                            severity=Severity.WARNING)

    # ------------------------------------------------------------------ agreements

    def agreements(self) -> None:
        for agreement in self.plan.agreements:
            key = (agreement.year, agreement.number)
            self.outside(agreement.year, AGREEMENT, key, "perjanjian kinerja",
                         "performance agreement")
            if (agreement.number == 0) != (agreement.kind is AgreementKind.ORIGINAL):
                self.report("PLAN_AGREEMENT_KIND",
                            "nomor versi 0 adalah PK awal (original); nomor 1, 2 … adalah perubahan",
                            "version 0 is the original agreement; 1, 2 … are amendments",
                            AGREEMENT, key, ("kind", "number"))
            for item in agreement.items:
                item_key = (agreement.year, agreement.number, item.indicator)
                if item.indicator not in self.plan.indicator_by_code:
                    self.unknown("PLAN_UNKNOWN_INDICATOR", item.indicator, "indikator",
                                 "indicator", AGREEMENT_ITEM, item_key, "indicator")
                if item.target is None and item.target_text is None:
                    self.report("PLAN_EMPTY_TARGET", "target kosong: isi target angka atau teks",
                                "empty target: give a number or a text", AGREEMENT_ITEM,
                                item_key, ("target", "target_text"))

    def officials(self) -> None:
        signatories: list[tuple[str, Key, str, Official | None]] = [
            (AGENCY, (), "head", self.plan.agency.head)]
        for agreement in self.plan.agreements:
            version: Key = (agreement.year, agreement.number)
            signatories += [(AGREEMENT, version, "first_party", agreement.first_party),
                            (AGREEMENT, version, "second_party", agreement.second_party)]
        for kind, key, prefix, official in signatories:
            if official is None:
                continue
            if official.name is None and official.title is None:
                self.report("PLAN_SIGNATORY_UNNAMED", "isi nama atau jabatan penandatangan",
                            "give the signatory's name or title", kind, key,
                            (f"{prefix}.name", f"{prefix}.title"))
            nip = official.nip
            if nip is not None and not _is_nip(nip):
                self.report("PLAN_BAD_NIP", f"NIP harus 18 angka, bukan {nip!r}",
                            f"a NIP has 18 digits, not {nip!r}", kind, key, f"{prefix}.nip")

    # ------------------------------------------------------------------ the rest

    def tables_and_narratives(self) -> None:
        for table in self.plan.tables:
            width = len(table.columns)
            for index, row in enumerate(table.rows):
                if len(row) > width:
                    self.report("PLAN_TABLE_ROW_TOO_LONG",
                                f"baris berisi {len(row)} sel, padahal tabel hanya punya {width} "
                                "kolom", f"the row has {len(row)} cells but the table has {width} "
                                "columns", TABLE_ROW, (table.code, index), "row")
        for index, narrative in enumerate(self.plan.narratives):
            if not narrative.text and not narrative.items:
                self.report("PLAN_EMPTY_NARRATIVE", "narasi perlu teks atau butir",
                            "a narrative needs a text or items", NARRATIVE, (index,), "text")

    def bands(self, scale: Scale) -> None:
        if not scale.bands:
            self.report("PLAN_EMPTY_SCALE", "skala ini tidak punya pita",
                        "this scale has no band", SCALE, (scale.code,), "bands")
        for index, band in enumerate(scale.bands):
            if band.lower is not None and band.upper is not None and band.upper < band.lower:
                self.report("PLAN_BAD_BAND", "batas atas lebih kecil dari batas bawah",
                            "the upper bound is below the lower bound", BAND,
                            (scale.code, index), "upper")
            if not band.label.strip():
                self.report("PLAN_EMPTY_LABEL", "pita skala perlu label",
                            "a band needs a label", BAND, (scale.code, index), "label")
            if band.color is not None and not _is_color(band.color):
                self.report("PLAN_BAD_COLOR", f"warna '{band.color}' bukan #rrggbb (mis. "
                            "#2e7d32)", f"colour '{band.color}' is not #rrggbb (e.g. #2e7d32)",
                            BAND, (scale.code, index), "color")

    def scales(self) -> None:
        plan = self.plan
        standard = standard_scales()
        for scale in plan.scales:
            if scale not in standard:
                self.bands(scale)
        known = ", ".join(plan.scale_by_code)
        for name in ("predicate_scale", "category_scale"):
            code = getattr(plan.settings, name)
            if code not in plan.scale_by_code:
                self.report("PLAN_UNKNOWN_SCALE", f"skala '{code}' tidak dikenal ({known})",
                            f"unknown scale '{code}' ({known})", SETTINGS, (), name)


def check_scale(scale: Scale, locate: Locator = nowhere) -> list[Problem]:
    """The rules of one scale — bands, labels, colours — for the region admin's scale editor."""
    holder = Plan(Region("", RegionKind.REGENCY), Agency("", ""), StrategicPlan("", 0, 0),
                  scales=(scale,))
    checks = _Checks(holder, locate)
    checks.bands(scale)
    return checks.problems


def _members_of(plan: Plan, kind: str) -> list[Any]:
    """The records of one kind, as :func:`sakip.core.records.records_of` walks them, without
    their keys."""
    from sakip.core.records import SPECS

    spec = SPECS[kind]
    holders = [plan] if spec.parent is None else _members_of(plan, spec.parent)
    found: list[Any] = []
    for holder in holders:
        value = getattr(holder, spec.attribute)
        if spec.singleton:
            found.append(value)
        else:
            found.extend(value)
    return found


def _within(records: list[Any], name: str, low: int | None, high: int | None) -> bool:
    """Whether every record's ``name`` is None or inside [low, high] (loops in C); False
    when that cannot be told so (then each record is looked at)."""
    values = list(map(attrgetter(name), records))
    if values.count(None) == len(values):
        return True
    given = [value for value in values if value is not None]
    try:
        return low is not None and high is not None and bool(
            low <= min(given) and max(given) <= high)
    except TypeError:
        return False


def _is_color(text: str) -> bool:
    return len(text) == 7 and text[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in text[1:])


def _is_nip(text: str) -> bool:
    digits = text.replace(" ", "")
    return digits.isdigit() and len(digits) == 18


def _plain(value: Decimal) -> str:
    """A figure as written in a plan file (no exponent, no thousands separators)."""
    return format(value, "f")


def _has_periods(records: Iterable[Any]) -> bool:
    """Whether some record is of a quarter or a month (else the period checks find nothing)."""
    return any(r.quarter is not None or r.month is not None for r in records)
