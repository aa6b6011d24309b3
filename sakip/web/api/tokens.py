"""Creating, checking and revoking API tokens. A token is ``sakip_`` and 43 random URL-safe
characters (256 bits); the database holds its SHA-256 only, so a leaked database gives no
usable token, and a fast digest suffices for a secret this long."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.utils import timezone

from sakip.web.api.models import Token

SCHEME = "sakip_"
PREFIX_LENGTH = 12
MAX_ACTIVE = 20  # a user's active tokens at once
TOUCH_EVERY = timedelta(minutes=1)  # how often the last-used time is written


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create(user: Any, name: str) -> tuple[Token, str]:
    """A new token of ``user``: the row and the secret (shown once, never stored)."""
    secret = SCHEME + secrets.token_urlsafe(32)
    row = Token.objects.create(user=user, name=name.strip()[:100] or "token",
                               prefix=secret[:PREFIX_LENGTH], digest=digest(secret))
    return row, secret


def active_count(user: Any) -> int:
    return Token.objects.filter(user=user, revoked_at__isnull=True).count()


def user_of(secret: str) -> Any | None:
    """The active user a secret belongs to, or None (unknown, revoked, or the user inactive)."""
    if not secret.startswith(SCHEME) or len(secret) > 200:
        return None
    row = (Token.objects.filter(digest=digest(secret), revoked_at__isnull=True)
           .select_related("user").first())
    if row is None or not row.user.is_active:
        return None
    now = timezone.now()
    if row.last_used_at is None or now - row.last_used_at > TOUCH_EVERY:
        Token.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user


def revoke(user: Any, pk: int) -> bool:
    """Revoke one of ``user``'s own tokens; False when it has no such active token."""
    return bool(Token.objects.filter(user=user, pk=pk, revoked_at__isnull=True)
                .update(revoked_at=timezone.now()))
