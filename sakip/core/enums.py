"""Enumerations of the plan model. Values are the stable spellings used in files."""

from __future__ import annotations

import enum


class Level(enum.Enum):
    """Where an indicator sits in the cascade."""

    GOAL = "goal"  # Tujuan
    OBJECTIVE = "objective"  # Sasaran
    PROGRAM = "program"  # Program
    ACTIVITY = "activity"  # Kegiatan / Sub Kegiatan


class Polarity(enum.Enum):
    """Which direction of the realisation is better."""

    POSITIVE = "positive"  # higher is better
    NEGATIVE = "negative"  # lower is better (prevalence of violence)
    STABILISE = "stabilise"  # on target, or inside a target band [target, upper]


class NegativeFormula(enum.Enum):
    """Achievement formula of a lower-is-better indicator."""

    TWO_T_MINUS_R = "2t-r"  # (2T − R) / T × 100, PermenPAN-RB form (1 + (1 − R/T)) × 100
    T_OVER_R = "t/r"  # T / R × 100


class Aggregation(enum.Enum):
    """How the values of the periods within a year (quarters or months) compose the year's
    value (:func:`sakip.core.periods.compose`). ``sakip-plan/1`` spelled SUM ``cumulative`` and
    MEAN ``average``; the plan file reads those spellings still."""

    SUM = "sum"  # the periods add up (cases handled, rupiah spent)
    LAST = "last"  # the latest period's value (a cumulative percentage, a stock)
    MEAN = "mean"  # the mean of the periods
    MAXIMUM = "maximum"  # the highest period
    MINIMUM = "minimum"  # the lowest period


FORMER_SPELLINGS: dict[type[enum.Enum], dict[str, enum.Enum]] = {
    Aggregation: {"cumulative": Aggregation.SUM, "average": Aggregation.MEAN},
}
"""Values of ``sakip-plan/1`` (and workbooks made with it) that later formats renamed."""


class ActualStatus(enum.Enum):
    """State of a realisation."""

    FINAL = "final"
    PROVISIONAL = "provisional"
    NOT_AVAILABLE = "not_available"  # with a reason ("data belum muncul dari BPS")


class IndicatorKind(enum.Enum):
    """Kind of an activity or program indicator (input / output / outcome)."""

    INPUT = "input"
    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"


class Frequency(enum.Enum):
    """How often an indicator is measured (its *manual indikator*)."""

    MONTHLY = "monthly"  # bulanan
    QUARTERLY = "quarterly"  # triwulanan
    SEMESTER = "semester"  # semesteran
    YEARLY = "yearly"  # tahunan


class RegionKind(enum.Enum):
    PROVINCE = "province"  # Provinsi
    REGENCY = "regency"  # Kabupaten
    CITY = "city"  # Kota


class AgreementKind(enum.Enum):
    """A performance agreement version: the original or an amendment (Perubahan PK)."""

    ORIGINAL = "original"
    AMENDMENT = "amendment"


class SpendingKind(enum.Enum):
    """Agency spending composition lines (pre-2021 nomenclature: BTL / BL)."""

    INDIRECT = "indirect"  # Belanja Tidak Langsung
    DIRECT = "direct"  # Belanja Langsung
    OTHER = "other"


class NarrativeKind(enum.Enum):
    """Narrative blocks the report drafts around the numbers."""

    PROBLEMS = "problems"  # Permasalahan / kendala dan hambatan
    SOLUTIONS = "solutions"  # Solusi / langkah penyelesaian
    STRATEGIES = "strategies"  # Strategi yang dilakukan
    ANALYSIS = "analysis"  # analysis of an indicator or goal
    STRATEGIC_ISSUES = "strategic_issues"  # Isu-isu strategis
    LEGAL_BASIS = "legal_basis"  # Dasar hukum
    BACKGROUND = "background"  # Latar belakang
    CONCLUSION = "conclusion"  # Kesimpulan
    IMPROVEMENTS = "improvements"  # Langkah perbaikan ke depan
    OTHER = "other"


class ScaleKind(enum.Enum):
    PREDICATE = "predicate"  # Predikat (Tabel 3.1)
    CATEGORY = "category"  # Kategori (Tabel 3.2)


class Closed(enum.Enum):
    """Which end of every interval of a scale is closed: stated once per scale."""

    LEFT = "left"  # [lower, upper)
    RIGHT = "right"  # (lower, upper]
    BOTH = "both"  # [lower, upper]: one band's own ("86 s/d 100"), not a whole scale's


class RevisionSubject(enum.Enum):
    """What a revision of the strategic plan changed. The plan model stores the value as text."""

    RENSTRA = "renstra"
    IKU = "iku"
