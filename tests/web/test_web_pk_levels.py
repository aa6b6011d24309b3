"""PK berjenjang in the web: the page lists every level's PK and the serves-check findings, each
PK downloads as PDF or XLSX, and a unit's parent and head are edited on the structure page."""

from __future__ import annotations

import io

from django.urls import reverse

from sakip.web.plans.models import Activity, Program, Unit
from tests.web.world import YEAR


def url(world, name, **kwargs):
    return reverse(name, kwargs={"agency": world.a.pk, "year": YEAR, **kwargs})


def unit_form(unit: Unit, **changes):
    data = {"code": unit.code, "name": unit.name, "task": unit.task or "",
            "functions": "\n".join(unit.functions), "parent": unit.parent or "",
            "head_name": unit.head_name or "", "head_title": unit.head_title or "",
            "head_rank": unit.head_rank or "", "head_nip": unit.head_nip or ""}
    data.update(changes)
    return data


def test_the_page_lists_every_level_and_what_the_example_lacks(world, head_a):
    response = head_a.get(url(world, "planning_agreements"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="pk-kepala"' in html and "H. NURMAN SUNANDA, SE., MM" in html
    for unit in Unit.objects.filter(agency=world.a):
        assert f'id="pk-{unit.code}"' in html
    assert 'data-code="PLAN_PK_NO_UNIT"' in html  # the example names no unit of a programme
    assert "Bupati Belitung" in html and "80%" in html  # IKU-02's agreed target
    assert url(world, "planning_agreement_download", unit="kepala", fmt="pdf") in html


def test_a_pk_downloads_as_pdf_with_its_signatories(world, head_a):
    from pypdf import PdfReader

    response = head_a.get(url(world, "planning_agreement_download", unit="kepala", fmt="pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="PK-dspppa-2020-kepala.pdf"' in response["Content-Disposition"]
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "PERUBAHAN PERJANJIAN KINERJA TAHUN 2020" in text
    assert "NIP. 196508051994031006" in text and "Meningkatnya penanganan PMKS" in text
    every = head_a.get(url(world, "planning_agreement_download", unit="semua", fmt="xlsx"))
    from openpyxl import load_workbook

    names = load_workbook(io.BytesIO(every.content)).sheetnames
    assert names[0] == "PK Kepala" and len(names) == 1 + Unit.objects.filter(agency=world.a).count()
    assert head_a.get(url(world, "planning_agreement_download", unit="nope",
                          fmt="pdf")).status_code == 404
    assert head_a.get(url(world, "planning_agreement_download", unit="kepala",
                          fmt="docx")).status_code == 404


def test_a_units_parent_and_head_are_saved_and_its_pk_follows(world, operator_a):
    bidang = Unit.objects.get(agency=world.a, code="rehsos")
    response = operator_a.post(url(world, "structure_edit", kind="unit", pk=bidang.pk), unit_form(
        bidang, head_name="BUDI SANTOSO, S.Sos", head_rank="Pembina",
        head_nip="197001012000031001"))
    assert response.status_code == 302, response.content.decode()[:2000]
    response = operator_a.post(url(world, "structure_create", kind="unit"), {
        "code": "seksi-rehab", "name": "Seksi Rehabilitasi Sosial", "task": "", "functions": "",
        "parent": "rehsos", "head_name": "SITI AMINAH", "head_title": "", "head_rank": "Penata",
        "head_nip": "198001012005012002"})
    assert response.status_code == 302, response.content.decode()[:2000]
    seksi = Unit.objects.get(agency=world.a, code="seksi-rehab")
    assert (seksi.parent, seksi.head_name, seksi.head_nip) == ("rehsos", "SITI AMINAH",
                                                               "198001012005012002")
    bidang.refresh_from_db()
    assert bidang.head_name == "BUDI SANTOSO, S.Sos" and bidang.parent is None
    Program.objects.filter(agency=world.a, code="P1").update(unit="rehsos")
    Activity.objects.filter(agency=world.a, code="K1.1").update(unit="seksi-rehab")
    html = operator_a.get(url(world, "planning_agreements")).content.decode()
    assert 'id="pk-seksi-rehab"' in html and "SITI AMINAH" in html
    assert "Kepala Seksi Rehabilitasi Sosial" in html and "BUDI SANTOSO, S.Sos" in html
    # an unknown parent is the plan checks' to refuse
    response = operator_a.post(url(world, "structure_edit", kind="unit", pk=seksi.pk),
                               unit_form(seksi, parent="tidak-ada"))
    assert response.status_code == 400
    seksi.refresh_from_db()
    assert seksi.parent == "rehsos"
