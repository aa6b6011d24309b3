"""The read endpoints. Each finds its agency-year behind the access rule (scope.py) and asks
the same code the pages ask: the plan of a year (its snapshot while approved), the core's
measurement, the report's renderers, the review's findings with their decisions, the audit
trail, the monitoring's windows and completeness, the core's tree, the evaluation's scores."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field as F
from ninja import Query, Router, Schema

from sakip.core.numbers import canonical
from sakip.io.measurement_json import measurement_to_dict
from sakip.io.plan_dump import dump_plan, plan_document
from sakip.web.access import Action, can
from sakip.web.api.auth import caller
from sakip.web.api.problems import ApiError, not_found
from sakip.web.api.schemas import (
    ActualOut,
    AgencyOut,
    AnswerOut,
    AuditOut,
    Document,
    EvaluationOut,
    FindingOut,
    NodeOut,
    Page,
    PeriodOut,
    RecommendationOut,
    RecordsPage,
    ScoreOut,
    StepOut,
    TargetOut,
    TreeIndicatorOut,
    TreeOut,
    WorkflowOut,
    YearOut,
)
from sakip.web.api.scope import agency_of, scope
from sakip.web.measuring import measured
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear, AuditEntry, State
from sakip.web.workflow.snapshots import plan_for

router = Router(tags=["baca / read"])
AGENCY_YEAR = "/agencies/{agency}/{year}"


class Paging(Schema):
    page: int = F(1, ge=1, le=1_000_000)
    per_page: int = F(100, ge=1, le=1000)


class AgencyFilter(Paging):
    year: int | None = F(None, ge=1900, le=2200, description="agencies whose plan covers it")
    code: str | None = F(None, max_length=60)


class IndicatorFilter(Paging):
    indicator: str | None = F(None, max_length=60, description="one indicator's code")


def _d(value: Decimal | None) -> str | None:
    return canonical(value) if value is not None else None


def _window(items: list[Any] | QuerySet, paging: Paging) -> tuple[int, list[Any]]:
    count = items.count() if isinstance(items, QuerySet) else len(items)
    start = (paging.page - 1) * paging.per_page
    return count, list(items[start:start + paging.per_page])


def _name(user: Any) -> str:
    return str(user.get_full_name() or user.get_username()) if user is not None else ""


# ---------------------------------------------------------------------------------- agencies

def _agency_out(user: Any, agency: Agency, states: dict[int, AgencyYear]) -> AgencyOut | None:
    """The agency with the years ``user`` may read; None when none."""
    reader = can(user, Action.READ, agency)
    sp = agency.strategic_plan
    years = []
    for year in sp.years:
        state = states.get(year)  # a year without a row is a draft: only readers see it
        if reader or (state is not None
                      and can(user, Action.READ_PUBLISHED, agency, year, state=state)):
            years.append(YearOut(year=year, state=state.state if state else State.DRAFT,
                                 published=bool(state and state.published)))
    if not years:
        return None
    return AgencyOut(id=agency.pk, code=agency.code, name=agency.name, region=agency.region.name,
                     start=sp.start, end=sp.end, revision=agency.revision if reader else None,
                     years=years)


@router.get("/agencies", response=Page[AgencyOut], summary="Perangkat daerah / agencies")
def agencies(request: HttpRequest, filters: Query[AgencyFilter]) -> Any:
    """The agencies the caller may read (members of the region by their role), and the agencies
    with a published year (everyone); each with the years it may read."""
    user = caller(request)
    rows = Agency.objects.select_related("region", "strategic_plan").order_by("region_id", "code")
    if filters.year is not None:
        rows = rows.filter(strategic_plan__start__lte=filters.year,
                           strategic_plan__end__gte=filters.year)
    if filters.code:
        rows = rows.filter(code=filters.code)
    states: dict[int, dict[int, AgencyYear]] = {}
    for state in AgencyYear.objects.filter(agency__in=rows):
        states.setdefault(state.agency_id, {})[state.year] = state
    found = [out for row in rows if (out := _agency_out(user, row, states.get(row.pk, {})))]
    count, items = _window(found, filters)
    return {"count": count, "page": filters.page, "per_page": filters.per_page, "items": items}


@router.get("/agencies/{agency}", response=AgencyOut, summary="Satu perangkat daerah / one agency")
def agency(request: HttpRequest, agency: int) -> Any:
    row = agency_of(request, agency, Action.READ_PUBLISHED)
    states = {s.year: s for s in AgencyYear.objects.filter(agency=row)}
    return _agency_out(caller(request), row, states)


# ------------------------------------------------------------------------- plan and records

def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return canonical(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class PlanFormat(Schema):
    format: str = F("json", pattern="^(json|yaml)$", description="json, or yaml: the plan file")


@router.get(AGENCY_YEAR + "/plan", response=Document,
            summary="Rencana (berkas rencana) / the plan file",
            openapi_extra={"responses": {200: {"content": {"application/yaml": {}}}}})
def plan(request: HttpRequest, agency: int, year: int, query: Query[PlanFormat]) -> Any:
    """The agency's plan as the year shows it (its snapshot while the year is approved): the
    plan file (docs/plan-format.md) as JSON, or as the YAML file itself (``?format=yaml``)."""
    s = scope(request, agency, year)
    found = plan_for(s.agency, year)
    if query.format == "yaml":
        response = HttpResponse(dump_plan(found), content_type="application/yaml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{s.agency.code}.yaml"'
        return response
    return _plain(plan_document(found))


@router.get(AGENCY_YEAR + "/targets", response=RecordsPage[TargetOut],
            summary="Target tahun ini / the year's targets")
def targets(request: HttpRequest, agency: int, year: int, filters: Query[IndicatorFilter]) -> Any:
    """Every target of the year: the year's, and its quarters' and months' (rencana aksi)."""
    s = scope(request, agency, year)
    found = plan_for(s.agency, year)
    rows = [TargetOut(indicator=i.code, year=t.year, quarter=t.quarter, month=t.month,
                      value=_d(t.value), upper=_d(t.upper), text=t.text, note=t.note)
            for i in found.indicators if filters.indicator in (None, i.code)
            for t in i.targets if t.year == year]
    count, items = _window(rows, filters)
    return {"revision": s.agency.revision, "count": count, "page": filters.page,
            "per_page": filters.per_page, "items": items}


def actual_out(code: str, a: Any) -> ActualOut:
    return ActualOut(indicator=code, year=a.year, quarter=a.quarter, month=a.month,
                     value=_d(a.value), text=a.text, status=a.status.value, reason=a.reason,
                     expected=a.expected, note=a.note, obstacles=a.obstacles,
                     follow_up=a.follow_up, drivers=a.drivers)


@router.get(AGENCY_YEAR + "/realisations", response=RecordsPage[ActualOut],
            summary="Realisasi tahun ini / the year's realisations")
def realisations(request: HttpRequest, agency: int, year: int,
                 filters: Query[IndicatorFilter]) -> Any:
    """Every realisation of the year (the year's, its quarters' and months'), with the plan's
    ``revision``: send it back as ``seen`` when writing."""
    s = scope(request, agency, year)
    found = plan_for(s.agency, year)
    rows = [actual_out(i.code, a) for i in found.indicators if filters.indicator in (None, i.code)
            for a in i.actuals_of(year)]
    count, items = _window(rows, filters)
    return {"revision": s.agency.revision, "count": count, "page": filters.page,
            "per_page": filters.per_page, "items": items}


@router.get(AGENCY_YEAR + "/measurement", response=Document,
            summary="Pengukuran kinerja / the year's measurement")
def measurement(request: HttpRequest, agency: int, year: int) -> Any:
    """Every figure of the year as ``sakip measure --json`` gives it (docs/measurement.md):
    published years for everyone, the others for those who may read the agency."""
    s = scope(request, agency, year, Action.READ_PUBLISHED)
    found, m = measured(s.agency, year)
    return measurement_to_dict(found, m)


@router.get(AGENCY_YEAR + "/report.{fmt}", summary="Laporan (LKjIP) / the report as a file",
            response={200: None},
            openapi_extra={"responses": {200: {"description": "the file", "content": {
                "application/pdf": {}, "text/html": {},
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}}}}})
def report(request: HttpRequest, agency: int, year: int, fmt: str) -> Any:
    """The LKjIP as docx, pdf or html: the same report code as the pages' download."""
    from sakip.web.exchange import capabilities

    s = scope(request, agency, year, Action.READ_PUBLISHED)
    if fmt not in capabilities.REPORT_FORMATS:
        raise not_found(f"format laporan “{fmt[:20]}”", f"report format “{fmt[:20]}”")
    try:
        content = capabilities.report_bytes(plan_for(s.agency, year), year, fmt)
    except capabilities.Unavailable:
        raise ApiError(503, "REPORT_FORMAT_UNAVAILABLE",
                       f"server ini belum dapat membuat laporan format {fmt.upper()}",
                       f"this server cannot produce the report as {fmt.upper()} yet") from None
    response = HttpResponse(content, content_type=capabilities.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="LKjIP-{s.agency.code}-{year}.{fmt}"'
    if fmt == "html":
        response["Content-Security-Policy"] = capabilities.REPORT_HTML_POLICY
    return response


# ------------------------------------------------------------------ review, workflow, audit

@router.get(AGENCY_YEAR + "/findings", response=Page[FindingOut],
            summary="Temuan reviu / review findings")
def findings(request: HttpRequest, agency: int, year: int, paging: Query[Paging]) -> Any:
    """The review's findings as the review page lists them: the automated review's latest run
    with the team's decisions, the resolved ones, the team's own."""
    from sakip.web.exchange.capabilities import year_findings
    from sakip.web.workflow import review_state

    s = scope(request, agency, year)
    entries = review_state.entries(s.state, year_findings(s.agency, year, s.state))
    rows = [FindingOut(number=e.number, key=e.key, code=e.finding.code,
                       severity=e.finding.severity.value, location=e.location, message=e.kondisi,
                       expected=e.finding.expected, found=e.finding.found, own=e.own,
                       decision=e.decision.value, answer=e.stored.answer if e.stored else "",
                       follow_up=e.follow_up) for e in entries]
    count, items = _window(rows, paging)
    return {"count": count, "page": paging.page, "per_page": paging.per_page, "items": items}


@router.get(AGENCY_YEAR + "/workflow", response=WorkflowOut,
            summary="Status dan alur / workflow state and its steps")
def workflow(request: HttpRequest, agency: int, year: int) -> Any:
    from sakip.web.workflow.transitions import available

    s = scope(request, agency, year)
    steps = AuditEntry.objects.filter(agency=s.agency, key=f"status:{year}").select_related("user")
    return WorkflowOut(
        year=year, state=s.state.state, state_label=str(State(s.state.state).label),
        published=s.state.published, reviewed_at=s.state.reviewed_at, reason=s.state.reason,
        transitions=[t.name for t in available(s.user, s.state)],
        steps=[StepOut(at=e.at, by=_name(e.user), field=e.field, old=e.old, new=e.new,
                       reason=e.reason) for e in steps.order_by("id")])


class HistoryFilter(Paging):
    key: str | None = F(None, max_length=200, description="one value's audit key, every year")
    all_years: bool = F(False, description="every year, not only this one")


@router.get(AGENCY_YEAR + "/history", response=Page[AuditOut],
            summary="Riwayat perubahan / the audit trail")
def history(request: HttpRequest, agency: int, year: int, filters: Query[HistoryFilter]) -> Any:
    """The agency's audit trail, newest first: the year's entries and those of no year, as the
    history page shows them by default."""
    s = scope(request, agency, year)
    entries = AuditEntry.objects.filter(agency=s.agency).select_related("user")
    if filters.key:
        entries = entries.filter(key=filters.key)
    elif not filters.all_years:
        entries = entries.filter(Q(year=year) | Q(year__isnull=True))
    count, rows = _window(entries.order_by("-id"), filters)
    items = [AuditOut(id=e.pk, at=e.at, user=_name(e.user), year=e.year, key=e.key, label=e.label,
                      field=e.field, old=e.old, new=e.new, reason=e.reason, revision=e.revision)
             for e in rows]
    return {"count": count, "page": filters.page, "per_page": filters.per_page, "items": items}


# ------------------------------------------------------------- periods, tree, evaluation

@router.get(AGENCY_YEAR + "/periods", response=list[PeriodOut],
            summary="Periode (triwulan, bulan) / periods of the year")
def periods(request: HttpRequest, agency: int, year: int) -> Any:
    """Each quarter and month: its entry window for the agency and how complete its entry is
    (docs/monitoring.md), as the periods page shows it."""
    from sakip.web.monitoring import completeness, windows
    from sakip.web.monitoring.entry import all_periods

    s = scope(request, agency, year)
    listed = windows.windows_of(s.agency.region_id, [year])
    followed = completeness.shown_periods(s.agency.region_id, year)
    counts = {c.period: c for c in completeness.by_period(s.agency.pk, year, all_periods())}
    rows = []
    for period in all_periods():
        window = windows.covering(listed, period)
        standing = windows.standing(window, s.agency) if window is not None else None
        c = counts[period]
        rows.append(PeriodOut(
            slug=windows.slug(period), quarter=period.quarter, month=period.month,
            label=completeness.label(period), followed=period in followed,
            deadline=standing.deadline if standing else None,
            open=standing is None or not standing.closed, indicators=c.indicators,
            filled=c.filled, budgets=c.budgets, spent=c.spent, evidenced=c.evidenced,
            missing_indicators=list(c.missing_indicators), missing_budgets=list(c.missing_budgets)))
    return rows


@router.get(AGENCY_YEAR + "/tree", response=TreeOut, summary="Pohon kinerja / the cascade")
def tree(request: HttpRequest, agency: int, year: int) -> Any:
    """The pohon kinerja of the year (:func:`sakip.core.tree.build_tree`), its nodes flat in
    depth-first order with their parent's id."""
    from sakip.core.tree import Node, build_tree

    s = scope(request, agency, year)
    found, m = measured(s.agency, year)
    built = build_tree(found, m)
    nodes: list[NodeOut] = []

    def add(node: Node, parent: str | None, depth: int) -> None:
        group = node.group
        nodes.append(NodeOut(
            id=node.id, parent=parent, depth=depth, kind=node.kind.value, code=node.code,
            name=node.name, achievement=_d(group.achievement) if group is not None else None,
            category=node.category, color=node.color, also_serves=list(node.also_serves),
            indicators=[TreeIndicatorOut(code=i.indicator.code, name=i.indicator.name,
                                         achievement=_d(i.result.achievement),
                                         category=i.result.category, color=i.color)
                        for i in node.indicators]))
        for child in node.children:
            add(child, node.id, depth + 1)

    for root in built.roots:
        add(root, None, 0)
    return TreeOut(year=year, scale=built.scale.code, nodes=nodes)


def _score(result: Any) -> ScoreOut:
    found = result.predicate
    return ScoreOut(total=canonical(result.total), predicate=found.code if found else None,
                    unanswered=len(result.unanswered))


@router.get(AGENCY_YEAR + "/evaluation", response=EvaluationOut,
            summary="Evaluasi SAKIP (LKE) / the yearly evaluation")
def evaluation(request: HttpRequest, agency: int, year: int) -> Any:
    """The evaluation's stage, the three scores (self-assessment, evaluator, final) and
    predicates as the evaluation page computes them (docs/lke.md), every answer and the
    recommendations."""
    from sakip.core import lke as core
    from sakip.web.evaluation import write
    from sakip.web.evaluation.models import Stage

    s = scope(request, agency, year)
    row = write.evaluation_of(s.state)
    own, evaluator, final = core.score_evaluation(write.worksheet(row), write.sheets(row))
    return EvaluationOut(
        year=year, version=row.version, stage=row.stage, stage_label=str(Stage(row.stage).label),
        self_assessment=_score(own), evaluator=_score(evaluator), final=_score(final),
        answers=[AnswerOut(code=a.code, party=a.party, claim=a.claim, answer=a.answer,
                           note=a.note, links=[x.strip() for x in a.links.splitlines() if x.strip()])
                 for a in row.answers.all()],
        recommendations=[RecommendationOut(component=r.component, text=r.text)
                         for r in row.recommendations.all()])
