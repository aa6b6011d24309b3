"""The region's RPJMD beyond its missions: tujuan and sasaran daerah, the IKU Pemda with their
targets and realisations, and the agencies' contributions to each sasaran (crosscutting). The
records refer to each other by code, as the core model's do; the plan checks keep the codes
whole."""

from __future__ import annotations

from django.db import models

from sakip.web.plans.models.fields import position, short, text
from sakip.web.plans.models.indicators import ActualFields, IndicatorFields, TargetFields
from sakip.web.plans.models.region import Region


class RegionGoal(models.Model):
    """Tujuan daerah."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="goals")
    code = models.CharField("kode", max_length=60)
    name = models.TextField("tujuan daerah")
    mission = short(40, verbose_name="kode misi")
    position = position()

    class Meta:
        verbose_name = "tujuan daerah"
        ordering = ["region", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="region_goal_code")]


class RegionObjective(models.Model):
    """Sasaran daerah."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField("kode", max_length=60)
    name = models.TextField("sasaran daerah")
    goal = models.CharField("kode tujuan daerah", max_length=60)
    position = position()

    class Meta:
        verbose_name = "sasaran daerah"
        ordering = ["region", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["region", "code"],
                                               name="region_objective_code")]


class RegionIndicator(IndicatorFields):
    """An IKU Pemda, of a tujuan or sasaran daerah."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="indicators")

    class Meta:
        verbose_name = "IKU Pemda"
        ordering = ["region", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["region", "code"],
                                               name="region_indicator_code")]


class RegionTarget(TargetFields):
    indicator = models.ForeignKey(RegionIndicator, on_delete=models.CASCADE,
                                  related_name="targets")

    class Meta:
        ordering = ["indicator", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year", "period", "month"],
                                               name="region_target_period")]


class RegionActual(ActualFields):
    indicator = models.ForeignKey(RegionIndicator, on_delete=models.CASCADE,
                                  related_name="actuals")

    class Meta:
        ordering = ["indicator", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year", "period", "month"],
                                               name="region_actual_period")]


class Contribution(models.Model):
    """An agency's share in a sasaran daerah (crosscutting), with the indicators measuring it."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="contributions")
    objective = models.CharField("kode sasaran daerah", max_length=60)
    agency = models.CharField("kode perangkat daerah", max_length=60)
    indicators = models.JSONField("kode indikator", default=list, blank=True)
    note = text(verbose_name="catatan")
    position = position()

    class Meta:
        verbose_name = "kontribusi"
        ordering = ["region", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["region", "objective", "agency"],
                                               name="contribution_key")]
