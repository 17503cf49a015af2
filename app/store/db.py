"""Engine and sessions. Store functions only flush; the caller's unit of work commits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.store.timeouts import DbTimeouts, bound_postgres_waits, postgres_options

WRITE_OPTION = "khabar_write"


def make_engine(url: str, *, timeouts: DbTimeouts | None = None, **kwargs: Any) -> Engine:
    """An engine for `url`. With `timeouts` (the API's), no wait on the database is unbounded;
    without them (batch jobs, migrations), SQLite waits up to 30 s for its write lock."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        busy = timeouts.statement if timeouts else 30
        if timeouts and parsed.database not in (None, "", ":memory:"):
            kwargs |= {
                "pool_timeout": timeouts.pool,
                "pool_size": timeouts.pool_size,
                "max_overflow": timeouts.pool_size,
            }
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": busy}, **kwargs
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if timeouts is None:
        return create_engine(url, pool_pre_ping=True, **kwargs)
    engine = create_engine(url, pool_pre_ping=True, **postgres_options(timeouts) | kwargs)
    bound_postgres_waits(engine, timeouts)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not pysqlite, open transactions, so SAVEPOINTs nest for real.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """Writers take the write lock up front: a deferred transaction that read first and
    writes later fails at once if another writer committed in between (WAL snapshots)."""
    write = connection.get_execution_options().get(WRITE_OPTION, False)
    # On the driver's connection: through SQLAlchemy's execution context, a BEGIN cost a
    # third of a small read's database time.
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute("BEGIN IMMEDIATE" if write else "BEGIN")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=False)


def open_session(factory: sessionmaker[Session], *, write: bool) -> Session:
    """A session whose transaction starts at its first statement, as a writer if asked."""
    if not write:
        return factory()
    engine = factory.kw["bind"]
    return factory(bind=engine.execution_options(**{WRITE_OPTION: True}))


@contextmanager
def unit_of_work(factory: sessionmaker[Session], *, write: bool = True) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    session = open_session(factory, write=write)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
