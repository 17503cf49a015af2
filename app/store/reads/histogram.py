"""How many matching articles per day, week or month on a given clock."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Subquery, func, select
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
    """SQLite knows no time zones: count per UTC hour (per minute for the zones whose offset
    is not whole hours) in SQL, then fold those into local buckets."""
    width = 13 if _whole_hours(zone) else 16
    slot = func.substr(matched.c.published_at, 1, width).label("slot")
    rows = session.execute(
        select(slot, func.count())
        .select_from(matched)
        .where(matched.c.published_at.is_not(None))
        .group_by(slot)
    ).all()
    counts: Counter[date] = Counter()
    pattern = "%Y-%m-%d %H" if width == 13 else "%Y-%m-%d %H:%M"
    for text, n in rows:
        moment = datetime.strptime(text, pattern).replace(tzinfo=UTC).astimezone(zone)
        counts[bucket_start(moment.date(), interval)] += n
    return counts


def bucket_start(day: date, interval: str) -> date:
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day


def _whole_hours(zone: ZoneInfo) -> bool:
    """Offsets over the years the archive spans, sampled twice a year."""
    return all(
        (offset := datetime(year, month, 1, tzinfo=zone).utcoffset()) is None
        or offset.total_seconds() % 3600 == 0
        for year in range(1990, datetime.now(UTC).year + 1)
        for month in (1, 7)
    )
