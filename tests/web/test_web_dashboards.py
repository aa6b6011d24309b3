"""Dashboards show the core's numbers: the agency's IKU, trends, absorption; the region side by side."""

from __future__ import annotations

from django.urls import reverse

from sakip.core.measure import measure
from sakip.io.idnum import format_id
from sakip.web.plans.convert import plan_from_db
from tests.web.world import YEAR


def dashboard(client, world) -> str:
    url = reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": YEAR})
    return client.get(url).content.decode()


def test_the_agency_dashboard_shows_every_iku_with_the_cores_achievement(world, head_a):
    page = dashboard(head_a, world)
    m = measure(plan_from_db(world.a), YEAR)
    for r in m.indicators:
        if r.indicator.key:
            row = page.split(f'data-code="{r.code}"')[1].split("</tr>")[0]
            assert (format_id(r.achievement, 2) if r.achievement is not None else "–") in row
    assert "83,95" in page  # program P1 absorption
    assert "Kegiatan dengan serapan di bawah" in page and "K2.4" in page
    assert page.count('<svg class="trend"') == 7


def test_the_category_colour_comes_from_the_scales_band(world, head_a):
    page = dashboard(head_a, world)
    row = page.split('data-code="IKU-06"')[1].split("</tr>")[0]
    assert 'fill="#558b2f"' in row and "Baik" in row  # 81,20: Baik, its band's colour


def test_missing_data_is_shown_as_missing_with_its_reason(world, head_a):
    page = dashboard(head_a, world)
    row = page.split('data-code="IKU-04"')[1].split("</tr>")[0]
    assert "data belum tersedia" in row and "belum muncul" in row


def test_the_region_dashboard_puts_agencies_side_by_side(world, admin):
    response = admin.get(reverse("region_dashboard", kwargs={"year": YEAR}))
    page = response.content.decode()
    assert world.a.name in page and world.b.name in page and "(data demo)" in page
    agency = measure(plan_from_db(world.a), YEAR).group("dspppa").achievement
    assert format_id(agency, 2) in page


def test_an_operator_lands_on_their_own_agency(world, operator_a):
    response = operator_a.get(reverse("home"))
    assert response.status_code == 302 and f"/opd/{world.a.pk}/2020/" in response["Location"]
