"""Benchmark: how many requests wait for the database while articles are ingested, on
PostgreSQL, this checkout's app and another checkout's, in process (the app and 16 clients
on one event loop, httpx's ASGI transport; one process per side and request, pinned to the
server's core), while this process ingests N articles a second on the other core
(bench.side_by_side's writer).

Over HTTP on the shared machine a p99 measures the neighbours (a bare FastAPI endpoint's
p99 went from 35 to 990 ms between two runs); the count of requests that waited for a read
is the app's own. A request waits when it reads the database itself or waits for another
request's read (`Front._read` called for a request, `Flights.join` answering a flight);
a read behind a request that was answered at once (a renewal) is counted apart.

    python -m bench.fresh_reads --before DIR --ingests 0 1 10
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from typing import Any

from bench import servers

NAMES = ("entity popular", "entity rare", "article", "entity page", "autocomplete", "search")
CONNECTIONS = 16


def child(folder: str, path: str, seconds: float) -> None:
    """Serve `path` from `folder`'s app to CONNECTIONS clients for `seconds`; print JSON."""
    sys.path.insert(0, folder)  # that checkout's `app`; this one's `bench` is loaded already
    print(json.dumps(asyncio.run(_probe(path, seconds))))


async def _probe(path: str, seconds: float) -> dict[str, Any]:
    import httpx

    from app.api import front
    from app.api.response_cache import Flights
    from app.main import create_app

    counts = {"waited": 0, "renewals": 0}
    read, join = front.Front._read, Flights.join

    async def counted(self: Any, scope: Any, hot: Any) -> Any:
        counts["waited" if "type" in scope else "renewals"] += 1
        return await read(self, scope, hot)

    def joined(self: Any, key: Any, generation: int) -> Any:
        found = join(self, key, generation)
        counts["waited"] += found is not None
        return found

    front.Front._read = counted  # type: ignore[method-assign,assignment]
    Flights.join = joined  # type: ignore[method-assign]
    app = create_app()
    latencies: list[float] = []
    async with app.router.lifespan_context(app):
        while app.state.changes.current() is None:
            await asyncio.sleep(0.05)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            await client.get(path)
            counts["waited"] = counts["renewals"] = 0
            deadline = time.perf_counter() + seconds

            async def client_loop() -> None:
                while time.perf_counter() < deadline:
                    began = time.perf_counter()
                    answer = await client.get(path)
                    assert answer.status_code == 200, answer.status_code
                    latencies.append(time.perf_counter() - began)

            await asyncio.gather(*(client_loop() for _ in range(CONNECTIONS)))
    latencies.sort()
    return {
        **counts,
        "requests": len(latencies),
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99)] * 1000,
    }


def _side(folder: str, path: str, seconds: float, url: str) -> dict[str, Any]:
    code = f"import bench.fresh_reads as f; f.child({folder!r}, {path!r}, {seconds!r})"
    env = {**os.environ, "KHABAR_DATABASE_URL": url, **servers.KHABAR_BENCH_ENV}
    env["KHABAR_WARMUP_SECONDS"] = "0"
    command = ["taskset", "-c", servers.SERVER_CORES, sys.executable, "-c", code]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    found: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return found


def main() -> None:
    from bench.build import build
    from bench.http import subjects
    from bench.side_by_side import _ingests
    from bench.targets import khabar_paths

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", required=True, metavar="DIR")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--ingests", type=float, nargs="*", default=[0, 1, 10])
    args = parser.parse_args()
    url = build("postgresql", 10_000).url
    ports, commands = servers.khabar_sides(None)
    env = {"KHABAR_DATABASE_URL": url, **servers.KHABAR_BENCH_ENV}
    with servers.running(commands["after"], ports["after"], env=env):
        paths = khabar_paths(subjects(url, f"http://127.0.0.1:{ports['after']}"))
    folders = {"after": ".", "before": args.before}
    print(
        "| ingests/s | request | side | requests/s | waited for a read | renewals | "
        "p50 ms | p99 ms |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|", flush=True)
    for rate in args.ingests:
        stop, done = threading.Event(), list[int]()
        writer = threading.Thread(target=_ingests, args=(url, rate, stop, done)) if rate else None
        if writer is not None:
            writer.start()
        began = time.monotonic()
        for name in NAMES:
            for side, folder in folders.items():
                r = _side(folder, paths[name], args.seconds, url)
                print(
                    f"| {rate:g} | {name} | {side} | {r['requests'] / args.seconds:,.0f} | "
                    f"{r['waited']} ({r['waited'] / r['requests']:.1%}) | {r['renewals']} | "
                    f"{r['p50_ms']:.1f} | {r['p99_ms']:.1f} |",
                    flush=True,
                )
        stop.set()
        if writer is not None:
            writer.join()
            print(
                f"| {rate:g} | (ingests achieved: {len(done) / (time.monotonic() - began):.1f}/s) |"
            )


if __name__ == "__main__":
    main()
