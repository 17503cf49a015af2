"""POST and DELETE: API keys, size limits and bad bodies give problems and write nothing."""

from __future__ import annotations

import httpx
import pytest
from conftest import API_KEY
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import models as m

pytestmark = pytest.mark.anyio

ARTICLE = (
    "وزير الخارجية التركي يبحث مع نظيره القطري الملف السوري\n\n"
    "بحث وزير الخارجية التركي هاكان فيدان مع رئيس الوزراء القطري في الدوحة "
    "سبل تطبيق قرار مجلس الأمن الدولي 2254 الخاص بسوريا.\n"
)
TEXT = {"Content-Type": "text/plain; charset=utf-8"}


def articles_in(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(m.Article)) or 0


async def post(client: httpx.AsyncClient, body: bytes, **headers: str) -> httpx.Response:
    return await client.post("/articles", content=body, headers={**TEXT, **headers})


def assert_problem(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and problem["title"] and problem["detail"]
    assert "Traceback" not in response.text


async def test_a_valid_key_ingests_and_reports_the_outcome(
    client: httpx.AsyncClient, session: Session
) -> None:
    response = await post(client, ARTICLE.encode(), **{"X-API-Key": API_KEY})
    assert response.status_code == 201
    (item,) = response.json()["items"]
    assert item["outcome"] == "ingested"
    again = await post(client, ARTICLE.encode(), **{"X-API-Key": API_KEY})
    assert again.status_code == 200 and again.json()["items"][0]["outcome"] == "unchanged"
    assert articles_in(session) == 1


async def test_no_key_is_401(client: httpx.AsyncClient, session: Session) -> None:
    response = await post(client, ARTICLE.encode())
    assert_problem(response, 401)
    assert articles_in(session) == 0


async def test_a_wrong_key_is_403(client: httpx.AsyncClient, session: Session) -> None:
    assert_problem(await post(client, ARTICLE.encode(), **{"X-API-Key": "x" * 24}), 403)
    assert articles_in(session) == 0


@pytest.mark.parametrize("body", [b"", b"   \n\t  ", b"\x00\x01\x02\xff\xfe" * 50])
async def test_empty_or_binary_bodies_are_rejected(
    client: httpx.AsyncClient, session: Session, body: bytes
) -> None:
    response = await post(client, body, **{"X-API-Key": API_KEY})
    assert_problem(response, 422)
    assert articles_in(session) == 0


async def test_an_oversized_body_is_413(client: httpx.AsyncClient, session: Session) -> None:
    response = await post(client, ("كلمة " * 60_000).encode(), **{"X-API-Key": API_KEY})
    assert_problem(response, 413)
    assert articles_in(session) == 0


async def test_delete_needs_a_key_then_removes_everything(
    client: httpx.AsyncClient, session: Session
) -> None:
    created = (await post(client, ARTICLE.encode(), **{"X-API-Key": API_KEY})).json()["items"][0]
    assert_problem(await client.delete(f"/articles/{created['id']}"), 401)
    response = await client.delete(f"/articles/{created['id']}", headers={"X-API-Key": API_KEY})
    assert response.status_code == 204
    assert articles_in(session) == 0
    assert session.scalar(select(func.count()).select_from(m.Mention)) == 0
    assert_problem(await client.get(f"/articles/{created['id']}"), 404)


async def test_a_failed_commit_is_reported_not_hidden_behind_a_2xx(
    client: httpx.AsyncClient, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse() -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(session, "commit", refuse)
    response = await post(client, ARTICLE.encode(), **{"X-API-Key": API_KEY})
    assert_problem(response, 500)
