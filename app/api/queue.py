"""The API's handle on the job queue, opened at the first request that needs it.

On PostgreSQL the API only queues jobs; `khabar worker` processes run them. On SQLite
the queue lives in this process, and so does its worker (and the scheduler of due feeds):
`make run` needs nothing more."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import procrastinate
from fastapi import FastAPI, Request
from procrastinate.exceptions import AlreadyEnqueued

from app.config import Settings
from app.jobs.queue import build_queue, every, schedule_due, shared_queue, worker_options
from app.jobs.runtime import Runtime


class QueueHandle:
    def __init__(self) -> None:
        self.queue: procrastinate.App | None = None
        self.lock = asyncio.Lock()
        self.tasks: list[asyncio.Task[Any]] = []
        self.runtime: Runtime | None = None

    async def open(self, app: FastAPI) -> procrastinate.App:
        async with self.lock:
            if self.queue is None:
                settings: Settings = app.state.settings
                self.runtime = Runtime.start(settings, engine=app.state.engine)
                queue = build_queue(settings, self.runtime)
                await queue.open_async()
                if not shared_queue(settings):
                    self._run_here(queue, settings, self.runtime)
                self.queue = queue
            return self.queue

    def _run_here(self, queue: procrastinate.App, settings: Settings, rt: Runtime) -> None:
        options = worker_options(settings, rt, once=False, signals=False)
        self.tasks = [
            asyncio.create_task(queue.run_worker_async(**options)),
            asyncio.create_task(every(settings.scheduler_seconds, lambda: schedule_due(queue, rt))),
        ]

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self.queue is not None:
            await self.queue.close_async()
        self.queue, self.tasks = None, []


def handle(app: FastAPI) -> QueueHandle:
    found: QueueHandle | None = getattr(app.state, "queue", None)
    if found is None:
        found = app.state.queue = QueueHandle()
    return found


async def open_queue(request: Request) -> procrastinate.App:
    return await handle(request.app).open(request.app)


async def defer(
    queue: procrastinate.App, task: str, lock: str | None, **arguments: Any
) -> int | None:
    """Queue a job; None when the same one (by lock) is queued already."""
    try:
        return await queue.configure_task(task, queueing_lock=lock).defer_async(**arguments)
    except AlreadyEnqueued:
        return None
