"""A week or month histogram from the counters kept at ingest (week_counts, month_counts),
but for the days a clock can move to another bucket, which come back one by one to be cut
by their quarters (app/store/reads/day_cuts.py).

No zone is a whole day off UTC: on a clock east of UTC only the last UTC day of a week or
month can hold articles of the next local one, west of UTC only its first day articles of
the previous one, on UTC none. Those days are read alone and taken out of their bucket's
sum; so are all the days of a bucket holding a date bound. 45 years of one actor's months
are ~550 counters and, off UTC, ~550 days: summing its 16,670 day counters by month in SQL
cost SQLite a strftime() and a sort, by week a sort."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import ARRAY, Integer, Select, String, any_, bindparam, func, or_, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads.day_cuts import BUCKET, EPOCH
from app.store.reads.scope import Scope
from app.store.scope_counters import UNDATED


def period_sums(
    session: Session,
    interval: str,
    days: Select[Any],
    scope: Scope,
    ids: Sequence[int],
    offsets: list[int],
    bounds: tuple[int | None, int | None],
    span: tuple[int, int] | None,
) -> tuple[list[Any], list[tuple[int, int]]]:
    """(days read alone: (day, articles, quarters), weeks or months summed: (first UTC day,
    articles)); `days` selects the scope's day counters within `bounds` (their days), `span`
    the first and last of its dated days, `offsets` the clock's (seconds east of UTC)."""
    day = m.DayCount.day
    if span is None:  # no dated day: only the undated
        return _rows(session, days.where(day == UNDATED)), []
    lo, hi = bounds
    bucket = BUCKET[interval]
    alone: list[Any] = [day == UNDATED]
    if lo is not None:
        alone.append(day < _next(bucket(lo), interval))
    if hi is not None:
        alone.append(day >= bucket(hi))
    bounded = {bucket(b) for b in bounds if b is not None}
    whole = [start for start in _buckets(*span, interval) if start not in bounded]
    if not whole:
        return _rows(session, days.where(or_(*alone)).order_by(day)), []
    ends = _end_days(whole, offsets, interval)
    if ends:
        alone.append(_among(session, day, list(ends)))
    rows = _rows(session, days.where(or_(*alone)).order_by(day))
    kept, start = _COUNTERS[interval]
    counted = (
        select(start, func.sum(kept.article_count))
        .where(kept.scope == scope[0], kept.scope_id.in_(ids))
        .where(start >= whole[0], start <= whole[-1])
        .group_by(start)
    )
    sums: dict[int, int] = {start: n for start, n in _rows(session, counted)}
    for row in rows:
        if row[0] in ends:
            sums[ends[row[0]]] -= row[1]
    return rows, list(sums.items())


def _rows(session: Session, query: Select[Any]) -> list[Any]:
    return list(session.connection().execute(query).all())  # fetchall, not row by row


def _among(session: Session, day: Any, days: list[int]) -> Any:
    """`day IN (days)` with the days as one parameter: a few thousand bound values cost
    more to compile than the lookups."""
    if session.get_bind().dialect.name == "postgresql":
        return day == any_(bindparam("days", days, type_=ARRAY(Integer())))
    listed = func.json_each(bindparam("days", json.dumps(days), String))
    return day.in_(select(listed.table_valued("value").c.value))


_COUNTERS: dict[str, tuple[Any, Any]] = {
    "week": (m.WeekCount, m.WeekCount.week),
    "month": (m.MonthCount, m.MonthCount.month),
}


def _end_days(starts: list[int], offsets: list[int], interval: str) -> dict[int, int]:
    """The days of these buckets a clock can move out of them -> their bucket."""
    ends: dict[int, int] = {}
    if any(o > 0 for o in offsets):
        ends |= {_next(start, interval) - 1: start for start in starts}
    if any(o < 0 for o in offsets):
        ends |= {start: start for start in starts}
    return ends


def _buckets(first: int, last: int, interval: str) -> list[int]:
    """The first days of the buckets from day `first`'s to day `last`'s."""
    out, end = [BUCKET[interval](first)], BUCKET[interval](last)
    while out[-1] < end:
        out.append(_next(out[-1], interval))
    return out


@cache
def _next(start: int, interval: str) -> int:
    """The first day of the bucket after the one starting on day `start`."""
    if interval == "week":
        return start + 7
    one = date.fromordinal(EPOCH + start)
    following = date(one.year + one.month // 12, one.month % 12 + 1, 1)
    return following.toordinal() - EPOCH
