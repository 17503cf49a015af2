"""Jobs over HTTP: a feed of teasers answers 202 and its pages are fetched by jobs of
their own, each visible at GET /jobs/{id} until it succeeds or fails with its error;
POST/PATCH /sources register outlets and GET /sources/{id} shows their state."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from conftest import API_KEY
from sqlalchemy import Engine
from support import CLI, committed, serve

from app.config import Settings
from app.jobs.queue import drain, shared_queue, worker_options
from app.jobs.runtime import Runtime
from app.main import create_app

pytestmark = pytest.mark.anyio
RSS = "application/rss+xml"
KEY = {"X-API-Key": API_KEY}


@pytest.fixture
def live_settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        api_keys=[API_KEY],
        fetch_allowed_hosts=["127.0.0.1"],
        fetch_timeout_seconds=1.0,
        host_delay_seconds=0,
    )


@pytest.fixture
def site() -> Iterator[str]:
    with serve() as base:
        yield base


@pytest.fixture
async def live(live_settings: Settings, engine: Engine) -> AsyncIterator[httpx.AsyncClient]:
    """An app that commits for real, as jobs in other threads must see its writes."""
    with committed(engine):
        app = create_app(live_settings, engine)
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://khabar.test") as client,
        ):
            client.app = app  # type: ignore[attr-defined]
            yield client


async def finished(client: httpx.AsyncClient, settings: Settings, job_id: int) -> dict[str, Any]:
    """The job once it is over: on PostgreSQL a worker is run here; on SQLite the API's
    own worker runs it."""
    if shared_queue(settings):
        app = client.app  # type: ignore[attr-defined]
        queue = app.state.queue.queue
        runtime = Runtime.start(settings, engine=app.state.engine)
        await drain(queue, worker_options(settings, runtime, once=True))
    for _ in range(200):
        job: dict[str, Any] = (await client.get(f"/jobs/{job_id}")).json()
        if job["status"] in {"succeeded", "failed"}:
            return job
        await asyncio.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['status']}")


async def test_a_feed_of_teasers_is_accepted_and_its_pages_fetched_by_jobs(
    live: httpx.AsyncClient, live_settings: Settings, site: str
) -> None:
    feed = (CLI / "teasers.rss").read_bytes().replace(b"{base}", site.encode())
    response = await live.post("/articles", content=feed, headers={**KEY, "Content-Type": RSS})
    assert response.status_code == 202, response.text
    jobs = response.json()["jobs"]
    assert [j["url"] for j in jobs] == [f"{site}/news/story-1.html", f"{site}/news/story-2.html"]
    assert response.headers["location"] == jobs[0]["href"]
    for queued in jobs:
        job = await finished(live, live_settings, queued["id"])
        assert (job["status"], job["task"], job["error"]) == ("succeeded", "fetch_page", None)
        (article_id,) = job["article_ids"]
        article = (await live.get(f"/articles/{article_id}")).json()
        assert article["url"] == queued["url"]


async def test_a_job_that_cannot_succeed_ends_failed_with_its_error(
    live: httpx.AsyncClient, live_settings: Settings, site: str
) -> None:
    body = json.dumps({"url": f"{site}/teasers-one-gone.rss"}).encode()
    response = await live.post(
        "/articles", content=body, headers={**KEY, "Content-Type": "application/json"}
    )
    assert response.status_code == 202, response.text
    gone = next(j for j in response.json()["jobs"] if j["url"].endswith("/gone.html"))
    job = await finished(live, live_settings, gone["id"])
    assert job["status"] == "failed"
    assert job["attempts"] == 1  # a 404 is not worth trying again
    assert job["error"].endswith("/news/gone.html answered HTTP 404 Not Found")


async def test_an_unknown_job_is_404(live: httpx.AsyncClient) -> None:
    response = await live.get("/jobs/987654")
    assert response.status_code == 404


async def test_sources_are_registered_changed_and_shown(live: httpx.AsyncClient, site: str) -> None:
    body = {"name": "الضفة  الشرقية", "feeds": [f"{site}/teasers.rss"], "language": "ar"}
    assert (await live.post("/sources", json=body)).status_code == 401
    created = await live.post("/sources", json=body, headers=KEY)
    assert created.status_code == 201, created.text
    source = created.json()
    assert source["name"] == "الضفة الشرقية"
    assert [f["url"] for f in source["feeds"]] == [f"{site}/teasers.rss"]
    assert created.headers["location"] == f"/sources/{source['id']}"

    again = await live.post("/sources", json={"name": "الضفة الشرقيه"}, headers=KEY)
    assert again.json()["id"] == source["id"]  # one outlet, however it is spelled

    changed = await live.patch(
        f"/sources/{source['id']}", json={"active": False, "poll_seconds": 3600}, headers=KEY
    )
    assert changed.status_code == 200, changed.text
    shown = (await live.get(f"/sources/{source['id']}")).json()
    assert (shown["active"], shown["poll_seconds"], shown["article_count"]) == (False, 3600, 0)
    assert (await live.patch("/sources/999999", json={}, headers=KEY)).status_code == 404
    bad = await live.post("/sources", json={"name": "x", "feeds": ["ftp://x"]}, headers=KEY)
    assert bad.status_code == 422
    zone = await live.post("/sources", json={"name": "x", "timezone": "Mars/Olympus"}, headers=KEY)
    assert zone.status_code == 422 and "unknown time zone" in zone.text
