"""Writes the sample SIPD exports of tests/test_sipd.py (invented figures; the layouts and the
headers of SIPD's budget realisation reports, docs/sipd.md). Run it again to remake them:

    .venv/bin/python tests/data/sipd/make_samples.py
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent

PROGRAMS = [
    ("1.06.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", [
        ("1.06.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
            ("1.06.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "DAU",
             25_000_000, 27_500_000, 26_150_000, 100),
            ("1.06.01.2.01.0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan "
             "Ikhtisar Realisasi Kinerja SKPD", "DAU", 15_000_000, 15_000_000, 14_250_000, 100),
        ]),
        ("1.06.01.2.02", "Administrasi Keuangan Perangkat Daerah", [
            ("1.06.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "DAU",
             3_150_000_000, 3_204_500_000, "3.120.774.310,50", 100),
        ]),
    ]),
    ("1.06.04", "PROGRAM REHABILITASI SOSIAL", [
        ("1.06.04.2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak "
         "Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar Panti Sosial", [
            ("1.06.04.2.01.0001", "Penyediaan Permakanan", "DAU",
             180_000_000, 165_000_000, 148_500_000, 90),
            ("1.06.04.2.01.0006", "Pemberian Layanan Rujukan", "DAK Non Fisik",
             20_000_000, 20_000_000, 9_600_000, 50),
        ]),
    ]),
]

FLAT_HEADERS = ["No", "Kode Program", "Nama Program", "Kode Kegiatan", "Nama Kegiatan",
                "Kode Sub Kegiatan", "Nama Sub Kegiatan", "Sumber Dana", "Pagu Murni (Rp)",
                "Pagu Perubahan (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Realisasi Fisik (%)",
                "Persentase (%)"]


def flat_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for program, program_name, activities in PROGRAMS:
        for activity, activity_name, subs in activities:
            for code, name, source, original, ceiling, spent, physical in subs:
                rows.append([len(rows) + 1, program, program_name, activity, activity_name, code,
                             name, source, original, ceiling, spent, None, physical, None])
    return rows


def write_flat(path: Path) -> None:
    """One row per sub kegiatan, a title above the header and a total below, as the
    realisation report per sub kegiatan prints them."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Realisasi Sub Kegiatan"
    sheet.append(["LAPORAN REALISASI ANGGARAN PER SUB KEGIATAN"])
    sheet.append(["SKPD: 1.06.0.00.0.00.01.0000 DINAS SOSIAL"])
    sheet.append(["TAHUN ANGGARAN 2024", None, None, "Dicetak:", dt.date(2025, 1, 15)])
    sheet.append([])
    sheet.append(FLAT_HEADERS)
    for row in flat_rows():
        sheet.append(row)
    sheet.append([None, None, "JUMLAH", None, None, None, None, None, 3_390_000_000,
                  3_432_000_000, 3_319_274_310.5])
    book.save(path)


def _value(amount: object) -> Decimal:
    if isinstance(amount, str):  # typed as text the Indonesian way
        return Decimal(amount.replace(".", "").replace(",", "."))
    return Decimal(str(amount))


def _money(value: Decimal) -> str:
    whole, _, cents = f"{value:.2f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + cents


def write_tree(path: Path) -> None:
    """The report's tree: urusan, bidang, programme, kegiatan and sub kegiatan rows in one
    Kode column, Indonesian numbers, semicolons (Excel's CSV in an Indonesian locale)."""
    lines = ["Kode;Uraian;Anggaran;Realisasi;Realisasi Fisik;%",
             "1;URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR;;;;",
             "1.06;URUSAN PEMERINTAHAN BIDANG SOSIAL;;;;"]
    for program, program_name, activities in PROGRAMS:
        subs = [sub for _, _, below in activities for sub in below]
        ceiling = sum((_value(s[4]) for s in subs), Decimal(0))
        spent = sum((_value(s[5]) for s in subs), Decimal(0))
        lines.append(f"{program};{program_name.title()};{_money(ceiling)};{_money(spent)};;")
        for activity, activity_name, below in activities:
            ceiling = sum((_value(s[4]) for s in below), Decimal(0))
            spent = sum((_value(s[5]) for s in below), Decimal(0))
            lines.append(f"{activity};{activity_name};{_money(ceiling)};{_money(spent)};;")
            for code, name, _, _, ceiling_, spent_, physical in below:
                lines.append(f"{code};{name};{_money(_value(ceiling_))};{_money(_value(spent_))};"
                             f"{physical};")
    lines.append(";JUMLAH;3.432.000.000,00;3.319.274.310,50;;")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_flat(HERE / "realisasi-sub-kegiatan.xlsx")
    write_tree(HERE / "realisasi-program-kegiatan.csv")
