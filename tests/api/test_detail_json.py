"""`/articles/{id}` sends the bytes FastAPI would write for the ArticleDetail model built
through the ORM (unset fields left out), with and without mentions, for the reference
article and the read archive's articles, on both engines; the front's read of it
(app/api/front.py, default fields) too."""

from __future__ import annotations

import httpx
import pytest
from detail_reference import get_article
from fastapi.responses import JSONResponse
from read_seed import seed_archive
from sqlalchemy.orm import Session
from test_reference_article import ingest_reference

from app.store.reads.detail_json import article_detail_json, driver_article_json
from app.store.reads.versions import VersionCache

pytestmark = pytest.mark.anyio

INCLUDES = [frozenset(), frozenset({"mentions"})]
QUERIES = {"": frozenset(), "?include=mentions": frozenset({"mentions"})}


def model_bytes(session: Session, article_id: int, include: frozenset[str]) -> bytes:
    """What the route sent before: the model, through response_model's exclude_unset, into
    FastAPI's JSONResponse."""
    detail = get_article(session=session, article_id=article_id, include=include)
    return bytes(JSONResponse(detail.model_dump(mode="json", exclude_unset=True)).body)


@pytest.mark.parametrize("include", INCLUDES, ids=["default", "mentions"])
def test_the_archive_bytes_are_the_models_json(session: Session, include: frozenset[str]) -> None:
    for article_id in seed_archive(session):
        expected = model_bytes(session, article_id, include)
        assert article_detail_json(session, article_id, include) == expected


def test_the_driver_path_writes_the_models_json_without_the_model(session: Session) -> None:
    """app/api/front.py's read: JSON values in the models' field order, no validation."""
    connection = session.connection()
    dbapi = connection.connection.dbapi_connection
    details = VersionCache()
    for article_id in seed_archive(session):
        for _ in ("written", "kept"):
            written = driver_article_json(dbapi, connection.dialect, article_id, details)
            assert written == model_bytes(session, article_id, frozenset())


async def test_the_reference_article_is_served_as_the_models_json(
    client: httpx.AsyncClient, session: Session
) -> None:
    article_id = (await ingest_reference(client))["id"]
    for query, include in QUERIES.items():
        response = await client.get(f"/articles/{article_id}{query}")
        assert response.headers["content-type"] == "application/json"
        assert response.content == model_bytes(session, article_id, include)


async def test_the_reference_article_has_every_part(client: httpx.AsyncClient) -> None:
    """The comparison above covers roles, citations, statements and images only if the
    reference article has them."""
    detail = await ingest_reference(client)
    parts = ("summary", "sections", "images", "actors", "roles", "citations", "statements")
    assert all(detail[part] for part in parts)
    assert all("mentions" in actor for actor in detail["actors"])


async def test_an_unknown_article_is_a_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/articles/987654321")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
