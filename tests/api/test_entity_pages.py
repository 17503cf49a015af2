"""An entity's page, its neighbours and articles; a resolution's page; statements; sources."""

from __future__ import annotations

from dataclasses import replace

import httpx
import pytest
from factories import article, extraction_naming, syria
from read_seed import seed_archive
from sqlalchemy.orm import Session

from app.extract.model import Citation, Extraction, ResolutionBody, Span
from app.ingest.model import Part
from app.store.writes import save_article

pytestmark = pytest.mark.anyio


async def entity_id(client: httpx.AsyncClient, name: str) -> int:
    body = (await client.get("/entities", params={"q": name})).json()
    return int(body["items"][0]["id"])


async def test_entity_page_has_dates_and_cross_lingual_ids(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    syria = await entity_id(client, "سوريا")
    detail = (await client.get(f"/entities/{syria}")).json()
    assert (detail["english_name"], detail["wikidata_id"]) == ("Syria", "Q858")
    assert detail["first_seen"] == "2024-03-01T09:00:00Z"
    assert detail["last_seen"] == "2024-05-20T09:00:00Z"
    assert detail["article_count"] == 3
    assert {r["entity"]["name"]: r["count"] for r in detail["related"]} == {
        "غير بيدرسون": 1,
        "مجلس الأمن": 1,
    }
    assert [(r["resolution"]["number"], r["count"]) for r in detail["resolutions"]] == [(2254, 2)]


async def test_related_entities_filter_by_kind_and_page(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    envoy = await entity_id(client, "غير بيدرسون")
    places = (await client.get(f"/entities/{envoy}/related", params={"kind": "place"})).json()
    assert sorted(r["entity"]["english_name"] or "" for r in places["items"]) == ["", "Syria"]
    first = (await client.get(f"/entities/{envoy}/related", params={"limit": 2})).json()
    rest = (
        await client.get(
            f"/entities/{envoy}/related", params={"limit": 2, "cursor": first["next_cursor"]}
        )
    ).json()
    names = [r["entity"]["name"] for r in first["items"] + rest["items"]]
    assert len(names) == len(set(names)) == 3


@pytest.mark.parametrize("window", [{}, {"from": "2024-01-01"}])
async def test_related_total_counts_every_page_as_every_list_does(
    client: httpx.AsyncClient, session: Session, window: dict[str, str]
) -> None:
    seed_archive(session)
    envoy = await entity_id(client, "غير بيدرسون")
    url = f"/entities/{envoy}/related"
    first = (await client.get(url, params={"limit": 2, **window})).json()
    after = {"limit": 2, "cursor": first["next_cursor"], **window}
    rest = (await client.get(url, params=after)).json()
    assert first["total"] == rest["total"] == len(first["items"] + rest["items"])


async def test_entity_articles_take_the_article_filters(
    client: httpx.AsyncClient, session: Session
) -> None:
    ids = seed_archive(session)
    syria = await entity_id(client, "سوريا")
    page = (
        await client.get(
            f"/entities/{syria}/articles", params={"resolution": "2254", "facet": "source"}
        )
    ).json()
    assert [a["id"] for a in page["items"]] == [ids[1], ids[0]]
    assert page["facets"]["source"]
    assert (await client.get("/entities/999999/articles")).status_code == 404


@pytest.mark.parametrize("path", ["/resolutions/UNSC/2254", "/resolutions/2254"])
async def test_resolution_page(client: httpx.AsyncClient, session: Session, path: str) -> None:
    ids = seed_archive(session)
    body = (await client.get(path)).json()
    assert body["un_symbol"] == "S/RES/2254 (2015)"
    assert (body["article_count"], body["citation_count"]) == (2, 2)
    assert body["first_cited"] == "2024-03-01T09:00:00Z"
    assert {a["entity"]["name"] for a in body["actors"]} >= {"سوريا"}
    assert [p["article"]["id"] for p in body["passages"]] == [ids[1], ids[0]]


async def test_resolutions_by_symbol_and_most_cited_first(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    every = (await client.get("/resolutions")).json()
    assert [r["number"] for r in every["items"]] == [2254, 2118]
    one = (await client.get("/resolutions", params={"symbol": "S/RES/2118"})).json()
    assert [(r["number"], r["body"]) for r in one["items"]] == [(2118, "UNSC")]


async def test_statements_embed_their_article_and_filter(
    client: httpx.AsyncClient, session: Session
) -> None:
    ids = seed_archive(session)
    envoy = (await client.get("/statements", params={"speaker": "غير بيدرسون"})).json()
    assert [s["article"]["id"] for s in envoy["items"]] == [ids[3], ids[0]]
    assert envoy["items"][0]["article"]["outlet"] == "وكالة باء"
    one = (await client.get("/statements", params={"article": ids[1]})).json()
    assert [s["speaker"]["name"] for s in one["items"]] == ["سوريا"]
    dated = (
        await client.get("/statements", params={"from": "2024-04-01", "to": "2024-04-30"})
    ).json()
    assert [s["article"]["id"] for s in dated["items"]] == [ids[3], ids[2]]


async def test_sources_count_articles(client: httpx.AsyncClient, session: Session) -> None:
    seed_archive(session)
    body = (await client.get("/sources")).json()
    assert [(s["name"], s["article_count"]) for s in body["items"]] == [
        ("وكالة ألف", 4),
        ("وكالة باء", 2),
    ]


async def test_an_unknown_body_citation_counts_with_the_known_body(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    span = Span(Part.SECTION, 0, 0, 5)
    vague = Extraction(
        entities=[], citations=[Citation(ResolutionBody.UNKNOWN, 2254, None, "القرار", span)]
    )
    save_article(session=session, parsed=article(60), extraction=vague)
    session.flush()
    body = (await client.get("/resolutions/UNSC/2254")).json()
    assert (body["article_count"], body["citation_count"]) == (3, 3)


async def seen_and_cited(client: httpx.AsyncClient, entity: int) -> tuple[object, ...]:
    """An entity's and resolution 2254's article counts and first and last dates."""
    e = (await client.get(f"/entities/{entity}")).json()
    r = (await client.get("/resolutions/UNSC/2254")).json()
    entity_part = (e["article_count"], e["first_seen"], e["last_seen"])
    return (*entity_part, r["article_count"], r["first_cited"], r["last_cited"])


async def test_first_and_last_seen_are_publication_dates_not_ingest_times(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    syria_id = await entity_id(client, "سوريا")
    n, seen_first, seen_last, cited_n, cited_first, cited_last = await seen_and_cited(
        client, syria_id
    )
    undated = replace(article(70), published_at=None, timezone=None)
    naming = extraction_naming(syria(), resolution=2254)
    save_article(session=session, parsed=undated, extraction=naming)
    session.flush()
    assert await seen_and_cited(client, syria_id) == (
        n + 1,
        seen_first,
        seen_last,
        cited_n + 1,
        cited_first,
        cited_last,
    )
    assert (seen_first, seen_last) == ("2024-03-01T09:00:00Z", "2024-05-20T09:00:00Z")


def seed_session_numbered(session: Session) -> int:
    extraction = extraction_naming(syria())
    span = extraction.mentions[0].span
    extraction.citations.append(
        Citation(ResolutionBody.UNGA, 19, 2012, "القرار 67/19", span, session=67)
    )
    saved = save_article(session=session, parsed=article(0), extraction=extraction)
    session.flush()
    return saved.article_id


@pytest.mark.parametrize("path", ["/resolutions/UNGA/67/19", "/resolutions/UNGA/19?session=67"])
async def test_session_numbered_resolution_has_a_path_like_its_symbol(
    client: httpx.AsyncClient, session: Session, path: str
) -> None:
    article_id = seed_session_numbered(session)
    body = (await client.get(path)).json()
    assert (body["body"], body["session"], body["number"]) == ("UNGA", 67, 19)
    assert body["un_symbol"] == "A/RES/67/19"
    assert [p["article"]["id"] for p in body["passages"]] == [article_id]


async def test_session_numbered_path_is_404_for_another_session(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_session_numbered(session)
    assert (await client.get("/resolutions/UNGA/66/19")).status_code == 404
