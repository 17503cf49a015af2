"""One problem+json shape (RFC 9457) for every error, never a stack trace."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

import fastapi.routing
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from app.errors import KhabarError
from app.ingest.errors import IngestError
from app.metrics import INGESTED

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"


def problem(
    request: Request,
    status: int,
    title: str,
    detail: str,
    errors: list[dict[str, object]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, object] | None = None,
) -> JSONResponse:
    body: dict[str, object] = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors is not None:
        body["errors"] = errors
    body.update(extra or {})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


RETRY_AFTER_SECONDS = 5
_RETRY = {"Retry-After": str(RETRY_AFTER_SECONDS)}


async def _khabar_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, KhabarError)
    if isinstance(exc, IngestError):
        INGESTED.labels("failed").inc()
    headers = dict(exc.headers)
    if exc.status == 401:
        headers["WWW-Authenticate"] = "ApiKey"
    elif exc.status == 503:
        headers |= _RETRY
    return problem(
        request, exc.status, exc.title, exc.detail, headers=headers or None, extra=exc.extra
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in exc.errors()
    ]
    detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
    return problem(request, 422, "Invalid parameter", detail, errors=errors)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    titles = {404: "Not found", 405: "Method not allowed", 413: "Request body too large"}
    title = titles.get(exc.status_code, "Error")
    headers = dict(exc.headers) if exc.headers else {}
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    return problem(request, exc.status_code, title, str(exc.detail), headers=headers or None)


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path: Starlette names only the first route's."""
    path = request.scope["path"]
    matches = [
        (params, served) for regex, params, served in _route_table(request.app) if regex.match(path)
    ]
    if not matches:
        return []
    # /articles/histogram also fits /articles/{article_id}: the literal path is the resource.
    fewest = min(params for params, _ in matches)
    return sorted({method for params, served in matches if params == fewest for method in served})


@cache
def _route_table(app: FastAPI) -> list[tuple[re.Pattern[str], int, frozenset[str]]]:
    # Routers included in the app are nested; FastAPI flattens them for its own schema.
    flatten: Callable[[Any], Iterable[Any]] = getattr(fastapi.routing, "iter_route_contexts", iter)
    table = []
    for route in flatten(app.routes):
        path, methods = getattr(route, "path", None), getattr(route, "methods", None)
        if path and methods:
            regex, _, params = compile_path(path)
            table.append((regex, len(params), frozenset(methods)))
    return table


async def _database_down(request: Request, exc: Exception) -> JSONResponse:
    """A database that is down, frozen, past its statement timeout, or whose pool is full."""
    log.error("database unavailable: %s", exc.__class__.__name__)
    return problem(
        request,
        503,
        "Database unavailable",
        "the database cannot be reached or is busy; retry later",
        headers=_RETRY,
    )


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    # Connection: close, so the server ends the connection cleanly instead of resetting it.
    return problem(
        request,
        500,
        "Internal error",
        "an unexpected error occurred; it has been logged",
        headers={"Connection": "close"},
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(KhabarError, _khabar_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(OperationalError, _database_down)
    app.add_exception_handler(PoolTimeout, _database_down)
    app.add_exception_handler(Exception, _unexpected)
