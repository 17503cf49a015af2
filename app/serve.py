"""`khabar serve`: uvicorn with every wait bounded.

uvicorn times out an idle keep-alive connection but not a client that sends its request line
and headers slowly (or not at all): GuardedH11Protocol gives them `header_timeout` seconds from
the first byte (or from the connection), then answers 408 and closes. The body's deadline is
the app's own (app/api/guards.py), since uvicorn hands the body over as it arrives.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from app.config import Settings, get_settings
from app.logs import setup_json_logging

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger(__name__)

MAX_HEADER_BYTES = 16 * 1024
GRACEFUL_SHUTDOWN_SECONDS = 30
_TIMEOUT_BODY = (
    b'{"type":"about:blank","title":"Request timeout","status":408,'
    b'"detail":"the request line and headers did not arrive in time"}'
)
_TIMEOUT_RESPONSE = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/problem+json\r\n"
    b"connection: close\r\ncontent-length: " + str(len(_TIMEOUT_BODY)).encode() + b"\r\n\r\n"
) + _TIMEOUT_BODY


class GuardedH11Protocol(H11Protocol):
    # set by uvicorn_options(); a worker process started by uvicorn reads its settings anew
    header_timeout: float | None = None
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._reading_headers():
            self._arm()
        elif self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        super().connection_lost(exc)

    def _reading_headers(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm(self) -> None:
        if self._header_timer is None:
            timeout = GuardedH11Protocol.header_timeout or get_settings().header_timeout_seconds
            self._header_timer = self.loop.call_later(timeout, self._too_slow)

    def _too_slow(self) -> None:
        self._header_timer = None
        if self._reading_headers() and not self.transport.is_closing():
            self.transport.write(_TIMEOUT_RESPONSE)
            self.transport.close()


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    GuardedH11Protocol.header_timeout = settings.header_timeout_seconds
    return {
        "http": GuardedH11Protocol,
        "timeout_keep_alive": settings.keep_alive_seconds,
        "limit_concurrency": settings.limit_concurrency,
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_SECONDS,
        "log_config": None,  # the app's logging set-up stays in charge
    }


def serve(settings: Settings, *, host: str, port: int, workers: int = 1) -> None:
    setup_json_logging(settings.log_level)
    options = uvicorn_options(settings)
    workers = process_count(settings, workers)
    if workers == 1:
        from app.main import create_app

        uvicorn.run(create_app(settings), host=host, port=port, **options)
        return
    # Several processes need the app by import string; each builds its own from settings.
    factory = "app.serve:json_logged_app"
    uvicorn.run(factory, factory=True, host=host, port=port, workers=workers, **options)


def process_count(settings: Settings, asked: int) -> int:
    """One process on SQLite: its job queue lives in the process and numbers jobs from the
    last id stored, so a second process would give other jobs the same ids."""
    from app.jobs.queue import shared_queue

    if asked > 1 and not shared_queue(settings):
        log.warning("SQLite: one server process, not %d (its job queue is per process)", asked)
        return 1
    return asked


def json_logged_app() -> FastAPI:
    """The app of one of several server processes: uvicorn starts each afresh, without the
    logging set-up of the process that ran `khabar serve`."""
    from app.main import create_app

    settings = get_settings()
    setup_json_logging(settings.log_level)
    return create_app(settings)
