"""/articles combines its filters; names, Wikidata ids and English names all find an entity;
a name two entities carry is a 409 listing both."""

from __future__ import annotations

import httpx
import pytest
from factories import article, extraction_naming
from read_seed import seed_archive
from sqlalchemy.orm import Session

from app.store.writes import save_article

pytestmark = pytest.mark.anyio


async def ids_for(client: httpx.AsyncClient, query: str) -> list[int]:
    response = await client.get(f"/articles?{query}")
    assert response.status_code == 200, response.text
    return [a["id"] for a in response.json()["items"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("entity=سوريا", [4, 1, 0]),
        ("entity=Q858", [4, 1, 0]),
        ("entity=syria", [4, 1, 0]),
        ("entity=سوريا&entity=غير بيدرسون", [0]),
        ("entity=Q842&entity=سوريا&entity_op=or", [4, 2, 1, 0]),
        ("entity=سوريا&not_entity=غير بيدرسون", [4, 1]),
        ("resolution=2254&resolution=2118", [3, 1, 0]),
        ("resolution=S/RES/2118 (2013)", [3]),
        ("source=وكالة باء", [3, 1]),
        ("kind=organization", [5, 1]),
        ("speaker=غير بيدرسون", [3, 0]),
        ("from=2024-03-02&to=2024-04-10", [2, 1]),
        ("from=2024-04-11T00:00:00%2B03:00", [4, 3, 2]),
        ("entity=سوريا&resolution=2254&source=وكالة ألف", [0]),
        ("entity=لا أحد", []),
        ("entity=لا أحد&entity=سوريا&entity_op=or", [4, 1, 0]),
    ],
)
async def test_filters_combine(
    client: httpx.AsyncClient, session: Session, query: str, expected: list[int]
) -> None:
    ids = seed_archive(session)
    assert await ids_for(client, query) == [ids[i] for i in expected]


async def test_an_ambiguous_name_is_a_409_listing_the_candidates(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    response = await client.get("/articles", params={"entity": "عمان"})
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"
    candidates = response.json()["candidates"]
    assert {(c["english_name"], c["subkind"]) for c in candidates} == {
        ("Oman", "country"),
        (None, "city"),
    }


async def test_oman_by_its_wikidata_id_is_not_ambiguous(
    client: httpx.AsyncClient, session: Session
) -> None:
    ids = seed_archive(session)
    assert await ids_for(client, "entity=Q842") == [ids[2]]


@pytest.mark.parametrize(
    "query",
    ["entiti=1", "limit=5&limit=6", "q=a&q=b", "sort=newest&sort=oldest", "facet=colour"],
)
async def test_stray_or_repeated_parameters_are_422(client: httpx.AsyncClient, query: str) -> None:
    response = await client.get(f"/articles?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


async def test_every_route_rejects_unknown_parameters(client: httpx.AsyncClient) -> None:
    for path in ("/entities", "/resolutions", "/statements", "/sources", "/entities/suggest"):
        response = await client.get(f"{path}?nonsense=1&prefix=a")
        assert response.status_code == 422, path
        assert "nonsense" in response.json()["detail"]


async def test_list_items_carry_lede_actors_and_resolutions(
    client: httpx.AsyncClient, session: Session
) -> None:
    ids = seed_archive(session)
    page = (await client.get("/articles", params={"entity": "Syria"})).json()
    oldest = page["items"][-1]
    assert oldest["id"] == ids[0]
    assert oldest["lede"] == "نقطة أولى"
    assert [p["english_name"] for p in oldest["actors"]["place"]] == ["Syria"]
    assert [p["name"] for p in oldest["actors"]["person"]] == ["غير بيدرسون"]
    assert oldest["resolutions"] == [
        {"body": "UNSC", "number": 2254, "year": 2015, "session": None, "symbol": "2254"}
    ]
    assert oldest["timezone"] == "Asia/Damascus"
    assert oldest["published_at"] == "2024-03-01T12:00:00+03:00"


async def test_fields_trim_the_items(client: httpx.AsyncClient, session: Session) -> None:
    seed_archive(session)
    page = (await client.get("/articles", params={"fields": "title,lede", "limit": 1})).json()
    assert set(page["items"][0]) == {"id", "title", "lede"}


async def test_fields_may_name_the_id_a_row_always_carries(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    response = await client.get("/articles", params={"fields": "id,title", "limit": 1})
    assert response.status_code == 200, response.text
    assert set(response.json()["items"][0]) == {"id", "title"}
    only_id = (await client.get("/articles", params={"fields": "id", "limit": 1})).json()
    assert set(only_id["items"][0]) == {"id"}


async def test_total_is_exact_and_the_link_header_points_to_the_next_page(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    response = await client.get("/articles", params={"limit": 2, "source": "وكالة ألف"})
    body = response.json()
    assert body["total"] == 4
    link = response.headers["link"]
    assert link.endswith('>; rel="next"') and f"cursor={body['next_cursor']}" in link


async def test_search_is_normalized_highlighted_and_ranked(
    client: httpx.AsyncClient, session: Session
) -> None:
    ids = seed_archive(session)
    for spelling in ("وجنيف", "جنيف"):
        page = (await client.get("/articles", params={"q": spelling, "sort": "relevance"})).json()
        assert sorted(a["id"] for a in page["items"]) == sorted(ids)
        highlight = page["items"][0]["highlights"][0]
        assert highlight["text"][highlight["start"] : highlight["end"]] == "جنيف"


async def test_relevance_without_q_is_422(client: httpx.AsyncClient) -> None:
    assert (await client.get("/articles?sort=relevance")).status_code == 422


async def test_detail_leaves_mentions_out_unless_asked(
    client: httpx.AsyncClient, session: Session
) -> None:
    ids = seed_archive(session)
    plain = (await client.get(f"/articles/{ids[0]}")).json()
    assert all("mentions" not in a for a in plain["actors"])
    full = (await client.get(f"/articles/{ids[0]}", params={"include": "mentions"})).json()
    assert all(a["mentions"] for a in full["actors"])


@pytest.mark.parametrize("spelling", ["وسوريا", "سوريا", "سورية"])
async def test_q_folds_clitics_and_an_entitys_spellings(
    client: httpx.AsyncClient, session: Session, spelling: str
) -> None:
    seed_archive(session)  # stores سوريا with its spelling سورية
    parsed = article(50, title="اجتماع حول مستقبل سورية")
    target = save_article(session=session, parsed=parsed, extraction=extraction_naming()).article_id
    session.flush()
    page = (await client.get("/articles", params={"q": spelling})).json()
    assert [a["id"] for a in page["items"]] == [target]
    (highlight,) = page["items"][0]["highlights"]
    assert highlight["text"][highlight["start"] : highlight["end"]] == "سورية"
    assert highlight["term"] == "سورية"  # as the article writes it, whatever was asked
