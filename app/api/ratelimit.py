"""Rate limits per client address, or per API key when a valid one is sent, by a sliding
window counter: in memory by default (one process; app/api/window_counter.py), in Redis
through the `limits` library when KHABAR_REDIS_URL is set (shared by every replica). Pure
ASGI. Probes are never limited; a limiter that cannot reach Redis lets requests through
(logged) rather than failing them."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import time

from limits import RateLimitItem, parse
from limits.aio.strategies import SlidingWindowCounterRateLimiter
from limits.storage import storage_from_string
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.window_counter import WindowCounter
from app.config import Settings

log = logging.getLogger(__name__)
_EXEMPT = frozenset({"/health", "/ready", "/metrics"})


# Set by app/api/front.py on a request it counted and then handed to the app.
COUNTED = "khabar.rate_counted"


class Limiter:
    """One count per request, whichever layer takes it."""

    def __init__(self, settings: Settings) -> None:
        self.per_client: RateLimitItem = parse(settings.rate_limit_per_client)
        self.per_key: RateLimitItem = parse(settings.rate_limit_per_key)
        self.keys = [key.encode() for key in settings.api_keys]
        self.limiter: SlidingWindowCounterRateLimiter | WindowCounter = WindowCounter()
        if settings.redis_url:
            storage = storage_from_string(
                f"async+{settings.redis_url}", implementation="redispy", socket_timeout=0.5
            )
            self.limiter = SlidingWindowCounterRateLimiter(storage)

    async def admit(self, scope: Scope, send: Send) -> bool:
        """Count the request; False when it is past its limit, after answering it 429."""
        item, identity = self._bucket(scope)
        try:
            allowed = await self.limiter.hit(item, identity)
        except Exception:  # the shared store is down: serve rather than refuse everyone
            log.warning("rate limiter unavailable; request let through", exc_info=True)
            allowed = True
        if not allowed:
            reset_at, _ = await self.limiter.get_window_stats(item, identity)
            await _too_many(scope, send, max(1, math.ceil(reset_at - time.time())))
        return allowed

    def _bucket(self, scope: Scope) -> tuple[RateLimitItem, str]:
        # the last one, as a dict of the headers would keep
        key = next((v for k, v in reversed(scope["headers"]) if k == b"x-api-key"), None)
        if key and any(hmac.compare_digest(key, k) for k in self.keys):
            return self.per_key, "key:" + hashlib.sha256(key).hexdigest()[:16]
        client = scope.get("client")
        return self.per_client, f"client:{client[0] if client else 'unknown'}"


def exempt(path: str) -> bool:
    return path in _EXEMPT


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, *, limiter: Limiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or exempt(scope["path"]) or scope.get(COUNTED):
            await self.app(scope, receive, send)
            return
        if await self.limiter.admit(scope, send):
            await self.app(scope, receive, send)


async def _too_many(scope: Scope, send: Send, retry_after: int) -> None:
    body = json.dumps(
        {
            "type": "about:blank",
            "title": "Too many requests",
            "status": 429,
            "detail": f"rate limit reached; retry in {retry_after} s",
            "instance": scope["path"],
        }
    ).encode()
    headers = [
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode()),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})
