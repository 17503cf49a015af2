"""Recent successful GET answers kept in the process, for at most a few seconds.

Every such answer already says `Cache-Control: public, max-age=60`: a CDN or a browser may
serve it a minute old. Keeping it here for `ttl` seconds (far less) serves the same
promise from memory, so a burst of identical requests (a front page, a popular actor) costs
one query. A write through this process clears the whole cache at once; another process's
write shows here within `ttl`. Bounded in entries and in bytes per entry, so memory is too.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

MAX_ENTRIES = 2048
MAX_BODY_BYTES = 256 * 1024

Key = tuple[str, bytes, bytes]  # path, query string, Origin (CORS headers depend on it)


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


@dataclass(frozen=True, slots=True)
class KeptAnswer:
    headers: list[Any]
    body: bytes
    tag: str


KEPT_MAX_BYTES = 32 * 1024 * 1024


class KeptAnswers:
    """Answers kept while the database's generation (app/store/changes.py) has not moved
    since they were read. Generations only go up, so an answer of an older one is never
    valid again: all kept answers are of the newest generation seen, and a newer one
    empties them. Bounded in bytes; the first kept go first."""

    def __init__(self, max_bytes: int = KEPT_MAX_BYTES) -> None:
        self.max_bytes = max_bytes
        self._generation = -1
        self._entries: dict[Key, KeptAnswer] = {}
        self._bytes = 0

    def get(self, key: Key, generation: int) -> KeptAnswer | None:
        if generation != self._generation:
            return None
        return self._entries.get(key)

    def put(self, key: Key, generation: int, headers: list[Any], body: bytes, tag: str) -> None:
        """Keep an answer read while the generation was `generation` (read before the
        reads began: a commit during them has moved it since)."""
        if generation < self._generation or len(body) > MAX_BODY_BYTES:
            return
        if generation > self._generation:
            self._entries.clear()
            self._bytes = 0
            self._generation = generation
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)
        self._entries[key] = KeptAnswer(headers, body, tag)
        self._bytes += len(body)
        while self._bytes > self.max_bytes:
            self._bytes -= len(self._entries.pop(next(iter(self._entries))).body)


class Flights:
    """One read of an answer per generation at a time. When a commit moves the generation,
    every client asking for a popular answer misses at once; reading it once for all of
    them keeps a burst of misses (a search: ~15-25 ms each) from queueing behind each other.
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
