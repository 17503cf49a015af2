"""The psycopg connection of app/store/timeouts.py, whose every wait on the server is
bounded."""

from __future__ import annotations

from typing import Any

import psycopg


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
