"""Reads carry an ETag and a shared max-age; a matching If-None-Match gets 304."""

from __future__ import annotations

import httpx
import pytest
from factories import article, extraction_naming, syria
from sqlalchemy.orm import Session

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
