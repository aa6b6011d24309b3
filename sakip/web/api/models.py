"""A user's API tokens: only a SHA-256 digest of each secret is stored (the secret is shown
once, when it is created); a revoked token stays listed with when it was revoked."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Token(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField("nama", max_length=100)
    prefix = models.CharField("awalan", max_length=16)  # the secret's first characters, shown
    digest = models.CharField("SHA-256", max_length=64, unique=True)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    last_used_at = models.DateTimeField("terakhir dipakai", null=True, blank=True)
    revoked_at = models.DateTimeField("dicabut", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
