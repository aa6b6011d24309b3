"""Reads of GET pages go to a read replica when one is configured; writes, transactions and a
session that has just written stay on the primary (sakip/web/replica.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from sakip.web import config
from sakip.web.config import ConfigError
from sakip.web.replica import PIN_COOKIE, ReplicaMiddleware, ReplicaRouter

router = ReplicaRouter()


@pytest.fixture
def with_replica(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(settings.DATABASES, "replica", dict(settings.DATABASES["default"]))


def _seen(request: HttpRequest, with_replica: Any = None) -> tuple[str | None, HttpResponse]:
    """The database a read goes to inside the view, and the response."""
    where: list[str | None] = []

    def view(_: HttpRequest) -> HttpResponse:
        where.append(router.db_for_read(None))
        return HttpResponse("ok")

    response = ReplicaMiddleware(view)(request)
    return where[0], response


def test_without_a_replica_everything_reads_and_writes_the_primary() -> None:
    assert "replica" not in settings.DATABASES
    assert _seen(RequestFactory().get("/"))[0] == "default"
    assert router.db_for_write(None) == "default"


def test_a_get_page_reads_the_replica_a_post_the_primary_and_pins_the_session(
        with_replica: None) -> None:
    factory = RequestFactory()
    assert _seen(factory.get("/opd/1/2020/"))[0] == "replica"
    where, response = _seen(factory.post("/opd/1/2020/realisasi/"))
    assert where == "default"
    assert response.cookies[PIN_COOKIE]["max-age"] == settings.REPLICA_PIN_SECONDS
    pinned = factory.get("/opd/1/2020/")
    pinned.COOKIES[PIN_COOKIE] = "1"
    assert _seen(pinned)[0] == "default"  # its own change, even if the replica lags
    assert router.db_for_read(None) == "default"  # outside a request
    assert router.db_for_write(None) == "default"
    assert router.allow_migrate("replica", "plans") is False
    assert router.allow_migrate("default", "plans") is True


def test_the_replica_needs_postgresql_as_the_primary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAKIP_DATABASE_REPLICA_URL", "postgres://u@replica:5432/sakip")
    monkeypatch.delenv("SAKIP_DATABASE_URL", raising=False)
    with pytest.raises(ConfigError):
        config.replica()
    monkeypatch.setenv("SAKIP_DATABASE_URL", "postgres://u@primary:5432/sakip")
    replica = config.replica()
    assert replica is not None and replica["HOST"] == "replica"
    assert replica["TEST"] == {"MIRROR": "default"}
    monkeypatch.setenv("SAKIP_DATABASE_REPLICA_URL", "mysql://x/y")
    with pytest.raises(ConfigError):
        config.replica()
