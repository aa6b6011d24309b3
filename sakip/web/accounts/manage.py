"""The regional admin's pages: agencies, users and their roles, scales, an agency's settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, password_validation
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import Closed, ScaleKind
from sakip.core.fields import fields_of
from sakip.core.model import Band, Plan, Scale, StrategicPlan
from sakip.io.plan_checks import check_plan, check_scale
from sakip.io.problems import Severity
from sakip.web.access import Action, membership, requires
from sakip.web.accounts.models import AGENCY_ROLES, Membership, Role
from sakip.web.entry.cells import number, shown, text
from sakip.web.entry.forms import formfield
from sakip.web.entry.saving import Form, Inputs, input_of, message, save
from sakip.web.plans import models as m
from sakip.web.plans.convert import region_of, region_scales, store_plan, strategic_plan_of
from sakip.web.plans.models.region import touch_region
from sakip.web.workflow.audit import Trail

User = get_user_model()


def _region(request: HttpRequest) -> m.Region:
    member = membership(request.user)
    assert member is not None  # requires(MANAGE_REGION) let only a region admin through
    return member.region


class AgencyCreateForm(forms.Form):
    code = forms.SlugField(label=gettext_lazy("Kode"), max_length=60)
    name = forms.CharField(label=gettext_lazy("Nama perangkat daerah"), max_length=300)
    short_name = forms.CharField(label=gettext_lazy("Singkatan"), max_length=60, required=False)
    plan_name = forms.CharField(label=gettext_lazy("Nama Renstra"), max_length=300)
    start = forms.IntegerField(label=gettext_lazy("Tahun awal Renstra"), min_value=2000, max_value=2100)
    end = forms.IntegerField(label=gettext_lazy("Tahun akhir Renstra"), min_value=2000, max_value=2100)



@requires(Action.MANAGE_REGION)
def agencies(request: HttpRequest) -> HttpResponse:
    region = _region(request)
    form = AgencyCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if m.Agency.objects.filter(region=region, code=data["code"]).exists():
            form.add_error("code", gettext("Kode sudah dipakai."))
        else:
            plan = Plan(region=region_of(region),
                        agency=model.Agency(data["code"], data["name"], data["short_name"] or None),
                        strategic_plan=StrategicPlan(data["plan_name"], data["start"], data["end"],
                                                     data["start"] - 1),
                        scales=region_scales(region))
            problems = [p for p in check_plan(plan) if p.severity is Severity.ERROR]
            if problems:  # e.g. the region lacks the scales the default settings name
                for problem in problems:
                    form.add_error(None, message(problem))
                return TemplateResponse(request, "region/agencies.html", {
                    "region": region, "agencies": region.agencies.select_related("strategic_plan"),
                    "form": form}, status=400)
            with transaction.atomic():
                agency = store_plan(plan, region=region)
                trail = Trail(agency, request.user)
                trail.change(f"opd:{agency.code}", "Perangkat daerah", "dibuat", None, agency.name)
                trail.save()
            messages.success(request, gettext("Perangkat daerah %(name)s dibuat.") % {"name": agency.name})
            return redirect("region_agencies")
    return TemplateResponse(request, "region/agencies.html", {
        "region": region, "agencies": region.agencies.select_related("strategic_plan"),
        "form": form}, status=400 if form.errors else 200)


class UserForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Nama pengguna"), max_length=150)
    full_name = forms.CharField(label=gettext_lazy("Nama lengkap"), max_length=150, required=False)
    email = forms.EmailField(label=gettext_lazy("Surel (untuk pemberitahuan)"), required=False,
                             max_length=254)
    # the least-privileged role by default (one agency's data, no approval): a wrong guess
    # gives too little, never a region's administration
    role = forms.ChoiceField(label=gettext_lazy("Peran"), choices=Role.choices,
                             initial=Role.OPERATOR)
    agency = forms.ModelChoiceField(label=gettext_lazy("Perangkat daerah (operator/kepala)"), required=False,
                                    queryset=m.Agency.objects.none())
    password = forms.CharField(label=gettext_lazy("Kata sandi"), required=False, widget=forms.PasswordInput,
                               help_text=gettext_lazy("kosongkan bila tidak diganti; paling sedikit "
                                                         "10 karakter"))
    active = forms.BooleanField(label=gettext_lazy("Aktif"), required=False, initial=True)

    def __init__(self, *args: Any, region: m.Region, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.region, self.user = region, user
        self.fields["agency"].queryset = m.Agency.objects.filter(region=region)  # type: ignore[attr-defined]
        if user is not None:
            self.fields["username"].disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("role") in AGENCY_ROLES and not data.get("agency"):
            self.add_error("agency", gettext("Operator dan kepala OPD harus terikat pada satu "
                                            "perangkat daerah."))
        if data.get("role") not in AGENCY_ROLES:
            data["agency"] = None
        if self.user is None:
            if User.objects.filter(username=data.get("username")).exists():
                self.add_error("username", gettext("Nama pengguna sudah dipakai."))
            if not data.get("password"):
                self.add_error("password", gettext("Kata sandi wajib untuk akun baru."))
        if data.get("password"):
            try:
                password_validation.validate_password(data["password"], self.user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        if self._removes_last_admin(data):
            self.add_error(None, gettext(
                "Akun ini adalah satu-satunya Admin Pemda yang aktif. Buat atau aktifkan Admin "
                "Pemda lain lebih dulu sebelum menonaktifkan akun ini atau mengubah perannya."))
        return data

    def _removes_last_admin(self, data: dict[str, Any]) -> bool:
        """Whether saving would leave the region without an active admin."""
        if self.user is None or (data.get("role") == Role.ADMIN and data.get("active")):
            return False
        admins = Membership.objects.filter(region=self.region, role=Role.ADMIN,
                                           user__is_active=True)
        return (admins.filter(user=self.user).exists()
                and not admins.exclude(user=self.user).exists())


def _save_user(form: UserForm, region: m.Region, by: Any, user: Any = None) -> Any:
    data = form.cleaned_data
    with transaction.atomic():
        member = Membership.objects.filter(user=user).first() if user is not None else None
        trail = Trail(None, by, region=region)
        key = f"pengguna:{data['username'] if user is None else user.username}"
        trail.change(key, "Akun", "role", member.role if member else None, data["role"])
        trail.change(key, "Akun", "agency", member.agency if member else None, data["agency"])
        trail.change(key, "Akun", "active", user.is_active if user is not None else None,
                     data["active"])
        if data["password"]:
            trail.change(key, "Akun", "password", None, "(diganti)")
        trail.change(key, "Akun", "email", (user.email or None) if user is not None else None,
                     data["email"] or None)
        trail.save()
        if user is None:
            user = User(username=data["username"])
        user.first_name = data["full_name"][:150]
        user.email = data["email"] or ""
        user.is_active = data["active"]
        if data["password"]:
            user.set_password(data["password"])
        user.save()
        Membership.objects.update_or_create(user=user, defaults={
            "region": region, "role": data["role"], "agency": data["agency"]})
    return user


@requires(Action.MANAGE_REGION)
def users(request: HttpRequest) -> HttpResponse:
    region = _region(request)
    form = UserForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        user = _save_user(form, region, request.user)
        messages.success(request, gettext("Akun %(name)s dibuat.") % {"name": user.username})
        return redirect("region_users")
    members = Membership.objects.filter(region=region).select_related("user", "agency")
    return TemplateResponse(request, "region/users.html", {
        "region": region, "members": members, "form": form}, status=400 if form.errors else 200)


@requires(Action.MANAGE_REGION)
def user_edit(request: HttpRequest, user: int) -> HttpResponse:
    region = _region(request)
    member = get_object_or_404(Membership.objects.select_related("user"), user_id=user, region=region)
    initial = {"username": member.user.username, "full_name": member.user.first_name,
               "email": member.user.email,
               "role": member.role, "agency": member.agency, "active": member.user.is_active}
    form = UserForm(request.POST or None, region=region, user=member.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        _save_user(form, region, request.user, member.user)
        messages.success(request, gettext("Akun %(name)s disimpan.") % {"name": member.user.username})
        return redirect("region_users")
    return TemplateResponse(request, "region/user_edit.html", {"member": member, "form": form},
                            status=400 if form.errors else 200)


@requires(Action.MANAGE_REGION)
def scales(request: HttpRequest) -> HttpResponse:
    region = _region(request)
    return TemplateResponse(request, "region/scales.html", {
        "region": region, "scales": region.scales.prefetch_related("bands")})


BAND_FIELDS = ("label", "label_en", "lower", "upper", "exactly", "color")


@requires(Action.MANAGE_REGION)
def scale_edit(request: HttpRequest, scale: int) -> HttpResponse:
    region = _region(request)
    row = get_object_or_404(m.Scale, pk=scale, region=region)
    bands = list(row.bands.all())
    form = Form()
    for b in bands:
        for name in BAND_FIELDS:
            value = getattr(b, name)
            form.values[f"b-{b.pk}-{name}"] = shown(value) if name in ("lower", "upper", "exactly") \
                else (value or "")
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith("b-")})
        planned = []
        for b in bands:
            p = f"b-{b.pk}-"
            values = {"label": form.read(p + "label", text, 100),
                      "label_en": form.read(p + "label_en", text, 100),
                      "lower": form.read(p + "lower", number), "upper": form.read(p + "upper", number),
                      "exactly": form.read(p + "exactly", number), "color": form.read(p + "color", text, 7)}
            planned.append((b, values))
        if not form.errors:  # the plan checks' scale rules, beside the inputs
            inputs = Inputs()
            for index, (b, _) in enumerate(planned):
                inputs.add(r.BAND, (row.code, index), any=f"b-{b.pk}-label",
                           **{name: f"b-{b.pk}-{name}" for name in BAND_FIELDS})
            edited = Scale(row.code, row.name, ScaleKind(row.kind), Closed(row.closed), tuple(
                Band(v["label"] or "", v["lower"], v["upper"], v["exactly"], v["label_en"],
                     v["color"], Closed(b.closed) if b.closed else None)
                for b, v in planned), row.source)
            for problem in check_scale(edited, inputs):
                if problem.severity is Severity.ERROR:
                    form.errors.setdefault(problem.path or "", message(problem))
        if not form.errors:
            with transaction.atomic():
                trail = Trail(None, request.user, region=region)
                for band, values in planned:
                    if trail.compare(f"skala:{row.code}", f"Skala {row.code}", band, values):
                        band.save()
                trail.save()
                touch_region(region)  # the figures cached under the old scale are not used
            messages.success(request, gettext("Skala disimpan."))
            return redirect("region_scale_edit", scale=row.pk)
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
    return TemplateResponse(request, "region/scale_edit.html", {
        "scale": row, "form": form, "fields": BAND_FIELDS,
        "rows": [[input_of(form, f"b-{b.pk}-{name}", name) for name in BAND_FIELDS] for b in bands]},
        status=400 if form.errors else 200)


SETTINGS_FIELDS = tuple(f.name for f in fields_of(r.SETTINGS))  # every setting (sakip/core/fields.py)


@requires(Action.MANAGE_REGION)
def agency_settings(request: HttpRequest, agency: m.Agency) -> HttpResponse:
    plan = agency.strategic_plan
    fields = ("name", "start", "end", "baseline_year", *SETTINGS_FIELDS)
    cls = forms.modelform_factory(m.StrategicPlan, fields=fields, formfield_callback=formfield)
    form = cls(request.POST or None, instance=plan)
    codes = list(agency.region.scales.values_list("code", flat=True))
    if request.method == "POST" and form.is_valid():
        # through the write path: the plan checks know the region's scales
        strategic_plan, settings = strategic_plan_of(form.save(commit=False))
        inputs = Inputs()
        inputs.add(r.STRATEGIC_PLAN, (), **{n: form.add_prefix(n) for n in ("name", "start", "end",
                                                                         "baseline_year")})
        inputs.add(r.SETTINGS, (), **{n: form.add_prefix(n) for n in SETTINGS_FIELDS})
        outcome, _ = save(request, agency, [r.Put(r.STRATEGIC_PLAN, (), strategic_plan),
                                                    r.Put(r.SETTINGS, (), settings)],
                                  locate=inputs, success=gettext("Pengaturan disimpan."))
        if not outcome.refused:
            return redirect("agency_settings", agency=agency.pk)
        for problem in outcome.problems:
            name = next((n for n in form.fields if form.add_prefix(n) == problem.path), None)
            form.add_error(name, message(problem))
    return TemplateResponse(request, "region/agency_settings.html", {
        "agency": agency, "form": form, "codes": codes}, status=400 if form.errors else 200)
