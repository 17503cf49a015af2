"""PostgreSQL's change notices (app/store/changes.py): every table a kept answer shows
notifies when a transaction that wrote it commits, and only then; the generation moves at
each notice and whenever the listening connection comes or goes, and is unknown (None)
while nobody listens."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from sqlalchemy import Engine, text
from support import until

from app.store import models
from app.store.base import Base
from app.store.changes import TRIGGER, UNWATCHED, Changes
from app.store.db import make_engine

pytestmark = pytest.mark.anyio


@pytest.fixture
def pg_database(own_database: str) -> str:
    if not own_database.startswith("postgresql"):
        pytest.skip("change notices are PostgreSQL's")
    return own_database


@pytest.fixture
async def changes(pg_database: str) -> AsyncIterator[Changes]:
    listening = Changes(pg_database, retry_seconds=0.05)
    await listening.start()
    await until(lambda: listening.current() is not None)
    yield listening
    await listening.stop()


@pytest.fixture
def writer(pg_database: str) -> Iterator[Engine]:
    engine = make_engine(pg_database)
    yield engine
    engine.dispose()


def add_outlet(engine: Engine, name: str, *, commit: bool = True) -> None:
    with engine.connect() as connection:
        connection.execute(
            text("INSERT INTO sources (name, normalized_name) VALUES (:name, :name)"),
            {"name": name},
        )
        if commit:
            connection.commit()
        else:
            connection.rollback()


def test_every_table_but_the_bookkeeping_notifies(pg_database: str) -> None:
    engine = make_engine(pg_database)
    with engine.connect() as connection:
        found = connection.scalars(
            text("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = :name"),
            {"name": TRIGGER},
        )
        watched = set(found)
    engine.dispose()
    assert models.Article.__tablename__ in Base.metadata.tables  # every model is loaded
    assert watched == set(Base.metadata.tables) - UNWATCHED
    assert "articles" in watched and "feeds" not in watched


async def test_a_commit_moves_the_generation(changes: Changes, writer: Engine) -> None:
    before = changes.current()
    assert before is not None
    add_outlet(writer, "outlet one")
    await until(lambda: (changes.current() or 0) > before)


async def test_a_write_rolled_back_is_never_notified(changes: Changes, writer: Engine) -> None:
    before = changes.current()
    add_outlet(writer, "outlet two", commit=False)
    add_outlet(writer, "outlet three")  # committed after it: once this is seen, so was that
    assert before is not None
    await until(lambda: (changes.current() or 0) > before)
    assert changes.current() == before + 1


async def test_this_process_writes_move_it_at_once(changes: Changes) -> None:
    before = changes.current()
    changes.wrote()
    assert before is not None and changes.current() == before + 1


async def test_a_lost_listener_knows_nothing_until_it_listens_again(
    changes: Changes, writer: Engine
) -> None:
    before = changes.current()
    assert before is not None
    with writer.connect() as connection:
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND query LIKE 'LISTEN %'"
            )
        )
    await until(lambda: changes.current() is None)
    await until(lambda: changes.current() is not None)
    again = changes.current()
    assert again is not None and again >= before + 2  # lost, then listening again


async def test_nothing_is_known_before_listening(pg_database: str) -> None:
    assert Changes(pg_database).current() is None
