"""In a real browser at 1366 × 900: an English browser gets Indonesian; English chosen with the
switch sticks; a forgotten password is reset through the e-mail's link (issue 17)."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail

NEW = "kata-sandi-baru-2026"
SCREEN = {"width": 1366, "height": 900}


def test_an_english_browser_gets_indonesian_and_the_switch_makes_english_stick(browser, site):
    context = browser.new_context(locale="en-US", viewport=SCREEN,
                                  extra_http_headers={"Accept-Language": "en-US,en;q=0.9"})
    page = context.new_page()
    page.goto(f"{site}/masuk/")
    assert page.get_attribute("html", "lang") == "id"
    assert "Masuk ke Sakip" in page.inner_text("h1")
    page.click("header button[lang=en]")
    page.wait_for_load_state()
    assert page.get_attribute("html", "lang") == "en"
    page.goto(f"{site}/publik/")  # the cookie keeps the choice
    assert page.get_attribute("html", "lang") == "en"
    context.close()


def test_a_forgotten_password_is_reset_through_the_console_e_mail(browser, site):
    get_user_model().objects.filter(username="operator_a").update(email="operator@example.go.id")
    mail.outbox.clear()
    context = browser.new_context(locale="en-US", viewport=SCREEN)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{site}/masuk/")
    page.click("#forgot-password")
    page.fill("#id_email", "operator@example.go.id")
    page.click("main button[type=submit]")
    page.wait_for_selector("#reset-sent")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/lupa-sandi/\S+/", mail.outbox[0].body)
    assert link is not None
    page.goto(link[0])
    page.fill("#id_new_password1", NEW)
    page.fill("#id_new_password2", NEW)
    page.click("main button[type=submit]")
    page.wait_for_selector("#reset-complete")
    page.goto(f"{site}/masuk/")
    page.fill("#id_username", "operator_a")
    page.fill("#id_password", NEW)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert "/opd/" in page.url  # signed in with the new password, on the agency's dashboard
    context.close()
