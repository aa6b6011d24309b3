"""Every sheet and column of the workbook, declared once.

The order of :data:`SHEETS` is the order of the sheets in the workbook; the order of the
columns is the order the template writes them (the importer finds columns by header, so a
user may reorder them). Keys are the model's field names, or a row key that names a parent
record (``indicator``, ``strategy``, ``table`` …).
"""

from __future__ import annotations

from sakip.core import records as R
from sakip.io.workbook.schema import Column, Kind, Layout, Sheet

C = Column  # the declarations below are long; keep them readable


def _official(prefix: str, who: str) -> tuple[Column, ...]:
    return (
        C(f"{prefix}_name", f"Nama {who}", Kind.TEXT,
          f"Nama lengkap {who} (dengan gelar); boleh kosong bila jabatannya diisi.", width=30),
        C(f"{prefix}_title", f"Jabatan {who}", Kind.TEXT, f"Jabatan {who}.", width=24),
        C(f"{prefix}_rank", f"Pangkat {who}", Kind.TEXT,
          f"Pangkat/golongan {who}, misalnya Pembina Utama Muda (IV/c).", width=24),
        C(f"{prefix}_nip", f"NIP {who}", Kind.CODE,
          f"NIP {who}: 18 angka, ditulis sebagai teks.", width=22),
    )


REGION = Sheet(
    "Pemda",
    "Pemerintah daerah dan RPJMD-nya; kosongkan seluruhnya bila rencana hanya untuk diukur "
    "(laporan kinerja memerlukannya).",
    (
        C("name", "Nama pemerintah daerah", Kind.TEXT, "Misalnya Kabupaten Belitung.",
          required=True, width=30),
        C("kind", "Jenis", Kind.CHOICE, "Provinsi, Kabupaten atau Kota.", required=True),
        C("head_title", "Jabatan kepala daerah", Kind.TEXT,
          "Bupati, Wali Kota atau Gubernur. Kosong: Bupati."),
        C("head_name", "Nama kepala daerah", Kind.TEXT, "Nama kepala daerah."),
        C("rpjmd_start", "RPJMD tahun awal", Kind.YEAR, "Tahun pertama RPJMD."),
        C("rpjmd_end", "RPJMD tahun akhir", Kind.YEAR, "Tahun terakhir RPJMD."),
        C("vision", "Visi", Kind.TEXT, "Visi RPJMD."),
    ),
    layout=Layout.FORM,
    record=R.REGION,
    optional=True,
)

MISSIONS = Sheet(
    "Misi",
    "Satu misi RPJMD per baris.",
    (
        C("code", "Kode", Kind.CODE, "Kode misi, misalnya M1; dirujuk dari lembar Tujuan.",
          required=True),
        C("text", "Misi", Kind.TEXT, "Bunyi misi.", required=True, width=80),
    ),
    record=R.MISSION,
)

AGENCY = Sheet(
    "Perangkat Daerah",
    "Perangkat daerah (OPD) dan kepalanya.",
    (
        C("code", "Kode", Kind.CODE, "Kode perangkat daerah.", required=True),
        C("name", "Nama", Kind.TEXT, "Nama lengkap perangkat daerah.", required=True, width=40),
        C("short_name", "Singkatan", Kind.TEXT, "Nama singkat, misalnya DSPPPA."),
        C("address", "Alamat", Kind.TEXT, "Alamat kantor."),
        C("phone", "Telepon", Kind.CODE, "Nomor telepon, ditulis sebagai teks."),
        C("legal_basis_of_organisation", "Dasar hukum organisasi", Kind.TEXT,
          "Peraturan tentang kedudukan, susunan organisasi, tugas dan fungsi."),
        C("position", "Kedudukan", Kind.TEXT, "Kedudukan perangkat daerah."),
        C("task", "Tugas", Kind.TEXT, "Tugas pokok perangkat daerah."),
        *_official("head", "kepala"),
    ),
    layout=Layout.FORM,
    record=R.AGENCY,
)

UNITS = Sheet(
    "Unit",
    "Satu unit organisasi (Sekretariat, Bidang …) per baris.",
    (
        C("code", "Kode", Kind.CODE, "Kode unit; dirujuk dari Program, Kegiatan dan Fungsi.",
          required=True),
        C("name", "Nama", Kind.TEXT, "Nama unit.", required=True, width=40),
        C("task", "Tugas", Kind.TEXT, "Tugas unit.", width=60),
        C("parent", "Unit induk", Kind.CODE,
          "Untuk Sub Bagian atau Seksi: kode Sekretariat atau Bidang di atasnya."),
        *_official("head", "kepala unit"),
    ),
    record=R.UNIT,
)

FUNCTIONS = Sheet(
    "Fungsi",
    "Satu fungsi per baris, milik perangkat daerah (kolom Unit kosong) atau sebuah unit.",
    (
        C("unit", "Unit", Kind.CODE,
          "Kode unit pemilik fungsi; kosongkan untuk fungsi perangkat daerah."),
        C("text", "Fungsi", Kind.TEXT, "Bunyi fungsi, urut seperti dalam peraturan.",
          required=True, width=80),
    ),
)

PLAN = Sheet(
    "Renstra",
    "Rencana strategis (Renstra) dan periodenya.",
    (
        C("name", "Nama Renstra", Kind.TEXT,
          "Misalnya Renstra DSPPPA 2018-2023; kosong: Renstra tahun awal–tahun akhir.", width=30),
        C("start", "Tahun awal", Kind.YEAR, "Tahun pertama yang bertarget.", required=True),
        C("end", "Tahun akhir", Kind.YEAR, "Tahun terakhir yang bertarget.", required=True),
        C("baseline_year", "Tahun data awal", Kind.YEAR,
          "Tahun data awal (baseline), biasanya setahun sebelum tahun awal."),
    ),
    layout=Layout.FORM,
    record=R.STRATEGIC_PLAN,
)

REVISIONS = Sheet(
    "Revisi",
    "Satu perubahan Renstra atau IKU per baris.",
    (
        C("date", "Tanggal", Kind.DATE, "Tanggal penetapan: 2020-12-08 atau 2020-12.",
          required=True),
        C("subject", "Yang diubah", Kind.CHOICE, "Renstra atau IKU.", required=True),
        C("reference", "Dasar", Kind.TEXT, "Nomor keputusan.", width=40),
        C("note", "Catatan", Kind.TEXT, "Keterangan.", width=40),
    ),
    record=R.REVISION,
)

SETTINGS = Sheet(
    "Pengaturan",
    "Cara menghitung capaian; isian kosong berarti nilai bawaan.",
    (
        C("rounding", "Pembulatan", Kind.CHOICE,
          "Setengah ke atas (bawaan) atau Potong (hanya untuk meniru laporan lama)."),
        C("achievement_places", "Desimal capaian", Kind.INTEGER,
          "Jumlah angka desimal capaian, serapan dan rata-rata (bawaan 2)."),
        C("negative_formula", "Rumus indikator negatif", Kind.CHOICE,
          "2T-R: (2T − R) / T × 100 (bawaan); T/R: T / R × 100."),
        C("cap", "Batas capaian untuk rata-rata", Kind.DECIMAL,
          "Misalnya 120: capaian di atasnya dihitung 120 saat dirata-rata. Kosong: tanpa batas."),
        C("absorption_threshold", "Ambang serapan", Kind.DECIMAL,
          "Kegiatan dengan serapan di bawahnya dicantumkan beserta penjelasannya (bawaan 80)."),
        C("predicate_scale", "Skala predikat", Kind.CODE,
          "Kode skala predikat (bawaan predikat-permenpan)."),
        C("category_scale", "Skala kategori", Kind.CODE,
          "Kode skala kategori (bawaan kategori-permendagri-54-2010)."),
        C("absorption_places", "Desimal serapan", Kind.INTEGER,
          "Jumlah angka desimal serapan anggaran. Kosong: sama dengan Desimal capaian."),
        C("qualitative_in_means", "Kualitatif dalam rata-rata", Kind.BOOLEAN,
          "Ya: target kualitatif yang tercapai dihitung 100 (tidak tercapai 0) sebagai capaian "
          "dan dalam rata-rata. Bawaan Tidak: tidak ada angka capaian."),
        C("off_track_below", "Batas capaian periode rendah", Kind.DECIMAL,
          "Realisasi triwulan/bulan dengan capaian di bawahnya wajib diberi faktor penghambat "
          "dan rencana tindak lanjut (bawaan 80)."),
        C("well_above", "Batas capaian periode tinggi", Kind.DECIMAL,
          "Realisasi triwulan/bulan dengan capaian di atasnya wajib diberi faktor pendorong "
          "(bawaan 120)."),
    ),
    layout=Layout.FORM,
    record=R.SETTINGS,
)

GOALS = Sheet(
    "Tujuan",
    "Satu tujuan Renstra per baris.",
    (
        C("code", "Kode", Kind.CODE, "Kode tujuan, misalnya T1.", required=True),
        C("name", "Tujuan", Kind.TEXT, "Rumusan tujuan.", required=True, width=60),
        C("mission", "Misi", Kind.CODE, "Kode misi (lembar Misi) yang didukung."),
        C("serves", "Sasaran daerah", Kind.LIST,
          "Kode sasaran daerah RPJMD yang didukung, dipisah titik koma: SD1; SD2.", width=20),
    ),
    record=R.GOAL,
)

OBJECTIVES = Sheet(
    "Sasaran",
    "Satu sasaran strategis per baris.",
    (
        C("code", "Kode", Kind.CODE, "Kode sasaran, misalnya S1.", required=True),
        C("name", "Sasaran", Kind.TEXT, "Rumusan sasaran.", required=True, width=60),
        C("goal", "Tujuan", Kind.CODE, "Kode tujuan (lembar Tujuan) sasaran ini.",
          required=True),
        C("serves", "Sasaran daerah", Kind.LIST,
          "Kode sasaran daerah RPJMD yang didukung, dipisah titik koma; kosong: seperti "
          "tujuannya.", width=20),
    ),
    record=R.OBJECTIVE,
)

STRATEGIES = Sheet(
    "Strategi",
    "Satu strategi per baris.",
    (
        C("code", "Kode", Kind.CODE, "Kode strategi.", required=True),
        C("text", "Strategi", Kind.TEXT, "Rumusan strategi.", required=True, width=60),
        C("objectives", "Sasaran", Kind.LIST,
          "Kode sasaran yang dilayani, dipisah titik koma: S1; S2.", width=20),
    ),
    record=R.STRATEGY,
)

POLICIES = Sheet(
    "Arah Kebijakan",
    "Satu arah kebijakan per baris, di bawah sebuah strategi.",
    (
        C("strategy", "Strategi", Kind.CODE, "Kode strategi (lembar Strategi).",
          required=True),
        C("text", "Arah kebijakan", Kind.TEXT, "Rumusan arah kebijakan.", required=True,
          width=80),
    ),
)

PROGRAMS = Sheet(
    "Program",
    "Satu program per baris.",
    (
        C("code", "Kode", Kind.CODE, "Kode program, misalnya P1.", required=True),
        C("name", "Program", Kind.TEXT, "Nama program.", required=True, width=60),
        C("objective", "Sasaran", Kind.CODE,
          "Kode sasaran yang dilayani; kosong bila belum dikaitkan."),
        C("unit", "Unit", Kind.CODE, "Kode unit penanggung jawab."),
    ),
    record=R.PROGRAM,
)

ACTIVITIES = Sheet(
    "Kegiatan",
    "Satu kegiatan atau sub kegiatan per baris.",
    (
        C("code", "Kode", Kind.CODE, "Kode kegiatan, misalnya K1.1.", required=True),
        C("name", "Kegiatan", Kind.TEXT, "Nama kegiatan.", required=True, width=60),
        C("program", "Program", Kind.CODE,
          "Kode program (lembar Program). Setiap kegiatan wajib berada di bawah program."),
        C("parent", "Kegiatan induk", Kind.CODE,
          "Untuk sub kegiatan: kode kegiatan induknya (program yang sama)."),
        C("output", "Keluaran", Kind.TEXT, "Keluaran (output) kegiatan.", width=40),
        C("outcome", "Hasil", Kind.TEXT, "Hasil (outcome) kegiatan.", width=40),
        C("unit", "Unit", Kind.CODE, "Kode unit pelaksana."),
    ),
    record=R.ACTIVITY,
)

def _indicator_columns(levels: str, owners: str) -> tuple[Column, ...]:
    """The columns of an indicator: an agency's (lembar Indikator) or an IKU Pemda."""
    return (
        C("code", "Kode", Kind.CODE, "Kode indikator, unik di seluruh lembar.", required=True),
        C("name", "Indikator", Kind.TEXT, "Nama indikator.", required=True, width=50),
        C("level", "Tingkat", Kind.CHOICE, levels,
          required=True),
        C("owner", "Pemilik", Kind.CODE,
          owners,
          required=True),
        C("unit", "Satuan", Kind.TEXT, "Satuan: %, indeks, kasus per 10.000 …"),
        C("precision", "Desimal", Kind.INTEGER,
          "Jumlah angka desimal realisasi (bawaan 2)."),
        C("polarity", "Polaritas", Kind.CHOICE,
          "Positif: makin tinggi makin baik. Negatif: makin rendah makin baik. "
          "Stabil: tepat pada target atau di dalam rentang target."),
        C("negative_formula", "Rumus negatif", Kind.CHOICE,
          "Hanya untuk indikator negatif, bila berbeda dari Pengaturan: 2T-R atau T/R."),
        C("aggregation", "Gabungan triwulan", Kind.CHOICE,
          "Cara triwulan atau bulan membentuk nilai setahun: Jumlah, Nilai terakhir (bawaan), "
          "Rata-rata, Tertinggi, Terendah.", width=16),
        C("over_years", "Gabungan tahun", Kind.CHOICE,
          "Cara tahun-tahun Renstra membentuk realisasi s.d. tahun ini (formulir E.81/E.80): "
          "Nilai terakhir (bawaan: angka tingkat, persentase) atau Jumlah (target akhir "
          "berupa total selama Renstra).", width=16),
        C("cap", "Batas capaian", Kind.DECIMAL,
          "Capaian indikator ini paling tinggi sekian, misalnya 100 atau 120 (dicatat dalam "
          "laporan beserta capaian sebelum dibatasi). Kosong: tanpa batas."),
        C("formula", "Rumus", Kind.TEXT,
          "Rumus dari seri data, misalnya (pmks[n-1] - pmks[n]) / pmks[n-1] * 100.",
          width=40),
        C("definition", "Definisi", Kind.TEXT, "Definisi operasional.", width=40),
        C("data_source", "Sumber data", Kind.TEXT, "Sumber data.", width=24),
        C("calculation", "Cara perhitungan", Kind.TEXT,
          "Cara menghitung dengan kata-kata (manual indikator), bila tidak ada Rumus.", width=40),
        C("rationale", "Alasan pemilihan", Kind.TEXT,
          "Mengapa indikator ini dipilih untuk mengukur sasarannya.", width=40),
        C("frequency", "Frekuensi", Kind.CHOICE,
          "Seberapa sering diukur: Bulanan, Triwulanan, Semesteran atau Tahunan."),
        C("responsible", "Penanggung jawab", Kind.TEXT,
          "Pejabat atau unit yang bertanggung jawab atas data indikator ini.", width=24),
        C("key", "IKU", Kind.BOOLEAN, "Ya bila indikator kinerja utama."),
        C("kind", "Jenis", Kind.CHOICE, "Input, Output, Outcome atau Dampak."),
        C("levels", "Tingkatan kualitatif", Kind.LIST,
          "Untuk indikator kualitatif: tingkatan dari terendah, dipisah titik koma: "
          "Pratama; Madya; Nindya; Utama.", width=30),
        C("baseline_year", "Tahun data awal", Kind.YEAR, "Tahun data awal (baseline)."),
        C("baseline_value", "Nilai data awal", Kind.DECIMAL, "Nilai data awal (angka)."),
        C("baseline_text", "Data awal (teks)", Kind.TEXT, "Data awal kualitatif."),
    )


INDICATORS = Sheet(
    "Indikator",
    "Satu indikator kinerja per baris, dengan cara mengukurnya.",
    _indicator_columns("Tujuan, Sasaran, Program atau Kegiatan.",
                       "Kode tujuan, sasaran, program atau kegiatan pemilik indikator (sesuai "
                       "Tingkat)."),
    record=R.INDICATOR,
)

_TARGET_COLUMNS: tuple[Column, ...] = (
        C("indicator", "Indikator", Kind.CODE, "Kode indikator.", required=True),
        C("year", "Tahun", Kind.YEAR, "Tahun target, di dalam periode Renstra.",
          required=True),
        C("quarter", "Triwulan", Kind.INTEGER, "1–4 untuk target triwulan; kosong untuk setahun."),
        C("month", "Bulan", Kind.INTEGER, "1–12 untuk target bulanan; kosong untuk setahun."),
        C("value", "Target", Kind.DECIMAL, "Target angka, misalnya 94,78."),
        C("text", "Target (teks)", Kind.TEXT, "Target kualitatif, misalnya Pratama."),
        C("upper", "Batas atas", Kind.DECIMAL,
          "Untuk indikator stabil: batas atas rentang target [Target, Batas atas]."),
        C("note", "Catatan", Kind.TEXT,
          "Pada target setahun: mengapa target per periode tidak menghasilkan target ini.",
          width=30),
)

TARGETS = Sheet(
    "Target",
    "Satu target indikator per baris: setahun, atau satu triwulan atau bulan (rencana aksi).",
    _TARGET_COLUMNS,
    record=R.TARGET,
)

_ACTUAL_COLUMNS: tuple[Column, ...] = (
        C("indicator", "Indikator", Kind.CODE, "Kode indikator.", required=True),
        C("year", "Tahun", Kind.YEAR, "Tahun realisasi.", required=True),
        C("quarter", "Triwulan", Kind.INTEGER, "1–4; kosong untuk realisasi setahun."),
        C("month", "Bulan", Kind.INTEGER, "1–12 untuk realisasi bulanan; kosong untuk setahun."),
        C("value", "Realisasi", Kind.DECIMAL, "Realisasi angka."),
        C("text", "Realisasi (teks)", Kind.TEXT, "Realisasi kualitatif, misalnya Pratama."),
        C("status", "Status", Kind.CHOICE,
          "Final (bawaan), Sementara, atau Belum tersedia (isi Alasan)."),
        C("reason", "Alasan", Kind.TEXT,
          "Mengapa belum tersedia atau sementara, misalnya data belum dirilis BPS.",
          width=30),
        C("expected", "Perkiraan tersedia", Kind.DATE, "Kapan data diharapkan: 2021-06."),
        C("note", "Catatan", Kind.TEXT, "Asal data atau keterangan.", width=30),
        C("obstacles", "Faktor penghambat", Kind.TEXT,
          "Wajib bila capaian periode di bawah batas (pengaturan): apa yang menghambat.",
          width=30),
        C("follow_up", "Rencana tindak lanjut", Kind.TEXT,
          "Wajib bersama faktor penghambat: langkah yang akan diambil.", width=30),
        C("drivers", "Faktor pendorong", Kind.TEXT,
          "Wajib bila capaian periode jauh di atas target: apa yang mendorong.", width=30),
)

ACTUALS = Sheet(
    "Realisasi",
    "Satu realisasi indikator per baris: setahun, atau satu triwulan atau bulan.",
    _ACTUAL_COLUMNS,
    record=R.ACTUAL,
)

REGION_GOALS = Sheet(
    "Tujuan Daerah",
    "Satu tujuan RPJMD per baris.",
    (
        C("code", "Kode", Kind.CODE, "Kode tujuan daerah, misalnya TD1.", required=True),
        C("name", "Tujuan daerah", Kind.TEXT, "Rumusan tujuan RPJMD.", required=True, width=60),
        C("mission", "Misi", Kind.CODE, "Kode misi (lembar Misi) yang didukung."),
    ),
    record=R.REGION_GOAL,
    added_later=True,
)

REGION_OBJECTIVES = Sheet(
    "Sasaran Daerah",
    "Satu sasaran RPJMD per baris; dirujuk dari kolom Sasaran daerah lembar Tujuan dan Sasaran.",
    (
        C("code", "Kode", Kind.CODE, "Kode sasaran daerah, misalnya SD1.", required=True),
        C("name", "Sasaran daerah", Kind.TEXT, "Rumusan sasaran RPJMD.", required=True,
          width=60),
        C("goal", "Tujuan daerah", Kind.CODE, "Kode tujuan daerah (lembar Tujuan Daerah).",
          required=True),
    ),
    record=R.REGION_OBJECTIVE,
    added_later=True,
)

REGION_INDICATORS = Sheet(
    "IKU Pemda",
    "Satu indikator kinerja utama pemerintah daerah per baris.",
    _indicator_columns("Tujuan atau Sasaran (daerah).",
                       "Kode tujuan daerah atau sasaran daerah pemilik indikator (sesuai "
                       "Tingkat)."),
    record=R.REGION_INDICATOR,
    added_later=True,
)

REGION_TARGETS = Sheet(
    "Target IKU Pemda",
    "Satu target IKU Pemda per baris.",
    _TARGET_COLUMNS,
    record=R.REGION_TARGET,
    added_later=True,
)

REGION_ACTUALS = Sheet(
    "Realisasi IKU Pemda",
    "Satu realisasi IKU Pemda per baris.",
    _ACTUAL_COLUMNS,
    record=R.REGION_ACTUAL,
    added_later=True,
)

CONTRIBUTIONS = Sheet(
    "Kontribusi",
    "Satu baris per perangkat daerah yang ikut mewujudkan sebuah sasaran daerah (crosscutting).",
    (
        C("objective", "Sasaran daerah", Kind.CODE, "Kode sasaran daerah.", required=True),
        C("agency", "Perangkat daerah", Kind.CODE, "Kode perangkat daerah yang berkontribusi.",
          required=True),
        C("indicators", "Indikator", Kind.LIST,
          "Kode indikator perangkat daerah itu yang mengukur kontribusinya, dipisah titik "
          "koma.", width=24),
        C("note", "Catatan", Kind.TEXT, "Bentuk kontribusinya.", width=40),
    ),
    record=R.CONTRIBUTION,
    added_later=True,
)

SERIES = Sheet(
    "Seri Data",
    "Satu seri data mentah per baris (dipakai rumus indikator).",
    (
        C("code", "Kode", Kind.CODE,
          "Kode seri: huruf, angka dan garis bawah, diawali huruf (pmks).", required=True),
        C("name", "Nama", Kind.TEXT, "Nama seri, misalnya Jumlah PMKS.", required=True,
          width=40),
        C("unit", "Satuan", Kind.TEXT, "Satuan."),
        C("source", "Sumber", Kind.TEXT, "Sumber data.", width=30),
    ),
    record=R.SERIES,
)

SERIES_VALUES = Sheet(
    "Nilai Seri",
    "Satu nilai seri data untuk satu tahun per baris.",
    (
        C("series", "Seri", Kind.CODE, "Kode seri (lembar Seri Data).", required=True),
        C("year", "Tahun", Kind.YEAR, "Tahun.", required=True),
        C("value", "Nilai", Kind.DECIMAL, "Nilai.", required=True),
    ),
    record=R.SERIES_VALUE,
)

BUDGETS = Sheet(
    "Anggaran",
    "Anggaran satu kegiatan per baris: setahun (pagu dan realisasi), atau realisasi satu "
    "triwulan atau bulan.",
    (
        C("activity", "Kegiatan", Kind.CODE, "Kode kegiatan (lembar Kegiatan).",
          required=True),
        C("year", "Tahun", Kind.YEAR, "Tahun anggaran.", required=True),
        C("quarter", "Triwulan", Kind.INTEGER,
          "1–4 untuk realisasi triwulan (tanpa pagu); kosong untuk setahun."),
        C("month", "Bulan", Kind.INTEGER,
          "1–12 untuk realisasi bulanan (tanpa pagu); kosong untuk setahun."),
        C("ceiling_original", "Pagu induk", Kind.MONEY, "Pagu sebelum perubahan (Rp).",
          width=18),
        C("ceiling", "Pagu", Kind.MONEY, "Pagu setelah perubahan (Rp); yang diukur.",
          width=18),
        C("spent", "Realisasi anggaran", Kind.MONEY, "Belanja yang terealisasi (Rp).",
          width=18),
        C("physical", "Realisasi fisik", Kind.DECIMAL,
          "Realisasi fisik (%); untuk periode: yang tercapai sampai akhir periode."),
        C("source_of_funds", "Sumber dana", Kind.TEXT, "DAU, DAK, DID …"),
        C("explanation", "Penjelasan", Kind.TEXT,
          "Penjelasan bila serapan rendah.", width=40),
    ),
    record=R.BUDGET,
)

SPENDING = Sheet(
    "Belanja",
    "Satu baris komposisi belanja perangkat daerah untuk satu tahun.",
    (
        C("year", "Tahun", Kind.YEAR, "Tahun anggaran.", required=True),
        C("kind", "Jenis", Kind.CHOICE,
          "Belanja Tidak Langsung, Belanja Langsung atau Lainnya.", required=True, width=22),
        C("label", "Uraian", Kind.TEXT, "Uraian belanja.", required=True, width=30),
        C("ceiling_original", "Pagu induk", Kind.MONEY, "Pagu sebelum perubahan (Rp).",
          width=18),
        C("ceiling", "Pagu", Kind.MONEY, "Pagu setelah perubahan (Rp).", width=18),
        C("spent", "Realisasi", Kind.MONEY, "Realisasi belanja (Rp).", width=18),
    ),
    record=R.SPENDING,
)

AGREEMENTS = Sheet(
    "PK",
    "Satu versi Perjanjian Kinerja per baris: yang awal (nomor 0) atau perubahannya.",
    (
        C("year", "Tahun", Kind.YEAR, "Tahun perjanjian kinerja.", required=True),
        C("number", "Nomor versi", Kind.INTEGER, "0 untuk PK awal, 1, 2 … untuk perubahan.",
          required=True),
        C("kind", "Jenis", Kind.CHOICE, "Awal atau Perubahan.", required=True),
        C("signed", "Tanggal", Kind.DATE, "Tanggal penandatanganan: 2020-01-02 atau 2020-01."),
        C("reason", "Alasan perubahan", Kind.TEXT, "Alasan perubahan.", width=30),
        *_official("first_party", "pihak pertama"),
        *_official("second_party", "pihak kedua"),
    ),
    record=R.AGREEMENT,
)

AGREEMENT_ITEMS = Sheet(
    "PK Indikator",
    "Satu indikator dan targetnya dalam satu versi Perjanjian Kinerja per baris.",
    (
        C("year", "Tahun", Kind.YEAR, "Tahun PK (lembar PK).", required=True),
        C("number", "Nomor versi", Kind.INTEGER, "Nomor versi PK (lembar PK).",
          required=True, minimum=0, maximum=99),
        C("indicator", "Indikator", Kind.CODE, "Kode indikator.", required=True),
        C("target", "Target", Kind.DECIMAL, "Target angka."),
        C("target_text", "Target (teks)", Kind.TEXT, "Target kualitatif."),
    ),
    record=R.AGREEMENT_ITEM,
)

TABLES = Sheet(
    "Data Dukung",
    "Satu tabel data dukung per baris; isinya di lembar Isi Data Dukung.",
    (
        C("code", "Kode", Kind.CODE, "Kode tabel.", required=True),
        C("title", "Judul", Kind.TEXT, "Judul tabel.", required=True, width=50),
        C("year", "Tahun", Kind.YEAR, "Tahun data."),
        C("subject", "Untuk", Kind.CODE,
          "Kode tujuan, sasaran, program, kegiatan atau indikator yang didukung."),
        C("source", "Sumber", Kind.TEXT, "Sumber data.", width=30),
        C("note", "Catatan", Kind.TEXT, "Catatan.", width=30),
    ),
    record=R.TABLE,
)

TABLE_CELLS = Sheet(
    "Isi Data Dukung",
    "Satu baris tabel data dukung per baris: baris 0 memuat nama-nama kolom, baris 1, 2 … "
    "isinya; sel di Kolom 1, Kolom 2 … berisi angka, teks, atau kosong.",
    (
        C("table", "Tabel", Kind.CODE, "Kode tabel (lembar Data Dukung).", required=True),
        C("row", "Baris", Kind.INTEGER, "0 untuk nama kolom, lalu 1, 2, 3 … untuk isi.",
          required=True, minimum=0),
    ),
    open_columns="Kolom",
)

NARRATIVES = Sheet(
    "Narasi",
    "Satu blok narasi per baris; butir-butirnya di lembar Butir Narasi.",
    (
        C("number", "No", Kind.INTEGER, "Nomor narasi, unik; dirujuk dari Butir Narasi.",
          required=True, minimum=1, width=6),
        C("kind", "Jenis", Kind.CHOICE, "Jenis narasi (permasalahan, solusi …).",
          required=True, width=18),
        C("subject", "Untuk", Kind.CODE,
          "Kode tujuan, sasaran atau program; kosong untuk perangkat daerah."),
        C("year", "Tahun", Kind.YEAR, "Tahun laporan."),
        C("text", "Teks", Kind.TEXT, "Isi narasi; boleh kosong bila narasi punya butir.",
          width=80),
    ),
    record=R.NARRATIVE,
)

NARRATIVE_ITEMS = Sheet(
    "Butir Narasi",
    "Satu butir bernomor dari sebuah narasi per baris, urut.",
    (
        C("narrative", "No narasi", Kind.INTEGER, "Nomor narasi (kolom No di lembar Narasi).",
          required=True, minimum=1),
        C("text", "Butir", Kind.TEXT, "Isi butir.", required=True, width=80),
    ),
)

SCALES = Sheet(
    "Skala",
    "Satu skala capaian tambahan per baris; skala bawaan (predikat-permenpan, "
    "kategori-permendagri-54-2010 …) sudah tersedia dan tidak ditulis di sini.",
    (
        C("code", "Kode", Kind.CODE, "Kode skala.", required=True, width=24),
        C("name", "Nama", Kind.TEXT, "Nama skala.", required=True, width=40),
        C("kind", "Jenis", Kind.CHOICE, "Predikat atau Kategori.", required=True),
        C("closed", "Batas tertutup", Kind.CHOICE,
          "Kiri: setiap pita [bawah, atas). Kanan: setiap pita (bawah, atas].",
          required=True),
        C("source", "Sumber", Kind.TEXT, "Peraturan sumber skala.", width=30),
    ),
    record=R.SCALE,
)

BANDS = Sheet(
    "Pita Skala",
    "Satu pita (label) sebuah skala per baris, urut.",
    (
        C("scale", "Skala", Kind.CODE, "Kode skala (lembar Skala).", required=True, width=24),
        C("label", "Label", Kind.TEXT, "Label, misalnya Sangat baik.", required=True,
          width=20),
        C("label_en", "Label (Inggris)", Kind.TEXT, "Label dalam bahasa Inggris."),
        C("lower", "Batas bawah", Kind.DECIMAL, "Kosong: tanpa batas bawah."),
        C("upper", "Batas atas", Kind.DECIMAL, "Kosong: tanpa batas atas."),
        C("exactly", "Tepat", Kind.DECIMAL, "Untuk pita satu nilai, misalnya 100."),
        C("color", "Warna", Kind.CODE, "Warna, misalnya #2e7d32."),
        C("closed", "Batas tertutup", Kind.CHOICE,
          "Kosong: seperti skalanya. Kedua ujung: pita [bawah, atas], misalnya 86 s.d. 100."),
    ),
    record=R.BAND,
)

SHEETS: tuple[Sheet, ...] = (
    REGION,
    MISSIONS,
    REGION_GOALS,
    REGION_OBJECTIVES,
    REGION_INDICATORS,
    REGION_TARGETS,
    REGION_ACTUALS,
    CONTRIBUTIONS,
    AGENCY,
    UNITS,
    FUNCTIONS,
    PLAN,
    REVISIONS,
    SETTINGS,
    GOALS,
    OBJECTIVES,
    STRATEGIES,
    POLICIES,
    PROGRAMS,
    ACTIVITIES,
    INDICATORS,
    TARGETS,
    ACTUALS,
    SERIES,
    SERIES_VALUES,
    BUDGETS,
    SPENDING,
    AGREEMENTS,
    AGREEMENT_ITEMS,
    TABLES,
    TABLE_CELLS,
    NARRATIVES,
    NARRATIVE_ITEMS,
    SCALES,
    BANDS,
)

README_SHEET = "Petunjuk"
"""The readme sheet; written by the template, ignored by the importer."""

SHEET_BY_NAME = {sheet.name: sheet for sheet in SHEETS}
