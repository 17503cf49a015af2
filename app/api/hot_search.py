"""/articles?q= and /search?q= in their common form (q, and optionally sort, limit, cursor
and one entity by id; default fields, no facets, no other filter) answered in front of the
stack (front.py) by app/store/reads/search_json.py. Anything else, or a read that has
nothing to say, goes to the routes, which answer everything, errors included.

The query string is parsed as Starlette parses it (percent-escapes, `+`), so `q` is the
text the route would see; a value the route's parameters would refuse or read differently
(a repeat, a `limit` written with a leading zero, an unknown `sort`) passes on."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Dialect
from starlette.datastructures import QueryParams
from starlette.types import Scope

from app.api.hot import VALUES, Found, Hot, link_next
from app.store.cursor import CURSOR_PATTERN
from app.store.reads.articles import Sort
from app.store.reads.search_json import driver_search_json

_DEFAULT_SORT = {"/articles": Sort.NEWEST, "/search": Sort.RELEVANCE}
_NAMES = frozenset({"q", "sort", "limit", "cursor", "entity"})
_LIMIT = re.compile(r"[1-9][0-9]?|100")
_CURSOR = re.compile(CURSOR_PATTERN)
_SORTS = {sort.value: sort for sort in Sort}
_Q_MAX = 200  # ArticleQuery.q's max_length


def match_search(scope: Scope) -> Hot | None:
    path: str = scope["path"]
    default = _DEFAULT_SORT.get(path)
    if default is None or b"q=" not in scope["query_string"]:
        return None
    pairs = QueryParams(scope["query_string"]).multi_items()
    given = dict(pairs)
    if len(given) != len(pairs) or not given.keys() <= _NAMES or "q" not in given:
        return None
    q = given["q"]
    sort = _SORTS.get(given.get("sort", default.value))
    limit, cursor = given.get("limit", "20"), given.get("cursor")
    if len(q) > _Q_MAX or not q.strip() or sort is None or not _LIMIT.fullmatch(limit):
        return None
    if cursor is not None and (len(cursor) > 200 or not _CURSOR.fullmatch(cursor)):
        return None
    # An id the routes read as one: an entity that does not exist matches nothing here,
    # and the routes answer for it.
    entity = given.get("entity")
    if entity is not None and not VALUES["entity"].fullmatch(entity):
        return None

    def read(dbapi: Any, dialect: Dialect) -> Found | None:
        page = driver_search_json(
            dbapi,
            dialect,
            q.strip(),
            sort=sort,
            limit=int(limit),
            cursor=cursor,
            entity=None if entity is None else int(entity),
        )
        if page is None:
            return None
        return Found(page.body, link_next(scope, pairs, page.next_cursor))

    return Hot(path, read)
