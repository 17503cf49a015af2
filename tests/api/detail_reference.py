"""The article detail as the ORM builds it: the specification app.store.reads.detail_json
is held to, byte for byte (test_detail_json). Kept with the tests: the service never runs it."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from app.errors import NotFound
from app.store import models as m
from app.store import views as v
from app.store.reads.refs import document_order, entity_ref, location, resolution_ref
from app.store.reads.statements import statement_view


def get_article(
    *, session: Session, article_id: int, include: frozenset[str] = frozenset()
) -> v.ArticleDetail:
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
        published_at=v.local_time(article.published_at, article.timezone, article.utc_offset),
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
        actors=_actors(session, article_id, "mentions" in include),
        roles=roles_where(session, m.Affiliation.article_id == article_id),
        citations=_citations(session, article_id),
        statements=statements_where(session, m.Statement.article_id == article_id),
        warnings=list(article.warnings),
        created_at=article.created_at,
        updated_at=article.updated_at,
    )


def _actors(session: Session, article_id: int, with_mentions: bool) -> list[v.ArticleActor]:
    """Most mentioned first; each mention's place only when asked, as it is most of the
    article's weight."""
    rows = session.execute(
        select(m.Entity, m.ArticleEntity.mention_count)
        .join(m.ArticleEntity, m.ArticleEntity.entity_id == m.Entity.id)
        .where(m.ArticleEntity.article_id == article_id)
        .order_by(m.ArticleEntity.mention_count.desc(), m.Entity.id)
    ).all()
    if not with_mentions:
        return [v.ArticleActor(entity=entity_ref(e), mention_count=n) for e, n in rows]
    grouped: dict[int, list[v.Mention]] = defaultdict(list)
    for mention in session.scalars(
        select(m.Mention).where(m.Mention.article_id == article_id).order_by(m.Mention.id)
    ):
        grouped[mention.entity_id].append(
            v.Mention(surface=mention.surface, form=mention.form, location=location(mention))
        )
    return [
        v.ArticleActor(entity=entity_ref(e), mention_count=n, mentions=grouped[e.id])
        for e, n in rows
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
            resolution=resolution_ref(r),
            surface=c.surface,
            location=location(c),
        )
        for c, r in rows
    ]


def statements_where(session: Session, condition: object) -> list[v.Statement]:
    rows = session.execute(
        select(m.Statement, m.Entity)
        .outerjoin(m.Entity, m.Entity.id == m.Statement.speaker_id)
        .where(condition)  # type: ignore[arg-type]
        .order_by(*document_order(m.Statement))
    ).all()
    return [statement_view(s, e) for s, e in rows]
