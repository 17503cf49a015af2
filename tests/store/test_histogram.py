"""The zone eras SQLite's histogram shifts dates by: the offsets and when they change."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from app.store.reads.histogram import _eras, bucket_start


def test_eras_follow_daylight_saving_to_the_minute() -> None:
    eras = dict(_eras(ZoneInfo("Europe/Berlin")))
    assert eras[datetime(2024, 3, 31, 1, 0, tzinfo=UTC)] == 120
    assert eras[datetime(2024, 10, 27, 1, 0, tzinfo=UTC)] == 60


def test_a_zone_without_changes_is_one_era() -> None:
    assert _eras(ZoneInfo("UTC")) == [(datetime(1970, 1, 1, tzinfo=UTC), 0)]


def test_weeks_start_on_monday_and_months_on_the_first() -> None:
    sunday = datetime(2024, 3, 31).date()
    assert bucket_start(sunday, "week").isoformat() == "2024-03-25"
    assert bucket_start(sunday, "month").isoformat() == "2024-03-01"
