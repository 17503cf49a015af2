"""Write a batch of new articles with one statement per table, not some twenty per article:
the rows, ids and counters come out as `save_prepared` would write them one by one.

Only articles the archive has never seen go this way (`split_new`); a re-sent or changed
one, or one an earlier article of the batch repeats, is written by `save_prepared` after
them. Any failure raises: the caller rolls the batch back and writes it one by one, so
that one bad article loses only itself."""

from __future__ import annotations

from itertools import chain
from typing import Any

from sqlalchemy import Connection, bindparam, insert, or_, select, text
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.base import Base, utcnow
from app.store.counters import count_new_articles
from app.store.extraction_rows import extraction_rows
from app.store.item_json import citing, naming, unnamed, yearless
from app.store.prepared import Prepared
from app.store.shared_batch import resolve_batch_entity_ids, resolve_batch_resolution_ids
from app.store.sources import outlet_id
from app.store.upsert import insert_rows, table_of
from app.store.writes import article_fields, content_rows

_ARTICLES = table_of(m.Article)
_INSERT = insert(_ARTICLES).returning(_ARTICLES.c.id, sort_by_parameter_order=True)
_SEEN = select(m.Article.url, m.Article.content_hash).where(
    or_(
        m.Article.url.in_(bindparam("urls", expanding=True)),
        m.Article.content_hash.in_(bindparam("hashes", expanding=True)),
    )
)


# A batch's ids drawn from the sequence at once, in one round trip.
_RESERVE = text(
    "SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, :n)"
)


def _insert_articles(connection: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """The rows' ids, in order. PostgreSQL takes them by COPY with ids drawn beforehand:
    a multi-row INSERT ... RETURNING of a batch is a statement of some 20,000 parameters,
    which psycopg parses and SQLAlchemy assembles in Python every time."""
    if connection.dialect.name != "postgresql":
        return list(connection.execute(_INSERT, rows).scalars())
    ids = sorted(connection.execute(_RESERVE, {"n": len(rows)}).scalars())
    insert_rows(
        connection, m.Article, [row | {"id": id_} for row, id_ in zip(rows, ids, strict=True)]
    )
    return ids


def split_new(connection: Connection, articles: list[Prepared]) -> tuple[list[int], list[int]]:
    """Positions of the articles new to the archive and to the batch before them, and of
    the rest. An article is known by its URL or by its normalized text."""
    urls = sorted({a.parsed.url for a in articles if a.parsed.url})
    hashes = sorted({a.identity for a in articles})
    seen_urls: set[str | None] = set()
    seen_hashes: set[str] = set()
    for url, identity in connection.execute(_SEEN, {"urls": urls, "hashes": hashes}):
        seen_urls.add(url)
        seen_hashes.add(identity)
    new: list[int] = []
    known: list[int] = []
    for position, article in enumerate(articles):
        url = article.parsed.url
        repeated = (url is not None and url in seen_urls) or article.identity in seen_hashes
        (known if repeated else new).append(position)
        seen_urls.add(url)
        seen_hashes.add(article.identity)
    return new, known


def save_new(session: Session, articles: list[Prepared], items_later: set[int]) -> list[int]:
    """Insert articles `split_new` found new; their ids, in order. The ids whose list items
    need writing are added to `items_later`, for the caller to write before it commits."""
    connection = session.connection()
    now = utcnow()
    outlets = {a.parsed.outlet for a in articles if a.parsed.outlet}
    sources = {name: outlet_id(session, name) for name in sorted(outlets)}
    fields = [
        article_fields(a, now, sources[a.parsed.outlet] if a.parsed.outlet else None)
        for a in articles
    ]
    rows = [
        {**f, "version_hash": a.version, "created_at": now, "updated_at": now}
        for f, a in zip(fields, articles, strict=True)
    ]
    stale = yearless(session, [c for a in articles for c in a.extraction.citations])
    renamed = unnamed(session, [e for a in articles for e in a.extraction.entities])
    ids = _insert_articles(connection, rows)
    entity_ids = resolve_batch_entity_ids(connection, [a.extraction.entities for a in articles])
    resolution_ids = resolve_batch_resolution_ids(
        connection, [a.extraction.citations for a in articles]
    )
    tables: dict[type[Base], list[dict[str, Any]]] = {}
    for article_id, row, article, entities in zip(ids, rows, articles, entity_ids, strict=True):
        own = content_rows(article_id, article)
        extracted = extraction_rows(
            article_id, row["sort_at"], article.extraction, entities, resolution_ids
        )
        for model, model_rows in chain(own, extracted):
            tables.setdefault(model, []).extend(model_rows)
    for model, model_rows in tables.items():
        insert_rows(connection, model, model_rows)
    count_new_articles(connection, ids)
    items_later.update(ids, citing(session, stale), naming(session, renamed))
    return ids
