"""Accounts (issue 17): the least-privileged default role, a user's own password change, a reset
by e-mail, and people named by full name and user name (docs/web.md, "Accounts")."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from sakip.web.templatetags.people import person
from sakip.web.workflow.models import AuditEntry
from tests.web.world import PASSWORD

NEW = "kata-sandi-baru-2026"


def test_the_new_user_form_defaults_to_the_least_privileged_role(world, admin):
    page = admin.get(reverse("region_users")).content.decode()
    selected = re.findall(r'<option value="(\w+)" selected>', page)
    assert selected == ["operator"]


def test_a_user_changes_the_own_password_and_it_is_audited(world, head_a):
    url = reverse("password_change")
    page = head_a.get(url).content.decode()
    assert "Ganti kata sandi" in page and 'name="old_password"' in page
    wrong = head_a.post(url, {"old_password": "salah", "new_password1": NEW, "new_password2": NEW})
    assert wrong.status_code == 200 and "id_old_password" in wrong.content.decode()
    done = head_a.post(url, {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done["Location"] == reverse("password_change_done")
    assert "Kata sandi Anda telah diganti" in head_a.get(done["Location"]).content.decode()
    assert Client().login(username="head_a", password=NEW)
    entry = AuditEntry.objects.get(key="pengguna:head_a", field="password")
    assert entry.user.username == "head_a" and "pemilik akun" in entry.new


def test_the_password_change_needs_a_signed_in_user(world, anonymous):
    response = anonymous.get(reverse("password_change"))
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def _ask_reset(client: Client, email: str) -> str:
    response = client.post(reverse("password_reset"), {"email": email})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    return client.get(response["Location"]).content.decode()


def test_a_forgotten_password_is_reset_through_the_link_in_the_e_mail(world, anonymous):
    users = get_user_model()
    users.objects.filter(username="operator_a").update(email="operator@example.go.id")
    page = _ask_reset(anonymous, "operator@example.go.id")
    assert "surel berisi tautan" in page
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["operator@example.go.id"] and "kata sandi" in message.subject.lower()
    link = re.search(r"https?://[^/\s]+(/lupa-sandi/[^\s]+/)", message.body)
    assert link is not None and "operator_a" in message.body
    form = anonymous.get(link.group(1), follow=True)
    action = form.redirect_chain[-1][0] if form.redirect_chain else link.group(1)
    assert 'name="new_password1"' in form.content.decode()
    saved = anonymous.post(action, {"new_password1": NEW, "new_password2": NEW})
    assert saved.status_code == 302 and saved["Location"] == reverse("password_reset_complete")
    assert Client().login(username="operator_a", password=NEW)
    assert AuditEntry.objects.filter(key="pengguna:operator_a", field="password").exists()
    # the link works once
    again = anonymous.get(link.group(1), follow=True).content.decode()
    assert 'id="reset-invalid"' in again


def test_an_unknown_address_gets_the_same_answer_and_no_mail(world, anonymous):
    page = _ask_reset(anonymous, "nobody@example.go.id")
    assert "surel berisi tautan" in page and mail.outbox == []


def test_reset_links_are_throttled_per_address_and_per_mailbox(world, anonymous, settings):
    users = get_user_model()
    users.objects.filter(username="operator_a").update(email="operator@example.go.id")
    for _ in range(settings.LOGIN_ATTEMPTS):
        _ask_reset(anonymous, "operator@example.go.id")
    assert len(mail.outbox) == settings.LOGIN_ATTEMPTS
    refused = anonymous.post(reverse("password_reset"), {"email": "operator@example.go.id"})
    assert refused.status_code == 200 and "Terlalu banyak permintaan" in refused.content.decode()
    assert len(mail.outbox) == settings.LOGIN_ATTEMPTS  # no further mail
    # another address of the same office is not blocked for another mailbox …
    other = Client(REMOTE_ADDR="10.0.0.9")
    _ask_reset(other, "nobody@example.go.id")
    # … but the flooded mailbox receives nothing more, whoever asks
    flooded = other.post(reverse("password_reset"), {"email": "OPERATOR@example.go.id"})
    assert flooded.status_code == 200 and len(mail.outbox) == settings.LOGIN_ATTEMPTS


def test_the_login_page_links_the_reset(world, anonymous):
    page = anonymous.get(reverse("login")).content.decode()
    assert reverse("password_reset") in page


def test_a_person_is_named_by_full_name_and_user_name():
    users = get_user_model()
    assert person(users(username="budi", first_name="Budi Santoso")) == "Budi Santoso (budi)"
    assert person(users(username="budi")) == "budi"
    assert person(users(username="budi", first_name="budi")) == "budi"
    assert person(None) == "–" and person(None, "—") == "—"
