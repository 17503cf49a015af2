"""A scope's day counters summed by week or month of UTC days in SQL, but for the days a
bucket edge can cut, which come back one by one (app/store/reads/histogram_days.py).

A UTC day lies within the local days before, on and after it: no zone is a whole day off
UTC. So a UTC day whose neighbours fall in its own UTC week or month (the second to the
27th of a month, Tuesday to Saturday) falls whole into that bucket on every clock, and only
the days at the ends of a bucket (those the clock's offsets can cut), the undated ones and
the days of the date bounds are left for the Python that cuts days. A month histogram of
45 years read 16,670 days one by one (~37 ms at 100,000 articles); summed here, one to
five rows a month come back."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    Select,
    case,
    cast,
    extract,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session

from app.store.scope_counters import UNDATED

GROUPED = ("week", "month")


def grouped_days(
    session: Session,
    query: Select[int, int, str],
    day: Any,
    interval: str,
    bounds: tuple[int | None, int | None],
    offsets: list[int],
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """(days left whole: (day, articles, quarters), buckets summed in SQL: (first UTC day
    of the bucket, articles)); `query` selects `articles` and `quarters` grouped by `day`,
    `bounds` the days of the date bounds, `offsets` the clock's (seconds east of UTC)."""
    # On a clock east of UTC a bucket starts before its first UTC day ends, so only the
    # UTC day before it is cut; west of UTC only its first; on UTC none.
    east, west = any(o > 0 for o in offsets), any(o < 0 for o in offsets)
    # Beside the day's own sum, once a day: SQLite repeats an expression at each use.
    # The undated articles' day is no date (PostgreSQL's date arithmetic would overflow).
    place_of = case((day == UNDATED, 0), else_=_place_in_bucket(session, day, interval))
    days = query.add_columns(place_of.label("place")).subquery()
    place = days.c.place
    last = 6 if interval == "week" else 27  # a month's last day is the 28th to the 31st
    kept = [days.c.day == UNDATED]
    kept += [place == 0] if west else []
    kept += [place >= last] if east else []
    kept += [days.c.day == bound for bound in bounds if bound is not None]
    whole = or_(*kept)
    key = case((whole, days.c.day), else_=days.c.day - place)
    # A day left whole needs its quarters; a week's or month's inner days do not.
    quarters = joined(session, case((whole, days.c.quarters)))
    summed = select(key, whole, func.sum(days.c.articles), quarters)
    rows = session.execute(summed.group_by(key, whole)).all()
    alone = sorted((k, n, q or "") for k, w, n, q in rows if w)
    return alone, [(k, n) for k, w, n, _ in rows if not w]


def joined(session: Session, quarters: Any) -> Any:
    """The day counters' quarters of a group, one text (app/store/scope_counters.py)."""
    if session.get_bind().dialect.name == "postgresql":
        return func.string_agg(quarters, literal(""))
    return func.group_concat(quarters, literal(""))


def _place_in_bucket(session: Session, day: Any, interval: str) -> Any:
    """Days since the bucket's first UTC day: 0 for Monday or the 1st."""
    if interval == "week":
        return (day % 7 + 10) % 7  # never negative (1970-01-01 was a Thursday)
    if session.get_bind().dialect.name == "postgresql":
        epoch = literal_column("DATE '1970-01-01'", Date)
        return cast(extract("day", epoch + day), Integer) - 1
    return cast(func.strftime("%d", day * 86_400, "unixepoch"), Integer) - 1
