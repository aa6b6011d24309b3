"""Evidence files attached to a realisation: PDF, images, spreadsheets — checked by content.

The type is read from the file's first bytes (and, for xlsx, its zip directory), never from
its name alone; the name's extension must agree with it. Files are served only through
:func:`download`, behind the access rule.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext, gettext_lazy

from sakip.core import model
from sakip.core.enums import ActualStatus as Status
from sakip.core.records import ACTUAL, Put
from sakip.web.access import Action, can, requires
from sakip.web.entry.forms import MultipleFileField
from sakip.web.plans.models import ANNUAL, Actual, Agency, Indicator
from sakip.web.plans.models.agency import touch_agency
from sakip.web.plans.write import write
from sakip.web.workflow.audit import Trail
from sakip.web.workflow.models import AgencyYear, Evidence

KINDS = {  # kind: (extensions, content type)
    "pdf": ((".pdf",), "application/pdf"),
    "png": ((".png",), "image/png"),
    "jpeg": ((".jpg", ".jpeg"), "image/jpeg"),
    "gif": ((".gif",), "image/gif"),
    "webp": ((".webp",), "image/webp"),
    "xlsx": ((".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def sniff(head: bytes, whole: UploadedFile | None = None) -> str | None:
    """The kind of a file from its content, or None when it is none of the accepted kinds."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04") and whole is not None:
        whole.seek(0)
        try:
            with zipfile.ZipFile(io.BytesIO(whole.read())) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            whole.seek(0)
        if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
            return "xlsx"
    return None


def checked(upload: UploadedFile) -> UploadedFile:
    """An upload within the size limit whose content is an accepted kind that its name's
    extension agrees with (``upload.sakip_kind``), else a ValidationError saying which."""
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size is None or upload.size > limit:
        raise forms.ValidationError(gettext("Berkas terlalu besar (paling besar %(mb)s MB).")
                                    % {"mb": limit // 2**20})
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff(head, upload)
    if kind is None:
        raise forms.ValidationError(gettext("Isi berkas bukan PDF, gambar (PNG/JPEG/GIF/WebP) "
                                            "atau lembar kerja xlsx."))
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in KINDS[kind][0]:
        raise forms.ValidationError(
            gettext("Nama berkas berakhiran “%(suffix)s”, padahal isinya %(kind)s.")
            % {"suffix": suffix or gettext("(tanpa)"), "kind": kind.upper()})
    upload.sakip_kind = kind  # type: ignore[attr-defined]
    return upload


class EvidenceForm(forms.Form):
    berkas = forms.FileField(label=gettext_lazy("Berkas bukti dukung (PDF, gambar, xlsx)"),
                             error_messages={"required": gettext_lazy("Pilih berkas yang akan diunggah."),
                                             "empty": gettext_lazy("Berkas kosong.")})

    def clean_berkas(self) -> UploadedFile:
        return checked(self.cleaned_data["berkas"])


MAX_FILES = 20


class LinksForm(forms.Form):
    """The indicators a stored file supports."""

    indikator = forms.ModelMultipleChoiceField(
        queryset=Indicator.objects.none(), widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Indikator yang didukung"),
        error_messages={"required": gettext_lazy("Pilih paling sedikit satu indikator.")})

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["indikator"]
        field.queryset = agency.indicators.all()
        field.label_from_instance = lambda i: f"{i.code} {i.name}"


class BulkEvidenceForm(LinksForm):
    """Several files at once, each checked as a single upload is, all supporting the chosen
    indicators of the year. One bad file: none is kept."""

    berkas = MultipleFileField(label=gettext_lazy("Berkas bukti dukung (PDF, gambar, xlsx; "
                                                  "boleh beberapa)"),
                               error_messages={"required": gettext_lazy("Pilih berkas yang akan "
                                                                        "diunggah."),
                                               "empty": gettext_lazy("Berkas kosong.")})
    field_order = ("berkas", "indikator")

    def clean_berkas(self) -> list[UploadedFile]:
        uploads: list[UploadedFile] = self.cleaned_data["berkas"]
        if len(uploads) > MAX_FILES:
            raise forms.ValidationError(gettext("Paling banyak %(count)s berkas sekali unggah.")
                                        % {"count": MAX_FILES})
        problems = []
        for upload in uploads:
            try:
                checked(upload)
            except forms.ValidationError as error:
                problems.append(f"{PurePath(upload.name or '').name}: {' '.join(error.messages)}")
        if problems:
            raise forms.ValidationError(problems)
        return uploads


def _annual_rows(request: HttpRequest, agency: Agency, indicators: list[Indicator],
                 year: int) -> list[Actual]:
    """The year's realisation row of each indicator; those missing are created, provisional
    and empty, through the write path (one write for all)."""
    def found() -> dict[int, Actual]:
        return {a.indicator_id: a for a in Actual.objects.filter(
            indicator__in=indicators, year=year, period=ANNUAL, month=ANNUAL)}

    rows = found()
    missing = [i for i in indicators if i.pk not in rows]
    if missing:
        write(agency, request.user,
              [Put(ACTUAL, (i.code, year, None, None), model.Actual(year, status=Status.PROVISIONAL))
               for i in missing], reason=gettext("bukti dukung diunggah"))
        rows = found()
    return [rows[i.pk] for i in indicators]


@transaction.atomic
def attach(request: HttpRequest, agency: Agency, indicator: Indicator | list[Indicator],
           year: int, upload: UploadedFile) -> Evidence:
    """Attach a checked file to the year's realisation of an indicator, or of several (the
    first its own, the others linked)."""
    indicators = indicator if isinstance(indicator, list) else [indicator]
    rows = _annual_rows(request, agency, indicators, year)
    name = PurePath(upload.name or "berkas").name[:200]
    evidence = Evidence(actual=rows[0], name=name,
                        kind=upload.sakip_kind,  # type: ignore[attr-defined]
                        size=upload.size or 0, uploaded_by=request.user)
    evidence.file.save(f"{agency.pk}-{indicators[0].code}-{year}{PurePath(name).suffix.lower()}",
                       upload, save=False)
    evidence.save()
    if rows[1:]:
        evidence.links.set(rows[1:])
    touch_agency(agency)
    trail = Trail(agency, request.user, "", year)
    for i in indicators:
        trail.change(f"realisasi:{i.code}:{year}:{ANNUAL}", f"Bukti {i.code} {year}",
                     "bukti", None, name)
    trail.save()
    return evidence




def supported(item: Evidence) -> list[Indicator]:
    """The indicators a file supports: its own realisation's first, then those linked."""
    return [item.actual.indicator, *(a.indicator for a in item.links.select_related("indicator"))]


@requires(Action.EDIT)
def links(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
          evidence: int) -> HttpResponse:
    """Change the indicators a file supports (each file of a bulk upload its own)."""
    item = _evidence(agency, year, evidence)
    before = supported(item)
    form = LinksForm(agency=agency, initial={"indikator": [i.pk for i in before]})
    status = 200
    if request.method == "POST":
        form = LinksForm(request.POST, agency=agency)
        status = 400
        if form.is_valid():
            chosen = list(form.cleaned_data["indikator"])
            chosen.sort(key=lambda i: i != item.actual.indicator)  # its own realisation first
            with transaction.atomic():
                rows = _annual_rows(request, agency, chosen, year)
                item.actual = rows[0]
                item.save(update_fields=["actual"])
                item.links.set(rows[1:])
                touch_agency(agency)
                trail = Trail(agency, request.user, "", year)
                for i in chosen:
                    if i not in before:
                        trail.change(f"realisasi:{i.code}:{year}:{ANNUAL}",
                                     f"Bukti {i.code} {year}", "bukti", None, item.name)
                for i in before:
                    if i not in chosen:
                        trail.change(f"realisasi:{i.code}:{year}:{ANNUAL}",
                                     f"Bukti {i.code} {year}", "bukti", item.name, None)
                trail.save()
            messages.success(request, gettext("Indikator bukti dukung “%(name)s” disimpan.")
                             % {"name": item.name})
            return redirect("evidence_list", agency=agency.pk, year=year)
    return TemplateResponse(request, "entry/evidence_links.html", {
        "agency": agency, "state": state, "year": year, "item": item, "form": form,
        "can_edit": True}, status=status)


@requires(Action.READ, post=Action.EDIT)
def evidence_list(request: HttpRequest, agency: Agency, year: int,
                  state: AgencyYear) -> HttpResponse:
    """The year's evidence files, with the indicators each supports; several uploaded at once."""
    form = BulkEvidenceForm(agency=agency)
    status = 200
    if request.method == "POST":
        form = BulkEvidenceForm(request.POST, request.FILES, agency=agency)
        if form.is_valid():
            indicators = list(form.cleaned_data["indikator"])
            with transaction.atomic():
                for upload in form.cleaned_data["berkas"]:
                    attach(request, agency, indicators, year, upload)
            messages.success(request, gettext("%(count)s berkas bukti dukung terunggah.")
                             % {"count": len(form.cleaned_data["berkas"])})
            return redirect("evidence_list", agency=agency.pk, year=year)
        messages.error(request, gettext("Berkas tidak diterima; tidak ada yang diubah."))
        status = 400
    files = (Evidence.objects.filter(actual__indicator__agency=agency, actual__year=year)
             .select_related("actual__indicator", "uploaded_by")
             .prefetch_related("links__indicator").order_by("-uploaded_at", "-id"))
    rows = [{"evidence": e, "indicators": [e.actual.indicator,
                                           *(a.indicator for a in e.links.all())]}
            for e in files]  # the links prefetched: not supported(), which queries each
    editable = can(request.user, Action.EDIT, agency, year, state=state)
    return TemplateResponse(request, "entry/evidence_list.html", {
        "agency": agency, "state": state, "year": year, "rows": rows, "form": form,
        "can_edit": editable, "total": sum(e.size for e in files),
    }, status=status)


def _evidence(agency: Agency, year: int, pk: int) -> Evidence:
    return get_object_or_404(Evidence.objects.select_related("actual__indicator"), pk=pk,
                             actual__indicator__agency=agency, actual__year=year)


@requires(Action.READ)
def download(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
             evidence: int) -> HttpResponse:
    item = _evidence(agency, year, evidence)
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name,
                            content_type=KINDS[item.kind][1])
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@requires(Action.EDIT)
def delete(request: HttpRequest, agency: Agency, year: int, state: AgencyYear,
           evidence: int) -> HttpResponse:
    item = _evidence(agency, year, evidence)
    indicator = item.actual.indicator
    if request.method != "POST":
        return TemplateResponse(request, "entry/confirm_delete.html", {
            "agency": agency, "state": state, "what": f"bukti dukung “{item.name}”"})
    with transaction.atomic():
        trail = Trail(agency, request.user, "", year)
        for i in [indicator, *(a.indicator for a in item.links.select_related("indicator"))]:
            trail.change(f"realisasi:{i.code}:{year}:{ANNUAL}", f"Bukti {i.code} {year}",
                         "bukti", item.name, None)
        trail.save()
        item.file.delete(save=False)
        item.delete()
        touch_agency(agency)
    messages.success(request, gettext("Bukti dukung dihapus."))
    if request.GET.get("dari") == "daftar":
        return redirect("evidence_list", agency=agency.pk, year=year)
    return redirect("actual_detail", agency=agency.pk, year=year, indicator=indicator.pk)
