"""Indonesian labels of every enumerated column, and reading them back.

The workbook shows the Indonesian label (``Negatif``) in a drop-down list; the importer also
accepts the stable value used in plan files (``negative``), in any letter case.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from sakip.core.enums import (
    FORMER_SPELLINGS,
    ActualStatus,
    Aggregation,
    AgreementKind,
    Closed,
    Frequency,
    IndicatorKind,
    Level,
    NarrativeKind,
    NegativeFormula,
    Polarity,
    RegionKind,
    RevisionSubject,
    ScaleKind,
    SpendingKind,
)
from sakip.core.numbers import RoundingMode

LABELS: Mapping[type[enum.Enum], Mapping[enum.Enum, str]] = {
    RegionKind: {
        RegionKind.PROVINCE: "Provinsi",
        RegionKind.REGENCY: "Kabupaten",
        RegionKind.CITY: "Kota",
    },
    Level: {
        Level.GOAL: "Tujuan",
        Level.OBJECTIVE: "Sasaran",
        Level.PROGRAM: "Program",
        Level.ACTIVITY: "Kegiatan",
    },
    Polarity: {
        Polarity.POSITIVE: "Positif",
        Polarity.NEGATIVE: "Negatif",
        Polarity.STABILISE: "Stabil",
    },
    NegativeFormula: {
        NegativeFormula.TWO_T_MINUS_R: "2T-R",
        NegativeFormula.T_OVER_R: "T/R",
    },
    Aggregation: {
        Aggregation.SUM: "Jumlah",
        Aggregation.LAST: "Nilai terakhir",
        Aggregation.MEAN: "Rata-rata",
        Aggregation.MAXIMUM: "Tertinggi",
        Aggregation.MINIMUM: "Terendah",
    },
    ActualStatus: {
        ActualStatus.FINAL: "Final",
        ActualStatus.PROVISIONAL: "Sementara",
        ActualStatus.NOT_AVAILABLE: "Belum tersedia",
    },
    IndicatorKind: {
        IndicatorKind.INPUT: "Input",
        IndicatorKind.OUTPUT: "Output",
        IndicatorKind.OUTCOME: "Outcome",
        IndicatorKind.IMPACT: "Dampak",
    },
    Frequency: {
        Frequency.MONTHLY: "Bulanan",
        Frequency.QUARTERLY: "Triwulanan",
        Frequency.SEMESTER: "Semesteran",
        Frequency.YEARLY: "Tahunan",
    },
    AgreementKind: {
        AgreementKind.ORIGINAL: "Awal",
        AgreementKind.AMENDMENT: "Perubahan",
    },
    SpendingKind: {
        SpendingKind.INDIRECT: "Belanja Tidak Langsung",
        SpendingKind.DIRECT: "Belanja Langsung",
        SpendingKind.OTHER: "Lainnya",
    },
    NarrativeKind: {
        NarrativeKind.PROBLEMS: "Permasalahan",
        NarrativeKind.SOLUTIONS: "Solusi",
        NarrativeKind.STRATEGIES: "Strategi",
        NarrativeKind.ANALYSIS: "Analisis",
        NarrativeKind.STRATEGIC_ISSUES: "Isu strategis",
        NarrativeKind.LEGAL_BASIS: "Dasar hukum",
        NarrativeKind.BACKGROUND: "Latar belakang",
        NarrativeKind.CONCLUSION: "Kesimpulan",
        NarrativeKind.IMPROVEMENTS: "Langkah perbaikan",
        NarrativeKind.OTHER: "Lainnya",
    },
    ScaleKind: {
        ScaleKind.PREDICATE: "Predikat",
        ScaleKind.CATEGORY: "Kategori",
    },
    Closed: {
        Closed.LEFT: "Kiri",
        Closed.RIGHT: "Kanan",
        Closed.BOTH: "Kedua ujung",
    },
    RoundingMode: {
        RoundingMode.HALF_UP: "Setengah ke atas",
        RoundingMode.TRUNCATE: "Potong",
    },
    RevisionSubject: {
        RevisionSubject.RENSTRA: "Renstra",
        RevisionSubject.IKU: "IKU",
    },
}


def _normal(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


def _lookup(enum_type: type[enum.Enum]) -> dict[str, enum.Enum]:
    table: dict[str, enum.Enum] = {}
    for member in enum_type:
        table[_normal(str(member.value))] = member
        table[_normal(LABELS[enum_type][member])] = member
    for spelling, member in FORMER_SPELLINGS.get(enum_type, {}).items():
        table.setdefault(_normal(spelling), member)
    if enum_type is Aggregation:
        table.setdefault(_normal("Kumulatif"), Aggregation.SUM)  # the label of sakip-plan/1
    return table


_LOOKUP = {enum_type: _lookup(enum_type) for enum_type in LABELS}


def label(member: enum.Enum) -> str:
    """The Indonesian label shown in the workbook."""
    return LABELS[type(member)][member]


def labels(enum_type: type[enum.Enum]) -> tuple[str, ...]:
    return tuple(LABELS[enum_type].values())


def parse_choice(enum_type: type[enum.Enum], text: str) -> enum.Enum | None:
    """The member named by its label or its stable value; None when it names none."""
    return _LOOKUP[enum_type].get(_normal(text))
