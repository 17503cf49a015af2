"""The resolution list as the ORM built it: the specification app.store.reads.resolutions
is held to, byte for byte (test_resolution_list_json). Kept with the tests: the service
never runs it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, case, func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_offset_cursor, encode_offset_cursor
from app.store.reads.paging import bounded_count
from app.store.typing import AnySelect

UNKNOWN = "unknown"


def _item_fields(row: Any, shared: dict[int, int]) -> dict[str, Any]:
    r: m.Resolution = row[0]
    return {
        "body": r.body,
        "number": r.number,
        "year": r.year,
        "title": r.title,
        "article_count": row.articles - shared.get(r.id, 0),
        "citation_count": int(row.citations),
        "session": r.un_session or None,
    }


def list_resolutions(
    *,
    session: Session,
    body: str | None,
    limit: int,
    cursor: str | None,
    symbol: tuple[int | None, int] | None = None,
) -> v.Page[v.ResolutionItem]:
    """Most cited first (citations, then id). `symbol` is (session, number)."""
    query = merged_rows()
    if body:
        query = query.where(m.Resolution.body == body)
    if symbol:
        un_session, number = symbol
        query = query.where(
            m.Resolution.number == number, m.Resolution.un_session == (un_session or 0)
        )
    total = bounded_count(session, query)
    if cursor:
        last_n, last_id = decode_offset_cursor(cursor)
        cited = query.selected_columns.citations
        query = query.where(tuple_(-cited, m.Resolution.id) > tuple_(-last_n, int(last_id)))
    order = (query.selected_columns.citations.desc(), m.Resolution.id)
    rows_list = session.execute(query.order_by(*order).limit(limit + 1)).all()
    shared = shared_articles(session, rows_list[:limit])
    items = [v.ResolutionItem(**_item_fields(row, shared)) for row in rows_list[:limit]]
    last = rows_list[limit - 1] if len(rows_list) > limit else None
    next_cursor = encode_offset_cursor(int(last.citations), str(last[0].id)) if last else None
    return v.Page[v.ResolutionItem](items=items, next_cursor=next_cursor, total=total)


def merged_rows() -> AnySelect:
    """Every resolution row with its family's counts; an `unknown` row that folds into a
    known one is left out. `articles` still counts an article citing both twice: see
    `shared_articles`."""
    r = m.Resolution
    vague = r.body == UNKNOWN
    # one row per (number, session) at most for each body: the unique constraint
    siblings = (
        select(
            r.number,
            r.un_session,
            func.count(case((~vague, 1))).label("known"),
            func.max(case((vague, r.id))).label("vague_id"),
            func.max(case((vague, r.article_count))).label("vague_articles"),
            func.max(case((vague, r.citation_count))).label("vague_citations"),
        )
        .group_by(r.number, r.un_session)
        .subquery()
    )
    folds = and_(~vague, siblings.c.known == 1, siblings.c.vague_id.is_not(None))
    return (
        select(
            r,
            (r.article_count + case((folds, siblings.c.vague_articles), else_=0)).label("articles"),
            (r.citation_count + case((folds, siblings.c.vague_citations), else_=0)).label(
                "citations"
            ),
            case((folds, siblings.c.vague_id)).label("vague_id"),
        )
        .join(siblings, and_(siblings.c.number == r.number, siblings.c.un_session == r.un_session))
        .where(or_(~vague, siblings.c.known != 1))
    )


def shared_articles(session: Session, rows: Sequence[Any]) -> dict[int, int]:
    """Articles citing a row both with its body and without, by row id: one statement for
    the page, whatever it holds."""
    pairs = [(row[0].id, row.vague_id) for row in rows if row.vague_id is not None]
    known, vague = aliased(m.ArticleResolution), aliased(m.ArticleResolution)
    query = (
        select(known.resolution_id, func.count())
        .join(vague, vague.article_id == known.article_id)
        .where(tuple_(known.resolution_id, vague.resolution_id).in_(pairs))
        .group_by(known.resolution_id)
    )
    return {int(rid): int(n) for rid, n in session.execute(query)}
