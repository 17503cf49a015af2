"""The benchmark archive: synthetic article files (bench/archive.py) ingested by the real
`khabar migrate` and `khabar ingest --workers N`, once per size and engine, then reused.

SQLite archives live in bench/.cache/archive-<n>.db; PostgreSQL ones in a database
khabar_bench_<n> beside the one KHABAR_BENCH_POSTGRES_URL names."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.store import models as m
from bench.archive import CACHE, build_files

log = logging.getLogger(__name__)
PG_URL = os.environ.get(
    "KHABAR_BENCH_POSTGRES_URL", "postgresql+psycopg://root@127.0.0.1:5432/test"
)


@dataclass(frozen=True, slots=True)
class Built:
    url: str
    articles: int
    ingest_seconds: float | None  # None when the archive was reused


def archive_url(engine: str, count: int) -> str:
    """Named after the schema too: an archive of an older schema is built again."""
    name = f"archive-{count}-{_schema()}"
    if engine == "sqlite":
        return f"sqlite:///{CACHE / f'{name}.db'}"
    database = "khabar_bench_" + name.replace("-", "_")
    return make_url(PG_URL).set(database=database).render_as_string(False)


def _schema() -> str:
    versions = Path(__file__).resolve().parents[1] / "migrations" / "versions"
    names = "\n".join(sorted(p.name for p in versions.glob("*.py")))
    return hashlib.sha256(names.encode()).hexdigest()[:8]


def build(engine: str, count: int, *, workers: int = 2) -> Built:
    url = archive_url(engine, count)
    if engine == "postgresql":
        _create_database(url)
    stored = _stored(url)
    if stored >= count:
        return Built(url, stored, None)
    if engine == "sqlite":
        Path(make_url(url).database or "").unlink(missing_ok=True)
    folder = build_files(count)
    env = {**os.environ, "KHABAR_DATABASE_URL": url, "KHABAR_LOG_LEVEL": "WARNING"}
    khabar = str(Path(sys.executable).parent / "khabar")
    subprocess.run([khabar, "migrate"], env=env, check=True, capture_output=True)
    began = time.perf_counter()
    subprocess.run([khabar, "ingest", "--workers", str(workers), str(folder)], env=env, check=True)
    seconds = time.perf_counter() - began
    _settle(url)
    return Built(url, _stored(url), seconds)


def _stored(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(m.Article)) or 0
    except Exception:
        return 0  # no database or no schema yet
    finally:
        engine.dispose()


def _settle(url: str) -> None:
    """A steady archive: WAL checkpointed, planner statistics fresh."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
            connection.execute(text("ANALYZE"))
        else:
            connection.execute(text("VACUUM ANALYZE"))
    engine.dispose()


def _create_database(url: str, template: str | None = None) -> None:
    name = make_url(url).database
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if exists and template:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        if not exists or template:
            copy = f' TEMPLATE "{template}"' if template else ""
            connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    admin.dispose()
