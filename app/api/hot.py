"""The most requested GETs in their common form, recognized from the raw scope: /health, one
entity's or one resolution's articles (/articles?entity=, ?resolution=,
/entities/{id}/articles) and one article with its default fields.

`match` says how to answer such a request without Starlette's router, FastAPI's parameter
solving or an ORM session, or None for anything else: a parameter this module does not
read, one written unusually (percent-escapes, repeats, leading zeros, names rather than
ids), an entity not yet seen to exist. Those go to the routes, which answer everything,
errors included; so a request either gets the answer a route would give or is one of them.
The reads themselves are store functions on a DB-API connection (app/store)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote_to_bytes, urlencode

from sqlalchemy import Dialect
from starlette.datastructures import URL
from starlette.types import Scope

from app.api.routes.health import HEALTH_BODY
from app.store.changes import ARTICLE, ENTITY, ITEMS, Depends
from app.store.cursor import CURSOR_PATTERN
from app.store.lookup import KnownEntities, driver_resolution_ids
from app.store.reads.articles import driver_link_page_json
from app.store.reads.detail_json import driver_article_json
from app.store.reads.link_pages import Link, SoleLink
from app.store.reads.versions import Kept, VersionCache

JSON = (b"content-type", b"application/json")
_ID = r"[1-9][0-9]{0,8}"  # below the INT32 ids' bound; no leading zero
VALUES = {
    "entity": re.compile(_ID),
    "resolution": re.compile(r"[1-9][0-9]{0,5}"),  # a bare number, as SYMBOL_PATTERN bounds it
    "cursor": re.compile(CURSOR_PATTERN.strip("^$")),
    "limit": re.compile(r"[1-9][0-9]?|100"),
}
# What urlencode leaves as it is: the names and values `VALUES` lets through, and cursors.
_UNESCAPED = re.compile(r"[A-Za-z0-9_.~=&-]*")
_DETAIL = re.compile(rf"/articles/({_ID})")
_ENTITY_ARTICLES = re.compile(rf"/entities/({_ID})/articles")
DEFAULT_LIMIT = 20
_Q_MAX = 200  # the routes' max_length of q

Read = Callable[[Any, Dialect], "Found | None"]


@dataclass(frozen=True, slots=True)
class Found:
    body: bytes
    link: bytes | None = None  # the Link header's value
    shown: tuple[int, ...] = ()  # the articles it shows, when it depends on them alone


@dataclass(frozen=True, slots=True)
class Hot:
    template: str  # the route's path, as metrics name it
    read: Read | None  # None: a body known beforehand
    body: bytes = b""
    # The change scopes its answer shows (app/store/changes.py); None: any change.
    depends: Depends = None

    @property
    def tagged(self) -> bool:
        """Answered with an ETag (every read; /health is not)."""
        return self.read is not None


HEALTH = Hot("/health", None, HEALTH_BODY)


def match(scope: Scope, known: KnownEntities, kept: Kept) -> Hot | None:
    """`kept`: the list items and details kept for this app's database."""
    path: str = scope["path"]
    if path == "/health":
        return HEALTH
    if path == "/articles":
        return _article_list(scope, known, kept.items)
    found = _DETAIL.fullmatch(path)
    if found:
        return _detail(scope, int(found[1]), kept.details)
    found = _ENTITY_ARTICLES.fullmatch(path)
    if found and int(found[1]) in known:
        pairs = query_pairs(scope["query_string"], ("cursor", "limit"))
        if pairs is not None:
            sole = SoleLink(Link.ENTITY, int(found[1]))
            read = _list_read(scope, pairs, lambda *_: sole, kept.items)
            return Hot("/entities/{entity_id}/articles", read, depends=_listing(sole.row_id))
    return None


def _article_list(scope: Scope, known: KnownEntities, items: VersionCache) -> Hot | None:
    pairs = query_pairs(scope["query_string"], ("entity", "resolution", "cursor", "limit"))
    if pairs is None:
        return None
    given = dict(pairs)
    if ("entity" in given) == ("resolution" in given):
        return None
    if "entity" in given:
        if int(given["entity"]) not in known:
            return None  # the route looks it up, and remembers it
        sole = SoleLink(Link.ENTITY, int(given["entity"]))
        read = _list_read(scope, pairs, lambda *_: sole, items)
        return Hot("/articles", read, depends=_listing(sole.row_id))
    number = int(given["resolution"])

    def resolution(dbapi: Any, dialect: Dialect) -> SoleLink | None:
        ids = driver_resolution_ids(dbapi, dialect, number)
        return SoleLink(Link.RESOLUTION, ids[0]) if len(ids) == 1 else None

    return Hot("/articles", _list_read(scope, pairs, resolution, items))


def _list_read(
    scope: Scope,
    pairs: list[tuple[str, str]],
    link: Callable[[Any, Dialect], SoleLink | None],
    items: VersionCache,
) -> Read:
    given = dict(pairs)
    limit = int(given.get("limit", DEFAULT_LIMIT))

    def read(dbapi: Any, dialect: Dialect) -> Found | None:
        sole = link(dbapi, dialect)
        if sole is None:
            return None
        page = driver_link_page_json(
            dbapi, dialect, sole, cursor=given.get("cursor"), limit=limit, items=items
        )
        if page is None:
            return None
        return Found(page.body, link_next(scope, pairs, page.next_cursor), page.shown)

    return read


def _detail(scope: Scope, article_id: int, details: VersionCache) -> Hot | None:
    if scope["query_string"]:
        return None

    def read(dbapi: Any, dialect: Dialect) -> Found:
        return Found(driver_article_json(dbapi, dialect, article_id, details))

    # Every change of a detail rewrites its article's row (app/store/reads/versions.py).
    return Hot("/articles/{article_id}", read, depends=frozenset({f"{ARTICLE}{article_id}"}))


def _listing(entity_id: int) -> Depends:
    """An entity's articles: its links and counter, the outlets' names, and the rows of
    the articles a page shows (`depends`). A resolution's page depends on every change:
    its number is looked up among the resolutions first."""
    return frozenset({f"{ENTITY}{entity_id}", ITEMS})


def depends(hot: Hot, found: Found) -> Depends:
    """What the answer `found` to `hot` shows."""
    if hot.depends is None or not found.shown:
        return hot.depends
    return hot.depends | {f"{ARTICLE}{article_id}" for article_id in found.shown}


def query_pairs(query: bytes, names: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """The query's parameters when each is one of `names`, given once and well formed; else
    None. Only q's value may be escaped: it is read as the route reads it (UTF-8, "+" a
    space), and passed on when it is not strict UTF-8, is empty or too long. The others
    must match `VALUES`, which no escape, "+" or space does."""
    if not query:
        return []
    pairs: list[tuple[str, str]] = []
    for part in query.decode("latin-1").split("&"):
        name, equals, value = part.partition("=")
        if not equals or name not in names or any(name == n for n, _ in pairs):
            return None
        text = _decoded(value) if name == "q" else value
        if text is None or (name != "q" and not VALUES[name].fullmatch(text)):
            return None
        pairs.append((name, text))
    return pairs


def _decoded(value: str) -> str | None:
    try:
        text = unquote_to_bytes(value.replace("+", " ")).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if 0 < len(text) <= _Q_MAX and text.isprintable() else None


def link_next(scope: Scope, pairs: list[tuple[str, str]], next_cursor: str | None) -> bytes | None:
    """The Link header app/api/routes/common.py's link_next writes: Starlette's URL of the
    request, its query replaced (for these fixed paths, the URL without a query, then it)."""
    if not next_cursor:
        return None
    kept = [(k, v) for k, v in pairs if k != "cursor"]
    query = "&".join(f"{k}={v}" for k, v in [*kept, ("cursor", next_cursor)])
    if not _UNESCAPED.fullmatch(query):  # as urlencode would write it, so never here
        query = urlencode([*kept, ("cursor", next_cursor)])
    return f'<{_url_base(scope)}?{query}>; rel="next"'.encode("latin-1")


_BASES: dict[tuple[Any, ...], str] = {}
_MAX_BASES = 256  # the Host header is the client's: a bounded few are kept


def _url_base(scope: Scope) -> str:
    host = next((v for k, v in scope["headers"] if k == b"host"), None)
    # A list in some servers' scopes (Starlette's TestClient): unhashable, which made every
    # page with a next link pass on to the routes there.
    server = tuple(scope.get("server") or ())
    key = (scope.get("scheme"), server, host, scope.get("root_path"), scope["path"])
    base = _BASES.get(key)
    if base is None:
        base = str(URL(scope={**scope, "query_string": b""}))
        if len(_BASES) < _MAX_BASES:
            _BASES[key] = base
    return base
