"""create_app(): the FastAPI application factory."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline
from sqlalchemy import Engine

from app import __version__
from app.api.caching import ETagMiddleware
from app.api.errors import install_error_handlers
from app.api.front import Front
from app.api.guards import GuardMiddleware
from app.api.http import EXPOSED_HEADERS, install_http
from app.api.observe import ObserveMiddleware, Recorder
from app.api.openapi import install_openapi
from app.api.queue import handle as queue_handle
from app.api.ratelimit import Limiter, RateLimitMiddleware
from app.api.response_cache import KeptAnswers, ResponseCache
from app.api.routes import (
    article_reads,
    articles,
    entities,
    health,
    jobs,
    resolutions,
    search,
    sources,
    statements,
)
from app.api.routes.explorer import install_explorer
from app.api.warmup import warm_up
from app.config import Settings, get_settings
from app.jobs.queue import shared_queue
from app.memory import bound_malloc_arenas
from app.metrics import HttpMetrics
from app.store.changes import Changes
from app.store.db import make_engine, make_session_factory
from app.store.lookup import KnownEntities
from app.store.timeouts import DbTimeouts

NO_TELEMETRY = {"tracing": False, "metrics": False, "logs": False}
DESCRIPTION = """
Structured data about Arabic political news: articles with their summary points and
sections, the actors they name (persons, organizations, places, each one entity whatever
the spelling or clitic), the UN resolutions they cite, and who said what.

Lists share one envelope (`items`, `next_cursor`, `total`) and page by cursor.
Errors are RFC 9457 `application/problem+json`. Writes need an `X-API-Key` header.
"""


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    settings = settings or get_settings()
    bound_malloc_arenas(settings.malloc_arenas)  # before the thread pool starts
    logging.basicConfig(level=settings.log_level)
    app = FastAPIOffline(
        lifespan=_lifespan,
        title="Khabar",
        version=__version__,
        description=DESCRIPTION,
        static_url="/static/docs",
        # Metrics are Prometheus' (app/api/observe.py). FastAPI's own OpenTelemetry, left
        # on, asks the tracer, meter and logger providers whether one is configured at every
        # request before the app sees it: ~45 µs, more than the rest of /health.
        telemetry=NO_TELEMETRY,
    )
    app.state.settings = settings
    app.state.engine = engine or make_engine(settings.database_url, timeouts=db_timeouts(settings))
    app.state.owns_engine = engine is None
    app.state.session_factory = make_session_factory(app.state.engine)
    # GETs read from the replica when one is named (KHABAR_READ_DATABASE_URL)
    replica = (
        make_engine(settings.read_database_url, timeouts=db_timeouts(settings))
        if settings.read_database_url
        else None
    )
    app.state.read_session_factory = make_session_factory(replica or app.state.engine)
    app.state.known_entities = KnownEntities()
    app.state.changes = _changes(app.state.engine, replica) if settings.change_notices else None
    app.state.kept_answers = KeptAnswers(settings.kept_answers_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD"],
            allow_headers=["*"],
            expose_headers=EXPOSED_HEADERS,
        )
    install_error_handlers(app)
    app.state.response_cache = ResponseCache(settings.response_cache_seconds)
    app.add_middleware(ETagMiddleware, cache=app.state.response_cache, kept=app.state.kept_answers)
    routers = (article_reads, articles, entities, resolutions, statements, sources, search)
    # Each request is matched against the included routers in turn: probes first, since
    # load balancers call them most, then the most read resources.
    for module in (health, *routers, jobs):
        app.include_router(module.router)
    install_explorer(app)
    install_http(app)
    install_openapi(app)
    app.add_middleware(GuardMiddleware, body_timeout=settings.body_timeout_seconds)
    app.state.limiter = Limiter(settings)
    app.add_middleware(RateLimitMiddleware, limiter=app.state.limiter)
    app.state.metrics = HttpMetrics(app.state.engine)
    app.state.recorder = Recorder(app.state.metrics)
    app.add_middleware(ObserveMiddleware, recorder=app.state.recorder)
    # The hottest GETs are answered in front of all of the above (app/api/front.py);
    # `app.state.hot = False` sends them through the stack too (the tests compare both).
    app.state.hot = True
    app.add_middleware(Front, owner=app)
    return app


def _changes(engine: Engine, replica: Engine | None) -> Changes | None:
    """PostgreSQL's change notices (app/store/changes.py), listened to from start-up. Not
    with a replica: notices come from the primary, ahead of what the replica has applied."""
    if engine.dialect.name != "postgresql" or replica is not None:
        return None
    return Changes(engine.url.render_as_string(hide_password=False))


def db_timeouts(settings: Settings) -> DbTimeouts:
    return DbTimeouts(
        connect=settings.db_connect_timeout_seconds,
        statement=settings.db_statement_timeout_seconds,
        pool=settings.db_pool_timeout_seconds,
        pool_size=settings.db_pool_size,
    )


def freeze_startup_objects() -> None:
    """What start-up made (modules, the gazetteer, SQLAlchemy's tables and statements) lives
    as long as the process: out of the collector's reach, a full collection stops walking
    it. Walking it took 50-60 ms out of a request every few dozen (bench/reads.py's p99).
    Once a process: later apps (tests make many) add little."""
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """On SQLite the queue, its worker and the scheduler of due feeds live in this process:
    start them now, so registered sources are polled. On PostgreSQL the API only queues
    jobs, and opens the queue at the first request that needs it."""
    if not shared_queue(app.state.settings):
        await queue_handle(app).open(app)
    # Before the server listens (uvicorn binds once start-up is over): no client pays for
    # a first request, and a probe sees the process only once it is warm.
    await warm_up(app, app.state.settings.warmup_seconds)
    freeze_startup_objects()
    changes: Changes | None = app.state.changes
    if changes is not None:
        await changes.start()
    yield
    if changes is not None:
        await changes.stop()
    await queue_handle(app).close()
    if app.state.owns_engine:  # uvicorn let in-flight requests finish first (SIGTERM)
        app.state.engine.dispose()
