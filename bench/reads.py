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
from itertools import islice

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.api.export import Format, chunks
from app.store import models as m
from app.store.db import make_engine
from app.store.migrate import upgrade
from app.store.reads.article_items import ITEM_FIELDS
from app.store.reads.article_query import ArticleFilters
from app.store.reads.articles import ListOptions, iter_articles, list_articles
from app.store.reads.entity_links import suggest_entities
from app.store.reads.facets import FACETS
from app.store.reads.histogram import histogram
from app.store.views import ArticleItem, Interval
from bench.archive import CACHE
from bench.jobs import SERVER as PG_URL
from bench.read_archive import HALF_ENTITY, TOP_ENTITY, build

EXPORTED = 10_000


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float, float, float]:
    """(p50, p99) of wall time, then of this process's CPU time. On a shared machine the
    CPU figures are the fair ones for SQLite, which runs in process; PostgreSQL's work is
    in the server's processes, so only its wall time means something."""
    action()  # warm the caches a steady server has warm
    wall, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return (*percentiles(wall), *percentiles(cpu))


def measure(session: Session, repeat: int, n: int) -> dict[str, str]:
    half = ArticleFilters(entity_ids=(HALF_ENTITY,))
    faceted = ListOptions(facets=FACETS, facet_size=10)
    results = {
        "facets (half the archive)": timed(
            lambda: list_articles(session=session, filters=half, options=faceted), repeat
        ),
        "histogram (most named actor)": timed(
            lambda: histogram(
                session=session,
                filters=ArticleFilters(entity_ids=(TOP_ENTITY,)),
                interval=Interval.MONTH,
                tz="Asia/Damascus",
            ),
            repeat,
        ),
        "suggest (two letters)": timed(
            lambda: suggest_entities(session=session, prefix="سو", kind=None, limit=10), repeat
        ),
    }
    out = {
        name: f"wall p50 {w50:7.1f} p99 {w99:7.1f} ms | cpu p50 {c50:7.1f} p99 {c99:7.1f} ms"
        for name, (w50, w99, c50, c99) in results.items()
    }
    count = min(EXPORTED, n)
    began, began_cpu = time.perf_counter(), time.process_time()
    size = sum(len(chunk) for chunk in chunks(_first(session, count), Format.JSONL))
    seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    out[f"export ({count} articles, jsonl)"] = (
        f"wall {count / seconds:,.0f} articles/s | cpu {count / cpu:,.0f} articles/s "
        f"({size / 1e6:.1f} MB)"
    )
    return out


def _first(session: Session, count: int) -> Iterator[ArticleItem]:
    items = iter_articles(session=session, filters=ArticleFilters(), fields=ITEM_FIELDS)
    return islice(items, count)


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
