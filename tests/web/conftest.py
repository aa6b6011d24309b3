"""Fixtures of the web tests: the world (tests/web/world.py) stored once per session, each test
in a transaction, and a signed-in client per persona."""

from __future__ import annotations

import pytest
from django.test import Client

from sakip.web.plans.models import Agency
from tests.web.world import World, create_world


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        create_world()


@pytest.fixture(autouse=True)
def _nothing_kept() -> None:
    """Each test starts with nothing kept from an earlier one (sakip.web.measuring)."""
    from sakip.web.measuring import forget_everything

    forget_everything()


@pytest.fixture
def world(db) -> World:  # type: ignore[no-untyped-def]
    return World(Agency.objects.get(code="dspppa"), Agency.objects.get(code="dinas-contoh"))


@pytest.fixture
def operator_a(world: World) -> Client:
    return world.client("operator_a")


@pytest.fixture
def head_a(world: World) -> Client:
    return world.client("head_a")


@pytest.fixture
def operator_b(world: World) -> Client:
    return world.client("operator_b")


@pytest.fixture
def inspector(world: World) -> Client:
    return world.client("inspector")


@pytest.fixture
def admin(world: World) -> Client:
    return world.client("admin")


@pytest.fixture
def anonymous(world: World) -> Client:
    return world.client("anonymous")
