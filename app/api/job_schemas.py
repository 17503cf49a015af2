"""Response and request models of the sources and jobs routes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, AnyHttpUrl, BaseModel, ConfigDict, Field

from app.api.schemas import IngestedArticle


class Schema(BaseModel):
    """Read from the store's dataclasses by attribute."""

    model_config = ConfigDict(from_attributes=True)


class FeedState(Schema):
    id: int
    url: str
    next_due_at: datetime
    failures: int = Field(description="Failures in a row; each doubles the wait (backoff).")
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None


class SourceOut(Schema):
    id: int
    name: str = Field(examples=["الضفة الشرقية"])
    site: str | None
    language: str | None
    timezone: str | None
    hints: dict[str, Any]
    active: bool
    poll_seconds: int
    feeds: list[FeedState]
    article_count: int
    articles_per_day: float = Field(description="Published in the last 30 days, per day.")
    last_success_at: datetime | None
    last_error: str | None


def known_zone(zone: str | None) -> str | None:
    if zone is not None:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown time zone {zone!r}; use an IANA name such as Asia/Beirut"
            ) from exc
    return zone


Zone = Annotated[str | None, Field(default=None, max_length=64), AfterValidator(known_zone)]


class SourceIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    feeds: list[AnyHttpUrl] = Field(default_factory=list, max_length=50)
    site: AnyHttpUrl | None = None
    language: str | None = Field(default=None, max_length=8)
    timezone: Zone = None
    hints: dict[str, Any] = Field(default_factory=dict)
    active: bool = True
    poll_seconds: int = Field(default=900, ge=60, le=7 * 24 * 3600)


class SourcePatch(Schema):
    """Only the fields sent change; `feeds` are added to the source's."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    feeds: list[AnyHttpUrl] | None = Field(default=None, max_length=50)
    site: AnyHttpUrl | None = None
    language: str | None = Field(default=None, max_length=8)
    timezone: Zone = None
    hints: dict[str, Any] | None = None
    active: bool | None = None
    poll_seconds: int | None = Field(default=None, ge=60, le=7 * 24 * 3600)


JobStatus = Literal["todo", "doing", "succeeded", "failed", "cancelled", "aborting", "aborted"]


class JobOut(Schema):
    id: int
    task: str = Field(examples=["fetch_page"])
    status: JobStatus
    attempts: int = Field(description="Runs so far, the one under way included.")
    arguments: dict[str, Any]
    error: str | None = Field(description="Why the last run failed.")
    article_ids: list[int] = Field(description="Articles the job stored.")
    job_ids: list[int] = Field(description="Jobs it queued (a feed's pages).")


class QueuedJob(Schema):
    id: int
    url: str
    href: str = Field(examples=["/jobs/42"])


class Accepted(Schema):
    """The articles stored at once, and the jobs queued for the rest (pages to fetch)."""

    items: list[IngestedArticle]
    jobs: list[QueuedJob]
