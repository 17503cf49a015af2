"""Waits on the database are bounded: a full pool is a 503 with Retry-After, /ready answers
within a second whatever the database does, /health never asks it."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from app.api.routes import health
from app.config import Settings
from app.main import create_app
from app.store.migrate import upgrade

pytestmark = pytest.mark.anyio


def client_for(app: object) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)  # type: ignore[arg-type]
    return httpx.AsyncClient(transport=transport, base_url="http://khabar.test")


async def test_a_full_pool_is_503_with_retry_after(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'khabar.db'}"
    upgrade(url)
    settings = Settings(database_url=url, db_pool_size=1, db_pool_timeout_seconds=0.2)
    app = create_app(settings)
    engine: Engine = app.state.engine
    held = [engine.connect(), engine.connect()]  # the pool's one, and its one overflow
    try:
        async with client_for(app) as client:
            started = time.monotonic()
            response = await client.get("/entities")
        assert time.monotonic() - started < 1.5
        assert response.status_code == 503
        assert response.headers["retry-after"].isdigit()
        assert response.headers["content-type"] == "application/problem+json"
    finally:
        for connection in held:
            connection.close()
        engine.dispose()


async def test_ready_answers_within_a_second_when_the_database_hangs(
    app: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(health, "ping", lambda engine: time.sleep(3) or "sqlite")
    async with client_for(app) as client:
        started = time.monotonic()
        response = await client.get("/ready")
        took = time.monotonic() - started
        assert response.status_code == 503
        assert response.headers["retry-after"].isdigit()
        assert took < 1.5
        # /health is answered on the event loop, without the database
        assert (await client.get("/health")).status_code == 200


async def test_ready_says_which_engine_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/ready")
    assert response.status_code == 200
    assert response.json()["database"] in {"sqlite", "postgresql"}
