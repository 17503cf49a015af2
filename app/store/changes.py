"""Telling, without a round trip per request, that nothing was committed since an answer was
read (PostgreSQL).

Each request of the front used to ask the server for its page's article versions: with the
pool's ping, the BEGIN and the ROLLBACK of the connection's return, four or five round trips
and a thread-pool hop, and each woke a backend that shares the cores with the server.
Instead, a statement-level trigger on every table that a kept answer shows calls
pg_notify(CHANNEL) (migration 0012). PostgreSQL sends a notification only when, and after,
its transaction commits, to every session then LISTENing.

`Changes` keeps one such session and a generation: an answer read from the database while
the generation was g may be given again while it is still g. The generation moves
- at each notification: a commit by any connection, this process's included;
- at `wrote`: a write through this process (the API calls it before a write's answer goes
  out, since its own notification may still be on its way);
- when the listening connection is made, and when it is lost: whatever was read before
  counts for nothing.
`current()` is None while there is no listening connection (starting, lost, reconnecting)
or while it holds input not read yet (a notification on its way to the event loop);
`listening()` says the first apart from the second, with the time input began to wait, so
the API can keep serving for a bounded time while a notice is on its way (app/api/front.py).
The listener runs on the event loop, so generation, connection and poll change in one
thread.

Since migration 0014 a notice says what its statement changed (`Scopes`): the articles
("a<id>"), the entities and resolutions whose lists of articles changed ("e<id>", "r<id>"),
"A" when an outlet was renamed or removed (its articles' items show its name), "*" for any
other row, "!" for everything; and a statement that touched no row says nothing.
`touched` tells an answer that depends on some scopes only (a list, an article) whether a
move since it was read concerns it, and since when: the moves are logged, with their time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import select
import time
from collections import deque
from typing import Any

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

CHANNEL = "khabar_changes"
TRIGGER = "khabar_changes"
FUNCTION = "khabar_notify_change"
# Bookkeeping of feeds, fetches and jobs: no kept answer shows them, and the pollers write
# them often. Every other table is watched (tests/store/test_changes.py holds new ones to it).
UNWATCHED = frozenset({"alembic_version", "feeds", "hosts", "job_outcomes"})
# The scopes a notice names (above). A table with no scope of its own says OTHER. An
# article's row changes with its item and its detail (app/store/reads/versions.py).
ARTICLE, ENTITY, RESOLUTION = "a", "e", "r"
ITEMS, OTHER, EVERYTHING = "A", "*", "!"
_SCOPED = {
    "articles": (ARTICLE, "id", ""),
    "article_entities": (ENTITY, "entity_id", ""),
    "entities": (ENTITY, "id", ""),
    "article_resolutions": (RESOLUTION, "resolution_id", ""),
    "resolutions": (RESOLUTION, "id", ""),
    "sources": (OTHER, "", ITEMS),  # an outlet's name is in its articles' items
}
EVENTS = ("INSERT", "UPDATE", "DELETE", "TRUNCATE")
PAYLOAD_MAX = 7000  # PostgreSQL refuses a payload of 8,000 bytes or more
Scopes = frozenset[str]
# What an answer depends on: some scopes, or None for any change at all.
Depends = Scopes | None
MOVES_KEPT = 4096  # an answer last checked further back is read again


def scope_of(table: str) -> tuple[str, str, str]:
    """The trigger's arguments for `table` (migration 0014): the scope letter, the column
    of its id ('' for none), the token its updates and deletes add ('' for none)."""
    return _SCOPED.get(table, (OTHER, "", ""))


def scopes_of(payload: str) -> Scopes:
    """A notice's scopes; an empty payload (0012's triggers) says everything."""
    return frozenset(payload.split(",")) if payload else frozenset({EVERYTHING})


def concerns(scopes: Scopes, depends: Depends) -> bool:
    return depends is None or EVERYTHING in scopes or not depends.isdisjoint(scopes)


# A connection cut off without a word (no FIN, no RST) is noticed within ~11 s.
KEEPALIVE: dict[str, Any] = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
}


def conninfo(url: str) -> str:
    """libpq's URI of a SQLAlchemy URL (postgresql+psycopg://... -> postgresql://...)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class Changes:
    def __init__(self, url: str, *, retry_seconds: float = 1.0, connect_timeout: int = 2) -> None:
        self._conninfo = conninfo(url)
        self.retry_seconds = retry_seconds
        self.connect_timeout = connect_timeout
        self.generation = 0
        # (generation, monotonic time, scopes; None: a write here or the connection made or
        # lost, after which nothing read before counts)
        self.moves: deque[tuple[int, float, Scopes | None]] = deque(maxlen=MOVES_KEPT)
        self._poll: Any = None  # select.poll of the listening socket, None when not listening
        self._task: asyncio.Task[None] | None = None
        self._listened = False  # since the last loss
        self._unread_since: float | None = None

    def current(self) -> int | None:
        """The generation, or None when a commit may have gone unseen (above)."""
        poll = self._poll
        if poll is None or poll.poll(0):
            return None
        return self.generation

    def listening(self) -> tuple[int, float | None] | None:
        """The generation, and since when input not read yet (a notice on its way to the
        loop) has waited on the listening socket (None: none waits); None while nobody
        listens. What was read at that generation is kept by it; the notice, once read,
        says whether it concerns it."""
        poll = self._poll
        if poll is None:
            return None
        if not poll.poll(0):
            self._unread_since = None
        elif self._unread_since is None:
            self._unread_since = time.monotonic()
        return self.generation, self._unread_since

    def wrote(self) -> None:
        self._move(None)

    def touched(self, after: int, depends: Depends) -> float | None:
        """For an answer that held at generation `after`: None when no move since concerns
        it; else the monotonic time of the first that did (-inf: a move after which it
        counts for nothing, or one no longer logged)."""
        first = None
        for generation, at, scopes in reversed(self.moves):
            if generation <= after:
                return first
            if scopes is None:
                return -math.inf
            if concerns(scopes, depends):
                first = at
        logged = after >= self.generation or (bool(self.moves) and self.moves[0][0] == after + 1)
        return first if logged else -math.inf

    def _move(self, scopes: Scopes | None) -> None:
        self._unread_since = None
        self.generation += 1
        self.moves.append((self.generation, time.monotonic(), scopes))

    async def start(self) -> None:
        """Listen from now on, in a task of the running loop; `current()` is None until
        the connection is made."""
        if self._task is None:
            self._task = asyncio.create_task(self._listen_forever(), name="khabar changes")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _listen_forever(self) -> None:
        said = False  # one warning per loss, not one per retry while the server is away
        while True:
            try:
                await self._listen()
            except Exception as exc:  # lost or refused: kept answers count for nothing
                if not said or self._listened:
                    log.warning("change notices lost (%s); answers are read again", exc)
                said = True
            finally:
                self._lost()
            await asyncio.sleep(self.retry_seconds)

    async def _listen(self) -> None:
        import psycopg  # only PostgreSQL needs it

        connection = await psycopg.AsyncConnection.connect(
            self._conninfo, autocommit=True, connect_timeout=self.connect_timeout, **KEEPALIVE
        )
        async with connection:
            await connection.execute(f"LISTEN {CHANNEL}")
            poll = select.poll()
            poll.register(connection.pgconn.socket, select.POLLIN)
            self._move(None)  # commits before the LISTEN were never notified here
            self._poll = poll
            self._listened = True
            async for notice in connection.notifies():
                self._move(scopes_of(notice.payload))
        raise ConnectionError("the listening connection ended")

    def _lost(self) -> None:
        self._poll = None
        self._listened = False
        self._move(None)
