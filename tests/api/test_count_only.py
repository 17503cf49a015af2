"""`limit=0` on the article lists: the total and the facets a filter sidebar shows, with no
article and no next page."""

from __future__ import annotations

import httpx
import pytest
from read_seed import seed_archive
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m

pytestmark = pytest.mark.anyio

FACETS = "entity,kind,resolution,source,speaker"


@pytest.mark.parametrize(
    "url",
    [
        "/articles?facet={facets}",
        "/articles?resolution=2254&facet={facets}",
        "/articles?q=جنيف&sort=relevance&facet={facets}",
        "/entities/{syria}/articles?facet={facets}",
    ],
)
async def test_limit_zero_counts_and_facets_without_a_row(
    client: httpx.AsyncClient, session: Session, url: str
) -> None:
    seed_archive(session)
    syria = session.scalar(select(m.Entity.id).where(m.Entity.key == "country:SY"))
    url = url.format(facets=FACETS, syria=syria)
    full = (await client.get(url, params={"limit": 100})).json()
    response = await client.get(url, params={"limit": 0})
    assert response.status_code == 200 and "link" not in response.headers
    empty = response.json()
    assert full["items"] and empty["items"] == []
    assert empty["total"] == full["total"] == len(full["items"])
    assert empty["facets"] == full["facets"]
    assert empty.get("next_cursor") is None


async def test_a_negative_limit_is_still_a_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/articles", params={"limit": -1})
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
