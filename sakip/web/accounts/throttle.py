"""Login throttling in the database: too many failures for a user name (or from an address)
within the window blocks further attempts until the window has passed."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from sakip.web.accounts.models import LoginAttempt


def address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


def blocked(request: HttpRequest, username: str) -> bool:
    since = timezone.now() - timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)
    failures = LoginAttempt.objects.filter(at__gte=since, success=False)
    by_name = failures.filter(username=username.lower()[:150]).count()
    by_address = failures.filter(address=address(request)).count()
    return by_name >= settings.LOGIN_ATTEMPTS or by_address >= 4 * settings.LOGIN_ATTEMPTS


def record(request: HttpRequest, username: str, success: bool) -> None:
    LoginAttempt.objects.create(username=username.lower()[:150], address=address(request),
                                success=success)
    if success:
        LoginAttempt.objects.filter(username=username.lower()[:150], success=False).delete()
