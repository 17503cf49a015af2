"""Every error path answers with the same problem+json shape."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from app.config import Settings
from app.main import create_app
from app.store.db import make_engine

pytestmark = pytest.mark.anyio
SHAPE = {"type", "title", "status", "detail", "instance"}


async def test_unknown_route_is_a_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/nowhere")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert set(response.json()) >= SHAPE


async def test_wrong_method_is_a_405_problem(client: httpx.AsyncClient) -> None:
    response = await client.put("/articles")
    assert response.status_code == 405
    assert set(response.json()) >= SHAPE


@pytest.mark.parametrize("path", ["/articles", "/ready", "/entities"])
async def test_a_database_that_is_down_is_503(path: str) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=1"
    app = create_app(Settings(database_url=url), make_engine(url))
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://khabar.test") as client:
        response = await client.get(path)
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert "psycopg" not in response.text and "Traceback" not in response.text


async def test_a_500_asks_to_close_the_connection(app: FastAPI) -> None:
    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://khabar.test") as client:
        response = await client.get("/boom")
    assert response.status_code == 500
    assert response.headers["connection"] == "close"
    assert response.headers["content-type"] == "application/problem+json"
    assert "a bug" not in response.text
