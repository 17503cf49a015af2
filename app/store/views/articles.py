"""Articles: the list row and the whole article with what was extracted from it."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from app.store.views.common import EntityRef, Location, ReadModel, ResolutionRef


class ArticleItem(ReadModel):
    id: int
    title: str = Field(
        examples=['"هيئة التفاوض" تؤكد ضرورة دعم سياسي وحراك دولي ينهي المأساة السورية']
    )
    published_at: datetime | None = Field(
        description="On the dateline's clock, with its offset.",
        examples=["2023-11-14T11:22:00+03:00"],
    )
    outlet: str | None = Field(examples=["تلفزيون سوريا"])
    url: str | None
    language: str = Field(examples=["ar"])


class Section(ReadModel):
    kind: Literal["paragraph", "heading"]
    text: str


class Image(ReadModel):
    title: str | None
    caption: str | None
    credit: str | None = Field(examples=["تويتر"])
    url: str | None


class Mention(ReadModel):
    surface: str = Field(examples=["وسوريا"])
    location: Location


class ArticleActor(ReadModel):
    entity: EntityRef
    subkind: str | None
    mentions: list[Mention]


class Role(ReadModel):
    person: EntityRef
    title: str = Field(examples=["رئيس هيئة التفاوض السورية"])
    organization: EntityRef | None
    evidence: str
    article_id: int


class Citation(ReadModel):
    resolution: ResolutionRef
    surface: str = Field(examples=["قرار مجلس الأمن الدولي 2254"])
    location: Location


class Statement(ReadModel):
    speaker: EntityRef | None
    speaker_surface: str
    verb: str = Field(examples=["أكد"])
    content: str
    location: Location
    article_id: int


class ArticleDetail(ArticleItem):
    timezone: str | None = Field(examples=["Asia/Damascus"])
    byline_place: str | None = Field(examples=["إسطنبول"])
    authors: list[str]
    analysed: bool = Field(description="False for articles not in Arabic: stored, not analysed.")
    summary: list[str]
    sections: list[Section]
    images: list[Image]
    actors: list[ArticleActor]
    roles: list[Role]
    citations: list[Citation]
    statements: list[Statement]
    warnings: list[str]
    created_at: datetime
    updated_at: datetime


class Highlight(ReadModel):
    location: Location = Field(description="The match in the article's display text.")
    snippet: str = Field(description="Display text around the match.")
    match_start: int = Field(description="Where the match starts in `snippet`.")
    match_end: int


class SearchHit(ReadModel):
    article: ArticleItem
    highlights: list[Highlight]
