"""The bound on the buckets one histogram may span, as Elasticsearch bounds an aggregation
(search.max_buckets): a wider request answers 422 with what would fit, before the counting
when the day counters' span is enough to tell."""

from __future__ import annotations

from datetime import date, timedelta

from app.errors import InvalidParameter
from app.store.reads.day_cuts import BUCKET, EPOCH

# Eleven years of days, 76 of weeks, 333 of months: the widest answer costs a few ms to
# count and serialize (issue 9: every read under 20 ms at 100,000 articles).
MAX_BUCKETS = 4_000
COARSER = {"day": "week", "week": "month"}


def spanned(first: int, last: int, interval: str) -> int:
    """Buckets from the one holding day `first` to the one holding `last` (days since
    1970-01-01), both included."""
    a, b = BUCKET[interval](first), BUCKET[interval](last)
    if interval == "month":
        one, other = _day(a), _day(b)
        return (other.year - one.year) * 12 + other.month - one.month + 1
    return (b - a) // (7 if interval == "week" else 1) + 1


def check_span(first: int, last: int, interval: str, *, at_least: bool = False) -> None:
    """Raise when more than MAX_BUCKETS lie from the bucket of day `first` to that of `last`;
    `at_least`: the days are UTC days of the day counters, which a clock can move a day
    either way, so the count is of the days between them, one in from each end."""
    n = spanned(first + at_least, last - at_least, interval)
    if n <= MAX_BUCKETS:
        return
    coarser = COARSER.get(interval)
    while coarser and spanned(first + 1, last - 1, coarser) > MAX_BUCKETS:
        coarser = COARSER.get(coarser)
    start = BUCKET[interval](first)
    # UTC days as `from` and `to` take in articles a clock puts in the day before the
    # first or after the last: a bucket and a day are left for them.
    fits = _day(_nth_bucket(start, MAX_BUCKETS - 1, interval)) - timedelta(days=2)
    raise InvalidParameter(
        f"a histogram spans at most {MAX_BUCKETS:,} buckets from its first to its last; this "
        f"one would span {'at least ' * at_least}{n:,} {interval}s, from {_day(start)} to "
        f"{_day(BUCKET[interval](last))}: narrow `from` and `to` (`from={_day(start)}` and "
        f"`to={fits}` fit) or take a coarser `interval`"
        + (f" (`interval={coarser}` fits)" if coarser else ""),
        {
            "max_buckets": MAX_BUCKETS,
            "buckets": n,
            "from": _day(start).isoformat(),
            "to": fits.isoformat(),
            "coarser_interval": coarser,
        },
    )


def _nth_bucket(first: int, n: int, interval: str) -> int:
    """The start of the bucket `n` buckets after the one starting on day `first`."""
    if interval == "month":
        one = _day(first)
        months = one.year * 12 + one.month - 1 + n
        return date(months // 12, months % 12 + 1, 1).toordinal() - EPOCH
    return first + n * (7 if interval == "week" else 1)


def _day(day: int) -> date:
    return date.fromordinal(EPOCH + day)
