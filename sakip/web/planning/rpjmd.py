"""RPJMD: the region's plan on one page — vision, missions, tujuan and sasaran daerah with their
IKU Pemda and targets per year, and for each sasaran daerah the agencies whose goals or
objectives serve it and their contributions (crosscutting) with their indicators.

Every member of the region reads it (the agencies' officers serve it); the region admin enters
and corrects it by uploading a plan file or a workbook: its ``region`` section is taken, through
the region's write path (:mod:`sakip.web.plans.region_write`). The page gives the current RPJMD
as a plan file to edit (``?unduh=yaml``).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext, gettext_lazy

from sakip.core import model
from sakip.core import records as r
from sakip.io.plan_dump import dump_plan
from sakip.io.plan_file import parse_plan
from sakip.io.problems import InputError, Problem
from sakip.web.access import Action, membership, requires
from sakip.web.accounts.models import Role
from sakip.web.exchange import capabilities
from sakip.web.labels import language
from sakip.web.plans import models as m
from sakip.web.plans.convert import region_of
from sakip.web.plans.region_write import version, write_region
from sakip.web.plans.rows import record_of

YAML_SUFFIXES = (".yaml", ".yml")


# --------------------------------------------------------------------------- what the page shows


@dataclass
class Row:
    """An IKU Pemda with its target and realisation of each year shown."""

    indicator: model.Indicator
    targets: list[model.Target | None]
    actuals: list[model.Actual | None]


@dataclass
class Serving:
    """An agency's goals and objectives naming a sasaran daerah, and its contribution."""

    agency: m.Agency
    goals: list[model.Goal] = field(default_factory=list)
    objectives: list[model.Objective] = field(default_factory=list)
    contribution: model.Contribution | None = None
    indicators: list[tuple[str, str | None]] = field(default_factory=list)  # code, name


@dataclass
class Sasaran:
    objective: model.RegionObjective
    rows: list[Row]
    serving: list[Serving]

    @property
    def crosscutting(self) -> bool:
        return len(self.serving) > 1


@dataclass
class Tujuan:
    goal: model.RegionGoal
    mission: model.Mission | None
    rows: list[Row]
    objectives: list[Sasaran]


def years_of(region: model.Region) -> list[int]:
    """The RPJMD's years; without a period, the years its IKU Pemda have figures for."""
    if region.rpjmd_start and region.rpjmd_end and region.rpjmd_start <= region.rpjmd_end:
        return list(range(region.rpjmd_start, region.rpjmd_end + 1))
    return sorted({t.year for i in region.indicators for t in i.targets}
                  | {a.year for i in region.indicators for a in i.actuals})


def _rows(region: model.Region, owner: str, years: list[int]) -> list[Row]:
    rows = []
    for indicator in region.indicators:
        if indicator.owner != owner:
            continue
        actuals = {a.year: a for a in indicator.actuals if a.quarter is None and a.month is None}
        rows.append(Row(indicator, [indicator.target(y) for y in years],
                        [actuals.get(y) for y in years]))
    return rows


def cascade(region_row: m.Region) -> tuple[model.Region, list[Tujuan], list[int]]:
    """The region's RPJMD with, under each sasaran daerah, the agencies serving it: every
    agency's goals and objectives read in one query each (their records, as ``rows.py`` reads
    them), the contributing indicators' names in one more."""
    region = region_of(region_row)
    years = years_of(region)
    agencies = list(m.Agency.objects.filter(region=region_row).order_by("name", "id"))
    goals: dict[int, list[model.Goal]] = {}
    for row in m.Goal.objects.filter(agency__region=region_row).order_by("position", "id"):
        goals.setdefault(row.agency_id, []).append(record_of(r.GOAL, row))
    objectives: dict[int, list[model.Objective]] = {}
    for row in (m.Objective.objects.filter(agency__region=region_row).select_related("goal")
                .order_by("position", "id")):
        objectives.setdefault(row.agency_id, []).append(record_of(r.OBJECTIVE, row))
    wanted = {code for c in region.contributions for code in c.indicators}
    names = {(agency, code): name for agency, code, name in m.Indicator.objects.filter(
        agency__region=region_row, code__in=wanted).values_list("agency__code", "code", "name")}
    missions = {x.code: x for x in region.missions}
    tujuan = []
    for goal in region.goals:
        sasaran = []
        for objective in (o for o in region.objectives if o.goal == goal.code):
            serving = []
            for agency in agencies:
                entry = Serving(agency)
                entry.goals = [g for g in goals.get(agency.pk, ()) if objective.code in g.serves]
                entry.objectives = [o for o in objectives.get(agency.pk, ())
                                    if objective.code in o.serves]
                entry.contribution = next((c for c in region.contributions if
                                           c.objective == objective.code
                                           and c.agency == agency.code), None)
                if entry.contribution is not None:
                    entry.indicators = [(code, names.get((agency.code, code)))
                                        for code in entry.contribution.indicators]
                if entry.goals or entry.objectives or entry.contribution:
                    serving.append(entry)
            sasaran.append(Sasaran(objective, _rows(region, objective.code, years), serving))
        tujuan.append(Tujuan(goal, missions.get(goal.mission or ""),
                             _rows(region, goal.code, years), sasaran))
    return region, tujuan, years


def unknown_contributions(region: model.Region, region_row: m.Region) -> list[model.Contribution]:
    """Contributions naming an agency the region does not have (yet)."""
    codes = set(m.Agency.objects.filter(region=region_row).values_list("code", flat=True))
    return [c for c in region.contributions if c.agency not in codes]


def rpjmd_file(region: model.Region) -> str:
    """The region's RPJMD as a plan file to edit and upload again: its ``region`` section, with
    the least of an agency a plan file needs (not taken on upload)."""
    years = years_of(region) or [0]
    plan = model.Plan(region=region, agency=model.Agency("rpjmd", f"RPJMD {region.name}"),
                      strategic_plan=model.StrategicPlan("", years[0], years[-1]))
    return dump_plan(plan)


# --------------------------------------------------------------------------- the page


class UploadForm(forms.Form):
    """A plan file or workbook uploaded, or the RPJMD's plan file edited on the page (``teks``)."""

    berkas = forms.FileField(
        label=gettext_lazy("Berkas rencana (.yaml) atau workbook Sakip (.xlsx)"), required=False)
    teks = forms.CharField(label=gettext_lazy("RPJMD sebagai berkas rencana (YAML)"),
                           required=False, strip=False,
                           widget=forms.Textarea(attrs={"rows": 30, "cols": 100,
                                                        "spellcheck": "false"}))
    alasan = forms.CharField(label=gettext_lazy("Alasan"), required=False, max_length=1000)
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def clean(self):  # type: ignore[no-untyped-def]
        data = super().clean()
        if not data.get("berkas") and not (data.get("teks") or "").strip() \
                and "berkas" not in self.errors:
            self.add_error("berkas", gettext("Pilih berkas rencana (.yaml) atau workbook (.xlsx), "
                                             "atau ubah RPJMD pada isian teks."))
        if len(data.get("teks") or "") > settings.MAX_UPLOAD_BYTES:
            self.add_error("teks", gettext("Teks terlalu panjang."))
        return data

    def clean_berkas(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["berkas"]
        if upload is None:
            return None
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext("Berkas terlalu besar."))
        suffix = PurePath(upload.name).suffix.lower()
        if suffix == ".xlsx":
            from sakip.web.exchange.views import checked_xlsx

            return checked_xlsx(upload)
        if suffix not in YAML_SUFFIXES:
            raise forms.ValidationError(gettext(
                "Berkas bukan berkas rencana (.yaml) atau workbook Excel (.xlsx)."))
        return upload


def _region(request: HttpRequest) -> m.Region:
    member = membership(request.user)
    assert member is not None  # requires() let only members in
    region: m.Region = member.region
    return region


def _context(request: HttpRequest, region_row: m.Region, form: UploadForm | None,
             problems: list[str]) -> dict[str, Any]:
    region, tujuan, years = cascade(region_row)
    member = membership(request.user)
    return {"region_row": region_row, "region": region, "tujuan": tujuan, "years": years,
            "unknown": unknown_contributions(region, region_row),
            "form": form, "problems": problems,
            "can_manage": member is not None and member.role == Role.ADMIN,
            "workbook": capabilities.workbook() is not None}


@requires(Action.SIGNED_IN)
def page(request: HttpRequest) -> HttpResponse:
    """The RPJMD of the user's own region."""
    region_row = _region(request)
    if request.GET.get("unduh") == "yaml":
        content = rpjmd_file(region_of(region_row)).encode("utf-8")
        response = HttpResponse(content, content_type="application/yaml; charset=utf-8")
        response.headers["Content-Disposition"] = 'attachment; filename="rpjmd.yaml"'
        return response
    form = None
    member = membership(request.user)
    if member is not None and member.role == Role.ADMIN:
        form = UploadForm(initial={"versi": version(region_row),
                                   "teks": rpjmd_file(region_of(region_row))})
    return TemplateResponse(request, "planning/rpjmd.html",
                            _context(request, region_row, form, []))


def region_in(upload: Any) -> model.Region:
    """The region section of an uploaded plan file or workbook (InputError when unreadable)."""
    suffix = PurePath(upload.name).suffix.lower()
    if suffix in YAML_SUFFIXES:
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise InputError([Problem(
                "PLAN_FILE_NOT_TEXT", "berkas bukan teks UTF-8 (berkas rencana berformat YAML)",
                "file is not UTF-8 text (a plan file is YAML)", file=upload.name)]) from None
        return parse_plan(text, source=upload.name).region
    module = capabilities.workbook()
    if module is None:
        raise InputError([Problem("RPJMD_NO_WORKBOOK", "impor workbook tidak tersedia",
                                  "workbook import is not available")])
    with tempfile.TemporaryDirectory(prefix="sakip-rpjmd-") as folder:
        where = Path(folder) / "rpjmd.xlsx"
        where.write_bytes(upload.read())
        region: model.Region = module.import_workbook(where).plan.region
        return region


def taken(current: model.Region, uploaded: model.Region) -> model.Region:
    """What an upload changes: everything of the RPJMD but the region's name and kind (which
    identify it; an upload of another region's file is refused before)."""
    return replace(uploaded, name=current.name, kind=current.kind)


@requires(Action.MANAGE_REGION)
def upload(request: HttpRequest) -> HttpResponse:
    region_row = _region(request)
    if request.method != "POST":
        return redirect("region_rpjmd")
    form = UploadForm(request.POST, request.FILES)
    problems: list[str] = []
    if form.is_valid():
        file = form.cleaned_data["berkas"]
        name = file.name if file is not None else "teks"
        try:
            uploaded = (region_in(file) if file is not None
                        else parse_plan(form.cleaned_data["teks"], source="teks").region)
        except InputError as error:
            problems = [p.render(language()) for p in error.problems][:200]
        else:
            problems = _store(request, region_row, uploaded, name, form)
        if not problems:
            return redirect("region_rpjmd")
    messages.error(request, gettext("RPJMD tidak diubah; tidak ada yang disimpan."))
    return TemplateResponse(request, "planning/rpjmd.html",
                            _context(request, region_row, form, problems), status=400)


def _store(request: HttpRequest, region_row: m.Region, uploaded: model.Region, name: str,
           form: UploadForm) -> list[str]:
    if not uploaded.given:
        return [Problem("RPJMD_FILE_WITHOUT_REGION",
                        "berkas ini tidak memuat bagian region (RPJMD pemerintah daerah)",
                        "this file has no region section (the RPJMD)").render(language())]
    if uploaded.name.strip().casefold() != region_row.name.strip().casefold():
        return [Problem("RPJMD_OTHER_REGION",
                        f"berkas ini memuat RPJMD “{uploaded.name}”, bukan “{region_row.name}”",
                        f"this file holds the RPJMD of “{uploaded.name}”, not “{region_row.name}”"
                        ).render(language())]
    outcome = write_region(region_row, request.user,
                           lambda current: taken(current, uploaded),
                           reason=form.cleaned_data["alasan"] or (
                               f"unggah RPJMD {name}" if name != "teks"
                               else "RPJMD diubah di halaman"),
                           seen=form.cleaned_data.get("versi"))
    if outcome.refused:
        return [p.render(language()) for p in outcome.problems][:200]
    if outcome.changes:
        messages.success(request, gettext("RPJMD disimpan: %(count)s nilai berubah.")
                         % {"count": outcome.changes})
    else:
        messages.info(request, gettext("RPJMD dalam berkas sama dengan yang tersimpan; tidak "
                                       "ada yang berubah."))
    return []


REGION_URLS = [path("rpjmd/", page, name="region_rpjmd"),
               path("rpjmd/unggah/", upload, name="region_rpjmd_upload")]
