"""Performance agreements (PK and amendments), supporting tables, narrative."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import AgreementKind
from sakip.core.enums import NarrativeKind as Kind
from sakip.core.model import Plan
from sakip.core.numbers import canonical_decimal
from sakip.io.idnum import MalformedNumber, parse_id_number
from sakip.web.access import Action, can, requires
from sakip.web.entry.cells import choice, lines, number, shown, text
from sakip.web.entry.saving import Form, Inputs, input_of, refused, save, saved
from sakip.web.plans import models as m
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models.choices import NarrativeKind
from sakip.web.workflow.models import AgencyYear

PARTY = ("first_name", "first_title", "first_rank", "first_nip",
         "second_name", "second_title", "second_rank", "second_nip", "signed", "reason")


def _editable(request: HttpRequest, agency: m.Agency, state: AgencyYear) -> bool:
    return can(request.user, Action.EDIT, agency, state.year, state=state)


def _official(values: dict[str, Any], prefix: str) -> model.Official | None:
    parts = [values.get(f"{prefix}_{name}") for name in ("name", "title", "rank", "nip")]
    return model.Official(*parts) if any(p is not None for p in parts) else None


@requires(Action.READ, post=Action.EDIT)
def agreements(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    if request.method == "POST":
        def edits(plan: Plan) -> list[r.Edit]:
            previous = plan.agreement(year)
            number_ = previous.number + 1 if previous else 0
            version = model.AgreementVersion(
                year=year, number=number_,
                kind=AgreementKind.ORIGINAL if number_ == 0 else AgreementKind.AMENDMENT,
                first_party=plan.agency.head,
                second_party=previous.second_party if previous else None,
                # an amendment starts from the version in force
                items=previous.items if previous else ())
            return [r.Put(r.AGREEMENT, (year, number_), version)]

        outcome, problems = save(request, agency, edits)
        if outcome.refused:
            refused(request, problems)
            return redirect("agreements", agency=agency.pk, year=year)
        messages.success(request, gettext("Versi perjanjian kinerja dibuat."))
        created = m.AgreementVersion.objects.filter(agency=agency, year=year).order_by("-number").first()
        return redirect("agreement_edit", agency=agency.pk, year=year, version=created.pk)
    versions = list(m.AgreementVersion.objects.filter(agency=agency, year=year).order_by("number"))
    return TemplateResponse(request, "entry/agreements.html", {
        "agency": agency, "state": state, "versions": versions,
        "can_edit": _editable(request, agency, state)})


@requires(Action.READ, post=Action.EDIT)
def agreement_edit(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear,
                   version: int) -> HttpResponse:
    row = get_object_or_404(m.AgreementVersion, pk=version, agency=agency, year=year)
    key = (row.year, row.number)
    plan = plan_from_db(agency)
    stored = next(v for v in plan.agreements if (v.year, v.number) == key)
    indicators = list(agency.indicators.exclude(level="activity"))
    items = {i.indicator: i for i in stored.items}
    form = Form({name: getattr(row, name) or "" for name in PARTY})
    for i in indicators:
        item = items.get(i.code)
        form.values[f"k-{i.pk}"] = (item.target_text or shown(item.target)) if item else ""
    status = 200
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k in PARTY or k.startswith("k-")})
        header = {name: form.read(name, text, 300) for name in PARTY}
        inputs = Inputs()
        inputs.add(r.AGREEMENT, key, signed="signed", reason="reason", any="signed",
                   **{f"{side}_party.{part}": f"{side}_{part}" for side in ("first", "second")
                      for part in ("name", "title", "rank", "nip")})
        edits: list[r.Edit] = [r.Put(r.AGREEMENT, key, replace(
            stored, signed=header["signed"], reason=header["reason"],
            first_party=_official(header, "first"), second_party=_official(header, "second")))]
        for i in indicators:
            name = f"k-{i.pk}"
            raw = (form.values.get(name) or "").strip()
            item = (model.AgreementItem(i.code, target_text=raw or None) if i.levels
                    else model.AgreementItem(i.code, form.read(name, number)))
            inputs.add(r.AGREEMENT_ITEM, (*key, i.code), any=name)
            empty = item.target is None and item.target_text is None
            edits.append(r.Remove(r.AGREEMENT_ITEM, (*key, i.code)) if empty
                         else r.Put(r.AGREEMENT_ITEM, (*key, i.code), item))
        status = 400
        if saved(request, agency, edits, form=form, locate=inputs,
                 success=gettext("Perjanjian kinerja tersimpan: %(count)s perubahan.")):
            return redirect("agreement_edit", agency=agency.pk, year=year, version=row.pk)
    return TemplateResponse(request, "entry/agreement_edit.html", {
        "agency": agency, "state": state, "version": row, "form": form,
        "header": [input_of(form, name, m.AgreementVersion._meta.get_field(name).verbose_name)
                   for name in PARTY],
        "items": [(i, input_of(form, f"k-{i.pk}", f"{i.code} target PK")) for i in indicators],
        "can_edit": _editable(request, agency, state),
        "readonly": not _editable(request, agency, state)}, status=status)


@requires(Action.READ, post=Action.EDIT)
def tables(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    form = Form()
    status = 200
    if request.method == "POST":
        form.values.update(request.POST.dict())
        code = form.read("code", text, 80)
        title = form.read("title", text, 500)
        columns = lines(form.values.get("columns"))
        if not code:
            form.errors["code"] = gettext("Kode wajib diisi.")
        if not title:
            form.errors["title"] = gettext("Judul wajib diisi.")
        if not columns:
            form.errors["columns"] = gettext("Tulis nama kolom, satu per baris.")
        status = 400
        if not form.errors:
            table = model.SupportingTable(code, title, tuple(columns), (), year=year)
            inputs = Inputs()
            inputs.add(r.TABLE, (code,), code="code", title="title", columns="columns", any="code")
            outcome, problems = save(request, agency, [r.Put(r.TABLE, (code,), table)], form=form,
                                     locate=inputs)
            if not outcome.refused:
                created = m.SupportingTable.objects.get(agency=agency, code=code)
                return redirect("table_edit", agency=agency.pk, year=year, table=created.pk)
            refused(request, problems)
        else:
            refused(request)
    return TemplateResponse(request, "entry/tables.html", {
        "agency": agency, "state": state, "tables": agency.tables.all(), "form": form,
        "fields": {name: input_of(form, name) for name in ("code", "title", "columns")},
        "can_edit": _editable(request, agency, state)}, status=status)


def _cell_value(raw: str) -> Any:
    cleaned = raw.strip()
    if not cleaned:
        return None
    try:
        return canonical_decimal(parse_id_number(cleaned))
    except MalformedNumber:
        return cleaned[:500]


MAX_TABLE_ROWS = 2000


def _posted_rows(request: HttpRequest, width: int) -> tuple[tuple[Any, ...], ...] | None:
    """The table's body as posted, or None when the post does not carry the whole grid (a
    row count that is not a number or too large, a missing cell): never a silent wipe."""
    raw = (request.POST.get("rows") or "").strip()
    if not raw.isdigit() or int(raw) > MAX_TABLE_ROWS:
        return None
    count = int(raw)
    names = [[f"c-{r_}-{c}" for c in range(width)] for r_ in range(count)]
    if any(name not in request.POST for row in names for name in row):
        return None
    rows = (tuple(_cell_value(request.POST[name]) for name in row) for row in names)
    return tuple(row for row in rows if any(v is not None for v in row))


@requires(Action.READ, post=Action.EDIT)
def table_edit(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear,
               table: int) -> HttpResponse:
    row = get_object_or_404(m.SupportingTable, pk=table, agency=agency)
    stored = next(t for t in plan_from_db(agency).tables if t.code == row.code)
    status = 200
    if request.method == "POST":
        rows = _posted_rows(request, len(stored.columns))
        status = 400
        if rows is None:
            messages.error(request, gettext("Isian tabel tidak lengkap atau jumlah barisnya tidak "
                                            "sah; tidak ada yang disimpan. Muat ulang halaman ini."))
        else:
            changed = replace(stored, rows=rows, note=text(request.POST.get("note")),
                              source=text(request.POST.get("source")))
            outcome, problems = save(request, agency, [r.Put(r.TABLE, (row.code,), changed)],
                                     success=gettext("Data dukung tersimpan: %(count)s perubahan."))
            if not outcome.refused:
                return redirect("table_edit", agency=agency.pk, year=year, table=row.pk)
            refused(request, problems)
    width = len(stored.columns)
    blank = [[None] * width for _ in range(3)]
    body = [list(line) for line in stored.rows]
    return TemplateResponse(request, "entry/table_edit.html", {
        "agency": agency, "state": state, "table": stored, "rows": body + blank,
        "count": len(body) + 3, "can_edit": _editable(request, agency, state)}, status=status)


@requires(Action.READ, post=Action.EDIT)
def narratives(request: HttpRequest, agency: m.Agency, year: int, state: AgencyYear) -> HttpResponse:
    plan = plan_from_db(agency)
    # the year's narratives and those of every year: (index in the plan, narrative)
    shown_here = [(i, n) for i, n in enumerate(plan.narratives) if n.year in (year, None)]
    kinds = [k.value for k in NarrativeKind]
    prefixes = [f"n-{i}-" for i, _ in shown_here] + ["n-new-"]
    form = Form()
    for i, n in shown_here:
        form.values.update({f"n-{i}-k": n.kind.value, f"n-{i}-s": n.subject or "",
                            f"n-{i}-t": n.text, f"n-{i}-i": "\n".join(n.items)})
    form.values.update({"n-new-k": "problems"})
    status = 200
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k.startswith("n-")})
        edits: list[r.Edit] = []
        inputs = Inputs()
        for prefix, (index, stored) in zip(prefixes, [*shown_here, (None, None)], strict=True):
            if prefix + "t" not in request.POST:
                continue
            body = form.read(prefix + "t", text, 20000) or ""
            items = tuple(lines(form.values.get(prefix + "i")))
            kind = form.read(prefix + "k", choice, kinds, "jenis narasi")
            subject = form.read(prefix + "s", text, 60)
            key = (index,) if index is not None else None
            if key is not None:
                inputs.add(r.NARRATIVE, key, kind=prefix + "k", subject=prefix + "s",
                           text=prefix + "t", items=prefix + "i", any=prefix + "t")
            if not body and not items:
                if key is not None:
                    edits.append(r.Remove(r.NARRATIVE, key))
                continue
            narrative = model.Narrative(Kind(kind or Kind.OTHER.value), body, subject,
                                        stored.year if stored is not None else year, items)
            edits.append(r.Put(r.NARRATIVE, key, narrative))
        status = 400
        if saved(request, agency, edits, form=form, locate=inputs,
                 success=gettext("Narasi tersimpan: %(count)s perubahan.")):
            return redirect("narratives", agency=agency.pk, year=year)
    return TemplateResponse(request, "entry/narratives.html", {
        "agency": agency, "state": state, "form": form, "kinds": NarrativeKind.choices,
        "rows": [{key: input_of(form, f"{prefix}{key}") for key in "ksti"} for prefix in prefixes],
        "can_edit": _editable(request, agency, state),
        "readonly": not _editable(request, agency, state)}, status=status)
