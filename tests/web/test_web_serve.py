"""`sakip serve`: the application under gunicorn, its health endpoint, static files by
whitenoise, and Django's deployment checklist clean with production settings."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.test import Client

from tests.web.world import World

ROOT = Path(__file__).resolve().parents[2]


def _production_env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()  # as a server's environment: no test settings
           if not k.startswith(("SAKIP_", "DJANGO_"))}
    env.update(SAKIP_DATA_DIR=str(data), SAKIP_SECRET_KEY=secrets.token_urlsafe(50),
               SAKIP_ALLOWED_HOSTS="sakip.example.go.id,127.0.0.1", SAKIP_HTTPS="1")
    if os.environ.get("SAKIP_DATABASE_URL"):
        env["SAKIP_DATABASE_URL"] = os.environ["SAKIP_DATABASE_URL"]
    return env


def test_health_answers_without_an_account(world: World, anonymous: Client) -> None:
    response = anonymous.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["migrations"] == "ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_deployment_checklist_is_clean_with_production_settings(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "sakip.web", "check", "--deploy",
                           "--fail-level", "WARNING"], cwd=tmp_path, capture_output=True,
                          text=True, env=_production_env(tmp_path / "data"), timeout=120)
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def test_serve_runs_gunicorn_with_workers_health_and_static_files(tmp_path: Path) -> None:
    port = _free_port()
    env = _production_env(tmp_path / "data")
    env["SAKIP_HTTPS"] = "0"  # plain HTTP on the loopback, as behind a reverse proxy
    env.pop("SAKIP_DATABASE_URL", None)  # a fresh SQLite database of its own
    server = subprocess.Popen(
        [sys.executable, "-m", "sakip.cli.main", "serve", "--port", str(port), "--workers", "2",
         "--data", str(tmp_path / "data")], cwd=ROOT, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        status = 0
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, body, _ = _get(base + "/health/")
                if status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        assert status == 200, server.stdout.read() if server.poll() is not None else "no answer"
        assert b'"status": "ok"' in body
        status, _, headers = _get(base + "/static/sakip/style.css")
        assert status == 200 and "text/css" in headers.get("Content-Type", "")
        status, page, _ = _get(base + "/masuk/")
        assert status == 200 and b"<form" in page
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    assert "gunicorn" in output.lower() or "Booting worker" in output
    assert output.count("Booting worker") == 2, output
