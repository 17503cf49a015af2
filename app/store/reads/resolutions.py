"""UN resolutions with how often the archive cites them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from app.errors import InvalidParameter, NotFound
from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_offset_cursor, encode_offset_cursor
from app.store.typing import AnySelect


def _counted() -> AnySelect:
    """Counts kept at ingest by app/store/counters.py."""
    return select(
        m.Resolution,
        m.Resolution.article_count.label("articles"),
        m.Resolution.citation_count.label("citations"),
    )


def _item(row: Any) -> v.ResolutionItem:
    r: m.Resolution = row[0]
    return v.ResolutionItem(
        body=r.body,
        number=r.number,
        year=r.year,
        title=r.title,
        article_count=row.articles,
        citation_count=int(row.citations),
        session=r.un_session or None,
    )


def list_resolutions(
    *, session: Session, body: str | None, limit: int, cursor: str | None
) -> v.Page[v.ResolutionItem]:
    query = _counted()
    if body:
        query = query.where(m.Resolution.body == body)
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    articles = m.Resolution.article_count
    if cursor:
        last_n, last_id = decode_offset_cursor(cursor)
        query = query.where(tuple_(-articles, m.Resolution.id) > tuple_(-last_n, int(last_id)))
    rows = session.execute(query.order_by(articles.desc(), m.Resolution.id).limit(limit + 1)).all()
    items = [_item(row) for row in rows[:limit]]
    next_cursor = (
        encode_offset_cursor(rows[limit - 1].articles, str(rows[limit - 1][0].id))
        if len(rows) > limit
        else None
    )
    return v.Page(items=items, next_cursor=next_cursor, total=total)


def get_resolution(
    *, session: Session, number: int, body: str | None, un_session: int | None = None
) -> tuple[int, v.ResolutionItem]:
    """The resolution's row id and figures; a number two bodies share needs `body`."""
    query = _counted().where(m.Resolution.number == number)
    query = query.where(m.Resolution.un_session == (un_session or 0))
    if body:
        query = query.where(m.Resolution.body == body)
    rows = session.execute(query).all()
    if not rows:
        where = f" of {body}" if body else ""
        symbol = f"{un_session}/{number}" if un_session else str(number)
        raise NotFound(f"no resolution {symbol}{where} is cited in the archive")
    if len(rows) > 1:
        bodies = ", ".join(sorted(row[0].body for row in rows))
        raise InvalidParameter(
            f"resolution {number} exists for several bodies ({bodies}); pass body"
        )
    return rows[0][0].id, _item(rows[0])
