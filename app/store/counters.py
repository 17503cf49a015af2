"""Counts the read path would otherwise aggregate per request: articles per entity, articles
and citations per resolution, articles per pair of entities and per (entity, resolution).

They follow an article's link rows (article_entities, article_resolutions): `count_article`
with +1 once the links are written, with -1 before they are deleted (re-ingest, delete).
Each step is one statement the database runs over the article's own links, so the cost is
per article, whatever the size of the archive. Rows are touched in key order, so that
concurrent writers on PostgreSQL lock shared counters in the same order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Select, delete, literal, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased

from app.store import models as m


def count_article(connection: Connection, article_id: int, sign: int) -> None:
    _entities(connection, article_id, sign)
    _resolutions(connection, article_id, sign)
    mine = aliased(m.ArticleEntity)
    other = aliased(m.ArticleEntity)
    pairs = (
        select(mine.entity_id, other.entity_id)
        .join(other, other.article_id == mine.article_id)
        .where(mine.article_id == article_id, other.entity_id != mine.entity_id)
        .order_by(mine.entity_id, other.entity_id)
    )
    with_resolutions = (
        select(m.ArticleEntity.entity_id, m.ArticleResolution.resolution_id)
        .join(m.ArticleResolution, m.ArticleResolution.article_id == m.ArticleEntity.article_id)
        .where(m.ArticleEntity.article_id == article_id)
        .order_by(m.ArticleEntity.entity_id, m.ArticleResolution.resolution_id)
    )
    pair_key = (m.EntityPair.entity_id, m.EntityPair.other_id)
    _pairs(connection, m.EntityPair, pair_key, pairs, sign)
    with_key = (m.EntityResolution.entity_id, m.EntityResolution.resolution_id)
    _pairs(connection, m.EntityResolution, with_key, with_resolutions, sign)


def _entities(connection: Connection, article_id: int, sign: int) -> None:
    linked = select(m.ArticleEntity.entity_id).where(m.ArticleEntity.article_id == article_id)
    connection.execute(
        update(m.Entity)
        .where(m.Entity.id.in_(linked))
        .values(article_count=m.Entity.article_count + sign)
    )


def _resolutions(connection: Connection, article_id: int, sign: int) -> None:
    link = m.ArticleResolution
    citations = (
        select(link.citation_count)
        .where(link.article_id == article_id, link.resolution_id == m.Resolution.id)
        .scalar_subquery()
    )
    linked = select(link.resolution_id).where(link.article_id == article_id)
    connection.execute(
        update(m.Resolution)
        .where(m.Resolution.id.in_(linked))
        .values(
            article_count=m.Resolution.article_count + sign,
            citation_count=m.Resolution.citation_count + sign * citations,
        )
    )


def _pairs(
    connection: Connection,
    table: type[m.EntityPair] | type[m.EntityResolution],
    key: tuple[Any, Any],
    rows: Select[int, int],
    sign: int,
) -> None:
    """Add (sign +1) or take away (-1) one article from each pair the article holds; a pair
    no article holds any more is removed."""
    keys = [column.key for column in key]
    query = rows.add_columns(literal(1))
    if sign > 0:
        insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        statement = insert(table).from_select([*keys, "article_count"], query)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=keys,
                set_={"article_count": table.article_count + statement.excluded.article_count},
            )
        )
        return
    held = tuple_(*key).in_(rows)
    connection.execute(update(table).where(held).values(article_count=table.article_count - 1))
    connection.execute(delete(table).where(held, table.article_count <= 0))
