"""ORM rows to the small references every read model embeds."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case

from app.store import models as m
from app.store import views as v

# The columns entity_ref reads: selecting these instead of the ORM class builds no objects.
ENTITY_COLUMNS = (
    m.Entity.id,
    m.Entity.name,
    m.Entity.kind,
    m.Entity.subkind,
    m.Entity.english_name,
    m.Entity.wikidata_id,
)


def entity_ref(entity: m.Entity | Any) -> v.EntityRef:
    return v.EntityRef(
        id=entity.id,
        name=entity.name,
        kind=entity.kind,
        subkind=entity.subkind,
        english_name=entity.english_name,
        wikidata_id=entity.wikidata_id,
    )


def resolution_ref(resolution: m.Resolution | Any) -> v.ResolutionRef:
    return v.ResolutionRef(
        body=resolution.body,
        number=resolution.number,
        year=resolution.year,
        session=resolution.un_session or None,
    )


def article_ref(article: m.Article | Any, outlet: str | None) -> v.ArticleRef:
    """Of an Article, or of a row of its id, title, published_at, timezone and utc_offset."""
    return v.ArticleRef(
        id=article.id,
        title=article.title,
        published_at=v.local_time(article.published_at, article.timezone, article.utc_offset),
        timezone=article.timezone,
        outlet=outlet,
    )


def location(row: m.Mention | m.Citation | m.Statement) -> v.Location:
    return v.Location(part=row.part, index=row.part_index, start=row.start, end=row.end)


def document_order(model: Any) -> tuple[Any, ...]:
    """ORDER BY for located rows in reading order: title, summary, images, then sections."""
    rank = case(
        {"title": 0, "summary": 1, "image_title": 2, "caption": 2, "section": 3},
        value=model.part,
        else_=4,
    )
    return (model.article_id, rank, model.part_index, model.start, model.id)
