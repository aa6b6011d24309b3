"""Decimal marks and thousands separators written two ways in one report."""

from __future__ import annotations

from sakip.review.findings import Finding, Severity
from sakip.review.report import review_text


def findings(text: str, code: str) -> list[Finding]:
    return [f for f in review_text(text, 2020)[1] if f.code == code]


BUDGET = """
Tabel 3.28
Pagu dan Realisasi Anggaran

| No | Sasaran | Pagu Anggaran | Realisasi Anggaran | % |
| 1 | Sasaran satu | 2.706.863.940 | 2.151.175.676 | 79,47 |
| 2 | Sasaran dua | 635.816.500 | 417.830.265 | 65,72 |
| 3 | Sasaran tiga | 161.925.000 | 124.409.800 | {p} |
"""


def test_a_decimal_point_among_decimal_commas_in_one_table():
    [finding] = findings(BUDGET.format(p="76.83"), "DECIMAL_MARK_MIXED")
    assert finding.severity is Severity.WARNING
    assert finding.location.table == "Tabel 3.28" and finding.location.row == "Sasaran tiga"
    assert finding.found == "76.83"
    assert "79,47" in finding.message_id and "76.83" in finding.message_id
    assert finding.related  # where the comma is used


def test_one_decimal_mark_throughout_passes():
    assert not findings(BUDGET.format(p="76,83"), "DECIMAL_MARK_MIXED")
    points = BUDGET.replace("79,47", "79.47").replace("65,72", "65.72")
    assert not findings(points.format(p="76.83"), "DECIMAL_MARK_MIXED")


def test_a_table_in_english_locale_among_indonesian_tables():
    other = """
Tabel 3.16
Nilai SPM

| No | Jenis PMKS | Jumlah | Nilai SPM (%) |
| 1 | Lansia terlantar | 83 | 96.39 |
| 2 | Anak terlantar | 97 | 31.96 |
"""
    [finding] = findings(BUDGET.format(p="76,83") + other, "DECIMAL_MARK_MIXED")
    assert finding.location.table == "Tabel 3.16"
    assert "Tabel 3.16 memakai titik" in finding.message_id
    assert finding.found == "96.39, 31.96"


def test_percentages_in_the_text_written_both_ways():
    text = ("Realisasi kegiatan A setara dengan 94.54%.\n\n"
            "Realisasi kegiatan B setara dengan 83,30%.\n")
    [finding] = findings(text, "DECIMAL_MARK_MIXED")
    assert finding.location.line == 1 and finding.found == "94.54%"
    assert not findings(text.replace("94.54", "94,54"), "DECIMAL_MARK_MIXED")


def test_ambiguous_figures_are_not_counted():
    # 54,248 may be thousands (NUMBER_NOTATION weighs it); 1.500 may be one and a half
    text = ("Jumlah anak sebesar 54,248 jiwa.\n\nTarget sebesar 1.500 orang dengan capaian "
            "80,5%.\n")
    assert not findings(text, "DECIMAL_MARK_MIXED")
    assert not findings(text, "THOUSANDS_SEPARATOR_MIXED")


def test_thousands_grouped_with_dots_and_with_commas():
    text = ("Alokasi anggaran sebesar Rp 1.500.000.000 dengan realisasi Rp 1.200.000.000.\n\n"
            "Belanja pegawai sebesar 2,350,000 rupiah.\n")
    [finding] = findings(text, "THOUSANDS_SEPARATOR_MIXED")
    assert finding.severity is Severity.WARNING
    assert finding.location.line == 3 and finding.found == "2,350,000"
    assert "Rp 1.500.000.000" in finding.message_id


def test_thousands_grouped_one_way_pass():
    text = "Alokasi anggaran sebesar Rp 1.500.000.000 dengan realisasi Rp 1.200.000.000.\n"
    assert not findings(text, "THOUSANDS_SEPARATOR_MIXED")
