"""Enumerations as Django choices. Each value is the core enum's value (a test checks it).

Built with the functional API (:func:`choices`): the members are plain ``str`` values with an
Indonesian label, and the type checker, which does not know Django, sees them as ``Any``.
"""

from __future__ import annotations

from typing import Any

from django.db import models


def choices(name: str, members: list[tuple[str, str, str]]) -> Any:
    """``TextChoices`` named ``name`` from ``(MEMBER, value, label)`` triples."""
    return models.TextChoices(name, [(member, (value, label)) for member, value, label in members])


RegionKind = choices("RegionKind", [
    ("PROVINCE", "province", "Provinsi"),
    ("REGENCY", "regency", "Kabupaten"),
    ("CITY", "city", "Kota"),
])


Level = choices("Level", [
    ("GOAL", "goal", "Tujuan"),
    ("OBJECTIVE", "objective", "Sasaran"),
    ("PROGRAM", "program", "Program"),
    ("ACTIVITY", "activity", "Kegiatan"),
])


Polarity = choices("Polarity", [
    ("POSITIVE", "positive", "Positif (makin tinggi makin baik)"),
    ("NEGATIVE", "negative", "Negatif (makin rendah makin baik)"),
    ("STABILISE", "stabilise", "Stabil (tepat target / dalam rentang)"),
])


NegativeFormula = choices("NegativeFormula", [
    ("TWO_T_MINUS_R", "2t-r", "(2T − R) / T × 100"),
    ("T_OVER_R", "t/r", "T / R × 100"),
])


Aggregation = choices("Aggregation", [
    ("CUMULATIVE", "cumulative", "Kumulatif (jumlah triwulan)"),
    ("LAST", "last", "Nilai triwulan terakhir"),
    ("AVERAGE", "average", "Rata-rata triwulan"),
])


ActualStatus = choices("ActualStatus", [
    ("FINAL", "final", "Final"),
    ("PROVISIONAL", "provisional", "Sementara"),
    ("NOT_AVAILABLE", "not_available", "Belum tersedia"),
])


IndicatorKind = choices("IndicatorKind", [
    ("INPUT", "input", "Masukan"),
    ("OUTPUT", "output", "Keluaran"),
    ("OUTCOME", "outcome", "Hasil"),
    ("IMPACT", "impact", "Dampak"),
])


AgreementKind = choices("AgreementKind", [
    ("ORIGINAL", "original", "Perjanjian Kinerja"),
    ("AMENDMENT", "amendment", "Perubahan Perjanjian Kinerja"),
])


SpendingKind = choices("SpendingKind", [
    ("INDIRECT", "indirect", "Belanja Tidak Langsung"),
    ("DIRECT", "direct", "Belanja Langsung"),
    ("OTHER", "other", "Lainnya"),
])


NarrativeKind = choices("NarrativeKind", [
    ("PROBLEMS", "problems", "Permasalahan / kendala"),
    ("SOLUTIONS", "solutions", "Solusi"),
    ("STRATEGIES", "strategies", "Strategi yang dilakukan"),
    ("ANALYSIS", "analysis", "Analisis"),
    ("STRATEGIC_ISSUES", "strategic_issues", "Isu-isu strategis"),
    ("LEGAL_BASIS", "legal_basis", "Dasar hukum"),
    ("BACKGROUND", "background", "Latar belakang"),
    ("CONCLUSION", "conclusion", "Kesimpulan"),
    ("IMPROVEMENTS", "improvements", "Langkah perbaikan"),
    ("OTHER", "other", "Lainnya"),
])


ScaleKind = choices("ScaleKind", [
    ("PREDICATE", "predicate", "Predikat"),
    ("CATEGORY", "category", "Kategori"),
])


Closed = choices("Closed", [
    ("LEFT", "left", "[bawah, atas)"),
    ("RIGHT", "right", "(bawah, atas]"),
])


RoundingMode = choices("RoundingMode", [
    ("HALF_UP", "half_up", "Setengah ke atas"),
    ("TRUNCATE", "truncate", "Potong (laporan lama)"),
])


RevisionSubject = choices("RevisionSubject", [
    ("RENSTRA", "renstra", "Renstra"),
    ("IKU", "iku", "IKU"),
])
