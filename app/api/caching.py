"""HTTP caching for reads: a strong ETag on every successful GET and a short shared max-age,
so a CDN in front of the replicas absorbs frontend traffic and clients revalidate with 304.

Plain ASGI rather than `@app.middleware("http")`: Starlette's BaseHTTPMiddleware runs the
route in a task of its own and re-wraps every response in a stream, which cost more than
the rest of a small read. Here only a successful GET's body is held, to hash it."""

from __future__ import annotations

import hashlib
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


class ETagMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith(_UNCACHED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, _Tagger(send, _if_none_match(scope)).send)


class _Tagger:
    """Holds a 200's start message and body, then sends them with an ETag (or a 304)."""

    def __init__(self, send: Send, if_none_match: set[str]) -> None:
        self._send = send
        self._if_none_match = if_none_match
        self._start: Message | None = None
        self._chunks: list[bytes] = []

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
            await self._flush(b"".join(self._chunks))

    async def _flush(self, body: bytes) -> None:
        assert self._start is not None
        tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        caching = [(b"etag", tag.encode()), (b"cache-control", CACHE_CONTROL)]
        if tag in self._if_none_match:
            await self._send({"type": "http.response.start", "status": 304, "headers": caching})
            await self._send({"type": "http.response.body", "body": b""})
            return
        headers: list[Any] = [
            (k, v) for k, v in self._start.get("headers", []) if k.lower() not in _DROPPED
        ]
        headers += [*caching, (b"content-length", str(len(body)).encode())]
        await self._send({**self._start, "headers": headers})
        await self._send({"type": "http.response.body", "body": body})


def _if_none_match(scope: Scope) -> set[str]:
    for key, value in scope["headers"]:
        if key == b"if-none-match":
            header: str = value.decode("latin-1")
            return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}
    return set()
