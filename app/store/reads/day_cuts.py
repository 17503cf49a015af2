"""The buckets of a clock that UTC days of counted articles fall into (one per day but for
the days a bucket edge, a change of offset or a date bound cuts), and the split of a cut
day by its articles' quarters of an hour (app/store/reads/histogram_days.py)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import pairwise
from math import floor, inf
from zoneinfo import ZoneInfo

from app.store.reads.zones import zone_eras

DAY = 86_400
QUARTER = 900
EPOCH = date(1970, 1, 1).toordinal()
Day = tuple[int, int, str]  # (day since 1970-01-01, articles, their quarters)
Piece = tuple[float, float, int | None]  # (from, to: UTC seconds, bucket or None: left out)


@dataclass(slots=True)
class Plan:
    counts: Counter[int] = field(default_factory=Counter)  # bucket start day -> articles
    slivers: list[tuple[float, float]] = field(default_factory=list)  # read, then counted


@dataclass(frozen=True, slots=True)
class Zone:
    starts: list[float]  # UTC seconds each offset starts at
    offsets: list[int]  # seconds east of UTC

    def era(self, moment: float) -> int:
        return max(0, bisect_right(self.starts, moment) - 1)


@cache
def zone_of(tz: str) -> Zone:
    found = zone_eras(ZoneInfo(tz))
    return Zone([s.timestamp() for s, _ in found], [minutes * 60 for _, minutes in found])


def _week(local_day: int) -> int:
    return local_day - (local_day + 3) % 7  # 1970-01-01 was a Thursday


@cache
def _month(local_day: int) -> int:
    return date.fromordinal(EPOCH + local_day).replace(day=1).toordinal() - EPOCH


def _day(local_day: int) -> int:
    return local_day


# The first day (since 1970-01-01) of the bucket holding a local day.
BUCKET: dict[str, Callable[[int], int]] = {"day": _day, "week": _week, "month": _month}


def plan(days: list[Day], zone: Zone, interval: str, lo: float | None, hi: float | None) -> Plan:
    """Each day's articles in their buckets, `days` in order and within the bounds' days.
    A day with one offset throughout and no bound inside (nearly all) is cut at most once,
    at its local midnight, and only where the bucket changes."""
    found = Plan()
    counts, bucket = found.counts, BUCKET[interval]
    bound_days = {floor(b / DAY) for b in (lo, hi) if b is not None}
    era, following = -1, -inf
    offset = midnight = 0
    for day, n, quarters in days:
        start = day * DAY
        while following <= start:
            era += 1
            offset = zone.offsets[era]
            midnight = (-offset) % DAY  # seconds into a UTC day of the local midnight
            following = zone.starts[era + 1] if era + 1 < len(zone.starts) else inf
        if following < start + DAY or day in bound_days:
            pieces = _pieces(start, zone, interval, lo, hi)
            if len(pieces) > 1:
                _split(found, start, quarters, pieces)
            elif pieces[0][2] is not None:
                counts[pieces[0][2]] += n
            continue
        local = (start + offset) // DAY
        first = bucket(local)
        second = bucket(local + 1) if midnight else first
        if second == first:
            counts[first] += n
        elif midnight % QUARTER == 0:
            below = _below(quarters, midnight // QUARTER)
            counts[first] += below
            counts[second] += n - below
        else:
            cut = start + midnight
            _split(found, start, quarters, [(start, cut, first), (cut, start + DAY, second)])
    return found


def _pieces(
    start: float, zone: Zone, interval: str, lo: float | None, hi: float | None
) -> list[Piece]:
    """The day cut where its bucket changes, adjacent pieces of one bucket merged; None
    for a piece outside the date bounds."""
    end = start + DAY
    first, last = zone.era(start), zone.era(end - 1)
    cuts = {start, end}
    cuts.update(s for s in zone.starts[first + 1 : last + 1])
    for era in range(first, last + 1):
        offset = zone.offsets[era]
        midnight = start + (-(start + offset)) % DAY  # the first local midnight from start
        if start < midnight < end:
            cuts.add(midnight)
    cuts.update(bound for bound in (lo, hi) if bound is not None and start < bound < end)
    pieces: list[Piece] = []
    for a, b in pairwise(sorted(cuts)):
        outside = (lo is not None and a < lo) or (hi is not None and a >= hi)
        local = floor((a + zone.offsets[zone.era(a)]) / DAY)
        bucket = None if outside else BUCKET[interval](local)
        if pieces and pieces[-1][2] == bucket:
            pieces[-1] = (pieces[-1][0], b, bucket)
        else:
            pieces.append((a, b, bucket))
    return pieces


def _split(found: Plan, start: float, quarters: str, pieces: list[Piece]) -> None:
    """Each article of a cut day to its piece's bucket by its quarter; a quarter cut inside
    becomes a sliver, whose articles the caller reads and counts (`slivers`)."""
    cuts = [b - start for _, b, _ in pieces[:-1]]  # seconds into the day
    inside = {int(cut // QUARTER) for cut in cuts if cut % QUARTER}
    for q, n in Counter(ord(c) - 32 for c in quarters).items():
        if q in inside:
            found.slivers.append((start + q * QUARTER, start + (q + 1) * QUARTER))
            continue
        bucket = pieces[bisect_right(cuts, q * QUARTER)][2]
        if bucket is not None:
            found.counts[bucket] += n


def _below(quarters: str, q: int) -> int:
    """How many of the characters stand for a quarter before `q`."""
    cut = _CHARS[q]
    if not quarters or max(quarters) < cut:
        return len(quarters)
    if min(quarters) >= cut:
        return 0
    return len(quarters.translate(_DROP_FROM[q]))


_CHARS = [chr(32 + q) for q in range(96)]
_DROP_FROM = [str.maketrans("", "", "".join(_CHARS[q:])) for q in range(96)]


def bucket_at(moment: float, zone: Zone, interval: str) -> int:
    """The bucket of one instant (an article of a sliver)."""
    return BUCKET[interval](floor((moment + zone.offsets[zone.era(moment)]) / DAY))
