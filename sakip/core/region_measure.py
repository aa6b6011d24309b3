"""Measuring a region (Pemerintah Daerah) for a year: the IKU Pemda, the sasaran daerah, and
every agency's achievement and spending side by side — what the LKjIP Pemda prints.

``measure_region(region, plans, year)`` returns a :class:`RegionMeasurement`. Nothing here is a
second rule: the RPJMD is turned into a plan of its own (:func:`region_plan`: tujuan daerah as
goals, sasaran daerah as objectives, the IKU Pemda as their indicators, the RPJMD period as its
strategic plan) and measured by :func:`sakip.core.measure.measure` — the same polarity, range,
cap, qualitative and scale rules as an agency's indicator, the same means, counts, changes and
final-target comparisons. An IKU Pemda whose ``formula`` reads agencies' indicators
(``agency("dinkes", "IKU-01")``, sakip.core.formula) is derived from each agency plan's own
measured realisation of the year: those values are handed to the formula as data series named
``agency:indicator``, so the formula is evaluated and rounded exactly as a series formula is.
``contributions`` in a formula stands for every agency indicator the region's contributions name
for the IKU's sasaran (for a tujuan's IKU: its sasaran's): ``mean(contributions)``.

Agencies are measured once each (:func:`sakip.core.measure.measure`); their spending is read from
their measurement's budget lines, never recomputed. Everything is linear in the number of
agencies. docs/region.md states the rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property

from sakip.core.budget import absorption
from sakip.core.enums import Level
from sakip.core.formula import FormulaError, parse
from sakip.core.measure import GroupResult, IndicatorResult, Measurement, measure, measure_indicator
from sakip.core.model import (
    Agency,
    Contribution,
    Goal,
    Indicator,
    Objective,
    Plan,
    Region,
    Series,
    Settings,
    StrategicPlan,
)

CONTRIBUTIONS = "contributions"  # in a formula: the contributing agencies' indicators
_CONTRIBUTIONS = re.compile(r'"[^"]*"|\bcontributions\b')


@dataclass(frozen=True)
class AgencyInput:
    """One agency indicator's realisation read by a derived IKU Pemda (None: none measured)."""

    agency: str  # Agency.code
    indicator: str  # the agency's Indicator.code
    year: int
    value: Decimal | None

    @property
    def key(self) -> str:
        return f"{self.agency}:{self.indicator}"


@dataclass(frozen=True)
class Derived:
    """How a derived IKU Pemda was found: its formula (``contributions`` written out) and the
    agency values it read."""

    indicator: str  # the IKU Pemda's code
    formula: str  # as evaluated
    inputs: tuple[AgencyInput, ...]

    @property
    def missing(self) -> tuple[AgencyInput, ...]:
        return tuple(item for item in self.inputs if item.value is None)


@dataclass(frozen=True)
class AgencyFigures:
    """One agency beside the others: its mean achievement over its key indicators and its
    spending (its measurement's ``agency`` group and budget line)."""

    code: str
    name: str
    short_name: str | None
    group: GroupResult  # the agency's mean over its key indicators
    ceiling: Decimal | None
    spent: Decimal | None
    absorption: Decimal | None  # rounded, as the agency's own measurement rounds it
    budget_missing: tuple[str, ...]  # activities without budget data
    measurement: Measurement

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True)
class ContributionResult:
    """An agency's share in a sasaran daerah: the results of the indicators that measure it."""

    objective: str  # RegionObjective.code
    agency: str  # Agency.code
    agency_name: str
    results: tuple[IndicatorResult, ...]  # the agency's measured indicators named, plan order
    unknown: tuple[str, ...]  # indicator codes the agency's plan does not have
    given: bool  # False: the agency's plan was not among those measured
    note: str | None = None


@dataclass(frozen=True)
class RegionMeasurement:
    """A region's year: the RPJMD measured as a plan (``measurement``: IKU Pemda results, the
    sasaran (``objective``) and tujuan (``goal``) means, the region's mean (``agency`` level, over
    the IKU Pemda), predicate and category counts with the uncounted and why, changes, final
    targets), the derived IKU Pemda, the contributions, and every agency side by side."""

    year: int
    region: Region
    plan: Plan  # the RPJMD as a plan (region_plan): derivations read it
    measurement: Measurement
    derived: tuple[Derived, ...]
    agencies: tuple[AgencyFigures, ...]  # in the order of the plans given
    contributions: tuple[ContributionResult, ...]  # region order
    ceiling: Decimal | None  # over the agencies with a ceiling
    spent: Decimal | None
    absorption: Decimal | None
    budget_missing: tuple[str, ...]  # agencies without any budget data for the year

    @property
    def settings(self) -> Settings:
        return self.measurement.settings

    @property
    def indicators(self) -> tuple[IndicatorResult, ...]:
        """The IKU Pemda, RPJMD order."""
        return self.measurement.indicators

    @property
    def overall(self) -> GroupResult:
        """The region's mean over its IKU Pemda."""
        return self.measurement.group(self.plan.agency.code)

    def result(self, code: str) -> IndicatorResult:
        return self.measurement.result(code)

    def group(self, code: str) -> GroupResult:
        """A sasaran daerah's (or tujuan daerah's) mean achievement."""
        return self._groups[code]

    def derivation(self, code: str) -> Derived | None:
        return self._derived.get(code)

    def contributions_to(self, objective: str) -> tuple[ContributionResult, ...]:
        return self._contributions.get(objective, ())

    def agency(self, code: str) -> AgencyFigures:
        return self._agencies[code]

    @cached_property
    def _groups(self) -> dict[str, GroupResult]:
        found: dict[str, GroupResult] = {}
        for group in self.measurement.groups:
            if group.level in ("goal", "objective"):
                found.setdefault(group.code, group)
        return found

    @cached_property
    def _derived(self) -> dict[str, Derived]:
        return {item.indicator: item for item in self.derived}

    @cached_property
    def _contributions(self) -> dict[str, tuple[ContributionResult, ...]]:
        grouped: dict[str, list[ContributionResult]] = {}
        for item in self.contributions:
            grouped.setdefault(item.objective, []).append(item)
        return {key: tuple(value) for key, value in grouped.items()}

    @cached_property
    def _agencies(self) -> dict[str, AgencyFigures]:
        return {item.code: item for item in self.agencies}


# ---------------------------------------------------------------------- checks


@dataclass(frozen=True)
class RegionIssue:
    """Why a set of plans cannot be measured as one region, naming the plan (its index in the
    plans given) and, for a formula, the IKU Pemda. Stable codes (docs/region.md)."""

    code: str  # REGION_OTHER_REGION | REGION_DUPLICATE_AGENCY | REGION_NO_PLANS | …
    plan: int | None  # index of the plan concerned
    indicator: str | None  # IKU Pemda code, for a formula
    message_id: str
    message_en: str


def check_region(region: Region, plans: Sequence[Plan]) -> tuple[RegionIssue, ...]:
    """Every reason ``plans`` cannot be measured as ``region``: no plan, a plan of another
    region (or of another RPJMD), an agency given twice, a formula that cannot be read or that
    reads an agency or indicator not among the plans."""
    issues: list[RegionIssue] = []
    if not plans:
        return (RegionIssue("REGION_NO_PLANS", None, None, "tidak ada rencana perangkat daerah",
                            "no agency plan was given"),)
    seen: dict[str, int] = {}
    for index, plan in enumerate(plans):
        if plan.region != region:
            issues.append(RegionIssue(
                "REGION_OTHER_REGION", index, None,
                f"rencana {plan.agency.code} memuat pemda/RPJMD lain ({plan.region.name or '–'}) "
                f"daripada {region.name or '–'}",
                f"the plan of {plan.agency.code} holds another region/RPJMD "
                f"({plan.region.name or '–'}) than {region.name or '–'}"))
        first = seen.setdefault(plan.agency.code, index)
        if first != index:
            issues.append(RegionIssue(
                "REGION_DUPLICATE_AGENCY", index, None,
                f"perangkat daerah {plan.agency.code} diberikan dua kali "
                f"(rencana ke-{first + 1} dan ke-{index + 1})",
                f"agency {plan.agency.code} is given twice (plans {first + 1} and {index + 1})"))
    by_agency = {plan.agency.code: plan for plan in plans}
    for indicator in region.indicators:
        if indicator.formula is None:
            continue
        try:
            formula = parse(expand(region, indicator))
        except FormulaError as exc:
            issues.append(RegionIssue("REGION_BAD_FORMULA", None, indicator.code,
                                      f"rumus IKU Pemda tidak dapat dibaca: {exc}",
                                      f"the IKU Pemda formula cannot be read: {exc}"))
            continue
        for ref in formula.references:
            if ref.agency is None:
                issues.append(RegionIssue(
                    "REGION_UNKNOWN_SERIES", None, indicator.code,
                    f"rumus IKU Pemda memakai '{ref.series}': tulis agency(\"kode OPD\", "
                    f"\"kode indikator\")",
                    f"the IKU Pemda formula uses '{ref.series}': write agency(\"agency code\", "
                    f"\"indicator code\")"))
                continue
            owner = by_agency.get(ref.agency)
            if owner is None:
                issues.append(RegionIssue(
                    "REGION_UNKNOWN_AGENCY", None, indicator.code,
                    f"rumus IKU Pemda membaca perangkat daerah '{ref.agency}' yang rencananya "
                    f"tidak diberikan",
                    f"the IKU Pemda formula reads agency '{ref.agency}' whose plan was not given"))
            elif ref.series not in owner.indicator_by_code:
                issues.append(RegionIssue(
                    "REGION_UNKNOWN_INDICATOR", seen[ref.agency], indicator.code,
                    f"rumus IKU Pemda membaca indikator '{ref.series}' yang tidak ada pada "
                    f"rencana {ref.agency}",
                    f"the IKU Pemda formula reads indicator '{ref.series}' which the plan of "
                    f"{ref.agency} does not have"))
    return tuple(issues)


# ---------------------------------------------------------------------- the formula


def contributing(region: Region, indicator: Indicator) -> tuple[tuple[str, str], ...]:
    """The (agency, indicator) pairs the region's contributions name for an IKU Pemda's sasaran
    (for a tujuan's IKU: every sasaran of the tujuan), region order, each once."""
    if indicator.level is Level.OBJECTIVE:
        objectives = {indicator.owner}
    else:
        objectives = {o.code for o in region.objectives if o.goal == indicator.owner}
    pairs = (
        (contribution.agency, code)
        for contribution in region.contributions if contribution.objective in objectives
        for code in contribution.indicators
    )
    return tuple(dict.fromkeys(pairs))


def expand(region: Region, indicator: Indicator) -> str:
    """The IKU Pemda's formula with ``contributions`` written out as agency references (quoted
    codes are left alone). A formula without it is returned as written; one whose sasaran has
    no contributing indicator raises :class:`FormulaError`."""
    text = indicator.formula or ""
    if CONTRIBUTIONS not in text:
        return text
    pairs = contributing(region, indicator)
    written = ", ".join(f'agency("{agency}", "{code}")' for agency, code in pairs)
    found = False

    def substitute(match: re.Match[str]) -> str:
        nonlocal found
        word = match.group(0)
        if word.startswith('"'):
            return word
        found = True
        return written

    expanded = _CONTRIBUTIONS.sub(substitute, text)
    if found and not pairs:
        raise FormulaError(f"'{CONTRIBUTIONS}' in {text!r}: no contribution of the region names "
                           f"an agency indicator for {indicator.owner}")
    return expanded


# ---------------------------------------------------------------------- the region as a plan


def region_plan(region: Region, base: Plan | None = None,
                series: tuple[Series, ...] = (), year: int | None = None) -> Plan:
    """The RPJMD as a plan, so that the core measures it by the agency rules: tujuan daerah as
    goals (with their missions), sasaran daerah as objectives, the IKU Pemda as their indicators
    (formulas with ``contributions`` written out), the RPJMD period as the strategic plan, the
    region as the agency. Settings and scales are ``base``'s (the first agency plan): a region
    measures by the same settings its agencies do."""
    start = region.rpjmd_start or region.rpjmd_end or year or 0
    end = region.rpjmd_end or start
    indicators = tuple(_expanded(region, indicator) for indicator in region.indicators)
    fields = {"scales": base.scales, "settings": base.settings} if base is not None else {}
    return Plan(
        region=region,
        agency=Agency(code=_REGION_CODE, name=region.name),
        strategic_plan=StrategicPlan(name=f"RPJMD {start}–{end}", start=start, end=end),
        goals=tuple(Goal(g.code, g.name, g.mission) for g in region.goals),
        objectives=tuple(Objective(o.code, o.name, o.goal) for o in region.objectives),
        indicators=indicators,
        series=series,
        **fields,  # type: ignore[arg-type]
    )


def _expanded(region: Region, indicator: Indicator) -> Indicator:
    """An IKU Pemda with its formula written out; one whose formula cannot be read is measured
    as having no realisation (``no_actual``), never from values beside a broken formula —
    :func:`check_region` and the plan checks name the formula."""
    if not indicator.formula:
        return indicator
    try:
        text = expand(region, indicator)
        parse(text)
    except FormulaError:
        return replace(indicator, formula=None, actuals=())
    return replace(indicator, formula=text)


_REGION_CODE = "pemda"  # the code of the region's own group (its mean over the IKU Pemda)


# ---------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class SpendingTotal:
    """The agencies' agency-level budget lines added up: the ceilings of those with one, the
    spending of those with one, the absorption of the two by the core's rule."""

    ceiling: Decimal | None
    spent: Decimal | None
    absorption: Decimal | None
    counted: int  # agencies with a ceiling or a spending


def spending_total(lines: Sequence[tuple[Decimal | None, Decimal | None]],
                   settings: Settings) -> SpendingTotal:
    """The region's total of ``lines`` (each agency's (ceiling, spent)); the one rule the LKjIP
    Pemda and the region page print."""
    counted = [(c, s) for c, s in lines if c is not None or s is not None]
    ceilings = [c for c, _ in counted if c is not None]
    spents = [s for _, s in counted if s is not None]
    ceiling = sum(ceilings, Decimal(0)) if ceilings else None
    spent = sum(spents, Decimal(0)) if spents else None
    return SpendingTotal(ceiling, spent, absorption(spent, ceiling, settings), len(counted))


def measure_region(region: Region, plans: Sequence[Plan], year: int,
                   measurements: Sequence[Measurement] | None = None) -> RegionMeasurement:
    """The region's year, measured (see the module's note). ``plans`` are the agencies' plans of
    this region, each agency once (:func:`check_region` says why not, and callers refuse such
    plans before measuring); settings and scales are the first plan's. ``measurements``: the
    plans' measurements of ``year`` when the caller has them already (the web app keeps them),
    else each plan is measured here."""
    if not plans:
        raise ValueError("a region is measured with at least one agency plan (REGION_NO_PLANS)")
    if measurements is None:
        measurements = [measure(plan, year) for plan in plans]
    elif len(measurements) != len(plans) or any(m.year != year for m in measurements):
        raise ValueError("one measurement of the year per plan")
    by_agency = {plan.agency.code: (plan, m) for plan, m in zip(plans, measurements, strict=True)}
    bare = region_plan(region, plans[0], year=year)
    series, derived = _agency_series(bare, by_agency, year)
    rplan = replace(bare, series=series)
    rm = measure(rplan, year)
    agencies = tuple(_figures(plan, m) for plan, m in zip(plans, measurements, strict=True))
    total = spending_total([(a.ceiling, a.spent) for a in agencies], rm.settings)
    return RegionMeasurement(
        year=year, region=region, plan=rplan, measurement=rm, derived=derived,
        agencies=agencies,
        contributions=tuple(_contribution(c, by_agency) for c in region.contributions),
        ceiling=total.ceiling, spent=total.spent, absorption=total.absorption,
        budget_missing=tuple(a.code for a in agencies if a.ceiling is None and a.spent is None),
    )


def _agency_series(rplan: Plan, by_agency: dict[str, tuple[Plan, Measurement]], year: int,
                   ) -> tuple[tuple[Series, ...], tuple[Derived, ...]]:
    """The agency realisations the IKU Pemda formulas read, as series ``agency:indicator`` by
    year (every RPJMD year up to the measured one, and the year before it, so that changes and
    earlier years (:func:`region_history`) are derived too), each an agency's own measured
    realisation; and, per derived IKU, the inputs of the measured year."""
    years = range(min(rplan.strategic_plan.start, year - 1), year + 1)
    values: dict[tuple[str, str], dict[int, Decimal | None]] = {}
    derived: list[Derived] = []
    for indicator in rplan.indicators:
        if not indicator.formula:
            continue
        try:
            formula = parse(indicator.formula)
        except FormulaError:
            continue  # measured as no derived value; check_region reports it
        inputs = []
        for ref in formula.references:
            if ref.agency is None:
                continue
            known = values.setdefault((ref.agency, ref.series), {})
            for at in (y + ref.offset for y in years):
                if at not in known:
                    known[at] = _agency_actual(by_agency.get(ref.agency), ref.series, at, year)
            inputs.append(AgencyInput(ref.agency, ref.series, year + ref.offset,
                                      known[year + ref.offset]))
        derived.append(Derived(indicator.code, indicator.formula, tuple(inputs)))
    series = tuple(
        Series(f"{agency}:{code}", _input_name(by_agency.get(agency), agency, code),
               values=tuple(sorted((y, v) for y, v in by_year.items() if v is not None)))
        for (agency, code), by_year in values.items())
    return series, tuple(derived)


def _input_name(found: tuple[Plan, Measurement] | None, agency: str, code: str) -> str:
    """An agency indicator read by a formula, in words: "DSPPPA: Persentase PMKS …"."""
    if found is None:
        return f"{agency}: {code}"
    plan = found[0]
    indicator = plan.indicator_by_code.get(code)
    return f"{plan.agency.short_name or plan.agency.code}: {indicator.name if indicator else code}"


def _agency_actual(found: tuple[Plan, Measurement] | None, code: str, at: int,
                   year: int) -> Decimal | None:
    """An agency indicator's realisation in a year as the agency's measurement finds it."""
    if found is None:
        return None
    plan, m = found
    indicator = plan.indicator_by_code.get(code)
    if indicator is None:
        return None
    if at == year:
        return m.result(code).actual
    settings = plan.settings
    return measure_indicator(plan, indicator, at, settings,
                             plan.scale_by_code[settings.predicate_scale],
                             plan.scale_by_code[settings.category_scale]).actual


def _figures(plan: Plan, m: Measurement) -> AgencyFigures:
    group = m.group(plan.agency.code)
    line = next((b for b in reversed(m.budget) if b.level == "agency"), None)
    return AgencyFigures(
        code=plan.agency.code, name=plan.agency.name, short_name=plan.agency.short_name,
        group=group,
        ceiling=line.ceiling if line is not None else None,
        spent=line.spent if line is not None else None,
        absorption=line.absorption if line is not None else None,
        budget_missing=line.missing if line is not None else (),
        measurement=m)


def _contribution(contribution: Contribution,
                  by_agency: dict[str, tuple[Plan, Measurement]]) -> ContributionResult:
    found = by_agency.get(contribution.agency)
    if found is None:
        return ContributionResult(contribution.objective, contribution.agency,
                                  contribution.agency, (), (), False, contribution.note)
    plan, m = found
    results = tuple(m.result(code) for code in contribution.indicators
                    if code in plan.indicator_by_code)
    unknown = tuple(code for code in contribution.indicators if code not in plan.indicator_by_code)
    return ContributionResult(contribution.objective, contribution.agency,
                              plan.agency.short_name or plan.agency.name, results, unknown, True,
                              contribution.note)


def region_history(rm: RegionMeasurement) -> dict[int, Measurement]:
    """The region measured for every RPJMD year from its first up to the measured one (the
    measured year is ``rm.measurement``), by the same rules: for trends and the comparisons of
    the LKjIP Pemda. Derived IKU Pemda read their agencies' realisations of those years."""
    first = min(rm.plan.strategic_plan.start, rm.year)
    history = {y: measure(rm.plan, y) for y in range(first, rm.year)}
    history[rm.year] = rm.measurement
    return history
