"""Benchmark of the read API's aggregate queries over a synthetic archive (bench/archive.py):

- facets (entity, kind, resolution, source, speaker) over a filter matching half the archive,
- the monthly histogram of the most named actor on the Damascus clock,
- suggest on a two-letter prefix,
- the export of 10,000 articles as JSON lines.

Times the store's query functions (SQL plus building the read model), p50 and p99 over
--repeat runs, on SQLite and on PostgreSQL when it answers. Run: `python -m bench.reads`.

The archive is built once per size and engine and kept (bench/.cache/reads-<n>.db, the
PostgreSQL database khabar_bench_reads_<n>); a later run migrates it to the current schema,
whose migrations fill any new counters from the rows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.api.export import Format, chunks
from app.main import freeze_startup_objects
from app.store import models as m
from app.store.db import make_engine
from app.store.migrate import upgrade
from app.store.reads.article_items import ITEM_FIELDS
from app.store.reads.article_query import ArticleFilters
from app.store.reads.articles import ListOptions, iter_item_pages, list_articles
from app.store.reads.entity_links import suggest_entities
from app.store.reads.facets import FACETS
from app.store.reads.histogram import histogram
from app.store.views import Interval
from bench.archive import CACHE
from bench.jobs import SERVER as PG_URL
from bench.read_archive import HALF_ENTITY, TOP_ENTITY, build

EXPORTED = 10_000
GENERAL_RUNS = 5


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


Timing = tuple[float, float, float, float, float | None]


def timed(action: Callable[[], object], repeat: int, server: Callable[[], float | None]) -> Timing:
    """(p50, p99) of wall time, then of this process's CPU time, then the server's mean CPU
    ms a run (PostgreSQL's backend, from /proc, in 10 ms ticks: a mean over the runs; None
    for SQLite, which runs in this process). On a shared machine the CPU figures are the
    fair ones: the wall clock mostly measures waiting for a core."""
    action()  # warm the caches a steady server has warm
    wall, cpu = [], []
    server_before = server()
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    server_after = server()
    spent = None
    if server_before is not None and server_after is not None:
        spent = (server_after - server_before) * 1000 / repeat
    return (*percentiles(wall), *percentiles(cpu), spent)


def backend_cpu(session: Session) -> Callable[[], float | None]:
    """CPU seconds the session's PostgreSQL backend has used, when its /proc is readable."""
    if session.get_bind().dialect.name != "postgresql":
        return lambda: None
    pid = session.scalar(text("SELECT pg_backend_pid()"))
    stat = Path(f"/proc/{pid}/stat")

    def read() -> float | None:
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    return read


def cases(session: Session) -> dict[str, Callable[[], object]]:
    """The issue's three (facets over half the archive, the histogram of the most named
    actor, suggest on two letters), then neighbours: other one-filter scopes, clocks and
    intervals, and combined filters that take the general path."""
    half = ArticleFilters(entity_ids=(HALF_ENTITY,))
    top = ArticleFilters(entity_ids=(TOP_ENTITY,))
    both = ArticleFilters(entity_ids=(HALF_ENTITY, TOP_ENTITY))
    faceted = ListOptions(facets=FACETS, facet_size=10)
    year = replace(
        top, date_from=datetime(2020, 1, 1, tzinfo=UTC), date_to=datetime(2021, 1, 1, tzinfo=UTC)
    )

    def facets(filters: ArticleFilters) -> Callable[[], object]:
        return lambda: list_articles(session=session, filters=filters, options=faceted)

    def counts(filters: ArticleFilters, interval: Interval, tz: str) -> Callable[[], object]:
        return lambda: histogram(session=session, filters=filters, interval=interval, tz=tz)

    return {
        "facets (half the archive)": facets(half),
        "histogram (most named actor)": counts(top, Interval.MONTH, "Asia/Damascus"),
        "suggest (two letters)": lambda: suggest_entities(
            session=session, prefix="سو", kind=None, limit=10
        ),
        "facets, no filter": facets(ArticleFilters()),
        "facets, one resolution": facets(ArticleFilters(resolution_ids=(1,))),
        "histogram, weeks, Asia/Tehran": counts(top, Interval.WEEK, "Asia/Tehran"),
        "histogram, days of 2020, Tehran": counts(year, Interval.DAY, "Asia/Tehran"),
        "histogram, no filter, months": counts(ArticleFilters(), Interval.MONTH, "Asia/Tehran"),
        "general: facets, two entities": facets(both),
        "general: histogram, two entities": counts(both, Interval.MONTH, "Asia/Damascus"),
    }


def measure(session: Session, repeat: int, n: int) -> dict[str, str]:
    server = backend_cpu(session)
    freeze_startup_objects()  # as the server does once started
    out = {}
    for name, action in cases(session).items():
        # The general path takes seconds on PostgreSQL: fewer runs, p99 then a maximum.
        runs = min(repeat, GENERAL_RUNS) if name.startswith("general") else repeat
        w50, w99, c50, c99, spent = timed(action, runs, server)
        served = f" | server cpu mean {spent:6.1f} ms" if spent is not None else ""
        out[name] = f"wall p50 {w50:7.1f} p99 {w99:7.1f} ms | cpu p50 {c50:6.1f} p99 {c99:6.1f} ms"
        out[name] += served
    count = min(EXPORTED, n)
    server_before = server()
    began, began_cpu = time.perf_counter(), time.process_time()
    size = sum(len(chunk) for chunk in chunks(_first(session, count), Format.JSONL))
    seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    server_after = server()
    if server_before is not None and server_after is not None:
        cpu += server_after - server_before
    out[f"export ({count} articles, jsonl)"] = (
        f"wall {count / seconds:,.0f} articles/s | cpu {count / cpu:,.0f} articles/s "
        f"({size / 1e6:.1f} MB)"
    )
    return out


def _first(session: Session, count: int) -> Iterator[list[bytes]]:
    pages = iter_item_pages(session=session, filters=ArticleFilters(), fields=ITEM_FIELDS)
    for page in pages:
        yield page[:count]
        count -= len(page)
        if count <= 0:
            return


def sqlite_url(n: int) -> str | None:
    CACHE.mkdir(exist_ok=True)
    return f"sqlite:///{CACHE / f'reads-{n}.db'}"


def postgres_url(n: int) -> str | None:
    """A kept database beside KHABAR_BENCH_POSTGRES_URL, None when no server answers."""
    name = f"khabar_bench_reads_{n}"
    try:
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            found = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            )
            if not found:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
    except OperationalError:
        return None
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def prepare(url: str, n: int) -> None:
    """Build the archive unless a run before did; either way migrate it to the current
    schema and settle it (statistics fresh, SQLite's WAL checkpointed)."""
    upgrade(url)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            if (session.scalar(select(func.count()).select_from(m.Article)) or 0) < n:
                began, cpu = time.perf_counter(), time.process_time()
                build(session, n)
                print(
                    f"  built {n} articles in {time.perf_counter() - began:.0f} s "
                    f"({time.process_time() - cpu:.0f} s of this process's CPU)"
                )
    finally:
        engine.dispose()
    settle = create_engine(url, isolation_level="AUTOCOMMIT")
    with settle.connect() as connection:
        if settle.dialect.name == "sqlite":
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            connection.execute(text("ANALYZE"))
        else:  # the visibility map too, so index-only scans stay index-only
            connection.execute(text("VACUUM ANALYZE"))
    settle.dispose()


def run(url: str, n: int, repeat: int) -> dict[str, str]:
    prepare(url, n)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return measure(session, repeat, n)
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    engines = ("sqlite", "postgresql") if args.engine == "both" else (args.engine,)
    for engine in engines:
        url = (sqlite_url if engine == "sqlite" else postgres_url)(args.articles)
        if url is None:
            print(f"{engine}: not reachable at {PG_URL}; skipped")
            continue
        print(f"{engine}: {args.articles} articles, {args.repeat} runs each, load {_load()}")
        for name, figure in run(url, args.articles, args.repeat).items():
            print(f"  {name:32s} {figure}")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
