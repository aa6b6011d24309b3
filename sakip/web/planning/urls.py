"""The planning pages' URL patterns, gathered from the modules in :data:`MODULES`: each module's
``URLS`` are mounted under an agency's year (``/opd/<agency>/<year>/``), its ``REGION_URLS``
under the region (``/wilayah/``). Every view is guarded by sakip.web.access."""

from __future__ import annotations

import importlib
from typing import Any

MODULES: tuple[str, ...] = ("overview", "rpjmd", "tree", "agreements", "logic", "definitions",
                            "renstra", "sources")


def _gather(attribute: str) -> list[Any]:
    found: list[Any] = []
    for name in MODULES:
        module = importlib.import_module(f"sakip.web.planning.{name}")
        found.extend(getattr(module, attribute, ()))
    return found


agency_year = _gather("URLS")
region = _gather("REGION_URLS")
