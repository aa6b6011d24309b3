"""Editable grids: targets per year, realisations per period, and one realisation in detail.

A POST is read whole first; if any cell is wrong the grid comes back with every error beside
its cell and nothing is saved. Otherwise all changes are saved in one transaction together
with their audit entries, and the page shows the achievements the core computes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from sakip.web.access import Action, can, requires
from sakip.web.dashboards.figures import category_color
from sakip.web.entry.cells import CellError, choice, number, shown, text
from sakip.web.labels import LEVELS, RULES
from sakip.web.measuring import measured
from sakip.web.plans.models import ANNUAL, Actual, Agency, Indicator, Target
from sakip.web.plans.models.choices import ActualStatus
from sakip.web.workflow.audit import Trail
from sakip.web.workflow.models import AgencyYear

PERIODS = (1, 2, 3, 4, ANNUAL)
STATUSES = [s.value for s in ActualStatus]


@dataclass
class Form:
    """What was posted (or is stored), and the errors, by input name."""

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def read(self, name: str, reader: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return reader(self.values.get(name), *args, **kwargs)
        except CellError as error:
            self.errors[name] = error.message
            return None


def input_of(form: Form, name: str, label: str = "") -> dict[str, str]:
    """One input for a template: its name, the value shown, its error, a label for readers."""
    return {"name": name, "value": form.values.get(name) or "", "error": form.errors.get(name, ""),
            "label": label}


def _reason(request: HttpRequest) -> str:
    return (request.POST.get("alasan") or "").strip()[:1000]


# ------------------------------------------------------------------------------------ targets


@requires(Action.READ, post=Action.EDIT)
def targets(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    years = list(agency.strategic_plan.years)
    editable = {y: can(request.user, Action.EDIT, agency, y) for y in years}
    indicators = list(agency.indicators.all())
    stored = {(t.indicator_id, t.year): t for t in Target.objects.filter(indicator__agency=agency)}
    form = Form()
    for i in indicators:
        for y in years:
            t = stored.get((i.pk, y))
            form.values[f"t-{i.pk}-{y}"] = (((t.text or "") if t else "") if i.levels
                                            else shown(t.value if t else None))
            form.values[f"u-{i.pk}-{y}"] = shown(t.upper if t else None)
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k[:2] in ("t-", "u-")})
        planned: list[tuple[Indicator, int, dict[str, Any]]] = []
        for i in indicators:
            for y in (y for y in years if editable[y]):
                name = f"t-{i.pk}-{y}"
                if i.levels:
                    raw = (form.values.get(name) or "").strip()
                    if raw and raw not in i.levels:
                        form.errors[name] = gettext("Pilih salah satu tingkatan:") + " " + ", ".join(i.levels)
                    values = {"value": None, "text": raw or None, "upper": None}
                else:
                    values = {"value": form.read(name, number), "text": None,
                              "upper": form.read(f"u-{i.pk}-{y}", number)}
                planned.append((i, y, values))
        if not form.errors:
            count = _save_targets(request, agency, stored, planned)
            messages.success(request, gettext("Target tersimpan: %(count)s perubahan.") % {"count": count})
            return redirect("targets", agency=agency.pk, year=year)
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
    rows = [{"indicator": i, "level": LEVELS[i.level],
             "cells": [{"year": y, "editable": editable[y],
                        "value": input_of(form, f"t-{i.pk}-{y}", f"{i.code} {y}"),
                        "upper": input_of(form, f"u-{i.pk}-{y}", f"{i.code} {y} batas atas")}
                       for y in years]} for i in indicators]
    return TemplateResponse(request, "entry/targets.html", {
        "agency": agency, "state": state, "years": years, "editable": editable, "rows": rows,
        "form": form, "any_editable": any(editable.values()),
    }, status=400 if form.errors else 200)


@transaction.atomic
def _save_targets(request: HttpRequest, agency: Agency, stored: dict[tuple[int, int], Target],
                  planned: list[tuple[Indicator, int, dict[str, Any]]]) -> int:
    trail = Trail(agency, request.user, _reason(request))
    for indicator, year, values in planned:
        key, label = f"target:{indicator.code}:{year}", f"Target {indicator.code} {year}"
        row = stored.get((indicator.pk, year))
        empty = all(v is None for v in values.values())
        if row is None:
            if not empty:
                row = Target(indicator=indicator, year=year, position=year)
                trail.compare(key, label, row, values, year)
                row.save()
        elif empty:
            trail.compare(key, label, row, values, year)
            row.delete()
        elif trail.compare(key, label, row, values, year):
            row.save()
    return trail.save()


# ------------------------------------------------------------------------------- realisations


def _actual_values(form: Form, indicator: Indicator, prefix: str) -> dict[int, dict[str, Any]]:
    """The posted realisation of one indicator: period → field values (annual carries status)."""
    result: dict[int, dict[str, Any]] = {}
    for period in PERIODS:
        result[period] = {"value": form.read(f"{prefix}v{period}", number)}
    annual = result[ANNUAL]
    annual["text"] = form.read(f"{prefix}x", text, 200)
    annual["status"] = form.read(f"{prefix}s", choice, STATUSES, "status") or ActualStatus.FINAL
    annual["reason"] = form.read(f"{prefix}r", text)
    if annual["text"] and indicator.levels and annual["text"] not in indicator.levels:
        form.errors[f"{prefix}x"] = gettext("Pilih salah satu tingkatan:") + " " + ", ".join(indicator.levels)
    if annual["status"] == ActualStatus.NOT_AVAILABLE:
        if annual["value"] is not None or annual["text"]:
            form.errors[f"{prefix}s"] = gettext(
                "Data “belum tersedia” tidak berisi nilai: kosongkan nilainya.")
        elif not annual["reason"]:
            form.errors[f"{prefix}r"] = gettext("Tuliskan alasan data belum tersedia.")
    return result


def _save_actual(trail: Trail, indicator: Indicator, year: int, period: int,
                 values: dict[str, Any], row: Actual | None) -> None:
    key = f"realisasi:{indicator.code}:{year}:{period}"
    label = f"Realisasi {indicator.code} {year}" + (f" TW {period}" if period else "")
    meaningful = {k: v for k, v in values.items() if k != "status"}
    empty = all(v is None for v in meaningful.values()) and values.get(
        "status", ActualStatus.FINAL) == ActualStatus.FINAL
    if row is None:
        if not empty:
            row = Actual(indicator=indicator, year=year, period=period, position=year * 10 + period)
            trail.compare(key, label, row, values, year)
            row.save()
    elif empty and not row.evidence.exists():
        trail.compare(key, label, row, {k: None for k in meaningful}, year)
        row.delete()
    elif trail.compare(key, label, row, values, year):
        row.save()


@requires(Action.READ, post=Action.EDIT)
def actuals(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    indicators = list(agency.indicators.all())
    stored = {(a.indicator_id, a.period): a for a in
              Actual.objects.filter(indicator__agency=agency, year=year)}
    form = Form()
    for i in indicators:
        for period in PERIODS:
            a = stored.get((i.pk, period))
            form.values[f"a-{i.pk}-v{period}"] = shown(a.value if a else None)
        annual = stored.get((i.pk, ANNUAL))
        form.values[f"a-{i.pk}-x"] = (annual.text or "") if annual else ""
        form.values[f"a-{i.pk}-s"] = annual.status if annual else ActualStatus.FINAL
        form.values[f"a-{i.pk}-r"] = (annual.reason or "") if annual else ""
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith("a-")})
        planned = [(i, _actual_values(form, i, f"a-{i.pk}-")) for i in indicators
                   if f"a-{i.pk}-s" in request.POST]
        if not form.errors:
            with transaction.atomic():
                trail = Trail(agency, request.user, _reason(request), year)
                for indicator, periods in planned:
                    for period, values in periods.items():
                        _save_actual(trail, indicator, year, period, values,
                                     stored.get((indicator.pk, period)))
                count = trail.save()
            messages.success(request, gettext("Realisasi tersimpan: %(count)s perubahan.") % {"count": count})
            return redirect("actuals", agency=agency.pk, year=year)
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
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
    }, status=400 if form.errors else 200)


@requires(Action.READ, post=Action.EDIT)
def actual_detail(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
                  indicator: int) -> HttpResponse:
    from sakip.web.entry.evidence import EvidenceForm, attach

    item = get_object_or_404(Indicator, pk=indicator, agency=agency)
    row = Actual.objects.filter(indicator=item, year=year, period=ANNUAL).first()
    prefix = "d-"
    form = Form({f"{prefix}v{ANNUAL}": shown(row.value if row else None),
                 f"{prefix}x": (row.text or "") if row else "",
                 f"{prefix}s": row.status if row else ActualStatus.FINAL,
                 f"{prefix}r": (row.reason or "") if row else "",
                 f"{prefix}e": (row.expected or "") if row else "",
                 f"{prefix}n": (row.note or "") if row else ""})
    upload = EvidenceForm()
    if request.method == "POST" and "berkas" in request.FILES:
        upload = EvidenceForm(request.POST, request.FILES)
        if upload.is_valid():
            attach(request, agency, item, year, row, upload.cleaned_data["berkas"])
            messages.success(request, gettext("Bukti dukung terunggah."))
            return redirect("actual_detail", agency=agency.pk, year=year, indicator=item.pk)
        messages.error(request, gettext("Berkas tidak diterima; tidak ada yang diubah."))
    elif request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith(prefix)})
        values = _actual_values(form, item, prefix)[ANNUAL]
        values["expected"] = form.read(f"{prefix}e", text, 10)
        values["note"] = form.read(f"{prefix}n", text)
        if not form.errors:
            with transaction.atomic():
                trail = Trail(agency, request.user, _reason(request), year)
                _save_actual(trail, item, year, ANNUAL, values, row)
                count = trail.save()
            messages.success(request, gettext("Realisasi tersimpan: %(count)s perubahan.") % {"count": count})
            return redirect("actual_detail", agency=agency.pk, year=year, indicator=item.pk)
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
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
    }, status=400 if form.errors or upload.errors else 200)

