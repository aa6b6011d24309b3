"""The command line's help in English (``sakip --lang en … --help``), by its Indonesian text.

The help is written once, in Indonesian, beside each option; this catalogue gives each text its
English. ``tests/test_cli_english.py`` walks every command's options and fails when a text has
no English here, so a new or reworded option cannot ship without it.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "Sakip — akuntabilitas kinerja (SAKIP/LKjIP) untuk perangkat daerah.":
        "Sakip — performance accountability (SAKIP/LKjIP) for Indonesian government agencies.",
    "bahasa pesan (id/en), bawaan id": "language of messages (id/en), default id",
    "tampilkan traceback bila gagal": "show the traceback when it fails",
    # the names of values in the usage lines (metavar)
    "PERINTAH": "COMMAND", "BERKAS.xlsx": "FILE.xlsx", "RENCANA.yaml": "PLAN.yaml",
    "EKSPOR.xlsx|.csv": "EXPORT.xlsx|.csv", "BULAN": "MONTH", "FORMULIR": "FORM", "KODE": "CODE",
    "NAMA": "NAME", "NOMOR": "NUMBER", "TAHUN": "YEAR", "TW": "QUARTER",
    # the commands
    "ukur capaian kinerja dan serapan anggaran sebuah rencana (berkas .yaml)":
        "measure the performance achievements and budget absorption of a plan (.yaml file)",
    "jalankan aplikasi web dengan data contoh Belitung dan akun demo per peran (SQLite di ./.sakip/)":
        "run the web application with the Belitung example data and a demo account per role "
        "(SQLite in ./.sakip/)",
    "tulis templat buku kerja Excel kosong untuk diisi perangkat daerah":
        "write an empty Excel workbook template for an agency to fill in",
    "tulis sebuah rencana (berkas .yaml) ke buku kerja Excel":
        "write a plan (.yaml file) to an Excel workbook",
    "baca buku kerja Excel yang sudah diisi menjadi berkas rencana (.yaml)":
        "read a filled-in Excel workbook into a plan file (.yaml)",
    "reviu otomatis atas rencana (.yaml) atau laporan kinerja (.docx, .pdf, .html, .txt, .md)":
        "automated review of a plan (.yaml) or a performance report (.docx, .pdf, .html, .txt, .md)",
    "susun Laporan Kinerja (LKjIP) sebagai .docx, .pdf atau .html":
        "write the performance report (LKjIP) as .docx, .pdf or .html",
    "periksa keutuhan data tahun yang disetujui di basis data aplikasi web (SHA-256 dan rantai "
    "snapshot)":
        "check the integrity of the approved years in the web application's database (SHA-256 "
        "and the snapshot chain)",
    # their options
    "berkas rencana (.yaml)": "plan file (.yaml)",
    "tahun yang diukur (bawaan: tahun terakhir yang berisi realisasi)":
        "year measured (default: the latest year with a realisation)",
    "keluaran JSON untuk mesin": "JSON output for machines",
    "tampilkan juga indikator tanpa data": "also show indicators without data",
    "port (bawaan 8000)": "port (default 8000)",
    "alamat (bawaan 127.0.0.1)": "address (default 127.0.0.1)",
    "siapkan basis data dan akun saja, tanpa menjalankan server":
        "prepare the database and accounts only, without running the server",
    "berkas templat yang ditulis": "template file written",
    "timpa berkas yang sudah ada": "overwrite an existing file",
    "buku kerja yang ditulis": "workbook written",
    "buku kerja yang dibaca": "workbook read",
    "berkas rencana (.yaml) yang ditulis": "plan file (.yaml) written",
    "ukuran berkas terbesar yang diterima (bawaan 50 MiB)":
        "largest file size accepted (default 50 MiB)",
    "jumlah sel terbanyak yang diterima (bawaan 5.000.000)":
        "largest number of cells accepted (default 5,000,000)",
    "berkas rencana (.yaml) atau laporan": "plan file (.yaml) or report",
    "tulis buku kerja isian satu periode (lembar Indikator dan Anggaran, hanya sel isian yang "
    "terbuka), bukan buku kerja lengkap":
        "write the entry workbook of one period (Indikator and Anggaran sheets, only the entry "
        "cells open) instead of the full workbook",
    "tahun buku kerja isian (wajib dengan --entry)": "year of the entry workbook (required with "
        "--entry)",
    "triwulan buku kerja isian (1–4); tanpa --quarter dan --month: setahun":
        "quarter of the entry workbook (1–4); without --quarter and --month: the whole year",
    "bulan buku kerja isian (1–12)": "month of the entry workbook (1–12)",
    "berkas rencana (.yaml) yang diperbarui dengan isi buku kerja isian (sakip export --entry); "
    "ditulis hanya bila tidak ada kesalahan":
        "plan file (.yaml) updated with an entry workbook's values (sakip export --entry); "
        "written only when there is no error",
    "tahun yang direviu (bawaan: dari berkas)": "year reviewed (default: from the file)",
    "cetak temuan sebagai JSON": "print the findings as JSON",
    "tulis Kertas Kerja Reviu (XLSX, DOCX), Catatan Hasil Reviu (DOCX) dan draf Pernyataan Telah "
    "Direviu (DOCX) ke folder ini":
        "write the review working papers (XLSX, DOCX), the review notes (DOCX) and a draft "
        "review statement (DOCX) to this folder",
    "timpa kertas kerja yang sudah ada di folder --papers":
        "overwrite working papers already in the --papers folder",
    "tim reviu (kepala kertas kerja; tanpa ini dikosongkan)":
        "review team (the working papers' header; left empty without these)",
    "nomor Kertas Kerja Reviu": "number of the review working papers (KKR)",
    "anggota tim (boleh diulang)": "team member (may be repeated)",
    "ketua tim": "team lead",
    "pengendali teknis": "technical supervisor",
    "Inspektur yang menandatangani Pernyataan Telah Direviu":
        "the Inspector who signs the review statement",
    "NIP Inspektur": "the Inspector's NIP (civil servant number)",
    "tahun laporan (bawaan: tahun terakhir yang berisi realisasi)":
        "report year (default: the latest year with a realisation)",
    "berkas keluaran; formatnya menurut akhiran: .docx, .pdf atau .html":
        "output file; its format by its extension: .docx, .pdf or .html",
    "tempat penandatanganan Kata Pengantar (bawaan: dari alamat perangkat daerah)":
        "place where the foreword is signed (default: from the agency's address)",
    "tanggal penandatanganan (bawaan: baris kosong, diisi tangan)":
        "date of signing (default: a blank line, filled in by hand)",
    "logo pada sampul: gambar PNG, JPEG atau SVG": "logo on the cover: a PNG, JPEG or SVG image",
    "tanpa grafik": "without charts",
    "tulis formulir Permendagri 86/2017 (E.81, E.80), Laporan Monev triwulan atau Perjanjian "
    "Kinerja berjenjang sebagai .xlsx atau .pdf":
        "write a Permendagri 86/2017 form (E.81, E.80), the quarterly monitoring report or the "
        "performance agreements by level as .xlsx or .pdf",
    "e81 (evaluasi hasil Renja), e80 (evaluasi hasil Renstra), monev (Laporan Monev "
    "triwulan) atau pk (Perjanjian Kinerja setiap jenjang)":
        "e81 (evaluation of the Renja's results), e80 (evaluation of the Renstra's results), "
        "monev (the quarterly monitoring report) or pk (the performance agreement of every "
        "level)",
    "pk: hanya PK unit ini (kode unit kerja; 'kepala' untuk PK kepala perangkat daerah)":
        "pk: only this unit's agreement (the unit's code; 'kepala' for the head of agency's)",
    "tahun yang dievaluasi": "year evaluated",
    "triwulan: E.81 sampai dengan triwulan ini, Monev triwulan ini (wajib untuk monev)":
        "quarter: E.81 up to this quarter, the monitoring report of this quarter (required for "
        "monev)",
    "berkas keluaran; formatnya menurut akhiran: .xlsx atau .pdf":
        "output file; its format by its extension: .xlsx or .pdf",
    "folder data SQLite (bawaan SAKIP_DATA_DIR atau ./.sakip); SAKIP_DATABASE_URL memilih "
    "PostgreSQL":
        "SQLite data folder (default SAKIP_DATA_DIR or ./.sakip); SAKIP_DATABASE_URL chooses "
        "PostgreSQL",
    # sakip tree (sakip/cli/tree_cmd.py)
    "gambar pohon kinerja sebuah rencana (.yaml) sebagai .svg, .pdf atau .png":
        "draw the performance tree (pohon kinerja) of a plan (.yaml) as .svg, .pdf or .png",
    "berkas keluaran; formatnya menurut akhiran: .svg, .pdf atau .png":
        "output file; its format by its extension: .svg, .pdf or .png",
    # the exit statuses (sakip.cli.main.EPILOG)
    """status keluar (exit status):
  0  selesai
  1  masalah pada masukan (juga keluaran yang tidak dapat ditulis); reviu: ada kesalahan
  2  salah pemakaian atau masukan tidak dapat dibaca; reviu: juga keluaran tidak dapat ditulis
  3  kesalahan program (bug): jalankan lagi dengan --debug dan laporkan
  130/143  dihentikan (Ctrl+C / SIGTERM); tidak ada berkas setengah jadi""":
        """exit status:
  0  done
  1  problems in the input (also an output that cannot be written); review: errors found
  2  usage error or unreadable input; review: also an output that cannot be written
  3  a program error (bug): run again with --debug and report it
  130/143  stopped (Ctrl+C / SIGTERM); no half-written file is left""",
    # sakip lke
    "evaluasi SAKIP tahunan (LKE PermenPAN-RB 88/2021): nilai dan predikat; tulis lembar "
    "kerja (.xlsx) atau Laporan Hasil Evaluasi (.docx, .pdf, .html)":
        "the yearly SAKIP evaluation (LKE, PermenPAN-RB 88/2021): score and predicate; write the "
        "worksheet (.xlsx) or the evaluation report (.docx, .pdf, .html)",
    "berkas jawaban (YAML): penilaian mandiri, jawaban evaluator dan rekomendasi; tanpa ini "
    "penilaian mandiri diisi dari rekam data":
        "answers file (YAML): the self-assessment, the evaluator's answers and the "
        "recommendations; without it the self-assessment is filled from the record",
    "versi lembar kerja LKE (bawaan permenpanrb-88-2021)":
        "version of the LKE worksheet (default permenpanrb-88-2021)",
    "tulis lembar kerja LKE (.xlsx) atau Laporan Hasil Evaluasi (.docx, .pdf, .html)":
        "write the LKE worksheet (.xlsx) or the evaluation report (.docx, .pdf, .html)",
    # sakip explain (sakip/cli/explain_cmd.py)
    "jelaskan asal angka sebuah indikator, program atau kegiatan (rumus, masukan dan sumbernya)":
        "explain where the figures of an indicator, a programme or an activity come from (the "
        "formula, its inputs and their sources)",
    "berkas rencana (.yaml) atau buku kerja (.xlsx)": "plan file (.yaml) or workbook (.xlsx)",
    "kode indikator, program, kegiatan, tujuan atau sasaran (atau kunci angka seperti "
    "group:2020:T1)":
        "code of an indicator, programme, activity, goal or objective (or a figure key such as "
        "group:2020:T1)",
    # sakip backup / restore (sakip/cli/backup_cmd.py, restore_cmd.py)
    "cadangkan basis data aplikasi web dan berkas bukti dukung ke satu berkas .zip":
        "back up the web application's database and evidence files to one .zip file",
    "berkas cadangan yang ditulis (.zip)": "backup file to write (.zip)",
    "folder data (bawaan SAKIP_DATA_DIR atau ./.sakip); SAKIP_DATABASE_URL memilih PostgreSQL":
        "data folder (default SAKIP_DATA_DIR or ./.sakip); SAKIP_DATABASE_URL selects PostgreSQL",
    "pulihkan cadangan dari `sakip backup` ke basis data aplikasi web":
        "restore a backup made by `sakip backup` into the web application's database",
    "berkas cadangan (.zip)": "backup file (.zip)",
    "ganti seluruh isi basis data yang sudah berisi data":
        "replace the whole content of a database that already holds data",
    # sakip serve (sakip/cli/serve_cmd.py)
    "jalankan aplikasi web di server produksi (gunicorn); pengaturan dari variabel "
    "lingkungan, lihat docs/deploy.md":
        "run the web application on a production server (gunicorn); settings from environment "
        "variables, see docs/deploy.md",
    "alamat yang didengarkan (bawaan 127.0.0.1: di balik reverse proxy)":
        "address to listen on (default 127.0.0.1: behind a reverse proxy)",
    "jumlah proses pekerja (bawaan 2 × jumlah inti CPU + 1)":
        "number of worker processes (default 2 × CPU cores + 1)",
    "jangan memigrasi basis data sebelum melayani": "do not migrate the database before serving",
}

# argparse's own words, in Indonesian when the messages are
INDONESIAN: dict[str, str] = {
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "usage: ": "pemakaian: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "pilihan tidak dikenal: %(value)r (pilih dari %(choices)s)",
    "the following arguments are required: %s": "argumen berikut wajib diberikan: %s",
    "one of the arguments %s is required": "salah satu argumen berikut wajib diberikan: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s":
        "opsi tidak jelas: %(option)s bisa berarti %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "argumen %r diabaikan",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "perintah tidak dikenal %(parser_name)r (pilihan: %(choices)s)",
}


def speak(language: str) -> None:
    """argparse's own messages (``invalid int value``) in ``language`` from now on: argparse
    looks each up through its module's ``_`` when it prints it."""
    import argparse
    import gettext

    def indonesian(text: str) -> str:
        return INDONESIAN.get(text, gettext.gettext(text))

    argparse._ = gettext.gettext if language == "en" else indonesian  # type: ignore[attr-defined]


def translated(text: str | None, language: str) -> str | None:
    """``text`` (Indonesian help, or argparse's English words) in ``language``."""
    if text is None:
        return None
    if language == "en":
        return ENGLISH.get(text, text)
    return INDONESIAN.get(text, text)
