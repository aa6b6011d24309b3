"""Editable grids: targets per year, realisations per period, and one realisation in detail.

A POST is read whole first; a cell that is not a number comes back with its error and nothing
is saved. Otherwise the grid's values become edits of the plan's records, saved through the
write path (``saving.py``): the plan checks put their problems beside the cells, values changed
by someone else since the page was shown are kept and reported, and the page shows the
achievements the core computes.
"""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import ActualStatus as Status
from sakip.web.access import Action, can, requires
from sakip.web.dashboards.figures import category_color
from sakip.web.entry.cells import choice, number, shown, text
from sakip.web.entry.saving import Form, Inputs, input_of, saved
from sakip.web.labels import LEVELS, RULES
from sakip.web.measuring import measured
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import ANNUAL, Actual, Agency, Indicator
from sakip.web.plans.models.choices import ActualStatus
from sakip.web.workflow.models import AgencyYear, Evidence

PERIODS = (1, 2, 3, 4, ANNUAL)
STATUSES = [s.value for s in ActualStatus]
# ------------------------------------------------------------------------------------ targets


@requires(Action.READ, post=Action.EDIT)
def targets(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    plan = plan_from_db(agency)
    years = list(agency.strategic_plan.years)
    editable = {y: can(request.user, Action.EDIT, agency, y) for y in years}
    indicators = list(agency.indicators.all())
    form = Form()
    for i in indicators:
        for y in years:
            t = plan.indicator_by_code[i.code].target(y)
            form.values[f"t-{i.pk}-{y}"] = (((t.text or "") if t else "") if i.levels
                                            else shown(t.value if t else None))
            form.values[f"u-{i.pk}-{y}"] = shown(t.upper if t else None)
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k[:2] in ("t-", "u-")})
        edits: list[r.Edit] = []
        inputs = Inputs()
        for i in indicators:
            for y in (y for y in years if editable[y]):
                name, upper_name = f"t-{i.pk}-{y}", f"u-{i.pk}-{y}"
                if name not in request.POST:
                    continue
                if i.levels:
                    target = model.Target(y, text=(form.values.get(name) or "").strip() or None)
                else:
                    target = model.Target(y, form.read(name, number), None,
                                          form.read(upper_name, number))
                key = (i.code, y, None, None)
                inputs.add(r.TARGET, key, value=name, text=name, upper=upper_name, any=name)
                empty = target.value is None and target.text is None and target.upper is None
                edits.append(r.Remove(r.TARGET, key) if empty else r.Put(r.TARGET, key, target))
        if saved(request, agency, edits, form=form, locate=inputs,
                 success=gettext("Target tersimpan: %(count)s perubahan.")):
            return redirect("targets", agency=agency.pk, year=year)
    rows = [{"indicator": i, "level": LEVELS[i.level],
             "cells": [{"year": y, "editable": editable[y],
                        "value": input_of(form, f"t-{i.pk}-{y}", f"{i.code} {y}"),
                        "upper": input_of(form, f"u-{i.pk}-{y}", f"{i.code} {y} batas atas")}
                       for y in years]} for i in indicators]
    return TemplateResponse(request, "entry/targets.html", {
        "agency": agency, "state": state, "years": years, "editable": editable, "rows": rows,
        "form": form, "any_editable": any(editable.values()),
    }, status=400 if form.errors or request.method == "POST" else 200)


# ------------------------------------------------------------------------------- realisations


def _posted_actual(form: Form, prefix: str, period: int, stored: model.Actual | None,
                   year: int, annual: bool, detail: bool = False) -> model.Actual:
    """The realisation of one period as posted; fields the page does not show stay as stored."""
    base = stored or model.Actual(year, quarter=period or None)
    actual = replace(base, value=form.read(f"{prefix}v{period}", number))
    if annual:
        status = form.read(f"{prefix}s", choice, STATUSES, "status") or Status.FINAL.value
        actual = replace(actual, text=form.read(f"{prefix}x", text, 200), status=Status(status),
                         reason=form.read(f"{prefix}r", text))
    if detail:
        actual = replace(actual, expected=form.read(f"{prefix}e", text, 10),
                         note=form.read(f"{prefix}n", text))
    return actual


def _empty(actual: model.Actual) -> bool:
    return (actual.status is Status.FINAL and actual.value is None and actual.text is None
            and actual.reason is None and actual.expected is None and actual.note is None)


def _actual_edit(actual: model.Actual, key: r.Key, with_evidence: set[r.Key]) -> r.Edit:
    if _empty(actual) and key not in with_evidence:
        return r.Remove(r.ACTUAL, key)
    return r.Put(r.ACTUAL, key, actual)


def _actual_inputs(inputs: Inputs, key: r.Key, prefix: str, period: int) -> None:
    if period == ANNUAL:
        inputs.add(r.ACTUAL, key, value=f"{prefix}v{period}", text=f"{prefix}x",
                   status=f"{prefix}s", reason=f"{prefix}r", expected=f"{prefix}e",
                   note=f"{prefix}n", any=f"{prefix}v{period}")
    else:
        inputs.add(r.ACTUAL, key, value=f"{prefix}v{period}", any=f"{prefix}v{period}")


def _with_evidence(agency: Agency, year: int) -> set[r.Key]:
    return {(code, year, period or None, month or None) for code, period, month in
            Evidence.objects.filter(actual__indicator__agency=agency, actual__year=year)
            .values_list("actual__indicator__code", "actual__period", "actual__month")}


def _actual_form(form: Form, prefix: str, indicator: model.Indicator, year: int) -> None:
    stored = {a.quarter or ANNUAL: a for a in indicator.actuals_of(year) if a.month is None}
    for period in PERIODS:
        a = stored.get(period)
        form.values[f"{prefix}v{period}"] = shown(a.value if a else None)
    annual = stored.get(ANNUAL)
    form.values[f"{prefix}x"] = (annual.text or "") if annual else ""
    form.values[f"{prefix}s"] = annual.status.value if annual else ActualStatus.FINAL
    form.values[f"{prefix}r"] = (annual.reason or "") if annual else ""
    form.values[f"{prefix}e"] = (annual.expected or "") if annual else ""
    form.values[f"{prefix}n"] = (annual.note or "") if annual else ""


@requires(Action.READ, post=Action.EDIT)
def actuals(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    indicators = list(agency.indicators.all())
    plan = plan_from_db(agency)
    form = Form()
    for i in indicators:
        _actual_form(form, f"a-{i.pk}-", plan.indicator_by_code[i.code], year)
    status = 200
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith("a-")})
        evidence = _with_evidence(agency, year)
        edits: list[r.Edit] = []
        inputs = Inputs()
        for i in indicators:
            prefix = f"a-{i.pk}-"
            if f"{prefix}s" not in request.POST:
                continue
            stored = {a.quarter or ANNUAL: a for a in plan.indicator_by_code[i.code].actuals_of(year)
                      if a.month is None}
            for period in PERIODS:
                key = (i.code, year, period or None, None)
                actual = _posted_actual(form, prefix, period, stored.get(period), year,
                                        period == ANNUAL)
                _actual_inputs(inputs, key, prefix, period)
                edits.append(_actual_edit(actual, key, evidence))
        status = 400
        if saved(request, agency, edits, form=form, locate=inputs,
                 success=gettext("Realisasi tersimpan: %(count)s perubahan.")):
            return redirect("actuals", agency=agency.pk, year=year)
    plan, m = measured(agency, year)
    results = {r.code: r for r in m.indicators}
    rows = []
    for i in indicators:
        p = f"a-{i.pk}-"
        rows.append({
            "indicator": i, "level": LEVELS[i.level], "result": results[i.code],
            "color": category_color(plan, results[i.code]),
            "periods": [input_of(form, f"{p}v{period}",
                                 f"{i.code} " + (f"TW {period}" if period else "setahun"))
                        for period in PERIODS],
            "text": input_of(form, f"{p}x", f"{i.code} realisasi kualitatif"),
            "status": input_of(form, f"{p}s", f"{i.code} status"),
            "reason": input_of(form, f"{p}r", f"{i.code} alasan")})
    return TemplateResponse(request, "entry/actuals.html", {
        "agency": agency, "state": state, "year": year, "rows": rows, "form": form,
        "statuses": ActualStatus.choices, "periods": PERIODS,
        "can_edit": can(request.user, Action.EDIT, agency, year, state=state),
        "readonly": not can(request.user, Action.EDIT, agency, year, state=state),
    }, status=status)


@requires(Action.READ, post=Action.EDIT)
def actual_detail(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
                  indicator: int) -> HttpResponse:
    from sakip.web.entry.evidence import EvidenceForm, attach

    item = get_object_or_404(Indicator, pk=indicator, agency=agency)
    plan = plan_from_db(agency)
    core = plan.indicator_by_code[item.code]
    prefix = "d-"
    form = Form()
    _actual_form(form, prefix, core, year)
    upload = EvidenceForm()
    status = 200
    if request.method == "POST" and "berkas" in request.FILES:
        upload = EvidenceForm(request.POST, request.FILES)
        if upload.is_valid():
            attach(request, agency, item, year, upload.cleaned_data["berkas"])
            messages.success(request, gettext("Bukti dukung terunggah."))
            return redirect("actual_detail", agency=agency.pk, year=year, indicator=item.pk)
        messages.error(request, gettext("Berkas tidak diterima; tidak ada yang diubah."))
        status = 400
    elif request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith(prefix)})
        key = (item.code, year, None, None)
        stored = next((a for a in core.actuals_of(year) if a.quarter is None and a.month is None),
                      None)
        actual = _posted_actual(form, prefix, ANNUAL, stored, year, True, detail=True)
        inputs = Inputs()
        _actual_inputs(inputs, key, prefix, ANNUAL)
        status = 400
        edit = _actual_edit(actual, key, _with_evidence(agency, year))
        if saved(request, agency, [edit], form=form, locate=inputs,
                 success=gettext("Realisasi tersimpan: %(count)s perubahan.")):
            return redirect("actual_detail", agency=agency.pk, year=year, indicator=item.pk)
    row = Actual.objects.filter(indicator=item, year=year, period=ANNUAL, month=ANNUAL).first()
    plan, m = measured(agency, year)
    result = m.result(item.code)
    return TemplateResponse(request, "entry/actual_detail.html", {
        "agency": agency, "state": state, "year": year, "indicator": item, "row": row,
        "result": result, "color": category_color(plan, result), "rule": RULES.get(result.rule),
        "form": form, "statuses": ActualStatus.choices, "upload": upload,
        "fields": {key: input_of(form, prefix + key) for key in ("v0", "x", "s", "r", "e", "n")},
        "evidence": row.evidence.all() if row else [],
        "quarters": Actual.objects.filter(indicator=item, year=year).exclude(period=ANNUAL),
        "history_key": f"realisasi:{item.code}:{year}:{ANNUAL}",
        "can_edit": can(request.user, Action.EDIT, agency, year, state=state),
        "readonly": not can(request.user, Action.EDIT, agency, year, state=state),
    }, status=status)
