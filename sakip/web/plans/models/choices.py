"""Enumerations as Django choices. Each value is the core enum's value (a test checks it).

Built with the functional API (:func:`choices`): the members are plain ``str`` values with an
Indonesian label (translated lazily: docs/web.md, "Bahasa"), and the type checker, which does
not know Django, sees them as ``Any``.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


def choices(name: str, members: list[tuple[str, str, str]]) -> Any:
    """``TextChoices`` named ``name`` from ``(MEMBER, value, label)`` triples."""
    return models.TextChoices(name, [(member, (value, label)) for member, value, label in members])


RegionKind = choices("RegionKind", [
    ("PROVINCE", "province", _("Provinsi")),
    ("REGENCY", "regency", _("Kabupaten")),
    ("CITY", "city", _("Kota")),
])


Level = choices("Level", [
    ("GOAL", "goal", _("Tujuan")),
    ("OBJECTIVE", "objective", _("Sasaran")),
    ("PROGRAM", "program", _("Program")),
    ("ACTIVITY", "activity", _("Kegiatan")),
])


Polarity = choices("Polarity", [
    ("POSITIVE", "positive", _("Positif (makin tinggi makin baik)")),
    ("NEGATIVE", "negative", _("Negatif (makin rendah makin baik)")),
    ("STABILISE", "stabilise", _("Stabil (tepat target / dalam rentang)")),
])


NegativeFormula = choices("NegativeFormula", [
    ("TWO_T_MINUS_R", "2t-r", "(2T − R) / T × 100"),
    ("T_OVER_R", "t/r", "T / R × 100"),
])


Aggregation = choices("Aggregation", [
    ("CUMULATIVE", "cumulative", _("Kumulatif (jumlah triwulan)")),
    ("LAST", "last", _("Nilai triwulan terakhir")),
    ("AVERAGE", "average", _("Rata-rata triwulan")),
])


ActualStatus = choices("ActualStatus", [
    ("FINAL", "final", _("Final")),
    ("PROVISIONAL", "provisional", _("Sementara")),
    ("NOT_AVAILABLE", "not_available", _("Belum tersedia")),
])


IndicatorKind = choices("IndicatorKind", [
    ("INPUT", "input", _("Masukan")),
    ("OUTPUT", "output", _("Keluaran")),
    ("OUTCOME", "outcome", _("Hasil")),
    ("IMPACT", "impact", _("Dampak")),
])


AgreementKind = choices("AgreementKind", [
    ("ORIGINAL", "original", _("Perjanjian Kinerja")),
    ("AMENDMENT", "amendment", _("Perubahan Perjanjian Kinerja")),
])


SpendingKind = choices("SpendingKind", [
    ("INDIRECT", "indirect", _("Belanja Tidak Langsung")),
    ("DIRECT", "direct", _("Belanja Langsung")),
    ("OTHER", "other", _("Lainnya")),
])


NarrativeKind = choices("NarrativeKind", [
    ("PROBLEMS", "problems", _("Permasalahan / kendala")),
    ("SOLUTIONS", "solutions", _("Solusi")),
    ("STRATEGIES", "strategies", _("Strategi yang dilakukan")),
    ("ANALYSIS", "analysis", _("Analisis")),
    ("STRATEGIC_ISSUES", "strategic_issues", _("Isu-isu strategis")),
    ("LEGAL_BASIS", "legal_basis", _("Dasar hukum")),
    ("BACKGROUND", "background", _("Latar belakang")),
    ("CONCLUSION", "conclusion", _("Kesimpulan")),
    ("IMPROVEMENTS", "improvements", _("Langkah perbaikan")),
    ("OTHER", "other", _("Lainnya")),
])


ScaleKind = choices("ScaleKind", [
    ("PREDICATE", "predicate", _("Predikat")),
    ("CATEGORY", "category", _("Kategori")),
])


Closed = choices("Closed", [
    ("LEFT", "left", "[bawah, atas)"),
    ("RIGHT", "right", "(bawah, atas]"),
])


RoundingMode = choices("RoundingMode", [
    ("HALF_UP", "half_up", _("Setengah ke atas")),
    ("TRUNCATE", "truncate", _("Potong (laporan lama)")),
])


RevisionSubject = choices("RevisionSubject", [
    ("RENSTRA", "renstra", _("Renstra")),
    ("IKU", "iku", _("IKU")),
])
