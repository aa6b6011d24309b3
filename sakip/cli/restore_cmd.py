"""``sakip restore FILE.zip [--force]``: put back a backup made by ``sakip backup`` — every table
and every evidence file, checked whole before anything changes (docs/deploy.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "restore"
HELP = "pulihkan cadangan dari `sakip backup` ke basis data aplikasi web"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="FILE", help="berkas cadangan (.zip)")
    parser.add_argument("--force", action="store_true",
                        help="ganti seluruh isi basis data yang sudah berisi data")
    parser.add_argument("--data", metavar="FOLDER",
                        help="folder data (bawaan SAKIP_DATA_DIR atau ./.sakip); "
                             "SAKIP_DATABASE_URL memilih PostgreSQL")


def run(args: argparse.Namespace) -> int:
    from sakip.cli.web_setup import start_django
    from sakip.io.problems import InputError, Problem

    english = args.lang == "en"
    if not args.path.is_file():
        raise InputError([Problem(
            "RESTORE_NO_FILE", f"berkas cadangan '{args.path}' tidak ada",
            f"the backup file '{args.path}' does not exist", file=str(args.path))])
    start_django(args.data, signing=False)
    from sakip.web.backup import restore

    summary = restore(args.path, force=args.force)
    rows = sum(summary.rows.values())
    print(f"Restored from {args.path}: {rows} rows, {summary.files} evidence files." if english
          else f"Dipulihkan dari {args.path}: {rows} baris, {summary.files} berkas bukti dukung.")
    return 0
