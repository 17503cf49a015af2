"""Entities, most written about first, with their article counts, by kind, Wikidata id or
the prefix of any spelling (one entity's page: app/store/reads/entity_page.py).

The statements are Core, built once per combination of filters with bind parameters and
run on the DBAPI cursor (app/store/reads/driver.py): through the ORM, building the select,
its count and an object per row cost several times the queries."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Dialect, Integer, bindparam, func, or_, select, tuple_
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_offset_cursor, encode_offset_cursor
from app.store.reads.driver import Rows, dbapi_rows, session_rows
from app.store.reads.entity_page import ENTITY_FIELDS, entity_fields
from app.store.reads.paging import TOTAL_CAP, capped_count
from app.store.typing import AnySelect
from app.text.normalize import collapse_spaces, normalize

_PAGE = v.Page[v.EntityItem]  # one parametrized class, not one per request
_ENTITY = m.Entity.__table__.c


def list_entities(
    *,
    session: Session,
    kind: str | None,
    q: str | None,
    wikidata: str | None = None,
    limit: int,
    cursor: str | None,
) -> v.Page[v.EntityItem]:
    return entity_list(session_rows(session), kind, q, wikidata, limit, cursor)


def driver_list_entities(
    dbapi_connection: Any, dialect: Dialect, *, q: str | None, limit: int, cursor: str | None
) -> v.Page[v.EntityItem]:
    """The same page read on a DB-API connection (app/api/front.py)."""
    return entity_list(dbapi_rows(dbapi_connection, dialect), None, q, None, limit, cursor)


def entity_list(
    rows_of: Rows,
    kind: str | None,
    q: str | None,
    wikidata: str | None,
    limit: int,
    cursor: str | None,
) -> v.Page[v.EntityItem]:
    where: dict[str, Any] = {}
    if kind:
        where["kind"] = kind
    if wikidata:
        where["wikidata"] = wikidata.upper()
    if q and (prefix := normalize(collapse_spaces(q))):
        where["prefix"], where["prefix_end"] = prefix, prefix + "\U0010ffff"
        where["english"] = _like_prefix(collapse_spaces(q).lower())
    page: dict[str, Any] = {"size": limit + 1}
    if cursor:
        last_n, last_id = decode_offset_cursor(cursor)
        page["after_n"], page["after_id"] = -last_n, int(last_id)
    shape = (bool(kind), bool(wikidata), "prefix" in where)
    rows = rows_of(_page_statement(*shape, bool(cursor)), where | page)
    n = rows[0].list_total if rows else rows_of(_count_statement(*shape), where)[0][0]
    items = [{**entity_fields(row), "article_count": row.article_count} for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = encode_offset_cursor(last.article_count, str(last.id)) if last else None
    total = n if n <= TOTAL_CAP else None
    return _PAGE.model_validate({"items": items, "next_cursor": next_cursor, "total": total})


def _like_prefix(text: str) -> str:
    """A LIKE pattern for strings starting with `text`, its wildcards escaped with "/"."""
    escaped = text.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return escaped + "%"


def _filtered(kind: bool, wikidata: bool, prefix: bool) -> AnySelect:
    columns = [_ENTITY[name] for name in ENTITY_FIELDS]
    # kept at ingest by app/store/counters.py
    query: AnySelect = select(*columns, _ENTITY.article_count)
    if kind:
        query = query.where(_ENTITY.kind == bindparam("kind"))
    if wikidata:
        query = query.where(_ENTITY.wikidata_id == bindparam("wikidata"))
    if prefix:
        alias = m.EntityAlias.__table__.c
        aliases = select(alias.entity_id).where(
            alias.normalized >= bindparam("prefix"), alias.normalized < bindparam("prefix_end")
        )
        # An English name is no alias (it never names the entity in Arabic text), but a
        # client typing "Syr" expects Syria.
        english = func.lower(_ENTITY.english_name).like(bindparam("english"), escape="/")
        query = query.where(or_(_ENTITY.id.in_(aliases), english))
    return query


@cache
def _count_statement(kind: bool, wikidata: bool, prefix: bool) -> AnySelect:
    return capped_count(_filtered(kind, wikidata, prefix))


@cache
def _page_statement(kind: bool, wikidata: bool, prefix: bool, after: bool) -> AnySelect:
    """The page's rows, each with the list's capped count (`list_total`): one statement
    for both unless the page is empty."""
    query = _filtered(kind, wikidata, prefix)
    total = _count_statement(kind, wikidata, prefix).scalar_subquery().label("list_total")
    n = _ENTITY.article_count
    if after:
        bound = tuple_(bindparam("after_n", type_=Integer), bindparam("after_id", type_=Integer))
        query = query.where(tuple_(-n, _ENTITY.id) > bound)
    query = query.add_columns(total).order_by(n.desc(), _ENTITY.id)
    return query.limit(bindparam("size", type_=Integer))
