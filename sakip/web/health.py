"""``/health/``: whether this process can serve — the database answers and is migrated — for a
load balancer, a reverse proxy's health check or a monitoring probe (docs/deploy.md).

200 with ``{"status": "ok"}`` when it can; 503 with what failed when it cannot. It says nothing
about the data and needs no account."""

from __future__ import annotations

from importlib import metadata

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from sakip.web.access import public

_MIGRATED: list[bool] = []  # once migrated, a process need not ask again


def _version() -> str:
    try:
        return metadata.version("sakip")
    except metadata.PackageNotFoundError:  # run from a source tree that is not installed
        return "unknown"


@public
@never_cache
def health(request: HttpRequest) -> JsonResponse:
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
        if not _MIGRATED:
            executor = MigrationExecutor(connection)
            if executor.migration_plan(executor.loader.graph.leaf_nodes()):
                checks["migrations"] = "pending"
            else:
                _MIGRATED.append(True)
        checks.setdefault("migrations", "ok")
    except DatabaseError as error:
        checks["database"] = f"error: {type(error).__name__}"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "unavailable", "version": _version(),
                         **checks}, status=200 if healthy else 503)
