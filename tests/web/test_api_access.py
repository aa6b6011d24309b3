"""The API's access matrix: every endpoint × every persona × own and other agency, against the
one access rule of the pages (sakip/web/access.py). A new endpoint without a row here fails
``test_every_endpoint_has_a_row``."""

from __future__ import annotations

import pytest
from django.test import Client

from sakip.web.api.api import api
from sakip.web.workflow.models import AgencyYear, AuditEntry
from tests.web.test_api import call, token_of
from tests.web.world import PERSONAS, YEAR

READERS_A = {"admin", "inspector", "operator_a", "head_a"}
READERS_B = {"admin", "inspector", "operator_b"}
EDITORS_A = {"operator_a"}
EDITORS_B = {"operator_b"}

# endpoint (path under /agencies/{agency}/{year}) → who may read it of A and of B, unpublished
READS = {
    "plan": (READERS_A, READERS_B),
    "targets": (READERS_A, READERS_B),
    "realisations": (READERS_A, READERS_B),
    "measurement": (READERS_A, READERS_B),
    "report.html": (READERS_A, READERS_B),
    "findings": (READERS_A, READERS_B),
    "workflow": (READERS_A, READERS_B),
    "history": (READERS_A, READERS_B),
    "periods": (READERS_A, READERS_B),
    "tree": (READERS_A, READERS_B),
    "evaluation": (READERS_A, READERS_B),
}
PUBLIC = {"measurement", "report.html"}  # readable by everyone once the year is published
WRITES = {"realisations": (EDITORS_A, EDITORS_B)}


def test_every_endpoint_has_a_row():
    schema = api.get_openapi_schema()
    found = set()
    for path, operations in schema["paths"].items():
        for method in operations:
            found.add((method, path.removeprefix("/api/v1")))
    rows = ({("get", "/agencies"), ("get", "/agencies/{agency}")}
            | {("get", "/agencies/{agency}/{year}/" + name.replace(".html", ".{fmt}"))
               for name in READS}
            | {("post", "/agencies/{agency}/{year}/" + name) for name in WRITES})
    assert found == rows


@pytest.fixture
def tokens(world):
    return {p: (token_of(p) if p != "anonymous" else None) for p in PERSONAS}


def refused(response, persona):
    expected = 401 if persona == "anonymous" else 403
    return (response.status_code == expected
            and response["Content-Type"] == "application/problem+json")


@pytest.mark.parametrize("which", ["a", "b"])
@pytest.mark.parametrize("name", sorted(READS))
def test_reading_is_allowed_exactly_to_the_agencys_readers(world, tokens, name, which):
    agency = world.a if which == "a" else world.b
    allowed = READS[name][0 if which == "a" else 1]
    for persona in PERSONAS:
        response = call("get", f"/agencies/{agency.pk}/{YEAR}/{name}", tokens[persona])
        if persona in allowed:
            assert response.status_code == 200, (name, which, persona, response.content[:300])
        else:
            assert refused(response, persona), (name, which, persona, response.status_code)
            assert b"IKU-" not in response.content


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_a_published_year_is_read_by_everyone_the_rest_stays_closed(world, tokens, name):
    AgencyYear.objects.update_or_create(agency=world.a, year=YEAR, defaults={"published": True})
    for persona in PERSONAS:
        response = call("get", f"/agencies/{world.a.pk}/{YEAR}/{name}", tokens[persona])
        assert response.status_code == 200, (name, persona)
    for persona in ("anonymous", "operator_b"):
        response = call("get", f"/agencies/{world.a.pk}/{YEAR}/realisations", tokens[persona])
        assert refused(response, persona)


def test_the_agency_list_shows_what_each_persona_may_read(world, tokens):
    expected = {"admin": {"dspppa", "dinas-contoh"}, "inspector": {"dspppa", "dinas-contoh"},
                "operator_a": {"dspppa"}, "head_a": {"dspppa"}, "operator_b": {"dinas-contoh"},
                "anonymous": set()}
    for persona in PERSONAS:
        listed = call("get", "/agencies", tokens[persona]).json()
        assert {a["code"] for a in listed["items"]} == expected[persona], persona
        for agency in (world.a, world.b):
            response = call("get", f"/agencies/{agency.pk}", tokens[persona])
            if agency.code in expected[persona]:
                assert response.status_code == 200
            else:
                assert refused(response, persona), (persona, agency.code)


@pytest.mark.parametrize("which", ["a", "b"])
def test_writing_is_allowed_exactly_to_the_agencys_operator(world, tokens, which):
    agency = world.a if which == "a" else world.b
    allowed = WRITES["realisations"][0 if which == "a" else 1]
    read = call("get", f"/agencies/{agency.pk}/{YEAR}/realisations", tokens["admin"]).json()
    first = next(a for a in read["items"] if a["value"] is not None)
    item = {"indicator": first["indicator"], "quarter": first["quarter"],
            "month": first["month"], "value": first["value"]}
    for persona in PERSONAS:
        before = AuditEntry.objects.count()
        response = call("post", f"/agencies/{agency.pk}/{YEAR}/realisations", tokens[persona],
                        {"seen": read["revision"], "items": [item]})
        if persona in allowed:
            assert response.status_code == 200, (which, persona, response.content)
            assert response.json()["changes"] == 0  # the value it holds: nothing changes
        else:
            assert refused(response, persona), (which, persona, response.status_code)
            assert AuditEntry.objects.count() == before


def test_an_unknown_agency_or_year_is_404_for_everyone(world, tokens):
    for persona in PERSONAS:
        for path in ("/agencies/999999/2020/measurement", f"/agencies/{world.a.pk}/1990/plan"):
            response = call("get", path, tokens[persona])
            assert response.status_code == 404, (persona, path)
            assert response.json()["code"] == "API_NOT_FOUND"
    assert Client().get("/api/v1/nothing-here").status_code == 404
