"""Indicators with their semantics, targets per year, realisations per period, raw data series."""

from __future__ import annotations

from django.db import models

from sakip.web.plans.models import choices
from sakip.web.plans.models.agency import Agency
from sakip.web.plans.models.fields import measure, position, short
from sakip.web.plans.models.fields import text as long_text

ANNUAL = 0  # ``period`` of the whole year (1..4 are quarters); ``month`` 0: no month (1..12)


class IndicatorFields(models.Model):
    """The columns of an indicator, an agency's (:class:`Indicator`) or the region's IKU Pemda
    (``region.RegionIndicator``)."""

    code = models.CharField("kode", max_length=60)
    name = models.TextField("indikator")
    level = models.CharField("tingkat", max_length=10, choices=choices.Level.choices)
    owner = models.CharField("kode pemilik", max_length=60,
                             help_text="kode tujuan, sasaran, program atau kegiatan")
    unit = short(100, verbose_name="satuan")
    precision = models.PositiveSmallIntegerField("desimal realisasi", default=2)
    polarity = models.CharField("polaritas", max_length=10, choices=choices.Polarity.choices,
                                default=choices.Polarity.POSITIVE)
    negative_formula = models.CharField("rumus negatif", max_length=5, null=True, blank=True,
                                        choices=choices.NegativeFormula.choices,
                                        help_text="kosong: ikut pengaturan perangkat daerah")
    aggregation = models.CharField("penggabungan periode", max_length=12,
                                   choices=choices.Aggregation.choices,
                                   default=choices.Aggregation.LAST)
    cap = measure(verbose_name="batas capaian")
    over_years = models.CharField("penggabungan tahun", max_length=12,
                                  choices=choices.Aggregation.choices,
                                  default=choices.Aggregation.LAST)
    formula = long_text(verbose_name="rumus realisasi")
    definition = long_text(verbose_name="definisi")
    data_source = long_text(verbose_name="sumber data")
    calculation = long_text(verbose_name="cara perhitungan")
    rationale = long_text(verbose_name="alasan pemilihan")
    frequency = models.CharField("frekuensi pengukuran", max_length=10, null=True, blank=True,
                                 choices=choices.Frequency.choices)
    responsible = short(verbose_name="penanggung jawab")
    key = models.BooleanField("IKU", default=False)
    kind = models.CharField("jenis", max_length=10, null=True, blank=True,
                            choices=choices.IndicatorKind.choices)
    levels = models.JSONField("tingkatan kualitatif", default=list, blank=True)
    baseline_year = models.PositiveSmallIntegerField("tahun data awal", null=True, blank=True)
    baseline_value = measure(verbose_name="data awal")
    baseline_text = short(verbose_name="data awal (teks)")
    position = position()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Indicator(IndicatorFields):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="indicators")

    class Meta:
        verbose_name = "indikator"
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="indicator_code")]


class TargetFields(models.Model):
    """The columns of a target of a year or of a quarter or month of it."""

    year = models.PositiveSmallIntegerField("tahun")
    value = measure(verbose_name="target")
    text = short(verbose_name="target kualitatif")
    upper = measure(verbose_name="batas atas rentang")
    period = models.PositiveSmallIntegerField("triwulan", default=ANNUAL,
                                              help_text="0 = setahun, 1..4 = triwulan")
    month = models.PositiveSmallIntegerField("bulan", default=ANNUAL,
                                             help_text="0 = bukan bulan, 1..12 = bulan")
    note = long_text(verbose_name="catatan")
    position = position()

    class Meta:
        abstract = True


class Target(TargetFields):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")

    class Meta:
        ordering = ["indicator", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year", "period", "month"],
                                               name="target_period")]


class ActualFields(models.Model):
    """The columns of a realisation of a year or of a quarter or month of it."""

    year = models.PositiveSmallIntegerField("tahun")
    period = models.PositiveSmallIntegerField("periode", default=ANNUAL,
                                              help_text="0 = setahun, 1..4 = triwulan")
    value = measure(verbose_name="realisasi")
    text = short(verbose_name="realisasi kualitatif")
    status = models.CharField("status", max_length=15, choices=choices.ActualStatus.choices,
                              default=choices.ActualStatus.FINAL)
    reason = long_text(verbose_name="alasan")
    expected = short(10, verbose_name="perkiraan tersedia")
    note = long_text(verbose_name="catatan")
    month = models.PositiveSmallIntegerField("bulan", default=ANNUAL,
                                             help_text="0 = bukan bulan, 1..12 = bulan")
    obstacles = long_text(verbose_name="faktor penghambat")
    follow_up = long_text(verbose_name="rencana tindak lanjut")
    drivers = long_text(verbose_name="faktor pendorong")
    position = position()

    class Meta:
        abstract = True

    @property
    def quarter(self) -> int | None:
        return None if self.period == ANNUAL else self.period


class Actual(ActualFields):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="actuals")

    class Meta:
        ordering = ["indicator", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year", "period", "month"],
                                               name="actual_period_month")]


class Series(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="series")
    code = models.CharField("kode", max_length=60)
    name = models.TextField("nama")
    unit = short(100, verbose_name="satuan")
    source = long_text(verbose_name="sumber")
    position = position()

    class Meta:
        verbose_name = "data dasar"
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="series_code")]


class SeriesValue(models.Model):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField("tahun")
    value = models.DecimalField("nilai", max_digits=24, decimal_places=6)

    class Meta:
        ordering = ["series", "year"]
        constraints = [models.UniqueConstraint(fields=["series", "year"], name="series_year")]
