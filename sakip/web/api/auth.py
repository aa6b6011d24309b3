"""Who calls: ``Authorization: Bearer <token>`` names a user (sakip/web/api/tokens.py); no
header is an anonymous caller, who sees what the public pages show. A session cookie is not
accepted here (the API has no CSRF protection to lean on), so the browser's login does not
carry over: every caller acts with a token's user or as anonymous."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import translation
from ninja.security import HttpBearer

from sakip.web.api import tokens
from sakip.web.api.problems import invalid_token


def _language(request: HttpRequest) -> None:
    """A program says which language it reads: ``Accept-Language: en`` gives English messages
    (the pages ignore that header, browsers send it unasked; the API follows it)."""
    wanted = request.headers.get("Accept-Language", "").split(",")[0].strip().lower()
    if wanted.startswith("en"):
        translation.activate("en")
    elif wanted.startswith("id"):
        translation.activate("id")


class TokenAuth(HttpBearer):
    def __call__(self, request: HttpRequest) -> Any | None:
        _language(request)
        header = request.headers.get("Authorization")
        if not header:
            return None
        scheme, _, secret = header.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise invalid_token()
        return self.authenticate(request, secret.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = tokens.user_of(token)
        if user is None:
            raise invalid_token()
        request.user = user
        return user


class Anonymous:
    """No token: the anonymous caller (the session's user is not taken)."""

    def __call__(self, request: HttpRequest) -> Any:
        _language(request)
        request.user = AnonymousUser()
        return request.user


AUTH: list[Callable[[HttpRequest], Any]] = [TokenAuth(), Anonymous()]


def caller(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]
