"""Four `khabar worker` processes on PostgreSQL share a feed of 200 teasers: every
article is stored once, no job is lost, and the jobs of a worker killed mid-run are
taken up by the others once its heartbeat stops."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.config import Settings
from app.store.db import make_engine
from app.store.sources import SourceSpec, add_source
from bench.outlets import outlet_server, slow, static

ROOT = Path(__file__).resolve().parents[2]
ITEMS = 200
DEADLINE = 120.0  # seconds; about 15 on an idle two-core machine, more when it is shared


def start_worker(settings: Settings, name: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "KHABAR_DATABASE_URL": settings.database_url,
        "KHABAR_FETCH_ALLOWED_HOSTS": "127.0.0.1",
        "KHABAR_HOST_DELAY_SECONDS": "0",
        "KHABAR_WORKER_HEARTBEAT_SECONDS": "1",
        "KHABAR_WORKER_STALLED_SECONDS": "4",
        "KHABAR_SCHEDULER_SECONDS": "1",
        "KHABAR_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "app.cli", "worker", "--name", name]
    return subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)


def states(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT status, count(*) FROM procrastinate_jobs GROUP BY status")
        )
        found = {str(status): int(n) for status, n in rows}
    found["articles"] = scalar(engine, "SELECT count(*) FROM articles")
    return found


def scalar(engine: Engine, sql: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(sql)).scalar() or 0)


def test_four_workers_store_every_article_once_though_one_is_killed(
    job_settings: Settings,
) -> None:
    if make_url(job_settings.database_url).get_backend_name() != "postgresql":
        pytest.skip("workers share a queue on PostgreSQL; on SQLite it lives in one process")
    engine = make_engine(job_settings.database_url)
    with outlet_server() as outlet:
        outlet.add_feed("/feed.rss", ITEMS)
        for n in range(1, ITEMS + 1):  # slow pages: a worker is always in the middle of jobs
            outlet.routes[f"/news/{n}.html"] = slow(outlet.routes[f"/news/{n}.html"], 0.1)
        outlet.routes["/robots.txt"] = static(b"User-agent: *\nAllow: /\n", "text/plain")
        with Session(engine) as session, session.begin():
            add_source(
                session, SourceSpec(name="وكالة الاختبار", feeds=[f"{outlet.base}/feed.rss"])
            )

        workers = [start_worker(job_settings, f"w{i}") for i in range(4)]
        try:
            deadline = time.monotonic() + DEADLINE
            while scalar(engine, "SELECT count(*) FROM articles") < ITEMS // 4:
                assert time.monotonic() < deadline, "the workers did not get going"
                time.sleep(0.1)
            workers[0].send_signal(signal.SIGKILL)  # no chance to finish or give back its jobs
            workers[0].wait()
            while (
                scalar(
                    engine,
                    "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')",
                )
                or scalar(engine, "SELECT count(*) FROM articles") < ITEMS
            ):
                assert time.monotonic() < deadline, f"jobs left undone: {states(engine)}"
                time.sleep(0.2)
        finally:
            for worker in workers[1:]:
                worker.send_signal(signal.SIGTERM)
            for worker in workers[1:]:
                try:
                    worker.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    worker.kill()

        assert scalar(engine, "SELECT count(*) FROM articles") == ITEMS
        assert scalar(engine, "SELECT count(DISTINCT url) FROM articles") == ITEMS
        # one poll and a job per page; a worker whose heartbeat came late on a busy machine
        # may see its job run again, which stores nothing twice but may queue a page again
        jobs = "SELECT count(*) FROM procrastinate_jobs"
        assert scalar(engine, jobs) >= ITEMS + 1
        assert scalar(engine, jobs + " WHERE status <> 'succeeded'") == 0
        retried = "SELECT count(*) FROM procrastinate_events WHERE type = 'deferred_for_retry'"
        assert scalar(engine, retried) >= 1  # the killed worker's jobs, run again
        assert all(outlet.hits(f"/news/{n}.html") for n in range(1, ITEMS + 1))
    engine.dispose()
