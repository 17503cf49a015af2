"""The lean handler (app/api/lean.py) of the list routes, the histogram and one article
answers exactly as FastAPI's own handler of the same endpoint: the same status, body and
headers for pages, filters, buckets, an article with and without mentions and every kind of
bad request."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI, Request
from read_seed import seed_archive
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.api import lean as lean_module
from app.api.deps import get_session
from app.api.lean import LeanRoute, _plan
from app.api.routes import article_reads, entities, search
from app.store import models as m

pytestmark = pytest.mark.anyio

QUERIES = [
    "/articles",
    "/articles?entity={syria}&limit=2",
    "/articles?entity={syria}&limit=2&cursor={cursor}",
    "/articles?entity=Syria&entity=مجلس الأمن&entity_op=or&fields=title,lede",
    "/articles?resolution=2254&sort=oldest",
    "/articles?resolution=S/RES/2254 (2015)&facet=source,entity&facet_size=2",
    "/articles?from=2024-03-02&to=2024-05-01&kind=person",
    "/articles?q=جنيف&sort=relevance",
    "/search?q=المبعوث",
    "/entities/{syria}/articles?limit=1&source=وكالة ألف",
    "/articles?limit=0&facet=source",
    "/articles/{article}",
    "/articles/{article}?include=mentions",
    "/articles/{article}?include=mentions,&include= mentions",
    "/articles/histogram?interval=month&tz=Asia/Damascus",
    "/articles/histogram?entity={syria}&interval=day&from=2024-03-01&to=2024-03-31",
    # refused: unknown, repeated, out of range, malformed, a name several entities carry
    "/articles?nonsense=1",
    "/articles?limit=5&limit=6",
    "/articles?limit=-1",
    "/articles?limit=abc&facet_size=1000",
    "/articles?cursor=not-a-cursor",
    "/articles?sort=sideways",
    "/articles?kind=planet",
    "/articles?from=yesterday",
    "/articles?resolution=twenty",
    "/articles?sort=relevance",
    "/articles?fields=colour",
    "/articles?entity=عمان",
    "/search",
    "/entities/0/articles",
    "/entities/999999/articles",
    "/entities/abc/articles",
    "/entities/abc/articles?limit=0&sort=sideways",
    "/articles/{article}?include=colour",
    "/articles/{article}?fields=title",
    "/articles/{article}?include=mentions&include=mentions&include=x",
    "/articles/0?include=colour",
    "/articles/histogram?interval=fortnight",
    "/articles/histogram?tz=Mars/Olympus",
    "/articles/histogram?interval=day&from=1980-01-01&to=2024-12-31",  # 200: days with articles
    "/articles/999999",
]


async def answers(client: httpx.AsyncClient, urls: list[str]) -> list[tuple[int, bytes, str]]:
    out = []
    for url in urls:
        response = await client.get(url)
        out.append((response.status_code, response.content, response.headers.get("link", "")))
    return out


async def test_the_lean_handler_answers_as_fastapi_does(
    app: FastAPI, client: httpx.AsyncClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = seed_archive(session)[0]
    syria = session.scalar(select(m.Entity.id).where(m.Entity.key == "country:SY"))
    first = (await client.get(f"/articles?entity={syria}&limit=2")).json()
    urls = [u.format(syria=syria, cursor=first["next_cursor"], article=article) for u in QUERIES]
    calls: list[object] = []
    real_call = lean_module._call
    monkeypatch.setattr(lean_module, "_call", lambda *a: calls.append(a) or real_call(*a))
    lean = await answers(client, urls)
    assert len(calls) >= 16  # the lean handler ran the endpoint (FastAPI's did not)
    calls.clear()

    def with_request(request: Request) -> Iterator[Session]:
        # an override that takes a parameter is left to FastAPI's own handler
        yield session
        session.commit()

    app.dependency_overrides[get_session] = with_request
    standard = await answers(client, urls)
    assert calls == []
    assert [status for status, _, _ in lean].count(200) == 17
    for url, mine, theirs in zip(urls, lean, standard, strict=True):
        assert mine == theirs, url


def test_only_the_list_routes_the_histogram_and_one_article_are_lean() -> None:
    lean = {
        route.path
        for module in (article_reads, entities, search)
        for route in module.router.routes
        if isinstance(route, LeanRoute) and _plan(route.dependant) is not None
    }
    expected = {
        "/articles",
        "/articles/histogram",
        "/articles/{article_id:int}",
        "/entities/{entity_id}/articles",
    }
    assert lean == {*expected, "/search"}
