"""The kerangka logis pages (sakip/web/planning/logic.py): the agency-year's findings grouped by
kind with their counts, each linked to the record's editor; the region's crosscutting
indicators no agency reports."""

from __future__ import annotations

import re

from django.urls import reverse

from sakip.review.plan.logic import logic_findings
from sakip.web.plans.models import Goal, Indicator
from sakip.web.workflow.snapshots import plan_for
from tests.web.language import english
from tests.web.world import YEAR


def _url(world, name="planning_logic", **extra):
    return reverse(name, kwargs={"agency": world.a.pk, "year": YEAR, **extra})


def _edit(world, kind, pk):
    return reverse("structure_edit", kwargs={"agency": world.a.pk, "year": YEAR, "kind": kind,
                                             "pk": pk})


def _counts(html):
    return dict(re.findall(r'<tr data-code="([A-Z_]+)"><td><a href="#[A-Z_]+">[^<]*</a></td>'
                           r'<td class="num">(\d+)</td>', html))


def test_the_operator_reads_the_findings_grouped_by_kind_with_links(world, operator_a):
    response = operator_a.get(_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    findings = logic_findings(plan_for(world.a, YEAR), YEAR)
    expected = {}
    for finding in findings:
        expected[finding.code] = str(int(expected.get(finding.code, "0")) + 1)
    assert _counts(html) == expected and "PLAN_INDICATOR_DEFINITION" in expected
    assert html.count('<li class="finding') == len(findings)
    # IKU-01 lacks its data source: the finding links to the indicator's editor
    iku = Indicator.objects.get(agency=world.a, code="IKU-01")
    assert re.search(rf'<a href="{re.escape(_edit(world, "indikator", iku.pk))}">indikator IKU-01 '
                     r'\(Persentase penurunan PMKS per tahun\)</a>: Manual indikator belum lengkap: '
                     r'tanpa sumber data\.', html)
    # the contribution to SD3 without a realisation: its place is the region's RPJMD
    assert f'<a href="{reverse("region_rpjmd")}">kontribusi SD3' in html
    assert "tanpa realisasi 2020: IK-S4" in html


def test_a_goal_without_objective_or_indicator_is_shown_once_created(world, operator_a):
    assert 'id="PLAN_GOAL_OBJECTIVE"' not in operator_a.get(_url(world)).content.decode()
    response = operator_a.post(_url(world, "structure_create", kind="tujuan"),
                               {"code": "T5", "name": "Tujuan baru", "mission": "M1"})
    assert response.status_code == 302
    html = operator_a.get(_url(world)).content.decode()
    goal = Goal.objects.get(agency=world.a, code="T5")
    assert _counts(html)["PLAN_GOAL_OBJECTIVE"] == "1"
    section = html.split('id="PLAN_GOAL_OBJECTIVE"')[1].split("</section>")[0]
    assert f'<a href="{_edit(world, "tujuan", goal.pk)}">tujuan T5 (Tujuan baru)</a>' in section
    assert "Tujuan ini tidak memiliki sasaran" in section
    assert "PLAN_GOAL_INDICATOR" in _counts(html)


def test_the_page_speaks_english_on_request(world, head_a):
    html = english(head_a).get(_url(world)).content.decode()
    assert "The indicator&#x27;s definition sheet is incomplete: no data source." in html


def test_the_inspectorate_reads_the_region_s_unreported_crosscutting_indicators(world, inspector):
    response = inspector.get(reverse("region_logic", kwargs={"year": YEAR}))
    assert response.status_code == 200
    html = response.content.decode()
    rows = re.findall(r'<tr data-agency="([^"]+)" data-objective="([^"]+)">', html)
    assert ("dspppa", "SD3") in rows
    row = html.split('data-agency="dspppa" data-objective="SD3">')[1].split("</tr>")[0]
    assert "tanpa realisasi 2020: IK-S4" in row
    assert reverse("planning_logic", kwargs={"agency": world.a.pk, "year": YEAR}) in row
