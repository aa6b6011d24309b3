"""Template context: the signed-in user's membership."""

from __future__ import annotations

from django.http import HttpRequest

from sakip.web.access import membership as membership_of


def membership(request: HttpRequest) -> dict[str, object]:
    return {"membership": membership_of(getattr(request, "user", None))}
