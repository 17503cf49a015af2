"""The benchmark archive: synthetic article files (bench/archive.py) ingested by the real
`khabar migrate` and `khabar ingest --workers N`, once per size and engine, then reused.

SQLite archives live in bench/.cache/archive-<n>.db; PostgreSQL ones in a database
khabar_bench_<n> beside the one KHABAR_BENCH_POSTGRES_URL names."""

from __future__ import annotations

import hashlib
import logging
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.store import models as m
from app.store.base import Base
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
    # CPU seconds of `khabar ingest` and its workers: on a shared machine the wall clock
    # mostly measures waiting for a core.
    ingest_cpu_seconds: float | None = None


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
    if engine == "postgresql" and _stored(archive_url("sqlite", count)) >= count:
        copy_from_sqlite(archive_url("sqlite", count), url)
        return Built(url, _stored(url), None)
    if engine == "sqlite":
        Path(make_url(url).database or "").unlink(missing_ok=True)
    seconds, cpu = ingest(url, build_files(count), workers)
    _settle(url)
    return Built(url, _stored(url), seconds, cpu)


def ingest(url: str, folder: Path, workers: int) -> tuple[float, float]:
    """`khabar migrate` then `khabar ingest`: wall seconds and CPU seconds of the ingest."""
    env = {**os.environ, "KHABAR_DATABASE_URL": url, "KHABAR_LOG_LEVEL": "WARNING"}
    khabar = str(Path(sys.executable).parent / "khabar")
    subprocess.run([khabar, "migrate"], env=env, check=True, capture_output=True)
    began, cpu = time.perf_counter(), _children_cpu()
    command = [khabar, "ingest", "--workers", str(workers), str(folder)]
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - began, _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


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


def copy_from_sqlite(source: str, target: str) -> None:
    """The same rows in PostgreSQL as in a SQLite archive, as the issue compared them:
    ingesting on this shared machine takes most of an hour. Ids are kept; sequences are
    moved past them."""
    _create_database(target)
    env = {**os.environ, "KHABAR_DATABASE_URL": target, "KHABAR_LOG_LEVEL": "WARNING"}
    khabar = str(Path(sys.executable).parent / "khabar")
    subprocess.run([khabar, "migrate"], env=env, check=True, capture_output=True)
    reader, writer = create_engine(source), create_engine(target)
    tables = Base.metadata.sorted_tables
    with reader.connect() as rows_in, writer.begin() as rows_out:
        for table in reversed(tables):
            rows_out.execute(table.delete())
        for table in tables:
            result = rows_in.execution_options(stream_results=True).execute(table.select())
            for chunk in result.mappings().partitions(5000):
                rows_out.execute(table.insert(), [dict(row) for row in chunk])
            if "id" in table.c:
                rows_out.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM {table.name}), 1))"
                    )
                )
    reader.dispose()
    writer.dispose()
    _settle(target)
