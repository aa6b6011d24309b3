"""Reads from a PostgreSQL read replica when ``SAKIP_DATABASE_REPLICA_URL`` is set
(docs/deploy.md, "Scale").

:class:`ReplicaMiddleware` lets the reads of a GET or HEAD request go to the replica; everything
else — a POST, every write, every read inside a transaction (the write path reads and locks in
one) — goes to the primary. A session that has just written reads from the primary for
``SAKIP_REPLICA_PIN_SECONDS`` (a cookie), so that nobody sees their own change missing while
the replica catches up. Without a replica configured, the router sends everything to the
primary and the middleware does nothing.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PIN_COOKIE = "sakip_pin"
_reading = contextvars.ContextVar("sakip_replica_reads", default=False)


def configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    """Django's database router: reads to the replica while a request allows it."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        if _reading.get() and configured() and not transaction.get_connection().in_atomic_block:
            return REPLICA
        return "default"

    def db_for_write(self, model: Any, **hints: Any) -> str | None:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        return True  # the same data on both

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None,
                      **hints: Any) -> bool | None:
        return db == "default"  # the replica follows the primary by replication


class ReplicaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not configured():
            return self.get_response(request)
        safe = request.method in ("GET", "HEAD") and PIN_COOKIE not in request.COOKIES
        token = _reading.set(safe)
        try:
            response = self.get_response(request)
        finally:
            _reading.reset(token)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            response.set_cookie(PIN_COOKIE, "1", max_age=settings.REPLICA_PIN_SECONDS,
                                httponly=True, samesite="Lax",
                                secure=settings.SESSION_COOKIE_SECURE)
        return response
