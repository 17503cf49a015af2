"""Benchmark: search (`/articles?q=`) at 100,000 articles, newest first and by relevance,
for a word in nearly every article, a rare word, two words, and a word with an actor filter.

    python -m bench.grow --articles 10000 --copies 9 [--engine postgresql]   # once
    python -m bench.search [--engine postgresql] [--url URL]

In process (TestClient, one request at a time): the median CPU time of this process and
the median wall time (PostgreSQL's work is in its server, so only the wall time shows it).
Under load: uvicorn pinned to core 0, wrk on core 1 with a few connections, p50 and p99.
`--url` times another archive (an older schema, for a before/after on the same rows).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from urllib.parse import quote

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from app.config import Settings
from app.main import create_app
from app.store import models as m
from bench import servers
from bench.build import archive_url

COMMON, RARE, TWO = "سوريا", "تورك", "هيئة التفاوض"
BARE = "bare FastAPI (reference)"


def paths(popular: int) -> dict[str, str]:
    words = {"common": COMMON, "rare": RARE, "two words": TWO}
    # A list without q, for scale: what a page costs when no search is involved.
    out: dict[str, str] = {f"no q, entity {popular} (reference)": f"/articles?entity={popular}"}
    for name, q in [*words.items(), (f"common + entity {popular}", COMMON)]:
        query = "/articles?q=" + quote(q) + (f"&entity={popular}" if "entity" in name else "")
        out[f"{name}, newest"] = query
        out[f"{name}, relevance"] = query + "&sort=relevance"
    return out


def most_named(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        top = connection.scalar(
            select(m.Entity.id).order_by(m.Entity.article_count.desc()).limit(1)
        )
    engine.dispose()
    assert top is not None, "an empty archive"
    return top


def in_process(url: str, urls: dict[str, str], repeat: int) -> dict[str, tuple[float, float]]:
    """(median CPU ms, median wall ms) per path, after one untimed request."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    settings = Settings(database_url=url, log_level="WARNING", db_statement_timeout_seconds=60)
    app = create_app(settings)
    out = {}
    with TestClient(app) as client:
        for name, path in urls.items():
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}: {response.text}")
            cpu, wall = [], []
            for _ in range(repeat):
                began, began_cpu = time.perf_counter(), time.process_time()
                client.get(path)
                wall.append((time.perf_counter() - began) * 1000)
                cpu.append((time.process_time() - began_cpu) * 1000)
            out[name] = statistics.median(cpu), statistics.median(wall)
    app.state.engine.dispose()
    return out


def under_load(
    url: str, urls: dict[str, str], *, seconds: int, connections: int
) -> dict[str, servers.Load]:
    """wrk on each path in turn, and on a bare FastAPI endpoint first: the floor this
    machine allows at that moment."""
    port, bare_port = servers.free_port(), servers.free_port()
    env = {
        "KHABAR_DATABASE_URL": url,
        "KHABAR_LOG_LEVEL": "WARNING",
        "KHABAR_DB_STATEMENT_TIMEOUT_SECONDS": "60",
        # One client repeating requests: the per-client limit would answer 429 instead.
        "KHABAR_RATE_LIMIT_PER_CLIENT": "1000000/minute",
    }
    command = servers.uvicorn("app.main:create_app", port, factory=True)
    base = f"http://127.0.0.1:{port}"
    bare = servers.uvicorn("bench.bare:app", bare_port)
    with servers.running(command, port, env=env), servers.running(bare, bare_port):
        loads = {
            BARE: servers.wrk(
                f"http://127.0.0.1:{bare_port}/", seconds=seconds, connections=connections
            )
        }
        for name, path in urls.items():
            loads[name] = servers.wrk(base + path, seconds=seconds, connections=connections)
    return loads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--url", help="an archive's database URL (default: the grown one)")
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--seconds", type=int, default=4)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--no-load", action="store_true", help="in process only")
    args = parser.parse_args()
    url = args.url or archive_url(args.engine, args.articles)
    urls = paths(most_named(url))
    timed = in_process(url, urls, args.repeat)
    loads = (
        {}
        if args.no_load
        else under_load(url, urls, seconds=args.seconds, connections=args.connections)
    )
    head = f"{'request':34} {'cpu ms':>7} {'wall ms':>8} {'req/s':>7} {'p50':>7} {'p99':>7}"
    print(head + " non-2xx")
    for name, (cpu, wall) in {BARE: (0.0, 0.0), **timed}.items():
        load = loads.get(name)
        if load is None and name == BARE:
            continue
        tail = (
            f" {load.requests_per_second:7.1f} {load.p50_ms:7.1f} {load.p99_ms:7.1f}"
            f" {load.errors:7d}"
            if load
            else ""
        )
        print(f"{name:34} {cpu:7.1f} {wall:8.1f}{tail}")


if __name__ == "__main__":
    main()
