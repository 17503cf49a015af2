"""Entities: lists with article counts, and one entity with its roles and neighbours."""

from __future__ import annotations

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_offset_cursor, encode_offset_cursor
from app.store.reads.article_detail import entity_ref, roles_where
from app.store.typing import AnySelect
from app.text.normalize import collapse_spaces, normalize

RELATED_LIMIT = 20


def list_entities(
    *, session: Session, kind: str | None, q: str | None, limit: int, cursor: str | None
) -> v.Page[v.EntityItem]:
    n = m.Entity.article_count  # kept at ingest by app/store/counters.py
    query: AnySelect = select(m.Entity, n.label("n"))
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
    return v.Page(items=items, next_cursor=next_cursor, total=total)


def get_entity(*, session: Session, entity_id: int) -> v.EntityDetail:
    entity = session.get(m.Entity, entity_id)
    if entity is None:
        raise NotFound(f"no entity with id {entity_id}")
    aliases = session.scalars(
        select(m.EntityAlias.alias)
        .where(m.EntityAlias.entity_id == entity_id)
        .order_by(m.EntityAlias.id)
    ).all()
    return v.EntityDetail(
        id=entity.id,
        name=entity.name,
        kind=entity.kind,
        subkind=entity.subkind,
        english_name=entity.english_name,
        wikidata_id=entity.wikidata_id,
        aliases=list(aliases),
        article_count=entity.article_count,
        roles=_distinct_roles(roles_where(session, m.Affiliation.person_id == entity_id)),
        related=_related(session, entity_id),
        resolutions=_resolutions(session, entity_id),
    )


def _distinct_roles(roles: list[v.RoleView]) -> list[v.RoleView]:
    """A role said in many articles is one role; the first evidence stands for it."""
    seen: dict[tuple[str, int | None], v.RoleView] = {}
    for role in roles:
        key = (normalize(role.title), role.organization.id if role.organization else None)
        seen.setdefault(key, role)
    return list(seen.values())


def _related(session: Session, entity_id: int) -> list[v.Related]:
    pair = m.EntityPair
    rows = session.execute(
        select(m.Entity, pair.article_count)
        .join(m.Entity, m.Entity.id == pair.other_id)
        .where(pair.entity_id == entity_id)
        .order_by(pair.article_count.desc(), m.Entity.id)
        .limit(RELATED_LIMIT)
    ).all()
    return [v.Related(entity=entity_ref(e), article_count=count) for e, count in rows]


def _resolutions(session: Session, entity_id: int) -> list[v.CitedResolution]:
    cited = m.EntityResolution
    rows = session.execute(
        select(m.Resolution, cited.article_count)
        .join(m.Resolution, m.Resolution.id == cited.resolution_id)
        .where(cited.entity_id == entity_id)
        .order_by(cited.article_count.desc(), m.Resolution.number)
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
