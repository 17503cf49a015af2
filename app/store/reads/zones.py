"""A time zone's offsets over the years, as instants where each starts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@cache
def zone_eras(zone: ZoneInfo) -> list[tuple[datetime, int]]:
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
