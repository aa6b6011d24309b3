"""Login throttling in the database.

A failure is recorded under the account it was aimed at and the client's address. Within the
window, a user name is blocked *from an address* after ``LOGIN_ATTEMPTS`` failures from that
address, and *from everywhere* after four times as many from any mix of addresses (guessing
spread over many machines). So somebody who tries a colleague's name from their own desk locks
only themselves out of that name, a colleague behind the same office NAT who types their own
password still signs in, and an address alone never blocks anybody. A success forgets the
failures of that user name from that address only.

The user name is keyed the way the login form reads it (Django's ``UsernameField``: stripped,
NFKC-normalised), in lower case, so every spelling that could sign in to one account counts
against one limit.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.forms import UsernameField
from django.http import HttpRequest
from django.utils import timezone

from sakip.web.accounts.models import LoginAttempt

_NAME_LENGTH = 150  # LoginAttempt.username and the user model's user name


def account_key(username: str) -> str:
    """The key of the account ``username`` would sign in to."""
    return UsernameField(max_length=_NAME_LENGTH).to_python(username).lower()[:_NAME_LENGTH]


def address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind the trusted reverse proxy the right-most
    entry of its header (the one the proxy appended; entries to its left are the client's
    own claims)."""
    header = settings.TRUSTED_PROXY_HEADER
    if header:
        entries = [part.strip() for part in str(request.META.get(header, "")).split(",")]
        if entries[-1]:
            return entries[-1][:64]
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


SPREAD = 4  # failures from any mix of addresses that block a user name everywhere, × the limit


def blocked(request: HttpRequest, username: str) -> bool:
    since = timezone.now() - timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)
    failures = LoginAttempt.objects.filter(at__gte=since, success=False,
                                           username=account_key(username))
    if failures.filter(address=address(request)).count() >= settings.LOGIN_ATTEMPTS:
        return True
    return failures.count() >= SPREAD * settings.LOGIN_ATTEMPTS


def record(request: HttpRequest, username: str, success: bool) -> None:
    key, client = account_key(username), address(request)
    LoginAttempt.objects.create(username=key, address=client, success=success)
    if success:
        LoginAttempt.objects.filter(username=key, address=client, success=False).delete()


# Password resets: each request for a reset link is recorded as a failure under "lupa-sandi:"
# and the address asked for (a user name cannot hold ":", so the two never mix). Within the
# window an address may ask for ``LOGIN_ATTEMPTS`` links, and one mailbox receives at most as
# many, whoever asks: nobody floods a colleague's inbox or probes addresses in bulk. The answer
# does not depend on whether an account has the address.
_RESET = "lupa-sandi:"


def _reset_key(email: str) -> str:
    return (_RESET + email.strip().lower())[:_NAME_LENGTH]


def reset_blocked(request: HttpRequest, email: str) -> bool:
    since = timezone.now() - timedelta(minutes=settings.LOGIN_WINDOW_MINUTES)
    asked = LoginAttempt.objects.filter(at__gte=since, success=False)
    if asked.filter(address=address(request), username__startswith=_RESET).count() \
            >= settings.LOGIN_ATTEMPTS:
        return True
    return asked.filter(username=_reset_key(email)).count() >= settings.LOGIN_ATTEMPTS


def record_reset(request: HttpRequest, email: str) -> None:
    LoginAttempt.objects.create(username=_reset_key(email), address=address(request),
                                success=False)
