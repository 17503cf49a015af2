"""Article lists (keyset pages, newest first, served by an index) and one article whole."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import exists, func, literal_column, select, tuple_
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_cursor, encode_cursor
from app.store.search import matches
from app.store.typing import AnySelect
from app.text.normalize import normalize

TOTAL_CAP = 1_000


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    entity_ids: list[int] | None = None
    resolution_ids: list[int] | None = None
    source: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    q: str | None = None
    newest_first: bool = True


def list_articles(
    *, session: Session, filters: ArticleFilters, limit: int, cursor: str | None
) -> v.Page[v.ArticleItem]:
    if filters.entity_ids == [] or filters.resolution_ids == []:
        return v.Page[v.ArticleItem](items=[], next_cursor=None, total=0)
    query, sort_col, id_col = _driven_query(filters)
    query = _apply_filters(session, query, filters, sort_col)
    total = None if filters.q else _bounded_count(session, query)
    if cursor:
        key = tuple_(sort_col, id_col)
        after = tuple_(*decode_cursor(cursor))
        query = query.where(key < after if filters.newest_first else key > after)
    order = (sort_col.desc(), id_col.desc()) if filters.newest_first else (sort_col, id_col)
    rows = session.execute(query.order_by(*order).limit(limit + 1)).all()
    items = [_item(row) for row in rows[:limit]]
    next_cursor = (
        encode_cursor(rows[limit - 1].sort_at, rows[limit - 1].id) if len(rows) > limit else None
    )
    return v.Page[v.ArticleItem](items=items, next_cursor=next_cursor, total=total)


def _bounded_count(session: Session, query: AnySelect) -> int | None:
    """Exact up to TOTAL_CAP matches, else None: counting 60,000 rows for every page would
    cost more than the page itself."""
    capped = query.with_only_columns(literal_column("1")).limit(TOTAL_CAP + 1).subquery()
    n = session.scalar(select(func.count()).select_from(capped)) or 0
    return n if n <= TOTAL_CAP else None


def _driven_query(filters: ArticleFilters) -> tuple[AnySelect, Any, Any]:
    """Walk the (entity|resolution, sort_at, article_id) index when one actor or resolution
    is asked for, so a page costs the same for an actor in 40 articles or in 60,000."""
    columns = (
        m.Article.id,
        m.Article.title,
        m.Article.published_at,
        m.Article.url,
        m.Article.language,
        m.Article.timezone,
        m.Source.name.label("outlet"),
    )
    if filters.entity_ids and len(filters.entity_ids) == 1:
        link = m.ArticleEntity
        query = select(*columns, link.sort_at).join(m.Article, m.Article.id == link.article_id)
        query = query.where(link.entity_id == filters.entity_ids[0])
        sort_col, id_col = link.sort_at, link.article_id
    elif filters.resolution_ids and len(filters.resolution_ids) == 1 and not filters.entity_ids:
        res = m.ArticleResolution
        query = select(*columns, res.sort_at).join(m.Article, m.Article.id == res.article_id)
        query = query.where(res.resolution_id == filters.resolution_ids[0])
        sort_col, id_col = res.sort_at, res.article_id
    else:
        query = select(*columns, m.Article.sort_at)
        sort_col, id_col = m.Article.sort_at, m.Article.id
    return query.outerjoin(m.Source, m.Source.id == m.Article.source_id), sort_col, id_col


def _apply_filters(
    session: Session, query: AnySelect, filters: ArticleFilters, sort_col: Any
) -> AnySelect:
    if filters.entity_ids and len(filters.entity_ids) > 1:
        query = query.where(
            exists().where(
                m.ArticleEntity.article_id == m.Article.id,
                m.ArticleEntity.entity_id.in_(filters.entity_ids),
            )
        )
    if filters.resolution_ids and (len(filters.resolution_ids) > 1 or filters.entity_ids):
        query = query.where(
            exists().where(
                m.ArticleResolution.article_id == m.Article.id,
                m.ArticleResolution.resolution_id.in_(filters.resolution_ids),
            )
        )
    if filters.source:
        query = query.where(m.Source.normalized_name == normalize(filters.source))
    if filters.date_from:
        query = query.where(sort_col >= filters.date_from)
    if filters.date_to:
        query = query.where(sort_col < filters.date_to)
    if filters.q:
        query = query.where(matches(session, filters.q))
    return query


def _item(row: Any) -> v.ArticleItem:
    return v.ArticleItem(
        id=row.id,
        title=row.title,
        published_at=v.local_time(row.published_at, row.timezone),
        outlet=row.outlet,
        url=row.url,
        language=row.language,
    )
