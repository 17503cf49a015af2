"""Entities: lists with article counts, and one entity with its roles and neighbours."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session, aliased

from app.errors import NotFound
from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_offset_cursor, encode_offset_cursor
from app.store.reads.article_detail import entity_ref, roles_where
from app.store.typing import AnySelect
from app.text.normalize import collapse_spaces, normalize

RELATED_LIMIT = 20


def _article_counts() -> Any:
    return (
        select(m.ArticleEntity.entity_id, func.count().label("n"))
        .group_by(m.ArticleEntity.entity_id)
        .subquery()
    )


def list_entities(
    *, session: Session, kind: str | None, q: str | None, limit: int, cursor: str | None
) -> v.Page[v.EntityItem]:
    counts = _article_counts()
    n = func.coalesce(counts.c.n, 0)
    query: AnySelect = select(m.Entity, n.label("n")).outerjoin(
        counts, counts.c.entity_id == m.Entity.id
    )
    if kind:
        query = query.where(m.Entity.kind == kind)
    if q and (prefix := normalize(collapse_spaces(q))):
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        aliases = select(m.EntityAlias.entity_id).where(
            m.EntityAlias.normalized.like(escaped + "%", escape="\\")
        )
        query = query.where(m.Entity.id.in_(aliases))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    if cursor:
        last_n, last_id = decode_offset_cursor(cursor)
        query = query.where(tuple_(-n, m.Entity.id) > tuple_(-last_n, int(last_id)))
    rows = session.execute(query.order_by(n.desc(), m.Entity.id).limit(limit + 1)).all()
    items = [
        v.EntityItem(id=e.id, name=e.name, kind=e.kind, subkind=e.subkind, article_count=count)
        for e, count in rows[:limit]
    ]
    next_cursor = (
        encode_offset_cursor(items[-1].article_count, str(items[-1].id))
        if len(rows) > limit
        else None
    )
    return v.Page[v.EntityItem](items=items, next_cursor=next_cursor, total=total)


def get_entity(*, session: Session, entity_id: int) -> v.EntityDetail:
    entity = session.get(m.Entity, entity_id)
    if entity is None:
        raise NotFound(f"no entity with id {entity_id}")
    aliases = session.scalars(
        select(m.EntityAlias.alias)
        .where(m.EntityAlias.entity_id == entity_id)
        .order_by(m.EntityAlias.id)
    ).all()
    article_count = session.scalar(
        select(func.count()).where(m.ArticleEntity.entity_id == entity_id)
    )
    return v.EntityDetail(
        id=entity.id,
        name=entity.name,
        kind=entity.kind,
        subkind=entity.subkind,
        english_name=entity.english_name,
        wikidata_id=entity.wikidata_id,
        aliases=list(aliases),
        article_count=article_count or 0,
        roles=_distinct_roles(roles_where(session, m.Affiliation.person_id == entity_id)),
        related=_related(session, entity_id),
        resolutions=_resolutions(session, entity_id),
    )


def _distinct_roles(roles: list[v.Role]) -> list[v.Role]:
    """A role said in many articles is one role; the first evidence stands for it."""
    seen: dict[tuple[str, int | None], v.Role] = {}
    for role in roles:
        key = (normalize(role.title), role.organization.id if role.organization else None)
        seen.setdefault(key, role)
    return list(seen.values())


def _related(session: Session, entity_id: int) -> list[v.Related]:
    mine = aliased(m.ArticleEntity)
    other = aliased(m.ArticleEntity)
    n = func.count().label("n")
    rows = session.execute(
        select(m.Entity, n)
        .select_from(mine)
        .join(other, other.article_id == mine.article_id)
        .join(m.Entity, m.Entity.id == other.entity_id)
        .where(mine.entity_id == entity_id, other.entity_id != entity_id)
        .group_by(m.Entity.id)
        .order_by(n.desc(), m.Entity.id)
        .limit(RELATED_LIMIT)
    ).all()
    return [v.Related(entity=entity_ref(e), article_count=count) for e, count in rows]


def _resolutions(session: Session, entity_id: int) -> list[v.CitedResolution]:
    n = func.count().label("n")
    rows = session.execute(
        select(m.Resolution, n)
        .select_from(m.ArticleEntity)
        .join(m.ArticleResolution, m.ArticleResolution.article_id == m.ArticleEntity.article_id)
        .join(m.Resolution, m.Resolution.id == m.ArticleResolution.resolution_id)
        .where(m.ArticleEntity.entity_id == entity_id)
        .group_by(m.Resolution.id)
        .order_by(n.desc(), m.Resolution.number)
    ).all()
    return [
        v.CitedResolution(
            resolution=v.ResolutionRef(
                body=r.body, number=r.number, year=r.year, session=r.un_session or None
            ),
            article_count=c,
        )
        for r, c in rows
    ]
