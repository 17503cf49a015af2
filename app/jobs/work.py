"""What the jobs do, apart from the queue that runs them: poll a feed, fetch a page,
ingest a URL. Each stores articles through app/ingestion.py, one transaction per article,
and hands links on to `defer` as jobs of their own."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from app.extract.pipeline import extract
from app.ingest.dispatch import Payload
from app.ingest.model import ParsedArticle
from app.ingestion import fetch_articles, ingest_parsed, read_payload, read_url
from app.jobs.runtime import Runtime
from app.store.base import utcnow
from app.store.db import unit_of_work
from app.store.feeds import FeedTarget, feed_target, known_urls, record_failure, record_success
from app.store.sources import source_name_and_zone

log = logging.getLogger(__name__)
# (task, arguments, queueing lock) -> the new job's id, or None when one is queued already
Defer = Callable[[str, dict[str, Any], str | None], int | None]


@dataclass(frozen=True, slots=True)
class Origin:
    """The registered source articles come from, when they come from one."""

    id: int | None = None
    name: str | None = None
    timezone: str | None = None


@dataclass
class Done:
    article_ids: list[int] = field(default_factory=list)
    job_ids: list[int] = field(default_factory=list)


def poll_feed(rt: Runtime, feed_id: int, defer: Defer) -> Done:
    """Fetch a feed conditionally; store its new full-text items, queue its new links."""
    with unit_of_work(rt.factory, write=False) as session:
        target = feed_target(session, feed_id)
    try:
        page = rt.fetch(target.url, _validators(target))
        payload = None
        if page.status != 304:
            payload = read_payload(
                page.data, page.content_type, fetch=rt.fetch, source_url=page.url_final
            )
    except Exception as exc:
        _failed(rt, target, exc)
        raise
    done = Done()
    if payload is not None:
        if target.hints.get("fetch_pages"):
            payload = pages_only(payload)
        origin = Origin(target.source_id, target.source_name, target.timezone)
        done = take_payload(rt, payload, origin, defer, skip_known=True)
    with unit_of_work(rt.factory) as session:
        record_success(session, feed_id, utcnow(), etag=page.etag, last_modified=page.last_modified)
    log.info("feed %s: %d stored, %d pages queued", target.url, *_sizes(done))
    return done


def fetch_page(rt: Runtime, url: str, source_id: int | None) -> Done:
    origin = _origin(rt, source_id)
    articles = fetch_articles(url, fetch=rt.fetch)
    return Done(article_ids=store(rt, articles, origin))


def ingest_url(rt: Runtime, url: str, defer: Defer) -> Done:
    """A URL sent to POST /articles: its page, or its feed with the feed's links."""
    return take_payload(rt, read_url(url, fetch=rt.fetch), Origin(), defer, skip_known=False)


def pages_only(payload: Payload) -> Payload:
    """The layout hint `fetch_pages`: the outlet's feed items carry text, but not the whole
    story (or not its byline and dateline), so every item's page is fetched instead."""
    links = [a.url for a in payload.articles if a.url] + payload.to_fetch
    kept = [a for a in payload.articles if not a.url]
    return Payload(kept, payload.format, links)


def take_payload(
    rt: Runtime, payload: Payload, origin: Origin, defer: Defer, *, skip_known: bool
) -> Done:
    articles, links = payload.articles, list(dict.fromkeys(payload.to_fetch))
    if skip_known:
        with unit_of_work(rt.factory, write=False) as session:
            known = known_urls(session, [a.url for a in articles if a.url] + links)
        articles = [a for a in articles if a.url not in known]
        links = [link for link in links if link not in known]
    done = Done(article_ids=store(rt, articles, origin))
    for link in links:
        job_id = defer("fetch_page", {"url": link, "source_id": origin.id}, f"page:{link}")
        if job_id is not None:
            done.job_ids.append(job_id)
    return done


def store(rt: Runtime, articles: list[ParsedArticle], origin: Origin) -> list[int]:
    """Each article in a transaction of its own, extracted before it begins."""
    ids = []
    for parsed in articles:
        if origin.name:
            parsed.outlet = origin.name  # the registry's name: one spelling per outlet
        parsed.timezone = parsed.timezone or origin.timezone  # the outlet's clock
        extraction = extract(parsed)
        with unit_of_work(rt.factory) as session:
            ids.append(ingest_parsed(session=session, parsed=parsed, extraction=extraction).id)
    return ids


def _validators(target: FeedTarget) -> Mapping[str, str]:
    headers = {}
    if target.etag:
        headers["If-None-Match"] = target.etag
    if target.last_modified:
        headers["If-Modified-Since"] = target.last_modified
    return headers


def _failed(rt: Runtime, target: FeedTarget, exc: Exception) -> None:
    error = getattr(exc, "detail", None) or f"{type(exc).__name__}: {exc}"
    ceiling = timedelta(seconds=rt.settings.poll_max_backoff_seconds)
    with unit_of_work(rt.factory) as session:
        wait = record_failure(session, target.id, utcnow(), error=error, max_backoff=ceiling)
    log.warning("feed %s failed (%s); next try in %s", target.url, error, wait)


def _origin(rt: Runtime, source_id: int | None) -> Origin:
    if source_id is None:
        return Origin()
    with unit_of_work(rt.factory, write=False) as session:
        name, timezone = source_name_and_zone(session, source_id)
    return Origin(source_id, name, timezone)


def _sizes(done: Done) -> tuple[int, int]:
    return len(done.article_ids), len(done.job_ids)
