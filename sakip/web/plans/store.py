"""The core plan into rows: ``store_plan(plan, region=…)`` creates an agency with everything in
it, ``store_plan(plan, agency=…)`` replaces an agency's content (a workbook import). Bulk
inserts, one transaction; reading it back with ``plan_from_db`` gives an equal plan.
"""

from __future__ import annotations

from django.db import transaction

from sakip.core import model
from sakip.web.plans import models as m
from sakip.web.plans.models.indicators import ANNUAL


def _party(prefix: str, party: model.Official | None) -> dict[str, str | None]:
    return {f"{prefix}_name": party.name if party else None,
            f"{prefix}_title": party.title if party else None,
            f"{prefix}_rank": party.rank if party else None,
            f"{prefix}_nip": party.nip if party else None}


def create_region(region: model.Region) -> m.Region:
    row = m.Region.objects.create(
        name=region.name, kind=region.kind.value, head_title=region.head_title,
        head_name=region.head_name, rpjmd_start=region.rpjmd_start, rpjmd_end=region.rpjmd_end,
        vision=region.vision)
    add_missions(row, region)
    return row


def add_missions(row: m.Region, region: model.Region) -> None:
    known = set(row.missions.values_list("code", flat=True))
    start = row.missions.count()
    m.Mission.objects.bulk_create(
        m.Mission(region=row, code=x.code, text=x.text, position=start + i)
        for i, x in enumerate(x for x in region.missions if x.code not in known))


def add_scales(row: m.Region, scales: tuple[model.Scale, ...]) -> None:
    """Scales the region does not have yet (by code); the region's own are kept as they are."""
    known = set(row.scales.values_list("code", flat=True))
    start = row.scales.count()
    for i, scale in enumerate(s for s in scales if s.code not in known):
        created = m.Scale.objects.create(region=row, code=scale.code, name=scale.name,
                                         kind=scale.kind.value, closed=scale.closed.value,
                                         source=scale.source, position=start + i)
        m.Band.objects.bulk_create(
            m.Band(scale=created, label=b.label, label_en=b.label_en, lower=b.lower, upper=b.upper,
                   exactly=b.exactly, color=b.color, position=j)
            for j, b in enumerate(scale.bands))


def _agency_fields(agency: model.Agency) -> dict[str, object]:
    head = agency.head
    return dict(
        code=agency.code, name=agency.name, short_name=agency.short_name, address=agency.address,
        phone=agency.phone, legal_basis_of_organisation=agency.legal_basis_of_organisation,
        position_text=agency.position, task=agency.task, functions=list(agency.functions),
        head_name=head.name if head else None, head_title=head.title if head else None,
        head_rank=head.rank if head else None, head_nip=head.nip if head else None)


def _settings_fields(plan: model.Plan) -> dict[str, object]:
    sp, s = plan.strategic_plan, plan.settings
    return dict(name=sp.name, start=sp.start, end=sp.end, baseline_year=sp.baseline_year,
                rounding=s.rounding.value, achievement_places=s.achievement_places,
                negative_formula=s.negative_formula.value, cap=s.cap,
                absorption_threshold=s.absorption_threshold, predicate_scale=s.predicate_scale,
                category_scale=s.category_scale)


def clear_agency(agency: m.Agency) -> None:
    """Delete an agency's plan content (not the agency, its accounts or its workflow)."""
    m.AgreementItem.objects.filter(version__agency=agency).delete()
    agency.agreements.all().delete()
    m.Budget.objects.filter(activity__agency=agency).delete()
    m.Activity.objects.filter(agency=agency, parent__isnull=False).delete()
    for related in ("activities", "programs", "objectives", "goals", "strategies", "indicators",
                    "series", "spending", "tables", "narratives", "units"):
        getattr(agency, related).all().delete()


@transaction.atomic
def store_plan(plan: model.Plan, region: m.Region | None = None, agency: m.Agency | None = None,
               demo: bool = False) -> m.Agency:
    """Store ``plan``: a new agency in ``region`` (created from the plan when None), or, given
    ``agency``, replace that agency's content."""
    if agency is not None:
        region = agency.region
        clear_agency(agency)
        for key, value in _agency_fields(plan.agency).items():
            setattr(agency, key, value)
        agency.save()
        m.StrategicPlan.objects.update_or_create(agency=agency, defaults=_settings_fields(plan))
    else:
        region = region or create_region(plan.region)
        agency = m.Agency.objects.create(region=region, demo=demo, **_agency_fields(plan.agency))
        m.StrategicPlan.objects.create(agency=agency, **_settings_fields(plan))
    add_missions(region, plan.region)
    add_scales(region, plan.scales)
    sp = agency.strategic_plan
    sp.revisions.all().delete()
    m.Revision.objects.bulk_create(
        m.Revision(plan=sp, date=r.date, subject=r.subject, reference=r.reference, note=r.note,
                   position=i) for i, r in enumerate(plan.strategic_plan.revisions))
    m.Unit.objects.bulk_create(
        m.Unit(agency=agency, code=u.code, name=u.name, task=u.task, functions=list(u.functions),
               position=i) for i, u in enumerate(plan.agency.units))
    _structure(plan, agency)
    indicators = _indicators(plan, agency)
    _money(plan, agency)
    _documents(plan, agency, indicators)
    return agency


def _structure(plan: model.Plan, agency: m.Agency) -> None:
    goals = {g.code: g for g in m.Goal.objects.bulk_create(
        m.Goal(agency=agency, code=g.code, name=g.name, mission=g.mission, position=i)
        for i, g in enumerate(plan.goals))}
    objectives = {o.code: o for o in m.Objective.objects.bulk_create(
        m.Objective(agency=agency, goal=goals[o.goal], code=o.code, name=o.name, position=i)
        for i, o in enumerate(plan.objectives))}
    m.Strategy.objects.bulk_create(
        m.Strategy(agency=agency, code=s.code, text=s.text, objectives=list(s.objectives),
                   policies=list(s.policies), position=i) for i, s in enumerate(plan.strategies))
    programs = {p.code: p for p in m.Program.objects.bulk_create(
        m.Program(agency=agency, objective=objectives.get(p.objective) if p.objective else None,
                  code=p.code, name=p.name, unit=p.unit, position=i)
        for i, p in enumerate(plan.programs))}
    activities = {a.code: a for a in m.Activity.objects.bulk_create(
        m.Activity(agency=agency, program=programs[a.program], code=a.code, name=a.name,
                   output=a.output, outcome=a.outcome, unit=a.unit, position=i)
        for i, a in enumerate(plan.activities))}
    children = []
    for a in plan.activities:
        if a.parent is not None:
            row = activities[a.code]
            row.parent = activities[a.parent]
            children.append(row)
    m.Activity.objects.bulk_update(children, ["parent"])


def _indicators(plan: model.Plan, agency: m.Agency) -> dict[str, m.Indicator]:
    rows = {i.code: i for i in m.Indicator.objects.bulk_create(
        m.Indicator(
            agency=agency, code=i.code, name=i.name, level=i.level.value, owner=i.owner,
            unit=i.unit, precision=i.precision, polarity=i.polarity.value,
            negative_formula=i.negative_formula.value if i.negative_formula else None,
            aggregation=i.aggregation.value, formula=i.formula, definition=i.definition,
            data_source=i.data_source, key=i.key, kind=i.kind.value if i.kind else None,
            levels=list(i.levels),
            baseline_year=i.baseline.year if i.baseline else None,
            baseline_value=i.baseline.value if i.baseline else None,
            baseline_text=i.baseline.text if i.baseline else None, position=n)
        for n, i in enumerate(plan.indicators))}
    m.Target.objects.bulk_create(
        m.Target(indicator=rows[i.code], year=t.year, value=t.value, text=t.text, upper=t.upper,
                 position=n)
        for i in plan.indicators for n, t in enumerate(i.targets))
    m.Actual.objects.bulk_create(
        m.Actual(indicator=rows[i.code], year=a.year,
                 period=a.quarter if a.quarter is not None else ANNUAL, value=a.value,
                 text=a.text, status=a.status.value, reason=a.reason, expected=a.expected,
                 note=a.note, position=n)
        for i in plan.indicators for n, a in enumerate(i.actuals))
    series = {s.code: s for s in m.Series.objects.bulk_create(
        m.Series(agency=agency, code=s.code, name=s.name, unit=s.unit, source=s.source, position=n)
        for n, s in enumerate(plan.series))}
    m.SeriesValue.objects.bulk_create(
        m.SeriesValue(series=series[s.code], year=year, value=value)
        for s in plan.series for year, value in s.values)
    return rows


def _money(plan: model.Plan, agency: m.Agency) -> None:
    activities = {a.code: a for a in agency.activities.all()}
    m.Budget.objects.bulk_create(
        m.Budget(activity=activities[b.activity], year=b.year, ceiling=b.ceiling,
                 ceiling_original=b.ceiling_original, spent=b.spent, physical=b.physical,
                 source_of_funds=b.source_of_funds, explanation=b.explanation, position=n)
        for n, b in enumerate(plan.budgets))
    m.SpendingLine.objects.bulk_create(
        m.SpendingLine(agency=agency, year=s.year, kind=s.kind.value, label=s.label,
                       ceiling=s.ceiling, spent=s.spent, ceiling_original=s.ceiling_original,
                       position=n)
        for n, s in enumerate(plan.spending))


def _documents(plan: model.Plan, agency: m.Agency, indicators: dict[str, m.Indicator]) -> None:
    for n, version in enumerate(plan.agreements):
        row = m.AgreementVersion.objects.create(
            agency=agency, year=version.year, number=version.number, kind=version.kind.value,
            signed=version.signed, reason=version.reason, position=n,
            **_party("first", version.first_party), **_party("second", version.second_party))
        m.AgreementItem.objects.bulk_create(
            m.AgreementItem(version=row, indicator=indicators[item.indicator], target=item.target,
                            target_text=item.target_text, position=k)
            for k, item in enumerate(version.items))
    for n, table in enumerate(plan.tables):
        row = m.SupportingTable.objects.create(
            agency=agency, code=table.code, title=table.title, columns=list(table.columns),
            year=table.year, subject=table.subject, source=table.source, note=table.note,
            position=n)
        m.SupportingCell.objects.bulk_create(cells(row, table.rows))
    m.Narrative.objects.bulk_create(
        m.Narrative(agency=agency, kind=x.kind.value, text=x.text, subject=x.subject, year=x.year,
                    items=list(x.items), position=n) for n, x in enumerate(plan.narratives))


def cells(table: m.SupportingTable, rows: tuple[tuple[model.Cell, ...], ...]) -> list[m.SupportingCell]:
    result = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str):
                result.append(m.SupportingCell(table=table, row=r, column=c, text=value))
            else:
                result.append(m.SupportingCell(table=table, row=r, column=c, number=value))
    return result
