"""How a person is named on every page: "Full Name (username)", or the user name alone when the
account has no name (docs/web.md, "Accounts"). A builtin of the templates (settings.TEMPLATES):
``{{ note.author|person }}``; Python code calls :func:`person` itself."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def person(user: Any, empty: str = "–") -> str:
    """``user``'s full name with the user name in brackets; ``empty`` for no user."""
    if user is None or user == "":
        return empty
    username = str(user.get_username())
    full = str(user.get_full_name() or "").strip()
    if not full or full == username:
        return username
    return f"{full} ({username})"
