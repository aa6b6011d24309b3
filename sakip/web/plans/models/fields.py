"""Field factories: every measure and amount is a DecimalField, never a float."""

from __future__ import annotations

from django.db import models


def measure(**kwargs: object) -> models.DecimalField:
    """A measure (target, realisation, percentage, series value): 24 digits, 6 decimals."""
    return models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True, **kwargs)


def money(**kwargs: object) -> models.DecimalField:
    """An amount in rupiah: 20 digits, 2 decimals."""
    return models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True, **kwargs)


def text(**kwargs: object) -> models.TextField:
    return models.TextField(null=True, blank=True, **kwargs)


def short(length: int = 200, **kwargs: object) -> models.CharField:
    return models.CharField(max_length=length, null=True, blank=True, **kwargs)


def position() -> models.PositiveIntegerField:
    return models.PositiveIntegerField(default=0)
