"""CPU per request through the ASGI application itself, with no server and no socket: each
request is one call of the app with an in-memory receive and send, on one event loop.

    python -m bench.asgi_loop                      # the 10,000-article SQLite archive
    python -m bench.asgi_loop --profile entity     # pyinstrument's view of one request kind

What uvicorn adds per request (parsing, the socket) is the same for every app; this is the
part Khabar's own code decides, set against the bare FastAPI endpoint's in the same run.
Timed in CPU seconds of the process (time.process_time), which other processes on the
machine barely move."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bench.bare import app as bare_app
from bench.build import build
from bench.targets import DEEP_PAGE, Subjects, khabar_paths, subject_ids

App = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


def scope(
    path: str, *, method: str = "GET", headers: list[tuple[bytes, bytes]] | None = None
) -> dict[str, Any]:
    raw_path, _, query = path.partition("?")
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), *(headers or [])],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }


async def call(app: App, request: dict[str, Any]) -> tuple[int, list[Any], bytes]:
    """One request: (status, headers, body)."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(dict(request), receive, send)
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start["status"], list(start.get("headers", [])), body


async def per_request_us(app: App, request: dict[str, Any], *, seconds: float) -> float:
    """Microseconds of CPU per request, requests one after another for about `seconds`."""
    for _ in range(50):  # warm: plans, caches, the pool's connections
        await call(app, request)
    began, count = time.process_time(), 0
    while time.process_time() - began < seconds:
        for _ in range(50):
            await call(app, request)
        count += 50
    return (time.process_time() - began) / count * 1e6


async def _lifespan(app: Any) -> Any:
    from contextlib import AsyncExitStack

    stack = AsyncExitStack()
    await stack.enter_async_context(app.router.lifespan_context(app))
    return stack


async def run(url: str, seconds: float, profile: str | None, only: list[str] | None = None) -> None:
    from app.config import Settings
    from app.main import create_app

    app = create_app(
        Settings(database_url=url, log_level="WARNING", rate_limit_per_client="1000000000/minute")
    )
    stack = await _lifespan(app)
    ids = await _subjects(app, url)
    paths = {k: v for k, v in khabar_paths(ids).items() if k in (only or _HOT)}
    if profile:
        await _profile(app, paths[profile], seconds)
    else:
        bare = await per_request_us(bare_app, scope("/"), seconds=seconds)
        print("| request | CPU µs per request | vs bare |\n|---|---:|---:|")
        print(f"| bare | {bare:.0f} | 1.00 |")
        for name, path in paths.items():
            status, _, _ = await call(app, scope(path))
            assert status == 200, f"{path} answered {status}"
            cost = await per_request_us(app, scope(path), seconds=seconds)
            print(f"| {name} | {cost:.0f} | {bare / cost:.2f} |")
    await stack.aclose()
    app.state.engine.dispose()


async def _subjects(app: App, url: str) -> Subjects:
    """As bench.http finds them, the deep page's cursor walked through the app itself."""
    popular, rare, article = subject_ids(url)
    cursor, depth = "", 1
    while depth < DEEP_PAGE:
        after = f"&cursor={cursor}" if cursor else ""
        _, _, body = await call(app, scope(f"/articles?entity={popular}{after}"))
        found = json.loads(body)["next_cursor"]
        if not found:
            break
        cursor, depth = found, depth + 1
    return Subjects(popular, rare, article, cursor, depth)


_HOT = (
    "health",
    "entity popular",
    "entity rare",
    "resolution 2254",
    "article",
    "entity articles",
    "deep page",
    "entity page",
    "entity list",
    "autocomplete",
    "resolution list",
)


async def _profile(app: App, path: str, seconds: float) -> None:
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0001, async_mode="disabled")
    profiler.start()
    await per_request_us(app, scope(path), seconds=seconds)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--profile", choices=_HOT)
    parser.add_argument("--only", nargs="+", choices=_HOT, help="time these requests only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    built = build("sqlite", args.articles)
    asyncio.run(run(built.url, args.seconds, args.profile, args.only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
