"""The entity page, the entity list with its type-ahead and the resolution list in their
common form, recognized from the raw scope as app/api/hot.py recognizes the article lists:
/entities/{id} with no query, /entities with `limit`, `cursor` and `q` (percent-escaped, as
a browser sends Arabic), /resolutions with `limit` and `cursor`.

Through the stack each cost ~2.7-3 ms of CPU for a read of well under 1 ms (a dozen rows of
counts kept at ingest): the middleware layers, the router, FastAPI's parameter solving, an
ORM session and a thread-pool hop. Anything unusual passes on to the routes, which answer
it, errors included; so the front's answer is one the route would give."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote_to_bytes

from sqlalchemy import Dialect
from starlette.types import Scope

from app.api.hot import DEFAULT_LIMIT, VALUES, Found, Hot, link_next
from app.store.reads.entities import driver_list_entities
from app.store.reads.entity_page import driver_entity_page_json
from app.store.reads.resolutions import driver_list_resolutions

_ENTITY = re.compile(r"/entities/([1-9][0-9]{0,8})")
_Q_MAX = 200  # the route's max_length


def match_page(scope: Scope) -> Hot | None:
    path: str = scope["path"]
    if path == "/entities":
        return _entity_list(scope)
    if path == "/resolutions":
        return _resolution_list(scope)
    found = _ENTITY.fullmatch(path)
    if found and not scope["query_string"]:
        return _entity_page(int(found[1]))
    return None


def _entity_page(entity_id: int) -> Hot:
    def read(dbapi: Any, dialect: Dialect) -> Found:
        return Found(driver_entity_page_json(dbapi, dialect, entity_id))  # 404: the route's

    return Hot("/entities/{entity_id}", read)


def _entity_list(scope: Scope) -> Hot | None:
    pairs = _query(scope["query_string"], ("limit", "cursor", "q"))
    if pairs is None:
        return None
    given = dict(pairs)
    limit = int(given.get("limit", DEFAULT_LIMIT))

    def read(dbapi: Any, dialect: Dialect) -> Found:
        page = driver_list_entities(
            dbapi, dialect, q=given.get("q"), limit=limit, cursor=given.get("cursor")
        )
        return Found(page.model_dump_json().encode(), link_next(scope, pairs, page.next_cursor))

    return Hot("/entities", read)


def _resolution_list(scope: Scope) -> Hot | None:
    pairs = _query(scope["query_string"], ("limit", "cursor"))
    if pairs is None:
        return None
    given = dict(pairs)
    limit = int(given.get("limit", DEFAULT_LIMIT))

    def read(dbapi: Any, dialect: Dialect) -> Found:
        page = driver_list_resolutions(dbapi, dialect, limit=limit, cursor=given.get("cursor"))
        return Found(page.model_dump_json().encode(), link_next(scope, pairs, page.next_cursor))

    return Hot("/resolutions", read)


def _query(query: bytes, names: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """The parameters, decoded, when each is one of `names`, given once and well formed;
    else None. Only q's value may be escaped: it is read as the route reads it (UTF-8,
    "+" a space), and passed on when it is not strict UTF-8, is empty or too long."""
    if not query:
        return []
    pairs: list[tuple[str, str]] = []
    for part in query.decode("latin-1").split("&"):
        name, equals, value = part.partition("=")
        if not equals or name not in names or any(name == n for n, _ in pairs):
            return None
        if name == "q":
            text = _decoded(value)
            if text is None:
                return None
            pairs.append((name, text))
        elif VALUES[name].fullmatch(value):
            pairs.append((name, value))
        else:
            return None
    return pairs


def _decoded(value: str) -> str | None:
    try:
        text = unquote_to_bytes(value.replace("+", " ")).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if 0 < len(text) <= _Q_MAX and text.isprintable() else None
