"""The data flow in one place: raw input -> ParsedArticle -> Extraction -> rows."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.config import Settings
from app.extract.pipeline import extract
from app.ingest.dispatch import parse_payload
from app.ingest.model import ParsedArticle
from app.store.writes import Outcome, save_article

log = logging.getLogger(__name__)


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


def ingest_payload(
    *, session: Session, data: bytes, content_type: str | None, settings: Settings
) -> list[Ingested]:
    """Every article of one payload, in the caller's transaction: all of them or none."""
    articles = parse_payload(data, content_type, settings=settings)
    return [ingest_parsed(session=session, parsed=parsed) for parsed in articles]
