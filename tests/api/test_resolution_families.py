"""/resolutions counts a resolution the way its page does: a citation whose body the text left
`unknown` belongs to the one known body with that number, so it is not a row of its own."""

from __future__ import annotations

import httpx
import pytest
from factories import article
from read_seed import seed_archive
from sqlalchemy.orm import Session

from app.extract.model import Citation, Extraction, ResolutionBody
from app.extract.model import Span as Where
from app.ingest.model import Part
from app.store.writes import save_article

pytestmark = pytest.mark.anyio

HERE = Where(Part.SECTION, 0, 0, 5)


def cite(session: Session, number: int, seq: int, *bodies: ResolutionBody) -> None:
    citations = [Citation(body, number, None, f"القرار {number}", HERE) for body in bodies]
    save_article(session=session, parsed=article(seq), extraction=Extraction(citations=citations))
    session.flush()


async def listed(client: httpx.AsyncClient, number: int) -> list[tuple[str, int, int]]:
    items = (await client.get("/resolutions", params={"limit": 50})).json()["items"]
    return [
        (i["body"], i["article_count"], i["citation_count"]) for i in items if i["number"] == number
    ]


async def test_a_citation_without_its_body_counts_in_the_list_as_on_the_page(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    cite(session, 2254, 60, ResolutionBody.UNKNOWN)
    # one article naming it both ways is one article, two citations
    cite(session, 2254, 61, ResolutionBody.UNKNOWN, ResolutionBody.UNSC)
    page = (await client.get("/resolutions/UNSC/2254")).json()
    assert await listed(client, 2254) == [("UNSC", page["article_count"], page["citation_count"])]
    assert (page["article_count"], page["citation_count"]) == (4, 5)


async def test_the_list_total_leaves_out_the_folded_row(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed_archive(session)
    before = (await client.get("/resolutions")).json()["total"]
    cite(session, 2254, 60, ResolutionBody.UNKNOWN)
    assert (await client.get("/resolutions")).json()["total"] == before


async def test_a_number_two_bodies_share_leaves_the_unknown_row_on_its_own(
    client: httpx.AsyncClient, session: Session
) -> None:
    cite(session, 19, 60, ResolutionBody.UNSC)
    cite(session, 19, 61, ResolutionBody.UNGA)
    cite(session, 19, 62, ResolutionBody.UNKNOWN)
    assert sorted(await listed(client, 19)) == [("UNGA", 1, 1), ("UNSC", 1, 1), ("unknown", 1, 1)]


async def test_the_folded_citations_order_the_list_and_its_pages(
    client: httpx.AsyncClient, session: Session
) -> None:
    cite(session, 2118, 60, ResolutionBody.UNSC, ResolutionBody.UNSC)
    cite(session, 2254, 61, ResolutionBody.UNSC)
    cite(session, 2254, 62, ResolutionBody.UNKNOWN, ResolutionBody.UNKNOWN)
    whole = (await client.get("/resolutions", params={"limit": 50})).json()["items"]
    assert [(i["number"], i["citation_count"]) for i in whole] == [(2254, 3), (2118, 2)]
    paged, cursor = [], None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        body = (await client.get("/resolutions", params=params)).json()
        paged += body["items"]
        if not (cursor := body["next_cursor"]):
            break
    assert paged == whole
