"""The first and last publication dates among the articles a link table points to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.store import models as m


def publication_span(
    session: Session,
    sort_at: InstrumentedAttribute[datetime],
    article_id: InstrumentedAttribute[int],
    where: ColumnElement[bool],
) -> tuple[datetime | None, datetime | None]:
    """An undated article sorts by when it was ingested, which is no publication date: it is
    skipped. Each end is a subquery of its own down the (key, sort_at) index, stopping at its
    first dated row (SQLite walks the whole range for min and max in one query)."""
    dated = (
        select(sort_at)
        .join(m.Article, m.Article.id == article_id)
        .where(where, m.Article.published_at.is_not(None))
        .limit(1)
    )
    ends = select(
        dated.order_by(sort_at).scalar_subquery(),
        dated.order_by(sort_at.desc()).scalar_subquery(),
    )
    first, last = session.execute(ends).one()
    return first, last
