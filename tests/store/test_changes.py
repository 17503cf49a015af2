"""PostgreSQL's change notices (app/store/changes.py): every table a kept answer shows
notifies when a transaction that wrote a row of it commits, and only then, naming the scopes
the rows touched; the generation moves at each notice and whenever the listening connection
comes or goes, and is unknown (None) while nobody listens."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Iterator

import pytest
from factories import article, extraction_naming, syria
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session
from support import until

from app.store import models
from app.store.base import Base
from app.store.changes import EVENTS, ITEMS, OTHER, TRIGGER, UNWATCHED, Changes
from app.store.db import make_engine
from app.store.writes import save_article

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


@pytest.mark.parametrize("event", EVENTS)
def test_every_table_but_the_bookkeeping_notifies(pg_database: str, event: str) -> None:
    engine = make_engine(pg_database)
    with engine.connect() as connection:
        found = connection.scalars(
            text("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = :name"),
            {"name": f"{TRIGGER}_{event.lower()}"},
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


async def test_a_statement_that_changes_no_row_notifies_nothing(
    changes: Changes, writer: Engine
) -> None:
    before = changes.current()
    with writer.begin() as connection:
        connection.execute(text("UPDATE sources SET name = name WHERE false"))
        connection.execute(text("DELETE FROM articles WHERE id < 0"))
    add_outlet(writer, "outlet four")  # committed after them: once this is seen, so were they
    assert before is not None
    await until(lambda: (changes.current() or 0) > before)
    assert changes.current() == before + 1


async def test_a_notice_names_the_article_and_the_entities_it_touched(
    changes: Changes, writer: Engine
) -> None:
    before = changes.current()
    assert before is not None
    with Session(writer) as session, session.begin():
        naming = extraction_naming(syria())
        saved = save_article(session=session, parsed=article(7), extraction=naming)
        entity = session.scalar(select(models.Entity.id).where(models.Entity.key == syria().key))
    await until(lambda: any(f"a{saved.article_id}" in (s or ()) for _, _, s in changes.moves))
    named = set().union(*(s or () for g, _, s in changes.moves if g > before))
    assert {f"a{saved.article_id}", f"e{entity}", OTHER} <= named
    assert ITEMS not in named  # its item is written after its row: no other page shows it


async def test_an_outlet_renamed_says_every_item_may_have_changed(
    changes: Changes, writer: Engine
) -> None:
    first = changes.current()
    assert first is not None
    add_outlet(writer, "outlet five")
    await until(lambda: (changes.current() or 0) > first)
    before = changes.current()
    assert before is not None
    with writer.begin() as connection:
        renamed = "UPDATE sources SET name = 'outlet six' WHERE name = 'outlet five'"
        connection.execute(text(renamed))
    await until(lambda: (changes.current() or 0) > before)
    assert changes.moves[-1][2] == {OTHER, ITEMS}


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


def test_an_answer_is_touched_by_the_first_move_naming_what_it_shows() -> None:
    changes = Changes("postgresql://nowhere/none")
    changes.moves.extend([(1, 10.0, frozenset({"e2"})), (2, 11.0, frozenset({"e1", "*"}))])
    changes.moves.append((3, 12.0, frozenset({"e1"})))
    changes.generation = 3
    assert changes.touched(0, frozenset({"e1"})) == 11.0
    assert changes.touched(0, frozenset({"a5"})) is None
    assert changes.touched(0, None) == 10.0  # an answer that shows everything
    assert changes.touched(3, None) is None
    changes.wrote()
    assert changes.touched(2, frozenset({"a5"})) == -math.inf  # nothing kept outlives it
    assert changes.touched(4, frozenset({"a5"})) is None


def test_an_answer_checked_before_the_moves_kept_counts_for_nothing() -> None:
    changes = Changes("postgresql://nowhere/none")
    changes.moves.append((8, 10.0, frozenset({"e2"})))
    changes.generation = 8
    assert changes.touched(6, frozenset({"a5"})) == -math.inf
    assert changes.touched(7, frozenset({"a5"})) is None
