"""Agency-year state, audit entries, evidence files, review notes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip.web.plans.models import Actual, Agency, Region
from sakip.web.plans.models.choices import choices

State = choices("State", [
    ("DRAFT", "draft", _("Draf")),
    ("SUBMITTED", "submitted", _("Diajukan")),
    ("RETURNED", "returned", _("Dikembalikan")),
    ("VERIFIED", "verified", _("Diverifikasi")),
    ("APPROVED", "approved", _("Disetujui (terkunci)")),
])


EDITABLE = (State.DRAFT, State.RETURNED)


class AgencyYear(models.Model):
    """The data of one agency for one year, and where it stands in the workflow."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField("tahun")
    state = models.CharField("status", max_length=10, choices=State.choices, default=State.DRAFT)
    reason = models.TextField("alasan terakhir", blank=True, default="")
    changed_at = models.DateTimeField("diubah", auto_now=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField("direviu", null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    published = models.BooleanField("dipublikasikan", default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="agency_year")]

    @property
    def editable(self) -> bool:
        return self.state in EDITABLE

    @property
    def state_label(self) -> str:
        return str(State(self.state).label)


class AuditEntry(models.Model):
    """One change to one value: who, when, old, new, why. Region-level changes (scales, users)
    have no agency."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="audit")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="audit", null=True,
                               blank=True)
    year = models.PositiveSmallIntegerField("tahun", null=True, blank=True)
    at = models.DateTimeField("waktu", auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             related_name="+")
    key = models.CharField("nilai", max_length=200, db_index=True,
                           help_text="mis. realisasi:IKU-01:2020:0")
    label = models.CharField("uraian", max_length=300, blank=True, default="")
    field = models.CharField("kolom", max_length=60)
    old = models.TextField("lama", null=True, blank=True)
    new = models.TextField("baru", null=True, blank=True)
    reason = models.TextField("alasan", blank=True, default="")
    revision = models.PositiveIntegerField("revisi", null=True, blank=True,
                                           help_text="revisi rencana yang ditulis perubahan ini")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["agency", "revision"], name="audit_agency_revision")]


class Snapshot(models.Model):
    """An approved agency-year, frozen: the plan its figures and report come from, as the
    canonical plan file, with the year's evidence list, hashed and chained to the agency's
    previous snapshot (docs/record.md)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="snapshots")
    year = models.PositiveSmallIntegerField("tahun")
    version = models.PositiveSmallIntegerField("versi")
    at = models.DateTimeField("waktu")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             related_name="+")
    reason = models.TextField("alasan", blank=True, default="")
    revision = models.PositiveIntegerField("revisi rencana")
    plan = models.TextField("rencana (berkas rencana kanonik)")
    evidence = models.JSONField("daftar bukti dukung", default=list)
    previous = models.CharField("SHA-256 snapshot sebelumnya", max_length=64, blank=True,
                                default="")
    sha256 = models.CharField("SHA-256", max_length=64, unique=True)

    class Meta:
        ordering = ["agency", "year", "version"]
        constraints = [models.UniqueConstraint(fields=["agency", "year", "version"],
                                               name="snapshot_version")]


class Evidence(models.Model):
    """A file supporting a realisation (PDF, image, spreadsheet), checked by its content."""

    actual = models.ForeignKey(Actual, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="%Y/%m/")
    name = models.CharField("nama berkas", max_length=200)
    kind = models.CharField("jenis", max_length=10)
    size = models.PositiveIntegerField("ukuran")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+")

    class Meta:
        ordering = ["uploaded_at", "id"]


class ReviewNote(models.Model):
    """A note of the inspectorate (reviu) on an agency-year."""

    agency_year = models.ForeignKey(AgencyYear, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    subject = models.CharField("terkait", max_length=100, blank=True, default="")
    text = models.TextField("catatan")

    class Meta:
        ordering = ["at", "id"]
