"""Pure ASGI observability: a request id (the client's X-Request-ID when it is sane, else a
new one) in every log line and in the response, and Prometheus counts and latency by route
template. Per request: one contextvar set, one clock read at each end, two metric updates."""

from __future__ import annotations

import itertools
import re
import time
import uuid
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.logs import REQUEST_ID
from app.metrics import HttpMetrics

_SANE_ID = re.compile(rb"[A-Za-z0-9._:-]{1,128}")
METRICS_PATH = "/metrics"
_PREFIX = uuid.uuid4().hex[:16]
_SEQUENCE = itertools.count(1)


class Recorder:
    """Counts and latency by method, route template and status."""

    def __init__(self, metrics: HttpMetrics) -> None:
        self.metrics = metrics
        # labels() takes a lock and builds a key: the labelled children are kept here
        self._counts: dict[tuple[str, str, int], Any] = {}
        self._timers: dict[tuple[str, str], Any] = {}
        self.quiet = False  # the app's own warm-up requests (app/api/warmup.py) go uncounted

    def record(self, method: str, template: str, status: int, seconds: float) -> None:
        if self.quiet:
            return
        count = self._counts.get((method, template, status))
        if count is None:
            count = self.metrics.requests.labels(method, template, str(status))
            self._counts[(method, template, status)] = count
        count.inc()
        timer = self._timers.get((method, template))
        if timer is None:
            timer = self._timers[(method, template)] = self.metrics.latency.labels(method, template)
        timer.observe(seconds)


class ObserveMiddleware:
    def __init__(self, app: ASGIApp, *, recorder: Recorder) -> None:
        self.app = app
        self.recorder = recorder
        self.metrics = recorder.metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] == METRICS_PATH and scope["method"] == "GET":
            await self._serve_metrics(send)
            return
        request_id = make_request_id(scope)
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        sender = IdSender(send, request_id)
        try:
            await self.app(scope, receive, sender)
        finally:
            self._record(scope, sender.status, time.perf_counter() - started)
            REQUEST_ID.reset(token)

    def _record(self, scope: Scope, status: int, seconds: float) -> None:
        route = scope.get("route")
        template: str = getattr(route, "path_format", None) or "unmatched"
        self.recorder.record(scope["method"], template, status, seconds)

    async def _serve_metrics(self, send: Send) -> None:
        body = generate_latest(self.metrics.registry)
        headers = [(b"content-type", CONTENT_TYPE_LATEST.encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class IdSender:
    """`send` adding the request id to the response's headers, noting its status."""

    def __init__(self, send: Send, request_id: str) -> None:
        self.send = send
        self.header = (b"x-request-id", request_id.encode())
        self.status = 500

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            message["headers"] = [*message.get("headers", ()), self.header]
        await self.send(message)


def make_request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == b"x-request-id" and _SANE_ID.fullmatch(value):
            return bytes(value).decode()
    # a random prefix per process and a counter: unique, and far cheaper than uuid4 each time
    return f"{_PREFIX}{next(_SEQUENCE):08x}"
