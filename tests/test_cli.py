"""`khabar ingest | reextract | migrate` as an operator runs them: settings from KHABAR_*
variables, a summary on stderr, exit status 1 when anything failed and 0 otherwise."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect
from support import ARCHIVE, CLI, FIXTURES, committed, count, failures, serve, summary

from app.cli import main
from app.config import get_settings
from app.store import models as m
from app.store.db import make_engine


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, database_url: str) -> Iterator[pytest.MonkeyPatch]:
    """KHABAR_* variables for the test database; the cached settings are read afresh."""
    monkeypatch.setenv("KHABAR_DATABASE_URL", database_url)
    monkeypatch.setenv("KHABAR_FETCH_ALLOWED_HOSTS", "127.0.0.1, localhost")
    monkeypatch.setenv("KHABAR_FETCH_TIMEOUT_SECONDS", "0.5")
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


@pytest.fixture
def archive(engine: Engine, env: pytest.MonkeyPatch) -> Iterator[Engine]:
    with committed(engine) as engine:
        yield engine


@pytest.fixture
def site() -> Iterator[str]:
    with serve() as base:
        yield base


def khabar(*argv: str | Path) -> int:
    return main([str(arg) for arg in argv])


def test_ingest_takes_files_folders_jsonl_urls_and_feeds(
    archive: Engine, site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = khabar(
        "ingest",
        ARCHIVE,
        FIXTURES / "json" / "wire.jsonl",
        CLI / "fulltext.rss",
        f"{site}/news/story-2.html",
        f"{site}/teasers.rss",
    )
    assert status == 0
    captured = capsys.readouterr()
    assert summary(captured.err) == "ingested 9, updated 0, unchanged 1, failed 0"
    assert captured.out == ""  # stdout stays free for whatever a script pipes it into
    assert count(archive, m.Article) == 9


def test_ingest_exits_1_and_names_every_failure(
    archive: Engine, site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status = khabar("ingest", CLI / "mixed.jsonl", f"{site}/error.html", f"{site}/photo.png")
    assert status == 1
    err = capsys.readouterr().err
    assert summary(err) == "ingested 2, updated 0, unchanged 0, failed 4"
    assert [line.split(": ")[0] for line in failures(err)] == [
        f"failed {CLI / 'mixed.jsonl'} line 2",
        f"failed {CLI / 'mixed.jsonl'} line 3",
        f"failed {site}/error.html",
        f"failed {site}/photo.png",
    ]
    assert "answered HTTP 500" in err and "is image/png" in err
    assert count(archive, m.Article) == 2


def test_a_url_that_times_out_fails_alone(
    archive: Engine, site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert khabar("ingest", f"{site}/slow.html", ARCHIVE / "amman_talks.txt") == 1
    err = capsys.readouterr().err
    assert summary(err) == "ingested 1, updated 0, unchanged 0, failed 1"
    assert failures(err) == [f"failed {site}/slow.html: 127.0.0.1 did not answer within 0.5 s"]


def test_hosts_off_the_allow_list_are_not_fetched(
    archive: Engine, env: pytest.MonkeyPatch, site: str, capsys: pytest.CaptureFixture[str]
) -> None:
    env.setenv("KHABAR_FETCH_ALLOWED_HOSTS", "")
    get_settings.cache_clear()
    assert khabar("ingest", f"{site}/news/story-1.html") == 1
    assert "127.0.0.1 is a loopback address" in capsys.readouterr().err
    assert count(archive, m.Article) == 0


def test_if_empty_does_nothing_when_the_archive_has_articles(
    archive: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert khabar("ingest", "--if-empty", ARCHIVE / "amman_talks.txt") == 0
    assert count(archive, m.Article) == 1
    capsys.readouterr()
    assert khabar("ingest", "--if-empty", CLI / "fulltext.rss") == 0
    assert count(archive, m.Article) == 1
    assert "ingested" not in capsys.readouterr().err  # nothing was attempted


def test_reextract_runs_over_the_archive(
    archive: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert khabar("ingest", ARCHIVE, CLI / "english.txt") == 0
    mentions = count(archive, m.Mention)
    assert khabar("reextract") == 0
    assert summary(capsys.readouterr().err) == "re-extracted 4, failed 0"
    assert count(archive, m.Article) == 4
    assert count(archive, m.Mention) == mentions


def test_ingest_needs_at_least_one_input(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        khabar("ingest")
    assert exit_.value.code == 2
    assert "inputs" in capsys.readouterr().err


def test_an_unmigrated_database_is_a_clear_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("KHABAR_DATABASE_URL", f"sqlite:///{tmp_path / 'blank.db'}")
    get_settings.cache_clear()
    try:
        with caplog.at_level(logging.ERROR, logger="khabar"):
            assert khabar("ingest", ARCHIVE) == 1
            assert khabar("reextract") == 1
    finally:
        get_settings.cache_clear()
    assert "cannot read the archive" in caplog.text and "khabar migrate" in caplog.text
    assert "Traceback" not in caplog.text


def test_an_unsafe_setting_stops_the_cli_before_it_starts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KHABAR_DATABASE_URL", "mysql://root@localhost/khabar")
    get_settings.cache_clear()
    try:
        with pytest.raises(SystemExit) as exit_:
            khabar("ingest", ARCHIVE)
    finally:
        get_settings.cache_clear()
    assert exit_.value.code == 2
    assert "unsupported database scheme 'mysql'" in capsys.readouterr().err


def test_migrate_then_ingest_into_a_new_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'khabar.db'}"
    monkeypatch.setenv("KHABAR_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        assert khabar("migrate") == 0
        assert khabar("ingest", "--if-empty", ARCHIVE) == 0
    finally:
        get_settings.cache_clear()
    engine = make_engine(url)
    try:
        assert "articles" in inspect(engine).get_table_names()
        assert count(engine, m.Article) == 3
    finally:
        engine.dispose()
    assert summary(capsys.readouterr().err) == "ingested 3, updated 0, unchanged 0, failed 0"
