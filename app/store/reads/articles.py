"""Article lists: keyset pages newest or oldest first, or offset pages by relevance to `q`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Dialect, null, select, tuple_
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.cursor import (
    decode_cursor,
    decode_offset_cursor,
    encode_cursor,
    encode_offset_cursor,
)
from app.store.reads.article_items import ITEM_FIELDS, build_items, item_bytes
from app.store.reads.article_query import ArticleFilters, filtered
from app.store.reads.driver import row_shape
from app.store.reads.facets import Toggle, facet_counts
from app.store.reads.link_pages import (
    SoleLink,
    link_count,
    link_rows,
    raw_item_row,
    raw_link_versions,
    sole_link,
)
from app.store.reads.paging import TOTAL_CAP, bounded_count
from app.store.reads.search_pages import (
    count_matches,
    date_page_matches,
    relevance_scores,
    serial_plan,
)
from app.store.reads.versions import VersionCache, item_from_row


class Sort(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    RELEVANCE = "relevance"


ROW_COLUMNS = (
    m.Article.id,
    m.Article.title,
    m.Article.published_at,
    m.Article.timezone,
    m.Article.utc_offset,
    m.Article.url,
    m.Article.language,
    m.Article.byline_place,
    m.Source.name.label("outlet"),
)
# A page by date reads each item's stored JSON with its rows; one of `q` sorts every match
# first, and item_json in the sort made it twice as slow: it fetches them after.
PAGE_COLUMNS = (*ROW_COLUMNS, m.Article.item_json)
SEARCH_COLUMNS = (*ROW_COLUMNS, null().label("item_json"))


@dataclass(frozen=True, slots=True)
class ListOptions:
    sort: Sort = Sort.NEWEST
    limit: int = 20
    cursor: str | None = None
    fields: frozenset[str] = ITEM_FIELDS
    facets: tuple[str, ...] = ()
    facet_size: int = 10
    toggle: Toggle | None = None


def list_articles(
    *, session: Session, filters: ArticleFilters, options: ListOptions | None = None
) -> v.ArticlePage:
    options = options or ListOptions()
    page = _page(session, filters, options)
    items = build_items(session, page.rows, options.fields, filters.q)
    return v.ArticlePage(
        items=items, next_cursor=page.next_cursor, total=page.total, facets=page.facets
    )


@dataclass(frozen=True, slots=True)
class JsonPage:
    body: bytes
    next_cursor: str | None
    shown: tuple[int, ...] = ()  # the ids of its articles, where the page's reader knows them


_EMPTY_ITEMS = b'{"items":[]'


def list_articles_json(
    *, session: Session, filters: ArticleFilters, options: ListOptions | None = None
) -> JsonPage:
    """`list_articles` as the JSON the API sends (unset fields left out), its items written
    from the stored JSON rather than validated into a model each."""
    options = options or ListOptions()
    page = _page(session, filters, options)
    items = item_bytes(session, page.rows, options.fields, filters.q)
    return JsonPage(_page_body([(item,) for item in items], page), page.next_cursor)


def page_json(
    items: Sequence[Sequence[bytes | memoryview]], next_cursor: str | None, total: int | None
) -> JsonPage:
    """A page of items already written, in the envelope of a list without facets."""
    return JsonPage(_page_body(items, _Rows([], next_cursor, total, None)), next_cursor)


def _page_body(items: Sequence[Sequence[bytes | memoryview]], page: _Rows) -> bytes:
    """The page's JSON: each item from its parts, the rest as the page's model writes it;
    joined once (a page of 20 items is tens of kilobytes)."""
    envelope = v.ArticlePage(
        items=[], next_cursor=page.next_cursor, total=page.total, facets=page.facets
    ).model_dump_json(exclude_unset=True)
    assert envelope.startswith(_EMPTY_ITEMS.decode()), "items is the page's first field"
    parts: list[bytes | memoryview] = [b'{"items":[']
    for n, item in enumerate(items):
        if n:
            parts.append(b",")
        parts.extend(item)
    parts += [b"]", envelope[len(_EMPTY_ITEMS) :].encode()]
    return b"".join(parts)


def driver_link_page_json(
    dbapi_connection: Any,
    dialect: Dialect,
    sole: SoleLink,
    *,
    cursor: str | None,
    limit: int,
    items: VersionCache,
) -> JsonPage | None:
    """`list_articles_json` of one entity's or resolution's articles, newest first, default
    fields, on a DB-API connection of the engine's pool: one statement reads the page's
    article versions, and each item is the one `items` keeps for that version or is
    written from its article's row. None when the page is empty or an item is not stored
    yet: the general path answers those (a count of its own, items read from the tables)."""
    after = decode_cursor(cursor) if cursor else None
    plan, found = raw_link_versions(dbapi_connection, dialect, sole, after=after, size=limit + 1)
    if not found:
        return None
    kept = items.get
    read = [
        kept(values[:3]) or _read_item(dbapi_connection, dialect, values[0], items)
        for values in found[:limit]
    ]
    parts = [item for item in read if item is not None]
    if len(parts) < len(read):
        return None
    last = plan.row(found[limit - 1]) if len(found) > limit else None
    next_cursor = encode_cursor(last[-1], last[0]) if last else None  # sort_at, id
    n = int(found[0][plan.names.index("link_total")])
    total = n if n <= TOTAL_CAP else None
    shown = tuple(values[0] for values in found[:limit])
    return JsonPage(b"".join(_joined_page(parts, next_cursor, total)), next_cursor, shown)


def _read_item(
    dbapi_connection: Any, dialect: Dialect, article_id: int, items: VersionCache
) -> bytes | None:
    plan, values = raw_item_row(dbapi_connection, dialect, article_id)
    if values is None:
        return None
    shape = row_shape(plan.names)
    at = plan.names.index("item_json")
    item = item_from_row(values, at, lambda row: shape(plan.row(row)))
    if item is not None:
        items.put(values[0:1] + values[-2:], item)  # id, updated_at, source_id
    return item


def _joined_page(items: list[bytes], next_cursor: str | None, total: int | None) -> list[bytes]:
    """The parts of the page's JSON, as ArticlePage writes it with no facets."""
    cursor = b"null" if next_cursor is None else to_json(next_cursor)
    count = b"null" if total is None else str(total).encode()
    tail = b'],"next_cursor":' + cursor + b',"total":' + count + b',"facets":null}'
    return [b'{"items":[', b",".join(items), tail]


@dataclass(frozen=True, slots=True)
class _Rows:
    rows: list[Any]
    next_cursor: str | None
    total: int | None
    facets: dict[str, list[v.FacetValue]] | None


def _page(session: Session, filters: ArticleFilters, options: ListOptions) -> _Rows:
    facets = (
        facet_counts(session=session, filters=filters, names=options.facets, options=options)
        if options.facets
        else None
    )
    if filters.empty:
        return _Rows([], None, 0, facets)
    few = _few_matches(session, filters)
    rows, next_cursor = _rows(session, filters, options, few)
    if few is None:
        return _Rows(rows, next_cursor, _total(session, filters, rows), facets)
    return _Rows(rows, next_cursor, len(few.ids) if few.ids is not None else None, facets)


def _rows(
    session: Session, filters: ArticleFilters, options: ListOptions, few: _Few | None
) -> tuple[list[Any], str | None]:
    if options.limit == 0:  # the total and facets alone: no row to read, no page after
        return [], None
    if options.sort == "relevance" and filters.q:
        return _by_relevance(session, filters, options, few)
    return _by_date(session, filters, options, few)


@dataclass(frozen=True, slots=True)
class _Few:
    """The ids matching a search on PostgreSQL, when at most TOTAL_CAP (else None)."""

    ids: list[int] | None


def _few_matches(session: Session, filters: ArticleFilters) -> _Few | None:
    """On PostgreSQL, a search first reads the ids of up to TOTAL_CAP + 1 matches, its
    total: when they are that few, the page sorts just them, where walking the date index
    and checking every article for a rare word read the whole archive (1.7 s at 100,000);
    when they are more, they are common enough for that walk to stop soon."""
    if not filters.q or _indexed_by_date(session):
        return None
    query = filtered(session, filters, m.Article.id).query.limit(TOTAL_CAP + 1)
    ids = list(session.scalars(query))
    return _Few(ids if len(ids) <= TOTAL_CAP else None)


def _total(session: Session, filters: ArticleFilters, rows: list[Any]) -> int | None:
    """An entity's or a resolution's articles, with no other filter, are counted at ingest:
    one row read instead of up to TOTAL_CAP counted, and read by the page's own query."""
    sole = sole_link(filters)
    if sole is None and filters.q and _indexed_by_date(session):
        return count_matches(session, filters)
    if sole is None:
        return bounded_count(session, filtered(session, filters, m.Article.id).query)
    n = int(rows[0].link_total) if rows else link_count(session, sole)
    return n if n <= TOTAL_CAP else None


def _by_date(
    session: Session, filters: ArticleFilters, options: ListOptions, few: _Few | None = None
) -> tuple[list[Any], str | None]:
    newest_first = options.sort != "oldest"
    after = decode_cursor(options.cursor) if options.cursor else None
    sole = sole_link(filters)
    if sole is not None:
        rows = link_rows(session, sole, newest=newest_first, after=after, size=options.limit + 1)
    else:
        rows = _filtered_rows(session, filters, newest_first, after, options.limit + 1, few)
    last = rows[options.limit - 1] if len(rows) > options.limit else None
    return list(rows[: options.limit]), (encode_cursor(last[-1], last.id) if last else None)


def _filtered_rows(
    session: Session,
    filters: ArticleFilters,
    newest_first: bool,
    after: tuple[datetime, int] | None,
    size: int,
    few: _Few | None = None,
) -> list[Any]:
    columns = SEARCH_COLUMNS if filters.q else PAGE_COLUMNS
    if filters.q and _indexed_by_date(session):
        # The full-text index finds the few matches that hold the page; the query below
        # sorts those exactly, as it sorts any list.
        held = date_page_matches(
            session, filters, newest_first=newest_first, limit=size - 1, after=after
        )
        found = filtered(session, replace(filters, q=None), *columns)
        found = replace(found, query=found.query.where(held))
    elif few is not None and few.ids is not None:
        found = filtered(session, replace(filters, q=None), *columns)
        found = replace(found, query=found.query.where(m.Article.id.in_(few.ids)))
    else:
        found = filtered(session, filters, *columns)
    query = found.query.outerjoin(m.Source, m.Source.id == m.Article.source_id)
    key = tuple_(found.sort_col, found.id_col)
    if after is not None:
        bound = tuple_(*after)
        query = query.where(key < bound if newest_first else key > bound)
    order = (
        (found.sort_col.desc(), found.id_col.desc())
        if newest_first
        else (found.sort_col, found.id_col)
    )
    return list(session.execute(query.order_by(*order).limit(size)).all())


def _by_relevance(
    session: Session, filters: ArticleFilters, options: ListOptions, few: _Few | None
) -> tuple[list[Any], str | None]:
    """Scores are floats that tie and move as the archive grows, so relevance pages by
    offset: deep pages of a search are rarely read."""
    assert filters.q
    offset = decode_offset_cursor(options.cursor)[0] if options.cursor else 0
    # Filtered, ranked and cut to the page before their articles are read.
    only = few.ids if few is not None else None
    scores = relevance_scores(session, filters, offset=offset, limit=options.limit + 1, only=only)
    query = (
        select(*SEARCH_COLUMNS)
        .select_from(m.Article)
        .join(scores, scores.c.article_id == m.Article.id)
        .outerjoin(m.Source, m.Source.id == m.Article.source_id)
        .order_by(scores.c.score.desc(), m.Article.id.desc())
    )
    with serial_plan(session):
        rows = session.execute(query).all()
    more = len(rows) > options.limit
    next_cursor = encode_offset_cursor(offset + options.limit) if more else None
    return list(rows[: options.limit]), next_cursor


def _indexed_by_date(session: Session) -> bool:
    """SQLite's full-text index is keyed by date (app.store.search); PostgreSQL's GIN is not."""
    return session.get_bind().dialect.name == "sqlite"


def iter_item_pages(
    *, session: Session, filters: ArticleFilters, fields: frozenset[str], batch: int = 100
) -> Iterator[list[bytes]]:
    """Every match, newest first, a keyset page at a time, each item's JSON as a list page
    writes it (`item_bytes`: the stored item spliced in, no model per row): memory stays
    that of one page. Pages of 100, not 500: wrk's 16 exports at once had taken the server
    from ~180 to ~300 MB (issue 9). A model per item had made an export ~4x the CPU (690
    items as JSON lines: 92-115 against 23-27 ms, issue 9)."""
    if filters.empty:
        return
    options = ListOptions(limit=batch, fields=fields)
    while True:
        rows, cursor = _by_date(session, filters, options)
        if rows:
            yield item_bytes(session, rows, fields, None)
        if cursor is None:
            return
        options = replace(options, cursor=cursor)
