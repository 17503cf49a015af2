"""The most read pages, one entity's or one resolution's articles by date with no other
filter, from statements built once with bind parameters.

Building a select per request and generating its cache key was a fifth of such a page;
these statements are Core (table columns, no ORM entity), built at first use, compiled once
per dialect and run on the session's DBAPI connection (SQLAlchemy's execution context and
result rows were a tenth of such a request; app/store/reads/driver.py). Every other filter
combination goes by the general path."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import Dialect, Integer, LargeBinary, Select, bindparam, cast, select, tuple_
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads.article_query import ArticleFilters
from app.store.reads.driver import DriverPlan, driver_plan, fetch_raw, row_shape
from app.store.reads.versions import VERSION_COLUMNS


class Link(StrEnum):
    ENTITY = "entity"
    RESOLUTION = "resolution"


@dataclass(frozen=True, slots=True)
class SoleLink:
    link: Link
    row_id: int


def sole_link(filters: ArticleFilters) -> SoleLink | None:
    """The one entity or resolution `filters` ask for, when nothing else narrows them."""
    if filters.nothing or filters.source_ids is not None or filters.kinds:
        return None
    if len(filters.entity_ids) == 1 and filters.resolution_ids is None:
        rest = ArticleFilters(entity_ids=filters.entity_ids, entity_op=filters.entity_op)
        link, row_id = Link.ENTITY, filters.entity_ids[0]
    elif not filters.entity_ids and filters.resolution_ids and len(filters.resolution_ids) == 1:
        rest = ArticleFilters(
            resolution_ids=filters.resolution_ids, resolution_symbols=filters.resolution_symbols
        )
        link, row_id = Link.RESOLUTION, filters.resolution_ids[0]
    else:
        return None
    return SoleLink(link, row_id) if filters == rest else None


_ARTICLES = m.Article.__table__.c
_SOURCES = m.Source.__table__.c
_COLUMNS = (
    _ARTICLES.id,
    _ARTICLES.title,
    _ARTICLES.published_at,
    _ARTICLES.timezone,
    _ARTICLES.utc_offset,
    _ARTICLES.url,
    _ARTICLES.language,
    _ARTICLES.byline_place,
    _SOURCES.name.label("outlet"),
    _ARTICLES.item_json,
)


@cache
def _page_statement(link: Link, newest: bool, after: bool, blob_items: bool = False) -> Select[Any]:
    """`blob_items`: item_json read as the bytes SQLite keeps (a BLOB cast), which the page
    splices in as they are: decoding each item to text and encoding it again was a third
    of the query's CPU. PostgreSQL would read a text cast to bytea as escapes: text there."""
    columns = _COLUMNS if not blob_items else (*_COLUMNS[:-1], _blob_items())
    query = _paged(select(*columns), link, newest, after)
    return query.outerjoin(m.Source.__table__, _SOURCES.id == _ARTICLES.source_id)


@cache
def _version_statement(link: Link, after: bool) -> Select[Any]:
    """A page newest first as its articles' versions (app/store/reads/versions.py): ids,
    `updated_at` and `source_id`, no article column to decode (a third of the full page's
    statement)."""
    query = select(*(_ARTICLES[name] for name in VERSION_COLUMNS))
    return _paged(query, link, True, after)


def _paged(query: Select[Any], link: Link, newest: bool, after: bool) -> Select[Any]:
    """`query` on the link's rows of one entity or resolution (`lead`), `size` of them from
    the cursor (`after_at`, `after_id`), then `link_total` and the link's sort_at last."""
    table = (m.ArticleEntity if link is Link.ENTITY else m.ArticleResolution).__table__
    lead = table.c.entity_id if link is Link.ENTITY else table.c.resolution_id
    sort_at, article_id = table.c.sort_at, table.c.article_id
    total = _count_statement(link).scalar_subquery().label("link_total")
    query = (
        query.add_columns(total, sort_at)
        .select_from(table)
        .join(m.Article.__table__, _ARTICLES.id == article_id)
        .where(lead == bindparam("lead"))
    )
    if after:
        key = tuple_(sort_at, article_id)
        bound = tuple_(
            bindparam("after_at", type_=sort_at.type), bindparam("after_id", type_=Integer)
        )
        query = query.where(key < bound if newest else key > bound)
    order = (sort_at.desc(), article_id.desc()) if newest else (sort_at, article_id)
    return query.order_by(*order).limit(bindparam("size", type_=Integer))


def _blob_items() -> Any:
    return cast(_ARTICLES.item_json, LargeBinary).label("item_json")


# The page's columns with item_json as SQLite's bytes: search's front reads the same (its
# items share the heads written from them).
BLOB_COLUMNS = (*_COLUMNS[:-1], _blob_items())


@cache
def _item_statement(blob_items: bool) -> Select[Any]:
    """One article's list columns (as the page's), then its version: `updated_at`,
    `source_id`."""
    columns = _COLUMNS if not blob_items else (*_COLUMNS[:-1], _blob_items())
    return (
        select(*columns, _ARTICLES.updated_at, _ARTICLES.source_id)
        .select_from(m.Article.__table__)
        .outerjoin(m.Source.__table__, _SOURCES.id == _ARTICLES.source_id)
        .where(_ARTICLES.id == bindparam("article"))
    )


@cache
def _count_statement(link: Link) -> Select[Any]:
    table = (m.Entity if link is Link.ENTITY else m.Resolution).__table__
    return select(table.c.article_count).where(table.c.id == bindparam("lead"))


def link_rows(
    session: Session,
    sole: SoleLink,
    *,
    newest: bool,
    after: tuple[datetime, int] | None,
    size: int,
) -> list[Any]:
    """Up to `size` rows: PAGE_COLUMNS' names (item_json as bytes on SQLite), `link_total`
    (the counter link_count reads, one statement fewer), then the link's sort_at last."""
    connection = session.connection()
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    plan, found = raw_link_rows(
        dbapi, connection.dialect, sole, newest=newest, after=after, size=size
    )
    make = row_shape(plan.names)
    return [make(plan.row(values)) for values in found]


def raw_link_rows(
    dbapi_connection: Any,
    dialect: Dialect,
    sole: SoleLink,
    *,
    newest: bool,
    after: tuple[datetime, int] | None,
    size: int,
) -> tuple[DriverPlan, list[tuple[Any, ...]]]:
    """link_rows on a DB-API connection of the engine's pool, with no session around it:
    the rows as the driver returns them, with the plan that converts them."""
    params = _page_params(sole, after, size)
    key = ("link page", sole.link, newest, after is not None)
    blob = dialect.name == "sqlite"
    plan = driver_plan(
        dialect, key, lambda: _page_statement(sole.link, newest, after is not None, blob)
    )
    return plan, fetch_raw(dbapi_connection, dialect, plan, params)


def _page_params(sole: SoleLink, after: tuple[datetime, int] | None, size: int) -> dict[str, Any]:
    params: dict[str, Any] = {"lead": sole.row_id, "size": size}
    if after is not None:
        params |= {"after_at": after[0], "after_id": after[1]}
    return params


def link_count(session: Session, sole: SoleLink) -> int:
    """The counter kept at ingest: the entity's or resolution's number of articles."""
    found = session.connection().scalar(_count_statement(sole.link), {"lead": sole.row_id})
    return int(found or 0)


def raw_link_versions(
    dbapi_connection: Any,
    dialect: Dialect,
    sole: SoleLink,
    *,
    after: tuple[datetime, int] | None,
    size: int,
) -> tuple[DriverPlan, list[tuple[Any, ...]]]:
    """Up to `size` rows of a page newest first, as the driver returns them: `id`,
    `updated_at`, `source_id`, `link_total`, `sort_at`."""
    params = _page_params(sole, after, size)
    key = ("link versions", sole.link, after is not None)
    plan = driver_plan(dialect, key, lambda: _version_statement(sole.link, after is not None))
    return plan, fetch_raw(dbapi_connection, dialect, plan, params)


def raw_item_row(
    dbapi_connection: Any, dialect: Dialect, article_id: int
) -> tuple[DriverPlan, tuple[Any, ...] | None]:
    """One article's row as a page reads it (item_json as bytes on SQLite), then
    `updated_at` and `source_id`; None when there is no such article."""
    blob = dialect.name == "sqlite"
    plan = driver_plan(dialect, ("list item", blob), lambda: _item_statement(blob))
    found = fetch_raw(dbapi_connection, dialect, plan, {"article": article_id})
    return plan, found[0] if found else None
