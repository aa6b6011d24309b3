"""Performance agreements (PK and its amendments), supporting tables, narrative."""

from __future__ import annotations

from django.db import models

from sakip.web.plans.models import choices
from sakip.web.plans.models.agency import Agency
from sakip.web.plans.models.fields import measure, position, short, text
from sakip.web.plans.models.indicators import Indicator


class AgreementVersion(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="agreements")
    year = models.PositiveSmallIntegerField("tahun")
    number = models.PositiveSmallIntegerField("nomor perubahan", default=0,
                                              help_text="0 = PK awal, 1.. = perubahan")
    kind = models.CharField("jenis", max_length=10, choices=choices.AgreementKind.choices)
    signed = short(10, verbose_name="ditandatangani")
    reason = text(verbose_name="alasan perubahan")
    first_name = short(verbose_name="pihak pertama: nama")
    first_title = short(verbose_name="pihak pertama: jabatan")
    first_rank = short(verbose_name="pihak pertama: pangkat")
    first_nip = short(18, verbose_name="pihak pertama: NIP")
    second_name = short(verbose_name="pihak kedua: nama")
    second_title = short(verbose_name="pihak kedua: jabatan")
    second_rank = short(verbose_name="pihak kedua: pangkat")
    second_nip = short(18, verbose_name="pihak kedua: NIP")
    position = position()

    class Meta:
        verbose_name = "perjanjian kinerja"
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "number"],
                                               name="agreement_number")]


class AgreementItem(models.Model):
    version = models.ForeignKey(AgreementVersion, on_delete=models.CASCADE, related_name="items")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+",
                                  verbose_name="indikator")
    target = measure(verbose_name="target")
    target_text = short(verbose_name="target kualitatif")
    position = position()

    class Meta:
        ordering = ["version", "position", "id"]


class SupportingTable(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="tables")
    code = models.CharField("kode", max_length=80)
    title = models.TextField("judul")
    columns = models.JSONField("kolom", default=list)
    year = models.PositiveSmallIntegerField("tahun", null=True, blank=True)
    subject = short(60, verbose_name="kode terkait")
    source = text(verbose_name="sumber")
    note = text(verbose_name="catatan")
    position = position()

    class Meta:
        verbose_name = "data dukung"
        ordering = ["agency", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="table_code")]


class SupportingCell(models.Model):
    """One cell: a number, a text, or empty."""

    table = models.ForeignKey(SupportingTable, on_delete=models.CASCADE, related_name="cells")
    row = models.PositiveIntegerField()
    column = models.PositiveIntegerField()
    number = measure()
    text = text()

    class Meta:
        ordering = ["table", "row", "column"]
        constraints = [models.UniqueConstraint(fields=["table", "row", "column"], name="cell_at")]


class Narrative(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="narratives")
    kind = models.CharField("jenis", max_length=20, choices=choices.NarrativeKind.choices)
    text = models.TextField("teks", blank=True)
    subject = short(60, verbose_name="kode terkait")
    year = models.PositiveSmallIntegerField("tahun", null=True, blank=True)
    items = models.JSONField("butir", default=list, blank=True)
    position = position()

    class Meta:
        verbose_name = "narasi"
        ordering = ["agency", "position", "id"]
