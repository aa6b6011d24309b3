"""Downloads (plan file, workbook, report) and the workbook import, behind the access rule."""

from __future__ import annotations

import io
import tempfile
from dataclasses import replace
from pathlib import Path, PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy

from sakip.core.model import Plan
from sakip.core.records import keep_years
from sakip.io.plan_dump import dump_plan
from sakip.io.problems import InputError, Problem
from sakip.web import labels
from sakip.web.access import Action, can, requires
from sakip.web.exchange import capabilities
from sakip.web.measuring import kept_file
from sakip.web.plans.models import Agency
from sakip.web.plans.store import add_missions, add_scales
from sakip.web.plans.write import Outcome, frozen_years, write
from sakip.web.workflow.models import AgencyYear
from sakip.web.workflow.snapshots import plan_for


class ImportForm(forms.Form):
    berkas = forms.FileField(label=gettext_lazy("Workbook Sakip (.xlsx)"),
                             error_messages={"required": gettext_lazy("Pilih berkas workbook (.xlsx).")})
    alasan = forms.CharField(label=gettext_lazy("Alasan"), required=False, max_length=1000)

    def clean_berkas(self):  # type: ignore[no-untyped-def]
        return checked_xlsx(self.cleaned_data["berkas"])


class SipdForm(forms.Form):
    """The SIPD budget export's upload (docs/sipd.md)."""

    berkas = forms.FileField(
        label=gettext_lazy("Ekspor anggaran SIPD (.xlsx atau .csv)"),
        error_messages={"required": gettext_lazy("Pilih berkas ekspor SIPD (.xlsx atau .csv).")})
    alasan = forms.CharField(label=gettext_lazy("Alasan"), required=False, max_length=1000)

    def clean_berkas(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["berkas"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext("Berkas terlalu besar."))
        if PurePath(upload.name).suffix.lower() not in (".xlsx", ".csv"):
            raise forms.ValidationError(gettext("Berkas bukan ekspor SIPD (.xlsx atau .csv)."))
        return upload


def checked_xlsx(upload: Any) -> Any:
    """An uploaded workbook within the upload limit whose bytes and name say .xlsx (a form's
    ``clean_berkas``: the full workbook's import and the entry workbook's upload alike)."""
    if upload.size > settings.MAX_UPLOAD_BYTES:
        raise forms.ValidationError(gettext("Berkas terlalu besar."))
    head = upload.read(4)
    upload.seek(0)
    if head != b"PK\x03\x04" or PurePath(upload.name).suffix.lower() != ".xlsx":
        raise forms.ValidationError(gettext("Berkas bukan workbook Excel (.xlsx)."))
    return upload


def _download(content: bytes, filename: str, content_type: str, inline: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _context(request: HttpRequest, agency: Agency, state: AgencyYear, form: ImportForm) -> dict[str, object]:
    return {"agency": agency, "state": state, "form": form,
            "workbook": capabilities.workbook() is not None,
            "report": capabilities.report() is not None,
            "formats": capabilities.REPORT_FORMATS,
            "sipd_form": SipdForm(),
            "can_edit": can(request.user, Action.EDIT, agency, state.year, state=state)}


@requires(Action.READ)
def overview(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    return TemplateResponse(request, "exchange/overview.html",
                            _context(request, agency, state, ImportForm()))


@requires(Action.READ)
def plan_file(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    text = dump_plan(plan_for(agency, year))
    return _download(text.encode("utf-8"), f"{agency.code}.yaml", "application/yaml; charset=utf-8")


@requires(Action.READ)
def workbook_export(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    module = capabilities.workbook()
    if module is None:
        raise Http404("ekspor workbook belum tersedia")
    buffer = io.BytesIO()
    module.export_plan(plan_for(agency, year), buffer)
    return _download(buffer.getvalue(), f"{agency.code}.xlsx", capabilities.CONTENT_TYPES["xlsx"])


@requires(Action.EDIT)
def workbook_import(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    module = capabilities.workbook()
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and module is not None and form.is_valid():
        upload = form.cleaned_data["berkas"]
        with tempfile.TemporaryDirectory(prefix="sakip-import-") as folder:
            path = Path(folder) / "impor.xlsx"
            path.write_bytes(upload.read())
            try:
                result = module.import_workbook(path)
            except InputError as error:
                problems = [p.render(labels.language()) for p in error.problems][:200]
            else:
                outcome = _replace(request, agency, result.plan, upload.name,
                                   form.cleaned_data["alasan"])
                problems = [p.render(labels.language()) for p in outcome.problems][:200]
        if not problems:
            messages.success(request, gettext("Workbook diimpor: %(count)s nilai berubah.")
                             % {"count": outcome.changes})
            return redirect("agency_dashboard", agency=agency.pk, year=year)
    if request.method == "POST":
        messages.error(request, gettext("Workbook tidak diimpor; tidak ada yang diubah."))
    context = _context(request, agency, state, form)
    context["problems"] = problems
    return TemplateResponse(request, "exchange/overview.html", context,
                            status=400 if request.method == "POST" else 200)


def _replace(request: HttpRequest, agency: Agency, imported: Plan, filename: str,
             reason: str) -> Outcome:
    """The workbook's plan becomes the agency's, through the write path; the years that may not
    change keep their records (a workbook exported before a year was locked stays importable).
    Scales the region does not have are added to it in the same transaction. The region's RPJMD
    is the region's, changed only on its own page (sakip.web.plans.region_write): the workbook's
    copy is not taken, and goals serving a sasaran daerah the region does not hold are refused
    by the plan checks."""
    if imported.agency.code != agency.code:
        return Outcome(problems=[Problem(
            "IMPORT_OTHER_AGENCY",
            f"workbook ini milik perangkat daerah “{imported.agency.code}”, bukan “{agency.code}”",
            f"this workbook belongs to agency “{imported.agency.code}”, not “{agency.code}”")])
    with transaction.atomic():
        add_missions(agency.region, imported.region)
        add_scales(agency.region, imported.scales)

        def whole(current: Plan) -> Plan:
            kept = keep_years(imported, current, set(frozen_years(agency)))
            return replace(kept, region=current.region)

        outcome = write(agency, request.user, whole, reason=reason or f"impor workbook {filename}",
                        note=(f"impor:{agency.code}", "Impor workbook", filename))
        if outcome.refused:
            transaction.set_rollback(True)
    return outcome


@requires(Action.EDIT)
def sipd_import(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    """The year's budgets from a SIPD export (sakip.io.sipd), through the write path. The button
    "Periksa" shows what would change without saving anything; "Impor" saves."""
    from sakip.core import records
    from sakip.io.plan_checks import check_plan
    from sakip.io.problems import Severity
    from sakip.io.sipd import Limits, apply_export, read_export
    from sakip.web.plans.convert import plan_from_db
    from sakip.web.plans.write import audit_label
    from sakip.web.workflow.audit import as_text
    from sakip.web.workflow.history_rows import value_of

    form = SipdForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    changes: list[dict[str, Any]] | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["berkas"]
        language = labels.language()
        with tempfile.TemporaryDirectory(prefix="sakip-sipd-") as folder:
            path = Path(folder) / ("sipd" + PurePath(upload.name).suffix.lower())
            path.write_bytes(upload.read())
            try:
                export = read_export(path, Limits(max_bytes=settings.MAX_UPLOAD_BYTES),
                                     name=upload.name)
                if "periksa" in request.POST:
                    current = plan_from_db(agency)
                    result = apply_export(current, export, year)
                    changes = [{"label": audit_label(c.kind, c.key), "field": c.field,
                                "old": value_of(as_text(c.old), c.field),
                                "new": value_of(as_text(c.new), c.field)}
                               for c in records.diff(current, result.plan, region=False)]
                    for warning in result.warnings:
                        messages.warning(request, warning.render(language))
                    problems = [p.render(language) for p in check_plan(result.plan)
                                if p.severity is Severity.ERROR][:200]  # what saving would refuse
                else:
                    warnings: list[Problem] = []

                    def imported(current: Plan) -> Plan:
                        result = apply_export(current, export, year)
                        warnings.extend(result.warnings)
                        return result.plan

                    outcome = write(agency, request.user, imported,
                                    reason=form.cleaned_data["alasan"] or f"impor SIPD {upload.name}",
                                    note=(f"impor-sipd:{agency.code}", "Impor anggaran SIPD",
                                          upload.name))
                    problems = [p.render(language) for p in outcome.problems][:200]
                    if not problems:
                        for warning in warnings:
                            messages.warning(request, warning.render(language))
                        messages.success(request, gettext(
                            "Ekspor SIPD diimpor: %(count)s nilai berubah.")
                            % {"count": outcome.changes})
                        return redirect("budgets", agency=agency.pk, year=year)
            except InputError as error:
                problems = [p.render(language) for p in error.problems][:200]
    if request.method == "POST" and changes is None:
        messages.error(request, gettext("Ekspor SIPD tidak diimpor; tidak ada yang diubah."))
    context = _context(request, agency, state, ImportForm())
    context.update({"sipd_form": form, "sipd_problems": problems, "sipd_changes": changes})
    return TemplateResponse(request, "exchange/overview.html", context,
                            status=400 if request.method == "POST" and changes is None else 200)


def _report(request: HttpRequest, agency: Agency, year: int, fmt: str,
            public: bool = False) -> HttpResponse:
    """The report; the agency's own copy names who entered each value in its annex Sumber
    angka, the public one does not (people's names stay inside the government)."""
    if fmt not in capabilities.REPORT_FORMATS or capabilities.report() is None:
        raise Http404("laporan belum tersedia dalam format ini")
    from sakip.web.planning.sources import audit_sources

    try:
        if public:  # an approved year's is kept as a file (sakip.web.measuring.kept_file)
            content = kept_file(agency, year, f"lkjip-{fmt}-public", lambda plan: (
                capabilities.report_bytes(plan, year, fmt, None)))
        else:  # names who entered each value, as the audit trail says now: built each time
            content = capabilities.report_bytes(plan_for(agency, year), year, fmt,
                                                audit_sources(agency))
    except capabilities.Unavailable:
        return TemplateResponse(request, "errors/unavailable.html", {
            "what": f"Laporan format {fmt.upper()}",
            "why": "Server ini belum dapat membuat format tersebut (pustaka sistem belum "
                   "terpasang). Unduh format lain."}, status=503)
    response = _download(content, f"LKjIP-{agency.code}-{year}.{fmt}",
                         capabilities.CONTENT_TYPES[fmt], inline=fmt == "html")
    if fmt == "html":
        response.headers["Content-Security-Policy"] = capabilities.REPORT_HTML_POLICY
    return response


@requires(Action.READ)
def report(request: HttpRequest, agency: Agency, year: int, state: AgencyYear, fmt: str) -> HttpResponse:
    return _report(request, agency, year, fmt)


@requires(Action.READ_PUBLISHED)
def public_report(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
                  fmt: str) -> HttpResponse:
    return _report(request, agency, year, fmt, public=True)


@requires(Action.READ)
def review_paper(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
                 which: str) -> HttpResponse:
    """A working paper of the review, printed from the review's state (decisions, answers,
    follow-up): sakip/web/workflow/review_papers.py."""
    from sakip.web.workflow.review_papers import PAPERS, paper_bytes

    if which not in PAPERS:
        raise Http404("kertas kerja tidak dikenal")
    try:
        content, name = paper_bytes(agency, year, state, which)
    except capabilities.Unavailable:
        raise Http404("kertas kerja reviu belum tersedia") from None
    kind = "xlsx" if name.endswith(".xlsx") else "docx"
    return _download(content, f"{agency.code}-{year}-{name}", capabilities.CONTENT_TYPES[kind])
