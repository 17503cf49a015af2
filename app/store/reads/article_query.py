"""The filters every article query shares (/articles, its facets, histogram and export, an
entity's articles), built once into SQL that walks the narrowest index it can."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, exists, false, select
from sqlalchemy.orm import Session, aliased

from app.store import models as m
from app.store.search import matches
from app.store.typing import AnySelect


class EntityOp(StrEnum):
    """How several asked-for entities combine: all of them, or any."""

    AND = "and"
    OR = "or"


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    """Entities combine with `entity_op`; resolutions, sources, kinds and speakers are each
    "any of". An empty tuple of resolution or source ids (one nobody cites, an unknown
    outlet) or `nothing` (a name that matched no entity) make the answer empty."""

    entity_ids: tuple[int, ...] = ()
    entity_op: EntityOp = EntityOp.AND
    not_entity_ids: tuple[int, ...] = ()
    resolution_ids: tuple[int, ...] | None = None
    resolution_symbols: tuple[str, ...] = ()
    body: str | None = None
    source_ids: tuple[int, ...] | None = None
    kinds: tuple[str, ...] = ()
    speaker_ids: tuple[int, ...] = ()
    date_from: datetime | None = None
    date_to: datetime | None = None
    q: str | None = None
    nothing: bool = False

    def with_entity(self, entity_id: int) -> ArticleFilters:
        return replace(self, entity_ids=(*self.entity_ids, entity_id), entity_op=EntityOp.AND)

    @property
    def empty(self) -> bool:
        return self.nothing or self.resolution_ids == () or self.source_ids == ()


@dataclass(frozen=True, slots=True)
class Driven:
    query: AnySelect
    sort_col: Any
    id_col: Any


def driven_query(filters: ArticleFilters, *columns: Any) -> Driven:
    """Select `columns` of matching articles. One asked-for entity or resolution drives the
    query from its (id, sort_at, article_id) index, so a page costs the same for an actor
    named in 40 articles or in 60,000; every other condition is an EXISTS on the article."""
    lead = lead_entity(filters)
    if lead is not None:
        link: Any = m.ArticleEntity
        query = select(*columns, link.sort_at).join(m.Article, m.Article.id == link.article_id)
        query = query.where(link.entity_id == lead)
        sort_col, id_col = link.sort_at, link.article_id
    elif filters.resolution_ids is not None and len(filters.resolution_ids) == 1:
        link = m.ArticleResolution
        query = select(*columns, link.sort_at).join(m.Article, m.Article.id == link.article_id)
        query = query.where(link.resolution_id == filters.resolution_ids[0])
        sort_col, id_col = link.sort_at, link.article_id
    else:
        query = select(*columns, m.Article.sort_at)
        sort_col, id_col = m.Article.sort_at, m.Article.id
    return Driven(query, sort_col, id_col)


def lead_entity(filters: ArticleFilters) -> int | None:
    if filters.entity_ids and (filters.entity_op == "and" or len(filters.entity_ids) == 1):
        return filters.entity_ids[0]
    return None


def conditions(session: Session, filters: ArticleFilters, sort_col: Any) -> list[Any]:
    """Every WHERE clause the filters ask for, beside the driving one."""
    out: list[Any] = _entity_conditions(filters)
    if filters.empty:
        out.append(false())
    out += _resolution_conditions(filters)
    if filters.source_ids:
        out.append(m.Article.source_id.in_(filters.source_ids))
    if filters.kinds:
        link = aliased(m.ArticleEntity)
        out.append(
            exists().where(
                link.article_id == m.Article.id,
                link.entity_id == m.Entity.id,
                m.Entity.kind.in_(filters.kinds),
            )
        )
    if filters.speaker_ids:
        out.append(
            exists().where(
                m.Statement.article_id == m.Article.id,
                m.Statement.speaker_id.in_(filters.speaker_ids),
            )
        )
    # sort_at equals published_at on dated articles; comparing both keeps the index range
    # and leaves out undated articles, whose sort_at is their ingest time.
    if filters.date_from:
        out += [sort_col >= filters.date_from, m.Article.published_at >= filters.date_from]
    if filters.date_to:
        out += [sort_col < filters.date_to, m.Article.published_at < filters.date_to]
    if filters.q:
        out.append(matches(session, filters.q))
    return out


def _names(entity_ids: tuple[int, ...]) -> ColumnElement[bool]:
    # Aliased: the outer query may itself walk article_entities, and an EXISTS on the same
    # table would correlate to it.
    link = aliased(m.ArticleEntity)
    return exists().where(link.article_id == m.Article.id, link.entity_id.in_(entity_ids))


def _entity_conditions(filters: ArticleFilters) -> list[Any]:
    out: list[Any] = []
    lead = lead_entity(filters)
    if filters.entity_op == "and":
        out += [_names((e,)) for e in filters.entity_ids if e != lead]
    elif len(filters.entity_ids) > 1:
        out.append(_names(filters.entity_ids))
    if filters.not_entity_ids:
        out.append(~_names(filters.not_entity_ids))
    return out


def _resolution_conditions(filters: ArticleFilters) -> list[Any]:
    out: list[Any] = []
    ids = filters.resolution_ids
    if ids and (len(ids) > 1 or lead_entity(filters) is not None):
        link = aliased(m.ArticleResolution)
        out.append(exists().where(link.article_id == m.Article.id, link.resolution_id.in_(ids)))
    if filters.body:
        link = aliased(m.ArticleResolution)
        out.append(
            exists().where(
                link.article_id == m.Article.id,
                link.resolution_id == m.Resolution.id,
                m.Resolution.body == filters.body,
            )
        )
    return out


def filtered(session: Session, filters: ArticleFilters, *columns: Any) -> Driven:
    """The driven query with every filter applied."""
    driven = driven_query(filters, *columns)
    query = driven.query.where(*conditions(session, filters, driven.sort_col))
    return Driven(query, driven.sort_col, driven.id_col)
