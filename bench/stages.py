"""Benchmark: CPU milliseconds per article of each stage of `khabar ingest`, in one process
on the benchmark's synthetic articles (bench/archive.py): read+parse, extract, prepare
(hashes, search text, compression), store (app/bulk.py's batches, into a fresh SQLite or
PostgreSQL database). On PostgreSQL the store is also shown with the server backend's CPU
(read from /proc: the server must run on this machine). Process start (imports, the
gazetteer) is left out: `bench.ingest` counts it.

It uses only what main has too, so the same file measures another tree: copy it out of
bench/ (whose http.py would shadow the standard library's) and run
`PYTHONPATH=<tree> python stages.py` from outside either tree.

Run: `python -m bench.stages [--articles 1000] [--engine postgresql] [--profile 30]`.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from app.bulk import BatchWriter
from app.extract.pipeline import default_recognizer, extract
from app.ingest.fetch import Fetched
from app.ingestion import read_payload
from app.store.db import make_engine, make_session_factory
from app.store.migrate import upgrade
from app.store.prepared import Prepared, prepare
from bench.archive import build_files

T = TypeVar("T")
PG_URL = os.environ.get(
    "KHABAR_BENCH_POSTGRES_URL", "postgresql+psycopg://root@127.0.0.1:5432/test"
)
_TICKS = os.sysconf("SC_CLK_TCK")


def timed(step: Callable[[], T]) -> tuple[T, float]:
    began = time.process_time()
    return step(), time.process_time() - began


def _no_fetch(url: str) -> Fetched:
    raise AssertionError(f"a benchmark article asked to fetch {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--profile", type=int, default=0, help="print the store's top N")
    args = parser.parse_args()
    files = sorted(build_files(args.articles).rglob("*.txt"))
    datas = [f.read_bytes() for f in files]
    default_recognizer()  # process start, not a stage
    parsed, parse_s = timed(
        lambda: [read_payload(d, "text/plain", fetch=_no_fetch).articles[0] for d in datas]
    )
    extracted, extract_s = timed(lambda: [extract(a) for a in parsed])
    prepared, prepare_s = timed(
        lambda: [prepare(a, x) for a, x in zip(parsed, extracted, strict=True)]
    )
    with _database(args.engine) as url:
        store_s, server_s = _store(url, prepared, args.profile)
    stages = {"parse": parse_s, "extract": extract_s, "prepare": prepare_s, "store": store_s}
    per = {name: seconds / len(files) * 1000 for name, seconds in stages.items()}
    total = sum(per.values())
    shown = ", ".join(f"{name} {ms:.2f}" for name, ms in per.items())
    server = ""
    if server_s is not None:
        server_ms = server_s / len(files) * 1000
        with_server = per["store"] + server_ms
        server = f"; PostgreSQL server {server_ms:.2f} (store with it {with_server:.2f})"
        total += server_ms
    print(
        f"{args.engine}, {len(files)} articles, CPU ms each: {shown}{server}; total {total:.2f} "
        f"({1000 / total:.0f} articles per CPU second before process start); "
        f"store/extract {per['store'] / per['extract']:.2f}"
    )


def _store(url: str, prepared: list[Prepared], profile: int) -> tuple[float, float | None]:
    """Client CPU seconds of storing every article, and the server backend's, if any."""
    upgrade(url)
    engine = make_engine(url)
    try:
        writer = BatchWriter(make_session_factory(engine), done=lambda *_: None, failed=_raise)
        backend = _backend_pid(engine)

        def store() -> None:
            for n, article in enumerate(prepared):
                writer.add(str(n), article)
            writer.flush()

        server_before = _cpu_of(backend)
        profiler = cProfile.Profile(time.process_time) if profile else None
        _, store_s = timed(lambda: profiler.runcall(store) if profiler else store())
        server_s = _cpu_of(backend) - server_before if backend else None
    finally:
        engine.dispose()
    if profiler:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(profile)
        stats.sort_stats("tottime").print_stats(profile)
    return store_s, server_s


def _backend_pid(engine: Engine) -> int | None:
    """The server process of the pool's one connection (the writer reuses it)."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as connection:
        pid: int = connection.scalar(text("SELECT pg_backend_pid()"))
    return pid


def _cpu_of(pid: int | None) -> float:
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


@contextmanager
def _database(engine: str) -> Iterator[str]:
    if engine == "sqlite":
        with tempfile.TemporaryDirectory() as scratch:
            yield f"sqlite:///{Path(scratch) / 'stages.db'}"
        return
    name = f"khabar_stages_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(PG_URL).set(database=name).render_as_string(False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _raise(label: str, exc: BaseException) -> None:
    raise RuntimeError(f"{label} failed") from exc


if __name__ == "__main__":
    main()
