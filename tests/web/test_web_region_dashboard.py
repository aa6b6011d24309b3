"""The region dashboard (issue 18): every agency side by side — mean IKU achievement with its
category, absorption, the year's completeness, workflow state, LKE score and predicate, IKU
without realisation — sortable, with the region's total and each agency's trend per year."""

from __future__ import annotations

import re
from decimal import Decimal

from django.test import Client

from sakip.core import lke as core_lke
from sakip.core.model import Settings
from sakip.core.region_measure import spending_total
from sakip.io.idnum import format_id
from sakip.web.evaluation import write as lke_write
from sakip.web.evaluation.models import Answer, Evaluation
from sakip.web.measuring import measured, measured_years
from sakip.web.workflow.models import AgencyYear
from tests.web.world import YEAR, World


def _row(page: str, code: str) -> str:
    found = re.search(rf'<tr data-agency="{re.escape(code)}">(.*?)</tr>', page, re.S)
    assert found, code
    return found.group(1)


def _scored(world: World) -> Evaluation:
    state = AgencyYear.objects.get_or_create(agency=world.b, year=YEAR)[0]
    evaluation = Evaluation.objects.create(agency_year=state, stage="final")
    lke = lke_write.worksheet(evaluation)
    Answer.objects.bulk_create([
        Answer(evaluation=evaluation, code=criterion.code, party="evaluator",
               answer=criterion.type.options[0].code) for criterion in lke.criteria])
    return evaluation


def test_each_column_of_a_small_region(world: World, admin: Client) -> None:
    evaluation = _scored(world)
    AgencyYear.objects.get_or_create(agency=world.a, year=YEAR)
    AgencyYear.objects.filter(agency=world.a, year=YEAR).update(state="approved")
    page = admin.get(f"/wilayah/{YEAR}/").content.decode()
    plan_a, m_a = measured(world.a, YEAR)
    m_b = measured(world.b, YEAR)[1]
    a, b = _row(page, world.a.code), _row(page, world.b.code)
    # mean achievement and absorption, as the core measured them
    assert format_id(m_a.group(world.a.code).achievement, 2) in a
    absorption = m_a.budget_line(world.a.code).absorption
    assert absorption is not None and format_id(absorption, 2) in a
    # workflow state: A's year approved, B's a draft
    assert "Disetujui (terkunci)" in a and "Draf" in b
    # B's LKE score and predicate where the evaluation stands (final)
    final = core_lke.score_evaluation(lke_write.worksheet(evaluation),
                                      lke_write.sheets(evaluation))[2]
    assert format_id(final.total, 2) in b
    if final.predicate is not None:
        assert final.predicate.code in b
    assert "–" in a.split("</td>")[6]  # A has no evaluation
    # IKU without realisation
    without = sum(1 for c in m_b.key if m_b.result(c).actual is None
                  and m_b.result(c).actual_text is None)
    assert f'<td class="num">{without}</td>' in b
    # the region's total from the measurements
    total = spending_total([(line.ceiling, line.spent) for line in (
        m_a.budget_line(world.a.code), m_b.budget_line(world.b.code))], plan_a.settings)
    footer = page[page.index('id="region-total"'):]
    assert total.absorption is not None and format_id(total.absorption, 2) in footer
    assert total.ceiling == sum(line.ceiling for line in (m_a.budget_line(world.a.code),
                                                          m_b.budget_line(world.b.code))
                                if line.ceiling is not None)
    # trends: each year's mean achievement, a sparkline each
    trends = page[page.index('id="trends"'):page.index('id="completeness"')]
    over = measured_years(world.a, plan_a, plan_a.strategic_plan.years)
    for year, found in over.items():
        value = found.group(world.a.code).achievement
        if value is not None:
            assert format_id(value, 2) in _row(trends, world.a.code), year
    assert trends.count('class="spark"') == 4


def test_the_table_sorts_on_the_server(world: World, admin: Client) -> None:
    achievements = {agency.code: measured(agency, YEAR)[1].group(agency.code).achievement
                    for agency in (world.a, world.b)}
    order = sorted(achievements, key=lambda code: achievements[code] or Decimal(0))
    for query, expected in (("?urut=capaian", order), ("?urut=capaian&arah=turun", order[::-1])):
        page = admin.get(f"/wilayah/{YEAR}/{query}").content.decode()
        table = page[page.index('id="agencies"'):page.index("</table>")]
        assert re.findall(r'<tr data-agency="([^"]+)"', table) == expected
        assert 'aria-sort="' in table


def test_the_region_total_adds_what_has_both_figures() -> None:
    from sakip.core.budget import BudgetLine

    lines = [BudgetLine("a", "A", "agency", Decimal(200), Decimal(150), Decimal(75)),
             BudgetLine("b", "B", "agency", Decimal(100), None, None),
             BudgetLine("c", "C", "agency", Decimal(300), Decimal(300), Decimal(100))]
    total = spending_total([(b.ceiling, b.spent) for b in lines], Settings())
    # as the LKjIP Pemda adds them: each figure over the agencies that have it
    assert (total.ceiling, total.spent, total.counted) == (Decimal(600), Decimal(450), 3)
    assert total.absorption == Decimal("75.00")
    assert spending_total([], Settings()).absorption is None
