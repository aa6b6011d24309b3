"""In a real browser at 1366 × 900, the usual office screen (issue 17): the realisation grid
shows the achievement beside what is typed without scrolling sideways, the achievement of
what is typed is previewed by the server's core, and a block pasted from Excel is saved."""

from __future__ import annotations

import os
from decimal import Decimal

from sakip.web.plans.models import ANNUAL, Actual, Agency, Indicator

YEAR = 2020
SCREEN = {"width": 1366, "height": 900}
SHOTS = os.environ.get("SAKIP_SCREENSHOTS")  # a folder: the docs' screenshots are taken there


def test_the_achievement_is_visible_without_scrolling_and_a_pasted_block_is_saved(person):
    agency = Agency.objects.get(code="dspppa")
    operator = person("operator_a")
    page = operator.page
    page.set_viewport_size(SCREEN)
    assert operator.go(f"/opd/{agency.pk}/{YEAR}/realisasi/") == 200
    # nothing wider than the screen: the achievement and category columns are in view
    assert page.evaluate("document.documentElement.scrollWidth") <= SCREEN["width"]
    for header in ("Capaian", "Kategori"):
        box = page.locator("#actuals thead th", has_text=header).bounding_box()
        assert box is not None and box["x"] + box["width"] <= SCREEN["width"], header
    first = page.locator("#actuals tbody tr").first.locator("td.achievement").bounding_box()
    assert first is not None and first["x"] + first["width"] <= SCREEN["width"]
    assert first["y"] + first["height"] <= SCREEN["height"]
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "grid-1366.png"))

    # a block copied from Excel, pasted into TW I of IKP-2.1: four quarters of two rows
    k = Indicator.objects.get(agency=agency, code="IKP-2.1")
    start = page.locator(f'input[name="a-{k.pk}-v1"]')
    start.focus()
    page.evaluate("""([name, text]) => {
        const input = document.querySelector(`input[name="${name}"]`);
        const data = new DataTransfer();
        data.setData("text/plain", text);
        input.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true,
                                                         cancelable: true}));
    }""", [f"a-{k.pk}-v1", "11\t22\t33\t44\r\n"])
    assert page.locator(f'input[name="a-{k.pk}-v4"]').input_value() == "44"
    # typing a value previews its achievement, computed by the server's core: 80 / 75 × 100
    kla = Indicator.objects.get(agency=agency, code="IKU-06")
    page.fill(f'input[name="a-{kla.pk}-v0"]', "80")
    page.wait_for_function(
        "() => document.querySelector('tr[data-code=\"IKU-06\"] td.achievement')"
        ".textContent.includes('106,67')")
    page.click("button[name=simpan]")
    page.wait_for_load_state()
    assert "Realisasi tersimpan" in page.content()
    values = dict(Actual.objects.filter(indicator=k, year=YEAR, month=ANNUAL)
                  .exclude(period=ANNUAL).values_list("period", "value"))
    assert values == {1: Decimal(11), 2: Decimal(22), 3: Decimal(33), 4: Decimal(44)}
    assert Actual.objects.get(indicator=kla, year=YEAR, period=ANNUAL).value == Decimal(80)
    assert "106,67" in page.locator('tr[data-code="IKU-06"] td.achievement').inner_text()
    assert not [e for e in operator.errors if "Content Security Policy" in e]


def test_the_years_evidence_list_at_1366(person, tmp_path):
    agency = Agency.objects.get(code="dspppa")
    operator = person("operator_a")
    page = operator.page
    page.set_viewport_size(SCREEN)
    assert operator.go(f"/opd/{agency.pk}/{YEAR}/bukti/") == 200
    pdf = tmp_path / "laporan-kla.pdf"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    png = tmp_path / "foto-kegiatan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    page.set_input_files("#evidence-upload input[type=file]", [str(pdf), str(png)])
    for code in ("IKU-06", "IKP-2.1"):
        page.locator("#evidence-upload label", has_text=code).locator("input").check()
    page.click("#evidence-upload button[type=submit]")
    page.wait_for_load_state()
    assert "2 berkas bukti dukung terunggah" in page.content()
    assert page.locator("#evidence-list tbody tr").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= SCREEN["width"]
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, "evidence-1366.png"))
