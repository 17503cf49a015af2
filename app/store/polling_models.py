"""Tables of continuous ingestion: the feeds a source is polled through, the hosts we are
polite to, and what each queued job came to."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.base import Base, utcnow


class Feed(Base):
    """One feed URL of a source with its polling state: the validators of the last answer
    (conditional GET), when it is due again, and how many times in a row it failed."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    next_due_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_polled_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class Host(Base):
    """Per-host politeness shared by every worker: the earliest time the next request may
    go out, and the host's robots.txt as last fetched."""

    __tablename__ = "hosts"

    host: Mapped[str] = mapped_column(String(255), primary_key=True)
    next_request_at: Mapped[datetime] = mapped_column(default=utcnow)
    robots_txt: Mapped[str | None] = mapped_column(Text)
    robots_fetched_at: Mapped[datetime | None]


class JobOutcome(Base):
    """What a queued job did, by the queue's job id: the queue keeps the status, not the
    error nor the articles stored."""

    __tablename__ = "job_outcomes"

    job_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    task: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    article_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    job_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)  # jobs it deferred
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
