"""The queue's tasks: thin wrappers that run app/jobs/work.py and record what each job
came to (articles, jobs it queued, or its error) where GET /jobs/{id} finds it.

Retries: a job that failed for a passing reason (a fetch, a database conflict) is tried
again up to MAX_ATTEMPTS times, each wait twice the last; an input that cannot be
ingested fails at once. A feed poll is not retried by the queue: the feed's own backoff
(app/store/feeds.py) puts its next poll off instead."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import procrastinate
from procrastinate import JobContext, RetryDecision
from procrastinate.exceptions import AlreadyEnqueued
from procrastinate.jobs import Job
from sqlalchemy.exc import OperationalError

from app.errors import KhabarError
from app.ingest.errors import FetchError, HttpStatusError
from app.jobs import work
from app.jobs.runtime import Runtime
from app.store.base import utcnow
from app.store.db import unit_of_work
from app.store.job_outcomes import Outcome, record_outcome

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 4
FIRST_WAIT_SECONDS = 2


class TransientRetry(procrastinate.BaseRetryStrategy):
    def get_retry_decision(self, *, exception: BaseException, job: Job) -> RetryDecision | None:
        if job.attempts + 1 >= MAX_ATTEMPTS or not transient(exception):
            return None
        return RetryDecision(retry_in={"seconds": FIRST_WAIT_SECONDS * 2**job.attempts})


def transient(exc: BaseException) -> bool:
    """A failure that may pass: the network, a server error, a database conflict."""
    if isinstance(exc, HttpStatusError):
        return exc.status_code >= 500 or exc.status_code == 429
    if isinstance(exc, FetchError | OperationalError | OSError):
        return True
    return not isinstance(exc, KhabarError)  # a bug may be a race: try it again


RETRY = TransientRetry()


def register_tasks(queue: procrastinate.App) -> None:
    """Bind the tasks to a queue (an App per connector: tasks keep a link to theirs)."""
    queue.task(name="poll_feed", pass_context=True, retry=False)(poll_feed)
    queue.task(name="fetch_page", pass_context=True, retry=RETRY)(fetch_page)
    queue.task(name="ingest_url", pass_context=True, retry=RETRY)(ingest_url)


def poll_feed(context: JobContext, feed_id: int) -> None:
    _run(context, lambda rt, defer: work.poll_feed(rt, feed_id, defer))


def fetch_page(context: JobContext, url: str, source_id: int | None = None) -> None:
    _run(context, lambda rt, defer: work.fetch_page(rt, url, source_id))


def ingest_url(context: JobContext, url: str) -> None:
    _run(context, lambda rt, defer: work.ingest_url(rt, url, defer))


def _run(context: JobContext, body: Callable[[Runtime, work.Defer], work.Done]) -> None:
    runtime: Runtime = context.additional_context["runtime"]
    job = context.job
    assert job.id is not None
    try:
        done = body(runtime, deferrer(context.app))
    except Exception as exc:
        task = context.app.tasks.get(job.task_name)
        again = task is not None and task.get_retry_exception(exception=exc, job=job) is not None
        error = exc.detail if isinstance(exc, KhabarError) else f"{type(exc).__name__}: {exc}"
        _record(runtime, job, "retrying" if again else "failed", work.Done(), error)
        raise
    _record(runtime, job, "succeeded", done, None)


def deferrer(queue: procrastinate.App) -> work.Defer:
    def defer(task: str, arguments: dict[str, Any], lock: str | None) -> int | None:
        try:
            configured = queue.configure_task(task, queueing_lock=lock)
            return configured.defer(**arguments)
        except AlreadyEnqueued:
            return None  # the same page is in the queue already

    return defer


def _record(rt: Runtime, job: Job, status: str, done: work.Done, error: str | None) -> None:
    assert job.id is not None
    outcome = Outcome(
        job.id,
        job.task_name,
        status,
        job.attempts + 1,
        error,
        done.article_ids,
        done.job_ids,
        utcnow(),
    )
    with unit_of_work(rt.factory) as session:
        record_outcome(session, outcome)
