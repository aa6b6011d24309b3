"""``sakip backup -o FILE.zip``: the web application's whole database and its evidence files in
one ZIP, consistent while the server runs (docs/deploy.md, "Backup and restore")."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from sakip.cli.output import Kind, writing

NAME = "backup"
HELP = "cadangkan basis data aplikasi web dan berkas bukti dukung ke satu berkas .zip"
BACKUP = Kind((".zip",), "berkas cadangan (.zip)", "a backup file (.zip)")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="FILE",
                        help="berkas cadangan yang ditulis (.zip)")
    parser.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    parser.add_argument("--data", metavar="FOLDER",
                        help="folder data (bawaan SAKIP_DATA_DIR atau ./.sakip); "
                             "SAKIP_DATABASE_URL memilih PostgreSQL")


def run(args: argparse.Namespace) -> int:
    from sakip.cli.web_setup import start_django
    from sakip.io.idnum import format_id

    english = args.lang == "en"
    with writing([(args.output, BACKUP)], args.force) as (out,):
        start_django(args.data, signing=False)
        from sakip.web.backup import backup

        summaries = []
        out.write_with(lambda stream: summaries.append(backup(stream)))
    summary = summaries[0]
    for warning in summary.warnings:
        print(warning.message_en if english else warning.message_id, file=sys.stderr)
    rows = sum(summary.rows.values())
    mib = Decimal(summary.bytes) / 2**20
    print(f"Backup written to {args.output}: {rows} rows in {len(summary.rows)} tables, "
          f"{summary.files} evidence files ({mib:.1f} MiB)." if english else
          f"Cadangan ditulis ke {args.output}: {format_id(Decimal(rows), 0)} baris dalam "
          f"{len(summary.rows)} tabel, {summary.files} berkas bukti dukung "
          f"({format_id(mib, 1)} MiB).")
    return 0
