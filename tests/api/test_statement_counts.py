"""Every read endpoint sends the same number of SQL statements whatever the page size:
no query per row hides behind a list."""

from __future__ import annotations

import httpx
import pytest
from factories import article, extraction_naming, person
from read_seed import COUNCIL, SYRIA, seed_archive
from sql_counter import counting
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from app.store.writes import save_article

pytestmark = pytest.mark.anyio

ENDPOINTS = [
    "/articles?limit={n}",
    "/articles?limit={n}&q=جنيف&facet=entity,kind,resolution,source,speaker&sort=relevance",
    "/articles?limit={n}&entity=Syria&entity=مجلس الأمن&entity_op=or&not_entity=Q842",
    "/search?q=المبعوث&limit={n}",
    "/entities?limit={n}",
    "/entities/suggest?prefix=ش&limit={n}",
    "/entities/{syria}/related?limit={n}",
    "/entities/{syria}/articles?limit={n}&facet=source",
    "/resolutions?limit={n}",
    "/statements?limit={n}&speaker=Syria",
    "/statements?limit={n}",
]
SINGLE = [
    "/articles/{first}?include=mentions",
    "/entities/{syria}",
    "/resolutions/UNSC/2254",
    "/articles/histogram?interval=week&tz=Asia/Damascus",
    "/sources",
]


def seed_many(session: Session) -> dict[str, int]:
    ids = seed_archive(session)
    for i in range(30):
        extraction = extraction_naming(
            SYRIA, COUNCIL, person(f"شخص {i}"), resolution=2254 if i % 2 else 2118
        )
        save_article(session=session, parsed=article(100 + i), extraction=extraction)
    session.flush()
    syria = session.execute(text("SELECT id FROM entities WHERE key = 'country:SY'")).scalar_one()
    return {"syria": syria, "first": ids[0]}


async def statements_for(
    client: httpx.AsyncClient, session: Session, engine: Engine, url: str
) -> int:
    # The process remembers the entity ids it has seen exist (app.state.known_entities):
    # warm it first, so every page size is counted alike. The test shares one session across
    # requests; in service each request has its own, so its per-session memo (the search
    # terms' spellings) starts empty every time.
    await client.get(url)
    session.info.clear()
    with counting(engine) as seen:
        response = await client.get(url)
    assert response.status_code == 200, (url, response.text)
    return len(seen)


@pytest.mark.parametrize("template", ENDPOINTS)
async def test_statements_do_not_grow_with_the_page(
    client: httpx.AsyncClient, session: Session, engine: Engine, template: str
) -> None:
    known = seed_many(session)
    counts = {
        n: await statements_for(client, session, engine, template.format(n=n, **known))
        for n in (1, 5, 20)
    }
    assert len(set(counts.values())) == 1, counts


@pytest.mark.parametrize("template", SINGLE)
async def test_single_resources_take_a_few_statements(
    client: httpx.AsyncClient, session: Session, engine: Engine, template: str
) -> None:
    known = seed_many(session)
    assert await statements_for(client, session, engine, template.format(**known)) <= 12
