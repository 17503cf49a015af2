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

from sqlalchemy import Dialect
from starlette.types import Scope

from app.api.hot import DEFAULT_LIMIT, Found, Hot, link_next, query_pairs
from app.store.reads.entities import driver_list_entities
from app.store.reads.entity_page import driver_entity_page_json
from app.store.reads.resolutions import driver_list_resolutions

_ENTITY = re.compile(r"/entities/([1-9][0-9]{0,8})")


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
    pairs = query_pairs(scope["query_string"], ("limit", "cursor", "q"))
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
    pairs = query_pairs(scope["query_string"], ("limit", "cursor"))
    if pairs is None:
        return None
    given = dict(pairs)
    limit = int(given.get("limit", DEFAULT_LIMIT))

    def read(dbapi: Any, dialect: Dialect) -> Found:
        page = driver_list_resolutions(dbapi, dialect, limit=limit, cursor=given.get("cursor"))
        return Found(page.model_dump_json().encode(), link_next(scope, pairs, page.next_cursor))

    return Hot("/resolutions", read)
