"""Recent successful GET answers kept in the process, for at most a few seconds.

Every such answer already says `Cache-Control: public, max-age=60`: a CDN or a browser may
serve it a minute old. Keeping it here for `ttl` seconds (far less) serves the same
promise from memory, so a burst of identical requests (a front page, a popular actor) costs
one query. A write through this process clears the whole cache at once; another process's
write shows here within `ttl`. Bounded in entries and in bytes per entry, so memory is too.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.store.changes import Depends

MAX_ENTRIES = 2048
MAX_BODY_BYTES = 256 * 1024

Key = tuple[str, bytes, bytes]  # path, query string, Origin (CORS headers depend on it)
Touched = Callable[[int, Depends], "float | None"]  # Changes.touched


@dataclass(frozen=True, slots=True)
class Cached:
    headers: list[Any]
    body: bytes
    tag: str
    until: float


class ResponseCache:
    def __init__(self, ttl: float, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: OrderedDict[Key, Cached] = OrderedDict()

    def get(self, key: Key) -> Cached | None:
        found = self._entries.get(key)
        if found is None:
            return None
        if found.until < time.monotonic():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return found

    def put(self, key: Key, headers: list[Any], body: bytes, tag: str) -> None:
        if self.ttl <= 0 or len(body) > MAX_BODY_BYTES:
            return
        self._entries[key] = Cached(headers, body, tag, time.monotonic() + self.ttl)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()


@dataclass(slots=True)
class KeptAnswer:
    headers: list[Any]
    body: bytes
    tag: str
    read_at: int  # the generation when its read began
    depends: Depends  # the scopes it shows (None: all)
    routed: bool  # the routes' answer (the front's own read passed it on)
    checked: int  # the generation up to which the moves were looked at
    stale_since: float | None = None  # when a move that concerns it was first notified


KEPT_MAX_BYTES = 32 * 1024 * 1024


class KeptAnswers:
    """Answers kept by the database's generation (app/store/changes.py). An answer holds
    until a move concerns it (`Changes.touched`): a notice naming a scope it shows, any
    notice for one that shows everything, a write through this process, the listener made
    or lost. Then it is stale since that notice: `get` still gives it, with `stale_since`,
    and the caller decides how long it may be served while it is read again; after a
    write through this process or a lost listener it is gone. Bounded in bytes; the first
    kept go first."""

    def __init__(self, max_bytes: int = KEPT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: dict[Key, KeptAnswer] = {}
        self._bytes = 0

    def get(self, key: Key, generation: int, touched: Touched) -> KeptAnswer | None:
        found = self._entries.get(key)
        if found is None or found.checked >= generation:
            return found
        since = touched(found.checked, found.depends)
        if since == -math.inf:
            self._drop(key)
            return None
        if since is not None and found.stale_since is None:
            found.stale_since = since
        found.checked = generation
        return found

    def put(
        self,
        key: Key,
        generation: int,
        headers: list[Any],
        body: bytes,
        tag: str,
        *,
        depends: Depends = None,
        routed: bool = False,
    ) -> None:
        """Keep an answer read while the generation was `generation` (read before the
        reads began: a commit during them moved it since, and `get` sees that move)."""
        if len(body) > MAX_BODY_BYTES:
            return
        old = self._entries.get(key)
        if old is not None and old.read_at > generation:
            return  # a later read landed first
        self._drop(key)
        self._entries[key] = KeptAnswer(headers, body, tag, generation, depends, routed, generation)
        self._bytes += len(body)
        while self._bytes > self.max_bytes:
            self._drop(next(iter(self._entries)))

    def forget(self, key: Key, generation: int) -> None:
        """Drop the answer kept for `key` unless it was read after `generation`."""
        old = self._entries.get(key)
        if old is not None and old.read_at <= generation:
            self._drop(key)

    def _drop(self, key: Key) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)


class Flights:
    """One read of an answer per generation at a time. When a commit moves the generation
    past what may be served stale, every client asking for a popular answer misses at once;
    reading it once for all of them keeps a burst of misses (a search: ~15-25 ms each) from
    queueing behind each other.
    The one read began at that generation, so its answer is as fresh as a kept one."""

    def __init__(self) -> None:
        self._reads: dict[tuple[Key, int], asyncio.Event] = {}

    def join(self, key: Key, generation: int) -> asyncio.Event | None:
        """The read of `key` under way at `generation`, to wait for; or None, and the caller
        now makes that read, and `land`s it when done (answered, kept or not)."""
        found = self._reads.get((key, generation))
        if found is None:
            self._reads[(key, generation)] = asyncio.Event()
        return found

    def land(self, key: Key, generation: int) -> None:
        found = self._reads.pop((key, generation), None)
        if found is not None:
            found.set()
