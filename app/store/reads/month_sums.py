"""A month histogram from the month counters kept at ingest (month_counts), but for the days
a clock can move to another month, which come back one by one to be cut by their quarters
(app/store/reads/day_cuts.py).

No zone is a whole day off UTC: on a clock east of UTC only the last UTC day of a month can
hold articles of the next local month, west of UTC only its first day articles of the
previous one, on UTC none. Those days are read alone and taken out of their month's sum; so
are all the days of a month holding a date bound. 45 years of one actor's months are ~550
counters and, off UTC, ~550 days, where summing its 16,670 day counters by month cost SQLite
a strftime() a day."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads.day_cuts import BUCKET, EPOCH
from app.store.reads.scope import Scope
from app.store.scope_counters import UNDATED

_month = BUCKET["month"]


def month_sums(
    session: Session,
    days: Select[Any],
    scope: Scope,
    ids: Sequence[int],
    offsets: list[int],
    bounds: tuple[int | None, int | None],
    span: tuple[int, int] | None,
) -> tuple[list[Any], list[tuple[int, int]]]:
    """(days read alone: (day, articles, quarters), months summed: (first UTC day, articles));
    `days` selects the scope's day counters within `bounds` (their days), `span` the first and
    last of its dated days, `offsets` the clock's (seconds east of UTC)."""
    day = m.DayCount.day
    if span is None:  # no dated day: only the undated
        return list(session.execute(days.where(day == UNDATED))), []
    lo, hi = bounds
    alone: list[Any] = [day == UNDATED]
    if lo is not None:
        alone.append(day < _next(_month(lo)))
    if hi is not None:
        alone.append(day >= _month(hi))
    bounded = {_month(b) for b in bounds if b is not None}
    whole = [start for start in _months(*span) if start not in bounded]
    if not whole:
        return list(session.execute(days.where(or_(*alone)).order_by(day))), []
    ends = _end_days(whole, offsets)
    if ends:
        alone.append(day.in_(list(ends)))
    rows = list(session.execute(days.where(or_(*alone)).order_by(day)))
    kept = m.MonthCount
    counted = (
        select(kept.month, func.sum(kept.article_count))
        .where(kept.scope == scope[0], kept.scope_id.in_(ids))
        .where(kept.month >= whole[0], kept.month <= whole[-1])
        .group_by(kept.month)
    )
    sums: dict[int, int] = {month: n for month, n in session.execute(counted)}
    for row in rows:
        if row[0] in ends:
            sums[ends[row[0]]] -= row[1]
    return rows, list(sums.items())


def _end_days(months: list[int], offsets: list[int]) -> dict[int, int]:
    """The days of these months a clock can move out of them -> their month."""
    ends: dict[int, int] = {}
    if any(o > 0 for o in offsets):
        ends |= {_next(start) - 1: start for start in months}
    if any(o < 0 for o in offsets):
        ends |= {start: start for start in months}
    return ends


def _months(first: int, last: int) -> list[int]:
    """The first days of the months from day `first`'s to day `last`'s."""
    out = [_month(first)]
    while out[-1] < _month(last):
        out.append(_next(out[-1]))
    return out


def _next(month: int) -> int:
    """The first day of the month after the one starting on day `month`."""
    one = date.fromordinal(EPOCH + month)
    following = date(one.year + one.month // 12, one.month % 12 + 1, 1)
    return following.toordinal() - EPOCH
