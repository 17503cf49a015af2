"""Who said what across the archive, newest article first, by keyset."""

from __future__ import annotations

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_cursor, encode_cursor
from app.store.reads.article_detail import statement_view


def list_statements(
    *, session: Session, speaker_ids: list[int] | None, limit: int, cursor: str | None
) -> v.Page[v.Statement]:
    if speaker_ids == []:
        return v.Page[v.Statement](items=[], next_cursor=None, total=0)
    query = (
        select(m.Statement, m.Entity, m.Article.sort_at)
        .join(m.Article, m.Article.id == m.Statement.article_id)
        .outerjoin(m.Entity, m.Entity.id == m.Statement.speaker_id)
    )
    if speaker_ids:
        query = query.where(m.Statement.speaker_id.in_(speaker_ids))
    if cursor:
        query = query.where(
            tuple_(m.Article.sort_at, m.Statement.id) < tuple_(*decode_cursor(cursor))
        )
    rows = session.execute(
        query.order_by(m.Article.sort_at.desc(), m.Statement.id.desc()).limit(limit + 1)
    ).all()
    items = [statement_view(s, e) for s, e, _ in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    next_cursor = encode_cursor(last[2], last[0].id) if last is not None else None
    return v.Page[v.Statement](items=items, next_cursor=next_cursor)
