"""Budgets per activity for a year (pagu induk, pagu, realisasi, fisik, sumber dana, penjelasan)
and the agency's spending composition. Absorption shown is the core's roll-up."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import SpendingKind as Kind
from sakip.web.access import Action, can, requires
from sakip.web.entry.cells import choice, number, shown, text
from sakip.web.entry.saving import Form, Inputs, input_of, saved
from sakip.web.measuring import measured
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import Agency
from sakip.web.plans.models.choices import SpendingKind
from sakip.web.workflow.models import AgencyYear

MONEY = ("ceiling_original", "ceiling", "spent")
FIELDS = {"ceiling_original": "pi", "ceiling": "pg", "spent": "rs", "physical": "fs",
          "source_of_funds": "sd", "explanation": "pj"}


@requires(Action.READ, post=Action.EDIT)
def budgets(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    activities = list(agency.activities.select_related("program"))
    plan = plan_from_db(agency)
    stored = {b.activity: b for b in plan.budgets_of(year)}
    form = Form()
    for a in activities:
        b = stored.get(a.code)
        for name, short in FIELDS.items():
            value = getattr(b, name) if b else None
            form.values[f"b-{a.pk}-{short}"] = (shown(value) if name in MONEY or name == "physical"
                                                else (value or ""))
    status = 200
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith("b-")})
        edits: list[r.Edit] = []
        inputs = Inputs()
        for a in activities:
            if f"b-{a.pk}-pg" not in request.POST:
                continue
            p = f"b-{a.pk}-"
            values: dict[str, Any] = {name: form.read(p + FIELDS[name], number, negative=False,
                                                      places=2) for name in MONEY}
            values["physical"] = form.read(p + "fs", number, negative=False)
            values["source_of_funds"] = form.read(p + "sd", text, 200)
            values["explanation"] = form.read(p + "pj", text)
            key = (a.code, year, None, None)
            inputs.add(r.BUDGET, key, any=p + "pg", **{n: p + short for n, short in FIELDS.items()})
            edits.append(r.Remove(r.BUDGET, key) if all(v is None for v in values.values())
                         else r.Put(r.BUDGET, key, model.Budget(a.code, year, **values)))
        status = 400
        if saved(request, agency, edits, form=form, locate=inputs,
                 success=gettext("Anggaran tersimpan: %(count)s perubahan.")):
            return redirect("budgets", agency=agency.pk, year=year)
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
    }, status=status)


@requires(Action.READ, post=Action.EDIT)
def spending(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    plan = plan_from_db(agency)
    lines = [(i, s) for i, s in enumerate(plan.spending) if s.year == year]  # (index in the plan, line)
    kinds = [k.value for k in SpendingKind]
    prefixes = [f"s-{i}-" for i, _ in lines] + ["s-new-"]
    form = Form()
    for i, line in lines:
        form.values.update({f"s-{i}-k": line.kind.value, f"s-{i}-l": line.label,
                            f"s-{i}-pi": shown(line.ceiling_original),
                            f"s-{i}-pg": shown(line.ceiling), f"s-{i}-rs": shown(line.spent)})
    status = 200
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith("s-")})
        edits: list[r.Edit] = []
        inputs = Inputs()
        for prefix, (index, _) in zip(prefixes, [*lines, (None, None)], strict=True):
            if prefix + "l" not in request.POST:
                continue
            label = form.read(prefix + "l", text, 200)
            kind = form.read(prefix + "k", choice, kinds, "jenis belanja") if label else None
            values = {"ceiling_original": form.read(prefix + "pi", number, negative=False, places=2),
                      "ceiling": form.read(prefix + "pg", number, negative=False, places=2),
                      "spent": form.read(prefix + "rs", number, negative=False, places=2)}
            if label is None and any(v is not None for v in values.values()):
                form.errors[prefix + "l"] = gettext("Uraian wajib diisi.")
            key = (index,) if index is not None else None
            if key is not None:
                inputs.add(r.SPENDING, key, kind=prefix + "k", label=prefix + "l",
                           ceiling_original=prefix + "pi", ceiling=prefix + "pg",
                           spent=prefix + "rs", any=prefix + "l")
            if label is None:
                if key is not None:
                    edits.append(r.Remove(r.SPENDING, key))
                continue
            line = model.SpendingLine(year, Kind(kind or Kind.OTHER.value), label, **values)
            edits.append(r.Put(r.SPENDING, key, line))
        status = 400
        if saved(request, agency, edits, form=form, locate=inputs,
                 success=gettext("Komposisi belanja tersimpan: %(count)s perubahan.")):
            return redirect("spending", agency=agency.pk, year=year)
    _, m = measured(agency, year)
    rows = [[input_of(form, f"{prefix}{short}") for short in ("k", "l", "pi", "pg", "rs")]
            for prefix in prefixes]
    return TemplateResponse(request, "entry/spending.html", {
        "agency": agency, "state": state, "year": year, "rows": rows, "form": form,
        "kinds": SpendingKind.choices, "results": m.spending,
        "can_edit": can(request.user, Action.EDIT, agency, year, state=state),
        "readonly": not can(request.user, Action.EDIT, agency, year, state=state),
    }, status=status)
