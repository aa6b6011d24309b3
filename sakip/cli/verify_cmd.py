"""``sakip verify``: recompute the SHA-256 of every approved year's snapshot in the web
application's database and follow each agency's chain (docs/record.md)."""

from __future__ import annotations

import argparse
import os
import sys

NAME = "verify"
HELP = ("periksa keutuhan data tahun yang disetujui di basis data aplikasi web (SHA-256 dan "
        "rantai snapshot)")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", metavar="FOLDER",
                        help="folder data SQLite (bawaan SAKIP_DATA_DIR atau ./.sakip); "
                             "SAKIP_DATABASE_URL memilih PostgreSQL")


def run(args: argparse.Namespace) -> int:
    english = args.lang == "en"
    if args.data:
        if not os.path.isdir(args.data):  # nothing to verify there, and nothing to create
            print(f"The data folder '{args.data}' does not exist or is not a folder "
                  "[VERIFY_NO_DATA_FOLDER]" if english else
                  f"Folder data '{args.data}' tidak ada atau bukan folder [VERIFY_NO_DATA_FOLDER]",
                  file=sys.stderr)
            return 2
        os.environ["SAKIP_DATA_DIR"] = args.data
    from django.conf import settings

    if not settings.configured and _sqlite_missing():
        _no_database(english)  # before Django would create an empty one (and its folders)
        return 1
    # read only: nothing is signed, so a missing production key does not matter here
    os.environ.setdefault("SAKIP_SECRET_KEY", "sakip-verify-reads-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.web.settings")
    import django
    from django.db import DatabaseError
    from django.db.migrations.executor import MigrationExecutor

    django.setup()
    from django.db import connection

    try:
        if MigrationExecutor(connection).migration_plan(
                MigrationExecutor(connection).loader.graph.leaf_nodes()):
            _no_database(english)
            return 1
        from sakip.web.workflow.snapshots import verify

        checked, broken = verify()
    except DatabaseError as error:
        print(("Cannot read the database: " if english else "Basis data tidak dapat dibaca: ")
              + str(error).splitlines()[0] + " [VERIFY_DATABASE_UNREADABLE]", file=sys.stderr)
        return 1
    for item in broken:
        s = item.snapshot
        print(f"{s.agency.code} {s.year} versi {s.version} ({s.sha256[:12]}): {item.why}")
    if broken:
        print(f"{len(broken)} problem(s) in {checked} snapshot(s)." if english
              else f"{len(broken)} masalah pada {checked} snapshot.", file=sys.stderr)
        return 1
    print(f"{checked} snapshot(s) checked: hashes and chains intact." if english
          else f"{checked} snapshot diperiksa: SHA-256 dan rantainya utuh.")
    return 0


def _no_database(english: bool) -> None:
    print("The database is missing or not migrated (sakip demo, or python -m sakip.web "
          "migrate). [VERIFY_NO_DATABASE]" if english else "Basis data tidak ada atau belum "
          "dimigrasi (sakip demo, atau python -m sakip.web migrate). [VERIFY_NO_DATABASE]",
          file=sys.stderr)


def _sqlite_missing() -> bool:
    """The configured database is SQLite and its file does not exist."""
    from sakip.web import config

    database = config.database()
    return str(database["ENGINE"]).endswith("sqlite3") and not os.path.isfile(str(database["NAME"]))
