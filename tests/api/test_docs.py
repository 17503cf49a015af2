"""The docs pages work offline: their assets are served by the app, no CDN is named."""

from __future__ import annotations

import re

import httpx
import pytest

pytestmark = pytest.mark.anyio


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
async def test_docs_pages_load_only_local_assets(client: httpx.AsyncClient, path: str) -> None:
    page = await client.get(path)
    assert page.status_code == 200
    urls = re.findall(r'(?:src|href)=["\']([^"\']+)', page.text)
    assert urls, "the page should reference its JS and CSS"
    assert all(u.startswith("/") for u in urls), urls
    assert "cdn" not in page.text.lower()
    for url in urls:
        assert (await client.get(url)).status_code == 200, url


async def test_openapi_declares_every_response_model(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            ok = next(iter(operation["responses"].values()))
            if method != "delete":
                assert "content" in ok, f"{method} {path} has no declared body"


async def test_health(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json()["status"] == "ok"
    assert (await client.get("/ready")).json()["status"] == "ready"
