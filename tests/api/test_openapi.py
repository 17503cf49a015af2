"""The OpenAPI document a client generator reads, and the HTTP every GET gets."""

from __future__ import annotations

import importlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from read_seed import seed_archive
from sqlalchemy.orm import Session

from app.config import Settings
from app.main import create_app

pytestmark = pytest.mark.anyio
ENUMS = {"EntityKind", "ResolutionBody", "Part", "Interval", "Sort", "EntityOp", "Format"}


async def spec_of(client: httpx.AsyncClient) -> dict[str, Any]:
    return dict((await client.get("/openapi.json")).json())


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(p, m, op) for p, methods in spec["paths"].items() for m, op in methods.items()]


async def test_operation_ids_are_explicit_camel_case_and_unique(
    client: httpx.AsyncClient,
) -> None:
    ids = [op["operationId"] for _, _, op in operations(await spec_of(client))]
    assert all(re.fullmatch(r"[a-z]+(?:[A-Z][a-z]+)*", i) for i in ids), ids
    assert len(ids) == len(set(ids))
    assert {"listArticles", "getEntity", "suggestEntities", "exportArticles"} <= set(ids)


async def test_enums_are_components_referenced_not_repeated(client: httpx.AsyncClient) -> None:
    spec = await spec_of(client)
    assert set(spec["components"]["schemas"]) >= ENUMS
    inline = [
        (path, p["name"])
        for path, _, op in operations(spec)
        for p in op.get("parameters", [])
        if "enum" in json.dumps(p["schema"])
    ]
    assert inline == []


async def test_errors_are_problem_json_and_writes_need_the_key(client: httpx.AsyncClient) -> None:
    spec = await spec_of(client)
    assert spec["components"]["securitySchemes"]["ApiKey"]["in"] == "header"
    for path, method, op in operations(spec):
        for status, response in op["responses"].items():
            if status[0] in "45":
                assert list(response["content"]) == ["application/problem+json"], (path, status)
        if method in ("post", "delete"):
            assert op["security"] == [{"ApiKey": []}], path
    ingest = spec["paths"]["/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain", "text/html"} <= set(ingest)


async def test_every_get_answers_head_without_a_body(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    spec = await spec_of(client)
    for path, method, _ in operations(spec):
        if method != "get" or "{" in path:
            continue
        query = "?q=جنيف" if path == "/search" else "?prefix=س" if path.endswith("suggest") else ""
        got = await client.get(path + query)
        head = await client.head(path + query)
        assert head.status_code == got.status_code, path
        assert head.content == b""
        assert head.headers.get("etag") == got.headers.get("etag")


async def test_large_responses_are_gzipped(client: httpx.AsyncClient, session: Session) -> None:
    seed_archive(session)
    response = await client.get("/articles", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["items"]


async def test_cors_exposes_etag_and_link(settings: Settings, engine: Any) -> None:
    app = create_app(settings.model_copy(update={"cors_origins": ["https://x.example"]}), engine)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        response = await client.get("/health", headers={"Origin": "https://x.example"})
    exposed = {
        h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")
    }
    assert exposed >= {"etag", "link"}


async def test_a_generated_client_imports_and_names_its_functions(
    client: httpx.AsyncClient, tmp_path: Path
) -> None:
    tool = shutil.which("openapi-python-client") or str(
        Path(sys.executable).with_name("openapi-python-client")
    )
    if not Path(tool).exists():
        pytest.skip("openapi-python-client is not installed (pip install -e '.[dev]')")
    spec_file = tmp_path / "openapi.json"
    spec_file.write_text(json.dumps(await spec_of(client)))
    subprocess.run(
        [tool, "generate", "--path", str(spec_file), "--output-path", str(tmp_path / "gen")],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(tmp_path / "gen"))
    try:
        articles = importlib.import_module("khabar_client.api.articles")
        names = {m.name for m in Path(articles.__path__[0]).glob("*.py")}
        assert {"list_articles.py", "get_article.py", "export_articles.py"} <= names
        listing = importlib.import_module("khabar_client.api.articles.list_articles")
        assert callable(listing.sync) and callable(listing.asyncio)
    finally:
        sys.path.remove(str(tmp_path / "gen"))
