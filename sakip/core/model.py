"""The plan model: one immutable description of an agency's performance plan and its data.

Everything is a frozen dataclass holding tuples, so a plan can be shared, hashed by identity
and never changed behind a caller's back. Relations are by code (``Objective.goal`` is the code
of its goal); :class:`Plan` builds the look-ups once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from typing import Any, TypeVar

from sakip.core.enums import (
    ActualStatus,
    Aggregation,
    AgreementKind,
    Closed,
    Frequency,
    IndicatorKind,
    Level,
    NarrativeKind,
    NegativeFormula,
    Polarity,
    RegionKind,
    ScaleKind,
    SpendingKind,
)
from sakip.core.numbers import RoundingMode, common_places, places
from sakip.core.periods import Period, periodic

# --------------------------------------------------------------------------- region, agency


@dataclass(frozen=True)
class Mission:
    code: str
    text: str


@dataclass(frozen=True)
class RegionGoal:
    """Tujuan daerah of the RPJMD."""

    code: str
    name: str
    mission: str | None = None  # Mission.code


@dataclass(frozen=True)
class RegionObjective:
    """Sasaran daerah of the RPJMD: what agencies' goals and objectives serve (``serves``)."""

    code: str
    name: str
    goal: str  # RegionGoal.code


@dataclass(frozen=True)
class Contribution:
    """An agency's share in a region objective (*crosscutting*: several agencies serve one
    sasaran daerah), with the agency's indicators that measure its share."""

    objective: str  # RegionObjective.code
    agency: str  # Agency.code
    indicators: tuple[str, ...] = ()  # the agency's Indicator.code
    note: str | None = None


@dataclass(frozen=True)
class Region:
    """Pemerintah Daerah with its RPJMD: vision, missions, tujuan and sasaran daerah, the IKU
    Pemda (``indicators``: level GOAL or OBJECTIVE, owner a region goal or objective) and which
    agencies contribute to each sasaran."""

    name: str  # "Kabupaten Belitung"
    kind: RegionKind
    head_title: str = "Bupati"  # Bupati / Wali Kota / Gubernur
    head_name: str | None = None
    rpjmd_start: int | None = None
    rpjmd_end: int | None = None
    vision: str | None = None
    missions: tuple[Mission, ...] = ()
    goals: tuple[RegionGoal, ...] = ()
    objectives: tuple[RegionObjective, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    contributions: tuple[Contribution, ...] = ()

    @property
    def given(self) -> bool:
        """False for the region of a plan that names none (a plan made only to be measured)."""
        return bool(self.name)


NO_REGION = Region("", RegionKind.REGENCY)  # a plan file without ``region``: nothing is shown


@dataclass(frozen=True)
class Official:
    """A signatory: name, rank (pangkat/golongan), NIP, title. Name or title may be unknown."""

    name: str | None = None
    title: str | None = None  # "Kepala Dinas", "Bupati Belitung"
    rank: str | None = None  # "Pembina Utama Muda"
    nip: str | None = None  # 18 digits


@dataclass(frozen=True)
class Unit:
    """An organisational unit with its task and functions: a Sekretariat or Bidang (led by an
    administrator, eselon III) or, under its ``parent``, a Sub Bagian or Seksi (led by a
    supervisor, eselon IV). Its ``head`` signs the unit's Perjanjian Kinerja."""

    code: str
    name: str
    task: str | None = None
    functions: tuple[str, ...] = ()
    parent: str | None = None  # Unit.code of the unit above it
    head: Official | None = None


@dataclass(frozen=True)
class Agency:
    """Perangkat Daerah (OPD)."""

    code: str
    name: str
    short_name: str | None = None
    address: str | None = None
    phone: str | None = None
    legal_basis_of_organisation: str | None = None  # Perbup on position, tasks, functions
    position: str | None = None  # Kedudukan
    task: str | None = None  # Tugas
    functions: tuple[str, ...] = ()  # Fungsi
    head: Official | None = None
    units: tuple[Unit, ...] = ()


# --------------------------------------------------------------------------- strategic plan


@dataclass(frozen=True)
class Revision:
    """A revision of the strategic plan or of its key indicators (Renstra Perubahan, IKU)."""

    date: str  # ISO date or year-month ("2020-12")
    subject: str  # "renstra" | "iku"
    reference: str | None = None  # the decree
    note: str | None = None


@dataclass(frozen=True)
class StrategicPlan:
    """Renstra: the five-year plan, years ``start``..``end`` inclusive."""

    name: str
    start: int
    end: int
    baseline_year: int | None = None  # the year before the plan (data awal)
    revisions: tuple[Revision, ...] = ()

    @property
    def title(self) -> str:
        """Its name, or for a plan that gives none its period: "Renstra 2019–2023"."""
        return self.name or f"Renstra {self.start}–{self.end}"

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start, self.end + 1))


@dataclass(frozen=True)
class Goal:
    """Tujuan."""

    code: str
    name: str
    mission: str | None = None  # Mission.code
    serves: tuple[str, ...] = ()  # RegionObjective.code: the sasaran daerah it serves


@dataclass(frozen=True)
class Objective:
    """Sasaran (strategis)."""

    code: str
    name: str
    goal: str  # Goal.code
    serves: tuple[str, ...] = ()  # RegionObjective.code; none: its goal's


@dataclass(frozen=True)
class Strategy:
    """Strategi, with the policies (arah kebijakan) that carry it out."""

    code: str
    text: str
    objectives: tuple[str, ...] = ()
    policies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Program:
    code: str
    name: str
    objective: str | None = None  # Objective.code it serves; None when not yet linked
    unit: str | None = None  # Unit.code responsible


@dataclass(frozen=True)
class Activity:
    """Kegiatan, or a Sub Kegiatan when ``parent`` names its activity (2021 nomenclature)."""

    code: str
    name: str
    program: str  # Program.code
    parent: str | None = None  # Activity.code for a sub-activity
    output: str | None = None  # Output kegiatan (text)
    outcome: str | None = None  # Outcome kegiatan (text)
    unit: str | None = None


# --------------------------------------------------------------------------- indicators


@dataclass(frozen=True)
class Target:
    """Target of an indicator for a year, or for a quarter or a month of it (the *rencana
    aksi*): a number, or a qualitative level ("Pratama").

    ``upper`` closes a target band [value, upper] for a stabilise indicator. ``note``, on a
    year's target, says why its period targets do not compose to it (sakip.core.periods).
    """

    year: int
    value: Decimal | None = None
    text: str | None = None
    upper: Decimal | None = None
    quarter: int | None = None  # 1..4; None with ``month`` None: the whole year
    month: int | None = None  # 1..12
    note: str | None = None


@dataclass(frozen=True)
class Actual:
    """Realisation of an indicator for a year, or a quarter or a month of it.

    A period's realisation well off its period target carries why: ``obstacles`` (faktor
    penghambat) and ``follow_up`` (rencana tindak lanjut) below it, ``drivers`` (faktor
    pendorong) well above it (Settings.off_track_below / well_above; sakip.io.plan_checks).
    """

    year: int
    value: Decimal | None = None
    quarter: int | None = None  # 1..4; None with ``month`` None: the whole year
    text: str | None = None  # qualitative realisation ("Pratama")
    status: ActualStatus = ActualStatus.FINAL
    reason: str | None = None  # why not available / provisional
    expected: str | None = None  # when it is expected (ISO date or year-month)
    note: str | None = None  # provenance or remark
    month: int | None = None  # 1..12
    obstacles: str | None = None  # faktor penghambat
    follow_up: str | None = None  # rencana tindak lanjut
    drivers: str | None = None  # faktor pendorong


@dataclass(frozen=True)
class Baseline:
    year: int
    value: Decimal | None = None
    text: str | None = None


@dataclass(frozen=True)
class Indicator:
    """Indikator Kinerja, with its semantics stated explicitly.

    ``formula`` derives the realisation from data series, e.g.
    ``(pmks[n-1] - pmks[n]) / pmks[n-1] * 100``; ``n`` is the year measured.
    """

    code: str
    name: str
    level: Level
    owner: str  # code of the goal, objective, program or activity
    unit: str | None = None  # "%", "indeks", "kasus per 10.000" …
    precision: int = 2  # decimal places of the realisation
    polarity: Polarity = Polarity.POSITIVE
    negative_formula: NegativeFormula | None = None  # None: the plan's setting
    aggregation: Aggregation = Aggregation.LAST
    formula: str | None = None
    definition: str | None = None
    data_source: str | None = None
    key: bool = False  # an IKU
    kind: IndicatorKind | None = None
    levels: tuple[str, ...] = ()  # ordered qualitative levels, lowest first
    baseline: Baseline | None = None
    targets: tuple[Target, ...] = ()
    actuals: tuple[Actual, ...] = ()
    cap: Decimal | None = None  # the achievement printed and counted is at most this (120, 100)
    # How the years compose the realisation to date over the strategic plan (E.81, E.80): the
    # latest year's (a level: a rate, a percentage, a status), or their sum when the final
    # target is a total over the years (houses built in five years).
    over_years: Aggregation = Aggregation.LAST
    # The rest of its definition sheet (manual indikator), beside ``definition`` and
    # ``data_source``: how it is computed in words (when no ``formula`` computes it), why it was
    # chosen, how often it is measured and who answers for it.
    calculation: str | None = None
    rationale: str | None = None
    frequency: Frequency | None = None
    responsible: str | None = None

    def target(self, year: int) -> Target | None:
        """The target of the whole year."""
        for target in self.targets:
            if target.year == year and target.quarter is None and target.month is None:
                return target
        return None

    def period_targets(self, year: int) -> tuple[Target, ...]:
        """The targets of the year's quarters or months (the rencana aksi), in calendar order."""
        return periodic(t for t in self.targets if t.year == year)

    def actuals_of(self, year: int) -> tuple[Actual, ...]:
        """The year's realisations: the year's own and its periods'."""
        return tuple(actual for actual in self.actuals if actual.year == year)

    def target_places(self, value: Decimal) -> int:
        """The decimal places with which ``value``, a target of this indicator (or its PK
        target), is printed: its own, or more when another of its targets has more. An
        indicator's targets print aligned, as a Renstra row does: 5,0 beside 4,8; 89,00 beside
        88,01 (a plan holds ``5`` and ``89``: docs/plan-format.md, "Decimals")."""
        bounds = [bound for target in self.targets for bound in (target.value, target.upper)]
        return max(places(value), common_places(bounds))

    @property
    def is_qualitative(self) -> bool:
        return bool(self.levels) or any(
            t.value is None and t.text is not None for t in self.targets
        )


@dataclass(frozen=True)
class Series:
    """A named raw data series (e.g. number of PMKS) by year, used by formulas."""

    code: str
    name: str
    unit: str | None = None
    values: tuple[tuple[int, Decimal], ...] = ()  # (year, value), years ascending
    source: str | None = None

    def value(self, year: int) -> Decimal | None:
        for series_year, value in self.values:
            if series_year == year:
                return value
        return None


# --------------------------------------------------------------------------- budget


@dataclass(frozen=True)
class Budget:
    """Budget of an activity in a year: ceiling (pagu) as adopted and as amended, spending.

    A record of a quarter or a month (``quarter``/``month``) holds that period's spending and the
    physical progress reached by its end (cumulative %); the ceiling is the year's only. The
    year's spending, when its own record has none, is the sum of its periods' (sakip.core.budget).
    """

    activity: str  # Activity.code
    year: int
    ceiling: Decimal | None = None  # pagu after amendment (the one measured)
    ceiling_original: Decimal | None = None  # pagu induk
    spent: Decimal | None = None  # realisasi anggaran
    physical: Decimal | None = None  # realisasi fisik, %
    source_of_funds: str | None = None  # "DAU", "DID Tambahan Periode 2" …
    explanation: str | None = None  # why absorption is low
    quarter: int | None = None  # 1..4; None with ``month`` None: the whole year
    month: int | None = None  # 1..12


@dataclass(frozen=True)
class SpendingLine:
    """One line of the agency's spending composition (Tabel 3.26)."""

    year: int
    kind: SpendingKind
    label: str
    ceiling: Decimal | None = None
    spent: Decimal | None = None
    ceiling_original: Decimal | None = None


# --------------------------------------------------------------------------- agreement


@dataclass(frozen=True)
class AgreementItem:
    indicator: str  # Indicator.code
    target: Decimal | None = None
    target_text: str | None = None


@dataclass(frozen=True)
class AgreementVersion:
    """One version of the Perjanjian Kinerja of a year: the original or an amendment."""

    year: int
    number: int  # 0 for the original, 1.. for amendments
    kind: AgreementKind
    signed: str | None = None  # ISO date or year-month
    reason: str | None = None
    first_party: Official | None = None  # the agency head
    second_party: Official | None = None  # the regent
    items: tuple[AgreementItem, ...] = ()


# --------------------------------------------------------------------------- tables, narrative

Cell = Decimal | str | None


@dataclass(frozen=True)
class SupportingTable:
    """Data dukung: a titled grid (PMKS by 26 types, staff by education …)."""

    code: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...] = ()
    year: int | None = None
    subject: str | None = None  # code of the goal/objective/indicator it supports
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Narrative:
    kind: NarrativeKind
    text: str = ""
    subject: str | None = None  # None: the agency; else a goal/objective/program code
    year: int | None = None
    items: tuple[str, ...] = ()  # numbered points, when the block is a list


# --------------------------------------------------------------------------- scales, settings


@dataclass(frozen=True)
class Band:
    """One band of a scale. ``exactly`` bands are matched before the intervals."""

    label: str
    lower: Decimal | None = None  # None: unbounded
    upper: Decimal | None = None  # None: unbounded
    exactly: Decimal | None = None
    label_en: str | None = None
    color: str | None = None  # "#2e7d32"
    closed: Closed | None = None  # this band's closed ends when not its scale's (both: [86, 100])


@dataclass(frozen=True)
class Scale:
    """An ordinal scale for achievements, held as data (Tabel 3.1, 3.2, Permendagri 86/2017)."""

    code: str
    name: str
    kind: ScaleKind
    closed: Closed
    bands: tuple[Band, ...]
    source: str | None = None


@dataclass(frozen=True)
class Settings:
    """How figures are computed for a plan. Defaults are the rules in DESIGN.md."""

    rounding: RoundingMode = RoundingMode.HALF_UP
    achievement_places: int = 2
    negative_formula: NegativeFormula = NegativeFormula.TWO_T_MINUS_R
    cap: Decimal | None = None  # cap applied to achievements when averaging only
    absorption_threshold: Decimal = Decimal(80)
    predicate_scale: str = "predikat-permenpan"
    category_scale: str = "kategori-permendagri-54-2010"
    absorption_places: int | None = None  # decimal places of absorptions; None: achievement_places
    qualitative_in_means: bool = False  # a qualitative target met counts 100 in means, unmet 0
    # A period's realisation whose achievement of its period target is below ``off_track_below``
    # needs its faktor penghambat and follow-up; above ``well_above`` its faktor pendorong.
    off_track_below: Decimal = Decimal(80)
    well_above: Decimal = Decimal(120)


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Plan:
    """An agency's strategic plan with every figure it needs to be measured and reported."""

    region: Region
    agency: Agency
    strategic_plan: StrategicPlan
    goals: tuple[Goal, ...] = ()
    objectives: tuple[Objective, ...] = ()
    strategies: tuple[Strategy, ...] = ()
    programs: tuple[Program, ...] = ()
    activities: tuple[Activity, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    series: tuple[Series, ...] = ()
    budgets: tuple[Budget, ...] = ()
    spending: tuple[SpendingLine, ...] = ()
    agreements: tuple[AgreementVersion, ...] = ()
    tables: tuple[SupportingTable, ...] = ()
    narratives: tuple[Narrative, ...] = ()
    scales: tuple[Scale, ...] = ()
    settings: Settings = field(default_factory=Settings)

    # Look-ups, built once per plan.
    @cached_property
    def goal_by_code(self) -> dict[str, Goal]:
        return {goal.code: goal for goal in self.goals}

    @cached_property
    def objective_by_code(self) -> dict[str, Objective]:
        return {objective.code: objective for objective in self.objectives}

    @cached_property
    def program_by_code(self) -> dict[str, Program]:
        return {program.code: program for program in self.programs}

    @cached_property
    def activity_by_code(self) -> dict[str, Activity]:
        return {activity.code: activity for activity in self.activities}

    @cached_property
    def indicator_by_code(self) -> dict[str, Indicator]:
        return {indicator.code: indicator for indicator in self.indicators}

    @cached_property
    def series_by_code(self) -> dict[str, Series]:
        return {series.code: series for series in self.series}

    @cached_property
    def scale_by_code(self) -> dict[str, Scale]:
        return {scale.code: scale for scale in self.scales}

    def objectives_of(self, goal: str) -> tuple[Objective, ...]:
        return self._objectives_by_goal.get(goal, ())

    def programs_of(self, objective: str) -> tuple[Program, ...]:
        return self._programs_by_objective.get(objective, ())

    def activities_of(self, program: str) -> tuple[Activity, ...]:
        """A program's activities (not their sub-activities), in plan order."""
        return self._activities_by_parent.get((program, None), ())

    def sub_activities_of(self, activity: str) -> tuple[Activity, ...]:
        """The sub-activities directly under an activity, in plan order."""
        return self._sub_activities.get(activity, ())

    def budgets_for(self, activity: str) -> tuple[Budget, ...]:
        """An activity's budget records (every year and period), in plan order."""
        return self._budgets_by_activity.get(activity, ())

    # Groupings, built once per plan in one pass each, so that walking the cascade stays linear
    # in the number of records (a plan merging hundreds of agencies walks it per record).
    @cached_property
    def _objectives_by_goal(self) -> dict[str, tuple[Objective, ...]]:
        return _grouped(self.objectives, lambda o: o.goal)

    @cached_property
    def _programs_by_objective(self) -> dict[str | None, tuple[Program, ...]]:
        return _grouped(self.programs, lambda p: p.objective)

    @cached_property
    def _sub_activities(self) -> dict[str | None, tuple[Activity, ...]]:
        return _grouped(self.activities, lambda a: a.parent)

    @cached_property
    def _budgets_by_activity(self) -> dict[str, tuple[Budget, ...]]:
        return _grouped(self.budgets, lambda b: b.activity)

    @cached_property
    def _activities_by_parent(self) -> dict[tuple[str, str | None], tuple[Activity, ...]]:
        return _grouped(self.activities, lambda a: (a.program, a.parent))

    def indicators_of(self, owner: str, level: Level) -> tuple[Indicator, ...]:
        return self._indicators_by_owner.get((level, owner), ())

    @cached_property
    def _indicators_by_owner(self) -> dict[tuple[Level, str], tuple[Indicator, ...]]:
        grouped: dict[tuple[Level, str], list[Indicator]] = {}
        for indicator in self.indicators:
            grouped.setdefault((indicator.level, indicator.owner), []).append(indicator)
        return {key: tuple(value) for key, value in grouped.items()}

    def budgets_of(self, year: int) -> tuple[Budget, ...]:
        """The year's budget lines (of whole years; their periods: :meth:`budget_periods`)."""
        return tuple(b for b in self.budgets
                     if b.year == year and b.quarter is None and b.month is None)

    def budget_periods(self, activity: str, year: int) -> tuple[Budget, ...]:
        """An activity's spending by quarter or month in a year, in calendar order."""
        return self._budget_periods.get((activity, year), ())

    @cached_property
    def _budget_periods(self) -> dict[tuple[str, int], tuple[Budget, ...]]:
        grouped: dict[tuple[str, int], list[Budget]] = {}
        for budget in periodic(self.budgets):
            grouped.setdefault((budget.activity, budget.year), []).append(budget)
        return {key: tuple(value) for key, value in grouped.items()}

    def canonical(self) -> Plan:
        """The same plan with its records in cascade order, the order a plan file nests them.

        Indicators: each goal's, then its objectives' (goal by goal), then each program's and its
        activities'; activities depth-first under their program; budgets by activity, then year.
        Each indicator's targets and realisations are ordered by year (an annual figure before
        its quarters). Two plans holding the same records compare equal once both are canonical.
        """
        goal_rank = {g.code: i for i, g in enumerate(self.goals)}
        objectives = sorted(self.objectives, key=lambda o: goal_rank.get(o.goal, len(goal_rank)))
        children = self._activities_by_parent
        ordered_activities: list[Activity] = []
        by_program: dict[str, list[Activity]] = {}
        for program in self.programs:  # depth-first, without recursion (deep chains are legal)
            mine = by_program.setdefault(program.code, [])
            stack = [iter(children.get((program.code, None), ()))]
            while stack:
                activity = next(stack[-1], None)
                if activity is None:
                    stack.pop()
                    continue
                ordered_activities.append(activity)
                mine.append(activity)
                stack.append(iter(children.get((program.code, activity.code), ())))
        by_goal = _grouped(objectives, lambda o: o.goal)
        owners: list[tuple[Level, str]] = []
        for goal in self.goals:
            owners.append((Level.GOAL, goal.code))
            owners.extend((Level.OBJECTIVE, o.code) for o in by_goal.get(goal.code, ()))
        for program in self.programs:
            owners.append((Level.PROGRAM, program.code))
            owners.extend((Level.ACTIVITY, a.code) for a in by_program.get(program.code, ()))
        owner_rank = {owner: i for i, owner in enumerate(owners)}
        indicators = sorted(self.indicators,
                            key=lambda i: owner_rank.get((i.level, i.owner), len(owner_rank)))
        activity_rank = {a.code: i for i, a in enumerate(ordered_activities)}
        return replace(
            self,
            objectives=tuple(objectives),
            activities=tuple(ordered_activities)
            + tuple(a for a in self.activities if a.code not in activity_rank),
            indicators=tuple(_sorted_periods(i) for i in indicators),
            budgets=tuple(sorted(self.budgets, key=lambda b: (
                activity_rank.get(b.activity, len(activity_rank)), b.year, _rank(b)))),
        )

    def agreement(self, year: int) -> AgreementVersion | None:
        """The version in force for a year: the latest amendment, else the original."""
        versions = [a for a in self.agreements if a.year == year]
        return max(versions, key=lambda a: a.number) if versions else None


K = TypeVar("K")
R = TypeVar("R")


def _grouped(items: Iterable[R], key: Callable[[R], K]) -> dict[K, tuple[R, ...]]:
    """Items by ``key``, each group in the items' order."""
    groups: dict[K, list[R]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return {k: tuple(v) for k, v in groups.items()}


def _rank(record: Any) -> tuple[int, int]:
    """A record's place within its year: the year's own first, then its periods in calendar
    order (a quarter after its months)."""
    period = Period.of(record.quarter, record.month)
    return (0, 0) if period is None else (period.end, period.months)


def _sorted_periods(indicator: Indicator) -> Indicator:
    targets = tuple(sorted(indicator.targets, key=lambda t: (t.year, _rank(t))))
    actuals = tuple(sorted(indicator.actuals, key=lambda a: (a.year, _rank(a))))
    if targets == indicator.targets and actuals == indicator.actuals:
        return indicator
    return replace(indicator, targets=targets, actuals=actuals)
