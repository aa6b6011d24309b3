"""Choosing English in a test the way a visitor does (docs/web.md, "Bahasa"): the language
cookie the switch sets. The browser's Accept-Language no longer chooses the language."""

from __future__ import annotations

from django.conf import settings
from django.test import Client


def english(client: Client) -> Client:
    """``client`` with English chosen (the switch's cookie); returns it for chaining."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
