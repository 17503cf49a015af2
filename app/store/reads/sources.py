"""Outlets with how many articles the archive holds from each."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.reads.paging import bounded_count


def list_sources(*, session: Session, limit: int) -> v.Page[v.SourceItem]:
    """Most articles first. Names are normalized at ingest: one outlet is one row."""
    n = func.count(m.Article.id).label("n")
    query = (
        select(m.Source.id, m.Source.name, n, func.max(m.Article.published_at).label("last"))
        .outerjoin(m.Article, m.Article.source_id == m.Source.id)
        .group_by(m.Source.id, m.Source.name)
    )
    total = bounded_count(session, query)
    rows = session.execute(query.order_by(n.desc(), m.Source.id).limit(limit)).all()
    items = [
        v.SourceItem(id=i, name=name, article_count=count, last_published_at=last)
        for i, name, count, last in rows
    ]
    return v.Page[v.SourceItem](items=items, next_cursor=None, total=total)
