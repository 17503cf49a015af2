"""Concurrent writers on the real engine, both engines: the same article sent by eight
writers at once is stored once and nobody gets an error. SQLite serializes writers with
BEGIN IMMEDIATE (store/db.py); PostgreSQL relies on the unique constraints, the SAVEPOINT
adopt path and FOR UPDATE (store/writes.py). Each writer has its own session and commits
for real; the rows are removed after each test."""

from __future__ import annotations

import asyncio
import json
import random
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import httpx
import pytest
from conftest import API_KEY
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from support import ARCHIVE, committed

from app import ingestion
from app.config import Settings
from app.extract.pipeline import extract
from app.ingest.dispatch import parse_payload
from app.ingest.model import ParsedArticle
from app.ingestion import ingest_parsed, ingest_payload
from app.main import create_app
from app.store import models as m
from app.store import writes
from app.store.base import Base
from app.store.db import make_session_factory, unit_of_work
from app.store.prepared import content_hash
from app.store.writes import SaveResult

WRITERS = 8
JSON = "application/json"
T = TypeVar("T")


@pytest.fixture
def archive(engine: Engine) -> Iterator[Engine]:
    with committed(engine) as engine:
        yield engine


def all_at_once(work: Callable[[int], T], writers: int = WRITERS) -> list[T | BaseException]:
    """Run work(0..n-1) in n threads released together; what each returned or raised."""
    start = threading.Barrier(writers)
    results: list[T | BaseException] = [RuntimeError("did not run")] * writers

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def errors(results: Sequence[object]) -> list[BaseException]:
    return [r for r in results if isinstance(r, BaseException)]


def count(engine: Engine, model: type[Base]) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def parsed_file(name: str) -> ParsedArticle:
    (parsed,) = parse_payload((ARCHIVE / name).read_bytes(), "text/plain")
    return parsed


def writer(engine: Engine, versions: list[ParsedArticle]) -> Callable[[int], str]:
    factory = make_session_factory(engine)
    extractions = [extract(v) for v in versions]

    def work(i: int) -> str:
        n = i % len(versions)
        with unit_of_work(factory) as session:
            done = ingest_parsed(session=session, parsed=versions[n], extraction=extractions[n])
        return done.outcome.value

    return work


@pytest.mark.parametrize("url", [None, "https://amman.example/news/talks"], ids=["hash", "url"])
def test_the_same_article_from_eight_writers_is_stored_once(
    archive: Engine, url: str | None
) -> None:
    parsed = parsed_file("amman_talks.txt")
    parsed.url = url
    results = all_at_once(writer(archive, [parsed]))
    assert errors(results) == []
    assert Counter(results) == {"ingested": 1, "unchanged": WRITERS - 1}
    assert count(archive, m.Article) == 1
    extraction = extract(parsed)
    assert count(archive, m.Mention) == len(extraction.mentions)
    assert count(archive, m.Citation) == len(extraction.citations)
    assert count(archive, m.Entity) == len(extraction.entities)


def test_eight_versions_of_one_url_at_once_leave_one_consistent_article(archive: Engine) -> None:
    base = parsed_file("amman_talks.txt")
    versions = []
    for n in range(WRITERS):
        version = parse_payload((ARCHIVE / "amman_talks.txt").read_bytes(), "text/plain")[0]
        version.url = "https://amman.example/news/talks"
        version.sections = [*base.sections[: n % 3 + 1]]  # 1 to 3 paragraphs
        versions.append(version)
    results = all_at_once(writer(archive, versions))
    assert errors(results) == []
    assert results.count("ingested") == 1
    assert set(results) <= {"ingested", "updated", "unchanged"}
    with Session(archive) as session:
        (article,) = session.scalars(select(m.Article)).all()
        sections = list(session.scalars(select(m.ArticleSection.text)))
    # the rows are one version's, whole: its text, its hash and its own mentions only
    (kept,) = {
        content_hash(v): v for v in versions if content_hash(v) == article.content_hash
    }.values()
    assert sections == [s.text for s in kept.sections]
    assert count(archive, m.Mention) == len(extract(kept).mentions)


@pytest.mark.anyio
async def test_the_same_post_from_eight_clients_at_once_is_created_once(
    archive: Engine, database_url: str
) -> None:
    app = create_app(Settings(database_url=database_url, api_keys=[API_KEY]), archive)
    body = (ARCHIVE / "amman_talks.txt").read_bytes()
    headers = {"Content-Type": "text/plain; charset=utf-8", "X-API-Key": API_KEY}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://khabar.test") as client:
        responses = await asyncio.gather(
            *(client.post("/articles", content=body, headers=headers) for _ in range(WRITERS))
        )
    assert sorted(r.status_code for r in responses) == [200] * (WRITERS - 1) + [201]
    assert len({r.json()["items"][0]["id"] for r in responses}) == 1
    assert count(archive, m.Article) == 1


def test_different_articles_naming_the_same_new_actors_at_once(archive: Engine) -> None:
    """Each writer creates the same entities, in its own order: none may wait on another
    in a cycle (a deadlock on PostgreSQL)."""
    names = ["سوريا", "فرنسا", "روسيا", "تركيا", "الأردن", "لبنان", "العراق", "مصر"]
    documents = []
    for n in range(WRITERS):
        order = random.Random(n).sample(names, len(names))
        body = " ".join(f"وبحث وفد من {name} الملف في الاجتماع رقم {n}." for name in order)
        documents.append({"title": f"اجتماع إقليمي موسع رقم {n}", "body": body})
    versions = [
        parse_payload(json.dumps(d, ensure_ascii=False).encode(), "application/json")[0]
        for d in documents
    ]
    results = all_at_once(writer(archive, versions))
    assert errors(results) == []
    assert results == ["ingested"] * WRITERS
    with Session(archive) as session:
        keys = list(session.scalars(select(m.Entity.key)))
    assert len(keys) == len(set(keys)) >= len(names)


def test_two_payloads_creating_shared_rows_in_opposite_orders_both_succeed(
    archive: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Payload A holds an article naming France, then one naming Syria; payload B the
    other way round. Each writer pauses after its first article: on PostgreSQL each then
    waits on the entity row the other inserted, a deadlock whatever order one article's
    rows are taken in. The victim's SAVEPOINT is rolled back and its payload saved again
    (app/ingestion.save_extracted)."""
    if archive.dialect.name == "sqlite":
        pytest.skip("SQLite writers hold the database lock from BEGIN IMMEDIATE: no interleaving")
    both_saved_one = threading.Barrier(2, timeout=10)
    paused: set[str] = set()
    save = writes.save_article

    def save_then_pause(**kwargs: Any) -> SaveResult:
        result = save(**kwargs)
        if threading.current_thread().name not in paused:  # the first save of the first try
            paused.add(threading.current_thread().name)
            both_saved_one.wait()
        return result

    monkeypatch.setattr(ingestion, "save_article", save_then_pause)
    france, syria = (
        "بحثت فرنسا الملف الإنساني في اجتماع رقم",
        "بحثت سوريا ملف اللاجئين في اجتماع رقم",
    )
    payloads = [
        [{"title": f"لقاء رقم {n}", "body": f"{body} {n}."} for n, body in pair]
        for pair in ([(1, france), (2, syria)], [(3, syria), (4, france)])
    ]
    factory = make_session_factory(archive)

    def work(i: int) -> list[str]:
        data = json.dumps(payloads[i], ensure_ascii=False).encode()
        settings = Settings(database_url=str(archive.url))
        with unit_of_work(factory) as session:
            done = ingest_payload(session=session, data=data, content_type=JSON, settings=settings)
        return [item.outcome.value for item in done]

    results = all_at_once(work, writers=2)
    assert errors(results) == []
    assert results == [["ingested", "ingested"], ["ingested", "ingested"]]
    assert count(archive, m.Article) == 4
    with Session(archive) as session:
        assert sorted(session.scalars(select(m.Entity.key))) == ["country:FR", "country:SY"]
