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

from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from itertools import permutations, product
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Connection,
    Executable,
    Integer,
    Select,
    any_,
    bindparam,
    delete,
    func,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.orm import aliased

from app.store import models as m
from app.store.role_spans import count_new_roles, recount_roles, remove_roles
from app.store.scope_counters import (
    batch_tags,
    count_new_scopes,
    count_scopes,
    ids_array,
    recount_scopes,
)
from app.store.upsert import add_counts

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
    time, and a popular pair cost more and more through a batch). The pairs are counted
    here from the batch's tags, as the facets are: grouping them cost the database a
    temporary B-tree."""
    for statement in _added(connection.dialect.name):
        connection.execute(statement, {"ids": article_ids})
    count_new_roles(connection, article_ids)
    tags = batch_tags(connection, article_ids)
    _add_pairs(connection, tags)
    count_new_scopes(connection, article_ids, tags)


def _add_pairs(connection: Connection, tags: Sequence[tuple[int, str, int]]) -> None:
    """entity_pairs and entity_resolutions, +1 for each pair an article holds."""
    entities: dict[int, list[int]] = {}
    resolutions: dict[int, list[int]] = {}
    for article_id, dim, id_ in tags:
        if dim == "entity":
            entities.setdefault(article_id, []).append(id_)
        elif dim == "resolution":
            resolutions.setdefault(article_id, []).append(id_)
    pairs: Counter[tuple[int, int]] = Counter()
    with_resolutions: Counter[tuple[int, int]] = Counter()
    for article_id, held in entities.items():
        pairs.update(permutations(held, 2))  # an article's links are distinct entities
        with_resolutions.update(product(held, resolutions.get(article_id, ())))
    for model, key, counts in (
        (m.EntityPair, ("entity_id", "other_id"), pairs),
        (m.EntityResolution, ("entity_id", "resolution_id"), with_resolutions),
    ):
        rows = [(*k, n) for k, n in sorted(counts.items())]  # key order: no deadlock
        add_counts(connection, model, rows, key=key)


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


def _batch_of(dialect: str) -> Callable[[Any], ColumnElement[bool]]:
    """`column IN :ids`; on PostgreSQL `column = ANY(:ids)`, one array: an expanded list is
    a new statement text every batch, which psycopg parses again in Python."""
    if dialect == "postgresql":
        array = ids_array()
        return lambda column: column == any_(array)
    return lambda column: column.in_(_IDS)


@cache
def _added(dialect: str) -> tuple[Executable, ...]:
    links = m.ArticleEntity
    in_batch = _batch_of(dialect)
    entity_counts = (
        select(func.count())
        .where(links.entity_id == m.Entity.id, in_batch(links.article_id))
        .scalar_subquery()
    )
    entities = (
        update(m.Entity)
        .where(m.Entity.id.in_(select(links.entity_id).where(in_batch(links.article_id))))
        .values(article_count=m.Entity.article_count + entity_counts)
    )
    return entities, _resolutions_added(in_batch)


def _resolutions_added(in_batch: Callable[[Any], ColumnElement[bool]]) -> Executable:
    link = m.ArticleResolution
    mine = (link.resolution_id == m.Resolution.id, in_batch(link.article_id))
    articles = select(func.count()).where(*mine).scalar_subquery()
    citations = select(func.coalesce(func.sum(link.citation_count), 0)).where(*mine)
    linked = select(link.resolution_id).where(in_batch(link.article_id))
    return (
        update(m.Resolution)
        .where(m.Resolution.id.in_(linked))
        .values(
            article_count=m.Resolution.article_count + articles,
            citation_count=m.Resolution.citation_count + citations.scalar_subquery(),
        )
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
