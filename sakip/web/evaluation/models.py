"""The yearly SAKIP evaluation of an agency-year as it is worked on: the evaluation and its
stage, each party's answer per criterion (and per sub-component, the grade claimed beyond BB),
the disagreement round, the recommendations and their follow-up in the next year's evaluation.

The worksheet itself is data (``sakip/data/lke``, :func:`sakip.io.lke_file.load_lke`); scores are
never stored: :mod:`sakip.core.lke` computes them from these answers each time. Every change goes
through :mod:`sakip.web.evaluation.write`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip.web.plans.models.choices import choices
from sakip.web.workflow.models import AgencyYear, Evidence

DEFAULT_VERSION = "permenpanrb-88-2021"

Stage = choices("Stage", [
    ("SELF", "self", _("Penilaian mandiri")),
    ("EVALUATION", "evaluation", _("Evaluasi")),
    ("AGREEMENT", "agreement", _("Putaran ketidaksepakatan")),
    ("FINAL", "final", _("Final")),
])

Party = choices("Party", [
    ("AGENCY", "agency", _("Perangkat daerah")),
    ("EVALUATOR", "evaluator", _("Evaluator")),
])

Response = choices("Response", [
    ("AGREE", "agree", _("Setuju")),
    ("DISAGREE", "disagree", _("Tidak setuju")),
])


class Evaluation(models.Model):
    """The evaluation of one agency-year with one version of the worksheet, and where it
    stands: self-assessment → evaluation → agreement round → final."""

    agency_year = models.OneToOneField(AgencyYear, on_delete=models.CASCADE,
                                       related_name="lke")
    version = models.CharField("versi LKE", max_length=90, default=DEFAULT_VERSION)
    stage = models.CharField("tahap", max_length=12, choices=Stage.choices, default=Stage.SELF)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    submitted_at = models.DateTimeField("dikirim ke evaluator", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+")
    round_at = models.DateTimeField("putaran ketidaksepakatan dimulai", null=True, blank=True)
    round_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+")
    final_at = models.DateTimeField("hasil akhir ditetapkan", null=True, blank=True)
    final_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                 null=True, blank=True, related_name="+")

    @property
    def stage_label(self) -> str:
        return str(Stage(self.stage).label)


class Answer(models.Model):
    """One party's answer to one criterion (``code`` 1.a.3), or the grade it claims for a
    sub-component (``code`` 1.a, ``claim``), with its evidence: a note, links (one a line) and
    the record's evidence files."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="answers")
    code = models.CharField("kriteria", max_length=20)
    party = models.CharField("pihak", max_length=10, choices=Party.choices)
    claim = models.BooleanField("klaim nilai sub-komponen", default=False)
    answer = models.CharField("jawaban", max_length=10, blank=True, default="")
    note = models.TextField("bukti dukung / catatan", blank=True, default="")
    links = models.TextField("tautan bukti (satu per baris)", blank=True, default="")
    evidence = models.ManyToManyField(Evidence, blank=True, related_name="+")
    changed_at = models.DateTimeField("diubah", auto_now=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "code", "party"],
                                               name="lke_answer_party")]


class Disagreement(models.Model):
    """A criterion (or claim) the two parties answered differently when the agreement round
    began: the agency agrees or disagrees with its reason, the evaluator decides."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE,
                                   related_name="disagreements")
    code = models.CharField("kriteria", max_length=20)
    agency_answer = models.CharField("jawaban perangkat daerah", max_length=10)
    evaluator_answer = models.CharField("jawaban evaluator", max_length=10)
    response = models.CharField("tanggapan", max_length=10, choices=Response.choices, blank=True,
                                default="")
    reason = models.TextField("alasan", blank=True, default="")
    responded_at = models.DateTimeField("ditanggapi", null=True, blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+")
    decision = models.CharField("keputusan evaluator", max_length=10, blank=True, default="")
    decision_note = models.TextField("catatan keputusan", blank=True, default="")
    decided_at = models.DateTimeField("diputuskan", null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "code"],
                                               name="lke_disagreement_code")]


class Recommendation(models.Model):
    """A recommendation of the evaluation on one component (the LHE prints them)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE,
                                   related_name="recommendations")
    component = models.CharField("komponen", max_length=20)
    text = models.TextField("rekomendasi")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["component", "id"]


class FollowUp(models.Model):
    """Whether the next year's evaluation found a recommendation followed up: it belongs to that
    evaluation (the one that recommended is final and does not change)."""

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE,
                                   related_name="follow_ups")
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE,
                                       related_name="follow_ups")
    followed = models.BooleanField("ditindaklanjuti", null=True, blank=True)
    note = models.TextField("catatan", blank=True, default="")
    changed_at = models.DateTimeField("diubah", auto_now=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "recommendation"],
                                               name="lke_follow_up")]
