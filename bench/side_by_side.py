"""Benchmark: this checkout's server and another checkout's on the same archive, short wrk runs
alternating between them for each request (after, before, after, ...), the medians kept: on
a shared machine whose load drifts by the minute, a closer comparison than `bench.http`'s
one round. With `--commits N`, another connection commits N times a second meanwhile (an
UPDATE that changes no row: the statement triggers fire all the same), so PostgreSQL's
kept answers (app/store/changes.py) are read again after each commit.

    python -m bench.side_by_side --before ../pgfront-base
    python -m bench.side_by_side --engine postgresql --before DIR --commits 0 10 100
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from contextlib import ExitStack

from sqlalchemy import create_engine, text

from bench import servers
from bench.build import build
from bench.targets import Subjects, khabar_paths, subject_ids

NAMES = (
    *("entity popular", "resolution 2254", "entity articles", "article"),
    *("entity list", "autocomplete", "resolution list", "search"),
)


def _commits(url: str, rate: float, stop: threading.Event) -> None:
    engine = create_engine(url)
    with engine.connect() as connection:
        while not stop.is_set():
            connection.execute(text("UPDATE sources SET name = name WHERE false"))
            connection.commit()
            time.sleep(1 / rate)
    engine.dispose()


def _row(name: str, runs: dict[str, list[servers.Load]], rate: float | None) -> str:
    rps = {side: statistics.median(r.requests_per_second for r in runs[side]) for side in runs}
    p99 = {side: statistics.median(r.p99_ms for r in runs[side]) for side in runs}
    lead = "" if rate is None else f"{rate:g} | "
    return (
        f"| {lead}{name} | {rps['after']:,.0f} | {p99['after']:.1f} | {rps['before']:,.0f} | "
        f"{p99['before']:.1f} | {rps['after'] / rps['before']:.2f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--before", required=True, metavar="DIR")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--commits", type=float, nargs="*", default=[])
    args = parser.parse_args()
    url = build(args.engine, 10_000).url
    popular, rare, article = subject_ids(url)
    paths = khabar_paths(Subjects(popular, rare, article, "", 1))
    env = {"KHABAR_DATABASE_URL": url, **servers.KHABAR_BENCH_ENV}
    ports, commands = servers.khabar_sides(args.before)
    with ExitStack() as stack:
        for side, command in commands.items():
            stack.enter_context(servers.running(command, ports[side], env=env))
        lead = "commits/s | " if args.commits else ""
        columns = "after req/s | after p99 ms | before req/s | before p99 ms | ratio"
        print(f"| {lead}request | {columns} |")
        print("|" + "---|" * (6 + bool(args.commits)))
        for rate in args.commits or [None]:
            stop = threading.Event()
            writer = threading.Thread(target=_commits, args=(url, rate, stop)) if rate else None
            if writer is not None:
                writer.start()
            for name in NAMES:
                runs: dict[str, list[servers.Load]] = {"after": [], "before": []}
                for _ in range(args.rounds):
                    for side in commands:
                        target = f"http://127.0.0.1:{ports[side]}{paths[name]}"
                        runs[side].append(servers.wrk(target, seconds=args.seconds, connections=16))
                print(_row(name, runs, rate), flush=True)
            stop.set()
            if writer is not None:
                writer.join()


if __name__ == "__main__":
    main()
