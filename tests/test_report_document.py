"""The Belitung 2020 report as a document model: structure, every table, key figures, narrative."""

from collections import Counter
from decimal import Decimal

from sakip.report.model import (
    BLANK,
    ChapterKind,
    Figure,
    ListBlock,
    Paragraph,
    blocks_of,
    figures_of,
    tables_of,
)
from tests.report_helpers import YEAR, by_caption

pytest_plugins = ["tests.report_fixtures"]

EXPECTED_TABLES = [  # caption starts, in the order of PermenPAN-RB 53/2014 and the seed
    "Jumlah Pegawai menurut Jenis Pendidikan",  # Tabel 1.1
    "Tujuan, Sasaran, Strategi dan Arah Kebijakan",  # 2.1
    "Program dan Kegiatan untuk Pencapaian Tujuan dan Sasaran",  # 2.2
    "Indikator Kinerja Utama Dinas Sosial",  # 2.3
    "Definisi Operasional dan Rumus Indikator Kinerja Utama",
    "Perjanjian Kinerja Tahun 2020",  # 2.4
    "Pagu Anggaran per Tujuan/Sasaran Strategis Tahun 2020",  # 2.5
    "Predikat Capaian Kinerja",  # 3.1
    "Kategori Capaian Kinerja",  # 3.2
    "Capaian Indikator Kinerja Utama Dinas Sosial",  # 3.3
    "Jumlah Indikator Kinerja Utama Tahun 2020 menurut Predikat",  # 3.5
    "Jumlah Indikator Kinerja Utama Tahun 2020 menurut Kategori",  # 3.6
    "Realisasi dan Capaian Kinerja Dinas Sosial",  # 3.4
    "Rata-rata Capaian Kinerja Tujuan/Sasaran",  # 3.9
    "Kategori Capaian Kinerja Tujuan/Sasaran Tahun 2020",  # 3.10
    "Capaian Kinerja Tujuan/Sasaran Strategis 1 Tahun 2020",  # 3.12 (T1)
    "Perbandingan Realisasi Tahun Ini dengan Tahun Lalu, Tujuan/Sasaran Strategis 1",  # 3.13
    "Capaian terhadap Target Akhir Renstra 2023, Tujuan/Sasaran Strategis 1",  # 3.14
    "Pelayanan dan Penanganan terhadap PMKS",  # 3.15
    "Data Jumlah PMKS seluruhnya",  # 3.16
    "Pencapaian Indikator Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial",  # 3.17
    "Pencapaian Indikator Program Penanganan dan Pemberdayaan Fakir Miskin",  # 3.18
    "Pencapaian Indikator Program Pemberdayaan Kelembagaan Kesejahteraan Sosial",  # 3.19
    "Capaian Kinerja Tujuan/Sasaran Strategis 2 Tahun 2020",
    "Pencapaian Indikator Program Peningkatan Kualitas Hidup dan Perlindungan Perempuan",  # 3.20
    "Pencapaian Indikator Program Perlindungan Perempuan dan Anak",  # 3.15 (PPA)
    "Capaian Kinerja Tujuan/Sasaran Strategis 3 Tahun 2020",
    "Pencapaian Indikator Program Pemenuhan Hak Anak (PHA)",  # 3.15 (PHA)
    "Komposisi Belanja",  # 3.26
    "Pagu dan Realisasi Anggaran per Tujuan/Sasaran Strategis",  # 3.28
    "Efektivitas Anggaran terhadap Capaian Tujuan/Sasaran",  # 3.29
    "Efisiensi Penggunaan Sumber Daya Anggaran",  # 3.30
    "Program dan Anggaran Perjanjian Kinerja Tahun 2020",  # Lampiran 1
    "Rencana Kinerja Tahunan 2020: Tujuan dan Sasaran",  # Lampiran 2
    "Rencana Kinerja Tahunan 2020: Program dan Kegiatan",
    "Pengukuran Kinerja Kegiatan Tahun 2020",  # Lampiran 3
    "Pengukuran Pencapaian Sasaran Tahun 2020",  # Lampiran 4
    "Rekapitulasi Realisasi Fisik dan Keuangan Kegiatan Tahun 2020",  # Lampiran 5
]


def text_of(document) -> str:
    parts = []
    for _, block in blocks_of(document):
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, ListBlock):
            parts += [item.text for item in block.items]
    return "\n".join(parts)


def test_the_chapters_follow_permenpan_rb_53_2014(document):
    headings = [c.heading for c in document.chapters]
    assert headings == ["LAPORAN KINERJA", "KATA PENGANTAR", "DAFTAR ISI", "RINGKASAN EKSEKUTIF",
                        "BAB I PENDAHULUAN", "BAB II PERENCANAAN DAN PERJANJIAN KINERJA",
                        "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP", "LAMPIRAN"]
    sections = {c.label: [s.heading for s in c.sections] for c in document.chapters if c.label}
    assert sections["BAB I"] == ["1.1 Latar Belakang", "1.2 Penjelasan Umum Organisasi",
                                 "1.3 Isu-Isu Strategis", "1.4 Dasar Hukum",
                                 "1.5 Sistematika Penyajian Laporan"]
    assert [s.split(" ", 1)[0] for s in sections["BAB II"]] == [f"2.{i}" for i in range(1, 7)]
    assert sections["BAB III"][0] == "3.1 Capaian Kinerja Tahun 2020"
    assert sections["BAB IV"] == ["4.1 Kesimpulan Umum", "4.2 Langkah Perbaikan ke Depan"]
    annexes = [s.title for s in document.chapters[-1].sections]
    assert annexes[-1].endswith(". Manual Indikator Kinerja")  # the last: docs/planning.md
    assert annexes[:5] == ["Lampiran 1. Perjanjian Kinerja Tahun 2020",
                       "Lampiran 2. Rencana Kinerja Tahunan 2020",
                       "Lampiran 3. Pengukuran Kinerja Kegiatan Tahun 2020",
                       "Lampiran 4. Pengukuran Pencapaian Sasaran Tahun 2020",
                       "Lampiran 5. Rekapitulasi Realisasi Fisik dan Keuangan Kegiatan Tahun 2020"]


def test_every_expected_table_is_there_once(document):
    for start in EXPECTED_TABLES:
        by_caption(document, start)


def test_tables_and_figures_are_numbered_uniquely_per_chapter(document):
    numbers = [t.number for t in tables_of(document) if not t.borderless]
    assert None not in numbers
    assert not [n for n, count in Counter(numbers).items() if count > 1]
    assert numbers[0] == "1.1" and "3.1" in numbers and numbers[-1].startswith("L.")
    figures = [f.number for f in figures_of(document)]
    assert len(figures) == len(set(figures)) and all(n.startswith(("3.", "L.")) for n in figures)
    by_chapter: dict[str, list[int]] = {}
    for number in numbers:
        prefix, n = number.split(".")
        by_chapter.setdefault(prefix, []).append(int(n))
    assert all(ns == list(range(1, len(ns) + 1)) for ns in by_chapter.values())


def test_every_reference_names_a_numbered_table(document):
    text = text_of(document)
    assert "disajikan pada Tabel 3.3 berikut" in text
    assert "Lampiran 2. Rencana Kinerja Tahunan 2020" in text


def row_of(table, start):
    for row in table.rows:
        texts = [c.text for c in row.cells]
        if any(t.startswith(start) for t in texts):
            return texts
    raise AssertionError(f"no row starting {start!r} in {table.caption}")


def test_key_cells_of_the_iku_table(document):
    iku = by_caption(document, "Capaian Indikator Kinerja Utama Dinas Sosial")
    assert row_of(iku, "Persentase penurunan PMKS")[-3:] == ["1.002,00", "Melebihi target", "Sangat baik"]
    assert "118,48" in row_of(iku, "Persentase PMKS yang tertangani")
    assert "145,79" in row_of(iku, "Prevalensi kekerasan terhadap perempuan")
    idg = next(c for row in iku.rows for c in row.cells if c.key == f"achievement:{YEAR}:IKU-04")
    assert idg.text == "–" and idg.marker
    assert any("Data IDG 2020 belum muncul" in n for n in iku.notes)
    assert any(n.startswith("b) Indikator negatif") or "Indikator negatif" in n for n in iku.notes)


def test_goal_means_budget_and_efficiency(document):
    goal1 = by_caption(document, "Capaian Kinerja Tujuan/Sasaran Strategis 1 Tahun 2020")
    assert goal1.rows[-1].cells[1].text == "560,24"
    p1 = by_caption(document, "Pengukuran Kinerja Kegiatan")
    assert "83,95" in row_of(p1, "Program Pelayanan dan Rehabilitasi Kesejahteraan Sosial")
    efficiency = by_caption(document, "Efisiensi Penggunaan Sumber Daya Anggaran")
    assert [row.cells[-1].text for row in efficiency.rows] == ["480,77", "57,33", "35,37"]
    composition = by_caption(document, "Komposisi Belanja")
    assert [c.text for c in composition.rows[-1].cells][-3:] == ["9.518.100.243", "8.416.452.541",
                                                                 "88,43"]


def test_money_and_counts_in_indonesian_form(document):
    per_goal = by_caption(document, "Pagu dan Realisasi Anggaran per Tujuan/Sasaran Strategis")
    assert [c.text for c in per_goal.rows[-1].cells][-4:] == ["7", "3.504.605.440", "2.693.415.741",
                                                              "76,85"]
    predicates = by_caption(document, "Jumlah Indikator Kinerja Utama Tahun 2020 menurut Predikat")
    assert [row.cells[-1].text for row in predicates.rows] == ["1", "0", "5", "1", "7"]


def test_missing_budgets_and_names_are_said_missing_not_invented(document):
    text = text_of(document)
    assert "Data anggaran Program Pelayanan Administrasi Perkantoran per kegiatan belum tersedia" in text
    parties = next(t for t in tables_of(document) if t.borderless)
    assert BLANK in [c.text for c in parties.cells()]  # a line for the regent's name
    per_goal = by_caption(document, "Pagu dan Realisasi Anggaran per Tujuan/Sasaran Strategis")
    goal4 = per_goal.rows[3].cells
    assert goal4[3].text == "–" and goal4[3].marker


def test_the_reason_of_every_activity_under_the_threshold_is_quoted(document, measurement):
    text = text_of(document)
    assert ("Realisasi kegiatan ini kurang dari 80% dikarenakan untuk Sidang Tim Pertimbangan Izin "
            "Pengangkatan Anak (PIPA)") in text
    assert text.count("Realisasi kegiatan ini kurang dari 80%") == len(measurement.low_absorption) == 12


def test_narrative_is_drafted_from_the_results(document):
    text = text_of(document)
    assert ("Capaian indikator Prevalensi kekerasan terhadap perempuan pada tahun 2020 sebesar 145,79% "
            "(target 5,7, realisasi 3,09), predikat melebihi target, kategori sangat baik.") in text
    assert "Indikator ini merupakan indikator negatif" in text
    assert ("Hasil evaluasi capaian tujuan dan sasaran strategis 1 dengan 2 (dua) indikator kinerja "
            "diperoleh rata-rata capaian 560,24% dan termasuk kategori sangat baik.") in text
    assert "Perubahan Perjanjian Kinerja Tahun 2020 ditandatangani pada 8 Desember 2020." in text
    assert "Target pada Perjanjian Kinerja awal tidak tercatat (data belum tersedia)" in text


def test_the_foreword_is_signed_by_the_head(document):
    foreword = document.chapters[1]
    signature = foreword.blocks[-1]
    person = signature.signatories[0]
    assert signature.place_date == f"Tanjungpandan, {BLANK}"  # the date, written when signed
    assert (person.name, person.rank, person.nip) == (
        "H. NURMAN SUNANDA, SE., MM", "Pembina Utama Muda", "NIP. 196508051994031006")


def test_charts_are_embedded_pngs_and_drawings_svg(document):
    figures = figures_of(document)
    assert len(figures) >= 9
    assert all(isinstance(f, Figure) and (f.png.startswith(b"\x89PNG") if f.svg is None
                                          else f.svg.startswith("<svg")) for f in figures)
    captions = [f.caption for f in figures]
    assert "Pelayanan dan Penanganan terhadap PMKS" in captions  # PMKS handled 2018–2020
    assert "Serapan Anggaran per Program Tahun 2020" in captions
    assert "Rata-rata Capaian Kinerja Tujuan/Sasaran Tahun 2020" in captions


def test_wide_tables_are_landscape(document):
    assert by_caption(document, "Program dan Kegiatan untuk Pencapaian").landscape
    assert by_caption(document, "Realisasi dan Capaian Kinerja Dinas Sosial").landscape
    assert not by_caption(document, "Komposisi Belanja").landscape
    assert document.chapters[0].kind is ChapterKind.COVER


def test_the_goal_table_shows_the_goal_own_mean(document, measurement):
    means = by_caption(document, "Rata-rata Capaian Kinerja Tujuan/Sasaran")
    assert row_of(means, "Tujuan 1: Meningkatnya kesejahteraan PMKS")[3] == "1.002,00"
    assert measurement.own_group("T1").achievement == Decimal("1002.00")
