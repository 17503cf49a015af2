"""`/resolutions` sends the bytes FastAPI would write for the page the ORM built
(resolution_list_reference.py), with its Link header, for every filter and page: a body, a
symbol, pages of one row to the end, a cursor past the end; with a family (a citation whose
body the text left unknown) in the archive, on both engines."""

from __future__ import annotations

import httpx
import pytest
from fastapi.responses import JSONResponse
from read_seed import seed_archive
from resolution_list_reference import list_resolutions
from sqlalchemy.orm import Session
from test_resolution_families import cite

from app.extract.model import ResolutionBody
from app.store.cursor import encode_offset_cursor

pytestmark = pytest.mark.anyio

CASES = [
    {},
    {"body": "UNSC"},
    {"body": "UNGA"},
    {"symbol": (None, 2254)},
    {"symbol": (None, 4242)},
    {"limit": 1},
    {"limit": 1, "cursor": encode_offset_cursor(0, "999")},  # past the last row
]


def model_bytes(session: Session, **given: object) -> tuple[bytes, str | None]:
    options: dict = {"body": None, "limit": 20, "cursor": None, **given}
    page = list_resolutions(session=session, **options)
    return bytes(JSONResponse(page.model_dump(mode="json")).body), page.next_cursor


def seed(session: Session) -> None:
    seed_archive(session)
    cite(session, 2254, 60, ResolutionBody.UNKNOWN)
    cite(session, 2254, 61, ResolutionBody.UNKNOWN, ResolutionBody.UNSC)
    cite(session, 4242, 62, ResolutionBody.UNKNOWN)


def query_of(case: dict) -> dict[str, str]:
    out = {k: str(x) for k, x in case.items() if k in ("body", "limit", "cursor")}
    if "symbol" in case:
        out["symbol"] = str(case["symbol"][1])
    return out


@pytest.mark.parametrize("case", CASES, ids=[str(c) for c in CASES])
async def test_each_page_is_the_models_json(
    client: httpx.AsyncClient, session: Session, case: dict
) -> None:
    seed(session)
    response = await client.get("/resolutions", params=query_of(case))
    expected, next_cursor = model_bytes(session, **case)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.content == expected
    assert ("link" in response.headers) == (next_cursor is not None)


async def test_pages_of_one_walk_the_list_as_the_model_did(
    client: httpx.AsyncClient, session: Session
) -> None:
    seed(session)
    cursor, seen = None, 0
    while True:
        params = {"limit": "1", **({"cursor": cursor} if cursor else {})}
        response = await client.get("/resolutions", params=params)
        expected, next_cursor = model_bytes(session, limit=1, cursor=cursor)
        assert response.content == expected
        seen += 1
        if next_cursor is None:
            break
        assert response.json()["next_cursor"] == next_cursor
        cursor = next_cursor
    assert seen >= 3  # the walk crossed pages, the family's row among them
