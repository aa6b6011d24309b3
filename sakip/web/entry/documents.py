"""Performance agreements (PK and amendments), supporting tables, narrative."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from sakip.io.idnum import MalformedNumber, parse_id_number
from sakip.web.access import Action, can, requires
from sakip.web.entry.cells import choice, lines, number, shown, text
from sakip.web.entry.grids import Form, _reason, input_of
from sakip.web.plans import models as m
from sakip.web.plans.decimals import tidy
from sakip.web.plans.models.choices import AgreementKind, NarrativeKind
from sakip.web.plans.store import cells as table_cells
from sakip.web.workflow.audit import Trail
from sakip.web.workflow.models import AgencyYear

PARTY = ("first_name", "first_title", "first_rank", "first_nip",
         "second_name", "second_title", "second_rank", "second_nip", "signed", "reason")


def _editable(request: HttpRequest, agency: m.Agency, state: AgencyYear) -> bool:
    return can(request.user, Action.EDIT, agency, state.year, state=state)


@requires(Action.READ, post=Action.EDIT)
def agreements(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    versions = list(m.AgreementVersion.objects.filter(agency=agency, year=year).order_by("number"))
    if request.method == "POST":
        number_ = max((v.number for v in versions), default=-1) + 1
        with transaction.atomic():
            version = m.AgreementVersion.objects.create(
                agency=agency, year=year, number=number_,
                kind=AgreementKind.ORIGINAL if number_ == 0 else AgreementKind.AMENDMENT,
                position=year * 100 + number_,
                first_name=agency.head_name, first_title=agency.head_title,
                first_rank=agency.head_rank, first_nip=agency.head_nip)
            previous = versions[-1] if versions else None
            if previous is not None:  # an amendment starts from the version in force
                m.AgreementItem.objects.bulk_create(
                    m.AgreementItem(version=version, indicator=i.indicator, target=i.target,
                                    target_text=i.target_text, position=i.position)
                    for i in previous.items.all())
            trail = Trail(agency, request.user, _reason(request), year)
            trail.change(f"pk:{year}:{number_}", f"PK {year} nomor {number_}", "dibuat", None,
                         version.get_kind_display())
            trail.save()
        messages.success(request, gettext("Versi perjanjian kinerja dibuat."))
        return redirect("agreement_edit", agency=agency.pk, year=year, version=version.pk)
    return TemplateResponse(request, "entry/agreements.html", {
        "agency": agency, "state": state, "versions": versions,
        "can_edit": _editable(request, agency, state)})


@requires(Action.READ, post=Action.EDIT)
def agreement_edit(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear,
                   version: int) -> HttpResponse:
    row = get_object_or_404(m.AgreementVersion, pk=version, agency=agency, year=year)
    indicators = list(agency.indicators.exclude(level="activity"))
    items = {i.indicator_id: i for i in row.items.all()}
    form = Form({name: getattr(row, name) or "" for name in PARTY})
    for i in indicators:
        item = items.get(i.pk)
        form.values[f"k-{i.pk}"] = (item.target_text or shown(item.target)) if item else ""
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k in PARTY or k.startswith("k-")})
        header = {name: form.read(name, text, 300) for name in PARTY}
        planned = []
        for i in indicators:
            raw = (form.values.get(f"k-{i.pk}") or "").strip()
            if i.levels:
                planned.append((i, {"target": None, "target_text": raw or None}))
            else:
                planned.append((i, {"target": form.read(f"k-{i.pk}", number), "target_text": None}))
        if not form.errors:
            with transaction.atomic():
                trail = Trail(agency, request.user, _reason(request), year)
                key = f"pk:{year}:{row.number}"
                if trail.compare(key, f"PK {year} nomor {row.number}", row, header):
                    row.save()
                for indicator, values in planned:
                    item = items.get(indicator.pk)
                    label = f"PK {year}/{row.number} {indicator.code}"
                    if item is None and any(values.values()):
                        item = m.AgreementItem(version=row, indicator=indicator,
                                               position=indicator.position)
                        trail.compare(f"{key}:{indicator.code}", label, item, values)
                        item.save()
                    elif item is not None and not any(v is not None for v in values.values()):
                        trail.compare(f"{key}:{indicator.code}", label, item, values)
                        item.delete()
                    elif item is not None and trail.compare(f"{key}:{indicator.code}", label, item, values):
                        item.save()
                count = trail.save()
            messages.success(request, gettext("Perjanjian kinerja tersimpan: %(count)s perubahan.")
                             % {"count": count})
            return redirect("agreement_edit", agency=agency.pk, year=year, version=row.pk)
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
    return TemplateResponse(request, "entry/agreement_edit.html", {
        "agency": agency, "state": state, "version": row, "form": form,
        "header": [input_of(form, name, m.AgreementVersion._meta.get_field(name).verbose_name)
                   for name in PARTY],
        "items": [(i, input_of(form, f"k-{i.pk}", f"{i.code} target PK")) for i in indicators],
        "can_edit": _editable(request, agency, state),
        "readonly": not _editable(request, agency, state)}, status=400 if form.errors else 200)


@requires(Action.READ, post=Action.EDIT)
def tables(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    form = Form()
    if request.method == "POST":
        form.values.update(request.POST.dict())
        code = form.read("code", text, 80)
        title = form.read("title", text, 500)
        columns = lines(form.values.get("columns"))
        if not code:
            form.errors["code"] = gettext("Kode wajib diisi.")
        elif m.SupportingTable.objects.filter(agency=agency, code=code).exists():
            form.errors["code"] = gettext("Kode “%(code)s” sudah dipakai.") % {"code": code}
        if not title:
            form.errors["title"] = gettext("Judul wajib diisi.")
        if not columns:
            form.errors["columns"] = gettext("Tulis nama kolom, satu per baris.")
        if not form.errors:
            with transaction.atomic():
                table = m.SupportingTable.objects.create(
                    agency=agency, code=code, title=title, columns=columns, year=year,
                    position=agency.tables.count() + 1000)
                trail = Trail(agency, request.user, _reason(request), year)
                trail.change(f"data-dukung:{code}", f"Data dukung {code}", "title", None, title)
                trail.save()
            return redirect("table_edit", agency=agency.pk, year=year, table=table.pk)
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
    return TemplateResponse(request, "entry/tables.html", {
        "agency": agency, "state": state, "tables": agency.tables.all(), "form": form,
        "fields": {name: input_of(form, name) for name in ("code", "title", "columns")},
        "can_edit": _editable(request, agency, state)}, status=400 if form.errors else 200)


def _cell_value(raw: str) -> Any:
    cleaned = raw.strip()
    if not cleaned:
        return None
    try:
        return parse_id_number(cleaned)
    except MalformedNumber:
        return cleaned[:500]


@requires(Action.READ, post=Action.EDIT)
def table_edit(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear,
               table: int) -> HttpResponse:
    row = get_object_or_404(m.SupportingTable, pk=table, agency=agency)
    width = len(row.columns)
    grid: dict[int, list[Any]] = {}
    for cell in row.cells.all():
        grid.setdefault(cell.row, [None] * width)
        if cell.column < width:
            grid[cell.row][cell.column] = tidy(cell.number) if cell.number is not None else cell.text
    stored = [grid[r] for r in sorted(grid)]
    if request.method == "POST":
        count = int(request.POST.get("rows", len(stored)) or 0)
        new_rows = []
        for r in range(min(count, 2000)):
            values = [_cell_value(request.POST.get(f"c-{r}-{c}", "")) for c in range(width)]
            if any(v is not None for v in values):
                new_rows.append(tuple(values))
        with transaction.atomic():
            trail = Trail(agency, request.user, _reason(request), year)
            old = "\n".join("\t".join("" if v is None else str(v) for v in r) for r in stored)
            new = "\n".join("\t".join("" if v is None else str(v) for v in r) for r in new_rows)
            if trail.change(f"data-dukung:{row.code}", f"Data dukung {row.code}", "isi", old, new):
                row.cells.all().delete()
                m.SupportingCell.objects.bulk_create(table_cells(row, tuple(new_rows)))
            note = text(request.POST.get("note"))
            if trail.compare(f"data-dukung:{row.code}", f"Data dukung {row.code}", row,
                             {"note": note, "source": text(request.POST.get("source"))}):
                row.save()
            changes = trail.save()
        messages.success(request, gettext("Data dukung tersimpan: %(count)s perubahan.") % {"count": changes})
        return redirect("table_edit", agency=agency.pk, year=year, table=row.pk)
    blank = [[None] * width for _ in range(3)]
    return TemplateResponse(request, "entry/table_edit.html", {
        "agency": agency, "state": state, "table": row, "rows": stored + blank,
        "count": len(stored) + 3, "can_edit": _editable(request, agency, state)})


@requires(Action.READ, post=Action.EDIT)
def narratives(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    rows = list(agency.narratives.filter(year__in=[year, None]))
    kinds = [k.value for k in NarrativeKind]
    form = Form()
    for n in rows:
        form.values.update({f"n-{n.pk}-k": n.kind, f"n-{n.pk}-s": n.subject or "",
                            f"n-{n.pk}-t": n.text, f"n-{n.pk}-i": "\n".join(n.items)})
    form.values.update({"n-new-k": "problems"})
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith("n-")})
        planned: list[tuple[m.Narrative | None, dict[str, Any]]] = []
        for key, n in [(f"n-{x.pk}-", x) for x in rows] + [("n-new-", None)]:
            body = form.read(key + "t", text, 20000) or ""
            items = lines(form.values.get(key + "i"))
            values = {"kind": form.read(key + "k", choice, kinds, "jenis narasi"),
                      "subject": form.read(key + "s", text, 60), "text": body, "items": items}
            planned.append((n, values))
        if not form.errors:
            with transaction.atomic():
                trail = Trail(agency, request.user, _reason(request), year)
                for n, values in planned:
                    empty = not values["text"] and not values["items"]
                    label = f"Narasi {year}"
                    if n is None and not empty:
                        n = m.Narrative(agency=agency, year=year, position=agency.narratives.count() + 1000)
                        trail.compare(f"narasi:{year}:baru", label, n, values)
                        n.save()
                    elif n is not None and empty:
                        trail.compare(f"narasi:{n.pk}", label, n, values)
                        n.delete()
                    elif n is not None and trail.compare(f"narasi:{n.pk}", label, n, values):
                        n.save()
                count = trail.save()
            messages.success(request, gettext("Narasi tersimpan: %(count)s perubahan.") % {"count": count})
            return redirect("narratives", agency=agency.pk, year=year)
        messages.error(request, gettext("Ada isian yang salah; belum ada yang disimpan."))
    return TemplateResponse(request, "entry/narratives.html", {
        "agency": agency, "state": state, "form": form, "kinds": NarrativeKind.choices,
        "rows": [{key: input_of(form, f"{prefix}{key}") for key in "ksti"}
                 for prefix in [f"n-{x.pk}-" for x in rows] + ["n-new-"]],
        "can_edit": _editable(request, agency, state),
        "readonly": not _editable(request, agency, state)}, status=400 if form.errors else 200)
