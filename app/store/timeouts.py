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

import psycopg
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


class BoundedConnection(psycopg.Connection[Any]):
    """A psycopg connection whose every wait on the server ends after `io_timeout`."""

    io_timeout: float | None = None

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        try:
            return super().wait(gen, interval, timeout if timeout is not None else self.io_timeout)
        except psycopg.OperationalError as exc:
            if type(exc).__name__ != "_WaitTimeout":
                raise
            self.close()  # mid-protocol: the connection cannot be used again
            raise psycopg.OperationalError(
                f"the database did not answer within {self.io_timeout:g} s"
            ) from None


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
    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> BoundedConnection:
        connection = BoundedConnection.connect(*cargs, **cparams)
        connection.io_timeout = timeouts.client
        return connection
