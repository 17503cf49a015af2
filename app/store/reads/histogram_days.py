"""The histogram of a query with one filter or none, from the day counters kept at ingest
(day_counts: articles per UTC day) on any clock.

A UTC day falls into one bucket of the asked clock unless a bucket edge (a local midnight
that starts a day, week or month), a date bound, or a change of offset cuts it. A cut day
counts whole in the bucket of its longest piece, and the articles of its other pieces (the
slivers) are read from the link index and moved to their own bucket. Months and weeks cut
a few days a year; days on a clock that is not UTC cut every day, so the day interval on
such a clock over a long span goes to the general path (MAX_SLIVERS)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import pairwise
from math import floor
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads.article_query import ArticleFilters
from app.store.reads.day_groups import GROUPED, grouped_days
from app.store.reads.scope import Scope
from app.store.reads.slivers import sliver_times
from app.store.reads.zones import zone_eras
from app.store.scope_counters import ALL, STRIPES, UNDATED

DAY = 86_400
EPOCH = date(1970, 1, 1).toordinal()
MAX_SLIVERS = 600  # ten years of weeks; beyond, the general path counts rows


@dataclass(slots=True)
class _Plan:
    counts: Counter[int] = field(default_factory=Counter)  # bucket start day -> articles
    main: dict[int, int | None] = field(default_factory=dict)  # cut UTC day -> its bucket
    slivers: list[tuple[float, float]] = field(default_factory=list)


def counted_histogram(
    session: Session, scope: Scope, filters: ArticleFilters, interval: str, tz: str
) -> tuple[Counter[date], int] | None:
    """(articles per bucket start, undated articles), None when too many days are cut."""
    lo = filters.date_from.timestamp() if filters.date_from else None
    hi = filters.date_to.timestamp() if filters.date_to else None
    kept = m.DayCount
    # The whole archive's days are striped (app/store/scope_counters.py): summed here.
    ids = range(STRIPES) if scope[0] == ALL else (scope[1],)
    n = func.sum(kept.article_count).label("articles")
    query = (
        select(kept.day, n).where(kept.scope == scope[0], kept.scope_id.in_(ids)).group_by(kept.day)
    )
    edges = (None if lo is None else floor(lo / DAY), None if hi is None else floor(hi / DAY))
    if edges[0] is not None:
        query = query.where(kept.day >= edges[0])
    if edges[1] is not None:
        query = query.where(kept.day <= edges[1])
    summed: list[tuple[int, int]] = []
    rows: Iterable[Any]
    if interval in GROUPED:
        rows, summed = grouped_days(session, query, kept.day, interval, edges, _zone(tz).offsets)
    else:
        rows = session.connection().execute(query.order_by(kept.day))
    days, undated = _dated(rows)
    plan = _plan(days, _zone(tz), interval, lo, hi)
    plan.counts.update(dict(summed))  # whole weeks' or months' inner days: their own bucket
    if len(plan.slivers) > MAX_SLIVERS:
        return None
    _move_slivers(session, scope, filters, plan, _zone(tz), interval, (lo, hi))
    counts = Counter({date.fromordinal(EPOCH + b): n for b, n in plan.counts.items() if n})
    return counts, undated


def _dated(rows: Iterable[Any]) -> tuple[list[tuple[int, int]], int]:
    """(day, articles) of each dated day, and the undated articles, in one pass over rows
    read one by one (Core's, not the ORM's): the ORM's result of 16,670 days (one actor
    over 45 years, by day) held three copies of them at once, 3.6 MB a request, 16
    requests at once under wrk (issue 9)."""
    days: list[tuple[int, int]] = []
    undated = 0
    for day, n in rows:
        if day == UNDATED:
            undated += n
        else:
            days.append((day, n))
    return days, undated


@dataclass(frozen=True, slots=True)
class _Zone:
    starts: list[float]  # UTC seconds each offset starts at
    offsets: list[int]  # seconds east of UTC

    def era(self, moment: float) -> int:
        return max(0, bisect_right(self.starts, moment) - 1)


@cache
def _zone(tz: str) -> _Zone:
    found = zone_eras(ZoneInfo(tz))
    return _Zone([s.timestamp() for s, _ in found], [minutes * 60 for _, minutes in found])


def _bucket(local_day: int, interval: str) -> int:
    """The first day (since 1970-01-01) of the bucket holding that local day."""
    if interval == "week":
        return local_day - (local_day + 3) % 7  # 1970-01-01 was a Thursday
    if interval == "month":
        return _month_start(local_day)
    return local_day


@cache
def _month_start(local_day: int) -> int:
    return date.fromordinal(EPOCH + local_day).replace(day=1).toordinal() - EPOCH


def _plan(
    days: list[tuple[int, int]], zone: _Zone, interval: str, lo: float | None, hi: float | None
) -> _Plan:
    plan = _Plan()
    era = 0
    for day, n in days:
        start = day * DAY
        while era + 1 < len(zone.starts) and zone.starts[era + 1] <= start:
            era += 1
        simple = (era + 1 == len(zone.starts) or zone.starts[era + 1] >= start + DAY) and not (
            (lo is not None and start < lo < start + DAY)
            or (hi is not None and start < hi < start + DAY)
        )
        pieces = (
            _one_offset(start, zone.offsets[era], interval, lo, hi)
            if simple
            else _pieces(start, start + DAY, zone, interval, lo, hi)
        )
        main = max(pieces, key=lambda piece: piece[1] - piece[0])[2]
        if main is not None:
            plan.counts[main] += n
        if len(pieces) > 1:
            plan.main[day] = main
            plan.slivers += [(a, b) for a, b, bucket in pieces if bucket != main]
    return plan


def _one_offset(
    start: int, offset: int, interval: str, lo: float | None, hi: float | None
) -> list[Piece]:
    """_pieces of a day with one offset throughout and no date bound inside: the common
    case, cut at most once, by the local midnight, and only where the bucket changes."""
    outside = (lo is not None and start < lo) or (hi is not None and start >= hi)
    local = (start + offset) // DAY
    first = None if outside else _bucket(local, interval)
    midnight = (-offset) % DAY
    if midnight == 0 or first is None:
        return [(start, start + DAY, first)]
    second = _bucket(local + 1, interval)
    if second == first:
        return [(start, start + DAY, first)]
    return [(start, start + midnight, first), (start + midnight, start + DAY, second)]


Piece = tuple[float, float, int | None]


def _pieces(
    start: float, end: float, zone: _Zone, interval: str, lo: float | None, hi: float | None
) -> list[Piece]:
    """The day cut where its bucket changes, adjacent pieces of one bucket merged; None
    for a piece outside the date bounds."""
    first, last = zone.era(start), zone.era(end - 1)
    cuts = {start, end}
    cuts.update(s for s in zone.starts[first + 1 : last + 1])
    for era in range(first, last + 1):
        offset = zone.offsets[era]
        midnight = start + (-(start + offset)) % DAY  # the first local midnight from start
        if start < midnight < end:
            cuts.add(midnight)
    cuts.update(bound for bound in (lo, hi) if bound is not None and start < bound < end)
    points = sorted(cuts)
    pieces: list[Piece] = []
    for a, b in pairwise(points):
        outside = (lo is not None and a < lo) or (hi is not None and a >= hi)
        local = floor((a + zone.offsets[zone.era(a)]) / DAY)
        bucket = None if outside else _bucket(local, interval)
        if pieces and pieces[-1][2] == bucket:
            pieces[-1] = (pieces[-1][0], b, bucket)
        else:
            pieces.append((a, b, bucket))
    return pieces


def _move_slivers(
    session: Session,
    scope: Scope,
    filters: ArticleFilters,
    plan: _Plan,
    zone: _Zone,
    interval: str,
    bounds: tuple[float | None, float | None],
) -> None:
    """Each article of a sliver leaves the bucket its day was counted in for its own."""
    if not plan.slivers:
        return
    lo, hi = bounds
    for published in sliver_times(session, scope, filters, plan.slivers):
        moment = published.timestamp()
        was = plan.main[floor(moment / DAY)]
        if was is not None:
            plan.counts[was] -= 1
        if (lo is None or moment >= lo) and (hi is None or moment < hi):
            local = floor((moment + zone.offsets[zone.era(moment)]) / DAY)
            plan.counts[_bucket(local, interval)] += 1
