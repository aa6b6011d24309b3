"""Kerangka logis: the agency-year's plan checked for a cascade that holds together — the
findings of :func:`sakip.review.plan.logic.logic_findings` (the cascade checks and the kerangka
logis checks of the plan review) in words, grouped by kind with a count each, every finding
linked to the editor of the record it is about where there is one.

The region's page lists, for the year, the crosscutting indicators no agency reports
(:func:`sakip.review.plan.logic.region_crosscutting` over every contributing agency's plan).
Nothing here checks anything: the rules are the review's.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sakip.review.findings import Finding
from sakip.review.plan.logic import (
    agencies_named,
    logic_findings,
    subject,
    unreported_contributions,
)
from sakip.web.access import Action, membership, requires
from sakip.web.labels import language as _lang
from sakip.web.plans import models as m
from sakip.web.plans.convert import region_of
from sakip.web.workflow.models import AgencyYear
from sakip.web.workflow.snapshots import plan_for

# The kinds of finding, top of the cascade first, with what the page calls them.
KINDS: tuple[tuple[str, Promise], ...] = (
    ("PLAN_GOAL_OBJECTIVE", _("Tujuan tanpa sasaran")),
    ("PLAN_GOAL_INDICATOR", _("Tujuan tanpa indikator")),
    ("PLAN_OBJECTIVE_INDICATOR", _("Sasaran tanpa indikator")),
    ("PLAN_OBJECTIVE_PROGRAM", _("Sasaran tanpa program")),
    ("PLAN_PROGRAM_OBJECTIVE", _("Program yang tidak mendukung sasaran")),
    ("PLAN_PROGRAM_ACTIVITY", _("Program tanpa kegiatan")),
    ("PLAN_PROGRAM_INDICATOR", _("Program tanpa indikator")),
    ("PLAN_BUDGET_INDICATOR", _("Anggaran kegiatan yang tidak melayani indikator")),
    ("PLAN_INDICATOR_DEFINITION", _("Indikator tanpa definisi, cara perhitungan atau sumber data")),
    ("PLAN_TARGET_PATH", _("Target tahunan yang menjauhi target akhir Renstra")),
    ("PLAN_CONTRIBUTION_INDICATOR", _("Kontribusi pada sasaran daerah tanpa indikator")),
    ("PLAN_CONTRIBUTION_UNREPORTED", _("Indikator kontribusi (crosscutting) tanpa realisasi")),
    ("PLAN_CONTRIBUTION_UNSERVED",
     _("Kontribusi pada sasaran daerah yang tidak didukung tujuan atau sasaran")),
    ("PLAN_SERVES_UNCONTRIBUTED",
     _("Sasaran daerah lintas perangkat daerah tanpa kontribusi tercatat")),
)
TITLES = dict(KINDS)

# The structure editor's kind (its URL slug) and table for each kind of record a finding names.
EDITED: dict[str, type[models.Model]] = {
    "tujuan": m.Goal, "sasaran": m.Objective, "program": m.Program, "kegiatan": m.Activity,
    "indikator": m.Indicator}
REGION_KINDS = ("kontribusi", "sasaran daerah")  # edited on the region's RPJMD page


def _url(name: str, **kwargs: Any) -> str | None:
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


class _Links:
    """The edit page of each record a finding names: the agency's rows looked up once per kind."""

    def __init__(self, agency: m.Agency, year: int) -> None:
        self.agency, self.year = agency, year
        self.pks: dict[str, dict[str, int]] = {}
        self.rpjmd = _url("region_rpjmd")

    def of(self, finding: Finding) -> str | None:
        found = subject(finding)
        if found is None:
            return None
        kind, code = found
        if kind in REGION_KINDS:
            return self.rpjmd
        table = EDITED.get(kind)
        if table is None:
            return None
        if kind not in self.pks:
            rows = table.objects.filter(agency=self.agency).values_list(  # type: ignore[attr-defined]
                "code", "pk")
            self.pks[kind] = dict(rows)
        pk = self.pks[kind].get(code)
        if pk is None:
            return None
        return _url("structure_edit", agency=self.agency.pk, year=self.year, kind=kind, pk=pk)


def _item(finding: Finding, language: str, url: str | None) -> dict[str, Any]:
    return {"code": finding.code, "severity": finding.severity.value,
            "where": finding.location.render(), "url": url,
            "message": finding.message_id if language == "id" else finding.message_en,
            "expected": finding.expected, "found": finding.found}


def groups(findings: list[Finding], language: str,
           link: Any = lambda finding: None) -> list[dict[str, Any]]:
    """The findings grouped by kind, in the order of :data:`KINDS` (a kind not listed after,
    under its code), each group with its count."""
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    order = [code for code, _title in KINDS if code in by_code]
    order += [code for code in by_code if code not in TITLES]
    return [{"code": code, "title": TITLES.get(code, code), "count": len(by_code[code]),
             "items": [_item(f, language, link(f)) for f in by_code[code]]} for code in order]


@requires(Action.READ)
def page(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    plan = plan_for(agency, year)
    findings = logic_findings(plan, year)
    links = _Links(agency, year)
    counts = {severity: sum(f.severity.value == severity for f in findings)
              for severity in ("error", "warning", "info")}
    return TemplateResponse(request, "planning/logic.html", {
        "agency": agency, "state": state, "year": year, "total": len(findings),
        "counts": counts, "groups": groups(findings, _lang(), links.of)})


@requires(Action.READ_REGION)
def region_page(request: HttpRequest, year: int) -> HttpResponse:
    member = membership(request.user)
    assert member is not None  # requires() let only the region's members in
    region_row: m.Region = member.region
    region = region_of(region_row)
    agencies = {a.code: a for a in m.Agency.objects.filter(region=region_row,
                                                           code__in=agencies_named(region))}
    plans = {code: plan_for(agency, year) for code, agency in agencies.items()}
    language = _lang()
    rows = []
    for contribution, finding in unreported_contributions(region, plans, year):
        agency = agencies.get(contribution.agency)
        url = _url("planning_logic", agency=agency.pk, year=year) if agency is not None else None
        rows.append({**_item(finding, language, url), "objective": contribution.objective,
                     "agency_code": contribution.agency, "agency": agency})
    years = sorted({y for a in m.Agency.objects.filter(region=region_row)
                    .select_related("strategic_plan") for y in a.strategic_plan.years})
    return TemplateResponse(request, "planning/region_logic.html", {
        "region": region_row, "year": year, "years": years, "rows": rows,
        "contributions": len(region.contributions)})


URLS = [path("kerangka-logis/", page, name="planning_logic")]
REGION_URLS = [path("kerangka-logis/<int:year>/", region_page, name="region_logic")]
