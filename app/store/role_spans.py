"""The roles of each person as the entity page shows them, kept at ingest in role_spans
(app/store/counter_models.py) beside the other counters (app/store/counters.py).

Aggregated per request, the page of a person given a title in 18,260 articles read and
normalized every one of those rows (347 ms on SQLite at 100,000 articles). Here only the
rows of the articles being added or removed are read: grouped in Python (titles merge by
app.text.normalize, which SQL cannot do), then merged into the stored rows by an upsert
that adds the article count and keeps the earliest spelling and the extreme dates. When a
removed article held a role's first spelling or one of its dates, that role is recomputed
from the person's remaining rows; otherwise a removal is a decrement.

For a dated article sort_at is its publication date, so the first and last publication
dates in article order are the minimum and maximum of the dated articles' dates."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import (
    BindParameter,
    Connection,
    Executable,
    Select,
    Table,
    and_,
    bindparam,
    case,
    delete,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from app.store import models as m
from app.text.normalize import normalize

Key = tuple[int, int, str]  # person, organization (0: none), normalized title
_SPANS = cast(Table, m.RoleSpan.__table__)
_AFFILIATIONS = m.Affiliation.__table__
_ARTICLES = m.Article.__table__


@dataclass(slots=True)
class Span:
    title: str
    first_sort_at: datetime
    first_affiliation_id: int
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    articles: set[int] = field(default_factory=set)

    def row(self, key: Key) -> dict[str, Any]:
        person, organization, title_key = key
        return {
            "person_id": person,
            "organization_id": organization,
            "title_key": title_key,
            "title": self.title,
            "first_sort_at": self.first_sort_at,
            "first_affiliation_id": self.first_affiliation_id,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "article_count": len(self.articles),
        }


def spans_of(rows: Iterable[Any]) -> dict[Key, Span]:
    """Rows of `_rows()`'s columns, in article order, grouped into roles."""
    spans: dict[Key, Span] = {}
    for affiliation_id, person, organization, title, article_id, sort_at, published in rows:
        key = (person, organization or 0, normalize(title))
        span = spans.get(key)
        if span is None:
            span = spans[key] = Span(title, sort_at, affiliation_id)
        if published is not None:
            span.first_seen = span.first_seen or published
            span.last_seen = published
        span.articles.add(article_id)
    return spans


def count_new_roles(connection: Connection, article_ids: list[int]) -> None:
    """Add the roles of articles whose affiliations were just written."""
    rows = connection.execute(_rows(), {"ids": article_ids}).all()
    spans = spans_of(rows)
    if spans:
        upsert = _upsert(connection.dialect.name)
        connection.execute(upsert, [spans[key].row(key) for key in sorted(spans)])


def remove_roles(connection: Connection, article_id: int) -> None:
    """Take the article's roles away, before its affiliations are deleted."""
    spans = spans_of(connection.execute(_rows(), {"ids": [article_id]}).all())
    for key in sorted(spans):
        at = dict(zip(("b_person", "b_organization", "b_title"), key, strict=True))
        stored = connection.execute(_decrement(), at).one_or_none()
        if stored is None:
            continue
        if stored.article_count <= 0:
            connection.execute(_emptied(), at)
        elif _held(spans[key], stored):
            _recompute(connection, key, article_id)


_HELD = (
    _SPANS.c.article_count,
    _SPANS.c.first_affiliation_id,
    _SPANS.c.first_seen,
    _SPANS.c.last_seen,
)


def _held(span: Span, stored: Any) -> bool:
    """Whether the article gave the role its spelling or one of its dates."""
    return (
        span.first_affiliation_id == stored.first_affiliation_id
        or (span.first_seen is not None and span.first_seen == stored.first_seen)
        or (span.last_seen is not None and span.last_seen == stored.last_seen)
    )


def _at(key: Key) -> tuple[Any, ...]:
    person, organization, title_key = key
    return (
        _SPANS.c.person_id == person,
        _SPANS.c.organization_id == organization,
        _SPANS.c.title_key == title_key,
    )


_KEY = (
    _SPANS.c.person_id == bindparam("b_person"),
    _SPANS.c.organization_id == bindparam("b_organization"),
    _SPANS.c.title_key == bindparam("b_title"),
)


@cache
def _decrement() -> Executable:
    """One article fewer for a role: the stored values, to see whether it held them."""
    count = _SPANS.c.article_count - 1
    return update(_SPANS).where(*_KEY).values(article_count=count).returning(*_HELD)


@cache
def _emptied() -> Executable:
    return delete(_SPANS).where(*_KEY, _SPANS.c.article_count <= 0)


def _recompute(connection: Connection, key: Key, removed: int) -> None:
    """The role from the person's rows with that organization, but the removed article's."""
    person, organization, _ = key
    a = _AFFILIATIONS.c
    same = a.organization_id.is_(None) if organization == 0 else a.organization_id == organization
    rows = connection.execute(
        _columns().where(a.person_id == person, same, a.article_id != removed)
    ).all()
    span = spans_of(rows)[key]
    values = span.row(key)
    connection.execute(update(_SPANS).where(*_at(key)).values(**values))


def recount_roles(connection: Connection) -> None:
    """Every role computed afresh from the affiliations: for rows written around the store
    and for the migration that added the table."""
    connection.execute(delete(_SPANS))
    spans = spans_of(connection.execute(_columns()))
    if spans:
        connection.execute(_SPANS.insert(), [spans[key].row(key) for key in sorted(spans)])


def _columns() -> Select[Any]:
    a, articles = _AFFILIATIONS.c, _ARTICLES.c
    return (
        select(
            a.id,
            a.person_id,
            a.organization_id,
            a.title,
            a.article_id,
            articles.sort_at,
            articles.published_at,
        )
        .join_from(_AFFILIATIONS, _ARTICLES, articles.id == a.article_id)
        .order_by(articles.sort_at, a.id)
    )


_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)


@cache
def _rows() -> Select[Any]:
    return _columns().where(_AFFILIATIONS.c.article_id.in_(_IDS))


@cache
def _upsert(dialect: str) -> Executable:
    """Insert a role, or merge it into the stored one: the counts add up, the earlier
    spelling and the extreme dates stay."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(_SPANS)
    new, old = statement.excluded, _SPANS.c
    earlier = or_(
        new.first_sort_at < old.first_sort_at,
        and_(
            new.first_sort_at == old.first_sort_at,
            new.first_affiliation_id < old.first_affiliation_id,
        ),
    )

    def first(column: str) -> Any:
        return case((earlier, new[column]), else_=old[column])

    first_seen = case(
        (or_(old.first_seen.is_(None), new.first_seen < old.first_seen), new.first_seen),
        else_=old.first_seen,
    )
    last_seen = case(
        (or_(old.last_seen.is_(None), new.last_seen > old.last_seen), new.last_seen),
        else_=old.last_seen,
    )
    return statement.on_conflict_do_update(
        index_elements=[old.person_id, old.organization_id, old.title_key],
        set_={
            "title": first("title"),
            "first_sort_at": first("first_sort_at"),
            "first_affiliation_id": first("first_affiliation_id"),
            "first_seen": first_seen,
            "last_seen": last_seen,
            "article_count": old.article_count + new.article_count,
        },
    )
