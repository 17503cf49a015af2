"""Fault test on PostgreSQL: a private server this test starts (initdb and pg_ctl in a temp
folder, another port; as the postgres user when run as root, since initdb refuses root) is
frozen with SIGSTOP, then stopped, under a bounded load. Every response comes within the
configured bound, 503 while the server is away, and the app recovers without a restart,
never leaving a partial article."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, func, select, text

from app.config import Settings
from app.main import create_app
from app.store import models as m
from app.store.migrate import upgrade

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.postgres,
    # connections cut off mid-answer are closed by the pool; psycopg notes it at collection
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]
KEY = "fault-test-key-0123456789"
STATEMENT, CONNECT = 1.0, 2
BOUND = STATEMENT + 1 + CONNECT + 1  # client wait + a new connection's timeout + a second
STORY = "قال وزير الخارجية إن الحل السياسي في سوريا يمر عبر تطبيق القرار 2254 كاملا. " * 3


def _bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    def __init__(self, bindir: Path, folder: Path, port: int) -> None:
        self.bindir, self.data, self.port = bindir, folder / "data", port
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, tool: str, *args: str) -> None:
        command = [*self.as_user, str(self.bindir / tool), *args]
        subprocess.run(command, check=True, capture_output=True, timeout=60)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data.parent} -c listen_addresses=127.0.0.1"
        log = str(self.data.parent / "log")
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def processes(self) -> list[int]:
        """The postmaster and its children (backends, checkpointer...)."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = [
            int(entry.name)
            for entry in Path("/proc").iterdir()
            if entry.name.isdigit() and _ppid(entry) == postmaster
        ]
        return [postmaster, *children]

    def signal(self, sig: signal.Signals) -> None:
        for pid in self.processes():
            with contextlib.suppress(ProcessLookupError):  # a backend that just ended
                os.kill(pid, sig)


def _ppid(entry: Path) -> int | None:
    try:
        for line in (entry / "status").read_text().splitlines():
            if line.startswith("PPid:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    bindir = _bin()
    if bindir is None or (shutil.which("runuser") is None and os.geteuid() == 0):
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    folder = Path(tempfile.mkdtemp(prefix="khabar-fault-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
    node = Cluster(bindir, folder, _free_port())
    node.run("initdb", "-D", str(node.data), "-A", "trust", "-U", "khabar", "--no-sync")
    node.start()
    try:
        yield node
    finally:
        subprocess.run(
            [
                *node.as_user,
                str(bindir / "pg_ctl"),
                "-D",
                str(node.data),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)


async def _load(client: httpx.AsyncClient, rounds: int = 2) -> list[tuple[int, float]]:
    """A bounded load: a few concurrent reads, each timed."""

    async def one(path: str) -> tuple[int, float]:
        started = time.monotonic()
        response = await client.get(path)
        return response.status_code, time.monotonic() - started

    paths = ["/entities", "/articles", "/ready", "/statements"] * rounds
    return list(await asyncio.gather(*(one(path) for path in paths)))


async def _recovered(client: httpx.AsyncClient) -> bool:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if all(status == 200 for status, _ in await _load(client, 1)):
            return True
        await asyncio.sleep(0.5)
    return False


async def test_frozen_then_stopped_database(cluster: Cluster) -> None:
    admin = f"postgresql+psycopg://khabar@127.0.0.1:{cluster.port}/postgres"
    url = f"postgresql+psycopg://khabar@127.0.0.1:{cluster.port}/fault"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text("CREATE DATABASE fault"))
    admin_engine.dispose()
    upgrade(url)
    settings = Settings(
        database_url=url,
        api_keys=[KEY],
        db_statement_timeout_seconds=STATEMENT,
        db_connect_timeout_seconds=CONNECT,
        db_pool_timeout_seconds=1,
        db_pool_size=4,
    )
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://k.test") as client:
        assert all(status == 200 for status, _ in await _load(client))

        cluster.signal(signal.SIGSTOP)  # up, but answering nothing
        try:
            document = {"title": "خبر كتب في أثناء التجميد", "body": STORY}
            post = client.post("/articles", json=document, headers={"X-API-Key": KEY})
            started = time.monotonic()
            results, posted = await asyncio.gather(_load(client), post)
            assert posted.status_code == 503
            assert time.monotonic() - started < BOUND + 2
            for status, took in results:
                assert status == 503
                assert took < BOUND
        finally:
            cluster.signal(signal.SIGCONT)
        assert await _recovered(client)

        cluster.stop()
        for status, took in await _load(client):
            assert status == 503
            assert took < BOUND
        cluster.start()
        assert await _recovered(client)

    engine = create_engine(url)
    with engine.connect() as conn:
        partial = select(func.count()).where(m.Article.title == document["title"])
        assert conn.scalar(partial) == 0  # the POST during the freeze left nothing behind
    engine.dispose()
    app.state.engine.dispose()
    gc.collect()  # connections the pool dropped mid-answer are finalized here, under the mark
