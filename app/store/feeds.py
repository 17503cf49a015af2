"""Polling state of feeds: which are due, who polls them, what the last poll came to.

Backoff: after n failures in a row a feed waits its interval times 2**n, at most the
configured ceiling; one success lifts it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.store import models as m


@dataclass(frozen=True, slots=True)
class FeedTarget:
    id: int
    url: str
    etag: str | None
    last_modified: str | None
    source_id: int
    source_name: str
    hints: dict[str, Any]
    timezone: str | None


def due_feed_ids(session: Session, now: datetime, limit: int = 1000) -> list[int]:
    query = (
        select(m.Feed.id)
        .join(m.Source, m.Source.id == m.Feed.source_id)
        .where(m.Source.active, m.Feed.next_due_at <= now)
        .order_by(m.Feed.next_due_at)
        .limit(limit)
    )
    return list(session.scalars(query))


def claim_feed(session: Session, feed_id: int, now: datetime, lease: timedelta) -> bool:
    """Take a due feed for one poll: it is not due again before the lease ends, so two
    schedulers never queue it twice. The poll's outcome then sets the real next time."""
    claimed = session.execute(
        update(m.Feed)
        .where(m.Feed.id == feed_id, m.Feed.next_due_at <= now)
        .values(next_due_at=now + lease)
    )
    return bool(getattr(claimed, "rowcount", 0))


def feed_target(session: Session, feed_id: int) -> FeedTarget:
    row = session.execute(
        select(m.Feed, m.Source).join(m.Source).where(m.Feed.id == feed_id)
    ).one_or_none()
    if row is None:
        raise NotFound(f"no feed with id {feed_id}")
    feed, source = row
    return FeedTarget(
        feed.id,
        feed.url,
        feed.etag,
        feed.last_modified,
        source.id,
        source.name,
        dict(source.hints or {}),
        source.timezone,
    )


def record_success(
    session: Session, feed_id: int, now: datetime, *, etag: str | None, last_modified: str | None
) -> None:
    feed, interval = _feed_and_interval(session, feed_id)
    feed.etag, feed.last_modified = etag, last_modified
    feed.failures = 0
    feed.last_polled_at = feed.last_success_at = now
    feed.last_error = None
    feed.next_due_at = now + interval


def record_failure(
    session: Session, feed_id: int, now: datetime, *, error: str, max_backoff: timedelta
) -> timedelta:
    """Count the failure and put the next poll off; returns how long for."""
    feed, interval = _feed_and_interval(session, feed_id)
    feed.failures += 1
    feed.last_polled_at = now
    feed.last_error = error[:2000]
    wait: timedelta = min(interval * 2**feed.failures, max_backoff)
    feed.next_due_at = now + wait
    return wait


def _feed_and_interval(session: Session, feed_id: int) -> tuple[m.Feed, timedelta]:
    row = session.execute(
        select(m.Feed, m.Source.poll_seconds)
        .join(m.Source)
        .where(m.Feed.id == feed_id)
        .with_for_update(of=m.Feed)
    ).one_or_none()
    if row is None:
        raise NotFound(f"no feed with id {feed_id}")
    feed, seconds = row
    return feed, timedelta(seconds=seconds)


def known_urls(session: Session, urls: list[str]) -> set[str]:
    """Those of the URLs whose article is stored already."""
    found: set[str] = set()
    for start in range(0, len(urls), 500):
        chunk = urls[start : start + 500]
        found.update(
            url
            for url in session.scalars(select(m.Article.url).where(m.Article.url.in_(chunk)))
            if url
        )
    return found
