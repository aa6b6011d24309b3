"""Agency-year state, audit entries, evidence files, review notes, the review's findings and
their follow-up."""

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
    # The same file supporting more realisations of the agency's year (a bulk upload linked to
    # several indicators): ``actual`` is the first, these the others.
    links = models.ManyToManyField(Actual, related_name="linked_evidence", blank=True,
                                   verbose_name="juga mendukung")

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


class ReviewReply(models.Model):
    """The agency's reply (its operator or head) to a note of the inspectorate, shown under it."""

    note = models.ForeignKey(ReviewNote, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                               related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    text = models.TextField("balasan")

    class Meta:
        ordering = ["at", "id"]


FindingStatus = choices("FindingStatus", [
    ("PENDING", "pending", _("Belum dikonfirmasi")),
    ("CONFIRMED", "confirmed", _("Dikonfirmasi")),
    ("DISMISSED", "dismissed", _("Ditolak")),
])

FollowUpStatus = choices("FollowUpStatus", [
    ("OPEN", "open", _("Belum ditindaklanjuti")),
    ("IN_PROGRESS", "in_progress", _("Dalam proses")),
    ("CLOSED", "closed", _("Selesai")),
])


class ReviewTeam(models.Model):
    """The review team of an agency-year, as the working papers name it."""

    agency_year = models.OneToOneField(AgencyYear, on_delete=models.CASCADE,
                                       related_name="review_team")
    number = models.CharField("nomor KKR", max_length=100, blank=True, default="")
    members = models.TextField("anggota tim (satu per baris)", blank=True, default="")
    lead = models.CharField("ketua tim", max_length=200, blank=True, default="")
    supervisor = models.CharField("pengendali teknis", max_length=200, blank=True, default="")
    inspector = models.CharField("inspektur", max_length=200, blank=True, default="")
    inspector_nip = models.CharField("NIP inspektur", max_length=30, blank=True, default="")
    place = models.CharField("tempat", max_length=100, blank=True, default="")


class ReviewFinding(models.Model):
    """A finding of the review the inspectorate decided on or added, or the agency answered.

    An automated finding is stored (with what it said) once someone acts on it, under its key
    (code, place, expected and found: ``sakip.review.findings.Finding.key``), so a decision
    survives a re-run while the finding is unchanged; the team's own findings have ``own``.
    """

    agency_year = models.ForeignKey(AgencyYear, on_delete=models.CASCADE,
                                    related_name="review_findings")
    key = models.CharField("kunci", max_length=120)
    own = models.BooleanField("temuan tim", default=False)
    code = models.CharField("kode", max_length=60)
    severity = models.CharField("tingkat", max_length=10)
    location = models.CharField("lokasi", max_length=300, blank=True, default="")
    kondisi = models.TextField("kondisi")
    kriteria = models.TextField("kriteria", blank=True, default="")
    rekomendasi = models.TextField("rekomendasi", blank=True, default="")
    expected = models.CharField("seharusnya", max_length=300, blank=True, default="")
    found = models.CharField("tertulis", max_length=300, blank=True, default="")
    status = models.CharField("status", max_length=10, choices=FindingStatus.choices,
                              default=FindingStatus.PENDING)
    reason = models.TextField("alasan ditolak", blank=True, default="")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField("diputuskan", null=True, blank=True)
    answer = models.TextField("tanggapan OPD", blank=True, default="")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField("ditanggapi", null=True, blank=True)
    follow_up = models.CharField("tindak lanjut", max_length=12, choices=FollowUpStatus.choices,
                                 blank=True, default="")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["agency_year", "key"],
                                               name="review_finding_key")]


class FollowUpStep(models.Model):
    """One step of a recommendation's follow-up (tindak lanjut): who, when, what, new status."""

    finding = models.ForeignKey(ReviewFinding, on_delete=models.CASCADE,
                                related_name="follow_ups")
    status = models.CharField("status", max_length=12, choices=FollowUpStatus.choices)
    text = models.TextField("uraian")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                           related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
