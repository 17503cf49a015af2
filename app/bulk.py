"""Bulk ingestion for the CLI: parsing, extraction and the rest of the CPU work run in N
worker processes; one writer stores the results many articles per transaction: the new
articles of a batch with one statement per table, the others (and all of them when that
fails) each under a SAVEPOINT of its own, so one that fails leaves the others in.

Results come back in input order, and at most a few batches are ever in flight, so the
writer's memory stays flat whatever the archive's size and N."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import random
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.extract.pipeline import default_recognizer, extract
from app.ingest.model import ParsedArticle
from app.store.batch_writes import save_new, split_new
from app.store.db import unit_of_work
from app.store.item_json import store_items
from app.store.prepared import Prepared, prepare
from app.store.writes import Outcome, SaveResult, save_prepared

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")
BATCH_SIZE = 200
CHUNK = 8  # items a worker's task
IN_FLIGHT_PER_WORKER = 4  # tasks
RETRIES = 3
_TRANSIENT = {"40P01", "40001"}  # deadlock detected, serialization failure


# Allocations between young collections while an ingest runs (CPython's default is 700):
# an article makes tens of thousands of objects, nearly all freed by reference counting.
YOUNG_THRESHOLD = 50_000


def load_extractor() -> None:
    """The gazetteer loaded before the workers fork, so they share one copy instead of
    each loading its own."""
    default_recognizer()


@contextmanager
def steady_heap() -> Iterator[None]:
    """The extractor loaded, then what exists (imports, the gazetteer: ~1M objects that
    live to the end) set aside from garbage collection, which would walk them all again
    at each full collection (~0.5 s of a 1,000-article run), and young collections made
    rarer. Collection is on inside, whatever it was before (`khabar` starts with it off);
    restored after."""
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    load_extractor()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *threshold[1:])
    gc.enable()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        if not enabled:
            gc.disable()


def prepare_parsed(parsed: ParsedArticle) -> Prepared:
    """Everything about an article that needs no database."""
    return prepare(parsed, extract(parsed))


@dataclass
class BatchWriter:
    """Saves prepared articles `size` at a time; reports each one to `done` or `failed`."""

    factory: sessionmaker[Session]
    done: Callable[[str, SaveResult], None]
    failed: Callable[[str, BaseException], None]
    size: int = BATCH_SIZE
    pending: list[tuple[str, Prepared]] = field(default_factory=list)

    def add(self, label: str, article: Prepared) -> None:
        self.pending.append((label, article))
        if len(self.pending) >= self.size:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        saved: dict[int, SaveResult] = {}
        failures: dict[int, BaseException] = {}
        try:
            with unit_of_work(self.factory) as session:
                items: set[int] = set()
                saved = _write(session, [article for _, article in batch], items, failures)
                store_items(session, sorted(items))
        except Exception as exc:  # nothing of the batch is in
            failures |= {i: exc for i in range(len(batch)) if i not in failures}
            saved = {}
        for i in sorted(failures):
            self.failed(batch[i][0], failures[i])
        for i, result in sorted(saved.items()):
            label = batch[i][0]
            log.info("article %s %s (%s)", result.article_id, result.outcome.value, label)
            self.done(label, result)


def _write(
    session: Session, batch: list[Prepared], items: set[int], failures: dict[int, BaseException]
) -> dict[int, SaveResult]:
    """New articles all together; the others, or all of them if that fails (a bad article,
    a concurrent writer), one by one under a SAVEPOINT each. Results and failures are by
    position in the batch."""
    new, one_by_one = split_new(session.connection(), batch)
    saved: dict[int, SaveResult] = {}
    if new:
        try:
            with session.begin_nested():
                ids = save_new(session, [batch[i] for i in new], items)
            saved = {i: SaveResult(id_, Outcome.INGESTED) for i, id_ in zip(new, ids, strict=True)}
        except Exception as exc:
            log.info("%d new articles failed together (%s); one by one now", len(new), exc)
            items.clear()
            one_by_one = sorted(new + one_by_one)
    for i in one_by_one:
        try:
            saved[i] = _save(session, batch[i], items)
        except Exception as exc:
            failures[i] = exc
    return saved


def _save(session: Session, article: Prepared, items: set[int]) -> SaveResult:
    """One article under its own SAVEPOINT, tried again when PostgreSQL picks it as a
    deadlock victim against a concurrent writer (the API's, say)."""
    for attempt in range(1, RETRIES + 1):
        try:
            with session.begin_nested():
                return save_prepared(session=session, article=article, items_later=items)
        except OperationalError as exc:
            if attempt == RETRIES or getattr(exc.orig, "sqlstate", None) not in _TRANSIENT:
                raise
            time.sleep(random.uniform(0.01, 0.05) * attempt)
    raise AssertionError("unreachable")


def ordered_map(work: Callable[[T], R], items: Iterable[T], *, workers: int) -> Iterator[R]:
    """work(item) for each item, in input order; with workers > 1 computed in that many
    processes, CHUNK items a task and at most IN_FLIGHT_PER_WORKER tasks each at a time.
    `work` reports its own failures in what it returns: an exception here stops the run."""
    if workers <= 1:
        yield from map(work, items)
        return
    # fork: workers start at once with the gazetteer already loaded, shared copy-on-write.
    context = multiprocessing.get_context("fork")
    # What exists now (imports, the gazetteer) is left out of garbage collection, which
    # would otherwise touch, and so copy, those pages in every worker.
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            queue: deque[Future[list[R]]] = deque()
            for chunk in _chunks(items, CHUNK):
                queue.append(pool.submit(_each, work, chunk))
                if len(queue) >= workers * IN_FLIGHT_PER_WORKER:
                    yield from queue.popleft().result()
            while queue:
                yield from queue.popleft().result()
    finally:
        gc.unfreeze()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _each(work: Callable[[T], R], chunk: list[T]) -> list[R]:
    """One task of a worker: several items, so that the pool's own cost a task (pickling
    `work` and the settings it holds, a round through its queues and threads) is paid
    once for them all. Per article, it cost the writer's process more than storing it."""
    return [work(item) for item in chunk]
