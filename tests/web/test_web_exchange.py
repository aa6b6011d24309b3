"""Downloads and the workbook import, through the library's own functions."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sakip.io.plan_file import parse_plan
from sakip.web.exchange import capabilities
from sakip.web.plans.convert import plan_from_db
from sakip.web.plans.models import ANNUAL, Actual
from sakip.web.workflow.models import AgencyYear, AuditEntry
from tests.web.world import YEAR


def url(world, name, **kwargs):
    return reverse(name, kwargs={"agency": world.a.pk, "year": YEAR, **kwargs})


def test_the_plan_file_download_loads_back_as_the_same_plan(world, inspector):
    response = inspector.get(url(world, "plan_file"))
    assert parse_plan(response.content.decode("utf-8")) == plan_from_db(world.a)


needs_workbook = pytest.mark.skipif(capabilities.workbook() is None, reason="sakip.io.workbook not present")
needs_report = pytest.mark.skipif(capabilities.report() is None, reason="sakip.report not present")


def exported(client, world) -> bytes:
    response = client.get(url(world, "workbook_export"))
    assert response.status_code == 200
    return response.content


@needs_workbook
def test_an_exported_workbook_imports_back_unchanged(world, operator_a):
    before = plan_from_db(world.a)
    content = exported(operator_a, world)
    response = operator_a.post(url(world, "workbook_import"),
                               {"berkas": SimpleUploadedFile("dspppa.xlsx", content)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert plan_from_db(world.a) == before


@needs_workbook
def test_an_imported_change_is_recorded_and_locked_years_are_kept(world, operator_a):
    import openpyxl

    from sakip.io.workbook import export_plan, load_workbook

    AgencyYear.objects.update_or_create(agency=world.a, year=2019, defaults={"state": "approved"})
    plan = plan_from_db(world.a)
    from dataclasses import replace
    changed = replace(plan, indicators=tuple(
        replace(i, actuals=tuple(replace(a, value=Decimal(1)) if a.year in (2019, 2020)
                                 and a.quarter is None and a.value is not None else a
                                 for a in i.actuals)) if i.code == "IKU-06" else i
        for i in plan.indicators))
    buffer = io.BytesIO()
    export_plan(changed, buffer)
    assert load_workbook is not None and openpyxl is not None
    response = operator_a.post(url(world, "workbook_import"),
                               {"berkas": SimpleUploadedFile("baru.xlsx", buffer.getvalue())})
    assert response.status_code == 302
    values = {a.year: a.value for a in Actual.objects.filter(indicator__code="IKU-06",
                                                             indicator__agency=world.a, period=ANNUAL)}
    assert values[2020] == Decimal(1) and values[2019] == Decimal("60.9")
    assert AuditEntry.objects.filter(key=f"realisasi:IKU-06:{YEAR}:0", field="value", new="1").exists()


@needs_workbook
def test_a_broken_workbook_is_refused_with_its_problems_and_nothing_changes(world, operator_a):
    before = plan_from_db(world.a)
    response = operator_a.post(url(world, "workbook_import"),
                               {"berkas": SimpleUploadedFile("x.xlsx", b"PK\x03\x04rusak")})
    assert response.status_code == 400
    response = operator_a.post(url(world, "workbook_import"),
                               {"berkas": SimpleUploadedFile("x.pdf", b"%PDF-1.4")})
    assert response.status_code == 400 and "bukan workbook" in response.content.decode()
    assert plan_from_db(world.a) == before


@needs_workbook
def test_another_agencys_workbook_is_refused(world, operator_b, operator_a):
    content = exported(operator_a, world)
    response = operator_b.post(reverse("workbook_import", kwargs={"agency": world.b.pk, "year": YEAR}),
                               {"berkas": SimpleUploadedFile("dspppa.xlsx", content)})
    assert response.status_code == 400 and "bukan" in response.content.decode()


@needs_report
@pytest.mark.parametrize("fmt, magic", [("html", b"<!"), ("docx", b"PK")])
def test_the_report_downloads_from_the_same_plan(world, inspector, fmt, magic):
    response = inspector.get(url(world, "report", fmt=fmt))
    assert response.status_code == 200
    assert response.content.lstrip()[:2].upper() == magic.upper()


def test_an_unknown_report_format_is_not_found(world, inspector):
    assert inspector.get(url(world, "report", fmt="exe")).status_code == 404


@pytest.mark.skipif(capabilities.papers() is None, reason="sakip.review.papers not present")
def test_the_review_working_papers_download(world, inspector):
    response = inspector.get(url(world, "review_paper", which="xlsx"))
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_an_agency_workbook_does_not_change_the_regions_rpjmd(world, operator_a, tmp_path):
    """The RPJMD is the region's: an operator's workbook naming a sasaran daerah the region does
    not hold is refused, and the region's RPJMD is left as it was."""
    from dataclasses import replace as changed

    from sakip.core.model import RegionObjective
    from sakip.io.workbook import export_plan
    from sakip.web.plans.models import RegionObjective as Row
    from sakip.web.workflow.snapshots import plan_for

    plan = plan_for(world.a, 2020)
    goal = plan.goals[0]
    region = changed(plan.region, objectives=(*plan.region.objectives,
                                              RegionObjective("SD-BARU", "Sasaran baru", "TD1")))
    workbook = tmp_path / "rpjmd.xlsx"
    export_plan(changed(plan, region=region,
                        goals=(changed(goal, serves=("SD-BARU",)), *plan.goals[1:])), workbook)
    before = set(Row.objects.filter(region=world.a.region).values_list("code", flat=True))
    url = reverse("workbook_import", kwargs={"agency": world.a.pk, "year": 2020})
    with workbook.open("rb") as handle:
        response = operator_a.post(url, {"berkas": handle, "alasan": "uji"})
    assert response.status_code == 400
    assert "SD-BARU" in response.content.decode()
    assert set(Row.objects.filter(region=world.a.region).values_list("code", flat=True)) == before
