"""The cascade: goals, objectives, strategies, programs, activities."""

from __future__ import annotations

from django.db import models

from sakip.web.plans.models.agency import Agency
from sakip.web.plans.models.fields import position, short, text


class Goal(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="goals")
    code = models.CharField("kode", max_length=60)
    name = models.TextField("tujuan")
    mission = short(40, verbose_name="kode misi")
    serves = models.JSONField("sasaran daerah yang didukung", default=list, blank=True)
    position = position()

    class Meta:
        verbose_name = "tujuan"
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="goal_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Objective(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="objectives")
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="objectives",
                             verbose_name="tujuan")
    code = models.CharField("kode", max_length=60)
    name = models.TextField("sasaran")
    serves = models.JSONField("sasaran daerah yang didukung", default=list, blank=True)
    position = position()

    class Meta:
        verbose_name = "sasaran"
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="objective_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Strategy(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="strategies")
    code = models.CharField("kode", max_length=60)
    text = models.TextField("strategi")
    objectives = models.JSONField("kode sasaran", default=list, blank=True)
    policies = models.JSONField("arah kebijakan", default=list, blank=True)
    position = position()

    class Meta:
        verbose_name = "strategi"
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="strategy_code")]


class Program(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="programs")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="programs", verbose_name="sasaran")
    code = models.CharField("kode", max_length=60)
    name = models.TextField("program")
    unit = short(60, verbose_name="kode unit")
    position = position()

    class Meta:
        verbose_name = "program"
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="program_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Activity(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="activities")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="activities",
                                verbose_name="program")
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name="kegiatan induk")
    code = models.CharField("kode", max_length=60)
    name = models.TextField("kegiatan")
    output = text(verbose_name="keluaran")
    outcome = text(verbose_name="hasil")
    unit = short(60, verbose_name="kode unit")
    position = position()

    class Meta:
        verbose_name = "kegiatan"
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="activity_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
