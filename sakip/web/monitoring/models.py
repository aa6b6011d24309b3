"""Entry windows (a deadline per year and period for every agency of a region), what happened
to them, the reminders sent, and each user's e-mail language."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sakip.core.periods import Period
from sakip.web.plans.models import Agency, Region


class Window(models.Model):
    """The entry window of one period of a year, for every agency of the region: its entry
    closes at ``deadline``. A region's windows of a year are all quarters or all months."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="windows")
    year = models.PositiveSmallIntegerField("tahun")
    quarter = models.PositiveSmallIntegerField("triwulan", default=0,
                                               help_text="1..4; 0 for a month's window")
    month = models.PositiveSmallIntegerField("bulan", default=0,
                                             help_text="1..12; 0 for a quarter's window")
    deadline = models.DateTimeField("batas waktu")

    class Meta:
        ordering = ["region", "year", "quarter", "month"]
        constraints = [models.UniqueConstraint(fields=["region", "year", "quarter", "month"],
                                               name="window_period")]

    @property
    def period(self) -> Period:
        found = Period.of(self.quarter or None, self.month or None)
        assert found is not None
        return found

    @property
    def end(self) -> int:
        return self.period.end

    def __str__(self) -> str:
        return f"{self.period.label()} {self.year}"


class Action(models.TextChoices):
    SET = "set", "tetapkan"  # a deadline set or moved, for all agencies
    CLOSE = "close", "tutup"  # closed now
    REOPEN = "reopen", "buka kembali"  # opened again until a new deadline


class WindowEvent(models.Model):
    """One opening, closing or reopening of a window, for one agency or (``agency`` empty) all:
    who, when, why, and the deadline it set. The latest event that applies to an agency gives
    its deadline."""

    window = models.ForeignKey(Window, on_delete=models.CASCADE, related_name="events")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, null=True, blank=True,
                               related_name="+")
    action = models.CharField("tindakan", max_length=10, choices=Action.choices)
    deadline = models.DateTimeField("batas waktu")
    reason = models.TextField("alasan", blank=True, default="")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                           related_name="+")
    at = models.DateTimeField("waktu", auto_now_add=True)

    class Meta:
        ordering = ["window", "id"]


class Reminder(models.Model):
    """A deadline reminder sent to an agency's editors: once per window and agency."""

    window = models.ForeignKey(Window, on_delete=models.CASCADE, related_name="reminders")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField("penerima", default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["window", "agency"], name="reminder_once")]


class Preference(models.Model):
    """A user's language for e-mail (the pages follow the browser or the switch)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="mail_preference")
    language = models.CharField("bahasa surel", max_length=5, default="id",
                                choices=[("id", "Bahasa Indonesia"), ("en", "English")])
