"""The warm-up at start: every read asked once before the server listens, bounded in time,
never fatal, and uncounted."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.api import warmup
from app.api.warmup import ask, warm_paths, warm_up
from app.config import Settings
from app.main import create_app
from app.store.reads.day_cuts import zone_of
from app.store.reads.zones import REGION, zone_eras

pytestmark = pytest.mark.anyio


async def test_every_warm_up_read_is_answered_on_an_empty_archive(own_database: str) -> None:
    app = create_app(Settings(database_url=own_database, warmup_seconds=0))
    async with app.router.lifespan_context(app):
        assert await warm_up(app, 30) == len(warm_paths(None, None))


async def test_the_app_starts_warm_and_its_metrics_count_no_warm_up_request(
    own_database: str,
) -> None:
    app = create_app(Settings(database_url=own_database, warmup_seconds=30))
    async with app.router.lifespan_context(app):
        status, metrics = await ask(app, "/metrics")
        assert status == 200
        assert b"/articles/histogram" not in metrics
        await ask(app, "/articles/histogram?interval=month")
        assert b"/articles/histogram" in (await ask(app, "/metrics"))[1]


async def test_a_failing_warm_up_is_logged_and_the_app_starts_and_answers(
    database_url: str,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(*_: object) -> tuple[int, bytes]:
        raise RuntimeError("a read that breaks")

    monkeypatch.setattr(warmup, "ask", broken)
    app = create_app(Settings(database_url=database_url, warmup_seconds=30), engine)
    with caplog.at_level(logging.WARNING, logger="app.api.warmup"):
        async with app.router.lifespan_context(app):
            assert (await ask(app, "/health"))[0] == 200
    assert "warm-up stopped" in caplog.text


async def test_with_the_database_down_the_app_starts_and_answers_health(
    caplog: pytest.LogCaptureFixture,
) -> None:
    down = "postgresql+psycopg://root@127.0.0.1:9/nowhere"  # nothing listens on port 9
    app = create_app(Settings(database_url=down, warmup_seconds=30))
    with caplog.at_level(logging.WARNING, logger="app.api.warmup"):
        async with app.router.lifespan_context(app):
            assert (await ask(app, "/health"))[0] == 200
    assert "the database is not ready" in caplog.text


async def test_a_warm_up_out_of_time_stops_before_its_reads(
    database_url: str, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(Settings(database_url=database_url, warmup_seconds=0))
    with caplog.at_level(logging.WARNING, logger="app.api.warmup"):
        assert await warm_up(app, 1e-9) == 0
    assert "cut short" in caplog.text


def test_the_reads_of_an_actor_and_an_article_are_warmed_when_the_archive_has_them() -> None:
    paths = warm_paths(7, 11)
    assert "/entities/7/related" in paths and "/articles/11" in paths
    assert not any("/entities/7" in path for path in warm_paths(None, None))


def test_the_warm_up_works_out_every_region_clock_so_no_request_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    zone_of.cache_clear()
    zone_eras.cache_clear()
    warmup.warm_clocks(float("inf"))
    assert zone_of.cache_info().currsize == len(REGION)
    assert len(list((tmp_path / "khabar").glob("zone-eras-*.pickle"))) == len(REGION)


def test_clocks_out_of_time_are_left_to_their_first_request(
    caplog: pytest.LogCaptureFixture,
) -> None:
    zone_of.cache_clear()
    warmup.warm_clocks(0.0)
    assert zone_of.cache_info().currsize == 0
    assert "cut short at the clock" in caplog.text
