"""Entities seen together (co-occurrence counts) and the type-ahead over every alias word."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Row, func, select, tuple_
from sqlalchemy.orm import Session, aliased

from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_offset_cursor, encode_offset_cursor
from app.store.reads.paging import bounded_count
from app.store.reads.refs import entity_ref
from app.text.normalize import collapse_spaces, normalize

_LAST_CHAR = "\U0010ffff"


def related_entities(
    *,
    session: Session,
    entity_id: int,
    kind: str | None = None,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> v.Page[v.Related]:
    """Entities named in the same articles, most shared articles first."""
    if date_from is None and date_to is None:
        return _related_counted(session, entity_id, kind, limit, cursor)
    mine = aliased(m.ArticleEntity)
    other = aliased(m.ArticleEntity)
    n = func.count().label("n")
    query = (
        select(m.Entity, n)
        .select_from(mine)
        .join(other, other.article_id == mine.article_id)
        .join(m.Entity, m.Entity.id == other.entity_id)
        .where(mine.entity_id == entity_id, other.entity_id != entity_id)
        .group_by(m.Entity.id)
    )
    if kind:
        query = query.where(m.Entity.kind == kind)
    if date_from:
        query = query.where(mine.sort_at >= date_from)
    if date_to:
        query = query.where(mine.sort_at < date_to)
    total = bounded_count(session, query)
    if cursor:
        last_n, last_id = decode_offset_cursor(cursor)
        query = query.having(tuple_(-func.count(), m.Entity.id) > tuple_(-last_n, int(last_id)))
    rows = session.execute(query.order_by(n.desc(), m.Entity.id).limit(limit + 1)).all()
    return _related_page(rows, limit, total)


def _related_counted(
    session: Session, entity_id: int, kind: str | None, limit: int, cursor: str | None
) -> v.Page[v.Related]:
    """The same, over the whole archive: read from the pair counts kept at ingest."""
    pair = m.EntityPair
    query = (
        select(m.Entity, pair.article_count)
        .join(m.Entity, m.Entity.id == pair.other_id)
        .where(pair.entity_id == entity_id)
    )
    if kind:
        query = query.where(m.Entity.kind == kind)
    total = bounded_count(session, query)
    if cursor:
        last_n, last_id = decode_offset_cursor(cursor)
        query = query.where(
            tuple_(-pair.article_count, m.Entity.id) > tuple_(-last_n, int(last_id))
        )
    order = (pair.article_count.desc(), m.Entity.id)
    rows = session.execute(query.order_by(*order).limit(limit + 1)).all()
    return _related_page(rows, limit, total)


def _related_page(
    rows: Sequence[Row[m.Entity, int]], limit: int, total: int | None
) -> v.Page[v.Related]:
    items = [v.Related(entity=entity_ref(e), count=c) for e, c in rows[:limit]]
    last = items[-1] if len(rows) > limit else None
    next_cursor = encode_offset_cursor(last.count, str(last.entity.id)) if last else None
    return v.Page[v.Related](items=items, next_cursor=next_cursor, total=total)


def suggest_entities(
    *, session: Session, prefix: str, kind: str | None, limit: int
) -> v.Page[v.Suggestion]:
    """Entities with a word of an alias (Arabic or English) starting with `prefix`, most
    written about first."""
    start = normalize(collapse_spaces(prefix))
    if not start:
        return v.Page[v.Suggestion](items=[], next_cursor=None, total=0)
    words = m.EntityWord
    matched = (
        select(words.entity_id, func.min(words.alias).label("matched"))
        .where(words.word >= start, words.word < start + _LAST_CHAR)
        .group_by(words.entity_id)
        .subquery()
    )
    n = m.Entity.article_count  # kept at ingest by app/store/counters.py
    query = select(m.Entity, matched.c.matched, n).join(matched, matched.c.entity_id == m.Entity.id)
    if kind:
        query = query.where(m.Entity.kind == kind)
    # One page only (no cursor): `total` tells the client how many more a longer prefix hides.
    total = bounded_count(session, query)
    rows = session.execute(query.order_by(n.desc(), m.Entity.id).limit(limit)).all()
    items = [
        v.Suggestion(**entity_ref(e).model_dump(), article_count=count, matched=alias)
        for e, alias, count in rows
    ]
    return v.Page[v.Suggestion](items=items, next_cursor=None, total=total)
