"""The job queue: procrastinate over the database Khabar already runs.

On PostgreSQL the jobs live in procrastinate's tables (created by migration 0004): any
number of workers on any number of machines share them, each job taken by one worker
(SELECT ... FOR UPDATE SKIP LOCKED inside procrastinate). On SQLite, the default for one
machine, the queue is procrastinate's in-memory connector and its worker runs in the
process that queued the jobs (the API, `khabar poll`), so nothing more is needed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

import procrastinate
from procrastinate.app import WorkerOptions
from procrastinate.exceptions import AlreadyEnqueued
from sqlalchemy.engine import make_url

from app.config import Settings
from app.jobs.memory import ProcessConnector
from app.jobs.runtime import Runtime
from app.jobs.tasks import register_tasks
from app.store.base import utcnow
from app.store.db import unit_of_work
from app.store.feeds import claim_feed, due_feed_ids
from app.store.job_outcomes import last_job_id

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=10)  # a claimed feed is not due again before its poll is over
DRAIN_WAIT = timedelta(seconds=30)  # `khabar poll` waits for retries due this soon


def shared_queue(settings: Settings) -> bool:
    """Whether jobs live in the database (PostgreSQL) rather than in this process."""
    return make_url(settings.database_url).get_backend_name() == "postgresql"


def build_queue(settings: Settings, rt: Runtime) -> procrastinate.App:
    connector: procrastinate.BaseConnector
    if shared_queue(settings):
        url = make_url(settings.database_url).set(drivername="postgresql")
        connector = procrastinate.PsycopgConnector(
            conninfo=url.render_as_string(hide_password=False),
            kwargs={"application_name": "khabar-queue"},
        )
    else:
        connector = ProcessConnector()
        with unit_of_work(rt.factory, write=False) as session:
            connector.start_ids_after(last_job_id(session))
    queue = procrastinate.App(connector=connector)
    register_tasks(queue)
    return queue


async def schedule_due(queue: procrastinate.App, rt: Runtime) -> list[int]:
    """Queue a poll of every due feed of an active source; returns the job ids."""
    feed_ids = await asyncio.to_thread(_claim_due, rt)
    job_ids = []
    for feed_id in feed_ids:
        task = queue.configure_task("poll_feed", queueing_lock=f"feed:{feed_id}")
        with contextlib.suppress(AlreadyEnqueued):  # its poll is queued already
            job_ids.append(await task.defer_async(feed_id=feed_id))
    if job_ids:
        log.info("queued %d feed poll(s)", len(job_ids))
    return job_ids


def _claim_due(rt: Runtime) -> list[int]:
    now = utcnow()
    with unit_of_work(rt.factory) as session:
        return [i for i in due_feed_ids(session, now) if claim_feed(session, i, now, LEASE)]


async def requeue_stalled(queue: procrastinate.App, settings: Settings) -> int:
    """Jobs of a worker that stopped beating (killed, machine gone) go back to the queue."""
    manager = queue.job_manager
    stalled = await manager.get_stalled_jobs(
        seconds_since_heartbeat=settings.worker_stalled_seconds
    )
    requeued = 0
    for job in stalled:
        try:
            await manager.retry_job(job)
            requeued += 1
        except Exception as exc:  # another worker requeued it first
            log.debug("job %s not requeued: %s", job.id, exc)
    if requeued:
        log.warning("requeued %d job(s) of stalled workers", requeued)
    return requeued


async def every(seconds: float, action: Callable[[], Awaitable[object]]) -> None:
    while True:
        try:
            await action()
        except Exception:
            log.exception("periodic queue task failed")
        await asyncio.sleep(seconds)


async def run_worker(settings: Settings, *, once: bool, name: str | None = None) -> None:
    """`khabar worker` (once=False): schedule due feeds and run jobs until stopped.
    `khabar poll` (once=True): one scheduling pass, then run jobs until none is left."""
    rt = Runtime.start(settings)
    queue = build_queue(settings, rt)
    side: list[asyncio.Task[None]] = []
    try:
        async with queue.open_async():
            if once:
                await schedule_due(queue, rt)
            else:
                side.append(
                    asyncio.create_task(
                        every(settings.scheduler_seconds, lambda: schedule_due(queue, rt))
                    )
                )
            if shared_queue(settings):
                pause = settings.worker_heartbeat_seconds
                side.append(
                    asyncio.create_task(every(pause, lambda: requeue_stalled(queue, settings)))
                )
            options = worker_options(settings, rt, once=once, name=name)
            if once:
                await drain(queue, options)
            else:
                await queue.run_worker_async(**options)
    finally:
        for task in side:
            task.cancel()
        rt.close()


async def drain(queue: procrastinate.App, options: WorkerOptions) -> None:
    """Run jobs until none is left, retries due within DRAIN_WAIT included. (A worker
    with wait=False stops as soon as one fetch finds nothing, though the jobs it is
    running may queue more.)"""
    while True:
        await queue.run_worker_async(**options)
        pending = await queue.job_manager.list_jobs_async(status="todo")
        horizon = utcnow() + DRAIN_WAIT
        soon = [j for j in pending if j.scheduled_at is None or j.scheduled_at <= horizon]
        if not soon:
            return
        if all(j.scheduled_at and j.scheduled_at > utcnow() for j in soon):
            await asyncio.sleep(0.5)  # only retries waiting for their time


def worker_options(
    settings: Settings,
    rt: Runtime,
    *,
    once: bool,
    name: str | None = None,
    signals: bool = True,
) -> WorkerOptions:
    return {
        "wait": not once,
        "name": name or "khabar-worker",
        "concurrency": settings.worker_concurrency,
        "additional_context": {"runtime": rt},
        "update_heartbeat_interval": settings.worker_heartbeat_seconds,
        "stalled_worker_timeout": settings.worker_stalled_seconds,
        "install_signal_handlers": signals and not once,
        # in one process finished jobs would pile up in memory; their outcome is recorded
        "delete_jobs": "never" if shared_queue(settings) else "successful",
        "fetch_job_polling_interval": 1.0,
    }
