"""The hottest GETs answered in front of the middleware stack (app/api/front.py) get the
answer the routes give, byte for byte: status, headers in order (ETag, Link, Vary,
Content-Encoding, lengths), body, for 200s and 304s, HEAD and gzip, and for everything
the front passes on (bad parameters, unknown ids, unusual forms). Metrics and the rate
limit count each request once, whichever answers it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from factories import article, extraction_naming, person
from fastapi import FastAPI
from read_seed import COUNCIL, SYRIA, seed_archive
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from app.api import front
from app.config import Settings
from app.main import create_app
from app.store import models as m
from app.store.writes import save_article

pytestmark = pytest.mark.anyio
Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
GZIP = [(b"accept-encoding", b"gzip, deflate")]


async def call(
    app: FastAPI,
    target: str,
    *,
    method: str = "GET",
    headers: list[tuple[bytes, bytes]] | None = None,
    client: str = "10.0.0.1",
) -> Answer:
    """One request straight through the ASGI app: the bytes as a server would send them."""
    path, _, query = target.partition("?")
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"khabar.test"), *(headers or [])],
        "client": (client, 1234),
        "server": ("khabar.test", 80),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    body = b"".join(message.get("body", b"") for message in sent[1:])
    return sent[0]["status"], list(sent[0]["headers"]), body


def without_request_id(answer: Answer) -> Answer:
    status, headers, body = answer
    ids = [v for k, v in headers if k == b"x-request-id"]
    assert len(ids) == 1 and headers[-1][0] == b"x-request-id"
    return status, headers[:-1], body


class Answered:
    """How many requests the front answered itself."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        body = front.Front._body

        async def counted(this: front.Front, scope: Any, hot: Any) -> Any:
            found = await body(this, scope, hot)
            self.count += found is not None
            return found

        monkeypatch.setattr(front.Front, "_body", counted)


async def both(app: FastAPI, target: str, **options: Any) -> tuple[Answer, Answer]:
    """The answer with the front on, then through the stack alone."""
    app.state.hot = True
    fast = await call(app, target, **options)
    app.state.hot = False
    try:
        general = await call(app, target, **options)
    finally:
        app.state.hot = True
    return without_request_id(fast), without_request_id(general)


def entity_id(session: Session, key: str) -> int:
    found = session.scalar(select(m.Entity.id).where(m.Entity.key == key))
    assert found is not None
    return found


@pytest.fixture
def archive(app: FastAPI, session: Session) -> dict[str, int]:
    ids = seed_archive(session)
    syria, council = entity_id(session, SYRIA.key), entity_id(session, COUNCIL.key)
    for known in (syria, council):
        app.state.known_entities.add(known)
    return {"syria": syria, "council": council, "article": ids[1], "first": ids[0]}


def common(ids: dict[str, int]) -> list[str]:
    """The requests the front answers itself."""
    syria, council, article_id = ids["syria"], ids["council"], ids["article"]
    return [
        "/health",
        f"/articles?entity={syria}",
        f"/articles?entity={syria}&limit=1",
        f"/articles?limit=2&entity={council}",
        "/articles?resolution=2254",
        "/articles?resolution=2254&limit=1",
        f"/entities/{syria}/articles",
        f"/entities/{syria}/articles?limit=1",
        f"/articles/{article_id}",
        *pages(ids),
    ]


def pages(ids: dict[str, int]) -> list[str]:
    """The entity page and the lists of entities and resolutions (app/api/hot_pages.py)."""
    return [
        f"/entities/{ids['syria']}",
        f"/entities/{ids['council']}",
        "/entities",
        "/entities?limit=2",
        "/entities?q=%D8%B3%D9%88",  # a browser's escapes of two Arabic letters
        "/entities?limit=1&q=syr",
        "/entities?q=%D9%87%D9%8A%D8%A6%D8%A9+%D8%A7%D9%84",  # "+": a space
        "/entities?q=zzz",  # nothing matches: an empty page
        "/resolutions",
        "/resolutions?limit=1",
    ]


def passed_on(ids: dict[str, int]) -> list[str]:
    """Requests the front recognizes the path of but leaves to the routes."""
    syria = ids["syria"]
    return [
        "/articles/999999",  # 404
        f"/articles/{ids['article']}?include=mentions",
        "/articles?resolution=9999",  # cited by no article
        "/articles?resolution=S%2FRES%2F2254",
        "/entities/999999/articles",  # 404
        f"/entities/{syria}/articles?entity={syria}",
        f"/articles?entity={syria}&entity={syria}",  # 422: repeated
        f"/articles?entity={syria}&limit=0",
        f"/articles?entity={syria}&limit=101",  # 422
        f"/articles?entity={syria}&limit=",  # 422
        f"/articles?entity={syria}&cursor=nonsense",  # 422
        f"/articles?entity={syria}&bogus=1",  # 422: unknown parameter
        f"/articles?entity={syria}&sort=oldest",
        f"/articles?entity=0{syria}",
        "/articles?entity=999999",  # unknown: an empty page
        "/articles?entity=%D8%B3%D9%88%D8%B1%D9%8A%D8%A7",  # a name
        f"/articles?entity={syria}&resolution=2254",
        "/articles",
        f"/articles?entity={syria}%00",  # the guard's 422
        "/articles/0",
        "/entities/999999",  # 404
        f"/entities/{syria}?limit=1",  # 422: unknown parameter
        "/entities?kind=place",
        "/entities?q=",
        "/entities?q=%FF",  # not UTF-8
        "/entities?q=a&q=b",
        "/entities?q=" + "a" * 201,  # 422
        "/entities?limit=101",  # 422
        "/resolutions?body=UNSC",
        "/resolutions?symbol=2254",
        "/resolutions?cursor=x",  # 422
    ]


async def test_common_requests_are_answered_in_front_as_the_routes_answer_them(
    app: FastAPI, archive: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered = Answered(monkeypatch)
    for target in common(archive):
        for options in ({}, {"headers": GZIP}, {"method": "HEAD"}):
            fast, general = await both(app, target, **options)
            assert fast == general, (target, options)
            assert fast[0] == 200
    assert answered.count == 3 * len(common(archive))


async def test_a_large_page_varies_by_encoding_and_is_gzipped_when_asked(
    app: FastAPI, archive: dict[str, int]
) -> None:
    target = f"/articles?entity={archive['syria']}"
    (_, plain, body), _ = await both(app, target)
    (_, packed, small), _ = await both(app, target, headers=GZIP)
    assert len(body) >= 1000 and (b"vary", b"Accept-Encoding") in plain
    assert (b"content-encoding", b"gzip") in packed and len(small) < len(body)


async def test_revalidation_gets_the_same_304(app: FastAPI, archive: dict[str, int]) -> None:
    for target in common(archive)[1:]:
        _, headers, _ = await call(app, target)
        tag = dict(headers)[b"etag"]
        for method in ("GET", "HEAD"):
            fast, general = await both(
                app, target, method=method, headers=[(b"if-none-match", tag), *GZIP]
            )
            assert fast == general and fast[0] == 304, target


async def test_the_next_link_is_the_routes(app: FastAPI, archive: dict[str, int]) -> None:
    target = f"/entities/{archive['syria']}/articles?limit=1"
    (_, headers, _), _ = await both(app, target)
    link = dict(headers)[b"link"].decode()
    assert link.startswith(
        f"<http://khabar.test/entities/{archive['syria']}/articles?limit=1&cursor="
    )
    cursor = link.split("cursor=")[1].split(">")[0]
    fast, general = await both(app, f"{target}&cursor={cursor}")
    assert fast == general and fast[0] == 200


@pytest.mark.parametrize("target", ["/entities?q=%D8%B9&limit=1", "/resolutions?limit=1"])
async def test_the_next_link_of_a_list_is_the_routes(
    app: FastAPI, archive: dict[str, int], target: str
) -> None:
    seen = 0
    while target:
        fast, general = await both(app, target)
        assert fast == general and fast[0] == 200, target
        link = dict(fast[1]).get(b"link", b"").decode()
        target = link[len("<http://khabar.test") : link.find(">")] if link else ""
        seen += 1
    assert seen >= 2


async def test_everything_else_is_left_to_the_routes_and_answered_as_before(
    app: FastAPI, archive: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    answered = Answered(monkeypatch)
    statuses = set()
    for target in passed_on(archive):
        fast, general = await both(app, target, headers=GZIP)
        assert fast == general, target
        statuses.add(fast[0])
    assert answered.count == 0
    assert {200, 404, 422} <= statuses


async def test_an_item_not_stored_yet_is_read_by_the_routes(
    app: FastAPI, archive: dict[str, int], session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.execute(
        update(m.Article).where(m.Article.id == archive["article"]).values(item_json=None)
    )
    answered = Answered(monkeypatch)
    fast, general = await both(app, f"/articles?entity={archive['syria']}")
    assert fast == general and answered.count == 0


async def test_a_new_article_shows_at_once(
    app: FastAPI, archive: dict[str, int], session: Session
) -> None:
    target = f"/articles?entity={archive['syria']}"
    _, before, _ = await call(app, target)
    parsed = article(99)
    save_article(session=session, parsed=parsed, extraction=extraction_naming(SYRIA))
    session.flush()
    fast, general = await both(app, target)
    assert fast == general and dict(fast[1])[b"etag"] != dict(before)[b"etag"]


async def test_an_entity_named_later_in_english_shows_in_the_items_and_details_naming_it(
    app: FastAPI, session: Session
) -> None:
    """The front keeps items and details by article version; filling in an actor's English
    name rewrites the items naming it, so their versions, and the answers, change."""
    unnamed = person("سمير الأحمد", key="person:samir")
    first = save_article(session=session, parsed=article(1), extraction=extraction_naming(unnamed))
    first_id = first.article_id
    session.flush()
    samir = entity_id(session, "person:samir")
    app.state.known_entities.add(samir)
    targets = [f"/articles?entity={samir}", f"/articles/{first_id}"]
    before = [await call(app, target) for target in targets]
    named = replace(unnamed, english_name="Samir al-Ahmad")
    save_article(session=session, parsed=article(2), extraction=extraction_naming(named))
    session.flush()
    for target, (_, _, old) in zip(targets, before, strict=True):
        fast, general = await both(app, target)
        assert fast == general and fast[0] == 200, target
        assert b"Samir al-Ahmad" in fast[2] and b"Samir al-Ahmad" not in old, target


async def test_a_read_that_fails_is_answered_by_the_routes(
    app: FastAPI, archive: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("the driver path failed")

    monkeypatch.setattr("app.api.hot.driver_link_page_json", broken)
    fast, general = await both(app, f"/articles?entity={archive['syria']}")
    assert fast == general and fast[0] == 200


async def test_metrics_count_front_answers_by_route_template(
    app: FastAPI, archive: dict[str, int]
) -> None:
    await call(app, f"/articles/{archive['article']}")
    await call(app, f"/entities/{archive['syria']}/articles", method="HEAD")
    await call(app, "/articles/999999")  # passed on: counted once, by the routes
    _, _, text = await call(app, "/metrics")
    lines = text.decode().splitlines()
    for method, template, status in (
        ("GET", "/articles/{article_id}", "200"),
        ("HEAD", "/entities/{entity_id}/articles", "200"),
        ("GET", "/articles/{article_id}", "404"),
    ):
        wanted = f'method="{method}",route="{template}",status="{status}"'
        assert any(wanted in line and line.endswith(" 1.0") for line in lines), wanted


async def test_the_rate_limit_counts_a_request_once_whoever_answers(
    settings: Settings, engine: Engine, archive: dict[str, int]
) -> None:
    limited = settings.model_copy(update={"rate_limit_per_client": "3/minute"})
    answers = {}
    for hot in (True, False):
        app = create_app(limited, engine)
        app.state.hot = hot
        for known in (archive["syria"], archive["council"]):
            app.state.known_entities.add(known)
        targets = ["/articles/999999", f"/entities/{archive['syria']}/articles", "/health"]
        targets += ["/articles?resolution=2254", f"/articles/{archive['article']}"]
        answers[hot] = [await call(app, target, client=f"10.9.9.{hot:d}") for target in targets]
    statuses = [status for status, _, _ in answers[True]]
    assert statuses == [404, 200, 200, 200, 429]
    assert statuses == [status for status, _, _ in answers[False]]
    (_, fast_headers, fast), (_, general_headers, general) = answers[True][-1], answers[False][-1]
    assert [k for k, _ in fast_headers] == [k for k, _ in general_headers]
    # the same problem, but for the seconds to wait, which the clock may have moved
    assert fast.split(b"retry in")[0] == general.split(b"retry in")[0]
