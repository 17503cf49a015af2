"""Read models the query functions return: plain data, no ORM objects, no lazy loading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

T = TypeVar("T")


def local_time(moment: datetime | None, zone: str | None) -> datetime | None:
    """Show a stored UTC instant on the dateline's clock (2023-11-14T11:22:00+03:00)."""
    if moment is None or not zone:
        return moment
    try:
        return moment.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return moment


@dataclass(frozen=True, slots=True)
class EntityRef:
    id: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ResolutionRef:
    body: str
    number: int
    year: int | None
    session: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    part: str
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ArticleItem:
    id: int
    title: str
    published_at: datetime | None
    outlet: str | None
    url: str | None
    language: str


@dataclass(frozen=True, slots=True)
class SectionView:
    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class ImageView:
    title: str | None
    caption: str | None
    credit: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class MentionView:
    surface: str
    location: Location


@dataclass(frozen=True, slots=True)
class ArticleActor:
    entity: EntityRef
    subkind: str | None
    mentions: list[MentionView]


@dataclass(frozen=True, slots=True)
class RoleView:
    person: EntityRef
    title: str
    organization: EntityRef | None
    evidence: str
    article_id: int


@dataclass(frozen=True, slots=True)
class CitationView:
    resolution: ResolutionRef
    surface: str
    location: Location


@dataclass(frozen=True, slots=True)
class StatementView:
    speaker: EntityRef | None
    speaker_surface: str
    verb: str
    content: str
    location: Location
    article_id: int


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    id: int
    title: str
    published_at: datetime | None
    timezone: str | None
    outlet: str | None
    byline_place: str | None
    authors: list[str]
    url: str | None
    language: str
    analysed: bool
    summary: list[str]
    sections: list[SectionView]
    images: list[ImageView]
    actors: list[ArticleActor]
    roles: list[RoleView]
    citations: list[CitationView]
    statements: list[StatementView]
    warnings: list[str]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class EntityItem:
    id: int
    name: str
    kind: str
    subkind: str | None
    article_count: int


@dataclass(frozen=True, slots=True)
class Related:
    entity: EntityRef
    article_count: int


@dataclass(frozen=True, slots=True)
class CitedResolution:
    resolution: ResolutionRef
    article_count: int


@dataclass(frozen=True, slots=True)
class EntityDetail:
    id: int
    name: str
    kind: str
    subkind: str | None
    english_name: str | None
    wikidata_id: str | None
    aliases: list[str]
    article_count: int
    roles: list[RoleView]
    related: list[Related]
    resolutions: list[CitedResolution]


@dataclass(frozen=True, slots=True)
class ResolutionItem:
    body: str
    number: int
    year: int | None
    title: str | None
    article_count: int
    citation_count: int
    session: int | None = None


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None
    total: int | None = None
