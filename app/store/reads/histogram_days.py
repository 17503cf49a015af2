"""The histogram of a query with one filter or none, from the day counters kept at ingest
(day_counts: articles per UTC day, with the quarter of an hour of each) on any clock.

A UTC day falls into one bucket of the asked clock unless a bucket edge (a local midnight
that starts a day, week or month), a date bound, or a change of offset cuts it. A cut day
is split by its articles' quarters of an hour: since 1970 every zone's midnights and
nearly all its changes of offset fall on a quarter (not Newfoundland's, at a minute past,
until 2011), so each quarter lies in one piece. Only a quarter that an edge or a date bound
cuts inside (a sliver) has its articles read from the link index, each put in its own
bucket; more than MAX_SLIVERS of them go to the general path (which counts rows).
"""

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

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads.article_query import ArticleFilters
from app.store.reads.day_groups import GROUPED, grouped_days, joined
from app.store.reads.scope import Scope
from app.store.reads.slivers import sliver_times
from app.store.reads.zones import zone_eras
from app.store.scope_counters import ALL, STRIPES, UNDATED

DAY = 86_400
QUARTER = 900
EPOCH = date(1970, 1, 1).toordinal()
MAX_SLIVERS = 600  # quarters read from the index; beyond, the general path counts rows
Day = tuple[int, int, str]  # (day since 1970-01-01, articles, their quarters)


@dataclass(slots=True)
class _Plan:
    counts: Counter[int] = field(default_factory=Counter)  # bucket start day -> articles
    slivers: list[tuple[float, float]] = field(default_factory=list)  # read, then counted


def counted_histogram(
    session: Session, scope: Scope, filters: ArticleFilters, interval: str, tz: str
) -> tuple[Counter[date], int] | None:
    """(articles per bucket start, undated articles), None when too many quarters are cut."""
    lo = filters.date_from.timestamp() if filters.date_from else None
    hi = filters.date_to.timestamp() if filters.date_to else None
    zone = _zone(tz)
    kept = m.DayCount
    # The whole archive's days are striped (app/store/scope_counters.py): summed here.
    ids = range(STRIPES) if scope[0] == ALL else (scope[1],)
    n = func.sum(kept.article_count).label("articles")
    # A day is cut only off UTC or by a date bound: else its quarters are not read.
    cut = any(zone.offsets) or lo is not None or hi is not None
    quarters = joined(session, kept.quarters) if cut else literal("")
    query = (
        select(kept.day, n, quarters.label("quarters"))
        .where(kept.scope == scope[0], kept.scope_id.in_(ids))
        .group_by(kept.day)
    )
    edges = (None if lo is None else floor(lo / DAY), None if hi is None else floor(hi / DAY))
    if edges[0] is not None:
        query = query.where(kept.day >= edges[0])
    if edges[1] is not None:
        query = query.where(kept.day <= edges[1])
    summed: list[tuple[int, int]] = []
    rows: Iterable[Any]
    if interval in GROUPED:
        rows, summed = grouped_days(session, query, kept.day, interval, edges, zone.offsets)
    else:
        rows = session.connection().execute(query.order_by(kept.day))
    days, undated = _dated(rows)
    plan = _plan(days, zone, interval, lo, hi)
    plan.counts.update(dict(summed))  # whole weeks' or months' inner days: their own bucket
    if len(plan.slivers) > MAX_SLIVERS:
        return None
    _add_slivers(session, scope, filters, plan, zone, interval, (lo, hi))
    counts = Counter({date.fromordinal(EPOCH + b): n for b, n in plan.counts.items() if n})
    return counts, undated


def _dated(rows: Iterable[Any]) -> tuple[list[Day], int]:
    """(day, articles, quarters) of each dated day, and the undated articles, in one pass
    over rows read one by one (Core's, not the ORM's): the ORM's result of 16,670 days (one
    actor over 45 years, by day) held three copies of them at once, 3.6 MB a request, 16
    requests at once under wrk (issue 9)."""
    days: list[Day] = []
    undated = 0
    for day, n, quarters in rows:
        if day == UNDATED:
            undated += n
        else:
            days.append((day, n, quarters))
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


def _plan(days: list[Day], zone: _Zone, interval: str, lo: float | None, hi: float | None) -> _Plan:
    plan = _Plan()
    era = 0
    for day, n, quarters in days:
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
        if len(pieces) == 1:
            if pieces[0][2] is not None:
                plan.counts[pieces[0][2]] += n
        else:
            _split(plan, start, quarters, pieces)
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


def _split(plan: _Plan, start: float, quarters: str, pieces: list[Piece]) -> None:
    """Each article of a cut day to its piece's bucket by its quarter; a quarter cut inside
    becomes a sliver, its articles read and counted by _add_slivers."""
    cuts = [b - start for _, b, _ in pieces[:-1]]  # seconds into the day
    if len(cuts) == 1 and cuts[0] % QUARTER == 0:  # the common case: one cut on a quarter
        below = _below(quarters, int(cuts[0]) // QUARTER)
        for (_, _, bucket), n in ((pieces[0], below), (pieces[1], len(quarters) - below)):
            if bucket is not None and n:
                plan.counts[bucket] += n
        return
    inside = {int(cut // QUARTER) for cut in cuts if cut % QUARTER}
    for q, n in Counter(ord(c) - 32 for c in quarters).items():
        if q in inside:
            plan.slivers.append((start + q * QUARTER, start + (q + 1) * QUARTER))
            continue
        bucket = pieces[bisect_right(cuts, q * QUARTER)][2]
        if bucket is not None:
            plan.counts[bucket] += n


def _below(quarters: str, q: int) -> int:
    """How many of the characters stand for a quarter before `q`."""
    if not quarters or max(quarters) < chr(32 + q):
        return len(quarters)
    if min(quarters) >= chr(32 + q):
        return 0
    return len(quarters.translate(_DROP_FROM[q]))


_DROP_FROM = [str.maketrans("", "", "".join(chr(32 + i) for i in range(q, 96))) for q in range(96)]


def _add_slivers(
    session: Session,
    scope: Scope,
    filters: ArticleFilters,
    plan: _Plan,
    zone: _Zone,
    interval: str,
    bounds: tuple[float | None, float | None],
) -> None:
    """Each article of a sliver counted in its own bucket, if within the date bounds."""
    if not plan.slivers:
        return
    lo, hi = bounds
    for published in sliver_times(session, scope, filters, plan.slivers):
        moment = published.timestamp()
        if (lo is None or moment >= lo) and (hi is None or moment < hi):
            local = floor((moment + zone.offsets[zone.era(moment)]) / DAY)
            plan.counts[_bucket(local, interval)] += 1
