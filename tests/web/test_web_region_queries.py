"""The region page's database queries do not grow with the number of agencies (issue 18): its
plans are read together (one query per kind of record for all agencies), its states, snapshots
and completeness in one query each; a measurement is kept while its agency's rows, region and
scales are unchanged, and recomputed after a write."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from sakip.core import records as r
from sakip.web import measuring
from sakip.web.plans import convert
from sakip.web.plans.models import Agency
from sakip.web.plans.write import write
from tests.web.world import YEAR, World


def _queries(client: Client, *, cold: bool) -> int:
    if cold:
        convert._CACHE.clear()
        measuring._KEPT.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/wilayah/{YEAR}/")
    assert response.status_code == 200
    return len(captured.captured_queries)


def _more_agencies(world: World, count: int, like: Agency | None = None,
                   prefix: str = "opd") -> None:
    plan = convert.plan_from_db(like or world.b)
    for index in range(count):
        code = f"{prefix}-{index}"
        convert.store_plan(dataclasses.replace(plan, agency=dataclasses.replace(
            plan.agency, code=code, name=f"Dinas {index}")), region=world.a.region, demo=True)


def test_a_kept_measurement_is_recomputed_after_a_write(world: World) -> None:
    before = measuring.measured(world.a, YEAR)[1]
    assert measuring.measured(world.a, YEAR)[1] is before  # kept: nothing changed
    plan = convert.plan_from_db(world.a)
    indicator = next(i for i in plan.indicators if i.formula is None
                     and any(a.year == YEAR and a.value is not None for a in i.actuals))
    actual = next(a for a in indicator.actuals if a.year == YEAR and a.value is not None)
    new_value = actual.value + Decimal(1)
    outcome = write(world.a, None, [r.Put(r.ACTUAL, (indicator.code, YEAR, None, None),
                                          dataclasses.replace(actual, value=new_value))],
                    reason="uji")
    assert not outcome.refused, outcome.problems
    after = measuring.measured(world.a, YEAR)[1]
    assert after is not before
    assert after.result(indicator.code).actual == new_value


def _evaluated(agencies: list[Agency]) -> None:
    """An LKE evaluation with one answer for each agency's year (issue 18's score column)."""
    from sakip.web.evaluation.models import Answer, Evaluation
    from sakip.web.workflow.models import AgencyYear

    for agency in agencies:
        state = AgencyYear.objects.get_or_create(agency=agency, year=YEAR)[0]
        evaluation = Evaluation.objects.get_or_create(agency_year=state)[0]
        Answer.objects.get_or_create(evaluation=evaluation, code="1.a.1", party="agency",
                                     defaults={"answer": "Y"})


def test_the_region_page_costs_the_same_queries_for_2_and_for_40_agencies(
        world: World, admin: Client) -> None:
    """With what the page shows of each agency: LKE scores, approved years (their snapshots),
    the trends over the Renstra's years, the IKU Pemda (issue 18)."""
    from sakip.web.workflow.models import AgencyYear

    _evaluated([world.a, world.b])
    AgencyYear.objects.get_or_create(agency=world.a, year=YEAR)
    AgencyYear.objects.filter(agency=world.a, year=YEAR).update(state="approved")
    admin.get(f"/wilayah/{YEAR}/")  # the session, the years' rows, A's snapshot: as later
    two_cold, two_warm = _queries(admin, cold=True), _queries(admin, cold=False)
    # approved: copies of A (as A is); in draft: copies of B (as B is)
    _more_agencies(world, 12, like=world.a, prefix="disetujui")
    _more_agencies(world, 26)
    assert Agency.objects.filter(region=world.a.region).count() == 40
    more = list(Agency.objects.filter(region=world.a.region).exclude(pk__in=[world.a.pk,
                                                                               world.b.pk]))
    _evaluated(more)
    AgencyYear.objects.filter(agency__code__startswith="disetujui-", year=YEAR).update(
        state="approved")
    admin.get(f"/wilayah/{YEAR}/")
    page = admin.get(f"/wilayah/{YEAR}/").content.decode()
    assert page.count('class="spark"') == 2 * 40 and page.count("Disetujui (terkunci)") == 13
    assert 'id="pemda"' in page
    forty_cold, forty_warm = _queries(admin, cold=True), _queries(admin, cold=False)
    assert (forty_cold, forty_warm) == (two_cold, two_warm)
    assert two_warm < two_cold
