"""Login throttling: one limit per account whatever its spelling, no lock-out of a whole office
behind one address, and the client address taken from a trusted proxy only when configured."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from sakip.web import config
from sakip.web.accounts import throttle
from tests.web.world import PASSWORD


def attempt(username: str, password: str, address: str = "10.0.0.1", **headers: str) -> int:
    client = Client(REMOTE_ADDR=address, **headers)
    response = client.post(reverse("login"), {"username": username, "password": password})
    return response.status_code


@pytest.mark.parametrize("variant", ["operator_a ", "operator_a\t", " operator_a",
                                     "OPERATOR_A", "ｏｐｅｒａｔｏｒ＿ａ"])
def test_every_spelling_of_a_user_name_counts_against_one_limit(world, settings, variant):
    settings.LOGIN_ATTEMPTS = 3
    for _ in range(3):
        assert attempt("operator_a", "salah") == 400
    assert attempt(variant, PASSWORD) == 429  # not a fresh limit for a new spelling


def test_failures_under_different_spellings_add_up(world, settings):
    settings.LOGIN_ATTEMPTS = 3
    for variant in ("operator_a ", "operator_a\t", "ｏｐｅｒａｔｏｒ＿ａ"):
        assert attempt(variant, "salah") == 400
    assert attempt("operator_a", PASSWORD) == 429


def test_a_spelling_the_login_form_normalises_signs_in(world):
    # the form strips and NFKC-normalises the name exactly as the limit keys it
    assert attempt("ｏｐｅｒａｔｏｒ＿ａ ", PASSWORD) == 302


def test_the_key_is_the_login_forms_reading_of_the_name():
    assert {throttle.account_key(v) for v in
            ("kepala", "kepala ", "kepala\t", "\nKepala", "ｋｅｐａｌａ")} == {"kepala"}


def test_a_colleague_behind_the_same_address_still_signs_in(world, settings):
    settings.LOGIN_ATTEMPTS = 2
    for name in ("operator_a", "tamu1", "tamu2", "tamu3", "tamu4", "tamu5", "tamu6", "tamu7",
                 "tamu8", "operator_a"):
        attempt(name, "salah")
    assert attempt("operator_a", PASSWORD) == 429  # the user who failed is locked …
    assert attempt("head_a", PASSWORD) == 302  # … the colleague at the same address is not


def test_failures_from_another_address_do_not_lock_the_user_out_of_their_own(world, settings):
    settings.LOGIN_ATTEMPTS = 3
    for _ in range(3):
        assert attempt("operator_a", "salah", "10.0.0.66") == 400  # somebody guessing
    assert attempt("operator_a", PASSWORD, "10.0.0.66") == 429  # is locked out there …
    assert attempt("operator_a", PASSWORD, "10.0.0.1") == 302  # … the user is not


def test_a_user_name_is_locked_everywhere_after_guesses_spread_over_addresses(world, settings):
    settings.LOGIN_ATTEMPTS = 3
    for n in range(throttle.SPREAD * 3):
        assert attempt("operator_a", "salah", f"10.0.1.{n}") == 400
    assert attempt("operator_a", PASSWORD, "10.0.0.4") == 429


def test_a_success_forgets_only_that_addresss_failures(world, settings):
    settings.LOGIN_ATTEMPTS = 3
    assert attempt("operator_a", "salah", "10.0.0.9") == 400  # somebody elsewhere
    assert attempt("operator_a", "salah") == 400  # the user mistypes, then signs in:
    assert attempt("operator_a", PASSWORD) == 302  # the own failure is forgotten …
    assert attempt("operator_a", "salah", "10.0.0.9") == 400
    assert attempt("operator_a", "salah", "10.0.0.9") == 400  # … the other address's is not
    assert attempt("operator_a", PASSWORD, "10.0.0.9") == 429
    assert attempt("operator_a", PASSWORD) == 302


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_HEADER = ""
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7",
                                    HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert throttle.address(request) == "192.0.2.7"


def test_behind_a_trusted_proxy_the_right_most_forwarded_address_is_the_client(settings):
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    request = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1",
                                    HTTP_X_FORWARDED_FOR="203.0.113.66, 198.51.100.1 ")
    assert throttle.address(request) == "198.51.100.1"  # the left entry is the client's claim
    request = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1")
    assert throttle.address(request) == "127.0.0.1"  # not through the proxy


def test_a_spoofed_forwarded_header_does_not_escape_the_limit(world, settings):
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.LOGIN_ATTEMPTS = 2
    for spoof in ("1.1.1.1", "2.2.2.2"):
        assert attempt("operator_a", "salah", "127.0.0.1",
                       HTTP_X_FORWARDED_FOR=f"{spoof}, 198.51.100.1") == 400
    assert attempt("operator_a", PASSWORD, "127.0.0.1",
                   HTTP_X_FORWARDED_FOR="3.3.3.3, 198.51.100.1") == 429


def test_the_proxy_header_setting_names_a_request_header(monkeypatch):
    monkeypatch.delenv("SAKIP_TRUSTED_PROXY_HEADER", raising=False)
    assert config.request_header("SAKIP_TRUSTED_PROXY_HEADER") == ""
    monkeypatch.setenv("SAKIP_TRUSTED_PROXY_HEADER", "X-Forwarded-For")
    assert config.request_header("SAKIP_TRUSTED_PROXY_HEADER") == "HTTP_X_FORWARDED_FOR"
    monkeypatch.setenv("SAKIP_TRUSTED_PROXY_HEADER", "X-Forwarded For")
    with pytest.raises(config.ConfigError, match="SAKIP_TRUSTED_PROXY_HEADER"):
        config.request_header("SAKIP_TRUSTED_PROXY_HEADER")
