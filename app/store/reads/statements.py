"""Who said what across the archive: newest article first, document order within one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, func, select, tuple_
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_cursor_skip, encode_cursor
from app.store.reads.paging import bounded_count
from app.store.reads.refs import article_ref, document_order, entity_ref, location
from app.store.search import matches


@dataclass(frozen=True, slots=True)
class StatementFilters:
    speaker_ids: tuple[int, ...] | None = None
    about_ids: tuple[int, ...] | None = None
    resolution_ids: tuple[int, ...] | None = None
    article_id: int | None = None
    q: str | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None

    @property
    def empty(self) -> bool:
        return () in (self.speaker_ids, self.about_ids, self.resolution_ids)


def _within(model: Any) -> list[Any]:
    """A located row inside the statement's span: what the statement is about."""
    return [
        model.article_id == m.Statement.article_id,
        model.part == m.Statement.part,
        model.part_index == m.Statement.part_index,
        model.start >= m.Statement.start,
        model.end <= m.Statement.end,
    ]


def _conditions(session: Session, f: StatementFilters) -> list[Any]:
    out: list[Any] = []
    if f.speaker_ids:
        out.append(m.Statement.speaker_id.in_(f.speaker_ids))
    if f.about_ids:
        out.append(exists().where(*_within(m.Mention), m.Mention.entity_id.in_(f.about_ids)))
    if f.resolution_ids:
        out.append(
            exists().where(*_within(m.Citation), m.Citation.resolution_id.in_(f.resolution_ids))
        )
    if f.article_id is not None:
        out.append(m.Statement.article_id == f.article_id)
    if f.q:
        out.append(matches(session, f.q))
    if f.date_from:
        out.append(m.Article.published_at >= f.date_from)
    if f.date_to:
        out.append(m.Article.published_at < f.date_to)
    return out


# A speaker with at least this many statements is read through the articles naming it,
# newest first (article_entities' (entity_id, sort_at, article_id) index; a speaker is one
# of its article's actors), each article's statements probed by its id: a page stops after
# limit + 1 of them. Sorting every statement of the most named actor (30,190 at 100,000
# articles) by its article's date cost 70-130 ms on SQLite; a speaker with fewer is sorted, as
# before, where a walk could pass many articles naming it without a statement of it.
DENSE_SPEAKER = 2_000


def list_statements(
    *, session: Session, filters: StatementFilters, limit: int, cursor: str | None
) -> v.Page[v.StatementItem]:
    """The cursor names the last article reached and how many of its statements were
    given, so an article's statements may span two pages in document order."""
    if filters.empty:
        return v.Page[v.StatementItem](items=[], next_cursor=None, total=0)
    query = (
        select(m.Statement, m.Entity, m.Article, m.Source.name)
        .join(m.Article, m.Article.id == m.Statement.article_id)
        .outerjoin(m.Source, m.Source.id == m.Article.source_id)
        .outerjoin(m.Entity, m.Entity.id == m.Statement.speaker_id)
        .where(*_conditions(session, filters))
    )
    total = bounded_count(session, query)
    sort_at, article_id = m.Article.sort_at, m.Article.id
    if _dense_speaker(session, filters):
        query, sort_at, article_id = _by_speaker_articles(filters)
    skip, key_article = 0, None
    if cursor:
        at, key_article, skip = decode_cursor_skip(cursor)
        query = query.where(tuple_(sort_at, article_id) <= tuple_(at, key_article))
    order = (sort_at.desc(), article_id.desc(), *document_order(m.Statement)[1:])
    rows = list(session.execute(query.order_by(*order).offset(skip).limit(limit + 1)).all())
    items = [
        v.StatementItem(**statement_view(s, e).model_dump(), article=article_ref(a, outlet))
        for s, e, a, outlet in rows[:limit]
    ]
    return v.Page[v.StatementItem](
        items=items, next_cursor=_next(rows, limit, skip, key_article), total=total
    )


def _dense_speaker(session: Session, f: StatementFilters) -> bool:
    """One speaker and no other filter, with at least DENSE_SPEAKER statements, on SQLite.
    PostgreSQL's planner already stops early on the article order (24 ms of wall at load 8,
    4.9 ms of CPU): there the walk and its count cost more (40 ms, 6.9)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    if f.speaker_ids is None or len(f.speaker_ids) != 1:
        return False
    if f != StatementFilters(speaker_ids=f.speaker_ids):
        return False
    said = select(m.Statement.id).where(m.Statement.speaker_id == f.speaker_ids[0])
    held = said.limit(DENSE_SPEAKER).subquery()
    return (session.scalar(select(func.count()).select_from(held)) or 0) >= DENSE_SPEAKER


def _by_speaker_articles(f: StatementFilters) -> tuple[Any, Any, Any]:
    """The page's query driven by the speaker's articles (DENSE_SPEAKER), with the link's
    copy of the article's date and id to order and bound it by."""
    assert f.speaker_ids is not None
    link = m.ArticleEntity
    # `+ 0`: the speaker's own index (every statement of the speaker, then a sort) stays
    # out of the plan; each article's statements are found by their article id.
    spoken = and_(
        m.Statement.article_id == link.article_id,
        m.Statement.speaker_id + 0 == link.entity_id,
    )
    query = (
        select(m.Statement, m.Entity, m.Article, m.Source.name)
        .select_from(link)
        .join(m.Statement, spoken)
        .join(m.Article, m.Article.id == link.article_id)
        .outerjoin(m.Source, m.Source.id == m.Article.source_id)
        .outerjoin(m.Entity, m.Entity.id == m.Statement.speaker_id)
        .where(link.entity_id == f.speaker_ids[0])
    )
    return query, link.sort_at, link.article_id


def _next(rows: list[Any], limit: int, skip: int, key_article: int | None) -> str | None:
    if len(rows) <= limit:
        return None
    last_article = rows[limit - 1][2]
    same = sum(1 for row in rows[:limit] if row[2].id == last_article.id)
    if last_article.id == key_article:
        same += skip
    return encode_cursor(last_article.sort_at, last_article.id, skip=same)


def statement_view(s: m.Statement, speaker: m.Entity | None) -> v.Statement:
    return v.Statement(
        speaker=entity_ref(speaker) if speaker is not None else None,
        speaker_surface=s.speaker_surface,
        verb=s.verb,
        content=s.content,
        location=location(s),
        article_id=s.article_id,
    )
