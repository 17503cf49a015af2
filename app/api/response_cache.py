"""Recent successful GET answers kept in the process, for at most a few seconds.

Every such answer already says `Cache-Control: public, max-age=60`: a CDN or a browser may
serve it a minute old. Keeping it here for `ttl` seconds (far less) serves the same
promise from memory, so a burst of identical requests (a front page, a popular actor) costs
one query. A write through this process clears the whole cache at once; another process's
write shows here within `ttl`. Bounded in entries and in bytes per entry, so memory is too.
"""

from __future__ import annotations

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
