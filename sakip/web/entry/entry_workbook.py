"""The entry workbook from the web: download one period's (``sakip.io.entry``), and upload it
back. An upload is read under the full workbook's limits, refused when it is another agency's,
year's or period's, and its changes are saved through the one write path
(:func:`sakip.web.plans.write.write`) with the same checks as every other door — a locked year,
a closed entry window, an off-track value without its causes — each problem naming the
workbook's sheet, row and column."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy

from sakip.io.entry import EntryPeriod, export_entry, read_entry
from sakip.io.problems import InputError, Problem
from sakip.web.access import Action, can, requires
from sakip.web.exchange.views import checked_xlsx
from sakip.web.labels import language as _language
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import Agency
from sakip.web.plans.write import write
from sakip.web.workflow.models import AgencyYear
from sakip.web.workflow.snapshots import plan_for

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHOWN_PROBLEMS = 200


def _choices(year: int) -> list[tuple[str, str]]:
    return [(p.slug, p.part(_language()) if p.period is not None else gettext("Setahun"))
            for p in EntryPeriod.choices(year)]


class UploadForm(forms.Form):
    periode = forms.ChoiceField(label=gettext_lazy("Periode"))
    berkas = forms.FileField(label=gettext_lazy("Buku kerja isian (.xlsx)"),
                             error_messages={"required": gettext_lazy("Pilih berkas buku kerja "
                                                                      "isian (.xlsx).")})
    alasan = forms.CharField(label=gettext_lazy("Alasan"), required=False, max_length=1000)

    def __init__(self, *args: object, year: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["periode"].choices = _choices(year)  # type: ignore[attr-defined]

    def clean_berkas(self):  # type: ignore[no-untyped-def]
        return checked_xlsx(self.cleaned_data["berkas"])


@requires(Action.READ)
def download(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    """The entry workbook of the period ``?periode=`` (``tahun``, ``tw1``…, ``b1``…)."""
    period = EntryPeriod.from_slug(year, request.GET.get("periode") or "tahun")
    if period is None:
        raise Http404("periode tidak dikenal")
    buffer = io.BytesIO()
    export_entry(plan_for(agency, year), period, buffer)
    response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPE)
    name = f"isian-{agency.code}-{year}-{period.slug}.xlsx"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@requires(Action.READ, post=Action.EDIT)
def page(request: HttpRequest, agency: Agency, year: int, state: AgencyYear) -> HttpResponse:
    """The two forms: download a period's workbook; upload one filled in (editors)."""
    form = UploadForm(request.POST or None, request.FILES or None, year=year)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        period = EntryPeriod.from_slug(year, form.cleaned_data["periode"])
        assert period is not None  # one of the choices
        upload = form.cleaned_data["berkas"]
        outcome_problems, changes = _upload(request, agency, period, upload.name, upload.read(),
                                            form.cleaned_data["alasan"])
        problems = [p.render(_language()) for p in outcome_problems][:SHOWN_PROBLEMS]
        if not problems:
            messages.success(request, gettext("Buku kerja isian %(period)s diimpor: %(count)s "
                                              "nilai berubah.")
                             % {"period": period.label(_language()), "count": changes})
            return redirect("actuals", agency=agency.pk, year=year)
    if request.method == "POST":
        messages.error(request, gettext("Buku kerja isian tidak diimpor; tidak ada yang diubah."))
    return TemplateResponse(request, "entry/entry_workbook.html", {
        "agency": agency, "state": state, "year": year, "form": form, "problems": problems,
        "periods": _choices(year),
        "can_edit": can(request.user, Action.EDIT, agency, year, state=state),
    }, status=400 if request.method == "POST" else 200)


def _upload(request: HttpRequest, agency: Agency, period: EntryPeriod, name: str,
            content: bytes, reason: str) -> tuple[list[Problem], int]:
    """Read the uploaded workbook and save its changes: (problems, values changed)."""
    with tempfile.TemporaryDirectory(prefix="sakip-entry-") as folder:
        path = Path(folder) / "isian.xlsx"
        path.write_bytes(content)
        try:
            entry = read_entry(path, plan_from_db(agency), period, source=name)
        except InputError as error:
            return error.problems, 0
    outcome = write(agency, request.user, entry.edits,
                    reason=reason or f"impor buku kerja isian {name}", locate=entry.locate,
                    note=(f"isian:{agency.code}:{year_key(period)}", "Impor buku kerja isian",
                          name))
    return outcome.problems, outcome.changes


def year_key(period: EntryPeriod) -> str:
    """The audit key's tail of an entry workbook: ``2020:tw3``."""
    return f"{period.year}:{period.slug}"
