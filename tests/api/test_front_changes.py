"""On PostgreSQL the front keeps its answers while nothing they show was committed since they
were read (app/store/changes.py), so an answer asked again costs no round trip. What it
guarantees:
- a write through this app (POST, DELETE) is seen by the next request, notified or not;
- a commit by any other connection or process is seen by every request that starts
  `kept_stale_seconds` after its notification reached this process (PostgreSQL sends it at
  the commit); meanwhile the answer it changed may be given while one read renews it;
- a commit that changed nothing an answer shows (another actor's article, a statement that
  touched no row) leaves it kept;
- while the listening connection is lost, every request reads the database again, and
  nothing read before the loss is given after it.
The app here runs its lifespan (the listener) on a database of its own, committed for real."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from conftest import API_KEY
from factories import article, extraction_naming
from fastapi import FastAPI
from read_seed import ENVOY, SYRIA, seed_archive
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session
from support import until

from app.api import front
from app.config import Settings
from app.main import create_app
from app.store import models as m
from app.store.changes import TRIGGER, Changes
from app.store.db import make_engine
from app.store.writes import save_article

pytestmark = pytest.mark.anyio
NEWS = (
    "مجلس الأمن يناقش الوضع في سوريا\n\n"
    "ناقش مجلس الأمن الدولي اليوم الوضع الإنساني في سوريا وتطبيق القرار 2254.\n"
)


@pytest.fixture
def writer(own_database: str) -> Iterator[Engine]:
    """Another connection's writes: committed, as another process would commit them."""
    if not own_database.startswith("postgresql"):
        pytest.skip("change notices are PostgreSQL's; SQLite reads its versions in process")
    engine = make_engine(own_database)
    yield engine
    engine.dispose()


@pytest.fixture
def ids(writer: Engine) -> dict[str, int]:
    with Session(writer) as session, session.begin():
        articles = seed_archive(session)
        syria = session.scalar(select(m.Entity.id).where(m.Entity.key == SYRIA.key))
    assert syria is not None
    return {"syria": syria, "article": articles[1]}


@pytest.fixture
def stale_seconds() -> float:
    return Settings().kept_stale_seconds


@pytest.fixture
async def app(
    own_database: str, ids: dict[str, int], stale_seconds: float
) -> AsyncIterator[FastAPI]:
    settings = Settings(
        database_url=own_database, api_keys=[API_KEY], kept_stale_seconds=stale_seconds
    )
    app = create_app(settings)
    app.state.known_entities.add(ids["syria"])
    async with app.router.lifespan_context(app):
        await until(lambda: changes(app).current() is not None)
        yield app


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://khabar.test") as client:
        yield client


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths the front read from the database (rather than from what it kept)."""
    done: list[str] = []
    read = front.Front._read

    async def counted(this: front.Front, scope: Any, hot: Any) -> Any:
        done.append(scope["path"])
        return await read(this, scope, hot)

    monkeypatch.setattr(front.Front, "_read", counted)
    return done


def changes(app: FastAPI) -> Changes:
    found: Changes = app.state.changes
    return found


def add_syrian_article(engine: Engine, number: int) -> None:
    with Session(engine) as session, session.begin():
        save_article(session=session, parsed=article(number), extraction=extraction_naming(SYRIA))


async def committed(app: FastAPI, write: Callable[[], object]) -> float:
    """Run another connection's `write`; when its notice has arrived, the time it did."""
    generation = changes(app).current()
    assert generation is not None
    write()
    await until(lambda: (changes(app).current() or 0) > generation)
    return time.monotonic()


@pytest.fixture
def slow_reads(monkeypatch: pytest.MonkeyPatch, reads: list[str]) -> list[str]:
    """`reads`, each taking 0.3 s: what a client asks meanwhile is answered without it."""
    counted = front.Front._read

    async def slow(this: front.Front, scope: Any, hot: Any) -> Any:
        found = await counted(this, scope, hot)
        await asyncio.sleep(0.3)
        return found

    monkeypatch.setattr(front.Front, "_read", slow)
    return reads


def targets(ids: dict[str, int]) -> list[str]:
    return [
        f"/articles?entity={ids['syria']}",
        f"/articles/{ids['article']}",
        "/search?q=جنيف",
    ]  # in every body


async def test_an_answer_asked_again_is_not_read_again(
    client: httpx.AsyncClient, ids: dict[str, int], reads: list[str]
) -> None:
    first = [await client.get(target) for target in targets(ids)]
    again = [await client.get(target) for target in targets(ids)]
    assert [r.status_code for r in first] == [200, 200, 200] and first[2].json()["total"] == 6
    assert [r.content for r in again] == [r.content for r in first]
    assert [r.headers["etag"] for r in again] == [r.headers["etag"] for r in first]
    assert len(reads) == len(targets(ids))  # each read once; search by the routes, then kept


async def test_clients_missing_the_same_answer_at_once_wait_for_one_read(
    client: httpx.AsyncClient,
    ids: dict[str, int],
    reads: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counted = front.Front._read

    async def slow(this: front.Front, scope: Any, hot: Any) -> Any:
        await asyncio.sleep(0.05)  # the others arrive while it reads
        return await counted(this, scope, hot)

    monkeypatch.setattr(front.Front, "_read", slow)
    for target in targets(ids):
        answers = await asyncio.gather(*(client.get(target) for _ in range(5)))
        assert {(r.status_code, r.content) for r in answers} == {(200, answers[0].content)}
    assert len(reads) == len(targets(ids))  # the search's by the routes, waited for too


@pytest.mark.parametrize("stale_seconds", [0.0])
async def test_with_no_staleness_a_commit_elsewhere_is_seen_once_notified(
    app: FastAPI, client: httpx.AsyncClient, ids: dict[str, int], writer: Engine
) -> None:
    before = [(await client.get(target)).json() for target in targets(ids)]
    generation = changes(app).current()
    assert generation is not None
    add_syrian_article(writer, 90)
    await until(lambda: (changes(app).current() or 0) > generation)
    listed, _, found = [(await client.get(target)).json() for target in targets(ids)]
    assert listed["total"] == before[0]["total"] + 1
    assert found["total"] == before[2]["total"] + 1


@pytest.mark.parametrize("stale_seconds", [30.0])
async def test_a_stale_answer_is_given_at_once_while_one_read_renews_it(
    app: FastAPI,
    client: httpx.AsyncClient,
    ids: dict[str, int],
    writer: Engine,
    slow_reads: list[str],
) -> None:
    before = [(await client.get(target)).content for target in targets(ids)]
    assert len(slow_reads) == 3
    await committed(app, lambda: add_syrian_article(writer, 92))
    began = time.monotonic()
    for target, old in zip(targets(ids), before, strict=True):
        answers = await asyncio.gather(*(client.get(target) for _ in range(4)))
        assert {r.content for r in answers} == {old}
    assert time.monotonic() - began < 0.3  # none waited for a read
    # The detail shows nothing the commit changed; the list and the search were read again
    # once each, behind the first request that found them stale.
    assert slow_reads[3:] == ["/articles", "/search"]
    await until(lambda: not front_renewing(app))
    assert (await client.get(targets(ids)[0])).json()["total"] == json_total(before[0]) + 1
    assert (await client.get("/search?q=جنيف")).json()["total"] == json_total(before[2]) + 1


@pytest.mark.parametrize("stale_seconds", [0.5])
@pytest.mark.usefixtures("slow_reads")  # the renewal does not land within the bound
async def test_no_answer_outlives_a_commit_it_shows_by_more_than_the_bound(
    app: FastAPI, client: httpx.AsyncClient, ids: dict[str, int], writer: Engine
) -> None:
    detail = f"/articles/{ids['article']}"
    old = (await client.get(detail)).json()

    def retitle() -> None:
        with writer.begin() as connection:
            connection.execute(
                text("UPDATE articles SET title = 'عنوان جديد', updated_at = now() WHERE id = :id"),
                {"id": ids["article"]},
            )

    notified = await committed(app, retitle)
    first = (await client.get(detail)).json()
    await asyncio.sleep(max(0.0, notified + 0.5 - time.monotonic()) + 0.01)
    late = (await client.get(detail)).json()
    assert first["title"] in (old["title"], "عنوان جديد")
    assert late["title"] == "عنوان جديد"  # waited for the read: past the bound, none stale


async def test_a_commit_that_changes_nothing_an_answer_shows_leaves_it_kept(
    app: FastAPI, client: httpx.AsyncClient, ids: dict[str, int], writer: Engine, reads: list[str]
) -> None:
    for target in targets(ids):
        await client.get(target)
    assert len(reads) == 3

    def empty() -> None:
        with writer.begin() as connection:
            connection.execute(text("UPDATE sources SET name = name WHERE false"))
        with Session(writer) as session, session.begin():  # an article Syria is not in
            save_article(session=session, parsed=article(93), extraction=extraction_naming(ENVOY))

    await committed(app, empty)
    again = [await client.get(target) for target in targets(ids)]
    assert [r.status_code for r in again] == [200, 200, 200]
    await until(lambda: not front_renewing(app))
    assert reads[3:] == ["/search"]  # the search shows every article; list and detail kept


async def test_a_write_through_the_app_is_seen_by_the_next_request_unnotified(
    app: FastAPI, client: httpx.AsyncClient, ids: dict[str, int], writer: Engine
) -> None:
    """Even with no notice at all (the triggers off), the app's own writes are seen."""
    with writer.begin() as connection:
        for table in connection.scalars(
            text("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = :name"),
            {"name": TRIGGER},
        ):
            connection.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER {TRIGGER}"))
    listed = f"/articles?entity={ids['syria']}"
    total = (await client.get(listed)).json()["total"]
    assert (await client.get(f"/articles/{ids['article']}")).status_code == 200
    key = {"X-API-Key": API_KEY}
    gone = await client.delete(f"/articles/{ids['article']}", headers=key)
    assert gone.status_code == 204
    assert (await client.get(f"/articles/{ids['article']}")).status_code == 404
    assert (await client.get(listed)).json()["total"] == total - 1
    posted = await client.post("/articles", content=NEWS.encode(), headers=key)
    assert posted.status_code == 201, posted.text
    assert (await client.get(listed)).json()["total"] == total


async def test_while_the_listener_is_lost_every_request_reads_again(
    app: FastAPI, client: httpx.AsyncClient, ids: dict[str, int], writer: Engine, reads: list[str]
) -> None:
    target = f"/articles?entity={ids['syria']}"
    await client.get(target)
    await client.get(target)
    assert len(reads) == 1
    with writer.connect() as connection:
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND query LIKE 'LISTEN %'"
            )
        )
    await until(lambda: changes(app).listening() is None)  # the loss read, not only arrived
    add_syrian_article(writer, 91)  # committed while nobody listens
    listed = (await client.get(target)).json()
    assert len(reads) == 2
    await until(lambda: changes(app).current() is not None)
    assert (await client.get(target)).json() == listed
    assert len(reads) == 3  # what was kept before the loss counts for nothing


def test_notices_can_be_turned_off_behind_a_pooler_that_drops_listen(
    own_database: str, writer: Engine
) -> None:
    settings = Settings(database_url=own_database, change_notices=False)
    app = create_app(settings)
    assert app.state.changes is None  # every request reads the database, as on a replica
    app.state.engine.dispose()


def front_renewing(app: FastAPI) -> set[Any]:
    """The keys of the answers being renewed."""
    layer = app.middleware_stack
    while not isinstance(layer, front.Front):
        layer = layer.app  # type: ignore[union-attr]
    return layer.renewing


def json_total(body: bytes) -> int:
    found: int = httpx.Response(200, content=body).json()["total"]
    return found
