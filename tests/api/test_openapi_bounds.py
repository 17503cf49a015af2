"""The schema declares the bounds: problem+json errors with Retry-After, the ingest body, and
the formats of cursors, numbers and strings."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.anyio


@pytest.fixture
async def schema(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for path in schema["paths"].values() for op in path.values()]


async def test_every_error_is_documented_as_problem_json(schema: dict[str, Any]) -> None:
    for operation in operations(schema):
        for status in ("422", "429", "503"):
            assert status in operation["responses"], operation["summary"]
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                assert list(response["content"]) == ["application/problem+json"]


async def test_the_ingest_body_is_described(schema: dict[str, Any]) -> None:
    body = schema["paths"]["/articles"]["post"]["requestBody"]
    assert {"text/plain", "text/html", "application/json"} <= set(body["content"])


async def test_cursors_and_strings_declare_their_format(schema: dict[str, Any]) -> None:
    params = {p["name"]: p for p in schema["paths"]["/articles"]["get"]["parameters"]}
    cursor = params["cursor"]["schema"]["anyOf"][0]
    assert cursor["pattern"].startswith("^")
    entity = params["entity"]["schema"]["items"]
    assert entity["pattern"] == "^[^\\u0000]*$"
    moment = params["from"]["schema"]["anyOf"][0]["anyOf"]
    assert [option["format"] for option in moment] == ["date", "date-time"]
    article_id = schema["paths"]["/articles/{article_id}"]["get"]["parameters"][0]["schema"]
    assert article_id["maximum"] == 2**31 - 1
