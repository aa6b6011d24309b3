"""The REST API (docs/api.md): tokens, reads, the write path's answers through it (audit trail,
locked year, stale revision) and errors as problem details."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from sakip.web.api import tokens
from sakip.web.api.models import Token
from sakip.web.workflow.models import AgencyYear, AuditEntry, State
from tests.web.world import YEAR

BASE = "/api/v1"


def token_of(username: str) -> str:
    return tokens.create(get_user_model().objects.get(username=username), "test")[1]


def call(method: str, path: str, token: str | None = None, body=None, **headers):
    client = Client()
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    if body is not None:
        return getattr(client, method)(BASE + path, json.dumps(body),
                                       content_type="application/json", **headers)
    return getattr(client, method)(BASE + path, **headers)


def realisations(world, token):
    return call("get", f"/agencies/{world.a.pk}/{YEAR}/realisations?indicator=IKU-02", token).json()


def test_the_schema_and_its_docs_page_are_served(world):
    schema = Client().get(BASE + "/openapi.json").json()
    assert schema["info"]["title"] == "Sakip API"
    assert "/api/v1/agencies/{agency}/{year}/measurement" in schema["paths"]
    docs = Client().get(BASE + "/docs")
    assert docs.status_code == 200
    assert b"/static/ninja/swagger-ui-init.js" in docs.content and b"cdn." not in docs.content
    assert Client().get("/static/ninja/swagger-ui-bundle.js").status_code == 200


def test_a_token_reads_with_its_users_roles(world):
    token = token_of("operator_a")
    response = call("get", f"/agencies/{world.a.pk}/{YEAR}/measurement", token)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["year"] == YEAR and body["indicators"]
    assert call("get", f"/agencies/{world.b.pk}/{YEAR}/measurement", token).status_code == 403


def test_anonymous_reads_published_years_only(world):
    path = f"/agencies/{world.a.pk}/{YEAR}/measurement"
    refused = call("get", path)
    assert refused.status_code == 401
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["problems"][0]["code"] == "API_TOKEN_REQUIRED"
    assert refused.json()["type"] == "urn:sakip:problem:API_TOKEN_REQUIRED"
    assert refused["WWW-Authenticate"].startswith("Bearer")
    assert call("get", "/agencies").json()["count"] == 0
    AgencyYear.objects.update_or_create(agency=world.a, year=YEAR, defaults={"published": True})
    assert call("get", path).status_code == 200
    listed = call("get", "/agencies").json()
    assert [a["code"] for a in listed["items"]] == ["dspppa"]
    assert [y["year"] for y in listed["items"][0]["years"]] == [YEAR]
    assert call("get", f"/agencies/{world.a.pk}/{YEAR}/realisations").status_code == 401


def test_a_bad_or_revoked_token_is_refused_not_taken_as_anonymous(world):
    token = token_of("admin")
    assert call("get", "/agencies", token).status_code == 200
    row = Token.objects.get(digest=tokens.digest(token))
    assert tokens.revoke(row.user, row.pk)
    refused = call("get", "/agencies", token)
    assert refused.status_code == 401
    assert refused.json()["problems"][0]["code"] == "API_TOKEN_INVALID"
    assert call("get", "/agencies", "sakip_nonsense").status_code == 401
    assert call("get", "/agencies", HTTP_AUTHORIZATION="Basic eDp5").status_code == 401


def test_a_session_cookie_is_not_accepted(world):
    client = world.client("admin")
    assert client.get(f"{BASE}/agencies/{world.a.pk}/{YEAR}/realisations").status_code == 401


def test_a_write_goes_through_the_write_path_and_into_the_audit_trail(world):
    token = token_of("operator_a")
    read = realisations(world, token)
    before = AuditEntry.objects.filter(agency=world.a).count()
    response = call("post", f"/agencies/{world.a.pk}/{YEAR}/realisations", token, {
        "seen": read["revision"], "reason": "data BPS terbaru",
        "items": [{"indicator": "IKU-02", "value": "1.5", "note": "sumber: BPS 2021"}]})
    assert response.status_code == 200, response.content
    assert response.json()["changes"] == 2
    assert response.json()["revision"] == read["revision"] + 1
    entries = AuditEntry.objects.filter(agency=world.a).order_by("-id")[:2]
    assert {e.field for e in entries} == {"value", "note"}
    assert all(e.reason == "data BPS terbaru" and e.user.username == "operator_a" for e in entries)
    assert AuditEntry.objects.filter(agency=world.a).count() == before + 2
    annual = [a for a in realisations(world, token)["items"] if a["quarter"] is None
              and a["month"] is None]
    assert annual[0]["value"] == "1.5" and annual[0]["note"] == "sumber: BPS 2021"
    history = call("get", f"/agencies/{world.a.pk}/{YEAR}/history?per_page=2", token).json()
    assert {e["field"] for e in history["items"]} == {"value", "note"}


def test_a_stale_revision_gets_409_with_the_conflicts_and_saves_nothing(world):
    token = token_of("operator_a")
    seen = realisations(world, token)["revision"]
    path = f"/agencies/{world.a.pk}/{YEAR}/realisations"
    first = call("post", path, token, {"seen": seen, "items": [{"indicator": "IKU-02", "value": "2"}]})
    assert first.status_code == 200
    before = AuditEntry.objects.count()
    stale = call("post", path, token, {"seen": seen, "items": [
        {"indicator": "IKU-02", "value": "3"}, {"indicator": "IKU-01", "note": "catatan"}]})
    assert stale.status_code == 409, stale.content
    body = stale.json()
    assert body["code"] == "RECORD_CONFLICT" and body["revision"] == seen + 1
    assert body["conflicts"][0]["indicator"] == "IKU-02"
    assert body["conflicts"][0]["theirs"] == "2" and body["conflicts"][0]["mine"] == "3"
    assert body["problems"][0]["location"] == "items[0].value"
    assert AuditEntry.objects.count() == before


def test_a_locked_year_refuses_a_write(world):
    token = token_of("operator_a")
    AgencyYear.objects.update_or_create(agency=world.a, year=YEAR,
                                        defaults={"state": State.SUBMITTED})
    seen = realisations(world, token)["revision"]
    before = AuditEntry.objects.count()
    response = call("post", f"/agencies/{world.a.pk}/{YEAR}/realisations", token,
                    {"seen": seen, "items": [{"indicator": "IKU-02", "value": "9"}]})
    assert response.status_code == 409
    assert response.json()["code"] == "RECORD_YEAR_LOCKED"
    assert AuditEntry.objects.count() == before


def test_the_plan_checks_refuse_with_located_problems(world):
    token = token_of("operator_a")
    seen = realisations(world, token)["revision"]
    response = call("post", f"/agencies/{world.a.pk}/{YEAR}/realisations", token, {
        "seen": seen, "items": [{"indicator": "IKU-02", "value": "1"},
                                {"indicator": "NOPE", "value": "1"},
                                {"indicator": "IKU-02", "quarter": 1, "month": 2}]})
    assert response.status_code == 422
    codes = [(p["code"], p["location"]) for p in response.json()["problems"]]
    assert ("PLAN_UNKNOWN_INDICATOR", "items[1].indicator") in codes
    assert ("API_INVALID_INPUT", "items[2].month") in codes


def test_bad_input_is_a_problem_not_a_traceback(world):
    token = token_of("operator_a")
    response = call("post", f"/agencies/{world.a.pk}/{YEAR}/realisations", token,
                    {"seen": 0, "items": [{"indicator": "IKU-02", "value": "1,5"}]})
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["problems"][0]["code"] == "API_INVALID_INPUT"
    english = call("get", "/agencies/999999/2020/plan", token, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 404 and english.json()["title"] == "Not found"


@pytest.mark.parametrize("name", ["plan", "targets", "realisations", "findings", "workflow",
                                  "history", "periods", "tree", "evaluation"])
def test_every_read_answers_the_agencys_reader(world, name):
    response = call("get", f"/agencies/{world.a.pk}/{YEAR}/{name}", token_of("inspector"))
    assert response.status_code == 200, (name, response.content[:500])


def test_the_token_page_creates_shows_once_and_revokes(world):
    client = world.client("operator_a")
    page = reverse("api_tokens")
    created = client.post(page, {"aksi": "buat", "nama": "SIPD sync"})
    assert created.status_code == 201
    secret = created.context["secret"]
    assert secret.startswith("sakip_") and secret.encode() in created.content
    row = Token.objects.get(user__username="operator_a", name="SIPD sync")
    assert row.digest == tokens.digest(secret) and secret not in row.digest
    assert secret.encode() not in client.get(page).content
    assert call("get", "/agencies", secret).status_code == 200
    other = world.client("operator_b").post(page, {"aksi": "cabut", "token": row.pk})
    assert other.status_code == 400  # not theirs
    assert client.post(page, {"aksi": "cabut", "token": row.pk}).status_code == 302
    assert call("get", "/agencies", secret).status_code == 401
