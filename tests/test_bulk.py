"""Bulk ingestion: worker processes give the same archive as one process; a batch keeps
its good articles when one of them fails; memory of the writer does not grow with input."""

from __future__ import annotations

import gc
import json
import os
import time
from collections.abc import Iterator

import pytest
from factories import article, extraction_naming, syria
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from support import ARCHIVE, CLI, FIXTURES, committed, count, failures, summary

from app import batch
from app.bulk import (
    CHUNK,
    IN_FLIGHT_PER_WORKER,
    YOUNG_THRESHOLD,
    BatchWriter,
    ordered_map,
    steady_heap,
)
from app.config import Settings
from app.extract.model import Mention, Span
from app.ingest.model import Part
from app.store import models as m
from app.store.db import make_session_factory
from app.store.prepared import prepare
from app.store.reads.article_items import default_extras
from app.store.writes import SaveResult

INPUTS = [
    str(ARCHIVE),
    str(FIXTURES / "scraped" / "002_aljazeera_style.txt"),
    str(FIXTURES / "json" / "wire.jsonl"),
    str(CLI / "fulltext.rss"),
]


@pytest.fixture
def archive(engine: Engine) -> Iterator[Engine]:
    with committed(engine) as engine:
        yield engine


def rows(engine: Engine) -> set[tuple[str, str, int]]:
    """What the archive says: each article's title, each of its actors and their counts."""
    with Session(engine) as session:
        found = session.execute(
            select(m.Article.title, m.Entity.key, m.Entity.article_count)
            .join(m.ArticleEntity, m.ArticleEntity.article_id == m.Article.id)
            .join(m.Entity, m.Entity.id == m.ArticleEntity.entity_id)
        )
        return {(title, key, n) for title, key, n in found}


def test_workers_store_what_one_process_stores(
    engine: Engine, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_url=database_url, max_body_bytes=200_000)
    stored = {}
    for workers in (1, 2):
        with committed(engine):
            status = batch.run_ingest(
                INPUTS, settings=settings, only_if_empty=False, workers=workers
            )
            assert status == 0
            err = capsys.readouterr().err
            assert summary(err) == "ingested 8, updated 0, unchanged 0, failed 0"
            stored[workers] = rows(engine)
    assert len({title for title, _, _ in stored[1]}) == 8
    assert stored[2] == stored[1]


def test_a_failing_article_leaves_the_rest_of_its_batch_in(archive: Engine) -> None:
    broken = extraction_naming(syria())
    broken.mentions.append(Mention("no-such-entity", "x", Span(Part.TITLE, 0, 0, 1)))
    saved: list[SaveResult] = []
    failed: list[str] = []
    writer = BatchWriter(
        make_session_factory(archive),
        done=lambda _label, result: saved.append(result),
        failed=lambda label, _exc: failed.append(label),
        size=10,
    )
    writer.add("first", prepare(article(1), extraction_naming(syria())))
    writer.add("broken", prepare(article(2), broken))
    writer.add("third", prepare(article(3), extraction_naming(syria())))
    writer.flush()
    assert failed == ["broken"]
    assert len(saved) == 2
    assert count(archive, m.Article) == 2
    with Session(archive) as session:
        assert session.scalar(select(m.Entity.article_count)) == 2
        items = dict(session.execute(select(m.Article.id, m.Article.item_json)).all())
        expected = default_extras(session, sorted(items))
        assert {i: json.loads(item) for i, item in items.items()} == expected


def test_results_come_back_in_order_with_a_bounded_number_in_flight() -> None:
    consumed: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(200):
            consumed.append(n)
            yield n

    results = ordered_map(abs, numbers(), workers=2)
    assert next(iter(results)) == 0
    # the rest is read only as results are taken
    assert len(consumed) <= 2 * IN_FLIGHT_PER_WORKER * CHUNK < 200
    assert list(results) == list(range(1, 200))


def test_a_run_collects_garbage_apart_from_what_lives_to_its_end() -> None:
    threshold = gc.get_threshold()
    gc.disable()  # as `khabar` starts
    try:
        with steady_heap():
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # the imports and the gazetteer
            assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        assert not gc.isenabled()
        assert gc.get_freeze_count() == 0
        assert gc.get_threshold() == threshold
    finally:
        gc.enable()


def _pid_after_a_pause(_: int) -> int:
    time.sleep(0.005)  # long enough that every worker takes some items
    return os.getpid()


def test_workers_are_that_many_processes_besides_the_writer() -> None:
    pids = set(ordered_map(_pid_after_a_pause, range(64), workers=2))
    assert len(pids) == 2
    assert os.getpid() not in pids


def test_a_run_reports_failures_from_worker_processes(
    archive: Engine, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings(database_url=database_url, max_body_bytes=200_000)
    missing = str(FIXTURES / "no-such-file.txt")
    status = batch.run_ingest(
        [str(ARCHIVE), missing], settings=settings, only_if_empty=False, workers=2
    )
    assert status == 1
    assert len(failures(capsys.readouterr().err)) == 1
