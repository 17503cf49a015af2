"""Shared fixtures: a database migrated once per run on each engine, a rollback per test.

PostgreSQL: KHABAR_TEST_POSTGRES_URL (default postgresql+psycopg://root@127.0.0.1:5432/test).
A throwaway database is created beside it for the run. When the server is not there the
PostgreSQL tests skip with a message, unless KHABAR_TEST_REQUIRE_POSTGRES=1 (CI), where
they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.api.deps import get_session, get_write_session
from app.config import Settings
from app.main import create_app
from app.store.db import make_engine
from app.store.migrate import upgrade

PG_URL = os.environ.get("KHABAR_TEST_POSTGRES_URL", "postgresql+psycopg://root@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("KHABAR_TEST_REQUIRE_POSTGRES") == "1"


def _postgres_database() -> Iterator[str]:
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"khabar_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        message = f"PostgreSQL not reachable at {PG_URL} ({type(exc).__name__}); tests skipped"
        if REQUIRE_PG:
            pytest.fail(message.replace("tests skipped", "required in CI"))
        pytest.skip(message)
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'khabar.db'}"
        return
    yield from _postgres_database()


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    upgrade(database_url)
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test; the code under test
    may commit, which only releases a savepoint."""
    with engine.connect() as connection:
        transaction = connection.begin()
        session = Session(
            bind=connection,
            join_transaction_mode="create_savepoint",
            expire_on_commit=False,
            autoflush=False,
        )
        try:
            yield session
        finally:
            session.close()
            transaction.rollback()


API_KEY = "test-key-0123456789abcdef"


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, api_keys=[API_KEY], max_body_bytes=200_000)


@pytest.fixture
def app(settings: Settings, engine: Engine, session: Session) -> FastAPI:
    app = create_app(settings, engine)

    def test_session() -> Iterator[Session]:
        yield session
        session.commit()  # releases the test's savepoint; the outer rollback undoes it

    app.dependency_overrides[get_session] = test_session
    app.dependency_overrides[get_write_session] = test_session
    return app


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://khabar.test") as client:
        yield client


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# --- a database of its own, for tests whose workers commit ---------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def own_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Polling commits, and workers in other processes must see what it commits."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('jobs') / 'khabar.db'}"
        upgrade(url)
        yield url
        return
    for url in _postgres_database():
        upgrade(url)
        yield url


@pytest.fixture
def job_settings(own_database: str) -> Settings:
    return Settings(
        database_url=own_database,
        fetch_allowed_hosts=["127.0.0.1"],
        fetch_timeout_seconds=2.0,
        host_delay_seconds=0,
        worker_concurrency=4,
        worker_heartbeat_seconds=1,
        worker_stalled_seconds=3,
    )
