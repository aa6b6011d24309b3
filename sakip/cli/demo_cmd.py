"""``sakip demo [--port 8000] [--no-serve]``: the web application on an embedded SQLite
database with the Belitung example and one demo account per role."""

from __future__ import annotations

import argparse
import os

NAME = "demo"
HELP = ("jalankan aplikasi web dengan data contoh Belitung dan akun demo per peran "
        "(SQLite di ./.sakip/)")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port (bawaan 8000)")
    parser.add_argument("--host", default="127.0.0.1", help="alamat (bawaan 127.0.0.1)")
    parser.add_argument("--no-serve", action="store_true",
                        help="siapkan basis data dan akun saja, tanpa menjalankan server")


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("SAKIP_DEMO", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.web.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from sakip.web.demo import load_demo

    region, accounts = load_demo()
    url = f"http://{args.host}:{args.port}/"
    print(f"Sakip demo: {region.name} — data di {settings.DATA_DIR}")
    print("Akun demo (nama pengguna / kata sandi — peran):")
    for account in accounts:
        print(f"  {account.username:<10} / {account.password:<22} — {account.description}")
    if args.no_serve:
        return 0
    print(f"Buka {url}masuk/ lalu masuk dengan salah satu akun di atas. Hentikan dengan Ctrl+C.")
    from sakip.cli.serve_cmd import serve

    serve(args.host, args.port, workers=2)  # the production server; two workers for a laptop
    return 0
