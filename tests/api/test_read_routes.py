"""The read API over hand-built data: envelopes, filters, cursors, 404s."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest
from factories import article, extraction_naming, person, syria
from sqlalchemy.orm import Session

from app.store.writes import save_article

pytestmark = pytest.mark.anyio


def seed(session: Session, n: int) -> list[int]:
    ids = []
    for i in range(n):
        extraction = extraction_naming(
            syria(), person(f"شخص {i}"), resolution=2254 if i % 2 else None
        )
        ids.append(
            save_article(session=session, parsed=article(i), extraction=extraction).article_id
        )
    session.flush()
    return ids


async def test_articles_list_in_one_envelope_newest_first(
    client: httpx.AsyncClient, session: Session
) -> None:
    ids = seed(session, 3)
    body = (await client.get("/articles")).json()
    assert [a["id"] for a in body["items"]] == ids[::-1]
    assert body["total"] == 3 and body["next_cursor"] is None


async def test_cursor_pages_through_every_article_once(
    client: httpx.AsyncClient, session: Session
) -> None:
    ids = seed(session, 7)
    seen: list[int] = []
    cursor = None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/articles", params=params)).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids[::-1]


@pytest.mark.parametrize("spelling", ["سوريا", "سورية", "وسوريا", "لسورية"])
async def test_entity_filter_takes_any_spelling(
    client: httpx.AsyncClient, session: Session, spelling: str
) -> None:
    seed(session, 2)
    page = (await client.get("/articles", params={"entity": spelling})).json()
    assert page["total"] == 2


async def test_entity_filter_by_an_unknown_name_is_empty(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed(session, 1)
    page = (await client.get("/articles", params={"entity": "لا أحد"})).json()
    assert page == {"items": [], "next_cursor": None, "total": 0, "facets": None}


@pytest.mark.parametrize("number", ["2254", "٢٢٥٤"])
async def test_resolution_filter_reads_any_digits(
    client: httpx.AsyncClient, session: Session, number: str
) -> None:
    ids = seed(session, 4)
    page = (await client.get("/articles", params={"resolution": number})).json()
    assert [a["id"] for a in page["items"]] == [ids[3], ids[1]]


async def test_published_at_is_shown_on_the_datelines_clock(
    client: httpx.AsyncClient, session: Session
) -> None:
    (article_id,) = seed(session, 1)
    detail = (await client.get(f"/articles/{article_id}")).json()
    assert detail["published_at"] == "2024-03-01T12:00:00+03:00"
    assert detail["timezone"] == "Asia/Damascus"


async def test_resolution_detail_counts_articles_and_citations(
    client: httpx.AsyncClient, session: Session
) -> None:
    ids = seed(session, 4)
    body = (await client.get("/resolutions/2254")).json()
    assert (body["body"], body["year"], body["article_count"], body["citation_count"]) == (
        "UNSC",
        2015,
        2,
        2,
    )
    assert body["un_symbol"] == "S/RES/2254 (2015)"
    assert [p["article"]["id"] for p in body["passages"]] == [ids[3], ids[1]]
    passage = body["passages"][0]
    assert passage["text"][passage["start"] : passage["end"]] == "التقى"


async def test_entities_prefix_search_is_normalized(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed(session, 1)
    names = [
        e["name"] for e in (await client.get("/entities", params={"q": "سورية"})).json()["items"]
    ]
    assert names == ["سوريا"]


@pytest.mark.parametrize("typed", ["Syr", "syria", "SYRIA"])
async def test_entities_prefix_search_matches_the_english_name(
    client: httpx.AsyncClient, session: Session, typed: str
) -> None:
    known = replace(syria(), english_name="Syria", wikidata_id="Q858")
    save_article(session=session, parsed=article(0), extraction=extraction_naming(known))
    session.flush()
    found = (await client.get("/entities", params={"q": typed})).json()["items"]
    assert [e["english_name"] for e in found] == ["Syria"]


async def test_entities_prefix_search_takes_percent_and_underscore_literally(
    client: httpx.AsyncClient, session: Session
) -> None:
    known = replace(syria(), english_name="Syria")
    save_article(session=session, parsed=article(0), extraction=extraction_naming(known))
    session.flush()
    assert (await client.get("/entities", params={"q": "%"})).json()["items"] == []
    assert (await client.get("/entities", params={"q": "S_r"})).json()["items"] == []


async def test_entity_detail_lists_aliases_and_neighbours(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed(session, 2)
    (syria_item,) = (await client.get("/entities", params={"q": "سوريا"})).json()["items"]
    detail = (await client.get(f"/entities/{syria_item['id']}")).json()
    assert set(detail["aliases"]) >= {"سوريا", "سورية"}
    assert detail["article_count"] == 2
    assert {r["entity"]["name"] for r in detail["related"]} == {"شخص 0", "شخص 1"}
    articles = (await client.get(f"/entities/{syria_item['id']}/articles")).json()
    assert articles["total"] == 2


@pytest.mark.parametrize(
    "path",
    ["/articles/999999", "/entities/999999", "/entities/999999/articles", "/resolutions/9999"],
)
async def test_unknown_ids_are_404_problems(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404 and response.json()["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "limit=-1",
        "limit=1000",
        "cursor=%%%",
        "resolution=abc",
        "from=2024-01-01T00:00:00",
        "sort=up",
    ],
)
async def test_bad_parameters_are_422_problems(client: httpx.AsyncClient, query: str) -> None:
    response = await client.get(f"/articles?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert set(response.json()) >= {"type", "title", "status", "detail"}


async def test_search_finds_words_under_clitics_and_highlights_them(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed(session, 1)
    body = (await client.get("/search", params={"q": "المبعوث جنيف"})).json()
    assert len(body["items"]) == 1
    found = body["items"][0]["highlights"]
    assert [h["text"][h["start"] : h["end"]] for h in found] == ["المبعوث", "جنيف"]


async def test_search_treats_query_syntax_as_words(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed(session, 1)
    response = await client.get("/search", params={"q": 'جنيف" OR * NEAR('})
    assert response.status_code == 200


async def test_statements_filter_by_speaker_in_any_spelling(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed(session, 3)
    everyone = (await client.get("/statements")).json()
    assert len(everyone["items"]) == 3
    by_syria = (await client.get("/statements", params={"speaker": "وسورية"})).json()
    assert {s["speaker"]["name"] for s in by_syria["items"]} == {"سوريا"}
    first = (await client.get("/statements", params={"limit": 2})).json()
    rest = (
        await client.get("/statements", params={"limit": 2, "cursor": first["next_cursor"]})
    ).json()
    assert len(first["items"]) + len(rest["items"]) == 3 and rest["next_cursor"] is None
