"""National scale: a generated country in PostgreSQL, recomputed by the core, against a bare SQL
aggregate over the same rows (issue 18, part 3; docs/scale.md has the numbers).

    python -m benchmarks.bench_national [--regions 5] [--agencies 40] [--indicators 300]
        [--years 6] [--workers 2] [--chunk 10] [--database sakip_national] [--reuse] [--keep]

1. **Load**: the database ``--database`` is created afresh and migrated by Django; ``regions ×
   agencies`` plans of ``benchmarks/generate.py`` are written into the web application's tables
   with ``COPY`` (``benchmarks/national_load.py``), one region at a time (memory bounded by a
   region). ``--reuse`` keeps a database loaded by an earlier run with the same sizes.
2. **Floors**, in a clean process (spawned, nothing else loaded): the bare SQL aggregate
   ``avg(actual / target × 100) GROUP BY agency, year`` over the annual targets and
   realisations, its rows fetched; and a bare Decimal loop: the same target and realisation
   pairs fetched and ``R / T × 100`` computed in Python.
3. **Recompute**: every agency-year measured by ``sakip.core.measure.measure``, region by region
   in a pool of ``--workers`` processes, ``--chunk`` agencies read at a time by the web application's
   bulk reader (``convert.read_plans``: one query per kind of record per chunk); each
   agency-year's summary (the agency's mean achievement, its predicate, indicators measured and
   missing) is written back with COPY into the table ``national_measurement``. Wall and CPU
   seconds (all processes), the peak RSS of each process, the time of each region.
4. **Regions as partitions** (the path to Citus, docs/scale.md): the targets and realisations
   copied into tables partitioned by region (``PARTITION BY LIST (region_id)``), the floor's
   aggregate run on the partitioned table as a whole and region by region (each query pruned
   to one partition), and the sizes on disk of every table (``pg_total_relation_size``).

The database is dropped at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from typing import Any

SERVER = "postgres://postgres@127.0.0.1:5432"

FLOOR_SQL = """
SELECT i.agency_id, t.year, avg(a.value / t.value * 100), count(*)
FROM plans_indicator i
JOIN plans_target t ON t.indicator_id = i.id AND t.period = 0 AND t.month = 0
JOIN plans_actual a ON a.indicator_id = i.id AND a.year = t.year AND a.period = 0 AND a.month = 0
WHERE t.value <> 0 AND a.value IS NOT NULL
GROUP BY i.agency_id, t.year
"""
PAIRS_SQL = """
SELECT t.value, a.value
FROM plans_target t
JOIN plans_actual a ON a.indicator_id = t.indicator_id AND a.year = t.year
 AND a.period = 0 AND a.month = 0
WHERE t.period = 0 AND t.month = 0 AND t.value <> 0 AND a.value IS NOT NULL
"""


def _django(database: str) -> None:
    os.environ["SAKIP_DATABASE_URL"] = f"{SERVER}/{database}"
    os.environ.pop("SAKIP_DATABASE_REPLICA_URL", None)
    os.environ.setdefault("SAKIP_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("SAKIP_DATA_DIR", f"/tmp/sakip-{database}")
    os.environ["DJANGO_SETTINGS_MODULE"] = "sakip.web.settings"
    import django

    django.setup()


def _server(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def _rss_mib() -> float:
    """This process's peak resident memory (VmHWM: its own address space's, where
    ``ru_maxrss`` would carry the peak of the process it was started from)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    self, children = (resource.getrusage(w) for w in (resource.RUSAGE_SELF,
                                                      resource.RUSAGE_CHILDREN))
    return self.ru_utime + self.ru_stime + children.ru_utime + children.ru_stime


def _server_cpu(pid: int) -> float:
    """CPU seconds of a PostgreSQL backend process (the server runs on this machine)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# ---------------------------------------------------------------------- load


def load(args: argparse.Namespace) -> dict[str, Any]:
    _server(f"DROP DATABASE IF EXISTS {args.database}")
    _server(f"CREATE DATABASE {args.database}")
    _django(args.database)
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter() - started
    from benchmarks.national_load import load_country

    cpu, started = time.process_time(), time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"  loaded region {done}/{total}  {time.perf_counter() - started:.1f} s  "
              f"peak RSS {_rss_mib():.0f} MiB", flush=True)

    load_country(args.regions, args.agencies, args.indicators, args.years, progress)
    return {"migrate_s": migrated, "load_s": time.perf_counter() - started,
            "load_cpu_s": time.process_time() - cpu, "load_rss_mib": _rss_mib()}


# ---------------------------------------------------------------------- floors


def floors(database: str, repeat: int) -> dict[str, Any]:
    """Both floors, best of ``repeat``; run in a spawned process (nothing else loaded)."""
    import psycopg

    with psycopg.connect(f"{SERVER}/{database}") as connection:
        backend = connection.info.backend_pid
        sql_s, sql_cpu, groups = [], [], 0
        for _ in range(repeat):
            cpu, server, started = time.process_time(), _server_cpu(backend), time.perf_counter()
            rows = connection.execute(FLOOR_SQL).fetchall()
            sql_s.append(time.perf_counter() - started)
            sql_cpu.append(time.process_time() - cpu + _server_cpu(backend) - server)
            groups = len(rows)
            pairs = sum(row[3] for row in rows)
            del rows
        loop_s, loop_cpu, computed = [], [], 0
        hundred = Decimal(100)
        for _ in range(repeat):
            cpu, started = time.process_time(), time.perf_counter()
            computed = 0
            with connection.cursor(name="pairs") as cursor:  # server-side: memory bounded
                cursor.itersize = 50_000
                cursor.execute(PAIRS_SQL)
                for target, actual in cursor:
                    _ = actual / target * hundred
                    computed += 1
            loop_s.append(time.perf_counter() - started)
            loop_cpu.append(time.process_time() - cpu)
        counted = connection.execute(
            "SELECT count(*) FROM plans_target WHERE period = 0 AND month = 0").fetchone()
        rows_count = counted[0] if counted else 0
    return {"sql_s": min(sql_s), "sql_cpu_s": min(sql_cpu), "groups": groups,
            "pairs": pairs, "loop_s": min(loop_s), "loop_cpu_s": min(loop_cpu),
            "loop_pairs": computed, "indicator_years": rows_count, "rss_mib": _rss_mib()}


# ---------------------------------------------------------------------- recompute


def _worker_start(database: str) -> None:
    _django(database)


def recompute_region(region: int, chunk: int) -> dict[str, Any]:
    """Measure every agency-year of one region; write the summaries back. What it took."""
    from django.db import connection

    from benchmarks.national_read import measure_agencies
    from sakip.web.plans.models import Agency

    connection.ensure_connection()
    backend = connection.connection.info.backend_pid
    server = _server_cpu(backend)
    cpu, started = time.process_time(), time.perf_counter()
    agencies = list(Agency.objects.filter(region_id=region).order_by("pk"))
    spent: dict[str, float] = {}
    summaries: list[tuple[Any, ...]] = []
    indicator_years = 0
    for pk, year, result in measure_agencies(agencies, chunk, spent):
        agency = result.groups[-1]
        measured = sum(1 for x in result.indicators if x.achievement is not None)
        summaries.append((pk, year, agency.achievement, agency.predicate, measured,
                          len(result.indicators) - measured))
        indicator_years += len(result.indicators)
    begun = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM national_measurement WHERE agency_id = ANY(%s)",
                       [[a.pk for a in agencies]])
        with cursor.cursor.copy("COPY national_measurement FROM STDIN") as copy:
            for row in summaries:
                copy.write_row(row)
    write_s = time.perf_counter() - begun
    return {"region": region, "agencies": len(agencies), "indicator_years": indicator_years,
            "wall_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu,
            "server_cpu_s": _server_cpu(backend) - server,
            "read_cpu_s": spent.get("read", 0.0), "measure_cpu_s": spent.get("measure", 0.0),
            "write_s": write_s,
            "pid": os.getpid(), "rss_mib": _rss_mib()}


def recompute(args: argparse.Namespace, regions: list[int]) -> dict[str, Any]:
    from django.db import connection, connections

    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS national_measurement")
        cursor.execute("CREATE TABLE national_measurement (agency_id integer, year smallint, "
                       "achievement numeric, predicate text, measured integer, missing integer)")
    connections.close_all()  # each worker opens its own
    cpu, started = _cpu(), time.perf_counter()
    context = multiprocessing.get_context("spawn")  # clean processes: nothing of the loader
    with ProcessPoolExecutor(args.workers, mp_context=context, initializer=_worker_start,
                             initargs=(args.database,)) as pool:
        done = list(pool.map(recompute_region, regions, [args.chunk] * len(regions)))
    wall = time.perf_counter() - started
    return {"wall_s": wall, "cpu_s": _cpu() - cpu, "regions": done,
            "server_cpu_s": sum(d["server_cpu_s"] for d in done),
            "indicator_years": sum(d["indicator_years"] for d in done),
            "rss_mib_by_process": {d["pid"]: d["rss_mib"] for d in done}}


# ---------------------------------------------------------------------- partitions


def partitions(regions: list[int]) -> dict[str, Any]:
    """The annual targets and realisations copied into tables partitioned by region; the
    floor's aggregate over all of them and over each region's partition."""
    from django.db import connection

    result: dict[str, Any] = {}
    with connection.cursor() as cursor:
        for name, source in (("target", "plans_target"), ("actual", "plans_actual")):
            cursor.execute(f"DROP TABLE IF EXISTS national_{name}")
            cursor.execute(f"CREATE TABLE national_{name} (region_id integer NOT NULL, "
                           "agency_id integer NOT NULL, indicator_id integer NOT NULL, "
                           "year smallint NOT NULL, value numeric) PARTITION BY LIST (region_id)")
            for region in regions:
                cursor.execute(f"CREATE TABLE national_{name}_r{region} PARTITION OF "
                               f"national_{name} FOR VALUES IN ({region})")
            cursor.execute(
                f"INSERT INTO national_{name} SELECT g.region_id, g.id, x.indicator_id, x.year, "
                f"x.value FROM {source} x JOIN plans_indicator i ON i.id = x.indicator_id "
                "JOIN plans_agency g ON g.id = i.agency_id WHERE x.period = 0 AND x.month = 0")
            for region in regions:
                cursor.execute(f"CREATE INDEX ON national_{name}_r{region} (indicator_id, year)")
        cursor.execute("ANALYZE national_target, national_actual")
        query = ("SELECT t.agency_id, t.year, avg(a.value / t.value * 100), count(*) "
                 "FROM national_target t JOIN national_actual a ON a.region_id = t.region_id "
                 "AND a.indicator_id = t.indicator_id AND a.year = t.year "
                 "WHERE t.value <> 0 AND a.value IS NOT NULL {where} GROUP BY 1, 2")
        started = time.perf_counter()
        cursor.execute(query.format(where=""))
        cursor.fetchall()
        result["partitioned_all_s"] = time.perf_counter() - started
        each = []
        for region in regions:
            where = f"AND t.region_id = {region} AND a.region_id = {region}"
            started = time.perf_counter()
            cursor.execute(query.format(where=where))
            cursor.fetchall()
            each.append(time.perf_counter() - started)
        result["partition_s"] = each
        cursor.execute("EXPLAIN " + query.format(where=f"AND t.region_id = {regions[0]} "
                                                       f"AND a.region_id = {regions[0]}"))
        plan = [line for (line,) in cursor.fetchall()]
        result["one_region_scans"] = sorted({word for line in plan for word in line.split()
                                             if word.startswith("national_")})
        cursor.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid), c.reltuples::bigint "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r' "
            "AND (c.relname LIKE 'plans_%%' OR c.relname LIKE 'national_%%') "
            "ORDER BY 2 DESC")
        result["sizes"] = [(name, size, rows) for name, size, rows in cursor.fetchall()
                           if size > 64 * 1024]
        cursor.execute("SELECT pg_database_size(current_database())")
        result["database_bytes"] = cursor.fetchone()[0]
    return result


# ---------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regions", type=int, default=5)
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--indicators", type=int, default=300)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--chunk", type=int, default=10, help="agencies read at a time")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each floor (best kept)")
    parser.add_argument("--database", default="sakip_national")
    parser.add_argument("--reuse", action="store_true", help="keep the loaded database")
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument("--json", help="write every figure to this file")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
          f"{os.getloadavg()[2]:.2f}, {os.cpu_count()} CPUs", flush=True)
    out: dict[str, Any] = {"args": vars(args), "load_before": os.getloadavg()}
    if args.reuse:
        _django(args.database)
    else:
        out["load"] = load(args)
        print(f"load: {out['load']['load_s']:.1f} s wall, {out['load']['load_cpu_s']:.1f} s CPU, "
              f"migrate {out['load']['migrate_s']:.1f} s, peak RSS "
              f"{out['load']['load_rss_mib']:.0f} MiB", flush=True)
    from django.db import connections

    from sakip.web.plans.models import Region

    regions = list(Region.objects.order_by("pk").values_list("pk", flat=True))
    connections.close_all()
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        floor = pool.submit(floors, args.database, args.repeat).result()
    out["floor"] = floor
    print(f"floor, bare SQL aggregate: {floor['sql_s']:.2f} s wall, {floor['sql_cpu_s']:.2f} s CPU "
          f"(PostgreSQL's and the client's) over {floor['pairs']} pairs "
          f"({floor['indicator_years']} indicator-years, {floor['groups']} agency-years); "
          f"bare Decimal loop: {floor['loop_s']:.2f} s wall, {floor['loop_cpu_s']:.2f} s CPU",
          flush=True)
    work = recompute(args, regions)
    out["recompute"] = work
    rss = max(work["rss_mib_by_process"].values())
    print(f"recompute: {work['indicator_years']} indicator-years of "
          f"{sum(d['agencies'] for d in work['regions'])} agencies in {len(regions)} regions, "
          f"{args.workers} workers: {work['wall_s']:.2f} s wall, {work['cpu_s']:.2f} s CPU "
          f"+ {work['server_cpu_s']:.2f} s CPU of PostgreSQL (the regions' own work "
          f"{sum(d['cpu_s'] for d in work['regions']):.2f} s, the rest starting the workers) "
          f"(CPU of reading {sum(d['read_cpu_s'] for d in work['regions']):.2f} s, of measuring "
          f"{sum(d['measure_cpu_s'] for d in work['regions']):.2f} s; writing back "
          f"{sum(d['write_s'] for d in work['regions']):.2f} s wall); "
          f"peak RSS per worker {rss:.0f} MiB", flush=True)
    per_region = [d["wall_s"] for d in work["regions"]]
    print(f"per region: {min(per_region):.2f}–{max(per_region):.2f} s wall", flush=True)
    total_cpu = work["cpu_s"] + work["server_cpu_s"]
    print(f"RATIO recompute / bare SQL aggregate: {work['wall_s'] / floor['sql_s']:.1f}× wall "
          f"(goal ≤ 5×), {total_cpu / floor['sql_cpu_s']:.1f}× CPU (both with PostgreSQL's); "
          f"/ bare Decimal loop: {work['wall_s'] / floor['loop_s']:.1f}× wall, "
          f"{work['cpu_s'] / floor['loop_cpu_s']:.1f}× CPU", flush=True)
    part = partitions(regions)
    out["partitions"] = part
    print(f"partitioned by region: floor over all {part['partitioned_all_s']:.2f} s, per region "
          f"{min(part['partition_s']):.3f}–{max(part['partition_s']):.3f} s (sum "
          f"{sum(part['partition_s']):.2f} s); one region's query scans "
          f"{', '.join(part['one_region_scans'])}", flush=True)
    print(f"database {part['database_bytes'] / 2**20:.0f} MiB; largest tables:")
    for name, size, rows in part["sizes"][:12]:
        print(f"  {name:32} {size / 2**20:8.1f} MiB {rows:>10} rows")
    out["load_after"] = os.getloadavg()
    print(f"load average after {out['load_after'][0]:.2f}", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(out, handle, indent=1, default=str)
    connections.close_all()
    if not args.keep:
        _server(f"DROP DATABASE {args.database}")


if __name__ == "__main__":
    main()
