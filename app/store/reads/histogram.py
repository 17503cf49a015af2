"""How many matching articles per day, week or month on a given clock."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Subquery, case, func, literal, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.reads.article_query import ArticleFilters, filtered


def histogram(
    *, session: Session, filters: ArticleFilters, interval: v.Interval, tz: str
) -> v.Histogram:
    if filters.empty:
        return v.Histogram(interval=interval, tz=tz, buckets=[], undated=0)
    found = filtered(session, filters, m.Article.published_at.label("published_at")).query
    matched = found.subquery()
    undated = session.scalar(
        select(func.count()).select_from(matched).where(matched.c.published_at.is_(None))
    )
    if session.get_bind().dialect.name == "postgresql":
        counts = _postgres(session, matched, interval, tz)
    else:
        counts = _sqlite(session, matched, interval, ZoneInfo(tz))
    buckets = [v.Bucket(start=day, count=n) for day, n in sorted(counts.items())]
    return v.Histogram(interval=interval, tz=tz, buckets=buckets, undated=undated or 0)


def _postgres(session: Session, matched: Subquery, interval: str, tz: str) -> Counter[date]:
    """date_trunc on the local clock, DST included."""
    local = func.timezone(tz, matched.c.published_at)
    start = func.date_trunc(interval, local).label("start")
    rows = session.execute(
        select(start, func.count())
        .select_from(matched)
        .where(matched.c.published_at.is_not(None))
        .group_by(start)
    ).all()
    return Counter({s.date(): n for s, n in rows})


def _sqlite(session: Session, matched: Subquery, interval: str, zone: ZoneInfo) -> Counter[date]:
    """SQLite knows no time zones: the zone's offsets over the years become a CASE of
    date() modifiers, so SQL groups by local day and only days come back to Python."""
    published = matched.c.published_at
    eras = _eras(zone)
    shift: Any = literal(_modifier(eras[0][1]))
    if len(eras) > 1:
        # Newest era first: most of an archive is recent, and CASE stops at the first match.
        recent = [(published >= start, _modifier(minutes)) for start, minutes in eras[:0:-1]]
        shift = case(*recent, else_=_modifier(eras[0][1]))
    day = func.date(published, shift).label("day")
    rows = session.execute(
        select(day, func.count()).select_from(matched).where(published.is_not(None)).group_by(day)
    ).all()
    counts: Counter[date] = Counter()
    for text, n in rows:
        counts[bucket_start(date.fromisoformat(text), interval)] += n
    return counts


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _modifier(minutes: int) -> str:
    return f"{minutes:+d} minutes"


def bucket_start(day: date, interval: str) -> date:
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


@cache
def _eras(zone: ZoneInfo) -> list[tuple[datetime, int]]:
    """(UTC instant the offset starts, offset in minutes) from 1970 to next year: each
    entry's offset holds until the next entry's instant. Found day by day, then to the
    second by bisection (zones change offset a few times a year at most)."""

    def offset(moment: datetime) -> int:
        delta = moment.astimezone(zone).utcoffset()
        return int(delta.total_seconds() // 60) if delta is not None else 0

    moment = datetime(1970, 1, 1, tzinfo=UTC)
    end = datetime(datetime.now(UTC).year + 2, 1, 1, tzinfo=UTC)
    eras = [(moment, offset(moment))]
    while moment < end:
        following = moment + timedelta(days=1)
        if offset(following) != eras[-1][1]:
            # Bisect whole seconds: lo keeps the old offset, hi has the new one.
            lo, hi = int(moment.timestamp()), int(following.timestamp())
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if offset(_at(mid)) == eras[-1][1] else (lo, mid)
            eras.append((_at(hi), offset(_at(hi))))
        moment = following
    return eras
