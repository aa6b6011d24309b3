"""Budgets per activity for a year (pagu induk, pagu, realisasi, fisik, sumber dana, penjelasan)
and the agency's spending composition. Absorption shown is the core's roll-up."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from sakip.web.access import Action, can, requires
from sakip.web.entry.cells import choice, number, shown, text
from sakip.web.entry.grids import Form, _reason, input_of
from sakip.web.measuring import measured
from sakip.web.plans.models import Agency, Budget, SpendingLine
from sakip.web.plans.models.choices import SpendingKind
from sakip.web.workflow.audit import Trail
from sakip.web.workflow.models import AgencyYear

MONEY = ("ceiling_original", "ceiling", "spent")
FIELDS = {"ceiling_original": "pi", "ceiling": "pg", "spent": "rs", "physical": "fs",
          "source_of_funds": "sd", "explanation": "pj"}


@requires(Action.READ, post=Action.EDIT)
def budgets(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    activities = list(agency.activities.select_related("program"))
    stored = {b.activity_id: b for b in Budget.objects.filter(activity__agency=agency, year=year)}
    form = Form()
    for a in activities:
        b = stored.get(a.pk)
        for name, short in FIELDS.items():
            value = getattr(b, name) if b else None
            form.values[f"b-{a.pk}-{short}"] = (shown(value) if name in MONEY or name == "physical"
                                                else (value or ""))
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith("b-")})
        planned = []
        for a in activities:
            if f"b-{a.pk}-pg" not in request.POST:
                continue
            p = f"b-{a.pk}-"
            values: dict[str, Any] = {name: form.read(p + FIELDS[name], number, negative=False,
                                                      places=2) for name in MONEY}
            values["physical"] = form.read(p + "fs", number, negative=False)
            values["source_of_funds"] = form.read(p + "sd", text, 200)
            values["explanation"] = form.read(p + "pj", text)
            planned.append((a, values))
        if not form.errors:
            with transaction.atomic():
                trail = Trail(agency, request.user, _reason(request), year)
                for activity, values in planned:
                    key, label = f"anggaran:{activity.code}:{year}", f"Anggaran {activity.code} {year}"
                    row = stored.get(activity.pk)
                    empty = all(v is None for v in values.values())
                    if row is None and not empty:
                        row = Budget(activity=activity, year=year,
                                     position=year * 10000 + activity.position)
                        trail.compare(key, label, row, values, year)
                        row.save()
                    elif row is not None and empty:
                        trail.compare(key, label, row, values, year)
                        row.delete()
                    elif row is not None and trail.compare(key, label, row, values, year):
                        row.save()
                count = trail.save()
            messages.success(request, gettext("Anggaran tersimpan: %(count)s perubahan.") % {"count": count})
            return redirect("budgets", agency=agency.pk, year=year)
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
    _, m = measured(agency, year)
    lines = {line.code: line for line in m.budget}
    rows = [{"activity": a, "line": lines.get(a.code),
             "fields": [input_of(form, f"b-{a.pk}-{short}", f"{a.code} {name}")
                        for name, short in FIELDS.items()]} for a in activities]
    return TemplateResponse(request, "entry/budgets.html", {
        "agency": agency, "state": state, "year": year, "rows": rows, "form": form, "m": m,
        "programs": [b for b in m.budget if b.level in ("program", "agency")],
        "can_edit": can(request.user, Action.EDIT, agency, year, state=state),
        "readonly": not can(request.user, Action.EDIT, agency, year, state=state),
    }, status=400 if form.errors else 200)


@requires(Action.READ, post=Action.EDIT)
def spending(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    lines = list(SpendingLine.objects.filter(agency=agency, year=year))
    kinds = [k.value for k in SpendingKind]
    form = Form()
    for line in lines:
        form.values.update({f"s-{line.pk}-k": line.kind, f"s-{line.pk}-l": line.label,
                            f"s-{line.pk}-pi": shown(line.ceiling_original),
                            f"s-{line.pk}-pg": shown(line.ceiling), f"s-{line.pk}-rs": shown(line.spent)})
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith("s-")})
        planned: list[tuple[SpendingLine | None, dict[str, Any]]] = []
        for key in [f"s-{line.pk}-" for line in lines] + ["s-new-"]:
            label = form.read(key + "l", text, 200)
            values = {"kind": form.read(key + "k", choice, kinds, "jenis belanja") if label else None,
                      "label": label,
                      "ceiling_original": form.read(key + "pi", number, negative=False, places=2),
                      "ceiling": form.read(key + "pg", number, negative=False, places=2),
                      "spent": form.read(key + "rs", number, negative=False, places=2)}
            if label is None and any(v is not None for v in values.values()):
                form.errors[key + "l"] = gettext("Uraian wajib diisi.")
            row = next((line for line in lines if f"s-{line.pk}-" == key), None)
            planned.append((row, values))
        if not form.errors:
            with transaction.atomic():
                trail = Trail(agency, request.user, _reason(request), year)
                for row, values in planned:
                    if row is None and values["label"]:
                        row = SpendingLine(agency=agency, year=year, position=year * 100 + len(lines))
                        trail.compare(f"belanja:{year}:baru", f"Belanja {year}", row, values)
                        row.save()
                    elif row is not None and values["label"] is None:
                        trail.compare(f"belanja:{year}:{row.pk}", f"Belanja {year}", row, values)
                        row.delete()
                    elif row is not None and trail.compare(f"belanja:{year}:{row.pk}",
                                                           f"Belanja {year} {row.label}", row, values):
                        row.save()
                count = trail.save()
            messages.success(request, gettext("Komposisi belanja tersimpan: %(count)s perubahan.")
                             % {"count": count})
            return redirect("spending", agency=agency.pk, year=year)
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
    _, m = measured(agency, year)
    rows = [[input_of(form, f"{key}{short}") for short in ("k", "l", "pi", "pg", "rs")]
            for key in [f"s-{line.pk}-" for line in lines] + ["s-new-"]]
    return TemplateResponse(request, "entry/spending.html", {
        "agency": agency, "state": state, "year": year, "rows": rows, "form": form,
        "kinds": SpendingKind.choices, "results": m.spending,
        "can_edit": can(request.user, Action.EDIT, agency, year, state=state),
        "readonly": not can(request.user, Action.EDIT, agency, year, state=state),
    }, status=400 if form.errors else 200)
