"""Benchmark: `khabar ingest` end to end (read, parse, extract, store) into a fresh
database, in articles per second of wall time and per CPU second (the issue's target:
200 per core), with 1 and N worker processes.

Run: `python -m bench.ingest [--articles 1000] [--workers 1 2] [--engine postgresql]`.
"""

from __future__ import annotations

import argparse
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.archive import build_files
from bench.build import PG_URL, ingest

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
                wall, cpu = ingest(url, folder, workers)
            finally:
                _drop(url)
        per_cpu = args.articles / cpu
        print(
            f"{args.engine}, {workers} worker(s): {args.articles / wall:.0f} articles/s wall, "
            f"{per_cpu:.0f} per CPU second (target {TARGET_PER_CPU_SECOND}, "
            f"ratio {per_cpu / TARGET_PER_CPU_SECOND:.2f})"
        )


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
