"""Liveness and readiness."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from fastapi import APIRouter, Request, Response

from app import __version__
from app.api.schemas import Health, Problem, Ready
from app.errors import DatabaseUnavailable
from app.store.health import ping

router = APIRouter(tags=["health"])
READY_WITHIN_SECONDS = 1.0
# Pings run on threads of their own: a frozen database holds at most these two, never the
# pool the routes share, and a probe is answered within READY_WITHIN_SECONDS regardless.
_PROBES = ThreadPoolExecutor(max_workers=2, thread_name_prefix="khabar-ready")


# Serialized once: load balancers call this many times a second.
HEALTH_BODY = Health(status="ok", version=__version__).model_dump_json().encode()


@router.get("/health", response_model=Health, operation_id="getHealth", summary="The process is up")
async def health() -> Response:
    # async: answered on the event loop, never queued behind routes waiting on the database
    return Response(HEALTH_BODY, media_type="application/json")


@router.get(
    "/ready",
    response_model=Ready,
    operation_id="getReady",
    summary="The database answers (within a second)",
    responses={503: {"model": Problem, "description": "Database unavailable"}},
)
async def ready(request: Request) -> Ready:
    probe = asyncio.get_running_loop().run_in_executor(_PROBES, ping, request.app.state.engine)
    try:
        database = await asyncio.wait_for(probe, READY_WITHIN_SECONDS)
    except TimeoutError:
        raise DatabaseUnavailable(
            f"the database did not answer within {READY_WITHIN_SECONDS:g} s"
        ) from None
    return Ready(status="ready", database=database)
