"""Rows to the core plan: ``plan_from_db(agency)`` gives the :class:`~sakip.core.model.Plan`
that every figure, report and review of the web application is computed from.

A new agency is written by :func:`sakip.web.plans.store.store_plan` (re-exported here); every
change after that by the write path, :mod:`sakip.web.plans.write`. The ``*_of`` functions turn
one row (saved or not: the structure editor's forms) into its record.
Queries are one per table (prefetching), whatever the size of the plan.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import replace
from decimal import Decimal

from sakip.core import enums, model
from sakip.core.numbers import RoundingMode
from sakip.web.plans import models as m
from sakip.web.plans.decimals import tidy
from sakip.web.plans.store import store_plan

__all__ = ["official", "plan_from_db", "region_scales", "store_plan"]


def official(name: str | None, title: str | None, rank: str | None,
             nip: str | None) -> model.Official | None:
    if name is None and title is None and rank is None and nip is None:
        return None
    return model.Official(name, title, rank, nip)


def region_of(region: m.Region) -> model.Region:
    return model.Region(
        name=region.name, kind=enums.RegionKind(region.kind), head_title=region.head_title,
        head_name=region.head_name, rpjmd_start=region.rpjmd_start, rpjmd_end=region.rpjmd_end,
        vision=region.vision,
        missions=tuple(model.Mission(x.code, x.text) for x in region.missions.all()))


def region_scales(region: m.Region) -> tuple[model.Scale, ...]:
    scales = []
    for scale in region.scales.prefetch_related("bands"):
        bands = tuple(
            model.Band(label=b.label, lower=tidy(b.lower), upper=tidy(b.upper),
                       exactly=tidy(b.exactly), label_en=b.label_en, color=b.color)
            for b in scale.bands.all())
        scales.append(model.Scale(scale.code, scale.name, enums.ScaleKind(scale.kind),
                                  enums.Closed(scale.closed), bands, scale.source))
    return tuple(scales)


def unit_of(u: m.Unit) -> model.Unit:
    return model.Unit(u.code, u.name, u.task, tuple(u.functions))


def goal_of(g: m.Goal) -> model.Goal:
    return model.Goal(g.code, g.name, g.mission)


def objective_of(o: m.Objective) -> model.Objective:
    return model.Objective(o.code, o.name, o.goal.code)


def strategy_of(s: m.Strategy) -> model.Strategy:
    return model.Strategy(s.code, s.text, tuple(s.objectives), tuple(s.policies))


def program_of(p: m.Program) -> model.Program:
    return model.Program(p.code, p.name, p.objective.code if p.objective else None, p.unit)


def activity_of(a: m.Activity) -> model.Activity:
    return model.Activity(a.code, a.name, a.program.code, a.parent.code if a.parent else None,
                          a.output, a.outcome, a.unit)


def series_of(s: m.Series, values: tuple[tuple[int, Decimal], ...] = ()) -> model.Series:
    return model.Series(s.code, s.name, s.unit, values, s.source)


def indicator_of(i: m.Indicator, targets: tuple[model.Target, ...] = (),
                 actuals: tuple[model.Actual, ...] = ()) -> model.Indicator:
    baseline = (model.Baseline(i.baseline_year, tidy(i.baseline_value), i.baseline_text)
                if i.baseline_year is not None else None)
    return model.Indicator(
        code=i.code, name=i.name, level=enums.Level(i.level), owner=i.owner, unit=i.unit,
        precision=i.precision, polarity=enums.Polarity(i.polarity),
        negative_formula=enums.NegativeFormula(i.negative_formula) if i.negative_formula else None,
        aggregation=enums.Aggregation(i.aggregation), formula=i.formula,
        definition=i.definition, data_source=i.data_source, key=i.key,
        kind=enums.IndicatorKind(i.kind) if i.kind else None, levels=tuple(i.levels),
        baseline=baseline, targets=targets, actuals=actuals)


def agency_of(agency: m.Agency, units: tuple[model.Unit, ...] = ()) -> model.Agency:
    return model.Agency(
        code=agency.code, name=agency.name, short_name=agency.short_name, address=agency.address,
        phone=agency.phone, legal_basis_of_organisation=agency.legal_basis_of_organisation,
        position=agency.position_text, task=agency.task, functions=tuple(agency.functions),
        head=official(agency.head_name, agency.head_title, agency.head_rank, agency.head_nip),
        units=units)


def _agency(agency: m.Agency) -> model.Agency:
    return agency_of(agency, tuple(unit_of(u) for u in agency.units.all()))


def strategic_plan_of(sp: m.StrategicPlan) -> tuple[model.StrategicPlan, model.Settings]:
    revisions = tuple(model.Revision(r.date, r.subject, r.reference, r.note)
                      for r in sp.revisions.all())
    settings = model.Settings(
        rounding=RoundingMode(sp.rounding), achievement_places=sp.achievement_places,
        negative_formula=enums.NegativeFormula(sp.negative_formula), cap=tidy(sp.cap),
        absorption_threshold=tidy(sp.absorption_threshold) or Decimal(0),  # the column is NOT NULL
        predicate_scale=sp.predicate_scale, category_scale=sp.category_scale)
    return model.StrategicPlan(sp.name, sp.start, sp.end, sp.baseline_year, revisions), settings


def _indicators(agency: m.Agency) -> tuple[model.Indicator, ...]:
    targets: dict[int, list[model.Target]] = defaultdict(list)
    for t in m.Target.objects.filter(indicator__agency=agency).order_by("indicator", "position", "id"):
        targets[t.indicator_id].append(model.Target(t.year, tidy(t.value), t.text, tidy(t.upper)))
    actuals: dict[int, list[model.Actual]] = defaultdict(list)
    for a in m.Actual.objects.filter(indicator__agency=agency).order_by("indicator", "position", "id"):
        actuals[a.indicator_id].append(model.Actual(
            year=a.year, value=tidy(a.value), quarter=a.quarter, text=a.text,
            status=enums.ActualStatus(a.status), reason=a.reason, expected=a.expected,
            note=a.note))
    return tuple(indicator_of(i, tuple(targets[i.pk]), tuple(actuals[i.pk]))
                 for i in agency.indicators.all())


def _series(agency: m.Agency) -> tuple[model.Series, ...]:
    values: dict[int, list[tuple[int, object]]] = defaultdict(list)
    for v in m.SeriesValue.objects.filter(series__agency=agency).order_by("series", "year"):
        values[v.series_id].append((v.year, tidy(v.value)))
    return tuple(series_of(s, tuple(values[s.pk])) for s in agency.series.all())  # type: ignore[arg-type]


def _budgets(agency: m.Agency) -> tuple[model.Budget, ...]:
    rows = m.Budget.objects.filter(activity__agency=agency).select_related("activity")
    return tuple(model.Budget(
        activity=b.activity.code, year=b.year, ceiling=tidy(b.ceiling),
        ceiling_original=tidy(b.ceiling_original), spent=tidy(b.spent), physical=tidy(b.physical),
        source_of_funds=b.source_of_funds, explanation=b.explanation)
        for b in rows.order_by("position", "id"))


def _agreements(agency: m.Agency) -> tuple[model.AgreementVersion, ...]:
    items: dict[int, list[model.AgreementItem]] = defaultdict(list)
    for item in (m.AgreementItem.objects.filter(version__agency=agency)
                 .select_related("indicator").order_by("version", "position", "id")):
        items[item.version_id].append(model.AgreementItem(
            item.indicator.code, tidy(item.target), item.target_text))
    return tuple(model.AgreementVersion(
        year=v.year, number=v.number, kind=enums.AgreementKind(v.kind), signed=v.signed,
        reason=v.reason,
        first_party=official(v.first_name, v.first_title, v.first_rank, v.first_nip),
        second_party=official(v.second_name, v.second_title, v.second_rank, v.second_nip),
        items=tuple(items[v.pk])) for v in agency.agreements.all())


def table_rows(table: m.SupportingTable) -> tuple[tuple[model.Cell, ...], ...]:
    width = len(table.columns)
    grid: dict[int, list[model.Cell]] = {}
    for cell in table.cells.all():
        row = grid.setdefault(cell.row, [None] * width)
        if cell.column < width:
            row[cell.column] = tidy(cell.number) if cell.number is not None else cell.text
    return tuple(tuple(grid[index]) for index in sorted(grid))


def _tables(agency: m.Agency) -> tuple[model.SupportingTable, ...]:
    return tuple(model.SupportingTable(
        code=t.code, title=t.title, columns=tuple(t.columns), rows=table_rows(t), year=t.year,
        subject=t.subject, source=t.source, note=t.note)
        for t in agency.tables.prefetch_related("cells"))


_CACHE: OrderedDict[int, tuple[str, model.Plan]] = OrderedDict()
_CACHE_SIZE = 64  # agencies whose plan is kept in this process


def plan_from_db(agency: m.Agency) -> model.Plan:
    """The agency's current plan as the core model, ready for :func:`sakip.core.measure.measure`.

    The agency's own records are read once per revision of the plan and kept (every write goes
    through :mod:`sakip.web.plans.write`, which gives the agency a new ``stamp``); the region's
    missions and scales, which the region admin edits, are read each time.
    """
    row = m.Agency.objects.select_related("region").get(pk=agency.pk)
    cached = _CACHE.get(row.pk)
    if cached is not None and row.stamp and cached[0] == row.stamp:
        _CACHE.move_to_end(row.pk)
        plan = cached[1]
    else:
        plan = read_plan(row)
        remember(row, plan)
    return replace(plan, region=region_of(row.region), scales=region_scales(row.region))


def remember(agency: m.Agency, plan: model.Plan) -> None:
    """Keep ``plan`` as what the agency's rows hold at its current stamp."""
    if not agency.stamp:
        return
    _CACHE[agency.pk] = (agency.stamp, plan)
    _CACHE.move_to_end(agency.pk)
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)


def read_plan(agency: m.Agency) -> model.Plan:
    """The agency's whole plan read from its rows (no cache)."""
    agency = (m.Agency.objects.select_related("region", "strategic_plan")
              .prefetch_related("units", "strategic_plan__revisions", "region__missions")
              .get(pk=agency.pk))
    strategic_plan, settings = strategic_plan_of(agency.strategic_plan)
    plan = model.Plan(
        region=region_of(agency.region),
        agency=_agency(agency),
        strategic_plan=strategic_plan,
        goals=tuple(goal_of(g) for g in agency.goals.all()),
        objectives=tuple(objective_of(o) for o in agency.objectives.select_related("goal")),
        strategies=tuple(strategy_of(s) for s in agency.strategies.all()),
        programs=tuple(program_of(p) for p in agency.programs.select_related("objective")),
        activities=tuple(activity_of(a)
                         for a in agency.activities.select_related("program", "parent")),
        indicators=_indicators(agency),
        series=_series(agency),
        budgets=_budgets(agency),
        spending=tuple(model.SpendingLine(s.year, enums.SpendingKind(s.kind), s.label,
                                          tidy(s.ceiling), tidy(s.spent), tidy(s.ceiling_original))
                       for s in agency.spending.all()),
        agreements=_agreements(agency),
        tables=_tables(agency),
        narratives=tuple(model.Narrative(enums.NarrativeKind(n.kind), n.text, n.subject, n.year,
                                         tuple(n.items)) for n in agency.narratives.all()),
        scales=region_scales(agency.region),
        settings=settings,
    )
    # Records added on the pages come last in the tables; the plan comes in the canonical order
    # the plan loader gives (Plan.canonical), so a stored plan and a loaded one compare equal.
    return plan.canonical()
