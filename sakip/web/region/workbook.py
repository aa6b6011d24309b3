"""The region entry workbook from the web (``/wilayah/<year>/isian-excel/``): the region admin
downloads one period's entry workbook of every agency in one file
(:mod:`sakip.io.workbook.region`) and uploads it back filled in. Each agency's changes go
through the one write path (:func:`sakip.web.plans.write.write`: plan checks, a locked year
refused, a closed entry window, the audit trail), all agencies in one transaction: nothing is
written unless every agency's part is sound."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy

from sakip.io.entry import EntryPeriod
from sakip.io.problems import InputError, Problem
from sakip.io.workbook.region import read_region_entry, write_region_entry
from sakip.web.access import Action, membership, requires
from sakip.web.entry.entry_workbook import (
    CONTENT_TYPE,
    SHOWN_PROBLEMS,
    UploadForm,
    _choices,
    year_key,
)
from sakip.web.labels import language as _language
from sakip.web.measuring import measured_many
from sakip.web.plans.convert import plans_from_db
from sakip.web.plans.models import Agency, Region
from sakip.web.plans.write import write


class RegionUploadForm(UploadForm):
    """The agency's upload form, for the region's workbook."""

    def __init__(self, *args: object, year: int, **kwargs: object) -> None:
        super().__init__(*args, year=year, **kwargs)
        berkas = self.fields["berkas"]
        berkas.label = gettext_lazy("Buku kerja isian wilayah (.xlsx)")
        berkas.error_messages["required"] = gettext_lazy(
            "Pilih berkas buku kerja isian wilayah (.xlsx).")


def _agencies(region: Region) -> list[Agency]:
    return list(Agency.objects.filter(region=region).select_related("strategic_plan")
                .order_by("name", "id"))


def export_region(region: Region, period: EntryPeriod, target: Any) -> None:
    """The region entry workbook of ``period``: every agency's plan as its year is shown (an
    approved year's snapshot), read together."""
    agencies = _agencies(region)
    inside = [a for a in agencies if period.year in a.strategic_plan.years]
    plans = measured_many(inside, period.year)
    write_region_entry(target, region.name, [plans[a.pk][0] for a in inside], period)


@requires(Action.MANAGE_REGION)
def download(request: HttpRequest, year: int) -> HttpResponse:
    """The region entry workbook of the period ``?periode=`` (``tahun``, ``tw1``…, ``b1``…)."""
    member = membership(request.user)
    assert member is not None
    period = EntryPeriod.from_slug(year, request.GET.get("periode") or "tahun")
    if period is None:
        raise Http404("periode tidak dikenal")
    buffer = io.BytesIO()
    export_region(member.region, period, buffer)
    response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPE)
    name = f"isian-wilayah-{member.region.pk}-{year}-{period.slug}.xlsx"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def import_region(region: Region, user: Any, period: EntryPeriod, name: str, content: bytes,
                  reason: str) -> tuple[list[Problem], dict[str, int]]:
    """Read the uploaded region workbook and save every agency's changes through the write
    path, in one transaction: (problems, values changed per agency code). Any problem — in
    the file or refused by the write path for any agency — writes nothing."""
    agencies = {a.code: a for a in _agencies(region) if period.year in a.strategic_plan.years}
    plans = plans_from_db(list(agencies.values()))
    with tempfile.TemporaryDirectory(prefix="sakip-region-") as folder:
        path = Path(folder) / "isian-wilayah.xlsx"
        path.write_bytes(content)
        try:
            parts = read_region_entry(path, {code: plans[a.pk] for code, a in agencies.items()},
                                      period, source=name)
        except InputError as error:
            return error.problems, {}
    problems: list[Problem] = []
    changed: dict[str, int] = {}
    with transaction.atomic():
        for part in parts:
            agency = agencies[part.code]
            outcome = write(agency, user, part.entry.edits,
                            reason=reason or f"impor buku kerja isian wilayah {name}",
                            locate=part.locate,
                            note=(f"isian:{agency.code}:{year_key(period)}",
                                  "Impor buku kerja isian wilayah", name))
            problems.extend(outcome.problems)
            changed[part.code] = outcome.changes
        if problems:
            transaction.set_rollback(True)
            return problems, {}
    return [], changed


@requires(Action.MANAGE_REGION)
def page(request: HttpRequest, year: int) -> HttpResponse:
    """Download a period's region workbook; upload one filled in."""
    member = membership(request.user)
    assert member is not None
    region = member.region
    form = RegionUploadForm(request.POST or None, request.FILES or None, year=year)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        period = EntryPeriod.from_slug(year, form.cleaned_data["periode"])
        assert period is not None  # one of the choices
        upload = form.cleaned_data["berkas"]
        found, changed = import_region(region, request.user, period, upload.name, upload.read(),
                                       form.cleaned_data["alasan"])
        problems = [p.render(_language()) for p in found][:SHOWN_PROBLEMS]
        if not problems:
            messages.success(request, gettext(
                "Buku kerja isian wilayah %(period)s diimpor: %(count)s nilai berubah di "
                "%(agencies)s perangkat daerah.") % {
                    "period": period.label(_language()), "count": sum(changed.values()),
                    "agencies": sum(1 for count in changed.values() if count)})
            return redirect("region_dashboard", year=year)
    if request.method == "POST":
        messages.error(request, gettext("Buku kerja isian wilayah tidak diimpor; tidak ada yang "
                                        "diubah."))
    return TemplateResponse(request, "region/workbook.html", {
        "region": region, "year": year, "form": form, "problems": problems,
        "periods": _choices(year),
    }, status=400 if request.method == "POST" else 200)
