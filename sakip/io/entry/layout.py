"""The entry workbook's shape, declared once: its sheets, their columns, which cells are entry
cells, and the identification it carries. The writer, the reader and the "Petunjuk" sheet all
read this declaration.

A column is a :class:`sakip.io.workbook.schema.Column`, so its cells are written and read by the
full workbook's own cell functions (:mod:`sakip.io.workbook.cells`): the same numbers the
Indonesian way, the same choices, the same refusals.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sakip.core.enums import ActualStatus
from sakip.io.entry.period import EntryPeriod
from sakip.io.workbook.schema import Column, Kind

README = "Petunjuk"
INDICATORS = "Indikator"
BUDGETS = "Anggaran"
META = "Sakip"  # very hidden: what the workbook is for
COPIES = {INDICATORS: "Salinan Indikator", BUDGETS: "Salinan Anggaran"}  # very hidden
FORMAT = "sakip-entry/1"
CLOSED_MARK = "tertutup"  # in a copy's column after the last: the row is closed for entry
HEADER_ROW = 3  # 1-based: a title and a hint above it
FIRST_ROW = HEADER_ROW + 1

# The identification in the META sheet: field name in column A, value in column B, row by row;
# each is also a defined name of the workbook (SAKIP_AGENCY …) for anyone who looks.
META_FIELDS = ("format", "agency", "year", "quarter", "month", "period")
META_NAMES = {"agency": "SAKIP_AGENCY", "year": "SAKIP_YEAR", "quarter": "SAKIP_QUARTER",
              "month": "SAKIP_MONTH"}


@dataclass(frozen=True)
class EntryColumn:
    """A column of an entry sheet: its cell declaration, whether users fill it in, and the
    record field it fills (None: shown only)."""

    column: Column
    entry: bool = False
    field: str | None = None
    qualitative: Column | None = None  # how the cell is read for a qualitative indicator

    @property
    def key(self) -> str:
        return self.column.key

    @property
    def header(self) -> str:
        return self.column.header

    def for_row(self, qualitative: bool) -> Column:
        """The cell declaration for a row: text for a qualitative indicator's value."""
        return self.qualitative if qualitative and self.qualitative is not None else self.column


def _text(key: str, header: str, help_text: str, width: int = 30) -> Column:
    return Column(key, header, Kind.TEXT, help_text, width=width)


def _measure(key: str, header: str, help_text: str) -> EntryColumn:
    """A measure, or for a qualitative indicator its level as text."""
    number = Column(key, header, Kind.DECIMAL, help_text, width=16)
    return EntryColumn(number, qualitative=replace(number, kind=Kind.TEXT))


def indicator_columns(period: EntryPeriod) -> tuple[EntryColumn, ...]:
    """The Indikator sheet's columns for ``period``: for a quarter or a month, the year's target
    (shown), the period's target and realisation (entered); for a whole year, its target (shown)
    and realisation (entered); then the realisation's status, reason, note and causes."""
    year, part = period.year, period.part()
    columns = [
        EntryColumn(Column("code", "Kode", Kind.CODE, "kode indikator", width=12)),
        EntryColumn(_text("name", "Indikator", "nama indikator", width=50)),
        EntryColumn(_text("unit", "Satuan", "satuan ukur", width=12)),
        EntryColumn(_text("level", "Tingkat", "Tujuan, Sasaran, Program atau Kegiatan", width=11)),
        replace(_measure("year_target", f"Target {year}",
                         f"target tahun {year} (Renstra/PK); diubah di tempat lain, bukan di sini")),
    ]
    if period.period is not None:
        columns.append(replace(_measure(
            "period_target", f"Target {part}",
            f"target {part} (rencana aksi): angka, atau tingkatan untuk indikator kualitatif"),
            entry=True, field="value"))
    columns += [
        replace(_measure("value", f"Realisasi {part}",
                         f"realisasi {part}: angka, atau tingkatan untuk indikator kualitatif; "
                         "kosongkan untuk menghapus nilainya"), entry=True, field="value"),
        EntryColumn(Column("status", "Status", Kind.CHOICE,
                           "Final, Sementara, atau Belum tersedia (dengan alasannya); kosong: "
                           "Final", choices=ActualStatus, width=15), entry=True, field="status"),
        EntryColumn(_text("reason", "Alasan",
                          "mengapa realisasi sementara atau belum tersedia"), True, "reason"),
        EntryColumn(_text("note", "Catatan", "sumber data atau keterangan lain"), True, "note"),
        EntryColumn(_text("obstacles", "Faktor penghambat",
                          "wajib bila capaian periode di bawah ambang (bawaan 80 %)"),
                    True, "obstacles"),
        EntryColumn(_text("follow_up", "Rencana tindak lanjut",
                          "wajib bila capaian periode di bawah ambang (bawaan 80 %)"),
                    True, "follow_up"),
        EntryColumn(_text("drivers", "Faktor pendorong",
                          "wajib bila capaian periode di atas ambang (bawaan 120 %)"),
                    True, "drivers"),
    ]
    return tuple(columns)


def budget_columns(period: EntryPeriod) -> tuple[EntryColumn, ...]:
    """The Anggaran sheet's columns: the year's ceiling (shown), the period's spending, physical
    progress by the period's end and explanation (entered)."""
    year, part = period.year, period.part()
    physical = ("realisasi fisik tahun ini, %" if period.period is None
                else f"realisasi fisik sampai akhir {part} (kumulatif), %")
    return (
        EntryColumn(Column("code", "Kode", Kind.CODE, "kode kegiatan atau sub kegiatan", width=14)),
        EntryColumn(_text("name", "Kegiatan / Sub Kegiatan", "nama kegiatan", width=50)),
        EntryColumn(Column("ceiling", f"Pagu {year}", Kind.MONEY,
                           f"pagu tahun {year} setelah perubahan; diubah di tempat lain",
                           width=18)),
        EntryColumn(Column("spent", f"Realisasi anggaran {part}", Kind.MONEY,
                           f"belanja {part} (Rp); kosongkan untuk menghapus", width=20),
                    True, "spent"),
        EntryColumn(Column("physical", "Realisasi fisik (%)", Kind.DECIMAL, physical, width=14),
                    True, "physical"),
        EntryColumn(_text("explanation", "Penjelasan",
                          "penjelasan realisasi, terutama bila serapan rendah", width=40),
                    True, "explanation"),
    )


def columns_of(sheet: str, period: EntryPeriod) -> tuple[EntryColumn, ...]:
    return indicator_columns(period) if sheet == INDICATORS else budget_columns(period)


TITLE = "Petunjuk pengisian buku kerja isian Sakip"


def readme(period: EntryPeriod, agency: str) -> tuple[str, ...]:
    """The Petunjuk sheet's paragraphs, in Indonesian."""
    label = period.label()
    return (
        f"Buku kerja ini untuk mengisi realisasi {label} perangkat daerah {agency}: satu baris per "
        "indikator di lembar Indikator, satu baris per kegiatan dan sub kegiatan di lembar "
        "Anggaran.",
        "Isi hanya sel berwarna kuning. Baris abu-abu sudah diisi per periode lain (per bulan "
        "atau per triwulan): nilainya ditampilkan, tetapi diisi di buku kerja periode itu. "
        "Kode, nama, satuan, tingkat, target tahunan dan pagu "
        "dikunci: diubah di aplikasi atau di templat lengkap, bukan di sini. Lembar dilindungi "
        "tanpa kata sandi; bila perlindungan dibuka dan sel terkunci diubah, baris atau kolom "
        "disisipkan, dihapus atau diurutkan ulang, buku kerja ini ditolak saat diimpor.",
        "Angka boleh diketik sebagai angka Excel atau sebagai teks cara Indonesia: 1.234.567,89 "
        "atau 94,78% atau Rp 5.054.687.243,-. Jangan memakai format sel persen Excel: ketik "
        "94,78, bukan 0,9478. Indikator kualitatif diisi dengan tingkatannya (mis. Pratama).",
        "Mengosongkan sel menghapus nilainya. Baris yang tidak diubah tidak mengubah apa pun, "
        "juga bila nilai di aplikasi berubah setelah buku kerja ini diunduh.",
        "Status: Final, Sementara atau Belum tersedia (pilih dari daftar); Sementara dan Belum "
        "tersedia disertai alasannya. Sel status yang kosong berarti Final.",
        "Capaian periode di bawah ambang (bawaan 80 % dari target periode) tidak dapat disimpan "
        "tanpa faktor penghambat dan rencana tindak lanjut; di atas ambang (bawaan 120 %) tanpa "
        "faktor pendorong. Sakip menolak impor seperti itu dan menyebut lembar, baris dan "
        "kolomnya.",
        "Realisasi fisik anggaran per periode adalah persentase kumulatif sampai akhir periode; "
        "realisasi anggaran adalah belanja periode itu saja.",
        "Impor: sakip import BERKAS.xlsx --into rencana.yaml, atau unggah di halaman Isian "
        "Excel aplikasi web. Buku kerja milik perangkat daerah, tahun atau periode lain "
        "ditolak.",
    )
