"""``sakip serve``: the web application for real — under gunicorn (a production WSGI server,
worker processes from the CPU count), static files by whitenoise, the database migrated first
(docs/deploy.md). ``sakip demo`` serves the same way, with the example data."""

from __future__ import annotations

import argparse
import os
from typing import Any

NAME = "serve"
HELP = ("jalankan aplikasi web di server produksi (gunicorn); pengaturan dari variabel "
        "lingkungan, lihat docs/deploy.md")


def default_workers() -> int:
    """gunicorn's own advice: two workers per core, plus one."""
    return 2 * (os.cpu_count() or 1) + 1


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="alamat yang didengarkan (bawaan 127.0.0.1: di balik reverse proxy)")
    parser.add_argument("--port", type=int, default=8000, help="port (bawaan 8000)")
    parser.add_argument("--workers", type=int, default=None,
                        help="jumlah proses pekerja (bawaan 2 × jumlah inti CPU + 1)")
    parser.add_argument("--data", metavar="FOLDER",
                        help="folder data (bawaan SAKIP_DATA_DIR atau ./.sakip); "
                             "SAKIP_DATABASE_URL memilih PostgreSQL")
    parser.add_argument("--no-migrate", action="store_true",
                        help="jangan memigrasi basis data sebelum melayani")


def run(args: argparse.Namespace) -> int:
    from sakip.cli.web_setup import start_django
    from sakip.io.problems import InputError, Problem

    if args.workers is not None and args.workers < 1:
        raise InputError([Problem("SERVE_WORKERS", "--workers harus paling sedikit 1",
                                  "--workers must be at least 1")])
    if args.data is not None:
        os.makedirs(args.data, exist_ok=True)
    start_django(args.data)
    if not args.no_migrate:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
    serve(args.host, args.port, args.workers or default_workers())
    return 0


def serve(host: str, port: int, workers: int) -> None:
    """Serve the (already set up) Django application under gunicorn until stopped."""
    from django.conf import settings
    from gunicorn.app.base import BaseApplication

    from sakip.web.wsgi import application

    if host not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS \
            and host not in ("0.0.0.0", "::"):
        settings.ALLOWED_HOSTS.append(host)
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "worker_class": "gthread",  # a slow client holds a thread, not a whole worker
        "threads": 4,
        "preload_app": True,  # loaded once, then forked: the workers share its memory
        "accesslog": "-",
        "errorlog": "-",
        "timeout": 120,  # a large report or workbook import may take a while
        "graceful_timeout": 30,
        "proc_name": "sakip",
    }

    class Application(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Application().run()
