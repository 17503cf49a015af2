"""Benchmark: Khabar's read API over HTTP against a bare FastAPI endpoint and Datasette,
in one interleaved run, on an archive built by the real ingest path.

    python -m bench.http                      # 10,000 articles, SQLite
    python -m bench.http --articles 100000    # the full size
    python -m bench.http --engine postgresql  # the same on PostgreSQL (no Datasette there)

Servers are pinned to core 0 and wrk to core 1. Prints req/s, p50 and p99 per request,
each target ratio, in-process times against 20 ms, and the server's RSS; exits 1 when a
ratio target is missed. Absolute figures depend on what else runs on the machine; the
ratios, measured within one run, much less.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

from sqlalchemy.engine import make_url

from bench import servers
from bench.build import Built, build
from bench.inprocess import LIMIT_MS, time_paths
from bench.servers import Load
from bench.targets import (
    DEEP_PAGE,
    P99_LIMIT_MS,
    TARGET_PATHS,
    Subjects,
    check,
    khabar_paths,
    subject_ids,
)


def subjects(url: str, base: str) -> Subjects:
    popular, rare, article = subject_ids(url)
    cursor, depth = "", 1
    while depth < DEEP_PAGE:
        after = f"&cursor={cursor}" if cursor else ""
        page = servers.get_json(f"{base}/articles?entity={popular}{after}")
        assert isinstance(page, dict)
        if not page["next_cursor"]:
            break
        cursor, depth = page["next_cursor"], depth + 1
    return Subjects(popular, rare, article, cursor, depth)


def datasette_metadata(folder: Path, database: Path) -> Path:
    """A canned query: the same rows as /articles?entity=, through the same index."""
    sql = (
        "select a.id, a.title, a.published_at, a.timezone, a.url, a.language, "
        "s.name as outlet, ae.sort_at from article_entities ae "
        "join articles a on a.id = ae.article_id left join sources s on s.id = a.source_id "
        "where ae.entity_id = :entity order by ae.sort_at desc, ae.article_id desc limit 21"
    )
    metadata = {"databases": {database.stem: {"queries": {"articles_about": {"sql": sql}}}}}
    path = folder / "metadata.json"
    path.write_text(json.dumps(metadata))
    return path


def measure(
    urls: dict[str, str], *, rounds: int, seconds: int, connections: int, pid: int
) -> tuple[dict[str, Load], float]:
    """Every url once per round, rounds interleaved; the median run of each; peak RSS."""
    runs: dict[str, list[Load]] = {name: [] for name in urls}
    peak = 0.0
    for _ in range(rounds):
        for name, url in urls.items():
            runs[name].append(servers.wrk(url, seconds=seconds, connections=connections))
            peak = max(peak, servers.rss_mb(pid))
    medians = {}
    for name, loads in runs.items():
        ordered = sorted(loads, key=lambda load: load.requests_per_second)
        medians[name] = ordered[len(ordered) // 2]
    return medians, peak


def report(loads: dict[str, Load], in_process: dict[str, float]) -> bool:
    print(f"\n| request | req/s | p50 ms | p99 ms | in process ms (< {LIMIT_MS:.0f}) |")
    print("|---|---:|---:|---:|---:|")
    for name, load in loads.items():
        alone = f"{in_process[name]:.2f}" if name in in_process else ""
        flag = " (errors!)" if load.errors else ""
        print(
            f"| {name}{flag} | {load.requests_per_second:,.0f} | {load.p50_ms:.2f} | "
            f"{load.p99_ms:.2f} | {alone} |"
        )
    print("\n| target | ratio | at least | met |\n|---|---:|---:|---|")
    met = True
    for target, ratio, ok in check(loads):
        met &= ok
        print(f"| {target.what} | {ratio:.2f} | {target.at_least} | {'yes' if ok else 'NO'} |")
    slow = [n for n, t in in_process.items() if t >= LIMIT_MS]
    late = [n for n, load in loads.items() if load.p99_ms >= P99_LIMIT_MS]
    print(f"\nin process over {LIMIT_MS:.0f} ms: {', '.join(slow) or 'none'}")
    print(f"p99 over {P99_LIMIT_MS:.0f} ms: {', '.join(late) or 'none'}")
    return met


def run(args: argparse.Namespace) -> bool:
    built = build(args.engine, args.articles, workers=args.ingest_workers)
    _report_build(built)
    env = {
        "KHABAR_DATABASE_URL": built.url,
        "KHABAR_LOG_LEVEL": "WARNING",
        "KHABAR_RESPONSE_CACHE_SECONDS": str(args.response_cache),
        # wrk from one address would hit the per-client limit (429s) within a second; the
        # limiter still runs on every request, as in service.
        "KHABAR_RATE_LIMIT_PER_CLIENT": "1000000000/minute",
    }
    ports = {name: servers.free_port() for name in ("khabar", "bare", "datasette", "before")}
    base = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
    khabar = servers.uvicorn(
        "app.main:create_app", ports["khabar"], factory=True, workers=args.server_workers
    )
    bare = servers.uvicorn("bench.bare:app", ports["bare"])
    with ExitStack() as stack:
        cores = "0" if args.server_workers == 1 else "0,1"
        started = servers.running(khabar, ports["khabar"], env=env, cores=cores)
        server = stack.enter_context(started)
        stack.enter_context(servers.running(bare, ports["bare"]))
        ids = subjects(built.url, base["khabar"])
        print(f"popular actor {ids.popular}, rare {ids.rare}; deep page {ids.deep_page}")
        paths = khabar_paths(ids)
        urls = {"bare": base["bare"] + "/", **{n: base["khabar"] + p for n, p in paths.items()}}
        if args.before:
            urls |= _before(stack, args.before, ports["before"], env, paths)
        if args.engine == "sqlite":
            database = Path(make_url(built.url).database or "")
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            meta = datasette_metadata(folder, database)
            command = servers.datasette(database, meta, ports["datasette"])
            stack.enter_context(servers.running(command, ports["datasette"]))
            query = f"/{database.stem}/articles_about.json?entity={ids.popular}&_shape=array"
            urls["datasette"] = base["datasette"] + query
        loads, peak = measure(
            urls,
            rounds=args.rounds,
            seconds=args.seconds,
            connections=args.connections,
            pid=server.pid,
        )
        after = servers.rss_mb(server.pid)
    timed = {k: v for k, v in paths.items() if k != "health"}
    in_process = time_paths(built.url, timed)
    met = report(loads, in_process)
    if args.engine == "postgresql":
        _report_written(time_paths(built.url, timed, written=True))
    print(f"server RSS: peak {peak:.0f} MB during the load, {after:.0f} MB after (< 300)")
    return met


def _report_written(in_process: dict[str, float]) -> None:
    """On PostgreSQL an answer asked again is kept until a commit is notified: the same
    requests each right after a write, read from the database as a first one is."""
    print("\nin process, each request after a write (nothing kept), ms:")
    print(", ".join(f"{name} {ms:.2f}" for name, ms in in_process.items()))
    slow = [n for n, t in in_process.items() if t >= LIMIT_MS]
    print(f"over {LIMIT_MS:.0f} ms: {', '.join(slow) or 'none'}")


def _before(
    stack: ExitStack, folder: str, port: int, env: dict[str, str], paths: dict[str, str]
) -> dict[str, str]:
    """The same server from another checkout (an earlier commit), for the target requests:
    before and after measured in one run, on the same machine load."""
    command = servers.uvicorn("app.main:create_app", port, factory=True, app_dir=folder)
    stack.enter_context(servers.running(command, port, env=env))
    base = f"http://127.0.0.1:{port}"
    names = [*TARGET_PATHS, *_SLOW_PAGES]
    return {f"before: {name}": base + paths[name] for name in names}


# Not in a ratio target, but held to p99 < 50 ms: compared with the earlier checkout too.
_SLOW_PAGES = ("entity page", "entity list", "autocomplete", "resolution list")


def _report_build(built: Built) -> None:
    if built.ingest_seconds is None:
        print(f"archive: {built.articles} articles at {built.url} (reused)")
        return
    rate = built.articles / built.ingest_seconds
    seconds, cpu = built.ingest_seconds, built.ingest_cpu_seconds or 0.0
    print(
        f"archive: {built.articles} articles ingested in {seconds:.0f} s ({rate:.0f}/s); "
        f"{cpu:.0f} CPU s, {built.articles / cpu if cpu else 0:.0f} articles per CPU second"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=5, help="per wrk run, after 1 s warm-up")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved; the median is kept")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--server-workers", type=int, default=1)
    parser.add_argument("--ingest-workers", type=int, default=2)
    parser.add_argument(
        "--before",
        metavar="DIR",
        help="a checkout of an earlier commit: its server is measured in the same run",
    )
    parser.add_argument(
        "--response-cache",
        type=float,
        default=0.0,
        help="KHABAR_RESPONSE_CACHE_SECONDS of the server; 0 (default) measures the cold path",
    )
    args = parser.parse_args(argv)
    return 0 if run(args) else 1


if __name__ == "__main__":
    sys.exit(main())
