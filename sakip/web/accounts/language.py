"""The language of a request (docs/web.md, "Bahasa"): Indonesian for everyone by default,
whatever the browser's Accept-Language (government PCs run English Windows); English only when
chosen with the switch in the page header, remembered per account (LanguagePreference) and, for
anonymous visitors, in the language cookie. This replaces Django's LocaleMiddleware, which
would follow Accept-Language; the URLs carry no language."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from sakip.web.accounts.models import LanguagePreference


def supported(code: str | None) -> str | None:
    """``code`` when it is one of settings.LANGUAGES, else None."""
    return code if code in {c for c, _ in settings.LANGUAGES} else None


def chosen(request: HttpRequest) -> str:
    """The account's choice, else the cookie's, else the default (Indonesian). A member's
    choice comes with the membership every signed-in page reads anyway (one query:
    :func:`sakip.web.access.membership`)."""
    from sakip.web.access import membership

    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        member = membership(user)
        if member is not None:
            preference = getattr(member.user, "language_preference", None)
            stored = preference.language if preference is not None else None
        else:
            stored = (LanguagePreference.objects.filter(user=user)
                      .values_list("language", flat=True).first())
        if supported(stored):
            return str(stored)
    return (supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
            or settings.LANGUAGE_CODE)


def remember(request: HttpRequest, language: str) -> None:
    """Keep a signed-in user's choice for the account (the switch calls this)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and supported(language):
        LanguagePreference.objects.update_or_create(user=user, defaults={"language": language})


class LanguageMiddleware:
    """Activate the chosen language for the request (after AuthenticationMiddleware)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = chosen(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
