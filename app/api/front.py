"""The outermost layer: the hottest GETs (app/api/hot.py) answered here, in one plain ASGI
call, before the middleware stack and Starlette's router; every other request passes on.

Over HTTP a page of articles cost ~560 µs of server CPU, about eight times the bare FastAPI
endpoint: the six middleware layers each wrapping `send`, the router's walk, FastAPI's
dependency solving, an ORM session and a thread-pool hop, around a query of ~60 µs. Here
each concern of those layers is one call of the function its own module keeps, in the same
order, so the answer is the one the stack gives, byte for byte: request id and metrics
(observe), the rate limit (ratelimit), ETag and 304 and the in-process cache (caching),
gzip (http), HEAD. The NUL guard and CORS have nothing to do for the requests taken here
(one with NUL or an Origin, when CORS is on, passes on).

The read runs on a DB-API connection of the read engine's pool. On SQLite it runs inline
on the event loop: an index range of at most 101 rows and its items is ~60-150 µs of CPU,
less than the thread-pool hop it would take, and SQLite's WAL readers do not wait on the
writer. On PostgreSQL, where a query waits on the network, it runs in the thread pool.
A read that raises, or has nothing to say (an empty page, an item not stored yet, an
unknown article), passes the request on to the routes, which answer it as always.

On PostgreSQL a read cost four or five round trips (the pool's ping, BEGIN, the query,
the ROLLBACK of the connection's return) and a thread-pool hop, each waking a backend on
the cores the server shares: ~1,100 req/s where SQLite gave ~1,800. There the answers are
kept by the database's generation (app/store/changes.py: it moves at every commit, as
PostgreSQL notifies them, and at every write through this process), so an answer asked
again while nothing was committed costs no round trip; the routes' answers to requests
recognized here (searches, on PostgreSQL) are kept the same way by the ETag layer.

A notice says which scopes its commit changed: an article's detail is kept until its
article changes, an entity's list until its links or any article's item do, the rest until
anything does. A kept answer a commit elsewhere changed is stale: for `kept_stale_seconds`
after its notice it is still given, while one read renews it behind the request that found
it (the routes' answers: that request reads it); later, requests wait for one read, as they
do for an answer never kept. A write through this process leaves no stale answer."""

from __future__ import annotations

import asyncio
import inspect
import logging
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI
from sqlalchemy import Dialect, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.caching import KEEP_AT, cache_key, parse_if_none_match, strong_tag, tagged
from app.api.deps import DATABASE_DOWN, get_session
from app.api.hot import JSON, Found, Hot, depends, match
from app.api.hot_pages import match_page
from app.api.hot_search import match_search
from app.api.http import accepts_gzip, compressed
from app.api.observe import IdSender, Recorder, make_request_id
from app.api.ratelimit import COUNTED, Limiter, exempt
from app.api.response_cache import Cached, Flights, KeptAnswer, KeptAnswers, Key, ResponseCache
from app.logs import REQUEST_ID
from app.store.changes import Changes, Depends
from app.store.reads.versions import Kept, VersionCache

log = logging.getLogger(__name__)
_UNMATCHED = "unmatched"  # what metrics name a request the router never saw
_LEADS = "khabar.leads"  # the (key, generation) whose read this request makes for all
_RENEWS = "khabar.renews"  # the key of a stale answer this request reads again


class Front:
    def __init__(self, app: ASGIApp, *, owner: FastAPI) -> None:
        self.app = app
        self.owner = owner
        state = owner.state
        self.recorder: Recorder = state.recorder
        self.limiter: Limiter = state.limiter
        self.cache: ResponseCache = state.response_cache
        self.cors = bool(state.settings.cors_origins)
        engine: Engine = state.read_session_factory.kw["bind"]
        self.engine = engine
        self.inline = engine.dialect.name == "sqlite"
        settings = state.settings
        self.kept = Kept(
            VersionCache(settings.kept_items_bytes), VersionCache(settings.kept_details_bytes)
        )
        self.changes: Changes | None = state.changes
        self.answers: KeptAnswers = state.kept_answers
        self.flights = Flights()
        self.stale_seconds: float = settings.kept_stale_seconds
        self.renewing: set[Key] = set()  # keys of stale answers being read again
        self._renewals: set[asyncio.Task[None]] = set()  # held, or the loop may drop them

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        hot = self._hot(scope) if scope["type"] == "http" else None
        if hot is None:
            if self.changes is not None and scope["type"] == "http":
                await _seen_writes(self.app, scope, receive, send, self.changes)
                return
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = make_request_id(scope)
        token = REQUEST_ID.set(request_id)
        try:
            try:
                answered = await self._answer(scope, IdSender(send, request_id), hot, started)
            finally:
                REQUEST_ID.reset(token)
            if not answered:
                await self.app(scope, receive, send)
        finally:
            leads = scope.pop(_LEADS, None)
            if leads is not None:
                self.flights.land(*leads)
            renews = scope.pop(_RENEWS, None)
            if renews is not None:
                self.renewing.discard(renews)

    def _hot(self, scope: Scope) -> Hot | None:
        if scope["method"] not in ("GET", "HEAD") or not getattr(self.owner.state, "hot", True):
            return None
        if b"%00" in scope["query_string"] or "\x00" in scope["path"]:
            return None  # the guard's 422
        if self.cors and any(k == b"origin" for k, _ in scope["headers"]):
            return None
        provider = self.owner.dependency_overrides.get(get_session)
        if provider is not None and inspect.signature(provider).parameters:
            return None
        # Searches are matched apart (hot_search.py): q takes percent-escapes, which
        # hot.py's plain forms never do; so are the entity and resolution pages (hot_pages.py).
        known = self.owner.state.known_entities
        return match(scope, known, self.kept) or match_search(scope) or match_page(scope)

    async def _answer(self, scope: Scope, sender: IdSender, hot: Hot, started: float) -> bool:
        """Send the answer and record it; False when the routes should answer instead."""
        template, passed_on = hot.template, False
        try:
            if not exempt(scope["path"]):
                scope[COUNTED] = True  # the stack's limiter counts it no more
                if not await self.limiter.admit(scope, sender):
                    template = _UNMATCHED
                    return True
            found = await self._body(scope, hot)
            if found is None:
                passed_on = True
                return False
            status, headers, body = found
            headers, body = compressed(headers, body, accepts_gzip(scope))
            start = {"type": "http.response.start", "status": status, "headers": headers}
            await sender(start)
            head = scope["method"] == "HEAD"
            await sender({"type": "http.response.body", "body": b"" if head else body})
            return True
        finally:
            if not passed_on:
                seconds = time.perf_counter() - started
                self.recorder.record(scope["method"], template, sender.status, seconds)

    async def _body(self, scope: Scope, hot: Hot) -> tuple[int, list[Any], bytes] | None:
        """(status, headers, body) as the ETag layer sends them, before gzip and HEAD."""
        if hot.read is None:
            length = (b"content-length", str(len(hot.body)).encode())
            return 200, [length, JSON], hot.body
        key = cache_key(scope)
        if_none_match = parse_if_none_match(scope)
        listening = self._listening()
        generation = None if listening is None else listening[0]
        if listening is None:
            cached: KeptAnswer | Cached | None = self.cache.get(key)
        else:
            cached = await self._kept(scope, hot, *listening)
        if cached is not None:
            return tagged(cached.headers, cached.body, cached.tag, if_none_match)
        found = await self._read(scope, hot.read)
        if found is None:
            if generation is not None:
                scope[KEEP_AT] = generation  # the routes' answer is kept, as the ETag layer tags it
            return None
        headers = _headers(found)
        tag = strong_tag(found.body)
        self.cache.put(key, headers, found.body, tag)
        if generation is not None:
            self.answers.put(key, generation, headers, found.body, tag, depends=depends(hot, found))
        return tagged(headers, found.body, tag, if_none_match)

    async def _kept(
        self, scope: Scope, hot: Hot, generation: int, unread_since: float | None
    ) -> KeptAnswer | None:
        """The answer kept, when no commit notified since it was read concerns it, or one
        did less than `stale_seconds` ago (then it is read again once, meanwhile); or, when
        another request is reading it, that request's answer once it is kept; else None,
        and this request reads it. A notice not read yet may concern any answer: until
        it is read (the loop's next turn), what is kept counts as stale since it came."""
        key = cache_key(scope)
        found = self.answers.get(key, generation, self._touched)
        if found is not None:
            since = found.stale_since
            if since is None and unread_since is None:
                return found
            if time.monotonic() - min(since or math.inf, unread_since or math.inf) <= (
                self.stale_seconds
            ):
                if since is None or key in self.renewing:
                    return found
                self.renewing.add(key)
                if not found.routed:
                    self._renew(key, hot, generation)
                    return found
                scope[_RENEWS] = key  # the routes answer it: this request reads it
        flight = self.flights.join(key, generation)
        if flight is None:
            scope[_LEADS] = (key, generation)
            return None
        await flight.wait()
        return self.answers.get(key, generation, self._touched)  # None: not kept; read it too

    def _touched(self, after: int, depends: Depends) -> float | None:
        assert self.changes is not None
        return self.changes.touched(after, depends)

    def _renew(self, key: Key, hot: Hot, generation: int) -> None:
        """Read a stale answer again behind the request that found it, which (like every
        other until this read is kept) is given the stale one at once."""
        read = hot.read
        assert read is not None

        async def renew() -> None:
            try:
                found = await self._read({"path": key[0]}, read)
                if found is None:  # the routes answer it now (a 404, an empty page)
                    self.answers.forget(key, generation)
                    return
                tag = strong_tag(found.body)
                headers = _headers(found)
                shows = depends(hot, found)
                self.answers.put(key, generation, headers, found.body, tag, depends=shows)
            finally:
                self.renewing.discard(key)

        task = asyncio.create_task(renew(), name="khabar renew")
        self._renewals.add(task)
        task.add_done_callback(self._renewals.discard)

    def _listening(self) -> tuple[int, float | None] | None:
        """The database's generation when answers may be kept by it (PostgreSQL, listening),
        and since when a notice waits unread; not when a test's session stands in for the
        pool's (its writes are never committed, so never notified)."""
        if self.changes is None or get_session in self.owner.dependency_overrides:
            return None
        return self.changes.listening()

    async def _read(
        self, scope: Scope, read: Callable[[Any, Dialect], Found | None]
    ) -> Found | None:
        def run() -> Found | None:
            with self._connection() as (dbapi, dialect):
                return read(dbapi, dialect)

        try:
            return run() if self.inline else await run_in_threadpool(run)
        except Exception as exc:  # the routes answer it, as a problem if it is one
            log.debug("hot read passed on to the routes", exc_info=True)
            down = None if self.inline else self._unavailable(exc)
            if down is not None:
                scope[DATABASE_DOWN] = down
            return None

    def _unavailable(self, exc: Exception) -> Exception | None:
        """The error the routes' 503 handler knows, when `exc` says the server database is
        down, frozen or busy (app/api/errors.py); None for any other error. Not on SQLite:
        there an OperationalError may be a query the route words otherwise (full text)."""
        if isinstance(exc, (OperationalError, PoolTimeout)):
            return exc
        dbapi_error = getattr(self.engine.dialect.dbapi, "OperationalError", None)
        if dbapi_error is not None and isinstance(exc, dbapi_error):
            return OperationalError(None, None, exc)
        return None

    @contextmanager
    def _connection(self) -> Iterator[tuple[Any, Dialect]]:
        """A DB-API connection of the read engine's pool; or, when a test overrides the
        read session, that session's, so the answer sees what the test wrote."""
        provider = self.owner.dependency_overrides.get(get_session)
        if provider is not None:
            with contextmanager(provider)() as session:
                connection = session.connection()
                yield connection.connection.dbapi_connection, connection.dialect
            return
        pooled = self.engine.raw_connection()
        try:
            yield pooled.dbapi_connection, self.engine.dialect
        finally:
            pooled.close()


def _headers(found: Found) -> list[Any]:
    return [JSON] if found.link is None else [JSON, (b"link", found.link)]


async def _seen_writes(
    app: ASGIApp, scope: Scope, receive: Receive, send: Send, changes: Changes
) -> None:
    """A request the front passes on. A write (any method but GET and HEAD) moves the
    generation when it starts, when its answer starts (after its commit: the session
    dependencies commit before the answer) and when it ends, however it ends: the next
    request reads what it wrote, whether or not its notification has arrived."""
    if scope["method"] in ("GET", "HEAD"):
        await app(scope, receive, send)
        return

    async def sending(message: Any) -> None:
        if message["type"] == "http.response.start":
            changes.wrote()
        await send(message)

    changes.wrote()
    try:
        await app(scope, receive, sending)
    finally:
        changes.wrote()
