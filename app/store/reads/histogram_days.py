"""The histogram of a query with one filter or none, from the counters kept at ingest on any
clock: day_counts (articles per UTC day, with the quarter of an hour of each), and for weeks
and months week_counts and month_counts but for the days a clock moves across their edges
(app/store/reads/period_sums.py).

A UTC day falls into one bucket of the asked clock unless a bucket edge (a local midnight
that starts a day, week or month), a date bound, or a change of offset cuts it. A cut day
is split by its articles' quarters of an hour: since 1970 every zone's midnights and
nearly all its changes of offset fall on a quarter (not Newfoundland's, at a minute past,
until 2011), so each quarter lies in one piece. Only a quarter that an edge or a date bound
cuts inside (a sliver) has its articles read from the link index, each put in its own
bucket; more than MAX_SLIVERS of them go to the general path (which counts rows).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from math import floor
from typing import Any

from sqlalchemy import func, literal, literal_column, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.reads.article_query import ArticleFilters
from app.store.reads.bucket_bound import check_span
from app.store.reads.day_cuts import DAY, EPOCH, Day, Plan, Zone, bucket_at, zone_of
from app.store.reads.day_cuts import plan as day_plan
from app.store.reads.period_sums import period_sums
from app.store.reads.scope import Scope
from app.store.reads.slivers import sliver_times
from app.store.scope_counters import ALL, STRIPES, UNDATED

MAX_SLIVERS = 600  # quarters read from the index; beyond, the general path counts rows


def counted_histogram(
    session: Session, scope: Scope, filters: ArticleFilters, interval: str, tz: str
) -> tuple[Counter[date], int] | None:
    """(articles per bucket start, undated articles), None when too many quarters are cut."""
    lo = filters.date_from.timestamp() if filters.date_from else None
    hi = filters.date_to.timestamp() if filters.date_to else None
    zone = zone_of(tz)
    kept = m.DayCount
    ids = range(STRIPES) if scope[0] == ALL else (scope[1],)
    n = func.sum(kept.article_count).label("articles")
    # A day is cut only off UTC or by a date bound inside it: else no quarters are read
    # (on PostgreSQL the archive's are not in its index by day).
    cut = any(zone.offsets) or any(b is not None and b % DAY for b in (lo, hi))
    quarters = _joined(session, kept.quarters) if cut else literal("")
    query = (
        select(kept.day, n, quarters.label("quarters")).where(*of_scope(scope)).group_by(kept.day)
    )
    edges = (None if lo is None else floor(lo / DAY), None if hi is None else floor(hi / DAY))
    if edges[0] is not None:
        query = query.where(kept.day >= edges[0])
    if edges[1] is not None:
        query = query.where(kept.day <= edges[1])
    span = _counters_span(session, scope, edges, interval)
    summed: list[tuple[int, int]] = []
    rows: Iterable[Any]
    if interval in ("week", "month"):
        rows, summed = period_sums(session, interval, query, scope, ids, zone.offsets, edges, span)
    else:
        # At most MAX_BUCKETS days and the undated (a wider span is refused above).
        rows = session.connection().execute(query.order_by(kept.day)).all()
    days, undated = _dated(rows)
    plan = day_plan(days, zone, interval, lo, hi)
    plan.counts.update(dict(summed))  # whole weeks' or months' inner days: their own bucket
    if len(plan.slivers) > MAX_SLIVERS:
        return None
    _add_slivers(session, scope, filters, plan, zone, interval, (lo, hi))
    counts = Counter({date.fromordinal(EPOCH + b): n for b, n in plan.counts.items() if n})
    return counts, undated


def of_scope(scope: Scope) -> list[Any]:
    """The day counters of a scope. The whole archive's are striped (app/store/
    scope_counters.py), all its rows read: by the scope named in the statement's text, as
    the index of its rows by day (migration 0015) is partial and a bound value would not
    choose it."""
    if scope[0] == ALL:
        return [m.DayCount.scope == literal_column(f"'{ALL}'")]
    return [m.DayCount.scope == scope[0], m.DayCount.scope_id == scope[1]]


def _joined(session: Session, quarters: Any) -> Any:
    """The day counters' quarters of a group (the archive's stripes), one text."""
    if session.get_bind().dialect.name == "postgresql":
        return func.string_agg(quarters, literal(""))
    return func.group_concat(quarters, literal(""))


def _counters_span(
    session: Session,
    scope: Scope,
    edges: tuple[int | None, int | None],
    interval: str,
) -> tuple[int, int] | None:
    """The first and last of the scope's dated days within the bounds, each a walk down an
    index (the counters' key; for the archive, its index by day); a histogram too wide is
    refused here, before its days are read."""
    kept = m.DayCount
    dated = [*of_scope(scope), kept.day > UNDATED]
    dated += [] if edges[0] is None else [kept.day >= edges[0]]
    dated += [] if edges[1] is None else [kept.day <= edges[1]]
    ends = [select(func.min(kept.day)).where(*dated), select(func.max(kept.day)).where(*dated)]
    first, last = session.execute(select(*(end.scalar_subquery() for end in ends))).one()
    if first is None:
        return None
    if first + 1 < last - 1:
        check_span(first, last, interval, at_least=True)
    return first, last


def _dated(rows: Iterable[Any]) -> tuple[list[Day], int]:
    """(day, articles, quarters) of each dated day, and the undated articles, from Core's
    rows, not the ORM's: the ORM's result of 16,670 days (one actor over 45 years, by day)
    held three copies of them at once, 3.6 MB a request, 16 requests at once under wrk
    (issue 9). The bound on buckets now keeps a day histogram to ~4,000 days."""
    days: list[Day] = []
    undated = 0
    for day, n, quarters in rows:
        if day == UNDATED:
            undated += n
        else:
            days.append((day, n, quarters))
    return days, undated


def _add_slivers(
    session: Session,
    scope: Scope,
    filters: ArticleFilters,
    plan: Plan,
    zone: Zone,
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
            plan.counts[bucket_at(moment, zone, interval)] += 1
