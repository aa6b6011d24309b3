"""The national benchmark's loader and recompute (benchmarks/national_*.py) give the figures the
core gives for the same plans built in memory: a tiny generated country of 2 regions × 2
agencies, loaded into the database (COPY on PostgreSQL), read back by the web application's bulk
reader, and measured for every year."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.national_load import load_country, national_plan
from benchmarks.national_read import measure_agencies
from sakip.core.measure import measure
from sakip.web.plans.convert import read_plans
from sakip.web.plans.models import Agency

REGIONS, AGENCIES, INDICATORS, YEARS = 2, 2, 30, 3


@pytest.mark.django_db
def test_loaded_country_measures_as_the_plans_in_memory() -> None:
    loaded = load_country(REGIONS, AGENCIES, INDICATORS, YEARS)
    assert [len(members) for members in loaded.values()] == [AGENCIES] * REGIONS
    expected = {}
    for r, members in enumerate(loaded.values()):
        for a, pk in enumerate(members):
            expected[pk] = national_plan(r, a, AGENCIES, INDICATORS, YEARS)
    agencies = list(Agency.objects.filter(pk__in=expected).order_by("pk"))
    assert read_plans(agencies) == expected

    spent: dict[str, float] = {}
    seen = 0
    for pk, year, measurement in measure_agencies(agencies, chunk=3, spent=spent):
        assert measurement == measure(expected[pk], year)
        seen += 1
    assert seen == REGIONS * AGENCIES * YEARS
    assert set(spent) == {"read", "measure"}
    # the figures are real ones: most indicators of a year have an achievement
    sample = measure(expected[agencies[0].pk], 2020)
    assert sum(1 for x in sample.indicators if x.achievement is not None) > INDICATORS // 2


@pytest.mark.django_db
def test_the_bulk_reader_queries_do_not_grow_with_agencies() -> None:
    loaded = load_country(1, 3, 10, 2)
    members = list(Agency.objects.filter(pk__in=next(iter(loaded.values()))).order_by("pk"))
    read_plans(members)
    counts = []
    for agencies in (members[:1], members):
        with CaptureQueriesContext(connection) as queries:
            assert len(read_plans(agencies)) == len(agencies)
        counts.append(len(queries))
    assert counts[0] == counts[1]
