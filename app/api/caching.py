"""HTTP caching for reads: a strong ETag on every successful GET and a short shared max-age,
so a CDN in front of the replicas absorbs frontend traffic and clients revalidate with 304."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response

MAX_AGE_SECONDS = 60
# The export streams: hashing it would hold every match in memory.
_UNCACHED_PREFIXES = ("/health", "/ready", "/docs", "/redoc", "/static", "/articles/export")


def install_caching(app: FastAPI) -> None:
    @app.middleware("http")
    async def etag(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        if request.method != "GET" or response.status_code != 200:
            return response
        if request.url.path.startswith(_UNCACHED_PREFIXES):
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        headers = dict(response.headers)
        headers.pop("content-length", None)
        headers["etag"] = tag
        headers["cache-control"] = f"public, max-age={MAX_AGE_SECONDS}"
        if tag in _tags(request.headers.get("if-none-match", "")):
            return Response(
                status_code=304, headers={"etag": tag, "cache-control": headers["cache-control"]}
            )
        return Response(body, status_code=200, headers=headers, media_type=response.media_type)


def _tags(header: str) -> set[str]:
    return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}
