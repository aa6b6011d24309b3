"""Region (Pemerintah Daerah) with its RPJMD missions and its achievement scales (the rest of
its RPJMD: ``rpjmd.py``)."""

from __future__ import annotations

from django.db import models

from sakip.web.plans.models import choices
from sakip.web.plans.models.fields import measure, position, short, text


class Region(models.Model):
    name = models.CharField("nama", max_length=200)
    kind = models.CharField("jenis", max_length=20, choices=choices.RegionKind.choices)
    head_title = models.CharField("jabatan kepala daerah", max_length=100, default="Bupati")
    head_name = short(verbose_name="nama kepala daerah")
    rpjmd_start = models.PositiveSmallIntegerField("RPJMD mulai", null=True, blank=True)
    rpjmd_end = models.PositiveSmallIntegerField("RPJMD selesai", null=True, blank=True)
    vision = text(verbose_name="visi")
    # New (a uuid) at every write of the region's records or scales, in the writer's
    # transaction: with the agency's stamp, the key of cached plans, measurements and pages
    # (sakip.web.measuring). Empty: nothing of the region is cached.
    stamp = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"

    def __str__(self) -> str:
        return self.name


def restamp(model: type[models.Model], row: models.Model | int) -> str:
    """Give ``row`` (a region or an agency, or its key) a new ``stamp`` in the database and on
    the object, so nothing cached under its old stamp is used again. The new stamp."""
    import uuid

    stamp = uuid.uuid4().hex
    pk = row if isinstance(row, int) else row.pk
    model.objects.filter(pk=pk).update(stamp=stamp)  # type: ignore[attr-defined]
    if not isinstance(row, int):
        row.stamp = stamp  # type: ignore[attr-defined]
    return stamp


def touch_region(region: Region | int) -> str:
    """Give the region a new stamp (every writer of its records and scales, and of the periods
    its year is followed by, calls this in its transaction). The new stamp."""
    return restamp(Region, region)


class Mission(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="missions")
    code = models.CharField("kode", max_length=40)
    text = models.TextField("misi")
    position = position()

    class Meta:
        ordering = ["region", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="mission_code")]


class Scale(models.Model):
    """An achievement scale of the region (Tabel 3.1, 3.2, Permendagri 86/2017 …)."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="scales")
    code = models.CharField("kode", max_length=80)
    name = models.CharField("nama", max_length=200)
    kind = models.CharField("jenis", max_length=20, choices=choices.ScaleKind.choices)
    closed = models.CharField("interval tertutup", max_length=10, choices=choices.Closed.choices)
    source = text(verbose_name="sumber")
    position = position()

    class Meta:
        ordering = ["region", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["region", "code"], name="scale_code")]

    def __str__(self) -> str:
        return self.name


class Band(models.Model):
    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="bands")
    label = models.CharField("label", max_length=100)
    label_en = short(100, verbose_name="label (Inggris)")
    lower = measure(verbose_name="batas bawah")
    upper = measure(verbose_name="batas atas")
    exactly = measure(verbose_name="tepat")
    color = short(7, verbose_name="warna")
    closed = models.CharField("interval tertutup", max_length=10, choices=choices.Closed.choices,
                              null=True, blank=True, help_text="kosong: seperti skalanya")
    position = position()

    class Meta:
        ordering = ["scale", "position", "id"]
