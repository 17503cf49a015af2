"""The API's shapes: the store's read model re-exported as it is, plus what belongs to HTTP
alone (problem details, the ingest report, health)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.store.views import (
    ArticleActor,
    ArticleDetail,
    ArticleItem,
    Citation,
    CitedResolution,
    EntityDetail,
    EntityItem,
    EntityRef,
    Highlight,
    Image,
    Location,
    Mention,
    Page,
    Related,
    ResolutionDetail,
    ResolutionItem,
    ResolutionRef,
    Role,
    SearchHit,
    Section,
    Statement,
)

__all__ = [
    "ArticleActor",
    "ArticleDetail",
    "ArticleItem",
    "Citation",
    "CitedResolution",
    "EntityDetail",
    "EntityItem",
    "EntityRef",
    "Health",
    "Highlight",
    "Image",
    "IngestReport",
    "IngestedArticle",
    "Location",
    "Mention",
    "Page",
    "Problem",
    "Ready",
    "Related",
    "ResolutionDetail",
    "ResolutionItem",
    "ResolutionRef",
    "Role",
    "SearchHit",
    "Section",
    "Statement",
]


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(default="about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["no article with id 42"])
    instance: str | None = Field(default=None, examples=["/articles/42"])
    errors: list[dict[str, object]] | None = None


class IngestedArticle(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    outcome: Literal["ingested", "updated", "unchanged"]
    title: str
    warnings: list[str]


class IngestReport(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    items: list[IngestedArticle]


class Health(BaseModel):
    status: Literal["ok"]
    version: str


class Ready(BaseModel):
    status: Literal["ready"]
    database: str = Field(examples=["sqlite"])
