"""Response models: the exact shape of every JSON answer, and the examples /docs shows."""

from __future__ import annotations

from datetime import datetime
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, computed_field

T = TypeVar("T")


class Schema(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Problem(Schema):
    """RFC 9457 problem details."""

    type: str = Field(default="about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["no article with id 42"])
    instance: str | None = Field(default=None, examples=["/articles/42"])
    errors: list[dict[str, object]] | None = None


class Page(Schema, Generic[T]):
    items: list[T]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last page."
    )
    total: int | None = Field(
        default=None, description="Number of matches: exact up to 1,000, else null."
    )


class EntityRef(Schema):
    id: int = Field(examples=[3])
    name: str = Field(examples=["بدر جاموس"])
    kind: Literal["person", "organization", "place"]


class Symbol(Schema):
    session: int | None = Field(
        default=None, description="Session of a session-numbered resolution: 67 in 67/19."
    )
    number: int = Field(examples=[2254])

    @computed_field  # type: ignore[prop-decorator]
    @property
    def symbol(self) -> str:
        """How the resolution is written: 2254, or 67/19."""
        return f"{self.session}/{self.number}" if self.session else str(self.number)


class ResolutionRef(Symbol):
    body: str = Field(examples=["UNSC"])
    year: int | None = Field(examples=[2015])


class Location(Schema):
    """Where a span sits: `part` and `index` name a block of the article (title, summary
    point, section, image title or caption); start/end are character offsets in its text."""

    part: Literal["title", "summary", "section", "image_title", "caption"]
    index: int
    start: int
    end: int


class ArticleItem(Schema):
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


class Section(Schema):
    kind: Literal["paragraph", "heading"]
    text: str


class Image(Schema):
    title: str | None
    caption: str | None
    credit: str | None = Field(examples=["تويتر"])
    url: str | None


class Mention(Schema):
    surface: str = Field(examples=["وسوريا"])
    location: Location


class ArticleActor(Schema):
    entity: EntityRef
    subkind: str | None
    mentions: list[Mention]


class Role(Schema):
    person: EntityRef
    title: str = Field(examples=["رئيس هيئة التفاوض السورية"])
    organization: EntityRef | None
    evidence: str
    article_id: int


class Citation(Schema):
    resolution: ResolutionRef
    surface: str = Field(examples=["قرار مجلس الأمن الدولي 2254"])
    location: Location


class Statement(Schema):
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


class EntityItem(Schema):
    id: int
    name: str = Field(examples=["هيئة التفاوض السورية"])
    kind: Literal["person", "organization", "place"]
    subkind: str | None = Field(examples=["opposition"])
    article_count: int


class Related(Schema):
    entity: EntityRef
    article_count: int


class CitedResolution(Schema):
    resolution: ResolutionRef
    article_count: int


class EntityDetail(Schema):
    id: int
    name: str
    kind: Literal["person", "organization", "place"]
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


class Highlight(Schema):
    location: Location = Field(description="The match in the article's display text.")
    snippet: str = Field(description="Display text around the match.")
    match_start: int = Field(description="Where the match starts in `snippet`.")
    match_end: int


class SearchHit(Schema):
    article: ArticleItem
    highlights: list[Highlight]


class IngestedArticle(Schema):
    id: int
    outcome: Literal["ingested", "updated", "unchanged"]
    title: str
    warnings: list[str]


class IngestReport(Schema):
    items: list[IngestedArticle]


class Health(Schema):
    status: Literal["ok"]
    version: str


class Ready(Schema):
    status: Literal["ready"]
    database: str = Field(examples=["sqlite"])
