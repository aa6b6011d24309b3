"""The text of the "Petunjuk" (readme) sheet, generated from the sheet declarations."""

from __future__ import annotations

from sakip.io.workbook.choices import labels
from sakip.io.workbook.schema import Column, Kind, Layout
from sakip.io.workbook.sheets import SHEETS

TITLE = "Petunjuk pengisian templat Sakip"

INTRO: tuple[str, ...] = (
    "Buku kerja ini memuat data kinerja satu perangkat daerah: Renstra, indikator, target, "
    "realisasi, anggaran, perjanjian kinerja, data dukung dan narasi. Isi setiap lembar, lalu "
    "impor dengan perintah: sakip import BERKAS.xlsx -o rencana.yaml",
    "Jangan menghapus atau mengganti nama lembar dan judul kolom; urutan kolom boleh diubah, "
    "dan lembar tambahan milik Anda diabaikan. Kolom bertanda * wajib diisi. Baris kosong "
    "diabaikan.",
    "Lembar berbentuk formulir (Pemda, Perangkat Daerah, Renstra, Pengaturan): nama isian di "
    "kolom A, nilainya di kolom B.",
    "Angka boleh diketik sebagai angka Excel atau sebagai teks cara Indonesia: 1.234.567,89 "
    "atau 94,78% atau Rp 5.054.687.243,-. Jangan memakai format sel persen Excel: ketik 94,78, "
    "bukan 0,9478.",
    "Kode (T1, S1, P1, K1.1, IKU-01) unik dalam jenisnya dan dipakai untuk saling merujuk: "
    "sasaran merujuk kode tujuan, kegiatan merujuk kode program, target merujuk kode indikator.",
    "Rumus Excel boleh dipakai: yang dibaca adalah hasil rumus yang tersimpan di berkas. Sel "
    "yang digabung (merge) tidak boleh dipakai.",
    "Tanggal ditulis sebagai teks: 2020-12-08, atau 2020-12 bila hanya bulannya diketahui.",
    "Daftar di satu sel (Sasaran di lembar Strategi, Tingkatan kualitatif di lembar Indikator) "
    "dipisah titik koma: S1; S2.",
)

TABLE_HEADER = ("Lembar", "Kolom / isian", "Wajib", "Jenis isian", "Pilihan", "Keterangan")

KIND_TEXT = {
    Kind.TEXT: "teks",
    Kind.CODE: "kode (teks)",
    Kind.LIST: "daftar, dipisah ;",
    Kind.DECIMAL: "angka",
    Kind.MONEY: "rupiah",
    Kind.INTEGER: "bilangan bulat",
    Kind.YEAR: "tahun",
    Kind.BOOLEAN: "Ya / Tidak",
    Kind.CHOICE: "pilihan",
    Kind.DATE: "tanggal (teks)",
    Kind.CELL: "angka, teks atau kosong",
}


def choices_text(column: Column) -> str:
    if column.kind is Kind.CHOICE and column.choices is not None:
        return ", ".join(labels(column.choices))
    if column.kind is Kind.BOOLEAN:
        return "Ya, Tidak"
    if column.minimum is not None or column.maximum is not None:
        low = "" if column.minimum is None else str(column.minimum)
        high = "…" if column.maximum is None else str(column.maximum)
        return f"{low}–{high}"
    return ""


def table_rows() -> list[tuple[str, str, str, str, str, str]]:
    """One row per sheet (its purpose), then one per column."""
    rows: list[tuple[str, str, str, str, str, str]] = []
    for sheet in SHEETS:
        form = "Formulir: nama isian di kolom A, nilai di kolom B. " \
            if sheet.layout is Layout.FORM else ""
        rows.append((sheet.name, "", "", "", "", form + sheet.help))
        for column in sheet.columns:
            rows.append((
                "",
                column.header,
                "ya" if column.required else "",
                KIND_TEXT[column.kind],
                choices_text(column),
                column.help,
            ))
        if sheet.open_columns:
            rows.append((
                "", f"{sheet.open_columns} 1, {sheet.open_columns} 2 …", "",
                KIND_TEXT[Kind.CELL], "",
                "Sel tabel; tambahkan kolom sebanyak yang diperlukan.",
            ))
    return rows
