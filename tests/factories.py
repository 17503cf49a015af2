"""Hand-built articles and extractions, so store and API tests do not depend on the extractor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.extract.model import (
    Citation,
    Entity,
    EntityKind,
    Extraction,
    Mention,
    ResolutionBody,
    Span,
    Statement,
)
from app.ingest.model import ParsedArticle, Part, Section, SectionKind

BASE_TIME = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def article(
    n: int = 0,
    *,
    url: str | None = None,
    title: str | None = None,
    body: str = "التقى المبعوث الأممي وفد المعارضة في جنيف لبحث القرار 2254.",
) -> ParsedArticle:
    return ParsedArticle(
        title=title or f"خبر تجريبي رقم {n}",
        sections=[Section(SectionKind.PARAGRAPH, body)],
        summary=["نقطة أولى"],
        published_at=BASE_TIME + timedelta(hours=n),
        timezone="Asia/Damascus",
        outlet="وكالة تجريبية",
        url=url,
        raw=f"raw {n}",
    )


def syria(surface: str = "سوريا") -> Entity:
    return Entity(
        key="country:SY",
        name="سوريا",
        kind=EntityKind.PLACE,
        subkind="country",
        aliases=["سوريا", "سورية"],
    )


def extraction_naming(*entities: Entity, resolution: int | None = None) -> Extraction:
    span = Span(Part.SECTION, 0, 0, 5)
    return Extraction(
        entities=list(entities),
        mentions=[Mention(e.key, e.name, span) for e in entities],
        citations=(
            [Citation(ResolutionBody.UNSC, resolution, 2015, f"القرار {resolution}", span)]
            if resolution
            else []
        ),
        statements=(
            [Statement(entities[0].key, entities[0].name, "قال", "كلام", span)] if entities else []
        ),
    )


def person(name: str, key: str | None = None) -> Entity:
    return Entity(
        key=key or f"new:person:{name}", name=name, kind=EntityKind.PERSON, aliases=[name]
    )
