"""The period entry page: one agency's realisations of one quarter or month, with the period
targets (rencana aksi), the causes of what is off track or well above, the budget lines'
spending and physical progress, and the progress so far — saved through the one write path
(its plan checks refuse an off-track value without its causes, and a closed period).

The standing of a value and the progress come from :mod:`sakip.core.monitoring` with the plan's
settings; nothing is computed here. After a refused save, they are those of the plan the page
tried to write, so the causes the check asks for are shown beside the value.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sakip.core import model
from sakip.core import records as r
from sakip.core.enums import Aggregation
from sakip.core.monitoring import Standing as Track
from sakip.core.monitoring import period_results, progress
from sakip.core.periods import MONTHS, QUARTERS, Period, period_of, within
from sakip.web.access import Action, can, requires
from sakip.web.entry.cells import number, shown, text
from sakip.web.entry.saving import Form, Inputs, input_of, saved
from sakip.web.labels import language as _lang
from sakip.web.monitoring import completeness, windows
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import Actual, Agency
from sakip.web.plans.models.agency import touch_agency
from sakip.web.workflow.models import AgencyYear, Evidence
from sakip.web.workflow.support import supports

TRACK = {Track.OFF_TRACK: _("Di bawah target"), Track.ON_TRACK: _("Sesuai rencana"),
         Track.WELL_ABOVE: _("Jauh di atas target")}
CAUSES = {"obstacles": "o", "follow_up": "f", "drivers": "d"}
ASKED = {Track.OFF_TRACK: ("obstacles", "follow_up"), Track.WELL_ABOVE: ("drivers",)}


def all_periods() -> list[Period]:
    found = [Period.of(q, None) for q in QUARTERS] + [Period.of(None, m) for m in MONTHS]
    return sorted(p for p in found if p is not None)


def _grain(records: Any) -> int | None:
    """1 when an indicator's (or a line's) year has a record of a month, 3 of a quarter."""
    kinds = {p.months for rec in records if (p := period_of(rec)) is not None}
    return 1 if 1 in kinds else (3 if 3 in kinds else None)


def _own(records: Any, period: Period) -> Any:
    return next((rec for rec in records if period_of(rec) == period), None)


def _window(agency: Agency, year: int, period: Period) -> windows.Standing | None:
    window = windows.covering(windows.windows_of(agency.region_id, [year]), period)
    return windows.standing(window, agency) if window is not None else None


def _period(slug: str) -> Period:
    period = windows.from_slug(slug)
    if period is None:
        raise Http404("periode tidak dikenal")
    return period


@requires(Action.READ)
def periods(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    """The periods of a year: deadline, whether entry is open, completeness; links to each."""
    listed = windows.windows_of(agency.region_id, [year])
    shown_periods = completeness.shown_periods(agency.region_id, year)
    counts = {c.period: c for c in completeness.by_period(agency.pk, year, all_periods())}
    rows = []
    for period in all_periods():
        window = windows.covering(listed, period)
        rows.append({"period": period, "slug": windows.slug(period),
                     "label": period.label(_lang()), "followed": period in shown_periods,
                     "standing": windows.standing(window, agency) if window else None,
                     "count": counts[period]})
    return TemplateResponse(request, "monitoring/periods.html", {
        "agency": agency, "state": state, "year": year, "rows": rows})


def _short(period: Period) -> str:
    """``TW III`` / ``Jul`` in Indonesian, ``Q III`` / ``Jul`` in English."""
    if _lang() == "id":
        return period.short()
    return period.label("en")[:3] if period.months == 1 else "Q " + period.label("en").split()[-1]


@requires(Action.READ, post=Action.EDIT)
def period_entry(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
                 period: str) -> HttpResponse:
    current = _period(period)
    plan = plan_from_db(agency)
    window = _window(agency, year, current)
    is_open = window is None or not window.closed
    can_edit = can(request.user, Action.EDIT, agency, year, state=state)
    editable = can_edit and is_open
    indicators = [i for i in agency.indicators.all() if not i.levels]
    activities = {a.code: a for a in agency.activities.all()}
    lines = [b for b in plan.budgets_of(year) if b.activity in activities]
    form, rows = Form(), []
    files: dict[int, list[Evidence]] = {}
    for actual, evidence in supports(Actual.objects.filter(
            indicator__agency=agency, year=year, period=current.quarter or 0,
            month=current.month or 0)):
        files.setdefault(actual.indicator_id, []).append(evidence)
    for i in indicators:
        core = plan.indicator_by_code[i.code]
        if core.target(year) is None and not core.period_targets(year):
            continue
        p = f"p-{i.pk}-"
        t = _own(core.period_targets(year), current)
        a = _own([x for x in core.actuals_of(year)], current)
        annual = core.target(year)
        form.values.update({p + "t": shown(t.value if t else None),
                            p + "v": shown(a.value if a else None),
                            p + "n": (annual.note or "") if annual else ""})
        for name, short in CAUSES.items():
            form.values[p + short] = (getattr(a, name) or "") if a else ""
        grain = _grain([*core.period_targets(year), *core.actuals_of(year)])
        rows.append({"indicator": i, "core": core, "prefix": p,
                     "fixed": grain is not None and grain != current.months,
                     "evidence": files.get(i.pk, [])})
    for b in lines:
        a = activities[b.activity]
        own = _own(plan.budget_periods(b.activity, year), current)
        form.values[f"k-{a.pk}-s"] = shown(own.spent if own else None)
        form.values[f"k-{a.pk}-f"] = shown(own.physical if own else None)
    status = 200
    tried = plan
    if request.method == "POST":
        form.values.update({k: v for k, v in request.POST.items() if k[:2] in ("p-", "k-")})
        edits, inputs = _edits(request, form, plan, rows, lines, activities, agency, year, current)
        if not form.errors:
            try:
                tried = r.apply(plan, edits)
            except (KeyError, ValueError):
                tried = plan
        status = 400
        if saved(request, agency, edits, form=form, locate=inputs,
                 success=gettext("Realisasi %(period)s tersimpan: %(count)s perubahan.")
                 .replace("%(period)s", current.label(_lang()))):
            return redirect("period_entry", agency=agency.pk, year=year,
                            period=windows.slug(current))
    return TemplateResponse(request, "monitoring/period_entry.html", {
        "agency": agency, "state": state, "year": year, "period": current,
        "label": current.label(_lang()), "slug": windows.slug(current), "window": window,
        "is_open": is_open, "can_edit": can_edit, "editable": editable,
        "not_editable": not editable, "form": form,
        "rows": [_row(tried, row, form, year, current) for row in rows],
        "lines": [_line(tried, b, activities[b.activity], form, year, current) for b in lines],
        "quarters": [p for p in all_periods() if p.months == 3],
        "months": [p for p in all_periods() if p.months == 1],
        "slugs": {p: windows.slug(p) for p in all_periods()},
        "shorts": {p: _short(p) for p in all_periods()},
        "count": completeness.by_period(agency.pk, year, [current])[0],
    }, status=status)


def _edits(request: HttpRequest, form: Form, plan: model.Plan, rows: list[dict[str, Any]],
           lines: list[model.Budget], activities: dict[str, Any], agency: Agency, year: int,
           current: Period) -> tuple[list[r.Edit], Inputs]:
    edits: list[r.Edit] = []
    inputs = Inputs()
    evidence = {actual.indicator.code for actual, _file in supports(Actual.objects.filter(
        indicator__agency=agency, year=year, period=current.quarter or 0,
        month=current.month or 0))}
    for row in rows:
        p, core = row["prefix"], row["core"]
        if row["fixed"] or p + "v" not in request.POST:
            continue
        key = (core.code, year, current.quarter, current.month)
        if p + "t" in request.POST:
            stored = _own(core.period_targets(year), current)
            base = stored or model.Target(year, quarter=current.quarter, month=current.month)
            target = replace(base, value=form.read(p + "t", number))
            inputs.add(r.TARGET, key, value=p + "t", any=p + "t")
            empty = target.value is None and target.text is None and target.upper is None
            edits.append(r.Remove(r.TARGET, key) if empty else r.Put(r.TARGET, key, target))
        if p + "n" in request.POST:
            annual = core.target(year)
            note = form.read(p + "n", text)
            if annual is not None and note != annual.note:
                edits.append(r.Put(r.TARGET, (core.code, year, None, None),
                                   replace(annual, note=note)))
        inputs.add(r.TARGET, (core.code, year, None, None), note=p + "n", any=p + "n")
        stored_actual = _own(core.actuals_of(year), current)
        base_actual = stored_actual or model.Actual(year, quarter=current.quarter,
                                                    month=current.month)
        changes: dict[str, Any] = {"value": form.read(p + "v", number)}
        for name, short in CAUSES.items():
            if p + short in request.POST:
                changes[name] = form.read(p + short, text)
        actual = replace(base_actual, **changes)
        inputs.add(r.ACTUAL, key, value=p + "v", any=p + "v",
                   **{name: p + short for name, short in CAUSES.items()})
        empty = (actual.value is None and actual.text is None and not actual.obstacles
                 and not actual.follow_up and not actual.drivers and actual.note is None)
        edits.append(r.Remove(r.ACTUAL, key) if empty and core.code not in evidence
                     else r.Put(r.ACTUAL, key, actual))
    for b in lines:
        a = activities[b.activity]
        p = f"k-{a.pk}-"
        if p + "s" not in request.POST:
            continue
        periods = plan.budget_periods(b.activity, year)
        grain = _grain(periods)
        if grain is not None and grain != current.months:
            continue
        key = (b.activity, year, current.quarter, current.month)
        stored = _own(periods, current)
        base = stored or model.Budget(b.activity, year, quarter=current.quarter,
                                      month=current.month)
        line = replace(base, spent=form.read(p + "s", number, negative=False, places=2),
                       physical=form.read(p + "f", number, negative=False))
        inputs.add(r.BUDGET, key, spent=p + "s", physical=p + "f", any=p + "s")
        empty = all(getattr(line, name) is None for name in (
            "spent", "physical", "ceiling", "ceiling_original", "source_of_funds", "explanation"))
        edits.append(r.Remove(r.BUDGET, key) if empty else r.Put(r.BUDGET, key, line))
    return edits, inputs


def _row(plan: model.Plan, row: dict[str, Any], form: Form, year: int,
         current: Period) -> dict[str, Any]:
    """One indicator as the page shows it, from ``plan`` (the stored one, or the one a refused
    save tried to write)."""
    core = plan.indicator_by_code[row["core"].code]
    p = row["prefix"]
    result = next((x for x in period_results(plan, core, year) if x.period == current), None)
    track = result.standing if result is not None else None
    so_far = progress(plan, core, year, current.end)
    asked = ASKED.get(track, ()) if track is not None else ()
    inputs = {name: input_of(form, p + short, f"{core.code} {name}")
              for name, short in CAUSES.items()}
    causes = [{"name": name, "input": field} for name, field in inputs.items()
              if name in asked or field["value"] or field["error"]]
    note = input_of(form, p + "n", f"{core.code} catatan target")
    return {"indicator": row["indicator"], "core": core, "fixed": row["fixed"],
            "evidence": row.get("evidence", []),
            "annual": core.target(year), "track": track,
            "achievement": result.achievement if result is not None else None,
            "composed": (result.target, result.actual) if result is not None else (None, None),
            "track_label": TRACK.get(track, "") if track is not None else "",
            "progress": so_far, "target": input_of(form, p + "t", f"{core.code} target"),
            "value": input_of(form, p + "v", f"{core.code} realisasi"), "causes": causes,
            "note": note if note["error"] or note["value"] else None}


def _line(plan: model.Plan, budget: model.Budget, activity: Any, form: Form, year: int,
          current: Period) -> dict[str, Any]:
    periods = plan.budget_periods(budget.activity, year)
    grain = _grain(periods)
    p = f"k-{activity.pk}-"
    composed: tuple[Decimal | None, ...] = (None, None)
    if grain == 1 and current.months == 3:  # a quarter of a line entered by months
        quarter = current.end // 3
        composed = tuple(within(rule, [(at, getattr(b, name)) for b in periods
                                       if (at := period_of(b)) is not None], quarter)
                         for rule, name in ((Aggregation.SUM, "spent"),
                                            (Aggregation.LAST, "physical")))
    return {"activity": activity, "budget": budget, "composed": composed,
            "fixed": grain is not None and grain != current.months,
            "spent": input_of(form, p + "s", f"{activity.code} realisasi anggaran"),
            "physical": input_of(form, p + "f", f"{activity.code} fisik")}


@requires(Action.READ, post=Action.EDIT)
def period_evidence(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
                    period: str, indicator: int) -> HttpResponse:
    """Attach an evidence file to an indicator's realisation of a period (POST; a GET goes back
    to the period's page). The realisation must be saved first, and the period open."""
    from django.contrib import messages
    from django.db import transaction
    from django.shortcuts import get_object_or_404

    from sakip.web.entry.evidence import EvidenceForm
    from sakip.web.plans.models import Actual, Indicator
    from sakip.web.plans.write import audit_key, audit_label
    from sakip.web.workflow.audit import Trail

    current = _period(period)
    back = redirect("period_entry", agency=agency.pk, year=year, period=windows.slug(current))
    if request.method != "POST":
        return back
    item = get_object_or_404(Indicator, pk=indicator, agency=agency)
    window = _window(agency, year, current)
    row = Actual.objects.filter(indicator=item, year=year, period=current.quarter or 0,
                                month=current.month or 0).first()
    upload = EvidenceForm(request.POST, request.FILES)
    if window is not None and window.closed:
        messages.error(request, gettext("Masa pengisian periode ini sudah ditutup; bukti dukung "
                                        "tidak dapat ditambahkan."))
    elif row is None or (row.value is None and row.text is None):
        messages.error(request, gettext("Simpan realisasi %(code)s periode ini dahulu, lalu "
                                        "unggah buktinya.") % {"code": item.code})
    elif not upload.is_valid():
        for errors in upload.errors.values():
            for error in errors:
                messages.error(request, f"{item.code}: {error}")
    else:
        from pathlib import PurePath

        data = upload.cleaned_data["berkas"]
        key = (item.code, year, current.quarter, current.month)
        with transaction.atomic():
            name = PurePath(data.name or "berkas").name[:200]
            evidence = Evidence(actual=row, name=name, kind=data.sakip_kind, size=data.size or 0,
                                uploaded_by=request.user)
            evidence.file.save(f"{agency.pk}-{item.code}-{year}-{windows.slug(current)}"
                               f"{PurePath(name).suffix.lower()}", data, save=False)
            evidence.save()
            touch_agency(agency)
            trail = Trail(agency, request.user, "", year)
            trail.change(audit_key(agency, "actual", key), "Bukti " + audit_label("actual", key),
                         "bukti", None, name)
            trail.save()
        messages.success(request, gettext("Bukti dukung terunggah."))
    return back
