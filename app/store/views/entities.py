"""Entities and resolutions with their counts: list rows and detail pages."""

from __future__ import annotations

from pydantic import Field

from app.store.views.articles import ArticleItem, Role
from app.store.views.common import EntityKind, EntityRef, Page, ReadModel, ResolutionRef, Symbol


class EntityItem(ReadModel):
    id: int
    name: str = Field(examples=["هيئة التفاوض السورية"])
    kind: EntityKind
    subkind: str | None = Field(examples=["opposition"])
    article_count: int


class Related(ReadModel):
    entity: EntityRef
    article_count: int


class CitedResolution(ReadModel):
    resolution: ResolutionRef
    article_count: int


class EntityDetail(ReadModel):
    id: int
    name: str
    kind: EntityKind
    subkind: str | None
    english_name: str | None
    wikidata_id: str | None
    aliases: list[str] = Field(examples=[["هيئة التفاوض السورية", "هيئة التفاوض", "الهيئة"]])
    article_count: int
    roles: list[Role]
    related: list[Related] = Field(description="Entities named in the same articles, most first.")
    resolutions: list[CitedResolution]


class ResolutionItem(Symbol):
    body: str = Field(examples=["UNSC"])
    year: int | None = Field(examples=[2015])
    title: str | None
    article_count: int = Field(examples=[1])
    citation_count: int = Field(examples=[6])


class ResolutionDetail(ResolutionItem):
    articles: Page[ArticleItem]
