"""HTTP caching for reads: a strong ETag on every successful GET and a short shared max-age,
so a CDN in front of the replicas absorbs frontend traffic and clients revalidate with 304.
The same answers are kept a few seconds in the process (app/api/response_cache.py).

Plain ASGI rather than `@app.middleware("http")`: Starlette's BaseHTTPMiddleware runs the
route in a task of its own and re-wraps every response in a stream, which cost more than
the rest of a small read. Here only a successful GET's body is held, to hash it."""

from __future__ import annotations

from typing import Any

import xxhash
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.response_cache import KeptAnswers, Key, ResponseCache

MAX_AGE_SECONDS = 60
CACHE_CONTROL = f"public, max-age={MAX_AGE_SECONDS}".encode()
# The export streams: hashing it would hold every match in memory.
_UNCACHED_PREFIXES = (
    "/health",
    "/ready",
    "/docs",
    "/redoc",
    "/static",
    "/openapi.json",
    "/articles/export",
)
_DROPPED = {b"content-length", b"etag", b"cache-control"}
# Set by the front (app/api/front.py) on a request it recognized but passed on: the
# generation of the database before the routes read it, at which their 200 may be kept.
KEEP_AT = "khabar.keep_at"


def tagged_path(path: str) -> bool:
    """A GET of this path is answered with an ETag (and may be kept)."""
    return not path.startswith(_UNCACHED_PREFIXES)


class ETagMiddleware:
    def __init__(
        self, app: ASGIApp, *, cache: ResponseCache, kept: KeptAnswers | None = None
    ) -> None:
        self.app = app
        self.cache = cache
        self.kept = kept

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            self.cache.clear()  # a write through this process is seen at once
        if scope["method"] != "GET" or not tagged_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        key = cache_key(scope)
        if_none_match = parse_if_none_match(scope)
        cached = self.cache.get(key)
        if cached is not None:
            await _answer(send, cached.headers, cached.body, cached.tag, if_none_match)
            return
        tagger = _Tagger(send, if_none_match, key, self.cache)
        generation = scope.get(KEEP_AT)
        if generation is not None and self.kept is not None:
            tagger.keep_in(self.kept, generation)
        await self.app(scope, receive, tagger.send)


class _Tagger:
    """Holds a 200's start message and body, then sends them with an ETag (or a 304)."""

    def __init__(self, send: Send, if_none_match: set[str], key: Key, cache: ResponseCache) -> None:
        self._send = send
        self._if_none_match = if_none_match
        self._key = key
        self._cache = cache
        self._start: Message | None = None
        self._chunks: list[bytes] = []
        self._kept: tuple[KeptAnswers, int] | None = None

    def keep_in(self, kept: KeptAnswers, generation: int) -> None:
        self._kept = (kept, generation)

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            if message["status"] == 200:
                self._start = message
                return
            await self._send(message)
            return
        if self._start is None or message["type"] != "http.response.body":
            await self._send(message)
            return
        self._chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            body = b"".join(self._chunks)
            tag = strong_tag(body)
            headers: list[Any] = [
                (k, v) for k, v in self._start.get("headers", []) if k.lower() not in _DROPPED
            ]
            self._cache.put(self._key, headers, body, tag)
            if self._kept is not None:
                kept, generation = self._kept
                kept.put(self._key, generation, headers, body, tag, routed=True)
            await _answer(self._send, headers, body, tag, self._if_none_match)


def strong_tag(body: bytes) -> str:
    """The body's 128-bit xxh3: a tag only has to change when the body does, which a fast
    non-cryptographic hash of 128 bits does for any body not crafted to collide. SHA-256
    of a page of articles (~36 KB) was ~40 µs of a ~500 µs request; this is ~2."""
    return '"' + xxhash.xxh3_128_hexdigest(body) + '"'


def tagged(
    headers: list[Any], body: bytes, tag: str, if_none_match: set[str]
) -> tuple[int, list[Any], bytes]:
    """A 200's headers (less its length and caching ones) and body -> what is sent: the
    same with the ETag, or a bare 304 when the client holds that tag."""
    caching = [(b"etag", tag.encode()), (b"cache-control", CACHE_CONTROL)]
    if tag in if_none_match:
        return 304, caching, b""
    return 200, [*headers, *caching, (b"content-length", str(len(body)).encode())], body


async def _answer(
    send: Send, headers: list[Any], body: bytes, tag: str, if_none_match: set[str]
) -> None:
    status, sent, content = tagged(headers, body, tag, if_none_match)
    await send({"type": "http.response.start", "status": status, "headers": sent})
    await send({"type": "http.response.body", "body": content})


def cache_key(scope: Scope) -> Key:
    origin = next((v for k, v in scope["headers"] if k == b"origin"), b"")
    return (scope["path"], scope["query_string"], origin)


def parse_if_none_match(scope: Scope) -> set[str]:
    for key, value in scope["headers"]:
        if key == b"if-none-match":
            header: str = value.decode("latin-1")
            return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}
    return set()
