"""Asal angka: how a figure of an agency-year was found (issue 15, point 3).

``/opd/<agency>/<year>/asal/<what>/`` shows the derivations of an indicator's figures (target,
realisation, achievement, change, final target), of a goal's or objective's mean, of a budget
line's ceiling, spending and absorption — ``what`` is the code — or of one figure by its key
(``achievement:2020:IKU-01``). They are the core's (sakip.core.derivations), computed from the
same plan and measurement as every other page; the sources of the values are the audit trail:
the user and time of the latest entry that wrote each value (sakip.web.plans.write.audit_key).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse

from sakip.core.derivations import budget_keys, derive_all, group_keys, in_language, indicator_keys
from sakip.core.measure import measure
from sakip.core.provenance import (
    Derivation,
    Key,
    Source,
    SourceKind,
    Sources,
    label,
    number,
    pick,
    result_text,
)
from sakip.core.scales import band_labels
from sakip.web.access import Action, requires
from sakip.web.labels import language
from sakip.web.measuring import measured
from sakip.web.plans.models import Agency
from sakip.web.workflow.models import AgencyYear, AuditEntry


def audit_sources(agency: Agency) -> Sources:
    """The sources of an agency's values: the latest audit entry that wrote each (its user and
    time), looked up when a derivation asks for one."""
    from sakip.web.plans.write import AUDIT, audit_key

    def locate(kind: str, key: Key, field: str | None) -> Source | None:
        if kind not in AUDIT:
            return None
        entry_key = audit_key(agency, kind, key)
        entries = AuditEntry.objects.filter(agency=agency, key=entry_key)
        if field is not None:
            entries = entries.filter(field=field)
        entry = entries.select_related("user").order_by("-at", "-id").first()
        if entry is None:
            return None
        user = entry.user
        name = (user.get_full_name() or user.get_username()) if user is not None else None
        return Source(SourceKind.WEB, user=name, at=entry.at.isoformat(timespec="seconds"),
                      entry=entry_key)

    return Sources(locate)


def keys_of(what: str, plan: Any, m: Any) -> list[str]:
    """The figures ``what`` names: a figure key, or the figures of a code (as ``sakip explain``)."""
    if ":" in what:
        return [what]
    keys: list[str] = []
    if what in plan.indicator_by_code:
        keys += indicator_keys(m, what)
    keys += group_keys(m, what)
    if any(line.code == what for line in m.budget):
        keys += budget_keys(m, what)
    return keys


@requires(Action.READ)
def page(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
         what: str) -> HttpResponse:
    plan, m = measured(agency, year)
    keys = keys_of(what, plan, m)
    sp = plan.strategic_plan
    history = {year - 1: measure(plan, year - 1)} if year - 1 >= sp.start else {}
    found = derive_all(plan, m, audit_sources(agency), keys=keys, history=history)
    if not found:
        raise Http404(what)
    lang = language()
    labels = band_labels(plan, lang)  # predicate and category in the page's language

    def link(key: str | None) -> str | None:
        if key is None:
            return None
        return reverse("planning_sources", kwargs={"agency": agency.pk, "year": year, "what": key})

    return TemplateResponse(request, "planning/sources.html", {
        "agency": agency, "state": state, "year": year, "what": what,
        "derivations": [_shown(in_language(d, labels), lang, link) for d in found.values()]})


def _shown(d: Derivation, lang: str, link: Any) -> dict[str, Any]:
    return {
        "key": d.key, "title": pick(d.title, lang), "rule": pick(d.rule, lang),
        "code": d.code if d.code != pick(d.rule, lang) else None,
        "inputs": [{"symbol": i.symbol, "label": pick(i.label, lang),
                    "value": i.text if i.text is not None and i.value is None
                    else number(i.value, lang, i.money),
                    "record": pick(i.record, lang) if i.record else None,
                    "source": pick(i.source.words(), lang) if i.source else None,
                    "figure": i.figure, "url": link(i.figure)} for i in d.inputs],
        "unrounded": number(d.unrounded, lang) if d.unrounded is not None else None,
        "rounding": pick(d.rounding, lang) if d.rounding else None,
        "result": result_text(d, lang),
        "note": pick(d.note, lang) if d.note else None,
        "note_label": label("note", lang),
    }


URLS = [path("asal/<str:what>/", page, name="planning_sources")]
