"""Benchmark: `khabar ingest` end to end (read, parse, extract, store) into a fresh
database, in articles per second of wall time and per CPU second of every process (the
issue's target: 200 per core), with 1 and N worker processes.

CPU counts `khabar ingest` and its workers, process start included; on PostgreSQL it is
also shown with the server backends' CPU added (the database's share of the work). Each
process's CPU and peak RSS show that N workers share the work and what memory N costs.
The load average is printed: on a shared machine the wall clock mostly measures waiting.

Run: `python -m bench.ingest [--articles 1000] [--workers 1 2] [--engine postgresql]`.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.archive import build_files
from bench.build import PG_URL
from bench.procwatch import Watched, run_watched

TARGET_PER_CPU_SECOND = 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    args = parser.parse_args()
    folder = build_files(args.articles)
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as scratch:
            url = _fresh(args.engine, Path(scratch))
            try:
                load = os.getloadavg()[0]
                report(args.articles, workers, url, *_ingest(url, folder, workers), load)
            finally:
                _drop(url)


def _ingest(url: str, folder: Path, workers: int) -> tuple[float, float, Watched]:
    """`khabar migrate`, then `khabar ingest` watched: wall seconds, CPU seconds of the
    ingest and its workers, and what each process cost."""
    env = {**os.environ, "KHABAR_DATABASE_URL": url, "KHABAR_LOG_LEVEL": "WARNING"}
    khabar = str(Path(sys.executable).parent / "khabar")
    subprocess.run([khabar, "migrate"], env=env, check=True, capture_output=True)
    database = make_url(url).database if url.startswith("postgresql") else None
    began, cpu = time.perf_counter(), _children_cpu()
    command = [khabar, "ingest", "--workers", str(workers), str(folder)]
    watched = run_watched(command, env, admin_url=PG_URL, database=database)
    return time.perf_counter() - began, _children_cpu() - cpu, watched


def report(
    articles: int, workers: int, url: str, wall: float, cpu: float, watched: Watched, load: float
) -> None:
    engine = make_url(url).get_backend_name()
    per_cpu = articles / cpu
    print(
        f"{engine}, {workers} worker(s), {articles} articles: {articles / wall:.0f} articles/s "
        f"wall ({wall:.1f} s, load average {load:.1f} -> {os.getloadavg()[0]:.1f}); "
        f"{per_cpu:.0f} per CPU second of khabar (target {TARGET_PER_CPU_SECOND}, "
        f"ratio {per_cpu / TARGET_PER_CPU_SECOND:.2f})"
    )
    tree = watched.tree
    split = ", ".join(f"{tree.cpu[pid]:.1f}" for pid in sorted(tree.cpu))
    memory = ", ".join(f"{tree.peak_mb.get(pid, 0):.0f}" for pid in sorted(tree.cpu))
    print(f"  processes: {len(tree.cpu)}; CPU s each: {split}; peak RSS MB each: {memory}")
    if watched.backends.cpu:
        server = watched.backends.total_cpu()
        with_server = articles / (cpu + server)
        print(
            f"  PostgreSQL backends: {server:.1f} CPU s; {with_server:.0f} articles per CPU "
            f"second with them (ratio {with_server / TARGET_PER_CPU_SECOND:.2f})"
        )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _fresh(engine: str, scratch: Path) -> str:
    if engine == "sqlite":
        return f"sqlite:///{scratch / 'ingest.db'}"
    name = f"khabar_ingest_{uuid.uuid4().hex[:8]}"
    _admin(f'CREATE DATABASE "{name}"')
    return make_url(PG_URL).set(database=name).render_as_string(False)


def _drop(url: str) -> None:
    if url.startswith("postgresql"):
        _admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def _admin(statement: str) -> None:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(statement))
    admin.dispose()


if __name__ == "__main__":
    main()
