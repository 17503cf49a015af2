"""Benchmark: the reads issue 9 found slow under load, timed in process one request at a
time (TestClient; this process's CPU and the wall clock, medians): the entity page of the
most named actor and of the person with the most roles, the entity list, autocomplete, the
resolution list and search (newest first and by relevance).

    python -m bench.slow_reads [--engine postgresql] [--articles 100000] [--url URL]
    python -m bench.slow_reads --load [--before DIR] [--articles 10000]

`--url` times another archive. Run it from another checkout (PYTHONPATH=that checkout) to
time that code on the same archive: a before/after on the same rows and machine load.
`--load` measures over HTTP instead, as bench.http does (uvicorn pinned to core 0, wrk on
core 1, 16 connections, no response cache), a bare FastAPI endpoint first, and with
`--before` the same server from another checkout, each URL on both in turn, per round.
"""

from __future__ import annotations

import argparse
import os
from contextlib import ExitStack
from urllib.parse import quote

from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url

from app.store import models as m
from bench import servers
from bench.build import archive_url
from bench.search import in_process, most_named


def most_roles(url: str) -> int | None:
    engine = create_engine(url)
    with engine.connect() as connection:
        top = connection.scalar(
            select(m.Affiliation.person_id)
            .group_by(m.Affiliation.person_id)
            .order_by(func.count().desc())
            .limit(1)
        )
    engine.dispose()
    return top


def paths(popular: int, roles: int | None) -> dict[str, str]:
    word = quote("سوريا")
    out = {
        f"entity page (most named, {popular})": f"/entities/{popular}",
        "entity list": "/entities?limit=20",
        "autocomplete": "/entities?q=" + quote("سو"),
        "resolution list": "/resolutions",
        "search": f"/search?q={word}",
        "articles?q=, newest": f"/articles?q={word}",
        "articles?q=, relevance": f"/articles?q={word}&sort=relevance",
        "articles?q= + entity, newest": f"/articles?q={word}&entity={popular}",
        "articles?q= + entity, relevance": f"/articles?q={word}&entity={popular}&sort=relevance",
    }
    if roles is not None:
        out[f"entity page (most roles, {roles})"] = f"/entities/{roles}"
    return out


def under_load(
    url: str, urls: dict[str, str], before: str | None, *, rounds: int, seconds: int
) -> dict[str, list[servers.Load]]:
    env = {
        "KHABAR_DATABASE_URL": url,
        **servers.KHABAR_BENCH_ENV,
        "KHABAR_DB_STATEMENT_TIMEOUT_SECONDS": "60",
    }
    ports, commands = servers.khabar_sides(before)
    bare = servers.uvicorn("bench.bare:app", ports["bare"])
    loads: dict[str, list[servers.Load]] = {}
    with ExitStack() as stack:
        for name, command in commands.items():
            stack.enter_context(servers.running(command, ports[name], env=env))
        stack.enter_context(servers.running(bare, ports["bare"]))
        for _ in range(rounds):
            bare_url = f"http://127.0.0.1:{ports['bare']}/"
            loads.setdefault(BARE, []).append(
                servers.wrk(bare_url, seconds=seconds, connections=16)
            )
            for name, path in urls.items():
                for side in commands:
                    key = f"{side}: {name}"
                    base = f"http://127.0.0.1:{ports[side]}"
                    load = servers.wrk(base + path, seconds=seconds, connections=16)
                    loads.setdefault(key, []).append(load)
    return loads


BARE = "bare FastAPI (reference)"


def report_loads(loads: dict[str, list[servers.Load]]) -> None:
    print(f"{'request':48} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} non-2xx")
    for name, runs in loads.items():
        median = sorted(runs, key=lambda load: load.requests_per_second)[len(runs) // 2]
        print(
            f"{name:48} {median.requests_per_second:7.0f} {median.p50_ms:7.1f}"
            f" {median.p99_ms:7.1f} {median.errors:7d}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--url", help="an archive's database URL (default: the grown one)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--load", action="store_true", help="over HTTP with wrk")
    parser.add_argument("--before", metavar="DIR", help="with --load: another checkout too")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=4)
    args = parser.parse_args()
    url = args.url or archive_url(args.engine, args.articles)
    urls = paths(most_named(url), most_roles(url))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{make_url(url).get_backend_name()}, load average {load}")
    if args.load:
        urls = {k: v for k, v in urls.items() if "most roles" not in k}
        report_loads(under_load(url, urls, args.before, rounds=args.rounds, seconds=args.seconds))
        return
    timed = in_process(url, urls, args.repeat)
    print(f"{'request':40} {'cpu ms':>7} {'wall ms':>8}")
    for name, (cpu, wall) in timed.items():
        print(f"{name:40} {cpu:7.2f} {wall:8.2f}")


if __name__ == "__main__":
    main()
