"""The data flow in one place: raw input -> ParsedArticle -> Extraction -> rows.

The CLI, the API and the queue's workers all come through here. Parsers do no I/O: a
payload says what it needs fetched (a {"url": ...} request, a feed's teaser links) and
this module fetches it with the `Fetch` it is given: the plain SSRF-safe fetcher for the
CLI and the API, the polite one (per-host rate, robots.txt) for the workers."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.config import Settings
from app.extract.model import Extraction
from app.extract.pipeline import extract
from app.ingest.dispatch import Payload, dispatch_payload, parse_payload
from app.ingest.errors import InvalidDocument, NotAnArticle
from app.ingest.model import ParsedArticle
from app.store.writes import Outcome, save_article

if TYPE_CHECKING:
    from app.ingest.fetch import Fetched

log = logging.getLogger(__name__)
MAX_FEED_LINKS = 50  # per request: a feed's pages are fetched while the client waits
RETRIES = 3
_TRANSIENT = {"40P01", "40001"}  # deadlock detected, serialization failure
Fetch = Callable[[str], "Fetched"]


@dataclass(frozen=True, slots=True)
class Ingested:
    id: int
    outcome: Outcome
    title: str
    warnings: list[str]


def ingest_parsed(
    *, session: Session, parsed: ParsedArticle, extraction: Extraction | None = None
) -> Ingested:
    """Save one article. Pass `extraction` when it was computed before the transaction
    began, so no write lock is held during CPU work (SQLite takes it at the first write)."""
    extraction = extraction if extraction is not None else extract(parsed)
    return save_extracted(session=session, extracted=[(parsed, extraction)])[0]


def save_extracted(
    *, session: Session, extracted: list[tuple[ParsedArticle, Extraction]]
) -> list[Ingested]:
    """Save articles in the caller's transaction, under a SAVEPOINT that is rolled back and
    tried again when PostgreSQL picks it as a deadlock victim. Writers create shared rows
    (entities, aliases, sources, resolutions) in the order their articles name them, so two
    of them can each wait on a row the other just inserted; the retry finds those rows."""
    for attempt in range(1, RETRIES + 1):
        try:
            with session.begin_nested():
                return [_save(session, parsed, extraction) for parsed, extraction in extracted]
        except OperationalError as exc:
            if attempt == RETRIES or getattr(exc.orig, "sqlstate", None) not in _TRANSIENT:
                raise
            log.warning("write conflict (%s); trying again, attempt %d", exc.orig, attempt + 1)
            time.sleep(random.uniform(0.01, 0.05) * attempt)
    raise AssertionError("unreachable")


def _save(session: Session, parsed: ParsedArticle, extraction: Extraction) -> Ingested:
    from app.metrics import INGESTED  # prometheus_client: imported by the API's writes only

    result = save_article(session=session, parsed=parsed, extraction=extraction)
    INGESTED.labels(result.outcome.value).inc()
    log.info("article %s %s: %s", result.article_id, result.outcome.value, parsed.title[:80])
    for warning in parsed.warnings:
        log.info("article %s: %s", result.article_id, warning)
    return Ingested(result.article_id, result.outcome, parsed.title, list(parsed.warnings))


def direct_fetch(settings: Settings) -> Fetch:
    """The plain SSRF-safe fetcher with the configured limits."""

    def fetch(url: str) -> Fetched:
        # httpx is imported by the first fetch: most batch runs read files only
        from app.ingest.fetch import FetchSettings, fetch_url

        return fetch_url(url, FetchSettings.from_settings(settings))

    return fetch


def read_payload(
    data: bytes, content_type: str | None, *, fetch: Fetch, source_url: str | None = None
) -> Payload:
    """What a payload holds, a {"url": ...} request fetched first. The fetched page may be
    a feed whose teaser links are left in `to_fetch`, but never asks for another fetch."""
    payload = dispatch_payload(data, content_type, source_url=source_url)
    if payload.fetch_request is None:
        return payload
    return read_url(payload.fetch_request, fetch=fetch)


def read_url(url: str, *, fetch: Fetch) -> Payload:
    """What the page at `url` holds: articles, or a feed's teaser links in `to_fetch`."""
    page = fetch(url)
    payload = dispatch_payload(page.data, page.content_type, source_url=page.url_final)
    if payload.fetch_request is not None:
        raise InvalidDocument(f"{page.url_final} asks for yet another fetch; one is allowed")
    return payload


def fetch_articles(url: str, *, fetch: Fetch) -> list[ParsedArticle]:
    """The articles of a page a feed links to. A page that asks for another fetch or is a
    feed of teasers itself is refused: one level of links is followed, never more."""
    page = fetch(url)
    return parse_payload(page.data, page.content_type, source_url=page.url_final)


def articles_in(
    data: bytes, content_type: str | None, *, settings: Settings, source_url: str | None = None
) -> list[ParsedArticle]:
    """Every article a payload holds; a feed's teaser items are fetched from their links
    (at most MAX_FEED_LINKS of them). Any failure fails the whole payload."""
    fetch = direct_fetch(settings)
    payload = read_payload(data, content_type, fetch=fetch, source_url=source_url)
    articles = list(payload.articles)
    if len(payload.to_fetch) > MAX_FEED_LINKS:
        log.warning(
            "feed lists %d teaser links; fetching the first %d",
            len(payload.to_fetch),
            MAX_FEED_LINKS,
        )
    for link in payload.to_fetch[:MAX_FEED_LINKS]:
        articles += fetch_articles(link, fetch=fetch)
    if not articles:
        raise NotAnArticle("the input holds no article")
    return articles


def ingest_payload(
    *, session: Session, data: bytes, content_type: str | None, settings: Settings
) -> list[Ingested]:
    """Every article of one payload, in the caller's transaction: all of them or none.
    Everything is parsed and extracted before the first write."""
    return ingest_articles(
        session=session, articles=articles_in(data, content_type, settings=settings)
    )


def ingest_articles(*, session: Session, articles: list[ParsedArticle]) -> list[Ingested]:
    """Articles in the caller's transaction, all extracted before the first write."""
    if not articles:
        raise NotAnArticle("the input holds no article")
    extracted = [(parsed, extract(parsed)) for parsed in articles]
    return save_extracted(session=session, extracted=extracted)
