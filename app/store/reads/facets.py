"""Facets: counts over the whole filtered result (not the page), each value with the query
string that toggles it. One filter or none reads the counters kept at ingest (exact, a
few rows whatever the archive's size); other filters count the matching articles, one
GROUP BY per facet."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Subquery, case, func, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store import views as v
from app.store.reads.article_query import ArticleFilters, filtered
from app.store.reads.refs import resolution_ref
from app.store.reads.scope import Scope, scope_of
from app.store.scope_counters import ALL, KIND_CODES, KIND_NAMES, STRIPES

if TYPE_CHECKING:
    from app.store.reads.articles import ListOptions

FACETS = ("entity", "kind", "resolution", "source", "speaker")
# (parameter, value, selected) -> the /articles query string with the value toggled.
Toggle = Callable[[str, str, bool], str]


def facet_counts(
    *, session: Session, filters: ArticleFilters, names: tuple[str, ...], options: ListOptions
) -> dict[str, list[v.FacetValue]]:
    out: dict[str, list[v.FacetValue]] = {}
    for name in names:
        rows = (
            []
            if filters.empty
            else _LABELLED[name](session, _counted(session, filters, name, options.facet_size))
        )
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


def _counted(session: Session, filters: ArticleFilters, name: str, size: int) -> Subquery:
    """(value, n) of the facet's `size` largest values: from the counters kept at ingest
    when one filter or none is asked, else counted over the matching articles."""
    scope = scope_of(filters)
    if scope is not None:
        return _from_counters(scope, name, size)
    ids = select(filtered(session, filters, m.Article.id).query.subquery().c.id)
    value, article, extra = _GENERAL[name]()
    # Each (article, value) once: an article quotes a speaker or names a kind many times.
    # DISTINCT then count(*), not count(DISTINCT), which PostgreSQL sorts for (on disk).
    pairs = (
        select(value.label("value"), article.label("article"))
        .where(article.in_(ids), value.is_not(None), *extra)
        .distinct()
        .subquery()
    )
    n = func.count().label("n")
    return (
        select(pairs.c.value, n)
        .group_by(pairs.c.value)
        .order_by(n.desc(), pairs.c.value)
        .limit(size)
        .subquery()
    )


def _from_counters(scope: Scope, name: str, size: int) -> Subquery:
    kept = m.FacetCount
    rows: Any = select(kept.value.label("value"), kept.article_count.label("n")).where(
        kept.scope == scope[0], kept.scope_id == scope[1], kept.facet == name
    )
    if scope[0] == ALL and name == "kind":  # striped (app/store/scope_counters.py)
        n = func.sum(kept.article_count)
        rows = (
            select(kept.value.label("value"), n.label("n"))
            .where(kept.scope == ALL, kept.scope_id.in_(range(STRIPES)), kept.facet == name)
            .group_by(kept.value)
        )
    if scope[0] == "entity" and name == "entity":
        pair = m.EntityPair
        rows = select(pair.other_id.label("value"), pair.article_count.label("n"))
        rows = rows.where(pair.entity_id == scope[1]).union_all(
            select(m.Entity.id, m.Entity.article_count).where(m.Entity.id == scope[1])
        )
    counted = rows.subquery()
    return (
        select(counted.c.value, counted.c.n)
        .where(counted.c.n > 0)
        .order_by(counted.c.n.desc(), counted.c.value)
        .limit(size)
        .subquery()
    )


def _link_entity() -> tuple[Any, Any, tuple[Any, ...]]:
    return m.ArticleEntity.entity_id, m.ArticleEntity.article_id, ()


def _link_speaker() -> tuple[Any, Any, tuple[Any, ...]]:
    return m.Statement.speaker_id, m.Statement.article_id, ()


def _link_kind() -> tuple[Any, Any, tuple[Any, ...]]:
    code = case(KIND_CODES, value=m.Entity.kind)
    return code, m.ArticleEntity.article_id, (m.Entity.id == m.ArticleEntity.entity_id,)


def _link_resolution() -> tuple[Any, Any, tuple[Any, ...]]:
    return m.ArticleResolution.resolution_id, m.ArticleResolution.article_id, ()


def _link_source() -> tuple[Any, Any, tuple[Any, ...]]:
    return m.Article.source_id, m.Article.id, ()


_GENERAL: dict[str, Callable[[], tuple[Any, Any, tuple[Any, ...]]]] = {
    "entity": _link_entity,
    "kind": _link_kind,
    "resolution": _link_resolution,
    "source": _link_source,
    "speaker": _link_speaker,
}


def _entities(session: Session, counted: Subquery) -> list[Row]:
    rows = session.execute(
        select(m.Entity.id, m.Entity.name, counted.c.n)
        .join(counted, counted.c.value == m.Entity.id)
        .order_by(counted.c.n.desc(), m.Entity.id)
    ).all()
    return [(str(i), name, n) for i, name, n in rows]


def _kinds(session: Session, counted: Subquery) -> list[Row]:
    rows = session.execute(select(counted.c.value, counted.c.n)).all()
    named = [(KIND_NAMES[code], n) for code, n in rows]
    return [(kind, kind, n) for kind, n in sorted(named, key=lambda row: (-row[1], row[0]))]


def _resolutions(session: Session, counted: Subquery) -> list[Row]:
    rows = session.execute(
        select(m.Resolution, counted.c.n)
        .join(counted, counted.c.value == m.Resolution.id)
        .order_by(counted.c.n.desc(), m.Resolution.id)
    ).all()
    return [(_label(r), f"{r.body} {_label(r)}", count) for r, count in rows]


def _label(resolution: m.Resolution) -> str:
    return resolution_ref(resolution).symbol


def _sources(session: Session, counted: Subquery) -> list[Row]:
    rows = session.execute(
        select(m.Source.id, m.Source.name, counted.c.n)
        .join(counted, counted.c.value == m.Source.id)
        .order_by(counted.c.n.desc(), m.Source.id)
    ).all()
    return [(str(i), name, count) for i, name, count in rows]


_LABELLED: dict[str, Callable[[Session, Subquery], list[Row]]] = {
    "entity": _entities,
    "kind": _kinds,
    "resolution": _resolutions,
    "source": _sources,
    "speaker": _entities,
}
