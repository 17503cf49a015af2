"""`khabar poll` against fake outlets on loopback: each article stored once, conditional
requests the second time, backoff after a failure lifted by a success, slow feeds and
robots.txt, the outlet's name taken from the registry."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.config import Settings
from app.jobs.queue import run_worker
from app.store import models as m
from app.store.base import utcnow
from app.store.db import make_engine
from app.store.sources import SourceSpec, add_source, get_source
from bench.outlets import (
    conditional,
    failing_then,
    fulltext_feed,
    outlet_server,
    slow,
    teaser_feed,
)


def register(
    settings: Settings, name: str, *feeds: str, poll_seconds: int = 600, **more: Any
) -> int:
    engine = make_engine(settings.database_url)
    with Session(engine) as session, session.begin():
        spec = SourceSpec(name=name, feeds=list(feeds), poll_seconds=poll_seconds, **more)
        source_id = add_source(session, spec)
    engine.dispose()
    return source_id


def poll(settings: Settings) -> None:
    asyncio.run(run_worker(settings, once=True))


def all_due(settings: Settings) -> None:
    engine = make_engine(settings.database_url)
    with Session(engine) as session, session.begin():
        session.execute(update(m.Feed).values(next_due_at=utcnow()))
    engine.dispose()


def query(settings: Settings, statement: object) -> list[object]:
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        rows = list(session.execute(statement).scalars())  # type: ignore[call-overload]
    engine.dispose()
    return rows


def feed_row(settings: Settings) -> m.Feed:
    (feed,) = query(settings, select(m.Feed))
    assert isinstance(feed, m.Feed)
    return feed


def article_count(settings: Settings) -> int:
    return int(query(settings, select(func.count()).select_from(m.Article))[0])  # type: ignore[call-overload]


def test_a_pass_stores_each_article_once_and_the_next_asks_conditionally(
    job_settings: Settings,
) -> None:
    with outlet_server() as outlet:
        outlet.add_feed("/feed.rss", 5)
        source_id = register(job_settings, "  وكالة   الاختبار ", f"{outlet.base}/feed.rss")
        poll(job_settings)
        assert article_count(job_settings) == 5
        assert all(len(outlet.hits(f"/news/{n}.html")) == 1 for n in range(1, 6))
        outlets = query(job_settings, select(m.Source.name).join(m.Article).distinct())
        assert outlets == ["وكالة الاختبار"]  # the registry's name, spaces collapsed

        all_due(job_settings)
        poll(job_settings)
        first, second = outlet.hits("/feed.rss")
        assert "if-none-match" not in first
        assert second["if-none-match"] == '"v1"'
        assert second["if-modified-since"] == "Mon, 07 Dec 2026 08:00:00 GMT"
        assert article_count(job_settings) == 5
        assert all(len(outlet.hits(f"/news/{n}.html")) == 1 for n in range(1, 6))
        engine = make_engine(job_settings.database_url)
        with Session(engine) as session:
            info = get_source(session, source_id)
        engine.dispose()
        assert info.article_count == 5
        assert info.last_success_at is not None and info.last_error is None


def test_a_changed_feed_brings_only_its_new_items(job_settings: Settings) -> None:
    with outlet_server() as outlet:
        outlet.add_feed("/feed.rss", 3)
        register(job_settings, "وكالة الاختبار", f"{outlet.base}/feed.rss")
        poll(job_settings)
        outlet.add_feed("/feed.rss", 4, etag='"v2"')  # items 1-4: one new
        all_due(job_settings)
        poll(job_settings)
        assert article_count(job_settings) == 4
        assert all(len(outlet.hits(f"/news/{n}.html")) == 1 for n in range(1, 5))


def test_a_failing_feed_backs_off_and_a_success_lifts_it(job_settings: Settings) -> None:
    with outlet_server() as outlet:
        outlet.add_feed("/feed.rss", 2)
        outlet.routes["/feed.rss"] = failing_then(outlet.routes["/feed.rss"], failures=2)
        register(job_settings, "وكالة الاختبار", f"{outlet.base}/feed.rss", poll_seconds=60)

        poll(job_settings)
        feed = feed_row(job_settings)
        assert (feed.failures, article_count(job_settings)) == (1, 0)
        assert "HTTP 500" in (feed.last_error or "")
        wait = feed.next_due_at - (feed.last_polled_at or utcnow())
        assert wait == timedelta(seconds=120)  # the interval times 2**1

        all_due(job_settings)
        poll(job_settings)
        feed = feed_row(job_settings)
        assert feed.failures == 2
        assert feed.next_due_at - (feed.last_polled_at or utcnow()) == timedelta(seconds=240)

        poll(job_settings)  # not due yet: nothing asked
        assert len(outlet.hits("/feed.rss")) == 2

        all_due(job_settings)
        poll(job_settings)
        feed = feed_row(job_settings)
        assert (feed.failures, feed.last_error, article_count(job_settings)) == (0, None, 2)
        assert feed.next_due_at - (feed.last_success_at or utcnow()) == timedelta(seconds=60)


def test_a_slow_feed_fails_on_its_own(job_settings: Settings) -> None:
    settings = job_settings.model_copy(update={"fetch_timeout_seconds": 0.5})
    with outlet_server() as outlet:
        outlet.add_feed("/feed.rss", 2)
        outlet.routes["/slow.rss"] = slow(
            conditional(teaser_feed(outlet.base, range(7, 9)), '"s"'), 1.5
        )
        register(settings, "وكالة الاختبار", f"{outlet.base}/feed.rss")
        register(settings, "الموقع البطيء", f"{outlet.base}/slow.rss")
        poll(settings)
        assert article_count(settings) == 2
        errors = query(settings, select(m.Feed.last_error).where(m.Feed.url.endswith("/slow.rss")))
        assert "0.5 s" in str(errors[0])


def test_robots_txt_is_honoured(job_settings: Settings) -> None:
    with outlet_server() as outlet:
        outlet.add_feed("/feed.rss", 2)
        body = teaser_feed(outlet.base, range(1, 3)).replace(b"/news/2.html", b"/private/2.html")
        outlet.routes["/feed.rss"] = conditional(body, '"p"')
        register(job_settings, "وكالة الاختبار", f"{outlet.base}/feed.rss")
        poll(job_settings)
        assert article_count(job_settings) == 1
        assert outlet.hits("/private/2.html") == []
        assert len(outlet.hits("/robots.txt")) == 1  # then kept
        errors = query(
            job_settings, select(m.JobOutcome.error).where(m.JobOutcome.status == "failed")
        )
        assert errors == [f"robots.txt of {outlet.base[7:]} disallows {outlet.base}/private/2.html"]


def test_requests_to_one_host_are_spaced(job_settings: Settings) -> None:
    settings = job_settings.model_copy(update={"host_delay_seconds": 0.3})
    with outlet_server() as outlet:
        outlet.add_feed("/feed.rss", 3)
        register(settings, "وكالة الاختبار", f"{outlet.base}/feed.rss")
        poll(settings)
        times = sorted(float(headers["_at"]) for _, headers in outlet.log)
        assert len(times) == 5  # robots.txt, the feed, three pages
        # each request waits for its slot; the server sees it after the client's own work
        # (address checks, a new connection), which jitters by tenths of a second on a busy
        # machine, but the rate holds: five requests span four slots, give or take that
        assert times[-1] - times[0] >= 4 * 0.3 - 0.2, times
        assert times[-1] - times[0] < 4 * 0.3 + 2, times


def test_full_text_items_are_stored_from_the_feed_unless_hinted_otherwise(
    job_settings: Settings,
) -> None:
    with outlet_server() as outlet:
        outlet.add_feed("/teasers.rss", 4)  # serves pages 1-4
        outlet.routes["/a.rss"] = conditional(fulltext_feed(outlet.base, range(1, 3)), '"a"')
        outlet.routes["/b.rss"] = conditional(fulltext_feed(outlet.base, range(3, 5)), '"b"')
        register(job_settings, "وكالة أ", f"{outlet.base}/a.rss")
        register(
            job_settings,
            "وكالة ب",
            f"{outlet.base}/b.rss",
            hints={"fetch_pages": True},
            timezone="Asia/Amman",
        )
        poll(job_settings)
        assert [len(outlet.hits(f"/news/{n}.html")) for n in range(1, 5)] == [0, 0, 1, 1]
        rows = query(job_settings, select(m.Article).order_by(m.Article.url))
        formats = [(a.raw_format, a.timezone) for a in rows]  # type: ignore[attr-defined]
        assert formats == [("feed", None)] * 2 + [("html", "Asia/Amman")] * 2
