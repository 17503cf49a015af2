"""Request-scoped dependencies: one session per request, the API key check."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.errors import Forbidden, Unauthorized
from app.store.db import unit_of_work


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    yield from _session(request, write=False)


def get_write_session(request: Request) -> Iterator[Session]:
    yield from _session(request, write=True)


def _session(request: Request, *, write: bool) -> Iterator[Session]:
    """Commit when the route returns, roll back when it raises."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    with unit_of_work(factory, write=write) as session:
        yield session


# scope="function": commit before the response is sent, so a failed commit is reported
# to the client instead of after a 2xx has already gone out.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
WriteSessionDep = Annotated[Session, Depends(get_write_session, scope="function")]
# scope="request": the session outlives the route, for a response streamed after it returns.
StreamSessionDep = Annotated[Session, Depends(get_session, scope="request")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="A key from KHABAR_API_KEYS.")] = None,
) -> None:
    if not x_api_key:
        raise Unauthorized("send an API key in the X-API-Key header")
    if not any(hmac.compare_digest(x_api_key.encode(), k.encode()) for k in settings.api_keys):
        raise Forbidden("the API key is not valid")


ApiKeyDep = Depends(require_api_key)
