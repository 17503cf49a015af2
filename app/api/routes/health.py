"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app import __version__
from app.api.schemas import Health, Problem, Ready
from app.store.health import ping

router = APIRouter(tags=["health"])


# Serialized once: load balancers call this many times a second.
_HEALTH = Health(status="ok", version=__version__).model_dump_json().encode()


@router.get("/health", response_model=Health, operation_id="getHealth", summary="The process is up")
async def health() -> Response:
    return Response(_HEALTH, media_type="application/json")


@router.get(
    "/ready",
    response_model=Ready,
    operation_id="getReady",
    summary="The database answers",
    responses={503: {"model": Problem, "description": "Database unavailable"}},
)
def ready(request: Request) -> Ready:
    return Ready(status="ready", database=ping(request.app.state.engine))
