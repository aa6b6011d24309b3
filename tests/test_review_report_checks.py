"""Every report check, with a small inline report that trips it and one that passes.

The reports are written as they are printed, one table row or paragraph a line.
"""
# ruff: noqa: E501

from __future__ import annotations

from sakip.review.findings import Finding, Severity
from sakip.review.report import review_text


def findings(text: str, code: str, year: int | None = 2020) -> list[Finding]:
    return [f for f in review_text(text, year)[1] if f.code == code]


ACHIEVEMENT = """
Tabel 3.3
Capaian Indikator Kinerja

| No | Indikator Kinerja | Target | Realisasi | % Capaian |
| 1 | Persentase PSKS yang aktif | 85 | 96,36 | {capaian} |
"""


def test_a_wrong_achievement_is_an_error_with_the_right_figure():
    [finding] = findings(ACHIEVEMENT.format(capaian="120,45"), "ROW_ACHIEVEMENT")
    assert finding.severity is Severity.ERROR
    assert finding.expected == "113,36"
    assert finding.found == "120,45"
    assert finding.location.table == "Tabel 3.3"
    assert finding.location.column == "% Capaian"


def test_a_right_achievement_passes_whatever_its_printed_precision():
    assert not findings(ACHIEVEMENT.format(capaian="113,36"), "ROW_ACHIEVEMENT")
    assert not findings(ACHIEVEMENT.format(capaian="113,4"), "ROW_ACHIEVEMENT")


def test_an_achievement_copied_from_another_row_says_where_it_came_from():
    text = """
| No | Indikator Kinerja | Target | Realisasi | % Capaian |
| 1 | Persentase anak terlayani | 5,7 | 5,05 | 88,60 |
| 2 | Status Kabupaten Layak Anak | 75 | 60,9 | 88,60 |
"""
    [finding] = findings(text, "ROW_ACHIEVEMENT")
    assert finding.expected == "81,20"
    assert "tersalin" in finding.message_id


NEGATIVE = """
| No | Indikator Kinerja | Target | Realisasi | % Capaian | Ket |
| 1 | Prevalensi kekerasan terhadap perempuan | 5,7 | 3,09 | {capaian} | Indikator negatif |
"""


def test_a_negative_indicator_computed_as_positive_is_a_polarity_error():
    [finding] = findings(NEGATIVE.format(capaian="54,21"), "POLARITY")
    assert finding.severity is Severity.ERROR
    assert finding.expected == "145,79"  # (2 × 5,7 − 3,09) / 5,7 × 100
    assert not findings(NEGATIVE.format(capaian="54,21"), "ROW_ACHIEVEMENT")


def test_a_negative_indicator_computed_either_negative_way_passes():
    assert not findings(NEGATIVE.format(capaian="145,79"), "POLARITY")
    assert not findings(NEGATIVE.format(capaian="184,47"), "POLARITY")  # T / R × 100


def test_a_name_that_counts_a_harm_is_a_polarity_warning_only():
    text = """
| No | Indikator Kinerja | Target | Realisasi | % Capaian |
| 1 | Persentase kekerasan dalam rumah tangga | 5,7 | 5,05 | 88,60 |
| 2 | Persentase penanganan anak korban kekerasan | 100 | 100 | 100 |
"""
    [finding] = findings(text, "POLARITY")
    assert finding.severity is Severity.WARNING
    assert "rumah tangga" in finding.location.row


def test_the_text_calling_an_indicator_negative_makes_it_explicit():
    text = """
| No | Indikator Kinerja | Target | Realisasi | % Capaian |
| 1 | Angka kematian bayi baru lahir | 10 | 8 | 80 |

Angka kematian bayi baru lahir adalah indikator negatif: semakin kecil semakin baik.
"""
    [finding] = findings(text, "POLARITY")
    assert finding.severity is Severity.ERROR


BUDGET = """
| No | Uraian | Anggaran Belanja (Rp) | Realisasi Belanja (Rp) | % |
| 1 | Belanja Tidak Langsung | 4.463.413.000 | 4.322.884.240 | 96,85 |
| 2 | Belanja Langsung | 5.054.687.243 | 4.093.568.301 | {pct} |
| Jumlah | | 9.518.100.243 | {total} | 88,43 |
"""


def test_absorption_and_totals_are_recomputed():
    wrong = BUDGET.format(pct="80,89", total="8.416.452.540")
    [absorption] = findings(wrong, "ROW_ABSORPTION")
    assert absorption.expected == "80,99"
    [total] = findings(wrong, "TOTAL_SUM")
    assert total.expected == "8.416.452.541"
    right = BUDGET.format(pct="80,99", total="8.416.452.541")
    assert not findings(right, "ROW_ABSORPTION")
    assert not findings(right, "TOTAL_SUM")


def test_subtotals_and_a_grand_total_are_summed_separately():
    text = """
| NO | JENIS | L | P |
| I | SARJANA | | |
| 1 | Hukum | 1 | 0 |
| 2 | Psikologi | 1 | 2 |
| Total | | 2 | 2 |
| II | SMA | | |
| 1 | SMA | 3 | {p} |
| 2 | SMK | 0 | 1 |
| Total | | 3 | 4 |
| JUMLAH TOTAL | | 5 | 6 |
"""
    [finding] = findings(text.format(p="2"), "TOTAL_SUM")
    assert finding.location.row == "Total" and finding.expected == "3"
    assert not findings(text.format(p="3"), "TOTAL_SUM")


def test_efficiency_is_achievement_minus_absorption():
    text = """
| No | Tujuan | Rata-rata Capaian Kinerja | % Realisasi Anggaran | Tingkat Efisiensi |
| 1 | Tujuan: Meningkatnya kesejahteraan | 560,24 | 79,47 | {e} |
"""
    assert findings(text.format(e="480,00"), "ROW_EFFICIENCY")
    assert not findings(text.format(e="480,77"), "ROW_EFFICIENCY")


DIFFERENCE = """
| No | Indikator Kinerja | Satuan | Realisasi 2019 | Realisasi 2020 | Selisih Realisasi |
| 1 | Kabupaten Layak Anak (KLA) | % | 75 | 60,9 | {d} |
"""


def test_a_difference_column_holding_an_achievement_is_an_error():
    [finding] = findings(DIFFERENCE.format(d="81,20"), "ROW_DIFFERENCE")
    assert finding.expected == "-14,10"
    assert "capaian" in finding.message_id


def test_a_difference_passes_with_either_sign():
    assert not findings(DIFFERENCE.format(d="14,1"), "ROW_DIFFERENCE")
    assert not findings(DIFFERENCE.format(d="-14,1"), "ROW_DIFFERENCE")


def test_a_percentage_column_that_is_a_ratio_of_two_others_is_checked():
    text = """
| Tahun | Jumlah PMKS | Jumlah PMKS yang dibantu | % |
| 2018 | 13.535 | 9.996 | 73,85% |
| 2019 | 14.337 | 12.028 | {p} |
| 2020 | 13.619 | 12.908 | 94,78% |
"""
    [finding] = findings(text.format(p="86,29%"), "ROW_RATIO")
    assert finding.expected == "83,89"
    assert not findings(text.format(p="83,89%"), "ROW_RATIO")


FINAL = """
| No. | Indikator Kinerja | Tahun 2020 Target | Tahun 2020 Realisasi | Target Akhir Renstra (2023) | Capaian 2020 terhadap target akhir Renstra 2023 |
| 1 | Indeks Pembangunan Gender | 88,01 | 88,28 | 89,00 | {a} |
| 2 | Persentase PMKS tertangani | 80 | 94,78 | 80 | {b} |
"""


def test_a_final_target_column_that_repeats_the_target_is_one_finding():
    [finding] = findings(FINAL.format(a="89,00", b="80"), "FINAL_TARGET_COPIED")
    assert finding.location.column.startswith("Capaian 2020")
    assert not findings(FINAL.format(a="99,19", b="118,48"), "FINAL_TARGET_COPIED")
    assert not findings(FINAL.format(a="99,19", b="118,48"), "ROW_ACHIEVEMENT")


NO_TARGET = """
Tabel 2.3
| No | Indikator Kinerja | Target 2019 | Target 2020 |
| 1 | Prevalensi kekerasan terhadap anak | {t} | 5,0 |

Tabel 3.4
| No | Indikator Kinerja | Realisasi 2019 | Realisasi 2020 | Capaian 2019 | Capaian 2020 |
| 1 | Prevalensi kekerasan terhadap anak | 8,17 | 2,84 | 103,55 | 143,2 |
"""


def test_an_achievement_for_a_year_without_target_cannot_be_verified():
    [finding] = findings(NO_TARGET.format(t="-"), "ACHIEVEMENT_NO_TARGET")
    assert finding.location.column == "Capaian 2019"
    assert not findings(NO_TARGET.format(t="8,5"), "ACHIEVEMENT_NO_TARGET")


def test_an_average_row_is_the_mean_of_the_available_figures():
    text = """
| No | Indikator Kinerja | Target | Realisasi | Capaian Kinerja |
| 1 | Indeks Pembangunan Gender | 88,01 | 88,28 | 100,3 |
| 2 | Indeks Pemberdayaan Gender | 43,91 | Data belum muncul | |
| 3 | Persentase perempuan bekerja | 5,7 | 3,09 | 54,21 |
| Rata-rata capaian kinerja | | | | {avg} |
"""
    [finding] = findings(text.format(avg="51,50"), "AVERAGE_ROW")
    assert finding.expected == "77,26"
    assert not findings(text.format(avg="77,26"), "AVERAGE_ROW")


SAME = """
Tabel 3.4
| Indikator Kinerja | Realisasi 2019 | Realisasi 2020 |
| Persentase PMKS yang tertangani | 83,89 | 94,78 |

Tabel 3.13
| No | Indikator Kinerja | Realisasi 2019 | Realisasi 2020 |
| 1 | Persentase penanganan PMKS yang tertangani | {r} | 94,78 |
"""


def test_one_figure_printed_differently_in_two_tables_is_found_once():
    [finding] = findings(SAME.format(r="86,29"), "SAME_FIGURE")
    assert "83,89" in finding.message_id and "86,29" in finding.message_id
    assert len(finding.related) == 1
    assert not findings(SAME.format(r="83,89"), "SAME_FIGURE")


def test_different_indicators_with_similar_names_are_not_compared():
    text = """
| Indikator Kinerja | Realisasi 2020 |
| Indeks Pembangunan Gender (IPG) | 88,28 |

| Indikator Kinerja | Realisasi 2020 |
| Indeks Pemberdayaan Gender (IDG) | 43,07 |
| Prevalensi kekerasan terhadap anak | 2,84 |

| Indikator Kinerja | Realisasi 2020 |
| Prevalensi kekerasan terhadap perempuan | 3,09 |
"""
    assert not findings(text, "SAME_FIGURE")


TEXT_FIGURE = """
| Program | Indikator Kinerja | Target % | Realisasi % | % Capaian |
| Pelayanan Sosial | Persentase lansia terlantar yang terpenuhi kebutuhan dasarnya | 100 | 86,47 | 86,47 |

Capaian indikator kinerja program sebagai berikut:
1. Persentase lansia terlantar yang terpenuhi kebutuhan dasarnya sebesar {v}.
"""


def test_a_figure_in_the_text_must_match_its_table():
    [finding] = findings(TEXT_FIGURE.format(v="81.21%"), "TEXT_FIGURE")
    assert finding.expected == "86,47" and finding.found == "81.21%"
    assert not findings(TEXT_FIGURE.format(v="86,47%"), "TEXT_FIGURE")


TEXT_TOTAL = """
Belanja melalui APBD sebesar Rp. {c},- dengan realisasi anggaran mencapai Rp. {s},- atau dengan serapan {p} %. Komposisi belanja terlihat pada tabel berikut:

Tabel 3.26
| No | Uraian | Anggaran Belanja(Rp) | Realisasi Belanja(Rp) | % |
| 1 | Belanja Tidak Langsung | 4.463.413.000 | 4.322.884.240 | 96,85 |
| 2 | Belanja Langsung | 5.054.687.243 | 4.093.568.301 | 80,99 |
| Jumlah | | 9.518.100.243 | 8.416.452.541 | 88,43 |
"""


def test_budget_figures_in_the_text_must_match_the_table_they_introduce():
    wrong = TEXT_TOTAL.format(c="9.028.022.200", s="7.689.211.619", p="85,17")
    [finding] = findings(wrong, "TEXT_BUDGET_TOTAL")
    assert "9.518.100.243" in finding.message_id
    right = TEXT_TOTAL.format(c="9.518.100.243", s="8.416.452.541", p="88,43")
    assert not findings(right, "TEXT_BUDGET_TOTAL")


PROGRAM = """
Alokasi anggaran Program Pemberdayaan Kelembagaan adalah sebesar Rp. {c},- dengan realisasi sebesar Rp. 649.815.350,- setara dengan {p}% dan dilaksanakan melalui kegiatan sebagai berikut :
- 1) Kegiatan Penguatan Kelembagaan dengan alokasi anggaran sebesar Rp. 390.047.000,- dan realisasi sebesar Rp. 321.442.050,- atau setara dengan 82.41%.
- 2) Kegiatan Penguatan Nilai-nilai dengan alokasi anggaran sebesar Rp. 390.000.000,- dan realisasi sebesar Rp. 328.373.300,- atau setara dengan {k}%. Output kegiatan adalah laporan.
"""


def test_a_program_ceiling_is_the_sum_of_its_activities():
    [finding] = findings(PROGRAM.format(c="780.047.300", p="83,30", k="84,20"), "PROGRAM_SUM")
    assert finding.expected == "Rp 780.047.000"
    assert not findings(PROGRAM.format(c="780.047.000", p="83,30", k="84,20"), "PROGRAM_SUM")


def test_an_absorption_in_the_text_is_recomputed_and_a_lost_decimal_mark_is_named():
    [finding] = findings(PROGRAM.format(c="780.047.000", p="833", k="84,20"), "TEXT_ABSORPTION")
    assert finding.expected == "83,30%"
    assert "desimal" in finding.message_id
    assert not findings(PROGRAM.format(c="780.047.000", p="83,30", k="84,20"), "TEXT_ABSORPTION")


def test_truncated_percentages_are_gathered_into_one_warning():
    # 328.373.300 / 390.000.000 = 84,198…: 84,19 is cut off, 84,20 is rounded
    [finding] = findings(PROGRAM.format(c="780.047.000", p="83,30", k="84,19"), "TRUNCATION")
    assert finding.severity is Severity.WARNING
    assert "84,19" in finding.message_id
    assert not findings(PROGRAM.format(c="780.047.000", p="83,30", k="84,20"), "TRUNCATION")


LOW = """
Alokasi anggaran Program Fakir Miskin adalah sebesar Rp. 100.000.000,- dengan realisasi sebesar Rp. 50.000.000,- setara dengan 50,00%.
- 1) Kegiatan Bantuan UEP dengan alokasi anggaran sebesar Rp. 100.000.000,- dan realisasi sebesar Rp. 50.000.000,- atau setara dengan 50,00%.
{reason}
2. Program Berikutnya
"""


def test_an_activity_under_80_percent_needs_a_reason():
    [finding] = findings(LOW.format(reason=""), "LOW_ABSORPTION_UNEXPLAINED")
    assert "Bantuan UEP" in finding.message_id
    explained = LOW.format(reason="Realisasi kegiatan ini kurang dari 80% dikarenakan pandemi.")
    assert not findings(explained, "LOW_ABSORPTION_UNEXPLAINED")


SCALE = """
Tabel 3.1
Predikat Capaian Kinerja

| Persentase | Predikat |
| <100 | Tidak tercapai |
| = 100 | Tercapai/Sesuai target |
| >100 | Melebihi target |

Tabel 3.2
Kategori Capaian Kinerja

| No | Kategori | Capaian |
| 1 | Sangat baik | >90 |
| 2 | Baik | 75 - 89,99 |
| 3 | Cukup | 65 - 74,99 |
| 4 | Kurang | 50 - 64,99 |
| 5 | Sangat kurang | 0 - 49,99 |
"""

VERDICTS = SCALE + """
Tabel 3.9
| No | Tujuan/ Sasaran | Jumlah Indikator | Rata-rata Capaian Sasaran % | Predikat |
| 1 | Tujuan Strategis 1 | 1 | 100,2 | Tercapai melebihi target |
| 2 | Sasaran Strategis 2 | 1 | 54,21 | {label} |
| 3 | Tujuan Strategis 3 | 1 | 81,20 | Belum tercapai |
"""


def test_a_label_the_figure_does_not_earn_on_the_reports_own_scale_is_an_error():
    [finding] = findings(VERDICTS.format(label="Tercapai (Indikator Negatif)"), "VERDICT_LABEL")
    assert finding.expected == "Tidak tercapai"
    assert "Tabel 3.1" in finding.message_id
    assert not findings(VERDICTS.format(label="Tidak tercapai"), "VERDICT_LABEL")


def test_ticked_category_columns_are_judged_too():
    text = SCALE + """
| No | Tujuan | Rata-rata Capaian | 0 -49,99 Sangat kurang | 50 - 64,99 Kurang | 75 - 89,99 Baik | > 90 sangat baik |
| 1 | Tujuan Strategis 1 | 81,20 | | | {baik} | {sangat} |
"""
    [finding] = findings(text.format(baik="", sangat="√"), "VERDICT_LABEL")
    assert finding.expected == "Baik"
    assert not findings(text.format(baik="√", sangat=""), "VERDICT_LABEL")


COUNTS = SCALE + """
Tabel 3.3
| No | Indikator Kinerja | Target | Realisasi | % Capaian |
| 1 | Persentase penurunan PMKS | 0,5 | 5,01 | 1002 |
| 2 | Persentase PMKS yang tertangani | 80 | 94,78 | 118,48 |
| 3 | Kabupaten Layak Anak | 75 | 60,9 | 81,2 |

Tabel 3.5
| Persentase | Predikat | Jumlah Indikator |
| <100 | Tidak tercapai | {a} |
| = 100 | Tercapai/Sesuai target | {b} |
| >100 | Melebihi target | 2 |
"""


def test_counts_per_predicate_follow_the_achievements():
    [finding] = findings(COUNTS.format(a="0", b="1"), "BAND_COUNT")
    assert "Tidak tercapai 1" in finding.expected
    assert not findings(COUNTS.format(a="1", b="0"), "BAND_COUNT")


def test_a_category_named_in_the_text_follows_the_scale():
    text = SCALE + "\nHasil evaluasi diperoleh rata-rata nilai capaian {v}% dan termasuk kategori baik.\n"
    [finding] = findings(text.format(v="69,00"), "TEXT_LABEL")
    assert finding.expected == "Cukup"
    assert not findings(text.format(v="77,26"), "TEXT_LABEL")


AVERAGE = """
Hasil evaluasi capaian tujuan 2, dengan {n} ({w}) indikator kinerja diperoleh rata-rata nilai capaian 77,26%.

Tabel 3.12
| No | Indikator Kinerja | Target | Realisasi | Capaian Kinerja |
| 1 | Indeks Pembangunan Gender | 88,01 | 88,28 | 100,3 |
| 2 | Indeks Pemberdayaan Gender | 43,91 | Data belum muncul | |
| 3 | Persentase perempuan bekerja | 5,7 | 3,09 | 54,21 |
| Rata-rata capaian | | | | 77,26% |
"""


def test_an_average_said_to_be_of_n_indicators_must_count_only_those_with_values():
    [finding] = findings(AVERAGE.format(n="3", w="tiga"), "AVERAGE_COUNT")
    assert finding.expected == "2 indikator"
    assert "Pemberdayaan" in finding.message_id
    assert not findings(AVERAGE.format(n="2", w="dua"), "AVERAGE_COUNT")


NUMBERS = """
Tabel 3.{a}
Satu
| No | Uraian | Pagu Anggaran |
| 1 | A | 1.000 |

Tabel 3.{b}
Dua
| No | Uraian | Pagu Anggaran |
| 1 | B | 2.000 |
"""


def test_a_table_number_used_twice_is_a_warning_and_skipped_numbers_a_note():
    [duplicate] = findings(NUMBERS.format(a="1", b="1"), "TABLE_NUMBER_DUPLICATE")
    assert duplicate.location.table == "Tabel 3.1"
    [gap] = findings(NUMBERS.format(a="1", b="3"), "TABLE_NUMBER_GAP")
    assert gap.found == "3.2" and gap.severity is Severity.INFO
    assert not findings(NUMBERS.format(a="1", b="2"), "TABLE_NUMBER_DUPLICATE")
    assert not findings(NUMBERS.format(a="1", b="2"), "TABLE_NUMBER_GAP")


def test_a_malformed_amount_is_reported_not_guessed():
    text = "Kegiatan GT-PPTPO dengan alokasi anggaran sebesar Rp. {x},- dan realisasi Rp. 7.533.300,-."
    [finding] = findings(text.format(x="21.500.00"), "MALFORMED_AMOUNT")
    assert finding.found == "Rp. 21.500.00,-"
    assert not findings(text.format(x="21.500.000"), "MALFORMED_AMOUNT")


def test_the_residual_of_the_program_is_offered_as_a_hint_for_a_malformed_ceiling():
    text = """
Alokasi anggaran Program Perlindungan sebesar Rp. 216.556.500,- dengan realisasi sebesar Rp. 186.172.015,- setara dengan 85,97% dan dilaksanakan melalui kegiatan sebagai berikut :
- (1) Kegiatan Satu dengan alokasi anggaran sebesar Rp. 195.056.500,- dan realisasi sebesar Rp. 178.638.715,- atau setara dengan 91,58%.
- (2) Kegiatan Dua dengan alokasi anggaran sebesar Rp. 21.500.00,- dan realisasi sebesar Rp. 7.533.300,- atau setara dengan 35.03%.
"""
    [finding] = findings(text, "MALFORMED_AMOUNT")
    assert "21.500.000" in finding.message_id
    assert not findings(text, "PROGRAM_SUM")  # cannot be summed: not reported twice


def test_wrapped_cells_are_reported_as_unreadable_and_not_compared():
    text = """
| No | Indikator Kinerja | Satuan | Target | Realisasi | Capaian Kinerja |
| 1 | Indeks Pembangunan Gender | | 88,0 | 88,28 | 100,3% |
| | | | 1 | | |

| Indikator Kinerja | Target 2020 |
| Indeks Pembangunan Gender | 88,01 |
"""
    [finding] = findings(text, "REPORT_UNREADABLE")
    assert finding.severity is Severity.INFO
    assert "Target" in finding.message_id
    assert not findings(text, "SAME_FIGURE")


def test_a_clean_report_has_no_findings():
    text = """
LAPORAN KINERJA TAHUN 2020

Tabel 3.1
Capaian

| No | Indikator Kinerja | Target | Realisasi | % Capaian |
| 1 | Persentase PMKS yang tertangani | 80 | 94,78 | 118,48 |
| 2 | Kabupaten Layak Anak | 75 | 60,9 | 81,20 |
| Rata-rata | | | | 99,84 |
"""
    assert review_text(text)[1] == []


RATIO = "Indikator ini diperoleh dari jumlah kasus sebanyak 27 orang per jumlah keluarga {b} dikali\n\n10.000. Realisasi capaian target dari indikator ini adalah sebesar 5,05 dari target 5,7.\n"


def test_a_ratio_the_text_computes_in_words_is_recomputed_across_a_page_break():
    [finding] = findings(RATIO.format(b="55405"), "TEXT_DERIVATION")
    assert (finding.expected, finding.found) == ("4,87", "5,05")
    assert not findings(RATIO.format(b="53465"), "TEXT_DERIVATION")


def test_a_comma_used_as_thousands_separator_is_a_note_not_a_wrong_figure():
    text = "Rasio dari 154 anak dibagi 54,248 jumlah anak dikali 1.000 didapat hasil 2,84 dibawah target."
    [finding] = findings(text, "NUMBER_NOTATION")
    assert finding.expected == "54.248"
    assert not findings(text, "TEXT_DERIVATION")
    assert not findings(text.replace("54,248", "54.248"), "NUMBER_NOTATION")


def test_a_change_in_percent_is_computed_on_the_starting_value():
    text = "Pemberian BPNT meningkat yaitu dari 10.090 menjadi 11.463 atau meningkat {p}%."
    [finding] = findings(text.format(p="11,98"), "TEXT_DERIVATION")
    assert finding.expected == "13,61%"
    assert "nilai akhir" in finding.message_id
    assert not findings(text.format(p="13,61"), "TEXT_DERIVATION")
