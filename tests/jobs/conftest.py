"""A database of its own for each test here: polling commits, and workers in other
processes must see what it commits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.config import Settings
from app.store.migrate import upgrade
from tests.conftest import _postgres_database


@pytest.fixture(params=["sqlite", "postgresql"])
def own_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
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
