"""The plan's structure: goals, objectives, strategies, programs, activities, indicators with
their semantics, data series, units, and the agency profile. One generic editor per kind.

A form describes one record; a save puts it into the plan through the write path (its code
changed: renamed in place, with everything that refers to it), where the plan loader's own
integrity checks (``sakip.io.plan_checks``) run; their problems are shown beside the fields.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from sakip.core import records as r
from sakip.core.model import Plan
from sakip.web.access import Action, can, requires
from sakip.web.entry.forms import formfield
from sakip.web.entry.kinds import KINDS, Kind
from sakip.web.entry.saving import Inputs, message, refused, save
from sakip.web.plans import models as m
from sakip.web.workflow.models import AgencyYear


def _kind(slug: str) -> Kind:
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404("jenis isian tidak dikenal")
    return kind


def form_class(kind: Kind) -> type[forms.ModelForm]:
    return forms.modelform_factory(kind.model, fields=kind.fields, formfield_callback=formfield,
                                   form=kind.base_form)


def _inputs(kind: Kind, key: r.Key, form: forms.ModelForm) -> Inputs:
    """The form's inputs by the record's field names (a row's column names differ only for the
    profile and the baseline, whose problems land on the first of them)."""
    inputs = Inputs()
    names = {name: form.add_prefix(name) for name in form.fields}
    names.update({"position": names.get("position_text", ""), "level": names.get("pemilik", ""),
                  "owner": names.get("pemilik", ""), "any": next(iter(names.values()), "")})
    for nested, parts in (("head", ("name", "title", "rank", "nip")),
                          ("baseline", ("year", "value", "text"))):
        names.update({f"{nested}.{part}": names.get(f"{nested}_{part}", "") for part in parts})
    inputs.add(kind.kind, key, **{k: v for k, v in names.items() if v})
    return inputs


def _save(request: HttpRequest, agency: m.Agency, kind: Kind, form: forms.ModelForm,
          old_code: str | None) -> tuple[Any, list[str]]:
    """The record the form describes, saved through the write path (renamed in place when its
    code changed). Problems go beside the form's fields, or are returned."""
    row = form.save(commit=False)  # not saved: the write path writes the rows
    record = kind.record(row)
    code = str(getattr(record, "code", ""))
    key: r.Key = () if kind.kind == r.AGENCY else (code,)
    renames = [(kind.kind, old_code, code)] if old_code and code != old_code else []

    def edits(plan: Plan) -> list[r.Edit]:
        # a new record is added (a code used already is then the plan checks' to find)
        where = key if form.instance.pk or kind.kind == r.AGENCY else None
        return [r.Put(kind.kind, where, record), *kind.more(plan, record, form)]

    outcome, problems = save(request, agency, edits, locate=_inputs(kind, key, form),
                              renames=renames)
    for problem in outcome.problems:
        field = next((name for name in form.fields if form.add_prefix(name) == problem.path), None)
        if field is not None:
            form.add_error(field, message(problem))
    return outcome, problems


def _editor(request: HttpRequest, agency: m.Agency, state: AgencyYear, kind: Kind,
            instance: models.Model | None) -> HttpResponse:
    cls = form_class(kind)
    old_code = getattr(instance, "code", None) if kind.kind != r.AGENCY else None
    form = cls(request.POST or None, instance=instance, agency=agency)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        outcome, problems = _save(request, agency, kind, form, old_code)
        if not outcome.refused:
            what = kind.label if kind.kind == r.AGENCY else f"{kind.label} {form.cleaned_data['code']}"
            messages.success(request, gettext("%(what)s tersimpan.") % {"what": what})
            return redirect("structure", agency=agency.pk, year=state.year)
    if request.method == "POST":
        refused(request)
    return TemplateResponse(request, "entry/structure_form.html", {
        "agency": agency, "state": state, "kind": kind, "form": form, "instance": instance,
        "problems": problems,
        "can_edit": can(request.user, Action.EDIT, agency, state.year, state=state),
    }, status=400 if request.method == "POST" else 200)


@requires(Action.READ)
def overview(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    sections = [(kind, kind.model.objects.filter(agency=agency)) for kind in KINDS.values()
                if kind.listed]
    return TemplateResponse(request, "entry/structure.html", {
        "agency": agency, "state": state, "sections": sections,
        "can_edit": can(request.user, Action.EDIT, agency, year, state=state),
        "can_manage": can(request.user, Action.MANAGE_REGION, agency),
    })


@requires(Action.EDIT)
def create(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear,
           kind: str) -> HttpResponse:
    found = _kind(kind)
    if found.kind == r.AGENCY:
        raise Http404("profil disunting di halaman profil")
    return _editor(request, agency, state, found, None)


@requires(Action.READ, post=Action.EDIT)
def edit(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear, kind: str,
         pk: int) -> HttpResponse:
    found = _kind(kind)
    if found.kind == r.AGENCY:
        raise Http404("profil disunting di halaman profil")
    instance = get_object_or_404(found.model, pk=pk, agency=agency)
    return _editor(request, agency, state, found, instance)


@requires(Action.EDIT)
def delete(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear, kind: str,
           pk: int) -> HttpResponse:
    found = _kind(kind)
    if found.kind == r.AGENCY:
        raise Http404("profil tidak dapat dihapus")
    instance: Any = get_object_or_404(found.model, pk=pk, agency=agency)
    what = f"{found.label.lower()} {instance.code}"
    if request.method != "POST":
        return TemplateResponse(request, "entry/confirm_delete.html",
                                {"agency": agency, "state": state, "what": what})
    outcome, problems = save(request, agency, [r.Remove(found.kind, (instance.code,))])
    if outcome.refused:
        messages.error(request, gettext("Tidak dapat menghapus %(what)s:") % {"what": what}
                       + " " + "; ".join(problems))
    else:
        messages.success(request, gettext("%(what)s dihapus.") % {"what": what.capitalize()})
    return redirect("structure", agency=agency.pk, year=year)


@requires(Action.READ, post=Action.EDIT)
def profile(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    return _editor(request, agency, state, KINDS["profil"], agency)
