"""Reads carry an ETag and a shared max-age; a matching If-None-Match gets 304."""

from __future__ import annotations

import time

import httpx
import pytest
from factories import article, extraction_naming, syria
from fastapi import FastAPI
from sqlalchemy.orm import Session

from app.api.response_cache import ResponseCache
from app.config import Settings
from app.main import create_app
from app.store.writes import save_article

pytestmark = pytest.mark.anyio


async def test_a_read_has_an_etag_and_revalidates_to_304(client: httpx.AsyncClient) -> None:
    first = await client.get("/articles")
    assert first.status_code == 200
    tag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, max-age=60"
    again = await client.get("/articles", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""


async def test_a_different_answer_has_a_different_etag(
    client: httpx.AsyncClient, session: Session
) -> None:
    for n in range(2):
        save_article(session=session, parsed=article(n), extraction=extraction_naming(syria()))
    session.flush()
    everything = await client.get("/articles")
    one = await client.get("/articles", params={"limit": 1})
    assert everything.headers["etag"] != one.headers["etag"]
    stale = await client.get("/articles", headers={"If-None-Match": '"not-the-tag"'})
    assert stale.status_code == 200


async def test_errors_and_health_are_not_cached(client: httpx.AsyncClient) -> None:
    assert "etag" not in (await client.get("/articles/999999")).headers
    assert "etag" not in (await client.get("/health")).headers


async def test_a_tagged_body_is_whole_and_its_length_is_right(client: httpx.AsyncClient) -> None:
    response = await client.get("/entities")
    assert response.headers["content-length"] == str(len(response.content))
    assert response.json()["items"] == []


async def test_writes_are_not_tagged(client: httpx.AsyncClient) -> None:
    response = await client.delete("/articles/1")
    assert "etag" not in response.headers


async def test_a_kept_answer_is_served_again_until_a_write_clears_it(
    settings: Settings, app: FastAPI, session: Session
) -> None:
    kept = create_app(settings.model_copy(update={"response_cache_seconds": 30}), app.state.engine)
    kept.dependency_overrides = app.dependency_overrides
    transport = httpx.ASGITransport(app=kept)
    async with httpx.AsyncClient(transport=transport, base_url="http://khabar.test") as client:
        before = await client.get("/articles")
        save_article(session=session, parsed=article(1), extraction=extraction_naming(syria()))
        session.flush()
        assert (await client.get("/articles")).content == before.content  # kept
        revalidated = await client.get(
            "/articles", headers={"If-None-Match": before.headers["etag"]}
        )
        assert revalidated.status_code == 304
        await client.delete("/articles/999999")  # any write through the process
        after = await client.get("/articles")
    assert after.json()["items"] and after.headers["etag"] != before.headers["etag"]


def test_the_cache_forgets_after_its_time_and_beyond_its_size() -> None:
    cache = ResponseCache(ttl=0.05, max_entries=2)
    for n in range(3):
        cache.put(("/a", str(n).encode(), b""), [], b"body", '"t"')
    assert cache.get(("/a", b"0", b"")) is None  # the oldest of three made way
    assert cache.get(("/a", b"2", b"")) is not None
    time.sleep(0.06)
    assert cache.get(("/a", b"2", b"")) is None
