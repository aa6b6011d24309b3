"""The plan's structure: goals, objectives, strategies, programs, activities, indicators with
their semantics, data series, units, and the agency profile. One generic editor per kind.

A save is checked with the plan loader's own integrity checks (``sakip.io.plan_checks``) on the
plan read back from the tables; a problem rolls the save back and is shown.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db import models, transaction
from django.db.models import ProtectedError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from sakip.io.plan_checks import check_plan
from sakip.web.access import Action, can, requires
from sakip.web.entry.forms import formfield
from sakip.web.entry.kinds import KINDS, Kind
from sakip.web.plans import models as m
from sakip.web.plans.convert import plan_from_db
from sakip.web.workflow.audit import Trail
from sakip.web.workflow.models import AgencyYear


class PlanInvalid(Exception):
    def __init__(self, messages_id: list[str]):
        super().__init__("; ".join(messages_id))
        self.messages_id = messages_id


def check(agency: m.Agency) -> None:
    problems = check_plan(plan_from_db(agency))
    errors = [p.message_id for p in problems if p.severity.value == "error"]
    if errors:
        raise PlanInvalid(errors)


def _kind(slug: str) -> Kind:
    kind = KINDS.get(slug)
    if kind is None:
        raise Http404("jenis isian tidak dikenal")
    return kind


def form_class(kind: Kind) -> type[forms.ModelForm]:
    return forms.modelform_factory(kind.model, fields=kind.fields, formfield_callback=formfield,
                                   form=kind.base_form)


def _save(request: HttpRequest, agency: m.Agency, kind: Kind, form: forms.ModelForm,
          instance: models.Model | None, before: dict[str, Any], old_code: str | None) -> models.Model:
    reason = (request.POST.get("alasan") or "").strip()
    trail = Trail(agency, request.user, reason)
    with transaction.atomic():
        obj = form.save(commit=False)
        if instance is None:
            obj.agency = agency  # type: ignore[attr-defined]
            obj.position = kind.model.objects.filter(agency=agency).count() + 1000  # type: ignore[attr-defined]
        obj.save()
        kind.after_save(obj, form)
        if old_code and old_code != obj.code and kind.level:  # type: ignore[attr-defined]
            m.Indicator.objects.filter(agency=agency, level=kind.level, owner=old_code).update(
                owner=obj.code)  # type: ignore[attr-defined]
        after = kind.snapshot(obj)
        key = f"{kind.slug}:{obj.code}"  # type: ignore[attr-defined]
        for name in sorted(set(before) | set(after)):
            trail.change(key, f"{kind.label} {obj.code}", name,  # type: ignore[attr-defined]
                         before.get(name), after.get(name))
        check(agency)
        trail.save()
    return obj


def _editor(request: HttpRequest, agency: m.Agency, state: AgencyYear, kind: Kind,
            instance: models.Model | None) -> HttpResponse:
    cls = form_class(kind)
    # taken before the form is bound: validating a model form writes into its instance
    before = kind.snapshot(instance) if instance is not None else {}
    old_code = getattr(instance, "code", None)
    form = cls(request.POST or None, instance=instance, agency=agency)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            obj = _save(request, agency, kind, form, instance, before, old_code)
        except PlanInvalid as error:
            problems = error.messages_id
        else:
            messages.success(request, gettext("%(what)s tersimpan.") % {"what": f"{kind.label} {obj.code}"})  # type: ignore[attr-defined]
            return redirect("structure", agency=agency.pk, year=state.year)
    if request.method == "POST" and (form.errors or problems):
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
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
    return _editor(request, agency, state, _kind(kind), None)


@requires(Action.READ, post=Action.EDIT)
def edit(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear, kind: str,
         pk: int) -> HttpResponse:
    found = _kind(kind)
    instance = get_object_or_404(found.model, pk=pk, agency=agency)
    return _editor(request, agency, state, found, instance)


@requires(Action.EDIT)
def delete(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear, kind: str,
           pk: int) -> HttpResponse:
    found = _kind(kind)
    instance: Any = get_object_or_404(found.model, pk=pk, agency=agency)
    what = f"{found.label.lower()} {instance.code}"
    if request.method != "POST":
        return TemplateResponse(request, "entry/confirm_delete.html",
                                {"agency": agency, "state": state, "what": what})
    if found.level and m.Indicator.objects.filter(agency=agency, level=found.level,
                                                  owner=instance.code).exists():
        messages.error(request, gettext("Tidak dapat menghapus %(what)s: masih ada indikatornya.")
                       % {"what": what})
        return redirect("structure", agency=agency.pk, year=year)
    try:
        with transaction.atomic():
            trail = Trail(agency, request.user, (request.POST.get("alasan") or "").strip())
            for name, value in found.snapshot(instance).items():
                trail.change(f"{found.slug}:{instance.code}", f"{found.label} {instance.code}",
                             name, value, None)
            instance.delete()
            check(agency)
            trail.save()
    except ProtectedError:
        messages.error(request, gettext("Tidak dapat menghapus %(what)s: masih dipakai oleh data "
                                         "lain.") % {"what": what})
    except PlanInvalid as error:
        messages.error(request, gettext("Tidak dapat menghapus %(what)s:") % {"what": what}
                       + " " + "; ".join(error.messages_id))
    else:
        messages.success(request, gettext("%(what)s dihapus.") % {"what": what.capitalize()})
    return redirect("structure", agency=agency.pk, year=year)


@requires(Action.READ, post=Action.EDIT)
def profile(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    return _editor(request, agency, state, KINDS["profil"], agency)
