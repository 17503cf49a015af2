"""A time zone's offsets over the years, as instants where each starts.

Finding them walks the zone day by day since 1970: 26-53 ms of CPU a zone on this machine
(bench/RESULTS.md, hist7 and hist8), paid by the first request on that clock in each
process. So the walk's result is kept on disk between processes (app/text/prebuilt.py),
named by the zone's compiled tzdata file, and the warm-up asks the clocks of the region's
outlets (`REGION`) before the server listens."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from zoneinfo import ZoneInfo

from app.text.prebuilt import cached_build

# The clocks of the region's outlets and of the cities their datelines name most.
REGION = (
    "UTC",
    "Asia/Damascus",
    "Asia/Beirut",
    "Asia/Baghdad",
    "Asia/Riyadh",
    "Asia/Tehran",
    "Asia/Jerusalem",
    "Asia/Gaza",
    "Asia/Hebron",
    "Asia/Amman",
    "Asia/Kuwait",
    "Asia/Qatar",
    "Asia/Bahrain",
    "Asia/Dubai",
    "Asia/Muscat",
    "Asia/Aden",
    "Africa/Cairo",
    "Africa/Tripoli",
    "Africa/Tunis",
    "Africa/Algiers",
    "Africa/Casablanca",
    "Africa/Khartoum",
    "Europe/Istanbul",
)


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


@cache
def zone_eras(zone: ZoneInfo) -> list[tuple[datetime, int]]:
    """(UTC instant the offset starts, offset in minutes) from 1970 to next year: each
    entry's offset holds until the next entry's instant."""
    year = datetime.now(UTC).year
    if zone.key is None:  # built from a file of its own: nothing to name it by
        return _walk(zone, year)
    name = f"zone-eras-{zone.key.replace('/', '-')}-{year}"
    return cached_build(name, [tzif_file(zone.key), Path(__file__)], lambda: _walk(zone, year))


def tzif_file(key: str) -> Path:
    """The compiled file zoneinfo reads for `key`: the first of its search path, else the
    tzdata package's (a path that does not exist when neither has it)."""
    for root in zoneinfo.TZPATH:
        path = Path(root, key)
        if path.is_file():
            return path
    spec = find_spec("tzdata")
    base = Path(spec.origin).parent if spec and spec.origin else Path("/nonexistent")
    return base.joinpath("zoneinfo", *key.split("/"))


def _walk(zone: ZoneInfo, year: int) -> list[tuple[datetime, int]]:
    """Found day by day, then to the second by bisection (zones change offset a few
    times a year at most)."""

    def offset(moment: datetime) -> int:
        delta = moment.astimezone(zone).utcoffset()
        return int(delta.total_seconds() // 60) if delta is not None else 0

    moment = datetime(1970, 1, 1, tzinfo=UTC)
    end = datetime(year + 2, 1, 1, tzinfo=UTC)
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
