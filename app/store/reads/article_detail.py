"""Everything about one article, loaded in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from app.errors import NotFound
from app.store import models as m
from app.store import views as v


def get_article(*, session: Session, article_id: int) -> v.ArticleDetail:
    article = session.scalars(
        select(m.Article)
        .where(m.Article.id == article_id)
        .options(
            selectinload(m.Article.source),
            selectinload(m.Article.sections),
            selectinload(m.Article.summary_points),
            selectinload(m.Article.images),
        )
    ).first()
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    return v.ArticleDetail(
        id=article.id,
        title=article.title,
        published_at=v.local_time(article.published_at, article.timezone),
        timezone=article.timezone,
        outlet=article.source.name if article.source else None,
        byline_place=article.byline_place,
        authors=list(article.authors),
        url=article.url,
        language=article.language,
        analysed=article.analysed,
        summary=[p.text for p in article.summary_points],
        sections=[v.Section(kind=s.kind, text=s.text) for s in article.sections],
        images=[
            v.Image(title=i.title, caption=i.caption, credit=i.credit, url=i.url)
            for i in article.images
        ],
        actors=_actors(session, article_id),
        roles=roles_where(session, m.Affiliation.article_id == article_id),
        citations=_citations(session, article_id),
        statements=statements_where(session, m.Statement.article_id == article_id),
        warnings=list(article.warnings),
        created_at=article.created_at,
        updated_at=article.updated_at,
    )


def entity_ref(entity: m.Entity) -> v.EntityRef:
    return v.EntityRef(id=entity.id, name=entity.name, kind=entity.kind)


def _location(row: m.Mention | m.Citation | m.Statement) -> v.Location:
    return v.Location(part=row.part, index=row.part_index, start=row.start, end=row.end)


def _actors(session: Session, article_id: int) -> list[v.ArticleActor]:
    rows = session.execute(
        select(m.Mention, m.Entity)
        .join(m.Entity, m.Entity.id == m.Mention.entity_id)
        .where(m.Mention.article_id == article_id)
        .order_by(m.Mention.id)
    ).all()
    grouped: dict[int, list[v.Mention]] = defaultdict(list)
    entities: dict[int, m.Entity] = {}
    for mention, entity in rows:
        entities[entity.id] = entity
        grouped[entity.id].append(v.Mention(surface=mention.surface, location=_location(mention)))
    return [
        v.ArticleActor(entity=entity_ref(e), subkind=e.subkind, mentions=grouped[e.id])
        for e in entities.values()
    ]


def roles_where(session: Session, condition: object) -> list[v.Role]:
    org = aliased(m.Entity)
    person = aliased(m.Entity)
    rows = session.execute(
        select(m.Affiliation, person, org)
        .join(person, person.id == m.Affiliation.person_id)
        .outerjoin(org, org.id == m.Affiliation.organization_id)
        .where(condition)  # type: ignore[arg-type]
        .order_by(m.Affiliation.id)
    ).all()
    return [
        v.Role(
            person=entity_ref(p),
            title=a.title,
            organization=entity_ref(o) if o is not None else None,
            evidence=a.evidence,
            article_id=a.article_id,
        )
        for a, p, o in rows
    ]


def _citations(session: Session, article_id: int) -> list[v.Citation]:
    rows = session.execute(
        select(m.Citation, m.Resolution)
        .join(m.Resolution, m.Resolution.id == m.Citation.resolution_id)
        .where(m.Citation.article_id == article_id)
        .order_by(m.Citation.id)
    ).all()
    return [
        v.Citation(
            resolution=v.ResolutionRef(
                body=r.body, number=r.number, year=r.year, session=r.un_session or None
            ),
            surface=c.surface,
            location=_location(c),
        )
        for c, r in rows
    ]


def statements_where(session: Session, condition: object) -> list[v.Statement]:
    rows = session.execute(
        select(m.Statement, m.Entity)
        .outerjoin(m.Entity, m.Entity.id == m.Statement.speaker_id)
        .where(condition)  # type: ignore[arg-type]
        .order_by(m.Statement.id)
    ).all()
    return [statement_view(s, e) for s, e in rows]


def statement_view(s: m.Statement, speaker: m.Entity | None) -> v.Statement:
    return v.Statement(
        speaker=entity_ref(speaker) if speaker is not None else None,
        speaker_surface=s.speaker_surface,
        verb=s.verb,
        content=s.content,
        location=_location(s),
        article_id=s.article_id,
    )
