"""Counts the read path would otherwise aggregate per request: articles per entity, articles
and citations per resolution, articles per pair of entities and per (entity, resolution).

They follow an article's link rows (article_entities, article_resolutions): `count_article`
with +1 once the links are written, with -1 before they are deleted (re-ingest, delete).
Each step is one statement the database runs over the article's own links, so the cost is
per article, whatever the size of the archive. Rows are touched in key order, so that
concurrent writers on PostgreSQL lock shared counters in the same order. The statements
are built once per engine kind: building them cost more than running them."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    Connection,
    Executable,
    Integer,
    Select,
    bindparam,
    delete,
    literal,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased

from app.store import models as m
from app.store.scope_counters import count_scopes, recount_scopes

_ARTICLE: BindParameter[int] = bindparam("article_id", type_=Integer)


def count_article(connection: Connection, article_id: int, sign: int) -> None:
    for statement in _statements(connection.dialect.name, sign):
        connection.execute(statement, {"article_id": article_id})
    count_scopes(connection, article_id, sign)


@cache
def _statements(dialect: str, sign: int) -> tuple[Executable, ...]:
    mine = aliased(m.ArticleEntity)
    other = aliased(m.ArticleEntity)
    pairs = (
        select(mine.entity_id, other.entity_id)
        .join(other, other.article_id == mine.article_id)
        .where(mine.article_id == _ARTICLE, other.entity_id != mine.entity_id)
        .order_by(mine.entity_id, other.entity_id)
    )
    with_resolutions = (
        select(m.ArticleEntity.entity_id, m.ArticleResolution.resolution_id)
        .join(m.ArticleResolution, m.ArticleResolution.article_id == m.ArticleEntity.article_id)
        .where(m.ArticleEntity.article_id == _ARTICLE)
        .order_by(m.ArticleEntity.entity_id, m.ArticleResolution.resolution_id)
    )
    pair_key = (m.EntityPair.entity_id, m.EntityPair.other_id)
    with_key = (m.EntityResolution.entity_id, m.EntityResolution.resolution_id)
    return (
        _entities(sign),
        _resolutions(sign),
        *_pairs(dialect, m.EntityPair, pair_key, pairs, sign),
        *_pairs(dialect, m.EntityResolution, with_key, with_resolutions, sign),
    )


def _entities(sign: int) -> Executable:
    linked = select(m.ArticleEntity.entity_id).where(m.ArticleEntity.article_id == _ARTICLE)
    return (
        update(m.Entity)
        .where(m.Entity.id.in_(linked))
        .values(article_count=m.Entity.article_count + sign)
    )


def _resolutions(sign: int) -> Executable:
    link = m.ArticleResolution
    citations = (
        select(link.citation_count)
        .where(link.article_id == _ARTICLE, link.resolution_id == m.Resolution.id)
        .scalar_subquery()
    )
    linked = select(link.resolution_id).where(link.article_id == _ARTICLE)
    return (
        update(m.Resolution)
        .where(m.Resolution.id.in_(linked))
        .values(
            article_count=m.Resolution.article_count + sign,
            citation_count=m.Resolution.citation_count + sign * citations,
        )
    )


def _pairs(
    dialect: str,
    table: type[m.EntityPair] | type[m.EntityResolution],
    key: tuple[Any, Any],
    rows: Select[int, int],
    sign: int,
) -> tuple[Executable, ...]:
    """Add (sign +1) or take away (-1) one article from each pair the article holds; a pair
    no article holds any more is removed."""
    if sign > 0:
        keys = [column.key for column in key]
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(table).from_select(
            [*keys, "article_count"], rows.add_columns(literal(1))
        )
        return (
            statement.on_conflict_do_update(
                index_elements=keys,
                set_={"article_count": table.article_count + statement.excluded.article_count},
            ),
        )
    held = tuple_(*key).in_(rows)
    return (
        update(table).where(held).values(article_count=table.article_count - 1),
        delete(table).where(held, table.article_count <= 0),
    )


_RECOUNT = [
    "UPDATE entities SET article_count = "
    "(SELECT count(*) FROM article_entities ae WHERE ae.entity_id = entities.id)",
    "UPDATE resolutions SET "
    "article_count = (SELECT count(*) FROM article_resolutions ar "
    "WHERE ar.resolution_id = resolutions.id), "
    "citation_count = (SELECT coalesce(sum(ar.citation_count), 0) FROM article_resolutions ar "
    "WHERE ar.resolution_id = resolutions.id)",
    "DELETE FROM entity_pairs",
    "INSERT INTO entity_pairs (entity_id, other_id, article_count) "
    "SELECT a.entity_id, b.entity_id, count(*) FROM article_entities a "
    "JOIN article_entities b ON b.article_id = a.article_id AND b.entity_id != a.entity_id "
    "GROUP BY a.entity_id, b.entity_id",
    "DELETE FROM entity_resolutions",
    "INSERT INTO entity_resolutions (entity_id, resolution_id, article_count) "
    "SELECT ae.entity_id, ar.resolution_id, count(*) FROM article_entities ae "
    "JOIN article_resolutions ar ON ar.article_id = ae.article_id "
    "GROUP BY ae.entity_id, ar.resolution_id",
]


def recount_all(connection: Connection) -> None:
    """Every counter computed afresh from the links: for rows written around the store
    (a bulk copy, a restore). The migration that added the counters does the same."""
    for statement in _RECOUNT:
        connection.execute(text(statement))
    recount_scopes(connection)
