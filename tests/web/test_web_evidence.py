"""Evidence files: accepted by content (PDF, images, xlsx), refused otherwise, served only
through the access rule."""

from __future__ import annotations

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sakip.web.plans.models import Indicator
from sakip.web.workflow.models import Evidence
from tests.web.world import YEAR

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def xlsx() -> bytes:
    buffer = io.BytesIO()
    book = openpyxl.Workbook()
    book.active["A1"] = "bukti"
    book.save(buffer)
    return buffer.getvalue()


def upload(client, world, name, content, code="IKU-02"):
    k = Indicator.objects.get(agency=world.a, code=code)
    url = reverse("actual_detail", kwargs={"agency": world.a.pk, "year": YEAR, "indicator": k.pk})
    return client.post(url, {"berkas": SimpleUploadedFile(name, content)})


def test_a_pdf_an_image_and_a_spreadsheet_are_accepted(world, operator_a):
    for name, content in (("surat.pdf", PDF), ("foto.png", PNG), ("data.xlsx", xlsx())):
        assert upload(operator_a, world, name, content).status_code == 302, name
    assert sorted(Evidence.objects.values_list("kind", flat=True)) == ["pdf", "png", "xlsx"]


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(world, operator_a):
    response = upload(operator_a, world, "surat.pdf", b"MZ\x90\x00 this is a program")
    assert response.status_code == 400 and "bukan PDF" in response.content.decode()
    response = upload(operator_a, world, "foto.pdf", PNG)
    assert response.status_code == 400 and "berakhiran" in response.content.decode()
    response = upload(operator_a, world, "palsu.xlsx", b"PK\x03\x04" + b"\x00" * 40)
    assert response.status_code == 400
    assert not Evidence.objects.exists()


def test_a_file_over_the_size_limit_is_refused(world, operator_a, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    response = upload(operator_a, world, "besar.pdf", PDF + b"0" * 2048)
    assert response.status_code == 400 and "terlalu besar" in response.content.decode()


def test_evidence_is_downloaded_by_readers_only(world, operator_a, operator_b, inspector):
    upload(operator_a, world, "surat.pdf", PDF)
    evidence = Evidence.objects.get()
    url = reverse("evidence_file", kwargs={"agency": world.a.pk, "year": YEAR, "evidence": evidence.pk})
    response = inspector.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert operator_b.get(url).status_code == 403


def test_evidence_keeps_its_history(world, operator_a):
    from sakip.web.workflow.models import AuditEntry

    upload(operator_a, world, "surat.pdf", PDF)
    assert AuditEntry.objects.filter(field="bukti", new="surat.pdf").exists()
