"""Benchmark: this checkout's server and another checkout's on the same archive, short wrk runs
alternating between them for each request (after, before, after, ...), the medians kept: on
a shared machine whose load drifts by the minute, a closer comparison than `bench.http`'s
one round. With `--commits N`, another connection commits N times a second meanwhile (an
UPDATE that changes no row); with `--ingests N`, it ingests N new articles a second (short
synthetic ones, extracted and saved one per transaction, as `khabar ingest` or POST
/articles would), which change what PostgreSQL's kept answers show (app/store/changes.py).
Each row also gives the server's CPU per request (from /proc). The ingests stay in the
archive: they are few (N times the run's seconds) beside its 10,000.

    python -m bench.side_by_side --before ../pgfront-base
    python -m bench.side_by_side --engine postgresql --before DIR --commits 0 10 100
    python -m bench.side_by_side --engine postgresql --before DIR --ingests 0 1 10
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.orm import Session

from app.extract.pipeline import extract
from app.ingestion import ingest_parsed
from bench import servers
from bench.build import build
from bench.corpus import article
from bench.http import subjects
from bench.targets import khabar_paths

NAMES = (
    *("entity popular", "entity rare", "resolution 2254", "entity articles", "article"),
    *("deep page", "entity page", "entity list", "autocomplete", "resolution list", "search"),
)


WORDS = 150  # a short news item
# The machine's floor under the same writes: a bare FastAPI endpoint on the server's core,
# measured in both columns.
BARE = "bare FastAPI"


@dataclass(frozen=True, slots=True)
class Run:
    load: servers.Load
    cpu_us: float  # the server's CPU per request


def _off_the_server(connection: Connection) -> None:
    """This thread and its backend on the load generator's core: a writer elsewhere (another
    machine, another core) steals no time from the server measured."""
    cores = {int(core) for core in servers.WRK_CORES.split(",")}
    os.sched_setaffinity(threading.get_native_id(), cores)
    os.sched_setaffinity(int(connection.scalar(text("SELECT pg_backend_pid()")) or 0), cores)


def _commits(url: str, rate: float, stop: threading.Event, done: list[int]) -> None:
    engine = create_engine(url, pool_size=1)
    with engine.connect() as connection:
        _off_the_server(connection)
        while not stop.is_set():
            connection.execute(text("UPDATE sources SET name = name WHERE false"))
            connection.commit()
            done.append(1)
            time.sleep(1 / rate)
    engine.dispose()


def _ingests(url: str, rate: float, stop: threading.Event, done: list[int]) -> None:
    """New articles, one a transaction, at `rate` a second (less when a save takes longer)."""
    engine = create_engine(url, pool_size=1, max_overflow=0)
    with engine.connect() as connection:
        _off_the_server(connection)
    rng = random.Random(time.time_ns())
    while not stop.is_set():
        began = time.monotonic()
        parsed = article(rng, WORDS)
        extraction = extract(parsed)
        with Session(engine) as session, session.begin():
            ingest_parsed(session=session, parsed=parsed, extraction=extraction)
        done.append(1)
        stop.wait(max(0.0, 1 / rate - (time.monotonic() - began)))
    engine.dispose()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _run(target: str, pid: int, seconds: int) -> Run:
    """One wrk run; the server's CPU per request counts its warm-up second too."""
    cpu = _cpu_seconds(pid)
    load = servers.wrk(target, seconds=seconds, connections=16)
    requests = load.requests_per_second * (seconds + 1)
    return Run(load, (_cpu_seconds(pid) - cpu) / requests * 1e6)


def _row(name: str, runs: dict[str, list[Run]], rate: float | None) -> str:
    def median(side: str, value: Callable[[Run], float]) -> float:
        return statistics.median(value(r) for r in runs[side])

    rps = {side: median(side, lambda r: r.load.requests_per_second) for side in runs}
    p99 = {side: median(side, lambda r: r.load.p99_ms) for side in runs}
    cpu = {side: median(side, lambda r: r.cpu_us) for side in runs}
    lead = "" if rate is None else f"{rate:g} | "
    return (
        f"| {lead}{name} | {rps['after']:,.0f} | {p99['after']:.1f} | {cpu['after']:,.0f} | "
        f"{rps['before']:,.0f} | {p99['before']:.1f} | {cpu['before']:,.0f} | "
        f"{rps['after'] / rps['before']:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--before", required=True, metavar="DIR")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=3)
    writes = parser.add_mutually_exclusive_group()
    writes.add_argument("--commits", type=float, nargs="*", default=[])
    writes.add_argument("--ingests", type=float, nargs="*", default=[])
    args = parser.parse_args()
    rates, write = (args.ingests, _ingests) if args.ingests else (args.commits, _commits)
    url = build(args.engine, 10_000).url
    env = {"KHABAR_DATABASE_URL": url, **servers.KHABAR_BENCH_ENV}
    ports, commands = servers.khabar_sides(args.before)
    pids: dict[str, int] = {}
    with ExitStack() as stack:
        for side, command in commands.items():
            pids[side] = stack.enter_context(servers.running(command, ports[side], env=env)).pid
        bare = servers.uvicorn("bench.bare:app", ports["bare"])
        pids["bare"] = stack.enter_context(servers.running(bare, ports["bare"])).pid
        paths = khabar_paths(subjects(url, f"http://127.0.0.1:{ports['after']}"))
        lead = ("ingests/s | " if args.ingests else "commits/s | ") if rates else ""
        columns = (
            "after req/s | after p99 ms | after CPU µs/req | "
            "before req/s | before p99 ms | before CPU µs/req | ratio"
        )
        print(f"| {lead}request | {columns} |")
        print("|" + "---|" * (8 + bool(rates)), flush=True)
        for rate in rates or [None]:
            stop, done = threading.Event(), list[int]()
            writer = threading.Thread(target=write, args=(url, rate, stop, done)) if rate else None
            if writer is not None:
                writer.start()
            began = time.monotonic()
            for name in (BARE, *NAMES):
                runs: dict[str, list[Run]] = {"after": [], "before": []}
                for _ in range(args.rounds):
                    for side in commands:
                        served = "bare" if name == BARE else side
                        target = f"http://127.0.0.1:{ports[served]}{paths.get(name, '/')}"
                        runs[side].append(_run(target, pids[served], args.seconds))
                print(_row(name, runs, rate), flush=True)
            stop.set()
            if writer is not None:
                writer.join()
                achieved = len(done) / (time.monotonic() - began)
                print(f"| {rate:g} | (writes achieved: {achieved:.1f}/s) |", flush=True)


if __name__ == "__main__":
    main()
