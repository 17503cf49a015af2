"""Searches answered in front of the stack (app/api/hot_search.py) get the answer
the routes give, byte for byte: /search and /articles with q, every sort, page sizes, offset
cursors, gzip and HEAD, alone or among one entity's articles, and with the candidate and
total caps lowered so that the walk's edges and a minute shared by many matches are
crossed. Every other form is passed on."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import pytest
from factories import BASE_TIME, article, extraction_naming, syria
from fastapi import FastAPI
from sqlalchemy.orm import Session
from test_front import GZIP, Answered, both, entity_id

from app.store.reads import articles, search_json, search_pages
from app.store.writes import save_article

pytestmark = pytest.mark.anyio
WORD = "جنيف"
SHORT = f"التقى الوفدان في {WORD}."
OFTEN = f"في {WORD} التقى الوفدان، وفي {WORD} اتفقا، ومن {WORD} عادا."
ELSEWHERE = "التقى الوفدان في فيينا لبحث الهدنة."
Q = quote(WORD)


NAMING = {1, 2, 3, 5, 6}  # the matches that name Syria


def save(session: Session, n: int, seconds: int, body: str, title: str | None = None) -> int:
    parsed = replace(
        article(n, url=f"https://example.test/{n}", body=body),
        published_at=BASE_TIME + timedelta(seconds=seconds),
    )
    if title is not None:
        parsed = replace(parsed, title=title)
    extraction = extraction_naming(*([syria()] if n in NAMING else []))
    return save_article(session=session, parsed=parsed, extraction=extraction).article_id


@pytest.fixture
def searched(app: FastAPI, session: Session) -> int:
    """Eight matches, four of them in one minute (ids against their seconds), the word in
    some titles only; two articles without it. Five of the matches name Syria, three of
    them in that minute: its id."""
    for n in range(4):
        save(session, n, 50 - 10 * n, OFTEN if n % 2 else SHORT)
    for n in range(4, 8):
        save(session, n, 600 * n, SHORT, title=f"خبر {n}" if n % 2 else None)
    save(session, 8, 30, ELSEWHERE)
    save(session, 9, 9000, ELSEWHERE)
    session.commit()
    return entity_id(session, syria().key)


def answered_here(entity: int) -> list[str]:
    return [
        *alone(),
        f"/articles?q={Q}&entity={entity}",
        f"/articles?entity={entity}&q={Q}&sort=relevance",
        f"/search?q={Q}&entity={entity}",
        f"/search?q={Q}&entity={entity}&limit=2&cursor=2",
        f"/articles?q={Q}&limit=1&entity={entity}",
        f"/search?q={quote('وفي ' + WORD)}&entity={entity}",
    ]


def alone() -> list[str]:
    return [
        f"/search?q={Q}",
        f"/articles?q={Q}",
        f"/articles?q={Q}&sort=relevance",
        f"/search?q={Q}&limit=3",
        f"/search?limit=3&q={Q}&cursor=3",
        f"/search?q={Q}&limit=3&cursor=6",
        f"/search?q={Q}&cursor=40",  # past the end: an empty page
        f"/articles?q={Q}&limit=1",
        f"/articles?q={Q}&limit=3",
        f"/articles?q=+{Q}+",  # spaces around q, as `+`
        f"/search?q={quote('وفي ' + WORD)}",  # two words, one of them with a clitic
    ]


def passed_on(entity: int) -> list[str]:
    return [
        f"/articles?q={Q}&entity=Syria",  # a name: the routes look it up
        f"/articles?q={Q}&entity=0{entity}",
        f"/articles?q={Q}&entity={entity}&entity={entity}",
        f"/articles?q={Q}&entity={entity}&entity_op=and",
        f"/articles?q={Q}&entity={entity}&sort=oldest",
        f"/articles?q={Q}&entity={entity + 1}",  # no such entity: an empty page
        f"/articles?q={quote('فيينا')}&entity={entity}",  # no match among its articles
        f"/articles?q={Q}&sort=oldest",
        f"/articles?q={Q}&cursor=1709283600000000_3",
        f"/articles?q={Q}&fields=title",
        f"/articles?q={Q}&facet=source",
        f"/articles?q={Q}&limit=0",
        f"/articles?q={Q}&limit=05",
        f"/articles?q={Q}&limit=101",  # 422
        f"/articles?q={Q}&q={Q}",  # 422
        f"/articles?q={Q}&sort=Relevance",  # 422
        f"/search?q={Q}&cursor=x",  # 422
        f"/search?q={Q}&bogus=1",  # 422
        "/search?q=",  # 422
        "/search?q=%20",  # 422
        f"/search?q={quote('ب' * 201)}",  # 422: too long
        "/articles?q=",
        f"/search?q={quote('فيينا الهدنة والقاهرة')}",  # no match
        "/search?q=%21%21",  # no word
    ]


async def test_searches_are_answered_in_front_as_the_routes_answer_them(
    app: FastAPI, searched: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    answered = Answered(monkeypatch)
    for target in answered_here(searched):
        for options in ({}, {"headers": GZIP}, {"method": "HEAD"}):
            fast, general = await both(app, target, **options)
            assert fast == general, (target, options)
            assert fast[0] == 200
    assert answered.count == 3 * len(answered_here(searched))


async def test_other_searches_are_left_to_the_routes(
    app: FastAPI, searched: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    answered = Answered(monkeypatch)
    statuses = set()
    for target in passed_on(searched):
        before = answered.count
        fast, general = await both(app, target)
        assert fast == general, target
        assert answered.count == before, target
        statuses.add(fast[0])
    assert answered.count == 0
    assert statuses == {200, 422}


@pytest.mark.parametrize(("candidates", "cap"), [(2, 3), (3, 1), (4, 4), (5, 2), (6, 8)])
async def test_past_the_caps_the_answers_are_the_routes(
    app: FastAPI, searched: int, monkeypatch: pytest.MonkeyPatch, candidates: int, cap: int
) -> None:
    """The 2nd, 3rd and 4th newest matches share a minute: with 2 or 3 candidates the last
    one's minute goes on and the routes answer; past it the front does, and the same."""
    for module in (articles, search_pages, search_json):
        monkeypatch.setattr(module, "TOTAL_CAP", cap)
    for module in (search_pages, search_json):
        monkeypatch.setattr(module, "RELEVANCE_CANDIDATES", candidates)
    monkeypatch.setattr(search_json, "_WALK", max(cap, candidates) + 1)
    for target in answered_here(searched):
        fast, general = await both(app, target)
        assert fast == general, target


async def test_a_new_match_shows_at_once(app: FastAPI, searched: int, session: Session) -> None:
    (_, _, before), _ = await both(app, f"/search?q={Q}")
    added = save(session, 10, 99_000, OFTEN)
    session.commit()
    fast, general = await both(app, f"/search?q={Q}")
    assert fast == general and fast[2] != before and str(added).encode() in fast[2]


async def test_a_read_that_fails_is_answered_by_the_routes(
    app: FastAPI, searched: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("the driver path failed")

    monkeypatch.setattr("app.api.hot_search.driver_search_json", broken)
    fast, general = await both(app, f"/search?q={Q}")
    assert fast == general and fast[0] == 200


async def test_a_server_that_gives_its_address_as_a_list_gets_the_front_answer(
    app: FastAPI, searched: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starlette's TestClient does: the next link's base was keyed by it, unhashable, and
    every page with a next link went to the routes."""
    answered = Answered(monkeypatch)
    path, query = "/search", f"q={Q}&limit=3"
    scope: dict[str, Any] = {
        "type": "http",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ["testclient", 50000],
        "server": ["testserver", 80],
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    headers = dict(sent[0]["headers"])
    assert sent[0]["status"] == 200 and b"cursor=3" in headers[b"link"]
    assert answered.count == 1
