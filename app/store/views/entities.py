"""Entities, resolutions and sources with their counts: list rows and detail pages."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field, computed_field

from app.store.views.articles import ArticleRef
from app.store.views.common import (
    EntityRef,
    Location,
    ReadModel,
    ResolutionBody,
    ResolutionRef,
    Symbol,
)


class EntityItem(EntityRef):
    article_count: int


class Suggestion(EntityItem):
    matched: str = Field(
        description="The alias (or English name) a word of which starts with the prefix.",
        examples=["هيئة التفاوض السورية"],
    )


class Related(ReadModel):
    entity: EntityRef
    count: int = Field(description="Articles naming both.")


class CitedResolution(ReadModel):
    resolution: ResolutionRef
    count: int = Field(description="Articles citing it beside the entity.")


class RoleSpan(ReadModel):
    """A title held, as the archive shows it: first and last article saying so."""

    title: str = Field(examples=["رئيس هيئة التفاوض السورية"])
    organization: EntityRef | None
    first_seen: datetime | None
    last_seen: datetime | None
    article_count: int


class EntityDetail(EntityItem):
    aliases: list[str] = Field(examples=[["هيئة التفاوض السورية", "هيئة التفاوض", "الهيئة"]])
    first_seen: datetime | None = Field(description="Publication date of the first article.")
    last_seen: datetime | None
    roles: list[RoleSpan]
    related: list[Related] = Field(description="Entities named in the same articles, most first.")
    resolutions: list[CitedResolution]


class ResolutionItem(Symbol):
    body: ResolutionBody = Field(examples=["UNSC"])
    year: int | None = Field(examples=[2015])
    title: str | None
    article_count: int = Field(examples=[1])
    citation_count: int = Field(examples=[6])

    @computed_field(examples=["S/RES/2254 (2015)"])  # type: ignore[prop-decorator]
    @property
    def un_symbol(self) -> str | None:
        """The UN document symbol, where the body numbers that way."""
        if self.body == "UNSC":
            return f"S/RES/{self.number}" + (f" ({self.year})" if self.year else "")
        if self.body == "UNGA" and self.session:
            # The Assembly numbered plainly until its 31st session: a lower session in a
            # symbol is an emergency special one (ES-10/22).
            special = "ES-" if self.session < 31 else ""
            return f"A/RES/{special}{self.session}/{self.number}"
        if self.body == "HRC" and self.session:
            return f"A/HRC/RES/{self.session}/{self.number}"
        return None


class Passage(ReadModel):
    article: ArticleRef
    text: str = Field(description="The words around the citation, cut at word boundaries.")
    start: int = Field(description="Where the citation starts in `text`.")
    end: int
    location: Location = Field(description="The citation in the article's block.")


class ResolutionDetail(ResolutionItem):
    first_cited: datetime | None
    last_cited: datetime | None
    actors: list[Related] = Field(description="Entities named in the citing articles.")
    passages: list[Passage] = Field(description="Where it is cited, newest article first.")


class SourceItem(ReadModel):
    id: int
    name: str = Field(examples=["تلفزيون سوريا"])
    article_count: int
    last_published_at: datetime | None
