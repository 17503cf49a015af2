"""The data flow in one place: raw input -> ParsedArticle -> Extraction -> rows."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.config import Settings
from app.extract.pipeline import extract
from app.ingest.dispatch import dispatch_payload, parse_payload
from app.ingest.errors import NotAnArticle
from app.ingest.fetch import FetchSettings, fetch_url
from app.ingest.model import ParsedArticle
from app.store.writes import Outcome, save_article

log = logging.getLogger(__name__)
MAX_FEED_LINKS = 50


@dataclass(frozen=True, slots=True)
class Ingested:
    id: int
    outcome: Outcome
    title: str
    warnings: list[str]


def ingest_parsed(*, session: Session, parsed: ParsedArticle) -> Ingested:
    result = save_article(session=session, parsed=parsed, extraction=extract(parsed))
    log.info("article %s %s: %s", result.article_id, result.outcome.value, parsed.title[:80])
    return Ingested(result.article_id, result.outcome, parsed.title, list(parsed.warnings))


def articles_in(
    data: bytes, content_type: str | None, *, settings: Settings, source_url: str | None = None
) -> list[ParsedArticle]:
    """Every article a payload holds; a feed's teaser items are fetched from their links
    (at most MAX_FEED_LINKS of them)."""
    payload = dispatch_payload(data, content_type, source_url=source_url, settings=settings)
    articles = list(payload.articles)
    fetch_settings = FetchSettings.from_settings(settings)
    for link in payload.to_fetch[:MAX_FEED_LINKS]:
        page = fetch_url(link, fetch_settings)
        articles += parse_payload(page.data, page.content_type, source_url=page.url_final)
    if not articles:
        raise NotAnArticle("the input holds no article")
    return articles


def ingest_payload(
    *, session: Session, data: bytes, content_type: str | None, settings: Settings
) -> list[Ingested]:
    """Every article of one payload, in the caller's transaction: all of them or none."""
    articles = articles_in(data, content_type, settings=settings)
    return [ingest_parsed(session=session, parsed=parsed) for parsed in articles]
