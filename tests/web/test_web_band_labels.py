"""The pages print predicate and category labels in the page's language, by the core's one rule
(sakip.core.scales.BandLabels): "Sangat baik" in Indonesian, its label_en in English."""

from __future__ import annotations

from django.urls import reverse

from sakip.core.scales import band_labels
from sakip.web.plans.convert import plan_from_db
from tests.web.world import YEAR


def _english(client) -> None:  # type: ignore[no-untyped-def]
    assert client.post(reverse("set_language"), {"language": "en", "next": "/"}).status_code == 302


def test_the_dashboard_the_grid_and_the_region_page_print_labels_in_the_pages_language(
        world, head_a, admin):
    plan = plan_from_db(world.a)
    english = band_labels(plan, "en")
    category = plan.scale_by_code[plan.settings.category_scale]
    translated = [b for b in category.bands if b.label_en and b.label_en != b.label]
    assert translated
    pages = {name: reverse(name, kwargs={"agency": world.a.pk, "year": YEAR})
             for name in ("agency_dashboard", "actuals")}
    pages["region"] = reverse("region_dashboard", kwargs={"year": YEAR})
    for client, names in ((head_a, ("agency_dashboard", "actuals")), (admin, ("region",))):
        indonesian = {name: client.get(pages[name]).content.decode() for name in names}
        _english(client)
        for name in names:
            page = client.get(pages[name]).content.decode()
            shown = [b for b in translated if f"> {b.label}<" in indonesian[name]
                     or f" {b.label}</" in indonesian[name]]
            assert shown, name  # the Indonesian page shows some of them
            for b in shown:
                assert english(b.label) == b.label_en
                assert b.label_en in page, (name, b.label_en)
                assert f" {b.label}</td>" not in page, (name, b.label)
