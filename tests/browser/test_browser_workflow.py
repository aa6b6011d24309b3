"""In a real browser: an operator enters a realisation and submits; the head approves; the
report downloads; another agency's operator is refused."""

from __future__ import annotations

import pytest

from sakip.web.exchange import capabilities
from sakip.web.plans.models import Agency, Indicator
from sakip.web.workflow.models import AgencyYear

YEAR = 2020


def test_an_operator_enters_a_realisation_sees_the_category_change_and_the_head_approves(person):
    agency = Agency.objects.get(code="dspppa")
    kla = Indicator.objects.get(agency=agency, code="IKU-06")
    operator = person("operator_a")
    assert f"/opd/{agency.pk}/{YEAR}/" in operator.page.url  # signed in, landed on the agency
    detail = f"/opd/{agency.pk}/{YEAR}/realisasi/{kla.pk}/"
    assert operator.go(detail) == 200
    page = operator.page
    assert page.inner_text("#achievement").strip() == "81,20%"
    assert "Baik" in page.inner_text("#category") and "Sangat" not in page.inner_text("#category")

    page.fill("input[name=d-v0]", "80")
    page.fill("#alasan", "skor KLA 2020 diterima")
    page.click("text=Simpan realisasi")
    page.wait_for_load_state()
    assert "Realisasi tersimpan" in page.inner_text(".messages")
    assert page.inner_text("#achievement").strip() == "106,67%"
    assert "Sangat baik" in page.inner_text("#category")

    page.fill("input[name=d-v0]", "8,0,0")  # malformed: refused beside the field
    page.click("text=Simpan realisasi")
    assert "bukan angka" in page.inner_text(".field-error")
    assert page.inner_text("#achievement").strip() == "106,67%"

    operator.go(f"/opd/{agency.pk}/{YEAR}/alur/")
    page.click("button[data-step=ajukan]")
    page.wait_for_load_state()
    assert "Diajukan" in page.inner_text("#state")
    assert operator.go(f"/opd/{agency.pk}/{YEAR}/realisasi/") == 200
    assert page.locator("input[name^=a-]").first.is_disabled()

    head = person("head_a")
    head.go(f"/opd/{agency.pk}/{YEAR}/alur/")
    head.page.click("button[data-step=verifikasi]")
    head.page.wait_for_load_state()
    head.page.click("button[data-step=setujui]")
    head.page.wait_for_load_state()
    assert "Disetujui" in head.page.inner_text("#state")
    assert AgencyYear.objects.get(agency=agency, year=YEAR).state == "approved"

    head.go(f"/opd/{agency.pk}/{YEAR}/riwayat/?kunci=realisasi:IKU-06:{YEAR}:0")
    history = head.page.inner_text("#history")
    assert "operator_a" in history and "60,9" in history and "80" in history
    assert "skor KLA 2020 diterima" in history
    # nothing refused by the CSP, no missing resource (the 400 is the refused malformed number)
    assert [e for e in operator.errors if "status of 400" not in e] == [] and head.errors == []


def test_the_head_downloads_the_report(person):
    if capabilities.report() is None:
        pytest.skip("sakip.report (issue 4) is not in this tree yet")
    agency = Agency.objects.get(code="dspppa")
    head = person("head_a")
    head.go(f"/opd/{agency.pk}/{YEAR}/pertukaran/")
    # the DOCX is built when asked (~9 s for the example on a quiet machine, more under load;
    # its speed is issue 15's): wait for it as a person would, not Playwright's default 15 s
    with head.page.expect_download(timeout=120_000) as info:
        head.page.click("a.report-link[data-format=docx]", timeout=120_000)
    download = info.value
    assert download.suggested_filename == f"LKjIP-dspppa-{YEAR}.docx"
    with open(download.path(), "rb") as handle:
        assert handle.read(2) == b"PK"


def test_another_agencys_operator_is_refused(person):
    agency = Agency.objects.get(code="dspppa")
    outsider = person("operator_b")
    assert outsider.go(f"/opd/{agency.pk}/{YEAR}/") == 403
    assert "Akses ditolak" in outsider.page.inner_text("h1")
    assert outsider.go(f"/opd/{agency.pk}/{YEAR}/realisasi/") == 403
    assert "IKU-02" not in outsider.page.content()


def test_the_dashboard_loads_its_styles_and_stays_small(person):
    agency = Agency.objects.get(code="dspppa")
    head = person("head_a")
    sizes: list[int] = []
    head.page.on("response", lambda r: sizes.append(len(r.body())) if r.ok else None)
    assert head.go(f"/opd/{agency.pk}/{YEAR}/") == 200
    head.page.wait_for_load_state("networkidle")
    assert sum(sizes) < 500_000
    color = head.page.eval_on_selector("header.top", "e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(255, 255, 255)"  # the stylesheet was served and applied
    assert not head.errors
