"""Open data (sakip/web/opendata, docs/opendata.md): a published agency-year as JSON and CSV at
addresses made of codes; a year not published is 404 for everyone."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from sakip.io.measurement_json import measurement_to_dict
from sakip.web.measuring import measured
from sakip.web.opendata import shape
from sakip.web.workflow.models import AgencyYear
from tests.web.world import YEAR

REGION = "kabupaten-belitung"


def step(client, world, name, reason=""):
    return client.post(reverse("workflow_step", kwargs={"agency": world.a.pk, "year": YEAR,
                                                        "step": name}), {"alasan": reason})


@pytest.fixture
def published(world, operator_a, head_a, admin):
    for client, name in ((operator_a, "ajukan"), (head_a, "verifikasi"), (head_a, "setujui"),
                         (admin, "publikasikan")):
        assert step(client, world, name).status_code == 302, name
    assert AgencyYear.objects.get(agency=world.a, year=YEAR).published
    return world


def url(name, agency="dspppa", year=YEAR, region=REGION):
    return reverse(name, kwargs={"region": region, "agency_code": agency, "year": year})


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_the_addresses_are_made_of_codes():
    assert url("opendata_json") == "/publik/data/kabupaten-belitung/dspppa/2020.json"
    assert url("opendata_csv") == "/publik/data/kabupaten-belitung/dspppa/2020.csv"
    assert url("opendata_budget_csv") == "/publik/data/kabupaten-belitung/dspppa/2020-anggaran.csv"
    assert reverse("opendata_region_json", kwargs={"region": REGION}) == \
        "/publik/data/kabupaten-belitung/index.json"


@pytest.mark.parametrize("persona", ["anonymous", "admin", "operator_a", "head_a"])
def test_a_year_not_published_is_404_for_everyone(world, persona):
    client = world.client(persona)
    for name in ("opendata_json", "opendata_csv", "opendata_budget_csv"):
        assert client.get(url(name)).status_code == 404, (name, persona)
    index = json.loads(client.get(reverse("opendata_region_json",
                                          kwargs={"region": REGION})).content)
    assert index["published"] == []


def test_the_json_holds_the_figures_the_pages_show_as_exact_decimals(published, anonymous):
    response = anonymous.get(url("opendata_json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    doc = json.loads(response.content)
    meta = doc["metadata"]
    assert meta["licence"] == "CC BY 4.0" and meta["licence_url"] == shape.LICENCE_URL
    assert meta["agency"] == {"code": "dspppa", "name": published.a.name}
    assert meta["year"] == YEAR and meta["version"] == 1 and len(meta["sha256"]) == 64
    assert meta["urls"]["csv"].endswith(url("opendata_csv"))
    plan, m = measured(published.a, YEAR)
    expected = measurement_to_dict(plan, m)
    assert doc["rules"]["settings"] == expected["settings"]
    assert [s["code"] for s in doc["rules"]["scales"]] == [m.settings.predicate_scale,
                                                            m.settings.category_scale]
    assert doc["measurement"]["budget"] == expected["budget"]
    by_code = {row["code"]: row for row in doc["measurement"]["indicators"]}
    for result in m.indicators:
        row = by_code[result.code]
        if result.achievement is None:
            assert row["achievement"] is None
        else:
            assert Decimal(row["achievement"]) == result.achievement
            assert isinstance(row["achievement"], str)
        assert row["rule"] == result.rule and row["polarity"] == result.indicator.polarity.value
        assert row["aggregation"] == result.indicator.aggregation.value


def test_the_csv_has_one_row_per_indicator_with_its_rule_and_licence(published, anonymous):
    rows = read_csv(anonymous.get(url("opendata_csv")))
    _, m = measured(published.a, YEAR)
    assert [r["code"] for r in rows] == [r.code for r in m.indicators]
    assert list(rows[0]) == list(shape.INDICATOR_COLUMNS)
    assert {r["licence"] for r in rows} == {"CC BY 4.0"}
    result = next(r for r in m.indicators if r.achievement is not None)
    row = next(r for r in rows if r["code"] == result.code)
    assert Decimal(row["achievement"]) == result.achievement
    assert Decimal(row["target"]) == result.target.value
    assert row["category"] == (result.category or "") and row["rule"] == result.rule
    assert row["category_scale"] == m.settings.category_scale
    missing = [r for r in m.indicators if r.achievement is None]
    for result in missing:  # missing stays missing: an empty cell, never 0
        assert next(r for r in rows if r["code"] == result.code)["achievement"] == ""


def test_the_budget_csv_gives_ceiling_spending_and_absorption(published, anonymous):
    rows = read_csv(anonymous.get(url("opendata_budget_csv")))
    _, m = measured(published.a, YEAR)
    assert len(rows) == len(m.budget)
    program = next(b for b in m.budget if b.level == "program" and b.ceiling)
    row = next(r for r in rows if r["code"] == program.code and r["level"] == "program")
    assert Decimal(row["ceiling"]) == program.ceiling and Decimal(row["spent"]) == program.spent
    assert Decimal(row["absorption"]) == program.absorption
    assert "," not in row["ceiling"] and "e" not in row["ceiling"].lower()


def test_the_region_index_lists_every_published_year_with_links(published, anonymous):
    index = json.loads(anonymous.get(reverse("opendata_region_json",
                                             kwargs={"region": REGION})).content)
    assert index["licence"] == "CC BY 4.0"
    [entry] = index["published"]
    assert (entry["agency_code"], entry["year"]) == ("dspppa", YEAR)
    assert anonymous.get(entry["json"]).status_code == 200
    rows = read_csv(anonymous.get(reverse("opendata_region_csv", kwargs={"region": REGION})))
    assert [(r["agency_code"], r["year"], r["licence"]) for r in rows] == \
        [("dspppa", str(YEAR), "CC BY 4.0")]
    page = anonymous.get(reverse("opendata")).content.decode()
    assert url("opendata_csv") in page and "CC BY 4.0" in page


def test_the_public_pages_link_the_files(published, anonymous):
    dashboard = anonymous.get(reverse("public_dashboard",
                                      kwargs={"agency": published.a.pk, "year": YEAR}))
    html = dashboard.content.decode()
    assert url("opendata_json") in html and url("opendata_budget_csv") in html
    assert reverse("opendata") in anonymous.get(reverse("public_list")).content.decode()


def test_unknown_codes_and_withdrawn_years_are_404(published, admin, anonymous):
    assert anonymous.get(url("opendata_json", region="kota-lain")).status_code == 404
    assert anonymous.get(url("opendata_json", agency="dinas-contoh")).status_code == 404
    assert anonymous.get(url("opendata_json", year=2019)).status_code == 404
    step(admin, published, "buka-kembali", "koreksi")  # reopening withdraws the publication
    assert anonymous.get(url("opendata_json")).status_code == 404
    assert anonymous.get(url("opendata_csv")).status_code == 404
