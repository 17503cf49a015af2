"""Bounded waits on the database, for both engines.

PostgreSQL: `connect_timeout` bounds a new connection, the server's `statement_timeout` a slow
query. Neither helps when the server is up but not answering (frozen, or a network that drops
packets): the kernel still accepts the connection and acknowledges the bytes, and the client
waits on the socket for ever. So every wait of a connection (query, commit, rollback, the pool's
ping) is also bounded on the client, one second past the statement timeout; a connection that
ran out of time is closed, which tells the pool to drop it and its idle siblings.
SQLite: the busy timeout bounds the wait for the write lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event

CLIENT_MARGIN_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class DbTimeouts:
    connect: int = 2  # seconds; libpq's minimum
    statement: float = 5.0
    pool: float = 2.0
    pool_size: int = 10

    @property
    def client(self) -> float:
        return self.statement + CLIENT_MARGIN_SECONDS


def postgres_options(timeouts: DbTimeouts) -> dict[str, Any]:
    statement_ms = int(timeouts.statement * 1000)
    return {
        "connect_args": {
            "connect_timeout": timeouts.connect,
            "options": f"-c statement_timeout={statement_ms} -c lock_timeout={statement_ms}",
        },
        "pool_timeout": timeouts.pool,
        "pool_size": timeouts.pool_size,
        "max_overflow": timeouts.pool_size,
    }


def bound_postgres_waits(engine: Engine, timeouts: DbTimeouts) -> None:
    # psycopg is imported when a PostgreSQL engine is made: a SQLite run never needs it
    from app.store.bounded import BoundedConnection

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> BoundedConnection:
        connection = BoundedConnection.connect(*cargs, **cparams)
        connection.io_timeout = timeouts.client
        return connection
