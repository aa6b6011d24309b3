"""Kerangka logis: whether the plan's cascade holds together, as the SAKIP evaluation asks —
every level present and measured, every indicator defined, money serving an indicator, targets
heading for the end of the Renstra, and the agency's share in the region's crosscutting
sasaran daerah recorded and reported.

The cascade checks of :mod:`sakip.review.plan.structure` (a goal or objective without an
indicator, an objective without a programme, a programme without an objective) are part of the
same framework and are not repeated here; :data:`LOGIC_CHECKS` runs both for the web's page.
An activity under a programme linked to no objective is not reported again: the programme's
``PLAN_PROGRAM_OBJECTIVE`` is where the cascade breaks, and linking it mends its activities too.

:func:`region_crosscutting` is the region's check across agencies (the web's region page): every
contribution of every agency, whether that agency's plan has its indicators with a realisation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from itertools import pairwise

from sakip.core.definitions import SheetField
from sakip.core.definitions import missing as missing_fields
from sakip.core.enums import Aggregation, Level, Polarity
from sakip.core.measure import IndicatorResult, Measurement, measure
from sakip.core.model import Contribution, Indicator, Plan, Region
from sakip.review.findings import Finding, Location, Severity, ordered
from sakip.review.plan import structure
from sakip.review.plan.context import PlanReview, indicator_at, record, rupiah, show

STRATEGIC = (Level.GOAL, Level.OBJECTIVE)


def levels(review: PlanReview) -> list[Finding]:
    """PLAN_GOAL_OBJECTIVE: a goal without an objective; PLAN_PROGRAM_ACTIVITY: a programme
    without an activity; PLAN_PROGRAM_INDICATOR: a programme without an indicator — a level of
    the cascade skipped."""
    plan = review.plan
    found = []
    for goal in plan.goals:
        if not plan.objectives_of(goal.code):
            found.append(Finding(
                "PLAN_GOAL_OBJECTIVE", Severity.WARNING, record("tujuan", goal.code, goal.name),
                "Tujuan ini tidak memiliki sasaran: jenjang sasaran dalam kerangka logis "
                "terlewati.",
                "This goal has no objective: the objective level of the cascade is skipped.",
                expected="≥ 1 sasaran", found="0"))
    with_activities = {activity.program for activity in plan.activities}
    for program in plan.programs:
        where = record("program", program.code, program.name)
        if program.code not in with_activities:
            found.append(Finding(
                "PLAN_PROGRAM_ACTIVITY", Severity.WARNING, where,
                "Program ini tidak memiliki kegiatan: tidak ada yang melaksanakannya dalam "
                "kerangka logis.",
                "This programme has no activity: nothing carries it out in the cascade.",
                expected="≥ 1 kegiatan", found="0"))
        if not plan.indicators_of(program.code, Level.PROGRAM):
            found.append(Finding(
                "PLAN_PROGRAM_INDICATOR", Severity.WARNING, where,
                "Program ini tidak memiliki indikator kinerja program (outcome): jenjang program "
                "tidak terukur.",
                "This programme has no programme indicator: its level is not measured.",
                expected="≥ 1 indikator", found="0"))
    return found


def budget_indicators(review: PlanReview) -> list[Finding]:
    """PLAN_BUDGET_INDICATOR: an activity with a ceiling in the year that no indicator
    measures — neither its own nor one of its sub-activities'."""
    plan = review.plan
    children: dict[str, list[str]] = {}
    for row in plan.activities:
        if row.parent is not None:
            children.setdefault(row.parent, []).append(row.code)

    def measured(code: str, seen: frozenset[str] = frozenset()) -> bool:
        if plan.indicators_of(code, Level.ACTIVITY):
            return True
        return any(measured(child, seen | {code}) for child in children.get(code, ())
                   if child not in seen)

    found = []
    for budget in plan.budgets_of(review.year):
        activity = plan.activity_by_code.get(budget.activity)
        if activity is None or budget.ceiling is None or budget.ceiling <= 0 \
                or measured(activity.code):
            continue
        found.append(Finding(
            "PLAN_BUDGET_INDICATOR", Severity.WARNING,
            record("kegiatan", activity.code, activity.name),
            f"Kegiatan ini berpagu {review.year} ({rupiah(budget.ceiling)}) tetapi tidak "
            "memiliki indikator kinerja kegiatan (juga tidak pada sub kegiatannya): anggarannya "
            "tidak melayani indikator apa pun.",
            f"This activity has a {review.year} ceiling but no activity indicator (nor do its "
            "sub-activities): its budget serves no indicator.",
            expected="≥ 1 indikator kegiatan", found="0"))
    return found


def definitions(review: PlanReview) -> list[Finding]:
    """PLAN_INDICATOR_DEFINITION: an indicator whose definition sheet lacks its definition, how
    it is computed (neither ``formula`` nor ``calculation``) or its data source
    (:func:`sakip.core.definitions.missing`) — one finding per indicator naming what is
    missing; a warning for key, goal and objective indicators, a note for the others."""
    key = set(review.measurement.key)
    found = []
    for indicator in review.plan.indicators:
        missing = _undefined(indicator)
        if not missing:
            continue
        strategic = indicator.key or indicator.code in key or indicator.level in STRATEGIC
        listed_id = ", ".join(word_id for word_id, _ in missing)
        listed_en = ", ".join(word_en for _, word_en in missing)
        found.append(Finding(
            "PLAN_INDICATOR_DEFINITION", Severity.WARNING if strategic else Severity.INFO,
            indicator_at(indicator),
            f"Manual indikator belum lengkap: tanpa {listed_id}.",
            f"The indicator's definition sheet is incomplete: no {listed_en}.",
            expected="definisi, cara perhitungan, sumber data", found=f"tanpa {listed_id}"))
    return found


# The fields of the definition sheet (sakip.core.definitions) the kerangka logis asks for, as
# the finding names them: what the indicator means, how it is computed, where its data come from.
REQUIRED: tuple[tuple[SheetField, str, str], ...] = (
    (SheetField.DEFINITION, "definisi", "definition"),
    (SheetField.CALCULATION, "cara perhitungan (rumus)", "way of computing it (formula)"),
    (SheetField.DATA_SOURCE, "sumber data", "data source"),
)


def _undefined(indicator: Indicator) -> list[tuple[str, str]]:
    lacking = set(missing_fields(indicator))
    return [(word_id, word_en) for field, word_id, word_en in REQUIRED if field in lacking]


def target_paths(review: PlanReview) -> list[Finding]:
    """PLAN_TARGET_PATH: yearly Renstra targets that move away from the end-of-Renstra target —
    for a positive indicator a year's target below the year before while the final target is
    higher, or a target beyond the final one before the last year (mirrored for a negative
    indicator)."""
    years = review.plan.strategic_plan.years
    found = []
    for indicator in review.plan.indicators:
        path = _path(indicator, years)
        steps = _away(indicator, path) if path else []
        if not steps:
            continue
        final = _figure(indicator, path[-1][1])
        found.append(Finding(
            "PLAN_TARGET_PATH", Severity.WARNING, indicator_at(indicator),
            f"Target tahunan menjauhi target akhir Renstra {years[-1]} ({final}): "
            + "; ".join(text_id for text_id, _, _ in steps) + ".",
            f"Yearly targets move away from the {years[-1]} end-of-Renstra target ({final}): "
            + "; ".join(text_en for _, text_en, _ in steps) + ".",
            expected=f"target menuju {final} ({years[-1]})",
            found="; ".join(brief for _, _, brief in steps)))
    return found


def _path(indicator: Indicator, years: tuple[int, ...]) -> list[tuple[int, Decimal]]:
    """The indicator's numeric yearly targets over the Renstra years, ending with the final
    year's; empty when the path has no direction to check: no final target, a band, a
    stabilise indicator, or yearly shares of a five-year total (``over_years: sum``)."""
    if indicator.polarity is Polarity.STABILISE or indicator.over_years is Aggregation.SUM:
        return []
    path = []
    for year in years:
        target = indicator.target(year)
        if target is not None and target.value is not None and target.upper is None:
            path.append((year, target.value))
    return path if path and path[-1][0] == years[-1] else []


def _away(indicator: Indicator, path: list[tuple[int, Decimal]]) -> list[tuple[str, str, str]]:
    """The steps of a target path that move away from its final target, each as (Indonesian,
    English, brief)."""
    rising = indicator.polarity is Polarity.POSITIVE
    end_year, end = path[-1]
    shown_end = _figure(indicator, end)
    steps = []
    for (before, earlier), (year, later) in pairwise(path):
        back = later < earlier if rising else later > earlier
        towards_end = end > later if rising else end < later
        if back and towards_end:
            was, now = _figure(indicator, earlier), _figure(indicator, later)
            steps.append((
                f"target {year} ({now}) {'lebih rendah' if rising else 'lebih tinggi'} dari "
                f"target {before} ({was}), padahal target akhir "
                f"{'lebih tinggi' if rising else 'lebih rendah'}",
                f"the {year} target ({now}) is {'below' if rising else 'above'} the {before} "
                f"target ({was}) while the final target is {'higher' if rising else 'lower'}",
                f"{year}: {now} {'<' if rising else '>'} {before}: {was}"))
    for year, value in path[:-1]:
        if value > end if rising else value < end:
            now = _figure(indicator, value)
            steps.append((
                f"target {year} ({now}) sudah melampaui target akhir",
                f"the {year} target ({now}) is already beyond the final target",
                f"{year}: {now} {'>' if rising else '<'} {end_year}: {shown_end}"))
    return steps


def _figure(indicator: Indicator, value: Decimal) -> str:
    return show(value, indicator.target_places(value))


# --------------------------------------------------------------------------- crosscutting


def reported(result: IndicatorResult) -> bool:
    """Whether the agency reports the indicator for the year: a realisation measured (entered,
    or derived from its formula) or a qualitative one."""
    return result.actual is not None or result.actual_text is not None


def crosscutting(review: PlanReview) -> list[Finding]:
    """The agency's share in the region's crosscutting sasaran daerah:
    PLAN_CONTRIBUTION_INDICATOR: a contribution of the agency that names no indicator;
    PLAN_CONTRIBUTION_UNREPORTED: its indicators without a realisation in the year;
    PLAN_CONTRIBUTION_UNSERVED: a contribution to a sasaran daerah none of its goals and
    objectives serve; PLAN_SERVES_UNCONTRIBUTED: a sasaran daerah its goals or objectives
    serve, to which other agencies contribute, without the agency's contribution."""
    plan, region = review.plan, review.plan.region
    agency = plan.agency.code
    names = {objective.code: objective.name for objective in region.objectives}
    served = _served(plan)
    mine = [c for c in region.contributions if c.agency == agency]
    contributed = {c.objective for c in mine}
    others = {c.objective for c in region.contributions if c.agency != agency}
    found = []
    for contribution in mine:
        where = record("kontribusi", contribution.objective, names.get(contribution.objective))
        if not contribution.indicators:
            found.append(Finding(
                "PLAN_CONTRIBUTION_INDICATOR", Severity.WARNING, where,
                "Kontribusi perangkat daerah pada sasaran daerah ini tidak menyebut indikator "
                "yang mengukurnya.",
                "The agency's contribution to this region objective names no indicator "
                "measuring it.", expected="≥ 1 indikator", found="0"))
        silent = [code for code in contribution.indicators if code in plan.indicator_by_code
                  and not reported(review.measurement.result(code))]
        if silent:
            listing = ", ".join(silent)
            found.append(Finding(
                "PLAN_CONTRIBUTION_UNREPORTED", Severity.WARNING, where,
                f"Indikator kontribusi pada sasaran daerah ini tanpa realisasi {review.year}: "
                f"{listing}; kontribusi perangkat daerah tidak dilaporkan.",
                f"Contributing indicators without a {review.year} realisation: {listing}; the "
                "agency does not report its contribution.",
                expected=f"realisasi {review.year}", found=f"tanpa realisasi: {listing}",
                related=tuple(indicator_at(plan.indicator_by_code[code]) for code in silent)))
        if contribution.objective not in served:
            found.append(Finding(
                "PLAN_CONTRIBUTION_UNSERVED", Severity.WARNING, where,
                "Perangkat daerah tercatat berkontribusi pada sasaran daerah ini, tetapi tidak "
                "ada tujuan atau sasarannya yang mendukung sasaran daerah tersebut.",
                "The agency is recorded as contributing to this region objective, but none of "
                "its goals or objectives serves it.",
                expected="tujuan/sasaran yang mendukung", found="tidak ada"))
    for code, serving in served.items():
        if code in contributed or code not in others:
            continue
        listing = ", ".join(f"{kind} {record_code}" for kind, record_code in serving)
        found.append(Finding(
            "PLAN_SERVES_UNCONTRIBUTED", Severity.WARNING,
            record("sasaran daerah", code, names.get(code)),
            f"Sasaran daerah ini didukung oleh {listing} dan merupakan sasaran lintas perangkat "
            "daerah (crosscutting), tetapi kontribusi perangkat daerah ini beserta indikatornya "
            "belum dicatat.",
            f"This crosscutting region objective is served by {listing}, but this agency's "
            "contribution and its indicators are not recorded.",
            expected="kontribusi perangkat daerah", found="tidak ada",
            related=tuple(record(kind, record_code) for kind, record_code in serving)))
    return found


def _served(plan: Plan) -> dict[str, list[tuple[str, str]]]:
    """The sasaran daerah the agency serves, each with the goals and objectives that serve it
    (an objective naming none serves its goal's, and is not listed again)."""
    served: dict[str, list[tuple[str, str]]] = {}
    for goal in plan.goals:
        for code in goal.serves:
            served.setdefault(code, []).append(("tujuan", goal.code))
    for objective in plan.objectives:
        for code in objective.serves:
            served.setdefault(code, []).append(("sasaran", objective.code))
    return served


# --------------------------------------------------------------------------- the framework

Check = Callable[[PlanReview], list[Finding]]

# The kerangka logis: the cascade checks and these, in the order the plan review runs them.
LOGIC_CHECKS: tuple[Check, ...] = (structure.cascade, levels, definitions, budget_indicators,
                                   target_paths, crosscutting)


def logic_findings(plan: Plan, year: int) -> list[Finding]:
    """The plan's kerangka logis findings for ``year`` (the web's page), warnings first."""
    review = PlanReview.of(plan, year)
    return ordered(finding for check in LOGIC_CHECKS for finding in check(review))


# The kinds of record a kerangka logis finding is placed on, as its location names them.
KINDS = ("sasaran daerah", "kontribusi", "tujuan", "sasaran", "program", "kegiatan", "indikator")


def subject(finding: Finding) -> tuple[str, str] | None:
    """The record a finding is placed on, as (kind, code) — kind one of :data:`KINDS` — read
    from its location as :func:`sakip.review.plan.context.record` writes it; None elsewhere."""
    text = finding.location.record
    if not text:
        return None
    for kind in KINDS:
        if text.startswith(kind + " "):
            code = text[len(kind) + 1:].split(" (", 1)[0].strip()
            return (kind, code) if code else None
    return None


# --------------------------------------------------------------------------- the region


def region_crosscutting(region: Region, plans: Mapping[str, Plan], year: int) -> list[Finding]:
    """REGION_CONTRIBUTION_UNREPORTED: crosscutting indicators that no agency reports — for
    every contribution of the region, the agency's named indicators that its plan (``plans``:
    agency code → plan) lacks, or has without a realisation in ``year``; a contribution naming
    no indicator, or of an agency without a plan, reports nothing at all."""
    return [finding for _, finding in unreported_contributions(region, plans, year)]


def unreported_contributions(region: Region, plans: Mapping[str, Plan],
                             year: int) -> list[tuple[Contribution, Finding]]:
    """The findings of :func:`region_crosscutting`, each with its contribution, in the region's
    order."""
    names = {objective.code: objective.name for objective in region.objectives}
    measured: dict[str, Measurement] = {}
    found = []
    for contribution in region.contributions:
        plan = plans.get(contribution.agency)
        problems = _unreported(contribution, plan, year, measured)
        if not problems:
            continue
        listing_id = "; ".join(text_id for text_id, _ in problems)
        listing_en = "; ".join(text_en for _, text_en in problems)
        sd = contribution.objective
        name = names.get(sd)
        found.append((contribution, Finding(
            "REGION_CONTRIBUTION_UNREPORTED", Severity.WARNING,
            Location(record=f"kontribusi {contribution.agency} pada sasaran daerah {sd}"
                     + (f" ({name[:70]})" if name else "")),
            f"Kontribusi perangkat daerah {contribution.agency} pada sasaran daerah {sd} tidak "
            f"dilaporkan: {listing_id}.",
            f"Agency {contribution.agency}'s contribution to region objective {sd} is not "
            f"reported: {listing_en}.",
            expected=f"realisasi {year} setiap indikator kontribusi", found=listing_id)))
    return found


def _unreported(contribution: Contribution, plan: Plan | None, year: int,
                measured: dict[str, Measurement]) -> list[tuple[str, str]]:
    if plan is None:
        return [("perangkat daerah ini tidak memiliki rencana kinerja",
                 "the agency has no performance plan")]
    if not contribution.indicators:
        return [("tidak ada indikator kontribusi", "no contributing indicator")]
    if contribution.agency not in measured:
        measured[contribution.agency] = measure(plan, year)
    measurement = measured[contribution.agency]
    absent = [code for code in contribution.indicators if code not in plan.indicator_by_code]
    silent = [code for code in contribution.indicators if code in plan.indicator_by_code
              and not reported(measurement.result(code))]
    problems = []
    if absent:
        problems.append((f"tidak ada dalam rencananya: {', '.join(absent)}",
                         f"not in its plan: {', '.join(absent)}"))
    if silent:
        problems.append((f"tanpa realisasi {year}: {', '.join(silent)}",
                         f"no {year} realisation: {', '.join(silent)}"))
    return problems


def agencies_named(region: Region) -> list[str]:
    """The agency codes the region's contributions name, in order, once each: the plans
    :func:`region_crosscutting` needs."""
    return list(dict.fromkeys(c.agency for c in region.contributions))
