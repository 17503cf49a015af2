"""The entity page and list as the ORM built them: the specification app.store.reads
.entity_page and .entities are held to, byte for byte (test_entity_page_json). Kept with
the tests: the service never runs them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from app.errors import NotFound
from app.store import models as m
from app.store import views as v
from app.store.cursor import decode_offset_cursor, encode_offset_cursor
from app.store.reads.dated import publication_span
from app.store.reads.entity_links import related_entities
from app.store.reads.paging import bounded_count
from app.store.reads.refs import entity_ref, resolution_ref
from app.store.typing import AnySelect
from app.text.normalize import collapse_spaces, normalize

RELATED_LIMIT = 20


def entity_item(entity: m.Entity, count: int) -> v.EntityItem:
    return v.EntityItem(**entity_ref(entity).model_dump(), article_count=count)


def list_entities(
    *,
    session: Session,
    kind: str | None,
    q: str | None,
    wikidata: str | None = None,
    limit: int,
    cursor: str | None,
) -> v.Page[v.EntityItem]:
    n = m.Entity.article_count
    query: AnySelect = select(m.Entity, n.label("n"))
    if kind:
        query = query.where(m.Entity.kind == kind)
    if wikidata:
        query = query.where(m.Entity.wikidata_id == wikidata.upper())
    if q and (prefix := normalize(collapse_spaces(q))):
        aliases = select(m.EntityAlias.entity_id).where(
            m.EntityAlias.normalized >= prefix, m.EntityAlias.normalized < prefix + "\U0010ffff"
        )
        # An English name is no alias (it never names the entity in Arabic text), but a
        # client typing "Syr" expects Syria.
        english = func.lower(m.Entity.english_name).startswith(
            collapse_spaces(q).lower(), autoescape=True
        )
        query = query.where(or_(m.Entity.id.in_(aliases), english))
    total = bounded_count(session, query)
    if cursor:
        last_n, last_id = decode_offset_cursor(cursor)
        query = query.where(tuple_(-n, m.Entity.id) > tuple_(-last_n, int(last_id)))
    rows = session.execute(query.order_by(n.desc(), m.Entity.id).limit(limit + 1)).all()
    items = [entity_item(e, count) for e, count in rows[:limit]]
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
    link = m.ArticleEntity
    first, last = publication_span(
        session, link.sort_at, link.article_id, link.entity_id == entity_id
    )
    related = related_entities(session=session, entity_id=entity_id, limit=RELATED_LIMIT)
    return v.EntityDetail(
        **entity_item(entity, entity.article_count).model_dump(),
        aliases=list(aliases),
        first_seen=first,
        last_seen=last,
        roles=_role_spans(session, entity_id),
        related=related.items,
        resolutions=_resolutions(session, entity_id),
    )


def _role_spans(session: Session, entity_id: int) -> list[v.RoleSpan]:
    """A title said in many articles is one role, with the first and last article saying it."""
    org = aliased(m.Entity)
    rows = session.execute(
        select(m.Affiliation.title, org, m.Article.published_at, m.Affiliation.article_id)
        .join(m.Article, m.Article.id == m.Affiliation.article_id)
        .outerjoin(org, org.id == m.Affiliation.organization_id)
        .where(m.Affiliation.person_id == entity_id)
        .order_by(m.Article.sort_at, m.Affiliation.id)
    ).all()
    spans: dict[tuple[str, int | None], dict[str, Any]] = {}
    for title, organization, published, article_id in rows:
        key = (normalize(title), organization.id if organization else None)
        span = spans.setdefault(
            key,
            {
                "title": title,
                "organization": entity_ref(organization) if organization else None,
                "first_seen": published,
                "articles": set(),
            },
        )
        span["first_seen"] = span["first_seen"] or published
        span["last_seen"] = published or span.get("last_seen")
        span["articles"].add(article_id)
    return [
        v.RoleSpan(
            title=s["title"],
            organization=s["organization"],
            first_seen=s["first_seen"],
            last_seen=s.get("last_seen"),
            article_count=len(s["articles"]),
        )
        for s in spans.values()
    ]


def _resolutions(session: Session, entity_id: int) -> list[v.CitedResolution]:
    cited = m.EntityResolution  # kept at ingest by app/store/counters.py
    rows = session.execute(
        select(m.Resolution, cited.article_count)
        .join(m.Resolution, m.Resolution.id == cited.resolution_id)
        .where(cited.entity_id == entity_id)
        .order_by(cited.article_count.desc(), m.Resolution.number)
        .limit(RELATED_LIMIT)
    ).all()
    return [v.CitedResolution(resolution=resolution_ref(r), count=c) for r, c in rows]
