"""Write one parsed and extracted article: every row of it or none, never a duplicate.

Rows go through Core statements, many rows per statement (executemany), not the ORM's unit
of work: an article is some twenty statements whatever its size. Counters follow in
app/store/counters.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.extract.model import Extraction
from app.ingest.model import ParsedArticle
from app.store import models as m
from app.store.base import Base, utcnow
from app.store.counters import count_article
from app.store.extraction_rows import Rows, add_extraction_rows
from app.store.item_json import citing, naming, store_items, unnamed, yearless
from app.store.prepared import Prepared, prepare
from app.store.sources import outlet_id
from app.store.upsert import insert_rows, table_of


class Outcome(StrEnum):
    INGESTED = "ingested"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class SaveResult:
    article_id: int
    outcome: Outcome


def save_article(
    *,
    session: Session,
    parsed: ParsedArticle,
    extraction: Extraction,
    replace_id: int | None = None,
) -> SaveResult:
    return save_prepared(
        session=session, article=prepare(parsed, extraction), replace_id=replace_id
    )


def save_prepared(
    *,
    session: Session,
    article: Prepared,
    replace_id: int | None = None,
    items_later: set[int] | None = None,
) -> SaveResult:
    """`replace_id` rewrites that article even if unchanged: re-extraction with a newer
    parser or extractor, whose output may hash differently. With `items_later`, the ids
    whose list items need writing are added to it, for the caller to write them a batch at
    a time (`store_items`) before it commits."""
    connection = session.connection()
    parsed, identity, version = article.parsed, article.identity, article.version
    if replace_id is not None:
        existing = _locked(connection, m.Article.id == replace_id)
    else:
        existing = _find_existing(connection, parsed.url, identity)
    if existing is None:
        now = utcnow()
        fields = _fields(session, article, now)
        row = {**fields, "version_hash": version, "created_at": now, "updated_at": now}
        article_id = _insert(session, row)
        if article_id is not None:
            _add_rows(session, article_id, fields["sort_at"], article, items_later)
            return SaveResult(article_id, Outcome.INGESTED)
        existing = _find_existing(connection, parsed.url, identity)  # a concurrent writer won
        assert existing is not None, "a unique constraint failed for a row that is not there"
    outcome = Outcome.UNCHANGED if existing.version_hash == version else Outcome.UPDATED
    if outcome is Outcome.UNCHANGED and replace_id is None:
        return SaveResult(existing.id, outcome)
    clear_children(session, existing.id)
    fields = _fields(session, article, existing.created_at)
    fields["url"] = parsed.url or existing.url
    connection.execute(
        update(m.Article)
        .where(m.Article.id == existing.id)
        .values(**fields, version_hash=version, updated_at=utcnow())
    )
    _expire(session, existing.id)
    _add_rows(session, existing.id, fields["sort_at"], article, items_later)
    return SaveResult(existing.id, outcome)


_EXISTING = (m.Article.id, m.Article.url, m.Article.version_hash, m.Article.created_at)
_Existing = Row[int, str | None, str, datetime]


def _locked(connection: Connection, where: Any) -> _Existing | None:
    """FOR UPDATE serializes concurrent re-ingests of one article on PostgreSQL; SQLite
    serializes all writers."""
    query = select(*_EXISTING).where(where).order_by(m.Article.id).limit(1).with_for_update()
    return connection.execute(query).first()


def _find_existing(connection: Connection, url: str | None, identity: str) -> _Existing | None:
    """Same canonical URL, or else the same normalized text."""
    if url:
        by_url = _locked(connection, m.Article.url == url)
        if by_url is not None:
            return by_url
    return _locked(connection, m.Article.content_hash == identity)


_INSERT_ARTICLE = insert(table_of(m.Article)).returning(table_of(m.Article).c.id)


def _insert(session: Session, row: dict[str, Any]) -> int | None:
    """The new article's id, or None if a concurrent writer won a unique constraint (URL,
    or text without URL): the caller then adopts their row."""
    try:
        with session.begin_nested():
            new_id: int = session.connection().execute(_INSERT_ARTICLE, row).scalar_one()
            return new_id
    except IntegrityError:
        return None


def _fields(session: Session, article: Prepared, created_at: datetime) -> dict[str, Any]:
    outlet = article.parsed.outlet
    return article_fields(article, created_at, outlet_id(session, outlet) if outlet else None)


def article_fields(
    article: Prepared, created_at: datetime, source_id: int | None
) -> dict[str, Any]:
    parsed = article.parsed
    return {
        "url": parsed.url,
        "content_hash": article.identity,
        "title": parsed.title,
        "published_at": parsed.published_at,
        "sort_at": parsed.published_at or created_at,
        "timezone": parsed.timezone,
        "utc_offset": _offset_minutes(parsed.published_at),
        "byline_place": parsed.byline_place,
        "authors": list(parsed.authors),
        "language": parsed.language,
        "analysed": article.extraction.analysed,
        "warnings": list(parsed.warnings),
        "raw_format": parsed.raw_format,
        "raw_compressed": article.raw_compressed,
        "source_id": source_id,
    }


def _expire(session: Session, article_id: int) -> None:
    """An Article the session loaded earlier must not show the old version."""
    loaded = session.identity_map.get(session.identity_key(m.Article, article_id))
    if loaded is not None:
        session.expire(loaded)


def _offset_minutes(moment: datetime | None) -> int | None:
    offset = moment.utcoffset() if moment is not None else None
    return int(offset.total_seconds() // 60) if offset is not None else None


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
    """Every row extracted from the article, and its share of the counters."""
    connection = session.connection()
    count_article(connection, article_id, -1)
    for table in _CHILD_TABLES:
        column = table.__table__.c.article_id
        connection.execute(delete(table).where(column == article_id))


def _add_rows(
    session: Session,
    article_id: int,
    sort_at: datetime,
    article: Prepared,
    items_later: set[int] | None,
) -> None:
    connection = session.connection()
    stale = yearless(session, article.extraction.citations)
    renamed = unnamed(session, article.extraction.entities)
    for model, rows in content_rows(article_id, article):
        insert_rows(connection, model, rows)
    add_extraction_rows(connection, article_id, sort_at, article.extraction)
    count_article(connection, article_id, +1)
    stale_items = {article_id, *citing(session, stale), *naming(session, renamed)}
    if items_later is None:
        store_items(session, sorted(stale_items))
    else:
        items_later.update(stale_items)


def content_rows(article_id: int, article: Prepared) -> Rows:
    """The article's own rows: search text, sections, summary points, images."""
    parsed = article.parsed
    sections = [
        {"article_id": article_id, "position": i, "kind": s.kind.value, "text": s.text}
        for i, s in enumerate(parsed.sections)
    ]
    summary = [
        {"article_id": article_id, "position": i, "text": text}
        for i, text in enumerate(parsed.summary)
    ]
    images = [
        {
            "article_id": article_id,
            "position": i,
            "title": img.title,
            "caption": img.caption,
            "credit": img.credit,
            "url": img.url,
        }
        for i, img in enumerate(parsed.images)
    ]
    return [
        (m.ArticleSearch, [{"article_id": article_id, "document": article.document}]),
        (m.ArticleSection, sections),
        (m.SummaryPoint, summary),
        (m.ArticleImage, images),
    ]
