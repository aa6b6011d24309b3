"""Editable grids: targets per year, realisations per period, and one realisation in detail.

A POST is read whole first; a cell that is not a number comes back with its error and nothing
is saved. Otherwise the grid's values become edits of the plan's records, saved through the
write path (``saving.py``): the plan checks put their problems beside the cells, values changed
by someone else since the page was shown are kept and reported, and the page shows the
achievements the core computes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import ActualStatus as Status
from sakip.core.formula import FormulaError
from sakip.core.formula import parse as parse_formula
from sakip.core.measure import IndicatorResult, measure
from sakip.core.scales import band_labels
from sakip.io.plan_checks import nowhere
from sakip.web.access import Action, can, requires
from sakip.web.dashboards.figures import category_color
from sakip.web.entry.cells import CellError, block, choice, number, shown, text
from sakip.web.entry.forms import (
    PASTE_STARTS,
    PERIOD_FIELDS,
    PERIOD_OF,
    ActualRowForm,
    GridFilter,
    PasteForm,
)
from sakip.web.entry.saving import Form, Inputs, input_of, refused, saved
from sakip.web.labels import LEVELS, RULES, language
from sakip.web.measuring import kept, measured, page_key
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import ANNUAL, Actual, Agency, Indicator
from sakip.web.plans.models.choices import ActualStatus
from sakip.web.workflow.models import AgencyYear, Evidence, State

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


def actual_edit(actual: model.Actual, key: r.Key, with_evidence: set[r.Key]) -> r.Edit:
    """The edit that saves a realisation as entered: an empty one is removed, unless a file of
    evidence supports it (the grid, the indicator's page and the API write through this)."""
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


def with_evidence_keys(agency: Agency, year: int) -> set[r.Key]:
    """The keys of the year's realisations a file supports (its own or linked to it)."""
    own = (Evidence.objects.filter(actual__indicator__agency=agency, actual__year=year)
           .values_list("actual__indicator__code", "actual__period", "actual__month"))
    linked = (Actual.objects.filter(indicator__agency=agency, year=year,
                                    linked_evidence__isnull=False)
              .values_list("indicator__code", "period", "month"))
    return {(code, year, period or None, month or None)
            for code, period, month in (*own, *linked)}


def evidence_of(row: Actual) -> list[Evidence]:
    """The files supporting a realisation: its own and those linked to it."""
    return list(Evidence.objects.filter(Q(actual=row) | Q(links=row)).distinct()
                .order_by("uploaded_at", "id"))


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


@dataclass
class Row:
    """One indicator of the realisation grid: its form, its figures, what the filter reads."""

    indicator: Indicator
    form: ActualRowForm
    result: IndicatorResult
    derived: bool
    inputs: list[tuple[str, str]] = field(default_factory=list)  # (series code, edit URL)
    entered: bool = False
    posted: bool = False


def _rows(request: HttpRequest, agency: Agency, year: int, plan: model.Plan,
          results: dict[str, IndicatorResult]) -> list[Row]:
    statuses = ActualStatus.choices
    series = dict(agency.series.values_list("code", "pk"))
    rows = []
    for i in agency.indicators.all():
        core = plan.indicator_by_code[i.code]
        stored = {a.quarter or ANNUAL: a for a in core.actuals_of(year) if a.month is None}
        annual = stored.get(ANNUAL)
        initial: dict[str, Any] = {name: stored[PERIOD_OF[name]].value
                                   for name in PERIOD_FIELDS if PERIOD_OF[name] in stored}
        initial.update(x=(annual.text or "") if annual else "",
                       s=annual.status.value if annual else ActualStatus.FINAL,
                       r=(annual.reason or "") if annual else "")
        prefix = f"a-{i.pk}"
        posted = request.method == "POST" and f"{prefix}-s" in request.POST
        derived = results[i.code].derived is not None
        form = ActualRowForm(request.POST if posted else None, initial=initial, prefix=prefix,
                             derived=derived, statuses=statuses,
                             formula_value=results[i.code].derived)
        rows.append(Row(i, form, results[i.code], derived, _inputs(agency, year, core, series),
                        any(a.value is not None or a.text is not None for a in stored.values()),
                        posted))
    return rows


def _inputs(agency: Agency, year: int, indicator: model.Indicator,
            series: dict[str, int]) -> list[tuple[str, str]]:
    """The data series a derived indicator's formula reads, with the page that edits each."""
    if not indicator.formula:
        return []
    try:
        refs = parse_formula(indicator.formula).references
    except FormulaError:
        return []
    return [(code, reverse("structure_edit", kwargs={"agency": agency.pk, "year": year,
                                                      "kind": "data-dasar", "pk": series[code]}))
            for code in dict.fromkeys(ref.series for ref in refs) if code in series]


def _row_edits(row: Row, plan: model.Plan, year: int, posted: Any,
               evidence: set[r.Key], inputs: Inputs) -> list[r.Edit]:
    """The edits of a valid row: what it shows replaces what is stored; an input the page did
    not post keeps its stored value."""
    i, data = row.indicator, row.form.cleaned_data
    prefix = row.form.prefix
    stored = {a.quarter or ANNUAL: a for a in plan.indicator_by_code[i.code].actuals_of(year)
              if a.month is None}
    edits: list[r.Edit] = []
    for name in PERIOD_FIELDS:
        period = PERIOD_OF[name]
        key = (i.code, year, period or None, None)
        actual = stored.get(period) or model.Actual(year, quarter=period or None)
        if f"{prefix}-{name}" in posted:
            actual = replace(actual, value=data[name])
        if period == ANNUAL:
            if f"{prefix}-x" in posted:
                actual = replace(actual, text=data["x"] or None)
            actual = replace(actual, status=Status(data["s"] or Status.FINAL.value),
                             reason=data["r"] or None)
            inputs.add(r.ACTUAL, key, value=f"{prefix}-v0", text=f"{prefix}-x",
                       status=f"{prefix}-s", reason=f"{prefix}-r", any=f"{prefix}-v0")
        else:
            inputs.add(r.ACTUAL, key, value=f"{prefix}-{name}", any=f"{prefix}-{name}")
        edits.append(actual_edit(actual, key, evidence))
    return edits


def _shown(rows: list[Row], grid_filter: GridFilter) -> list[Row]:
    """The rows the filter keeps (and every posted row with an error, so none is hidden)."""
    if not grid_filter.is_valid():
        return rows
    f = grid_filter.cleaned_data
    text_ = (f["q"] or "").casefold()

    def kept(row: Row) -> bool:
        i = row.indicator
        return ((not text_ or text_ in f"{i.code} {i.name}".casefold())
                and (not f["tingkat"] or i.level == f["tingkat"])
                and (not f["kategori"] or (row.result.category or "") == f["kategori"])
                and (not f["kosong"] or not (row.entered or row.derived)))

    return [row for row in rows if kept(row) or (row.posted and row.form.errors)]


@requires(Action.READ, post=Action.EDIT)
def actuals(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    """The realisation grid: save the rows posted, preview their achievements without saving
    (``pratinjau``; as JSON for the page's script), or read a block pasted from a spreadsheet
    (``tempel``). Figures always come from the core's measurement.

    A plain GET (no filter) shows the grid's rows rendered once for what they show and kept
    under the page's stamps (:func:`sakip.web.measuring.page_key`: the agency's and the region's,
    an approved year's snapshot, the language) and whether the user may edit: a request whose
    rows are kept builds no form and renders no row."""
    editable = can(request.user, Action.EDIT, agency, year, state=state)
    if request.method == "GET" and not request.GET:
        key = page_key(agency, year, state, "actuals", "edit" if editable else "read")
        grid = kept(key, lambda: _grid(request, agency, year, state, editable))
        return _page(request, agency, year, state, grid, GridFilter(
            request.GET, levels=grid["levels"], categories=grid["categories"]), editable)
    shown_plan, plan, rows = _built(request, agency, year, state)
    paste = PasteForm(request.POST if "tempel" in request.POST else None)
    paste_problems: list[str] = []
    status = 200
    preview = False
    if request.method == "POST" and "tempel" in request.POST:
        status = 400
        edits, paste_problems = _pasted(paste, rows, plan, year, with_evidence_keys(agency, year))
        if not paste_problems and saved(request, agency, edits, form=Form(), locate=nowhere,
                                        success=gettext("Blok tempelan tersimpan: %(count)s "
                                                        "perubahan.")):
            return redirect(request.get_full_path())
        if paste_problems:
            refused(request)
    elif request.method == "POST":
        status = 400
        preview = "pratinjau" in request.POST
        posted = [row for row in rows if row.posted]
        valid = all(row.form.is_valid() for row in posted)
        edits, inputs = [], Inputs()
        if valid:
            evidence = with_evidence_keys(agency, year)
            for row in posted:
                edits += _row_edits(row, plan, year, request.POST, evidence, inputs)
        if preview:
            status = 200 if valid else 400
            if valid:
                shown_plan = r.apply(plan, edits)
                results = {x.code: x for x in measure(shown_plan, year).indicators}
                for row in rows:
                    row.result = results[row.indicator.code]
            if "application/json" in request.headers.get("Accept", ""):
                return _preview_json(request, shown_plan, rows, status)
            if valid:
                messages.info(request, gettext("Pratinjau: capaian dihitung dari isian di bawah; "
                                               "belum disimpan."))
            else:
                refused(request)
        else:
            errors = Form(values={k: v for k, v in request.POST.items() if k.startswith("a-")})
            if not valid:
                refused(request)
            elif saved(request, agency, edits, form=errors, locate=inputs,
                       success=gettext("Realisasi tersimpan: %(count)s perubahan.")):
                return redirect(request.get_full_path())
            _errors_to_rows(errors, posted)
    grid_filter = GridFilter(request.GET, levels=_levels(rows), categories=_categories(shown_plan))
    grid = _rendered(agency, year, shown_plan, rows, _shown(rows, grid_filter), editable)
    return _page(request, agency, year, state, grid, grid_filter, editable, paste=paste,
                 paste_problems=paste_problems, preview=preview, status=status)


def _built(request: HttpRequest, agency: Agency, year: int, state: AgencyYear
           ) -> tuple[model.Plan, model.Plan, list[Row]]:
    """The plan shown (the year's measured one), the plan edits apply to (the same unless the
    year shows its approved snapshot) and the grid's rows with their forms."""
    shown_plan, measurement = measured(agency, year)
    plan = shown_plan if state.state != State.APPROVED else plan_from_db(agency)
    return shown_plan, plan, _rows(request, agency, year, plan,
                                   {x.code: x for x in measurement.indicators})


def _grid(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
          editable: bool) -> dict[str, Any]:
    """The whole grid of a plain GET, rendered (what :func:`actuals` keeps)."""
    shown_plan, _, rows = _built(request, agency, year, state)
    return _rendered(agency, year, shown_plan, rows, rows, editable)


def _rendered(agency: Agency, year: int, plan: model.Plan, rows: list[Row], shown_rows: list[Row],
              editable: bool) -> dict[str, Any]:
    """The rows shown, as HTML, with what the page around them needs: their count, the total,
    the levels and categories the filter offers."""
    html = render_to_string("entry/_actual_rows.html", {
        "agency": agency, "year": year, "readonly": not editable,
        "labels": band_labels(plan, language()),
        "rows": [_context(row, plan) for row in shown_rows]})
    return {"html": html, "shown": len(shown_rows), "total": len(rows), "levels": _levels(rows),
            "categories": _categories(plan)}


def _page(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
          grid: dict[str, Any], grid_filter: GridFilter, editable: bool, *,
          paste: PasteForm | None = None, paste_problems: list[str] | None = None,
          preview: bool = False, status: int = 200) -> HttpResponse:
    return TemplateResponse(request, "entry/actuals.html", {
        "agency": agency, "state": state, "year": year,
        "grid_rows": mark_safe(grid["html"]),  # rendered by _rendered, escaped there
        "shown": grid["shown"], "total": grid["total"], "filter": grid_filter,
        "paste": paste if paste is not None else PasteForm(None),
        "paste_problems": paste_problems or [], "preview": preview,
        "can_edit": editable, "readonly": not editable,
    }, status=status)


def _errors_to_rows(errors: Form, rows: list[Row]) -> None:
    """The write path's problems, located at an input name, beside that input of its row."""
    for row in rows:
        for name in row.form.fields:
            message = errors.errors.get(f"{row.form.prefix}-{name}")
            if message:
                row.form.add_error(name, message)


def _levels(rows: list[Row]) -> list[tuple[str, str]]:
    present = dict.fromkeys(row.indicator.level for row in rows)
    return [(level, str(LEVELS[level])) for level in present]


def _categories(plan: model.Plan) -> list[tuple[str, str]]:
    scale = plan.scale_by_code[plan.settings.category_scale]
    return [(band.label, band.label) for band in scale.bands]


def _context(row: Row, plan: model.Plan) -> dict[str, Any]:
    """One row for the template: its inputs as the page shows them, its figures."""
    i, form = row.indicator, row.form
    cells = []
    for column, name in enumerate(PERIOD_FIELDS):
        if name == "v0" and i.levels:
            name = "x"
        bound = form[name]
        value = bound.field.prepare_value(bound.value())
        cells.append({"name": bound.html_name, "value": "" if value is None else str(value),
                      "error": " ".join(bound.errors), "column": column, "text": name == "x",
                      "label": f"{i.code} " + (f"TW {PERIOD_OF[name]}" if name not in ("v0", "x")
                                               else gettext("setahun"))})
    reason = form["r"]
    status = form["s"]
    return {"indicator": i, "result": row.result, "derived": row.derived, "inputs": row.inputs,
            "color": category_color(plan, row.result), "cells": cells, "entered": row.entered,
            "status": {"name": status.html_name, "value": str(status.value() or ""),
                       "error": " ".join(status.errors), "label": f"{i.code} status"},
            "reason": {"name": reason.html_name, "value": reason.value() or "",
                       "error": " ".join(reason.errors), "label": f"{i.code} alasan"},
            "statuses": status.field.choices, "level": LEVELS[i.level]}


def _preview_json(request: HttpRequest, plan: model.Plan, rows: list[Row],
                  status: int) -> JsonResponse:
    """The preview for the page's script: each row's result cells as the page renders them,
    and the errors by input name."""
    out = {}
    labels = band_labels(plan, language())
    for row in rows:
        context = _context(row, plan)
        out[str(row.indicator.pk)] = {
            "result": render_to_string("entry/_result.html", {"row": context, "labels": labels},
                                       request),
            "errors": {f"{row.form.prefix}-{name}": " ".join(str(e) for e in errs)
                       for name, errs in (row.form.errors.items() if row.posted else ())}}
    return JsonResponse({"rows": out, "ok": status == 200}, status=status)


def _pasted(paste: PasteForm, rows: list[Row], plan: model.Plan, year: int,
            evidence: set[r.Key]) -> tuple[list[r.Edit], list[str]]:
    """A block pasted from a spreadsheet, read whole: its edits, or every problem located by
    row and column (and then no edit)."""
    if not paste.is_valid():
        return [], [f"{paste[name].label}: {' '.join(errs)}" for name, errs in paste.errors.items()]
    by_code = {row.indicator.code: row for row in rows}
    start = PERIOD_FIELDS.index(paste.cleaned_data["mulai"])
    problems: list[str] = []
    wanted: dict[str, dict[str, Any]] = {}

    def problem(line: int, column: int, message: str) -> None:
        problems.append(gettext("Baris %(row)s, kolom %(column)s: %(message)s")
                        % {"row": line, "column": column, "message": message})

    try:
        lines_ = block(paste.cleaned_data["blok"])
    except CellError as error:
        return [], [error.message]
    for line, cells in lines_:
        code = cells[0].strip()
        row = by_code.get(code)
        if row is None:
            problem(line, 1, gettext("kode indikator “%(code)s” tidak ada.") % {"code": code})
            continue
        if code in wanted:
            problem(line, 1, gettext("indikator %(code)s sudah ada di baris lain.") % {"code": code})
            continue
        values = cells[1:]
        if start + len(values) > len(PERIOD_FIELDS):
            problem(line, len(PERIOD_FIELDS) - start + 2,
                    gettext("terlalu banyak kolom: setelah “Setahun” tidak ada isian."))
            continue
        if row.derived:
            problem(line, 2, gettext("realisasi %(code)s dihitung dari data dasarnya; tidak "
                                     "diisi di sini.") % {"code": code})
            continue
        wanted[code] = {}
        for offset, raw in enumerate(values):
            name = PERIOD_FIELDS[start + offset]
            try:
                if name == "v0" and row.indicator.levels:
                    wanted[code]["x"] = text(raw, 200)
                else:
                    wanted[code][name] = number(raw)
            except CellError as error:
                problem(line, offset + 2, f"{dict(PASTE_STARTS)[name]}: {error.message}")
    if problems:
        return [], problems
    edits: list[r.Edit] = []
    for code, typed in wanted.items():
        stored = {a.quarter or ANNUAL: a for a in plan.indicator_by_code[code].actuals_of(year)
                  if a.month is None}
        for name, value in typed.items():
            period = PERIOD_OF["v0" if name == "x" else name]
            key = (code, year, period or None, None)
            actual = stored.get(period) or model.Actual(year, quarter=period or None)
            actual = replace(actual, **{"text" if name == "x" else "value": value})
            edits.append(actual_edit(actual, key, evidence))
    if not edits:
        problems.append(gettext("Blok tempelan tidak berisi nilai."))
    return edits, problems


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
        if (actual.value != (stored.value if stored else None)
                and measure(plan, year).result(item.code).derived is not None):
            form.errors[f"{prefix}v0"] = str(ActualRowForm.DERIVED)
        inputs = Inputs()
        _actual_inputs(inputs, key, prefix, ANNUAL)
        status = 400
        edit = actual_edit(actual, key, with_evidence_keys(agency, year))
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
        "evidence": evidence_of(row) if row else [],
        "quarters": Actual.objects.filter(indicator=item, year=year).exclude(period=ANNUAL),
        "history_key": f"realisasi:{item.code}:{year}:{ANNUAL}",
        "can_edit": can(request.user, Action.EDIT, agency, year, state=state),
        "readonly": not can(request.user, Action.EDIT, agency, year, state=state),
    }, status=status)
