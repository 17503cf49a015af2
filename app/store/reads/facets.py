"""Facets: counts over the whole filtered result (not the page), one GROUP BY per facet,
each value with the query string that toggles it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.reads.article_query import ArticleFilters, filtered
from app.store.reads.refs import resolution_ref

if TYPE_CHECKING:
    from app.store.reads.articles import ListOptions

FACETS = ("entity", "kind", "resolution", "source", "speaker")
# (parameter, value, selected) -> the /articles query string with the value toggled.
Toggle = Callable[[str, str, bool], str]


def facet_counts(
    *, session: Session, filters: ArticleFilters, names: tuple[str, ...], options: ListOptions
) -> dict[str, list[v.FacetValue]]:
    ids = select(filtered(session, filters, m.Article.id).query.subquery().c.id)
    out: dict[str, list[v.FacetValue]] = {}
    for name in names:
        rows = [] if filters.empty else _COUNTERS[name](session, ids, options.facet_size)
        out[name] = [
            v.FacetValue(
                value=value,
                label=label,
                count=count,
                selected=(chosen := _selected(name, value, filters)),
                toggle=options.toggle(name, value, chosen) if options.toggle else None,
            )
            for value, label, count in rows
        ]
    return out


def _selected(name: str, value: str, filters: ArticleFilters) -> bool:
    chosen: dict[str, tuple[Any, ...]] = {
        "entity": filters.entity_ids,
        "kind": filters.kinds,
        "resolution": filters.resolution_symbols,
        "source": filters.source_ids or (),
        "speaker": filters.speaker_ids,
    }
    return value in {str(c) for c in chosen[name]}


Row = tuple[str, str, int]


def _entities(session: Session, ids: Any, size: int, column: Any, link: Any) -> list[Row]:
    n = func.count(func.distinct(link.article_id)).label("n")
    counted = (
        select(column.label("entity_id"), n)
        .where(link.article_id.in_(ids), column.is_not(None))
        .group_by(column)
        .order_by(n.desc(), column)
        .limit(size)
        .subquery()
    )
    rows = session.execute(
        select(m.Entity.id, m.Entity.name, counted.c.n)
        .join(counted, counted.c.entity_id == m.Entity.id)
        .order_by(counted.c.n.desc(), m.Entity.id)
    ).all()
    return [(str(i), name, n) for i, name, n in rows]


def _entity(session: Session, ids: Any, size: int) -> list[Row]:
    link = m.ArticleEntity
    return _entities(session, ids, size, link.entity_id, link)


def _speaker(session: Session, ids: Any, size: int) -> list[Row]:
    return _entities(session, ids, size, m.Statement.speaker_id, m.Statement)


def _kind(session: Session, ids: Any, size: int) -> list[Row]:
    n = func.count(func.distinct(m.ArticleEntity.article_id)).label("n")
    rows = session.execute(
        select(m.Entity.kind, n)
        .join(m.ArticleEntity, m.ArticleEntity.entity_id == m.Entity.id)
        .where(m.ArticleEntity.article_id.in_(ids))
        .group_by(m.Entity.kind)
        .order_by(n.desc(), m.Entity.kind)
        .limit(size)
    ).all()
    return [(kind, kind, count) for kind, count in rows]


def _resolution(session: Session, ids: Any, size: int) -> list[Row]:
    n = func.count().label("n")
    rows = session.execute(
        select(m.Resolution, n)
        .join(m.ArticleResolution, m.ArticleResolution.resolution_id == m.Resolution.id)
        .where(m.ArticleResolution.article_id.in_(ids))
        .group_by(m.Resolution.id)
        .order_by(n.desc(), m.Resolution.id)
        .limit(size)
    ).all()
    return [(_label(r), f"{r.body} {_label(r)}", count) for r, count in rows]


def _label(resolution: m.Resolution) -> str:
    return resolution_ref(resolution).symbol


def _source(session: Session, ids: Any, size: int) -> list[Row]:
    n = func.count().label("n")
    rows = session.execute(
        select(m.Source.id, m.Source.name, n)
        .join(m.Article, m.Article.source_id == m.Source.id)
        .where(m.Article.id.in_(ids))
        .group_by(m.Source.id, m.Source.name)
        .order_by(n.desc(), m.Source.id)
        .limit(size)
    ).all()
    return [(str(i), name, count) for i, name, count in rows]


_COUNTERS: dict[str, Callable[[Session, Any, int], list[Row]]] = {
    "entity": _entity,
    "kind": _kind,
    "resolution": _resolution,
    "source": _source,
    "speaker": _speaker,
}
