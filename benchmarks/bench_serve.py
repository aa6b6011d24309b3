"""Throughput of the served application against a bare Django view, side by side in one run.

    python -m benchmarks.bench_serve [--clients 20] [--seconds 10] [--workers N] [--warm 3]

Prepares the demo (the Belitung example) in a temporary data folder, serves it with
``sakip serve``'s gunicorn setup (benchmarks/serve_settings.py adds ``/bare/``, a view that
does nothing, through the same middleware), signs in as the demo operator and, with
``--clients`` concurrent clients (threads keeping their connection open), requests in turn for
``--seconds`` each: the bare view (the floor), the login page, the agency dashboard and the
realisation page. It prints requests per second, the median and 95th percentile latency,
each page's throughput as a share of the bare view's, and the CPU milliseconds per request of
the server (all its processes, from /proc) and of the load generator, with the machine's load
average before and after (other work on the machine lowers every rate; the CPU per request
much less). The goal (issue 18): the agency dashboard
at ≥ 50 % of the bare view with 20 clients, p95 under 150 ms. The load generator runs on the
same machine and takes CPU from the server: the shares, not the absolute numbers, are what
later changes should be judged by.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAKIP_")}
    env.update(SAKIP_DATA_DIR=str(data), SAKIP_DEMO="1", PYTHONPATH=str(ROOT),
               DJANGO_SETTINGS_MODULE="benchmarks.serve_settings")
    return env


def _server(data: Path, port: int, workers: int) -> subprocess.Popen[str]:
    code = ("import django; django.setup(); from sakip.cli.serve_cmd import serve; "
            f"serve('127.0.0.1', {port}, {workers})")
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=_env(data),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _wait(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer /health/")


def _sign_in(port: int, username: str, password: str) -> str:
    """The Cookie header of a signed-in session."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/masuk/")
    response = connection.getresponse()
    page = response.read().decode()
    cookies = {m.group(1): m.group(2) for m in re.finditer(
        r"([^=;, ]+)=([^;]+);", response.getheader("Set-Cookie", "") or "")}
    csrf = cookies.get("csrftoken") or ""
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1) if token else "",
                                   "username": username, "password": password})
    connection.request("POST", "/masuk/", body, {
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}",
        "Referer": f"http://127.0.0.1:{port}/masuk/"})
    response = connection.getresponse()
    response.read()
    session = re.search(r"sessionid=([^;]+)", response.getheader("Set-Cookie", "") or "")
    if response.status != 302 or session is None:
        raise SystemExit(f"signing in as {username} failed ({response.status})")
    return f"csrftoken={csrf}; sessionid={session.group(1)}"


def _tree(root: int) -> list[int]:
    """``root`` and every process under it (the gunicorn master and its workers), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def server_cpu(root: int) -> float:
    """CPU seconds (user + system) the server's processes have used so far (Linux /proc; 0
    elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    for pid in _tree(root):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def _load(port: int, path: str, cookie: str, clients: int, seconds: float
          ) -> tuple[float, float, float, int]:
    """Requests per second, median and p95 latency (ms), failures."""
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: list[float] = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Cookie": cookie})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    with lock:
                        failures[0] += 1
            except (OSError, http.client.HTTPException):
                with lock:
                    failures[0] += 1
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - started
    if not latencies:
        return 0.0, 0.0, 0.0, failures[0]
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return len(latencies) / took, statistics.median(ordered) * 1000, p95 * 1000, failures[0]


def _served(port: int, path: str, cookie: str, clients: int, seconds: float, server: int
            ) -> tuple[float, float, float, int, float, float]:
    """:func:`_load` and the CPU milliseconds per request of the server (all its workers) and of
    the load generator (this process)."""
    cpu, own = server_cpu(server), time.process_time()
    rate, median, p95, failed = _load(port, path, cookie, clients, seconds)
    done = max(rate * seconds, 1)
    return (rate, median, p95, failed, (server_cpu(server) - cpu) * 1000 / done,
            (time.process_time() - own) * 1000 / done)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=None,
                        help="gunicorn workers (default: sakip serve's, 2 × cores + 1)")
    parser.add_argument("--port", type=int, default=8097)
    parser.add_argument("--warm", type=float, default=3,
                        help="seconds each page is requested before it is measured (every "
                             "worker keeps its own cache: each must have served the page)")
    args = parser.parse_args(argv)
    from sakip.cli.serve_cmd import default_workers

    workers = args.workers or default_workers()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        subprocess.run([sys.executable, "-m", "sakip.cli.main", "demo", "--no-serve"], cwd=ROOT,
                       env=_env(data) | {"DJANGO_SETTINGS_MODULE": "sakip.web.settings"},
                       check=True, capture_output=True)
        server = _server(data, args.port, workers)
        try:
            _wait(args.port)
            cookie = _sign_in(args.port, "operator", "demo-operator-2020")
            agency = "/opd/1/2020/"
            pages = (("bare Django view (floor)", "/bare/"), ("login page", "/masuk/"),
                     ("agency dashboard", agency), ("realisation page", agency + "realisasi/"))
            for _, path in pages:  # warm every worker: plans read, pages kept, templates compiled
                _load(args.port, path, cookie, args.clients, args.warm)
            print(f"{args.clients} clients, {args.seconds:g} s per page, gunicorn {workers} "
                  f"workers × 4 threads, {os.cpu_count()} cores (the clients run here too); "
                  f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            print(f"{'page':<28}{'req/s':>8}{'median ms':>11}{'p95 ms':>9}{'of bare':>9}"
                  f"{'failed':>8}{'server CPU ms/req':>19}{'client CPU ms/req':>19}")
            floor = None
            for label, path in pages:
                rate, median, p95, failed, cpu, own = _served(
                    args.port, path, cookie, args.clients, args.seconds, server.pid)
                floor = floor or rate
                print(f"{label:<28}{rate:>8.1f}{median:>11.1f}{p95:>9.1f}"
                      f"{rate / floor:>9.0%}{failed:>8}{cpu:>19.2f}{own:>19.2f}")
            print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
