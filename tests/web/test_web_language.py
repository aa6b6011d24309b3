"""Indonesian for everyone by default, English a choice that sticks (docs/web.md, "Bahasa";
sakip/web/accounts/language.py)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from sakip.web.accounts.models import LanguagePreference
from tests.web.world import YEAR


def _dashboard(world) -> str:
    return reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": YEAR})


def test_an_english_browser_gets_indonesian(world, head_a, anonymous):
    page = head_a.get(_dashboard(world), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in page and f"Capaian kinerja {YEAR}" in page
    public = anonymous.get(reverse("public_list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="id">' in public and "Laporan" in public


def test_the_switch_remembers_the_choice_for_the_account_in_another_browser(world, head_a):
    url = _dashboard(world)
    response = head_a.post(reverse("set_language"), {"language": "en", "next": url})
    assert response.status_code == 302
    assert LanguagePreference.objects.get(user__username="head_a").language == "en"
    elsewhere = world.client("head_a")  # a new browser: no cookie
    page = elsewhere.get(url, HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert '<html lang="en">' in page and f"Performance achievement {YEAR}" in page
    # back to Indonesian: the account's choice wins over an old English cookie
    elsewhere.post(reverse("set_language"), {"language": "id", "next": url})
    head_a.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '<html lang="id">' in head_a.get(url).content.decode()


def test_an_anonymous_choice_is_kept_in_a_lasting_cookie(world, anonymous):
    response = anonymous.post(reverse("set_language"), {"language": "en", "next": "/publik/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en" and int(cookie["max-age"]) >= 300 * 24 * 3600
    assert '<html lang="en">' in anonymous.get(reverse("public_list")).content.decode()
    assert not LanguagePreference.objects.exists()


def test_an_unknown_language_changes_nothing(world, head_a):
    head_a.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert not LanguagePreference.objects.exists()
    head_a.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert '<html lang="id">' in head_a.get(_dashboard(world)).content.decode()
