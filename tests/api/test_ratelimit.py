"""Rate limits: per client address, per API key when a valid one is sent; 429 problem+json
with Retry-After; probes exempt; shared through Redis when KHABAR_REDIS_URL is set."""

from __future__ import annotations

import os
import socket
import uuid

import httpx
import pytest
from conftest import API_KEY
from sqlalchemy import Engine

from app.config import Settings
from app.main import create_app

pytestmark = pytest.mark.anyio
REDIS_URL = os.environ.get("KHABAR_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def client_for(settings: Settings, engine: Engine, address: str = "10.0.0.1") -> httpx.AsyncClient:
    app = create_app(settings, engine)
    transport = httpx.ASGITransport(app=app, client=(address, 1234))
    return httpx.AsyncClient(transport=transport, base_url="http://khabar.test")


async def test_a_client_past_its_limit_gets_429_with_retry_after(
    settings: Settings, engine: Engine
) -> None:
    limited = settings.model_copy(update={"rate_limit_per_client": "3/minute"})
    async with client_for(limited, engine) as client:
        statuses = [(await client.get("/entities")).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        response = await client.get("/entities")
        assert response.headers["content-type"] == "application/problem+json"
        assert 1 <= int(response.headers["retry-after"]) <= 60
        assert response.json()["status"] == 429
        assert (await client.get("/health")).status_code == 200  # probes are never limited


async def test_clients_are_counted_apart(settings: Settings, engine: Engine) -> None:
    limited = settings.model_copy(update={"rate_limit_per_client": "1/minute"})
    app = create_app(limited, engine)
    for address in ("10.0.0.1", "10.0.0.2"):
        transport = httpx.ASGITransport(app=app, client=(address, 1))
        async with httpx.AsyncClient(transport=transport, base_url="http://k.test") as client:
            assert (await client.get("/entities")).status_code == 200


async def test_a_valid_key_has_its_own_larger_bucket(settings: Settings, engine: Engine) -> None:
    limited = settings.model_copy(
        update={"rate_limit_per_client": "1/minute", "rate_limit_per_key": "5/minute"}
    )
    async with client_for(limited, engine) as client:
        keyed = {"X-API-Key": API_KEY}
        assert [(await client.get("/entities", headers=keyed)).status_code for _ in range(3)] == [
            200
        ] * 3
        forged = {"X-API-Key": "not-a-key-0123456789abc"}
        assert (await client.get("/entities", headers=forged)).status_code == 200
        assert (await client.get("/entities", headers=forged)).status_code == 429


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_reachable(), reason="no Redis at 127.0.0.1:6379")
async def test_limits_are_shared_through_redis(settings: Settings, engine: Engine) -> None:
    limited = settings.model_copy(
        update={"rate_limit_per_client": "2/minute", "redis_url": REDIS_URL}
    )
    address = f"10.9.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}"  # a fresh bucket
    # two app instances (two replicas) share one count
    async with client_for(limited, engine, address) as first:
        assert (await first.get("/entities")).status_code == 200
    async with client_for(limited, engine, address) as second:
        assert (await second.get("/entities")).status_code == 200
        assert (await second.get("/entities")).status_code == 429


async def test_an_unreachable_redis_lets_requests_through(
    settings: Settings, engine: Engine
) -> None:
    broken = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    async with client_for(broken, engine) as client:
        assert (await client.get("/entities")).status_code == 200
