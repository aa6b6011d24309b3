"""Evidence files attached to a realisation: PDF, images, spreadsheets — checked by content.

The type is read from the file's first bytes (and, for xlsx, its zip directory), never from
its name alone; the name's extension must agree with it. Files are served only through
:func:`download`, behind the access rule.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

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
from sakip.web.access import Action, requires
from sakip.web.plans.models import ANNUAL, Actual, Agency, Indicator
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


class EvidenceForm(forms.Form):
    berkas = forms.FileField(label=gettext_lazy("Berkas bukti dukung (PDF, gambar, xlsx)"),
                             error_messages={"required": gettext_lazy("Pilih berkas yang akan diunggah."),
                                             "empty": gettext_lazy("Berkas kosong.")})

    def clean_berkas(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["berkas"]
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


@transaction.atomic
def attach(request: HttpRequest, agency: Agency, indicator: Indicator, year: int,
           upload: UploadedFile) -> Evidence:
    """Attach a checked file to the year's realisation (created, provisional and empty, through
    the write path when there is none)."""
    row = Actual.objects.filter(indicator=indicator, year=year, period=ANNUAL, month=ANNUAL).first()
    if row is None:
        key = (indicator.code, year, None, None)
        write(agency, request.user, [Put(ACTUAL, key, model.Actual(year, status=Status.PROVISIONAL))],
              reason=gettext("bukti dukung diunggah"))
        row = Actual.objects.get(indicator=indicator, year=year, period=ANNUAL, month=ANNUAL)
    name = PurePath(upload.name or "berkas").name[:200]
    evidence = Evidence(actual=row, name=name, kind=upload.sakip_kind,  # type: ignore[attr-defined]
                        size=upload.size or 0, uploaded_by=request.user)
    evidence.file.save(f"{agency.pk}-{indicator.code}-{year}{PurePath(name).suffix.lower()}",
                       upload, save=False)
    evidence.save()
    trail = Trail(agency, request.user, "", year)
    trail.change(f"realisasi:{indicator.code}:{year}:{ANNUAL}", f"Bukti {indicator.code} {year}",
                 "bukti", None, name)
    trail.save()
    return evidence


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
        trail.change(f"realisasi:{indicator.code}:{year}:{ANNUAL}", f"Bukti {indicator.code} {year}",
                     "bukti", item.name, None)
        trail.save()
        item.file.delete(save=False)
        item.delete()
    messages.success(request, gettext("Bukti dukung dihapus."))
    return redirect("actual_detail", agency=agency.pk, year=year, indicator=indicator.pk)
