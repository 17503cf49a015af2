"""The API's shapes: the store's read model re-exported as it is, plus what belongs to HTTP
alone (problem details, the ingest report, health)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.store import views
from app.store.views import *  # noqa: F403 (the read model, re-exported whole)
from app.store.views import EntityRef

__all__ = [
    *views.__all__,
    "AmbiguousProblem",
    "Health",
    "IngestReport",
    "IngestedArticle",
    "Problem",
    "Ready",
]


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(default="about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["no article with id 42"])
    instance: str | None = Field(default=None, examples=["/articles/42"])
    errors: list[dict[str, object]] | None = None


class AmbiguousProblem(Problem):
    """409: the name is carried by several entities; pick one of the candidates."""

    candidates: list[EntityRef]


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
