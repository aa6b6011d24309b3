"""What an open-data file holds: a published agency-year's measurement (the figures), the rules
applied (settings, scales, each indicator's polarity and rule) and the licence.

The figures are :func:`sakip.io.measurement_json.measurement_to_dict` — the same measurement the
pages show (:func:`sakip.web.measuring.measured`), decimals as exact strings. The CSV files are
flat views of the same dictionary, so the JSON and the CSV never disagree.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from sakip.core.measure import Measurement
from sakip.core.model import Plan, Scale
from sakip.core.numbers import canonical
from sakip.io.measurement_json import measurement_to_dict

# The licence of every open-data file (docs/opendata.md). One place: the JSON metadata, the
# CSV's ``licence`` column, the index and the page all read it from here.
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
FORMAT_VERSION = 1

INDICATOR_COLUMNS: tuple[str, ...] = (
    "region", "agency_code", "agency_name", "year", "code", "name", "level", "owner", "key",
    "unit", "polarity", "aggregation", "precision", "rule", "target", "target_text", "actual",
    "actual_text", "status", "reason", "achievement", "predicate", "category", "why",
    "predicate_scale", "category_scale", "rounding", "achievement_places", "licence",
)
BUDGET_COLUMNS: tuple[str, ...] = (
    "region", "agency_code", "agency_name", "year", "code", "name", "level", "parent",
    "ceiling", "spent", "absorption", "absorption_threshold", "licence",
)
INDEX_COLUMNS: tuple[str, ...] = (
    "region", "agency_code", "agency_name", "year", "version", "sha256", "json", "csv",
    "budget_csv", "page", "licence",
)


def _d(value: Decimal | None) -> str | None:
    return canonical(value) if value is not None else None


def scale_dict(scale: Scale) -> dict[str, Any]:
    return {
        "code": scale.code, "name": scale.name, "kind": scale.kind.value,
        "closed": scale.closed.value, "source": scale.source,
        "bands": [{"label": b.label, "label_en": b.label_en, "lower": _d(b.lower),
                   "upper": _d(b.upper), "exactly": _d(b.exactly),
                   "closed": b.closed.value if b.closed else None} for b in scale.bands],
    }


def document(plan: Plan, m: Measurement, meta: dict[str, Any]) -> dict[str, Any]:
    """The JSON file of an agency-year: ``metadata`` (``meta`` with the licence), ``rules`` and
    the ``measurement``."""
    figures = measurement_to_dict(plan, m)
    by_code = plan.indicator_by_code
    for row in figures["indicators"]:  # how each indicator is measured, beside its figures
        indicator = by_code[row["code"]]
        row["aggregation"] = indicator.aggregation.value
        row["precision"] = indicator.precision
    used = [code for code in (m.settings.predicate_scale, m.settings.category_scale)
            if code in plan.scale_by_code]
    return {
        "metadata": {**meta, "licence": LICENCE, "licence_url": LICENCE_URL,
                     "format_version": FORMAT_VERSION},
        "rules": {"settings": figures["settings"],
                  "scales": [scale_dict(plan.scale_by_code[code]) for code in dict.fromkeys(used)]},
        "measurement": figures,
    }


def indicator_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    meta, settings = doc["metadata"], doc["rules"]["settings"]
    common = {"region": meta["region"]["slug"], "agency_code": meta["agency"]["code"],
              "agency_name": meta["agency"]["name"], "year": meta["year"],
              "predicate_scale": settings["predicate_scale"],
              "category_scale": settings["category_scale"], "rounding": settings["rounding"],
              "achievement_places": settings["achievement_places"], "licence": LICENCE}
    return [{**common, **{k: v for k, v in row.items() if k in INDICATOR_COLUMNS}}
            for row in doc["measurement"]["indicators"]]


def budget_rows(doc: dict[str, Any]) -> list[dict[str, Any]]:
    meta, settings = doc["metadata"], doc["rules"]["settings"]
    common = {"region": meta["region"]["slug"], "agency_code": meta["agency"]["code"],
              "agency_name": meta["agency"]["name"], "year": meta["year"],
              "absorption_threshold": settings["absorption_threshold"], "licence": LICENCE}
    return [{**common, **{k: v for k, v in row.items() if k in BUDGET_COLUMNS}}
            for row in doc["measurement"]["budget"]]


def to_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """RFC 4180 CSV with a header row: no comment lines, empty cells for missing values, booleans
    as ``true``/``false``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n",
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
