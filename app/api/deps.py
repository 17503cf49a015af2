"""Request-scoped dependencies: one session per request, the API key check.

The dependencies are `async def` on purpose: FastAPI runs a sync dependency in the thread
pool, and a sync generator twice (enter and exit), each hop costing as much as a small
read. Opening a session does no I/O (it connects at its first query, inside the route's
own thread hop); ending a read one is a COMMIT of nothing, cheap enough for the event loop.
Writes commit in the thread pool, since a commit may wait on the write lock."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.errors import Forbidden, Unauthorized
from app.store.db import open_session

# Set by the front (app/api/front.py) when its own read found the database down: the route
# then answers the same 503 at once rather than wait on the database a second time.
DATABASE_DOWN = "khabar.database_down"


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_session(request: Request) -> AsyncIterator[Session]:
    """Commit when the route returns, roll back when it raises. Reads go to the read
    replica when one is configured."""
    down = request.scope.get(DATABASE_DOWN)
    if down is not None:
        raise down
    factory: sessionmaker[Session] = request.app.state.read_session_factory
    session = open_session(factory, write=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


async def get_write_session(request: Request) -> AsyncIterator[Session]:
    factory: sessionmaker[Session] = request.app.state.session_factory
    session = open_session(factory, write=True)
    try:
        yield session
        await run_in_threadpool(session.commit)
    except BaseException:
        await run_in_threadpool(session.rollback)
        raise
    finally:
        await run_in_threadpool(session.close)


# scope="function": commit before the response is sent, so a failed commit is reported
# to the client instead of after a 2xx has already gone out.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
WriteSessionDep = Annotated[Session, Depends(get_write_session, scope="function")]
# scope="request": the session outlives the route, for a response streamed after it returns.
StreamSessionDep = Annotated[Session, Depends(get_session, scope="request")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


async def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="A key from KHABAR_API_KEYS.")] = None,
) -> None:
    if not x_api_key:
        raise Unauthorized("send an API key in the X-API-Key header")
    if not any(hmac.compare_digest(x_api_key.encode(), k.encode()) for k in settings.api_keys):
        raise Forbidden("the API key is not valid")


ApiKeyDep = Depends(require_api_key)
