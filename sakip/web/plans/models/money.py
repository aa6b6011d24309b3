"""Budgets per activity and year; the agency's spending composition."""

from __future__ import annotations

from django.db import models

from sakip.web.plans.models import choices
from sakip.web.plans.models.agency import Agency
from sakip.web.plans.models.fields import measure, money, position, short, text
from sakip.web.plans.models.structure import Activity


class Budget(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField("tahun")
    ceiling = money(verbose_name="pagu (setelah perubahan)")
    ceiling_original = money(verbose_name="pagu induk")
    spent = money(verbose_name="realisasi anggaran")
    physical = measure(verbose_name="realisasi fisik (%)")
    source_of_funds = short(verbose_name="sumber dana")
    explanation = text(verbose_name="penjelasan")
    period = models.PositiveSmallIntegerField("triwulan", default=0,
                                              help_text="0 = setahun, 1..4 = triwulan")
    month = models.PositiveSmallIntegerField("bulan", default=0,
                                             help_text="0 = bukan bulan, 1..12 = bulan")
    position = position()

    class Meta:
        ordering = ["activity__agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["activity", "year", "period", "month"],
                                               name="budget_period")]


class SpendingLine(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="spending")
    year = models.PositiveSmallIntegerField("tahun")
    kind = models.CharField("jenis", max_length=10, choices=choices.SpendingKind.choices)
    label = models.CharField("uraian", max_length=200)
    ceiling = money(verbose_name="anggaran")
    spent = money(verbose_name="realisasi")
    ceiling_original = money(verbose_name="anggaran induk")
    position = position()

    class Meta:
        ordering = ["agency", "position", "id"]
