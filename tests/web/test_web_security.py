"""Security basics: headers and CSP, CSRF, login throttling, strict settings, no debug pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from sakip.web import config
from tests.conftest import ROOT
from tests.web.world import PASSWORD, YEAR


def test_pages_carry_a_content_security_policy_and_secure_headers(world, operator_a):
    response = operator_a.get(reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": YEAR}))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_pages_use_no_inline_script_no_inline_style_and_no_other_origin(world, operator_a):
    for name in ("agency_dashboard", "actuals", "targets", "budgets", "workflow"):
        page = operator_a.get(reverse(name, kwargs={"agency": world.a.pk, "year": YEAR})).content.decode()
        # scripts only as files of our own (progressive enhancement), never inline
        for tag in re.findall(r"<script\b[^>]*>", page):
            assert re.search(r'\ssrc="/static/', tag), (name, tag)
        assert not re.search(r"<script\b[^>]*>[^<\s]", page), name
        assert not re.search(r'\sstyle="', page), name
        assert not re.search(r'(src|href)="(https?:)?//', page), name


def test_the_dashboard_is_well_under_500_kilobytes(world, operator_a):
    page = operator_a.get(reverse("agency_dashboard", kwargs={"agency": world.a.pk, "year": YEAR}))
    css = (Path(config.__file__).parent / "static" / "sakip" / "style.css").stat().st_size
    assert len(page.content) + css < 200_000


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(world):
    from sakip.web.workflow.models import AuditEntry

    client = Client(enforce_csrf_checks=True)
    client.login(username="operator_a", password=PASSWORD)
    before = AuditEntry.objects.count()
    response = client.post(reverse("workflow_step", kwargs={"agency": world.a.pk, "year": YEAR,
                                                            "step": "ajukan"}))
    assert response.status_code == 403 and "CSRF" in response.content.decode()
    assert AuditEntry.objects.count() == before


def test_repeated_failed_logins_are_throttled(world, settings):
    settings.LOGIN_ATTEMPTS = 3
    client = Client()
    for _ in range(3):
        response = client.post(reverse("login"), {"username": "operator_a", "password": "salah"})
        assert response.status_code == 400 and "salah" in response.content.decode()
    response = client.post(reverse("login"), {"username": "operator_a", "password": PASSWORD})
    assert response.status_code == 429 and "Terlalu banyak" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_correct_login_signs_in_and_lands_on_the_agency(world):
    client = Client()
    response = client.post(reverse("login"), {"username": "operator_a", "password": PASSWORD})
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302 and f"/opd/{world.a.pk}/" in response["Location"]


def test_login_refuses_a_redirect_to_another_site(world):
    client = Client()
    response = client.post(reverse("login"), {"username": "operator_a", "password": PASSWORD,
                                              "next": "https://evil.example/"})
    assert response["Location"] == reverse("home")


def test_an_unknown_page_is_an_indonesian_404_without_debug_details(world, operator_a):
    response = operator_a.get("/tidak-ada/")
    assert response.status_code == 404 and "tidak ditemukan" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_debug_is_off_unless_asked_for(monkeypatch):
    monkeypatch.delenv("SAKIP_DEBUG", raising=False)
    assert config.flag("SAKIP_DEBUG") is False


def test_a_secret_key_is_required_outside_development(monkeypatch):
    monkeypatch.delenv("SAKIP_SECRET_KEY", raising=False)
    with pytest.raises(config.ConfigError):
        config.secret_key(debug=False, demo=False)


def test_a_bad_setting_is_refused_with_its_name(monkeypatch):
    monkeypatch.setenv("SAKIP_MAX_UPLOAD_MB", "banyak")
    with pytest.raises(config.ConfigError, match="SAKIP_MAX_UPLOAD_MB"):
        config.integer("SAKIP_MAX_UPLOAD_MB")
    monkeypatch.setenv("SAKIP_DATABASE_URL", "mysql://x/y")
    with pytest.raises(config.ConfigError, match="postgres"):
        config.database()


def test_a_postgres_url_selects_postgresql(monkeypatch):
    monkeypatch.setenv("SAKIP_DATABASE_URL", "postgres://sakip:rahasia%21@db.local:5433/sakip")
    db = config.database()
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql", "sakip", "sakip", "rahasia!", "db.local", "5433")


def test_every_setting_is_documented_in_docs_web_md():
    text = (ROOT / "docs" / "web.md").read_text(encoding="utf-8")
    missing = [v.name for v in config.VARIABLES if f"`{v.name}`" not in text]
    assert not missing, f"undocumented settings: {missing}"


def test_only_the_config_module_reads_the_environment():
    web = ROOT / "sakip" / "web"
    readers = [p.relative_to(ROOT).as_posix() for p in web.rglob("*.py")
               if "os.environ" in p.read_text(encoding="utf-8") and p.name not in ("config.py",)]
    assert sorted(readers) == ["sakip/web/__main__.py", "sakip/web/wsgi.py"]  # setdefault of the module
