"""Request ids in responses and logs, Prometheus metrics by route template, JSON logs."""

from __future__ import annotations

import json
import logging

import httpx
import pytest

from app.logs import REQUEST_ID, JsonFormatter

pytestmark = pytest.mark.anyio


async def test_a_request_id_is_made_or_kept(client: httpx.AsyncClient) -> None:
    made = (await client.get("/health")).headers["x-request-id"]
    assert made != (await client.get("/health")).headers["x-request-id"]
    kept = await client.get("/health", headers={"X-Request-ID": "edge-42.a"})
    assert kept.headers["x-request-id"] == "edge-42.a"
    odd = await client.get("/health", headers={"X-Request-ID": "x" * 500})
    assert odd.headers["x-request-id"] != "x" * 500


async def test_metrics_count_requests_by_route_template(client: httpx.AsyncClient) -> None:
    await client.get("/entities/999999")
    await client.get("/entities/999998")
    await client.get("/no/such/page")
    response = await client.get("/metrics")
    assert response.status_code == 200
    text = response.text
    assert (
        'khabar_http_requests_total{method="GET",route="/entities/{entity_id}",status="404"} 2.0'
        in text
    )
    assert 'route="unmatched"' in text
    assert "khabar_http_request_duration_seconds_bucket" in text
    assert 'khabar_db_pool_connections{state="checked_out"}' in text


async def test_ingest_outcomes_are_counted(client: httpx.AsyncClient) -> None:
    from conftest import API_KEY

    story = "قال وزير الخارجية إن الحل السياسي في سوريا يمر عبر تطبيق القرار 2254 كاملا. " * 3
    document = json.dumps({"title": "خبر عن سوريا للعد", "body": story})
    headers = {"X-API-Key": API_KEY, "Content-Type": "application/json"}
    before = (await client.get("/metrics")).text
    await client.post("/articles", content=document, headers=headers)
    await client.post("/articles", content=b"{", headers=headers)
    after = (await client.get("/metrics")).text
    for outcome in ("ingested", "failed"):
        assert count(after, outcome) == count(before, outcome) + 1


def count(text: str, outcome: str) -> float:
    prefix = f'khabar_ingest_articles_total{{outcome="{outcome}"}} '
    line = next((line for line in text.splitlines() if line.startswith(prefix)), prefix + "0")
    return float(line.removeprefix(prefix))


def test_log_lines_are_json_with_the_request_id() -> None:
    token = REQUEST_ID.set("abc123")
    try:
        record = logging.LogRecord(
            "khabar", logging.INFO, __file__, 1, "hello %s", ("سوريا",), None
        )
        line = json.loads(JsonFormatter().format(record))
    finally:
        REQUEST_ID.reset(token)
    assert line["message"] == "hello سوريا"
    assert line["request_id"] == "abc123"
    assert line["level"] == "INFO"
