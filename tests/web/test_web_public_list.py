"""The public list of published years (/publik/): search, filters by year and agency, pages."""

from __future__ import annotations

import re

from django.urls import reverse

from sakip.web.accounts import views
from sakip.web.workflow.models import AgencyYear


def _publish(world) -> None:
    for agency in (world.a, world.b):
        for year in agency.strategic_plan.years:
            AgencyYear.objects.update_or_create(agency=agency, year=year,
                                                defaults={"published": True})


def _rows(page: str) -> list[tuple[str, str]]:
    body = re.search(r'<table class="grid" id="published">.*?</table>', page, re.S)
    if body is None:
        return []
    return re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>(\d{4})</td>", body[0])


def test_everything_published_is_listed_without_a_filter(world, anonymous):
    _publish(world)
    page = anonymous.get(reverse("public_list")).content.decode()
    assert len(_rows(page)) == 2 * len(world.a.strategic_plan.years)
    assert 'id="public-filter"' in page and 'name="tahun"' in page and 'name="opd"' in page


def test_filters_by_year_agency_and_words(world, anonymous):
    _publish(world)
    url = reverse("public_list")
    by_year = _rows(anonymous.get(url, {"tahun": "2020"}).content.decode())
    assert sorted(by_year) == sorted([(world.a.name, "2020"), (world.b.name, "2020")])
    by_agency = _rows(anonymous.get(url, {"opd": world.b.pk}).content.decode())
    assert {name for name, _ in by_agency} == {world.b.name}
    by_words = _rows(anonymous.get(url, {"q": "  contoh DEMO "}).content.decode())  # every word
    assert by_words and {name for name, _ in by_words} == {world.b.name}
    both = _rows(anonymous.get(url, {"opd": world.a.pk, "tahun": "2021"}).content.decode())
    assert both == [(world.a.name, "2021")]
    none = anonymous.get(url, {"q": "tidak-ada-yang-cocok"}).content.decode()
    assert _rows(none) == [] and 'id="public-none"' in none


def test_a_bad_filter_is_a_message_not_a_traceback(world, anonymous):
    _publish(world)
    response = anonymous.get(reverse("public_list"), {"tahun": "1999", "opd": "x"})
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()


def test_unpublished_years_are_never_listed(world, anonymous):
    AgencyYear.objects.update_or_create(agency=world.a, year=2020, defaults={"published": True})
    AgencyYear.objects.update_or_create(agency=world.b, year=2020, defaults={"published": False})
    page = anonymous.get(reverse("public_list"), {"opd": world.b.pk}).content.decode()
    assert _rows(page) == []  # the agency has no published year: not even a choice
    assert f'value="{world.b.pk}"' not in page


def test_pages_keep_the_filter(world, anonymous, monkeypatch):
    _publish(world)
    monkeypatch.setattr(views, "PUBLIC_PAGE_SIZE", 3)
    url = reverse("public_list")
    first = anonymous.get(url, {"opd": world.a.pk}).content.decode()
    assert len(_rows(first)) == 3 and 'id="public-pages"' in first
    following = re.search(r'<a href="([^"]+)" rel="next">', first)[1].replace("&amp;", "&")
    assert f"opd={world.a.pk}" in following and "halaman=2" in following
    second = anonymous.get(following).content.decode()
    seen = _rows(first) + _rows(second)
    assert len(set(seen)) == len(seen) and {n for n, _ in seen} == {world.a.name}
