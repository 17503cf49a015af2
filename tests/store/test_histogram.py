"""The histogram: the zone eras SQLite's general path shifts dates by, and the counted path
(day counters, slivers of cut days) answering exactly what counting the rows answers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from factories import article, extraction_naming, syria
from scope_archive import build_archive
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from test_facets import one_filter_pairs

from app.store import models as m
from app.store.reads import zones
from app.store.reads.article_query import ArticleFilters
from app.store.reads.day_cuts import EPOCH, plan, zone_of
from app.store.reads.histogram import bucket_start, histogram
from app.store.reads.histogram_days import MAX_SLIVERS, of_scope
from app.store.reads.scope import scope_of
from app.store.reads.zones import zone_eras as _eras
from app.store.scope_counters import ALL
from app.store.views import Interval
from app.store.writes import save_article


def test_eras_follow_daylight_saving_to_the_minute() -> None:
    eras = dict(_eras(ZoneInfo("Europe/Berlin")))
    assert eras[datetime(2024, 3, 31, 1, 0, tzinfo=UTC)] == 120
    assert eras[datetime(2024, 10, 27, 1, 0, tzinfo=UTC)] == 60


def test_a_zone_without_changes_is_one_era() -> None:
    assert _eras(ZoneInfo("UTC")) == [(datetime(1970, 1, 1, tzinfo=UTC), 0)]


def test_a_zone_s_eras_are_worked_out_once_then_read_from_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    walked: list[str | None] = []
    walk = zones._walk

    def counted(zone: ZoneInfo, year: int) -> list[tuple[datetime, int]]:
        walked.append(zone.key)
        return walk(zone, year)

    monkeypatch.setattr(zones, "_walk", counted)
    first = zones.zone_eras.__wrapped__(ZoneInfo("Asia/Damascus"))
    again = zones.zone_eras.__wrapped__(ZoneInfo("Asia/Damascus"))
    assert first == again and again is not first
    assert walked == ["Asia/Damascus"]


def test_every_region_clock_has_its_compiled_file() -> None:
    assert all(zones.tzif_file(key).is_file() for key in zones.REGION)


def test_weeks_start_on_monday_and_months_on_the_first() -> None:
    sunday = datetime(2024, 3, 31).date()
    assert bucket_start(sunday, "week").isoformat() == "2024-03-25"
    assert bucket_start(sunday, "month").isoformat() == "2024-03-01"


ZONES = ("UTC", "Asia/Tehran", "Asia/Damascus", "America/St_Johns", "Asia/Kathmandu")
BOUNDS = [
    (None, None),
    (datetime(2020, 3, 27, 21, 17, 5, tzinfo=UTC), datetime(2022, 10, 27, 20, 45, tzinfo=UTC)),
    # On UTC midnights: no day is cut on UTC, whose quarters are then not read.
    (datetime(2020, 6, 1, tzinfo=UTC), datetime(2022, 6, 1, tzinfo=UTC)),
]


@pytest.mark.parametrize("interval", list(Interval))
def test_counted_histograms_equal_histograms_counted_over_the_rows(
    session: Session, interval: Interval
) -> None:
    """On clocks half an hour and three quarters off UTC, across daylight saving changes,
    with date bounds inside a day and on its start."""
    build_archive(session)
    for counted, general in one_filter_pairs(session):
        for tz in ZONES:
            for lo, hi in BOUNDS:
                asked = replace(counted, date_from=lo, date_to=hi)
                assert scope_of(asked, dates=True) is not None
                kept = histogram(session=session, filters=asked, interval=interval, tz=tz)
                rows = replace(general, date_from=lo, date_to=hi)
                assert kept == histogram(session=session, filters=rows, interval=interval, tz=tz)
                assert kept.buckets


def test_a_day_cut_on_a_quarter_is_split_by_its_articles_quarters() -> None:
    """Tehran (+03:30 since 1979, +04:30 in summer until 2022): 2023-01-10 starts at 20:30
    UTC on the 9th, the start of quarter 82. Articles at 20:15 (quarter 81) and 20:30 (82)."""
    day = date(2023, 1, 9).toordinal() - EPOCH
    found = plan([(day, 2, chr(32 + 81) + chr(32 + 82))], zone_of("Asia/Tehran"), "day", None, None)
    assert found.slivers == []
    assert dict(found.counts) == {day: 1, day + 1: 1}


def test_a_cut_inside_a_quarter_reads_the_quarter_s_articles() -> None:
    """St. John's changed offset at 00:01 local until 2011: on 2010-11-07 at 02:31 UTC,
    inside quarter 10, the clock went from 00:01 on the 7th back to 23:01 on the 6th, until
    03:30 UTC. The article of quarter 10 is read (a sliver); 03:15 is the 6th, 03:45 the 7th."""
    day = date(2010, 11, 7).toordinal() - EPOCH
    quarters = chr(32 + 13) + chr(32 + 10) + chr(32 + 15)
    found = plan([(day, 3, quarters)], zone_of("America/St_Johns"), "day", None, None)
    assert found.slivers == [(day * 86_400 + 10 * 900, day * 86_400 + 11 * 900)]
    assert dict(found.counts) == {day - 1: 1, day: 1}


def test_a_quarter_cut_inside_without_articles_reads_nothing() -> None:
    day = date(2010, 11, 7).toordinal() - EPOCH
    found = plan([(day, 1, chr(32 + 20))], zone_of("America/St_Johns"), "day", None, None)
    assert found.slivers == [] and sum(found.counts.values()) == 1


def test_too_many_slivers_count_rows_instead() -> None:
    """As if St. John's changed its clock inside a quarter every day."""
    day = date(2010, 11, 7).toordinal() - EPOCH
    many = [(day, 1, chr(32 + 10))] * (MAX_SLIVERS + 1)
    assert len(plan(many, zone_of("America/St_Johns"), "day", None, None).slivers) > MAX_SLIVERS


EDGES = [datetime(2021, 2, 28, 23, 30), datetime(2021, 3, 1, 0, 30), datetime(2021, 4, 30, 22)]


@pytest.mark.parametrize("tz", ["UTC", "Asia/Tehran", "America/St_Johns"])
def test_a_month_histogram_moves_the_articles_of_a_month_s_first_and_last_utc_days(
    session: Session, tz: str
) -> None:
    """Months are summed from their counters but for their end days: the last of February (the
    28th), of April (the 30th), the first of March, each read on clocks east and west of UTC."""
    for n, moment in enumerate(EDGES):
        parsed = article(n)
        parsed.published_at = moment.replace(tzinfo=UTC)
        save_article(session=session, parsed=parsed, extraction=extraction_naming(syria()))
    session.flush()
    kept = histogram(session=session, filters=ArticleFilters(), interval=Interval.MONTH, tz=tz)
    months = {bucket.start.isoformat(): bucket.count for bucket in kept.buckets}
    expected = {
        "UTC": {"2021-02-01": 1, "2021-03-01": 1, "2021-04-01": 1},
        "Asia/Tehran": {"2021-03-01": 2, "2021-05-01": 1},
        "America/St_Johns": {"2021-02-01": 2, "2021-04-01": 1},
    }
    assert months == expected[tz]


def test_the_archive_s_days_are_read_in_day_order_from_their_own_index(session: Session) -> None:
    """Its 8 stripes a day, from the index of them by day (migration 0015); on SQLite
    summed as read, without sorting them. Each engine chooses it knowing the table
    (ANALYZE, as bench/build.py's archives are)."""
    days = m.DayCount
    rows = [("all", stripe, day) for stripe in range(8) for day in range(14_000, 16_000)]
    rows += [("entity", entity, day) for entity in range(20) for day in range(15_000, 16_000)]
    session.execute(
        days.__table__.insert(),
        [
            {"scope": a, "scope_id": b, "day": c, "article_count": 1, "quarters": " "}
            for a, b, c in rows
        ],
    )
    session.execute(text("ANALYZE"))
    query = (
        select(days.day, func.sum(days.article_count))
        .where(*of_scope((ALL, 0)), days.day >= 15_000)
        .group_by(days.day)
        .order_by(days.day)
    )
    sql = str(query.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL enable_seqscan = off"))
        plan = " ".join(str(row[0]) for row in session.execute(text(f"EXPLAIN {sql}")))
    else:
        plan = " ".join(str(row[-1]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    assert "ix_day_counts_all" in plan
    assert "TEMP B-TREE" not in plan  # PostgreSQL may hash and sort, as its costs say
