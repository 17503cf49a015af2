"""Benchmark: articles per second through the worker path (queue, polite fetch, parse,
extract, store), on PostgreSQL with one worker process and with two.

A fake outlet on 127.0.0.1 serves a feed of N teasers (default 200) and their pages. The
workers are started first and left idle; the clock runs from the moment the source is
registered (its feed due at once) to the moment the last article is stored. Each worker
runs one job at a time (--concurrency 1), so one worker is one core's worth of work.
Needs PostgreSQL (KHABAR_BENCH_POSTGRES_URL, default the test server). Run:
`python -m bench.jobs`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.store.db import make_engine
from app.store.migrate import upgrade
from app.store.sources import SourceSpec, add_source
from bench.outlets import Outlet, outlet_server, static

ROOT = Path(__file__).resolve().parents[1]
SERVER = os.environ.get(
    "KHABAR_BENCH_POSTGRES_URL", "postgresql+psycopg://root@127.0.0.1:5432/test"
)


@contextmanager
def fresh_database() -> Iterator[str]:
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    name = f"khabar_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        url = make_url(SERVER).set(database=name).render_as_string(hide_password=False)
        upgrade(url)
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def start_workers(url: str, count: int) -> list[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "KHABAR_DATABASE_URL": url,
        "KHABAR_FETCH_ALLOWED_HOSTS": "127.0.0.1",
        "KHABAR_HOST_DELAY_SECONDS": "0",
        "KHABAR_SCHEDULER_SECONDS": "0.2",
        "KHABAR_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "app.cli", "worker", "--concurrency", "1"]
    return [
        subprocess.Popen([*command, "--name", f"bench{i}"], cwd=ROOT, env=env) for i in range(count)
    ]


def count(engine: Engine, sql: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar() or 0)


def cpu_seconds(processes: list[subprocess.Popen[bytes]]) -> float:
    """CPU time the processes used so far (user + system), from /proc."""
    total = 0
    for process in processes:
        fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def run(workers: int, items: int) -> tuple[float, float]:
    """Articles per second with `workers` worker processes, and the workers' CPU
    milliseconds per article (a figure that does not depend on how busy the machine is)."""
    with fresh_database() as url, outlet_server() as outlet:
        engine = make_engine(url)
        serve_feed(outlet, items)
        processes = start_workers(url, workers)
        try:
            while count(engine, "SELECT count(*) FROM procrastinate_workers") < workers:
                time.sleep(0.05)
            started, cpu = time.perf_counter(), cpu_seconds(processes)
            with Session(engine) as session, session.begin():
                add_source(session, SourceSpec(name="bench", feeds=[f"{outlet.base}/feed.rss"]))
            while count(engine, "SELECT count(*) FROM articles") < items:
                time.sleep(0.02)
            elapsed = time.perf_counter() - started
            cpu = cpu_seconds(processes) - cpu
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)
            engine.dispose()
    return items / elapsed, 1000 * cpu / items


def serve_feed(outlet: Outlet, items: int) -> None:
    outlet.add_feed("/feed.rss", items)
    outlet.routes["/robots.txt"] = static(b"User-agent: *\nAllow: /\n", "text/plain")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, e.g. 1,2,4")
    args = parser.parse_args()
    first = None
    for workers in [int(n) for n in args.workers.split(",")]:
        rate, cpu = run(workers, args.articles)
        first = first or rate
        print(
            f"{workers} worker(s): {rate:6.1f} articles/s, {cpu:5.1f} ms CPU per article "
            f"({rate / first:.2f}x)"
        )


if __name__ == "__main__":
    main()
