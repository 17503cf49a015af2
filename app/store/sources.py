"""The source registry: outlets, one row per normalized name, with their feeds.

Registering an outlet that articles already named (and so created) completes that row:
one outlet, one row, whatever the spelling."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.store import models as m
from app.store.base import utcnow
from app.store.upsert import insert_ignoring_conflicts
from app.text.normalize import collapse_spaces, normalize

RATE_DAYS = 30  # articles per day are counted over this many days
EDITABLE = ("site", "language", "timezone", "hints", "active", "poll_seconds")


@dataclass(frozen=True, slots=True)
class SourceSpec:
    name: str
    feeds: list[str] = field(default_factory=list)
    site: str | None = None
    language: str | None = None
    timezone: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    active: bool = True
    poll_seconds: int = 900


@dataclass(frozen=True, slots=True)
class FeedInfo:
    id: int
    url: str
    next_due_at: datetime
    failures: int
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    id: int
    name: str
    site: str | None
    language: str | None
    timezone: str | None
    hints: dict[str, Any]
    active: bool
    poll_seconds: int
    feeds: list[FeedInfo]
    article_count: int
    articles_per_day: float  # published in the last RATE_DAYS days, per day
    last_success_at: datetime | None
    last_error: str | None


# Outlets are named in quotes as often as not ("النهار", «الشرق الأوسط»): one outlet still.
_QUOTES = "\"'`«»“”„‘’‹›"
_NO_QUOTES = str.maketrans(dict.fromkeys(_QUOTES, " "))


def outlet_key(name: str) -> tuple[str, str]:
    """The name as shown and the key that makes two spellings one outlet."""
    shown = collapse_spaces(name)
    if shown[:1] in _QUOTES:  # quoted whole; a quoted word inside stays as written
        shown = collapse_spaces(shown.strip(_QUOTES))
    return shown, normalize(collapse_spaces(shown.translate(_NO_QUOTES)))


def outlet_id(session: Session, name: str) -> int:
    """The id of the outlet so named, made if new (concurrent writers settle on one row)."""
    shown, key = outlet_key(name)
    insert_ignoring_conflicts(
        session, m.Source, [{"name": shown, "normalized_name": key}], conflict=["normalized_name"]
    )
    found = session.scalar(select(m.Source.id).where(m.Source.normalized_name == key))
    assert found is not None
    return found


def add_source(session: Session, spec: SourceSpec) -> int:
    """Register an outlet, or complete the row it already has; its feeds are added."""
    source = session.get_one(m.Source, outlet_id(session, spec.name), with_for_update=True)
    source.name = outlet_key(spec.name)[0]  # the registry's spelling wins
    for name in EDITABLE:
        setattr(source, name, getattr(spec, name))
    add_feeds(session, source.id, spec.feeds)
    session.flush()
    return source.id


def add_feeds(session: Session, source_id: int, urls: list[str]) -> None:
    rows = [{"source_id": source_id, "url": url, "next_due_at": utcnow()} for url in urls]
    insert_ignoring_conflicts(session, m.Feed, rows, conflict=["url"])


def update_source(session: Session, source_id: int, changes: dict[str, Any]) -> None:
    """Change the given fields; `feeds` adds feed URLs, `name` renames the outlet."""
    source = session.get(m.Source, source_id, with_for_update=True)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    for name, value in changes.items():
        if name in EDITABLE:
            setattr(source, name, value)
    if "name" in changes:
        source.name, source.normalized_name = outlet_key(changes["name"])
    if changes.get("active"):  # a source turned back on is polled at once
        session.query(m.Feed).filter(m.Feed.source_id == source_id).update(
            {m.Feed.next_due_at: utcnow(), m.Feed.failures: 0}
        )
    add_feeds(session, source_id, changes.get("feeds") or [])
    session.flush()


def source_id_by_name(session: Session, name: str) -> int | None:
    key = outlet_key(name)[1]
    return session.scalar(select(m.Source.id).where(m.Source.normalized_name == key))


def list_sources(session: Session, *, registered_only: bool = False) -> list[SourceInfo]:
    query = select(m.Source).order_by(m.Source.name, m.Source.id)
    if registered_only:
        query = query.where(select(m.Feed.id).where(m.Feed.source_id == m.Source.id).exists())
    sources = list(session.scalars(query))
    return _infos(session, sources)


def get_source(session: Session, source_id: int) -> SourceInfo:
    source = session.get(m.Source, source_id)
    if source is None:
        raise NotFound(f"no source with id {source_id}")
    return _infos(session, [source])[0]


def _infos(session: Session, sources: list[m.Source]) -> list[SourceInfo]:
    ids = [s.id for s in sources]
    feeds: dict[int, list[FeedInfo]] = {i: [] for i in ids}
    for feed in session.scalars(
        select(m.Feed).where(m.Feed.source_id.in_(ids)).order_by(m.Feed.id)
    ):
        feeds[feed.source_id].append(_feed_info(feed))
    counts = _article_counts(session, ids)
    since = utcnow() - timedelta(days=RATE_DAYS)
    recent = _article_counts(session, ids, since=since)
    return [_info(s, feeds[s.id], counts.get(s.id, 0), recent.get(s.id, 0)) for s in sources]


def _article_counts(
    session: Session, ids: list[int], *, since: datetime | None = None
) -> dict[int, int]:
    query = (
        select(m.Article.source_id, func.count())
        .where(m.Article.source_id.in_(ids))
        .group_by(m.Article.source_id)
    )
    if since is not None:
        query = query.where(m.Article.sort_at >= since)
    return {source_id: n for source_id, n in session.execute(query) if source_id}


def _feed_info(feed: m.Feed) -> FeedInfo:
    return FeedInfo(
        feed.id,
        feed.url,
        feed.next_due_at,
        feed.failures,
        feed.last_polled_at,
        feed.last_success_at,
        feed.last_error,
    )


def _info(source: m.Source, feeds: list[FeedInfo], count: int, recent: int) -> SourceInfo:
    successes = [f.last_success_at for f in feeds if f.last_success_at]
    errors = [f for f in feeds if f.last_error and f.last_polled_at]
    last_error = max(errors, key=lambda f: f.last_polled_at or utcnow()) if errors else None
    return SourceInfo(
        id=source.id,
        name=source.name,
        site=source.site,
        language=source.language,
        timezone=source.timezone,
        hints=dict(source.hints or {}),
        active=source.active,
        poll_seconds=source.poll_seconds,
        feeds=feeds,
        article_count=count,
        articles_per_day=round(recent / RATE_DAYS, 2),
        last_success_at=max(successes) if successes else None,
        last_error=last_error.last_error if last_error else None,
    )


def source_name_and_zone(session: Session, source_id: int) -> tuple[str | None, str | None]:
    row = session.execute(
        select(m.Source.name, m.Source.timezone).where(m.Source.id == source_id)
    ).one_or_none()
    return (row[0], row[1]) if row else (None, None)
