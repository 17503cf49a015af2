"""Warm-up: the first request of each kind, asked by the app of itself before the server
listens, so that no client pays for it.

A freshly started process answered its first request of a kind in 17-120 ms on SQLite,
20-350 ms on PostgreSQL, against 1-10 ms after (bench/RESULTS.md): the middleware stack
built, modules imported on first use, SQLAlchemy's and pydantic's statements and
serializers compiled, the pool's first connection opened, SQLite's and PostgreSQL's plans.
Each read below goes through the whole app (the front's hot paths and the routes), so what
it builds is what a client's request would have built. Then the region's clocks, whose
offsets a histogram on them needs (app/store/reads/zones.py).

Bounded (`warmup_seconds`, 0: off) and never fatal: a failed read is logged and the next
one tried; with the database down, the first probe fails and the rest is skipped, and the
app starts as it would have. The warm-up's requests are not counted in the metrics, and
the answers it caused to be kept are dropped (the response cache)."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI

from app.store.reads.day_cuts import zone_of
from app.store.reads.zones import REGION

log = logging.getLogger(__name__)

# A word of most archives (search and relevance paths) and a prefix (autocomplete).
WORD, PREFIX = "سوريا", "سو"
_LIST = "limit=1"
_FACETS = "&".join(f"facet={f}" for f in ("entity", "kind", "resolution", "source", "speaker"))


def warm_paths(entity: int | None, article: int | None) -> list[str]:
    """Every read endpoint once; those of one actor or article when the archive has one."""
    word = quote(WORD)
    paths = [
        f"/articles?{_LIST}",
        f"/articles?{_FACETS}",
        "/articles/histogram?interval=month",
        "/articles/export?from=2999-01-01",  # nothing matches: the stream, not its rows
        f"/entities?{_LIST}",
        f"/entities?q={quote(PREFIX)}",
        f"/entities/suggest?prefix={quote(PREFIX)}",
        f"/resolutions?{_LIST}",
        "/sources",
        f"/statements?{_LIST}",
        f"/search?q={word}",
        f"/articles?q={word}&sort=relevance",
    ]
    if entity is not None:
        paths += [
            f"/articles?entity={entity}",
            f"/articles?entity={entity}&{_FACETS}",
            f"/articles/histogram?entity={entity}&interval=month",
            f"/entities/{entity}",
            f"/entities/{entity}/related",
            f"/entities/{entity}/articles",
            f"/statements?speaker={entity}",
            f"/articles?q={word}&entity={entity}&sort=relevance",
        ]
    if article is not None:
        paths.append(f"/articles/{article}")
    return paths


async def warm_up(app: FastAPI, seconds: float) -> int:
    """Ask the app its reads until done or `seconds` passed; the number answered 200."""
    if seconds <= 0:
        return 0
    started = time.monotonic()
    recorder = app.state.recorder
    recorder.quiet = True
    try:
        return await _warm(app, started + seconds)
    except Exception:  # a warm-up never stops the app
        log.warning("warm-up stopped", exc_info=True)
        return 0
    finally:
        recorder.quiet = False
        app.state.response_cache.clear()
        log.info("warm-up took %.0f ms", (time.monotonic() - started) * 1000)


async def _warm(app: FastAPI, deadline: float) -> int:
    status, _ = await ask(app, "/ready")
    if status != 200:
        log.warning("warm-up skipped: the database is not ready (%s)", status)
        return 0
    _, articles = await ask(app, f"/articles?{_LIST}")
    _, entities = await ask(app, f"/entities?{_LIST}")
    answered = 0
    for path in warm_paths(_first_id(entities), _first_id(articles)):
        if time.monotonic() > deadline:
            log.warning("warm-up cut short at %s: over its time", path)
            break
        try:
            status, _ = await asyncio.wait_for(ask(app, path), deadline - time.monotonic())
        except TimeoutError:
            log.warning("warm-up cut short at %s: over its time", path)
            break
        if status == 200:
            answered += 1
        else:
            log.info("warm-up: %s answered %s", path, status)
    warm_clocks(deadline)
    return answered


def warm_clocks(deadline: float) -> None:
    """The offsets of the region's clocks (app/store/reads/zones.py): 26-53 ms of CPU each
    the first time on this machine, a file read after."""
    for tz in REGION:
        if time.monotonic() > deadline:
            log.warning("warm-up cut short at the clock %s: over its time", tz)
            return
        zone_of(tz)


def _first_id(body: bytes) -> int | None:
    try:
        items = json.loads(body)["items"]
        return int(items[0]["id"]) if items else None
    except (ValueError, KeyError, TypeError, IndexError):
        return None


async def ask(app: FastAPI, path: str) -> tuple[int, bytes]:
    """One GET through the whole app, in memory: (status, body)."""
    raw_path, _, query = path.partition("?")
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"localhost")],
        "client": ("warm-up", 0),
        "server": ("localhost", 80),
        "state": {},
    }
    status, body = 0, bytearray()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: MutableMapping[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(scope, receive, send)
    return status, bytes(body)
