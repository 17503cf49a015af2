"""The front's search (app/store/reads/search_json.py) remembers a query's walk, ranking and
highlights on a connection only while the database stands still: a commit by another
connection, a write by the same one, or a write rolled back inside a transaction each give
the answer of the database as it is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from factories import BASE_TIME, article, extraction_naming
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from app.store.db import make_engine
from app.store.migrate import upgrade
from app.store.reads import search_json
from app.store.reads.articles import Sort
from app.store.reads.search_statements import PG_WORDS
from app.store.writes import save_article

WORD = "جنيف"
BODY = f"التقى الوفدان في {WORD}."


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    url = f"sqlite:///{tmp_path / 'khabar.db'}"
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def add(engine: Engine, n: int) -> int:
    with Session(engine) as session:
        parsed = replace(
            article(n, url=f"https://example.test/{n}", body=BODY),
            published_at=BASE_TIME + timedelta(hours=n),
        )
        found = save_article(session=session, parsed=parsed, extraction=extraction_naming())
        session.commit()
        return found.article_id


class Statements:
    """The statements the search runs, by name."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.names: list[str] = []
        plan = search_json.driver_plan

        def counted(dialect: Any, key: Any, statement: Any) -> Any:
            self.names.append(key[1])
            return plan(dialect, key, statement)

        monkeypatch.setattr(search_json, "driver_plan", counted)


def ids(dbapi: Any, engine: Engine, sort: Sort = Sort.RELEVANCE) -> list[int]:
    page = search_json.driver_search_json(
        dbapi, engine.dialect, WORD, sort=sort, limit=20, cursor=None
    )
    assert page is not None
    return [item["id"] for item in json.loads(page.body)["items"]]


def test_a_repeated_search_is_remembered_until_another_connection_commits(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = [add(engine, n) for n in range(3)]
    statements = Statements(monkeypatch)
    raw = engine.raw_connection()
    try:
        assert sorted(ids(raw.dbapi_connection, engine)) == sorted(first)
        assert "ranked" in statements.names and "walk" in statements.names
        statements.names.clear()
        assert sorted(ids(raw.dbapi_connection, engine)) == sorted(first)
        assert "ranked" not in statements.names and "walk" not in statements.names
        added = add(engine, 3)
        assert sorted(ids(raw.dbapi_connection, engine)) == sorted([*first, added])
        assert ids(raw.dbapi_connection, engine, Sort.NEWEST)[0] == added
    finally:
        raw.close()


def test_a_write_of_the_same_connection_is_seen_and_so_is_its_rollback(engine: Engine) -> None:
    first = [add(engine, n) for n in range(3)]
    raw = engine.raw_connection()
    dbapi = raw.dbapi_connection
    try:
        assert len(ids(dbapi, engine)) == 3
        dbapi.execute("DELETE FROM articles WHERE id = ?", (first[0],))
        assert sorted(ids(dbapi, engine)) == sorted(first[1:])
        dbapi.execute("BEGIN")
        dbapi.execute("DELETE FROM articles WHERE id = ?", (first[1],))
        assert ids(dbapi, engine) == [first[2]]
        dbapi.execute("ROLLBACK")
        assert sorted(ids(dbapi, engine)) == sorted(first[1:])
    finally:
        raw.close()


def test_on_postgresql_the_walk_is_planned_serial_and_custom_until_the_transaction_ends(
    own_database: str,
) -> None:
    """The front's PostgreSQL search plans its walk as search_pages.serial_plan does, for
    its own words; the settings are the transaction's, which the pool's rollback ends."""
    if not own_database.startswith("postgresql"):
        pytest.skip("PostgreSQL's planner settings")
    engine = make_engine(own_database)
    first = [add(engine, n) for n in range(3)]
    raw = engine.raw_connection()
    cursor = raw.dbapi_connection.cursor()
    settings = (
        "SELECT current_setting('max_parallel_workers_per_gather'),"
        " current_setting('plan_cache_mode')"
    )
    try:
        cursor.execute(settings)
        before = cursor.fetchone()
        assert before[0] != "0" and before[1] == "auto"
        assert ids(raw.dbapi_connection, engine) == sorted(first, reverse=True)
        cursor.execute(settings)
        assert cursor.fetchone() == ("0", "force_custom_plan")
        raw.dbapi_connection.rollback()
        cursor.execute(settings)
        assert cursor.fetchone() == before
    finally:
        cursor.close()
        raw.close()
        engine.dispose()


def test_on_postgresql_a_query_longer_than_the_kept_walks_is_left_to_the_routes(
    own_database: str,
) -> None:
    """A walk's plan is kept per shape of q: past PG_WORDS words the general path answers."""
    if not own_database.startswith("postgresql"):
        pytest.skip("the walks are kept per shape on PostgreSQL only")
    engine = make_engine(own_database)
    add(engine, 0)
    raw = engine.raw_connection()
    try:
        for words, answered in ((PG_WORDS, True), (PG_WORDS + 1, False)):
            page = search_json.driver_search_json(
                raw.dbapi_connection,
                engine.dialect,
                " ".join([WORD] * words),
                sort=Sort.RELEVANCE,
                limit=20,
                cursor=None,
            )
            assert (page is not None) == answered, words
    finally:
        raw.close()
        engine.dispose()
