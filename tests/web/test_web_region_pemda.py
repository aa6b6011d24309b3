"""The IKU Pemda on the region page and the LKjIP Pemda download (issue 18): measured by the
core's measure_region from the agencies' plans as the page has them, the file of a year every
agency has approved kept by the snapshots."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from django.conf import settings
from django.test import Client

import sakip.report.region as region_report
from sakip.core.region_measure import measure_region
from sakip.io.idnum import format_id
from sakip.web.measuring import measured_many
from sakip.web.plans.convert import region_of
from sakip.web.plans.models import Agency, StrategicPlan
from sakip.web.workflow.models import AgencyYear
from tests.web.world import YEAR, World


def test_the_region_page_shows_the_iku_pemda_as_the_core_measures_them(world: World,
                                                                       admin: Client) -> None:
    page = admin.get(f"/wilayah/{YEAR}/").content.decode()
    agencies = list(Agency.objects.filter(region=world.a.region).order_by("name", "id"))
    region = region_of(world.a.region)
    assert region.indicators
    rm = measure_region(region, [plan for plan, _ in measured_many(agencies, YEAR).values()], YEAR)
    table = page[page.index('id="pemda"'):]
    table = table[:table.index("</table>")]
    assert re.findall(r'data-iku="([^"]+)"', table) == [r.indicator.code for r in rm.indicators]
    for result in rm.indicators:
        if result.achievement is not None:
            assert format_id(result.achievement, 2) in table
    footer = page[page.index('id="region-total"'):]
    assert rm.absorption is not None and format_id(rm.absorption, 2) in footer
    assert f"/wilayah/{YEAR}/lkjip-pemda.docx" in page


def test_the_lkjip_pemda_downloads_and_a_locked_years_file_is_kept(world: World, admin: Client,
                                                                   monkeypatch) -> None:
    response = admin.get(f"/wilayah/{YEAR}/lkjip-pemda.html")
    assert response.status_code == 200 and "Kabupaten Belitung" in response.content.decode()
    docx = admin.get(f"/wilayah/{YEAR}/lkjip-pemda.docx")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert admin.get(f"/wilayah/{YEAR}/lkjip-pemda.exe").status_code == 404
    # B's Renstra moved past the year: the year's region is A alone, whose year is approved
    StrategicPlan.objects.filter(agency=world.b).update(start=YEAR + 11, end=YEAR + 15)
    AgencyYear.objects.get_or_create(agency=world.a, year=YEAR)
    AgencyYear.objects.filter(agency=world.a, year=YEAR).update(state="approved")
    built = []
    original = region_report.build_region_report

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(region_report, "build_region_report", counted)
    shutil.rmtree(Path(settings.DATA_DIR) / "kept", ignore_errors=True)  # built by none before
    admin.get(f"/wilayah/{YEAR}/")  # the approved year's snapshot taken (as approving does)
    first = admin.get(f"/wilayah/{YEAR}/lkjip-pemda.html")
    again = admin.get(f"/wilayah/{YEAR}/lkjip-pemda.html")
    assert first.status_code == again.status_code == 200
    assert first.content == again.content and len(built) == 1
    assert world.client("inspector").get(f"/wilayah/{YEAR}/lkjip-pemda.html").status_code == 200
    assert world.client("operator_a").get(f"/wilayah/{YEAR}/lkjip-pemda.html").status_code == 403
