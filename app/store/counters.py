"""Counts the read path would otherwise aggregate per request: articles per entity, articles
and citations per resolution, articles per pair of entities and per (entity, resolution),
a person's roles (app/store/role_spans.py).

They follow an article's link rows (article_entities, article_resolutions): `count_article`
with +1 once the links are written (`count_new_articles`: a batch of new articles at once),
with -1 before they are deleted (re-ingest, delete).
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
    func,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import aliased

from app.store import models as m
from app.store.role_spans import count_new_roles, recount_roles, remove_roles
from app.store.scope_counters import count_new_scopes, count_scopes, recount_scopes

_ARTICLE: BindParameter[int] = bindparam("article_id", type_=Integer)
_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)


def count_article(connection: Connection, article_id: int, sign: int) -> None:
    if sign > 0:
        count_new_articles(connection, [article_id])
        return
    for statement in _removed():
        connection.execute(statement, {"article_id": article_id})
    remove_roles(connection, article_id)
    count_scopes(connection, article_id, sign)


def count_new_articles(connection: Connection, article_ids: list[int]) -> None:
    """Add articles whose links were just written, a batch in one statement per counter:
    each counter row is then updated once a batch, not once an article (on PostgreSQL an
    update a transaction repeats on one row leaves a version behind to step over each
    time, and a popular pair cost more and more through a batch)."""
    for statement in _added(connection.dialect.name):
        connection.execute(statement, {"ids": article_ids})
    count_new_roles(connection, article_ids)
    count_new_scopes(connection, article_ids)


@cache
def _removed() -> tuple[Executable, ...]:
    """Take one article away from every counter its links hold; a pair no article holds
    any more is removed."""
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
        _entities_removed(),
        _resolutions_removed(),
        *_pairs_removed(m.EntityPair, pair_key, pairs),
        *_pairs_removed(m.EntityResolution, with_key, with_resolutions),
    )


@cache
def _added(dialect: str) -> tuple[Executable, ...]:
    links, cites = m.ArticleEntity, m.ArticleResolution
    entity_counts = (
        select(func.count())
        .where(links.entity_id == m.Entity.id, links.article_id.in_(_IDS))
        .scalar_subquery()
    )
    entities = (
        update(m.Entity)
        .where(m.Entity.id.in_(select(links.entity_id).where(links.article_id.in_(_IDS))))
        .values(article_count=m.Entity.article_count + entity_counts)
    )
    mine, other = aliased(links), aliased(links)
    pairs = (
        select(mine.entity_id, other.entity_id, func.count())
        .join(other, other.article_id == mine.article_id)
        .where(mine.article_id.in_(_IDS), other.entity_id != mine.entity_id)
        .group_by(mine.entity_id, other.entity_id)
        .order_by(mine.entity_id, other.entity_id)
    )
    with_resolutions = (
        select(links.entity_id, cites.resolution_id, func.count())
        .join(cites, cites.article_id == links.article_id)
        .where(links.article_id.in_(_IDS))
        .group_by(links.entity_id, cites.resolution_id)
        .order_by(links.entity_id, cites.resolution_id)
    )
    pair_key = (m.EntityPair.entity_id, m.EntityPair.other_id)
    with_key = (m.EntityResolution.entity_id, m.EntityResolution.resolution_id)
    return (
        entities,
        _resolutions_added(),
        _pairs_added(dialect, m.EntityPair, pair_key, pairs),
        _pairs_added(dialect, m.EntityResolution, with_key, with_resolutions),
    )


def _resolutions_added() -> Executable:
    link = m.ArticleResolution
    mine = (link.resolution_id == m.Resolution.id, link.article_id.in_(_IDS))
    articles = select(func.count()).where(*mine).scalar_subquery()
    citations = select(func.coalesce(func.sum(link.citation_count), 0)).where(*mine)
    linked = select(link.resolution_id).where(link.article_id.in_(_IDS))
    return (
        update(m.Resolution)
        .where(m.Resolution.id.in_(linked))
        .values(
            article_count=m.Resolution.article_count + articles,
            citation_count=m.Resolution.citation_count + citations.scalar_subquery(),
        )
    )


def _pairs_added(
    dialect: str,
    table: type[m.EntityPair] | type[m.EntityResolution],
    key: tuple[Any, Any],
    rows: Select[int, int, int],
) -> Executable:
    keys = [column.key for column in key]
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(table).from_select([*keys, "article_count"], rows)
    return statement.on_conflict_do_update(
        index_elements=keys,
        set_={"article_count": table.article_count + statement.excluded.article_count},
    )


def _entities_removed() -> Executable:
    linked = select(m.ArticleEntity.entity_id).where(m.ArticleEntity.article_id == _ARTICLE)
    return (
        update(m.Entity)
        .where(m.Entity.id.in_(linked))
        .values(article_count=m.Entity.article_count - 1)
    )


def _resolutions_removed() -> Executable:
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
            article_count=m.Resolution.article_count - 1,
            citation_count=m.Resolution.citation_count - citations,
        )
    )


def _pairs_removed(
    table: type[m.EntityPair] | type[m.EntityResolution],
    key: tuple[Any, Any],
    rows: Select[int, int],
) -> tuple[Executable, ...]:
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
    recount_roles(connection)
    recount_scopes(connection)
