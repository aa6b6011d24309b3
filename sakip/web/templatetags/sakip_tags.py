"""Template filters: Indonesian numbers (through sakip.io.idnum, never Django's localisation)."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html

from sakip.io.idnum import format_id, format_rupiah, places_of

register = template.Library()


@register.filter
def idnum(value: Decimal | None, places: int | None = None) -> str:
    """``1234.5`` → ``1.234,5``; the value's own decimals unless ``places`` is given."""
    if value is None or value == "":
        return "–"
    value = Decimal(value)
    return format_id(value, places_of(value) if places is None else int(places))


@register.filter
def pct(value: Decimal | None, places: int = 2) -> str:
    return "–" if value is None else format_id(Decimal(value), int(places))


@register.filter
def rupiah(value: Decimal | None) -> str:
    return "–" if value is None else format_rupiah(Decimal(value))


@register.filter
def chip(color: str | None) -> str:
    """A small square in a band's colour (inline SVG: allowed by the CSP, unlike style="…")."""
    if not color:
        return ""
    return format_html(
        '<svg class="chip" width="12" height="12" aria-hidden="true">'
        '<rect width="12" height="12" rx="2" fill="{}"/></svg>', color)


@register.filter
def get(mapping: dict[object, object], key: object) -> object:
    return mapping.get(key) if mapping else None


@register.filter
def why(code: str | None) -> str:
    from sakip.web.labels import why as words

    return words(code)


@register.filter
def band(label: str | None, labels: object) -> str | None:
    """A predicate or category label as the page's language prints it: ``labels`` is the plan's
    :class:`sakip.core.scales.BandLabels` (``band_labels(plan, language())``); without it, the
    label as measured."""
    return labels(label) if callable(labels) else label  # type: ignore[no-any-return]
