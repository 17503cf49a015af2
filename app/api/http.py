"""HTTP niceties every GET gets: HEAD answered as GET without a body, gzip for large bodies.
Both are plain ASGI: no BaseHTTPMiddleware buffering and re-wrapping each response."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Below this a compressed body saves less than its headers and the CPU cost.
GZIP_MINIMUM_BYTES = 1_000
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


def install_http(app: FastAPI) -> None:
    """Call after the other middleware: HEAD must be outermost, gzip just inside it."""
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM_BYTES)
    app.add_middleware(HeadAsGet)
