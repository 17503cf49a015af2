"""The explorer page at / and its assets: served by the app, light, and self-contained."""

from __future__ import annotations

import re

import httpx
import pytest

from app.api.routes.explorer import EXPLORER_DIR

pytestmark = pytest.mark.anyio
IMPORT = re.compile(r"""(?:import|from)\s+["'](\.{1,2}/[^"']+)["']""")


async def test_the_page_is_served_at_the_root_in_arabic_right_to_left(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in page.text
    assert 'href="/docs"' in page.text


async def test_every_asset_and_module_the_page_loads_is_served(client: httpx.AsyncClient) -> None:
    page = (await client.get("/")).text
    pending = re.findall(r'(?:src|href)="(/static/explorer/[^"]+)"', page)
    assert "/static/explorer/js/main.js" in pending
    seen: set[str] = set()
    while pending:
        url = pending.pop()
        if url in seen:
            continue
        seen.add(url)
        response = await client.get(url)
        assert response.status_code == 200, url
        if url.endswith(".js"):
            assert "javascript" in response.headers["content-type"], url
            base = url.rsplit("/", 1)[0]
            pending += [_join(base, target) for target in IMPORT.findall(response.text)]
    assert len(seen) > 10  # the modules were followed, not just the entry point


def _join(base: str, relative: str) -> str:
    parts = base.split("/")
    for piece in relative.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


def test_the_page_weighs_under_200_kb_before_data() -> None:
    total = sum(f.stat().st_size for f in EXPLORER_DIR.rglob("*") if f.is_file())
    assert total < 200_000, f"{total} bytes"


def test_nothing_is_fetched_from_the_internet() -> None:
    """The only absolute addresses in the page's code are the Wikidata link an entity shows
    and the SVG namespace, which names and fetches nothing."""
    allowed = ("https://www.wikidata.org/wiki/", "http://www.w3.org/2000/svg")
    for path in EXPLORER_DIR.rglob("*"):
        if path.is_file():
            addresses = re.findall(r"https?://[^\s\"'`]+", path.read_text(encoding="utf-8"))
            assert all(a.startswith(allowed) for a in addresses), (path.name, addresses)


async def test_the_api_docs_stay_where_they_were_and_the_page_is_not_in_them(
    client: httpx.AsyncClient,
) -> None:
    assert (await client.get("/docs")).status_code == 200
    assert (await client.get("/redoc")).status_code == 200
    spec = (await client.get("/openapi.json")).json()
    assert "/" not in spec["paths"]
