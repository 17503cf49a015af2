"""Write one parsed and extracted article: every row of it or none, never a duplicate."""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.extract.model import Extraction
from app.ingest.model import ParsedArticle
from app.store import models as m
from app.store.base import Base, utcnow
from app.store.extraction_rows import add_extraction_rows
from app.store.search import shadow_document
from app.store.upsert import insert_ignoring_conflicts
from app.text.normalize import collapse_spaces, normalize


class Outcome(StrEnum):
    INGESTED = "ingested"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class SaveResult:
    article_id: int
    outcome: Outcome


def content_hash(parsed: ParsedArticle) -> str:
    """Identity of an article without a URL: its normalized title, summary and body."""
    parts = [parsed.title, *parsed.summary, *(s.text for s in parsed.sections)]
    text = "\n".join(normalize(collapse_spaces(p)) for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def search_document(parsed: ParsedArticle) -> str:
    return shadow_document([block.text for block in parsed.blocks()])


def version_hash(parsed: ParsedArticle, identity: str) -> str:
    """The text plus the metadata a re-send may correct (date, URL, byline, images)."""
    meta = [
        identity,
        parsed.published_at.isoformat() if parsed.published_at else "",
        parsed.timezone or "",
        parsed.url or "",
        parsed.outlet or "",
        parsed.byline_place or "",
        "|".join(parsed.authors),
        "|".join(f"{i.title}|{i.caption}|{i.credit}|{i.url}" for i in parsed.images),
        parsed.language,
    ]
    return hashlib.sha256("\n".join(meta).encode()).hexdigest()


def save_article(
    *,
    session: Session,
    parsed: ParsedArticle,
    extraction: Extraction,
    replace_id: int | None = None,
) -> SaveResult:
    """`replace_id` rewrites that article even if unchanged: re-extraction with a newer
    parser or extractor, whose output may hash differently."""
    identity = content_hash(parsed)
    version = version_hash(parsed, identity)
    if replace_id is not None:
        article = session.get(m.Article, replace_id, with_for_update=True)
    else:
        article = _find_existing(session, parsed.url, identity)
    if article is None:
        article, outcome = _insert_or_adopt(session, parsed, identity, version)
    else:
        outcome = Outcome.UNCHANGED if article.version_hash == version else Outcome.UPDATED
    if outcome is Outcome.UNCHANGED and replace_id is None:
        return SaveResult(article.id, outcome)
    _fill(session, article, parsed, identity, extraction)
    article.version_hash = version
    session.flush()
    return SaveResult(article.id, outcome)


def _find_existing(session: Session, url: str | None, identity: str) -> m.Article | None:
    """Same canonical URL, or else the same normalized text. FOR UPDATE serializes
    concurrent re-ingests of one article on PostgreSQL; SQLite serializes all writers."""
    query = select(m.Article).with_for_update()
    if url:
        by_url = session.scalars(query.where(m.Article.url == url)).first()
        if by_url is not None:
            return by_url
    same_text = query.where(m.Article.content_hash == identity).order_by(m.Article.id)
    return session.scalars(same_text).first()


def _insert_or_adopt(
    session: Session, parsed: ParsedArticle, identity: str, version: str
) -> tuple[m.Article, Outcome]:
    """Insert a placeholder row; if a concurrent writer won a unique constraint (URL, or
    text without URL), adopt their row instead."""
    article = m.Article(
        url=parsed.url,
        content_hash=identity,
        version_hash="",
        title=parsed.title,
        sort_at=utcnow(),
        language=parsed.language,
        analysed=False,
        raw_format=parsed.raw_format,
        raw_compressed=b"",
    )
    try:
        with session.begin_nested():
            session.add(article)
            session.flush()
    except IntegrityError:
        existing = _find_existing(session, parsed.url, identity)
        if existing is None:
            raise
        same = existing.version_hash == version
        return existing, Outcome.UNCHANGED if same else Outcome.UPDATED
    return article, Outcome.INGESTED


def _fill(
    session: Session,
    article: m.Article,
    parsed: ParsedArticle,
    digest: str,
    extraction: Extraction,
) -> None:
    clear_children(session, article.id)
    _set_fields(session, article, parsed, digest, extraction.analysed)
    session.add(m.ArticleSearch(article_id=article.id, document=search_document(parsed)))
    _add_content(session, article.id, parsed)
    add_extraction_rows(session, article.id, article.sort_at, extraction)


def _set_fields(
    session: Session, article: m.Article, parsed: ParsedArticle, digest: str, analysed: bool
) -> None:
    article.url = parsed.url or article.url
    article.content_hash = digest
    article.title = parsed.title
    article.published_at = parsed.published_at
    article.sort_at = parsed.published_at or article.created_at or utcnow()
    article.timezone = parsed.timezone
    article.utc_offset = _offset_minutes(parsed.published_at)
    article.byline_place = parsed.byline_place
    article.authors = list(parsed.authors)
    article.language = parsed.language
    article.analysed = analysed
    article.warnings = list(parsed.warnings)
    article.raw_format = parsed.raw_format
    article.raw_compressed = zlib.compress(parsed.raw.encode(), 6)
    article.source_id = _source_id(session, parsed.outlet)
    article.updated_at = utcnow()


def _source_id(session: Session, outlet: str | None) -> int | None:
    if not outlet:
        return None
    name = collapse_spaces(outlet)
    key = normalize(name)
    insert_ignoring_conflicts(
        session, m.Source, [{"name": name, "normalized_name": key}], conflict=["normalized_name"]
    )
    return session.scalar(select(m.Source.id).where(m.Source.normalized_name == key))


_CHILD_TABLES: tuple[type[Base], ...] = (
    m.ArticleSection,
    m.SummaryPoint,
    m.ArticleImage,
    m.ArticleSearch,
    m.ArticleEntity,
    m.Mention,
    m.Affiliation,
    m.ArticleResolution,
    m.Citation,
    m.Statement,
)


def clear_children(session: Session, article_id: int) -> None:
    for table in _CHILD_TABLES:
        column = table.__table__.c.article_id
        session.execute(delete(table).where(column == article_id))


def _add_content(session: Session, article_id: int, parsed: ParsedArticle) -> None:
    session.add_all(
        m.ArticleSection(article_id=article_id, position=i, kind=s.kind.value, text=s.text)
        for i, s in enumerate(parsed.sections)
    )
    session.add_all(
        m.SummaryPoint(article_id=article_id, position=i, text=text)
        for i, text in enumerate(parsed.summary)
    )
    session.add_all(
        m.ArticleImage(
            article_id=article_id,
            position=i,
            title=img.title,
            caption=img.caption,
            credit=img.credit,
            url=img.url,
        )
        for i, img in enumerate(parsed.images)
    )


def _offset_minutes(moment: datetime | None) -> int | None:
    offset = moment.utcoffset() if moment is not None else None
    return int(offset.total_seconds() // 60) if offset is not None else None
