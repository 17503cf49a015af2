"""HTTP niceties every GET gets: HEAD answered as GET without a body, gzip for large bodies.
Both are plain ASGI: no BaseHTTPMiddleware buffering and re-wrapping each response."""

from __future__ import annotations

import zlib
from typing import Any

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Below this a compressed body saves less than its headers and the CPU cost.
GZIP_MINIMUM_BYTES = 1_000
GZIP_LEVEL = 9  # GZipMiddleware's
EXPOSED_HEADERS = ["ETag", "Link"]


class HeadAsGet:
    """Run a HEAD as the GET it mirrors (same status and headers, ETag included) and drop
    the body, so every GET route answers HEAD without declaring it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def accepts_gzip(scope: Scope) -> bool:
    """As GZipMiddleware reads it: the first Accept-Encoding header names gzip."""
    for key, value in scope["headers"]:
        if key == b"accept-encoding":
            return b"gzip" in value
    return False


def compressed(headers: list[Any], body: bytes, gzip: bool) -> tuple[list[Any], bytes]:
    """What GZipMiddleware makes of a whole JSON body, for a layer that sends it itself: a
    large body says it varies by Accept-Encoding, and is compressed when gzip is taken."""
    if len(body) < GZIP_MINIMUM_BYTES:
        return headers, body
    headers = [*headers, (b"vary", b"Accept-Encoding")]
    if not gzip:
        return headers, body
    packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    packed = packer.compress(body) + packer.flush()
    length = str(len(packed)).encode("latin-1")
    out = [(k, length) if k == b"content-length" else (k, v) for k, v in headers]
    return [*out, (b"content-encoding", b"gzip")], packed


def install_http(app: FastAPI) -> None:
    """Call after the other middleware: HEAD must be outermost, gzip just inside it."""
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_BYTES, compresslevel=GZIP_LEVEL)
    app.add_middleware(HeadAsGet)
