"""Articles: the list row and the whole article with what was extracted from it."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from app.store.views.common import (
    EntityRef,
    Location,
    MentionForm,
    Part,
    ReadModel,
    ResolutionRef,
)


class SectionKind(StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"


class Section(ReadModel):
    kind: SectionKind
    text: str


class Image(ReadModel):
    title: str | None
    caption: str | None
    credit: str | None = Field(examples=["تويتر"])
    url: str | None


class ArticleBase(ReadModel):
    id: int
    title: str = Field(
        default="",
        examples=['"هيئة التفاوض" تؤكد ضرورة دعم سياسي وحراك دولي ينهي المأساة السورية'],
    )
    published_at: datetime | None = Field(
        default=None,
        description="On the outlet's clock, with its offset.",
        examples=["2023-11-14T11:22:00+03:00"],
    )
    timezone: str | None = Field(
        default=None, description="IANA zone of that clock, when known.", examples=["Asia/Damascus"]
    )
    outlet: str | None = Field(default=None, examples=["تلفزيون سوريا"])
    url: str | None = None
    language: str = Field(default="ar", examples=["ar"])
    byline_place: str | None = Field(default=None, examples=["إسطنبول"])


class Actors(ReadModel):
    """The actors an article names most, by kind."""

    person: list[EntityRef] = Field(default_factory=list)
    organization: list[EntityRef] = Field(default_factory=list)
    place: list[EntityRef] = Field(default_factory=list)


class Highlight(ReadModel):
    """One matched term in a snippet of the article's display text, cut at word boundaries."""

    part: Part
    index: int
    text: str = Field(description="The snippet.")
    start: int = Field(description="Where the match starts in `text`.")
    end: int
    term: str = Field(
        description="The words matched, as the article writes them (text[start:end])."
    )


class ArticleItem(ArticleBase):
    """What a list row shows; `fields=` trims it (only `id` always stays)."""

    lede: str | None = Field(
        default=None, description="First summary point, else the first sentence."
    )
    image: Image | None = None
    actors: Actors = Field(default_factory=Actors)
    resolutions: list[ResolutionRef] = Field(default_factory=list)
    highlights: list[Highlight] | None = Field(
        default=None, description="With `q`: every matched term, in reading order."
    )


class Mention(ReadModel):
    surface: str = Field(examples=["وسوريا"])
    form: MentionForm = Field(
        description="How it names the entity: `name` (in full), `short_form` (a surname, "
        "a head noun alone), `demonym` (an adjective: الروسي for روسيا), `title` (a role "
        "standing for its holder); count `name` alone for named mentions.",
        examples=["name"],
    )
    location: Location


class ArticleActor(ReadModel):
    entity: EntityRef
    mention_count: int
    mentions: list[Mention] | None = Field(
        default=None, description="Only with `include=mentions`."
    )


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


class ArticleRef(ReadModel):
    """The article a statement or a passage comes from."""

    id: int
    title: str
    published_at: datetime | None
    timezone: str | None
    outlet: str | None


class StatementItem(Statement):
    article: ArticleRef


class ArticleDetail(ArticleBase):
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
