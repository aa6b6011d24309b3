"""Agency (Perangkat Daerah), its units, and its strategic plan with the measurement settings."""

from __future__ import annotations

from django.db import models

from sakip.web.plans.models import choices
from sakip.web.plans.models.fields import measure, position, short, text
from sakip.web.plans.models.region import Region, restamp


class Agency(models.Model):
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="agencies")
    code = models.SlugField("kode", max_length=60)
    name = models.CharField("nama", max_length=300)
    short_name = short(60, verbose_name="singkatan")
    address = text(verbose_name="alamat")
    phone = short(60, verbose_name="telepon")
    legal_basis_of_organisation = text(verbose_name="dasar hukum organisasi")
    position_text = text(verbose_name="kedudukan")
    task = text(verbose_name="tugas")
    functions = models.JSONField("fungsi", default=list, blank=True)
    head_name = short(verbose_name="nama kepala")
    head_title = short(verbose_name="jabatan kepala")
    head_rank = short(verbose_name="pangkat/golongan kepala")
    head_nip = short(18, verbose_name="NIP kepala")
    demo = models.BooleanField("data demo", default=False)
    # The write path (sakip.web.plans.write) counts every change of the agency's plan; a page
    # carries the revision it shows. ``stamp`` is new at every write: the key of cached plans.
    revision = models.PositiveIntegerField("revisi", default=0)
    stamp = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        ordering = ["region", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="agency_code")]

    def __str__(self) -> str:
        return self.short_name or self.name


def touch_agency(agency: Agency | int) -> str:
    """Give the agency a new stamp without a new revision: a writer of what is counted beside
    the plan (evidence files) calls this in its transaction, so no completeness or page kept
    under the old stamp is shown again. The plan's own writer (``plans.write``) stamps as it
    counts the revision. The new stamp."""
    return restamp(Agency, agency)


class Unit(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="units")
    code = models.CharField("kode", max_length=60)
    name = models.CharField("nama", max_length=300)
    task = text(verbose_name="tugas")
    functions = models.JSONField("fungsi", default=list, blank=True)
    parent = short(60, verbose_name="kode unit induk")
    head_name = short(verbose_name="nama kepala unit")
    head_title = short(verbose_name="jabatan kepala unit")
    head_rank = short(verbose_name="pangkat kepala unit")
    head_nip = short(18, verbose_name="NIP kepala unit")
    position = position()

    class Meta:
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="unit_code")]


class StrategicPlan(models.Model):
    """Renstra, and how the agency's figures are computed (the core Settings)."""

    agency = models.OneToOneField(Agency, on_delete=models.CASCADE, related_name="strategic_plan")
    name = models.CharField("nama", max_length=300)
    start = models.PositiveSmallIntegerField("tahun awal")
    end = models.PositiveSmallIntegerField("tahun akhir")
    baseline_year = models.PositiveSmallIntegerField("tahun data awal", null=True, blank=True)
    rounding = models.CharField("pembulatan", max_length=10, choices=choices.RoundingMode.choices,
                                default=choices.RoundingMode.HALF_UP)
    achievement_places = models.PositiveSmallIntegerField("desimal capaian", default=2)
    negative_formula = models.CharField("rumus indikator negatif", max_length=5,
                                        choices=choices.NegativeFormula.choices,
                                        default=choices.NegativeFormula.TWO_T_MINUS_R)
    cap = measure(verbose_name="batas capaian saat merata-rata")
    absorption_threshold = models.DecimalField("ambang serapan (%)", max_digits=24,
                                               decimal_places=6, default=80)
    predicate_scale = models.CharField("skala predikat", max_length=80,
                                       default="predikat-permenpan")
    category_scale = models.CharField("skala kategori", max_length=80,
                                      default="kategori-permendagri-54-2010")
    absorption_places = models.PositiveSmallIntegerField("desimal serapan", null=True, blank=True)
    qualitative_in_means = models.BooleanField("kualitatif tercapai dihitung 100", default=False)
    off_track_below = models.DecimalField(
        "batas capaian periode rendah (%)", max_digits=24, decimal_places=6, default=80,
        help_text="capaian triwulan/bulan di bawahnya wajib diberi faktor penghambat")
    well_above = models.DecimalField(
        "batas capaian periode tinggi (%)", max_digits=24, decimal_places=6, default=120,
        help_text="capaian triwulan/bulan di atasnya wajib diberi faktor pendorong")

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)


class Revision(models.Model):
    plan = models.ForeignKey(StrategicPlan, on_delete=models.CASCADE, related_name="revisions")
    date = models.CharField("tanggal", max_length=10)
    subject = models.CharField("pokok", max_length=10, choices=choices.RevisionSubject.choices)
    reference = text(verbose_name="dasar")
    note = text(verbose_name="catatan")
    position = position()

    class Meta:
        ordering = ["plan", "position", "id"]
