"""Enumerations as Django choices: the core enums' members and values (:func:`from_core`), with
the Indonesian label of each.

Built with the functional API (:func:`choices`): the members are plain ``str`` values with an
Indonesian label (translated lazily: docs/web.md, "Bahasa"), and the type checker, which does
not know Django, sees them as ``Any``.
"""

from __future__ import annotations

import enum
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from sakip.core import enums, numbers


def choices(name: str, members: list[tuple[str, str, str]]) -> Any:
    """``TextChoices`` named ``name`` from ``(MEMBER, value, label)`` triples (for what the core
    has no enum of: the workflow's states, a revision's subject)."""
    return models.TextChoices(name, [(member, (value, label)) for member, value, label in members])


def from_core(core: type[enum.Enum], labels: dict[str, Any]) -> Any:
    """``TextChoices`` of a core enum: its members and values, with a label for each member."""
    if set(labels) != {member.name for member in core}:
        raise ValueError(f"labels of {core.__name__} do not match its members")
    return models.TextChoices(core.__name__, [(m.name, (m.value, labels[m.name])) for m in core])


RegionKind = from_core(enums.RegionKind, {
    "PROVINCE": _("Provinsi"),
    "REGENCY": _("Kabupaten"),
    "CITY": _("Kota"),
})


Level = from_core(enums.Level, {
    "GOAL": _("Tujuan"),
    "OBJECTIVE": _("Sasaran"),
    "PROGRAM": _("Program"),
    "ACTIVITY": _("Kegiatan"),
})


Polarity = from_core(enums.Polarity, {
    "POSITIVE": _("Positif (makin tinggi makin baik)"),
    "NEGATIVE": _("Negatif (makin rendah makin baik)"),
    "STABILISE": _("Stabil (tepat target / dalam rentang)"),
})


NegativeFormula = from_core(enums.NegativeFormula, {
    "TWO_T_MINUS_R": "(2T − R) / T × 100",
    "T_OVER_R": "T / R × 100",
})


Aggregation = from_core(enums.Aggregation, {
    "SUM": _("Jumlah periode"),
    "LAST": _("Nilai periode terakhir"),
    "MEAN": _("Rata-rata periode"),
    "MAXIMUM": _("Nilai tertinggi"),
    "MINIMUM": _("Nilai terendah"),
})


ActualStatus = from_core(enums.ActualStatus, {
    "FINAL": _("Final"),
    "PROVISIONAL": _("Sementara"),
    "NOT_AVAILABLE": _("Belum tersedia"),
})


IndicatorKind = from_core(enums.IndicatorKind, {
    "INPUT": _("Masukan"),
    "OUTPUT": _("Keluaran"),
    "OUTCOME": _("Hasil"),
    "IMPACT": _("Dampak"),
})


Frequency = from_core(enums.Frequency, {
    "MONTHLY": _("Bulanan"),
    "QUARTERLY": _("Triwulanan"),
    "SEMESTER": _("Semesteran"),
    "YEARLY": _("Tahunan"),
})


AgreementKind = from_core(enums.AgreementKind, {
    "ORIGINAL": _("Perjanjian Kinerja"),
    "AMENDMENT": _("Perubahan Perjanjian Kinerja"),
})


SpendingKind = from_core(enums.SpendingKind, {
    "INDIRECT": _("Belanja Tidak Langsung"),
    "DIRECT": _("Belanja Langsung"),
    "OTHER": _("Lainnya"),
})


NarrativeKind = from_core(enums.NarrativeKind, {
    "PROBLEMS": _("Permasalahan / kendala"),
    "SOLUTIONS": _("Solusi"),
    "STRATEGIES": _("Strategi yang dilakukan"),
    "ANALYSIS": _("Analisis"),
    "STRATEGIC_ISSUES": _("Isu-isu strategis"),
    "LEGAL_BASIS": _("Dasar hukum"),
    "BACKGROUND": _("Latar belakang"),
    "CONCLUSION": _("Kesimpulan"),
    "IMPROVEMENTS": _("Langkah perbaikan"),
    "OTHER": _("Lainnya"),
})


ScaleKind = from_core(enums.ScaleKind, {
    "PREDICATE": _("Predikat"),
    "CATEGORY": _("Kategori"),
})


Closed = from_core(enums.Closed, {
    "LEFT": "[bawah, atas)",
    "RIGHT": "(bawah, atas]",
    "BOTH": "[bawah, atas]",
})


RoundingMode = from_core(numbers.RoundingMode, {
    "HALF_UP": _("Setengah ke atas"),
    "TRUNCATE": _("Potong (laporan lama)"),
})


RevisionSubject = choices("RevisionSubject", [
    ("RENSTRA", "renstra", _("Renstra")),
    ("IKU", "iku", _("IKU")),
])
