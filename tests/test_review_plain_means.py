"""A program's or the agency's absorption printed as the plain mean of its parts' percentages."""
# ruff: noqa: E501

from __future__ import annotations

from sakip.review.findings import Finding, Severity
from sakip.review.report import review_text


def findings(text: str, code: str) -> list[Finding]:
    return [f for f in review_text(text, 2020)[1] if f.code == code]


# 90.000.000 / 100.000.000 = 90 %, 150.000.000 / 300.000.000 = 50 %: their mean is 70 %,
# but together 240.000.000 / 400.000.000 = 60 %.
PROGRAM = """
Alokasi anggaran Program Pemberdayaan Sosial adalah sebesar Rp. 400.000.000,- dengan realisasi sebesar Rp. 240.000.000,- setara dengan {p}% dan dilaksanakan melalui kegiatan sebagai berikut :
- 1) Kegiatan Penguatan Kelembagaan dengan alokasi anggaran sebesar Rp. 100.000.000,- dan realisasi sebesar Rp. 90.000.000,- atau setara dengan 90,00%.
- 2) Kegiatan Pendampingan Keluarga dengan alokasi anggaran sebesar Rp. 300.000.000,- dan realisasi sebesar Rp. 150.000.000,- atau setara dengan 50,00%. Realisasi rendah dikarenakan pandemi.
"""


def test_a_program_absorption_that_is_the_mean_of_its_activities_names_both_figures():
    [finding] = findings(PROGRAM.format(p="70,00"), "ABSORPTION_PLAIN_MEAN")
    assert finding.severity is Severity.ERROR
    assert finding.found == "70,00%" and finding.expected == "60,00%"
    assert "rata-rata biasa" in finding.message_id and "2 kegiatan" in finding.message_id
    assert "Rp 240.000.000 / Rp 400.000.000" in finding.message_id
    assert finding.location.line == 2 and len(finding.related) == 2
    # one finding for the one figure: the general recomputation stays silent
    assert not findings(PROGRAM.format(p="70,00"), "TEXT_ABSORPTION")


def test_a_program_absorption_from_the_sums_passes():
    assert not findings(PROGRAM.format(p="60,00"), "ABSORPTION_PLAIN_MEAN")
    assert not findings(PROGRAM.format(p="60,00"), "TEXT_ABSORPTION")


def test_a_wrong_figure_that_is_no_mean_stays_a_text_absorption_error():
    assert not findings(PROGRAM.format(p="65,00"), "ABSORPTION_PLAIN_MEAN")
    assert findings(PROGRAM.format(p="65,00"), "TEXT_ABSORPTION")


AGENCY = """
Pada Tahun Anggaran 2020 Pagu Anggaran Belanja Langsung sebesar Rp. 400.000.000,- dan Realisasi Anggaran Rp. 240.000.000,- atau {p}%.

Alokasi anggaran Program Pemberdayaan Sosial adalah sebesar Rp. 100.000.000,- dengan realisasi sebesar Rp. 90.000.000,- setara dengan 90,00%.

Alokasi anggaran Program Perlindungan Anak adalah sebesar Rp. 300.000.000,- dengan realisasi sebesar Rp. 150.000.000,- setara dengan 50,00%.
"""


def test_the_agency_absorption_as_the_mean_of_its_programs():
    [finding] = findings(AGENCY.format(p="70,00"), "ABSORPTION_PLAIN_MEAN")
    assert finding.expected == "60,00%" and "2 program" in finding.message_id
    assert not findings(AGENCY.format(p="60,00"), "ABSORPTION_PLAIN_MEAN")


TABLE = """
Tabel L.7
Rekapitulasi Realisasi Keuangan

| Program / Kegiatan | Pagu (Rp) | Realisasi (Rp) | % |
| Program Pemberdayaan Sosial | | | {p} |
| Penguatan Kelembagaan | 100.000.000 | 90.000.000 | 90,00 |
| - Sub kegiatan rapat koordinasi | 10.000.000 | 1.000.000 | 10,00 |
| Pendampingan Keluarga | 300.000.000 | 150.000.000 | 50,00 |
| Jumlah | | | {j} |
"""


def test_a_program_row_printing_only_the_mean_of_its_activity_rows():
    found = findings(TABLE.format(p="70,00", j="60,00"), "ABSORPTION_PLAIN_MEAN")
    [finding] = found  # the sub-activity under the dash is not one of the program's activities
    assert finding.location.table == "Tabel L.7"
    assert finding.location.row == "Program Pemberdayaan Sosial"
    assert finding.expected == "60,00%" and finding.found == "70,00"


def test_a_total_row_printing_the_mean_of_the_program_rows():
    text = TABLE.format(p="60,00", j="{j}").replace(
        "| Jumlah |", "| Program Perlindungan Anak | | | 20,00 |\n| Pengasuhan | 100.000.000 | 20.000.000 | 20,00 |\n| Jumlah |")
    # the programs' percentages are 60 and 20, their mean 40; the two programs have no
    # amounts of their own to sum, so nothing can be said about the total
    assert not findings(text.format(j="40,00"), "ABSORPTION_PLAIN_MEAN")


def test_a_total_row_printing_the_mean_of_the_rows_above():
    text = """
| No | Kegiatan | Pagu (Rp) | Realisasi (Rp) | % |
| 1 | Penguatan Kelembagaan | 100.000.000 | 90.000.000 | 90,00 |
| 2 | Pendampingan Keluarga | 300.000.000 | 150.000.000 | 50,00 |
| Jumlah | | | | {j} |
"""
    [finding] = findings(text.format(j="70,00"), "ABSORPTION_PLAIN_MEAN")
    assert finding.location.row == "Jumlah" and finding.expected == "60,00%"
    assert not findings(text.format(j="60,00"), "ABSORPTION_PLAIN_MEAN")


def test_a_row_with_its_own_amounts_is_left_to_the_row_recomputation():
    text = TABLE.format(p="70,00", j="60,00").replace(
        "| Program Pemberdayaan Sosial | | |", "| Program Pemberdayaan Sosial | 400.000.000 | 240.000.000 |")
    assert not findings(text, "ABSORPTION_PLAIN_MEAN")
    assert findings(text, "ROW_ABSORPTION")
