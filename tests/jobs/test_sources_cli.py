"""`khabar sources add | list | disable | enable` and `khabar poll` as an operator runs them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cli import main
from app.config import Settings, get_settings
from app.store import models as m
from app.store.db import make_engine
from bench.outlets import outlet_server


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, job_settings: Settings) -> Iterator[Settings]:
    monkeypatch.setenv("KHABAR_DATABASE_URL", job_settings.database_url)
    monkeypatch.setenv("KHABAR_FETCH_ALLOWED_HOSTS", "127.0.0.1")
    monkeypatch.setenv("KHABAR_HOST_DELAY_SECONDS", "0")
    get_settings.cache_clear()
    yield job_settings
    get_settings.cache_clear()


def articles(settings: Settings) -> int:
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        n = session.scalar(select(func.count()).select_from(m.Article)) or 0
    engine.dispose()
    return n


def test_an_outlet_is_added_listed_polled_disabled_and_enabled(
    env: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    with outlet_server() as outlet:
        outlet.add_feed("/feed.rss", 3)
        feed = f"{outlet.base}/feed.rss"
        assert main(["sources", "add", "وكالة الاختبار", "--feed", feed, "--every", "60"]) == 0
        source_id = capsys.readouterr().out.strip()
        assert source_id.isdigit()

        assert main(["sources", "disable", "وكالة  الاختبار"]) == 0  # any spelling
        assert main(["poll"]) == 0
        assert articles(env) == 0 and outlet.hits("/feed.rss") == []

        assert main(["sources", "enable", source_id]) == 0
        assert main(["poll"]) == 0
        assert articles(env) == 3

        capsys.readouterr()
        assert main(["sources", "list"]) == 0
        listing = capsys.readouterr().out
        assert "وكالة الاختبار" in listing and feed in listing
        assert main(["sources", "disable", "no such outlet"]) == 1
