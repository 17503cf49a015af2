"""What each queued job came to, by the queue's job id (the queue keeps only a status)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.base import utcnow


@dataclass(frozen=True, slots=True)
class Outcome:
    job_id: int
    task: str
    status: str  # succeeded | retrying | failed
    attempts: int
    error: str | None
    article_ids: list[int]
    job_ids: list[int]
    updated_at: datetime


def record_outcome(session: Session, outcome: Outcome) -> None:
    row = session.get(m.JobOutcome, outcome.job_id) or m.JobOutcome(job_id=outcome.job_id)
    row.task, row.status, row.attempts = outcome.task, outcome.status, outcome.attempts
    row.error = outcome.error[:4000] if outcome.error else None
    row.article_ids, row.job_ids = list(outcome.article_ids), list(outcome.job_ids)
    row.updated_at = utcnow()
    session.add(row)


def get_outcome(session: Session, job_id: int) -> Outcome | None:
    row = session.get(m.JobOutcome, job_id)
    if row is None:
        return None
    return Outcome(
        row.job_id,
        row.task,
        row.status,
        row.attempts,
        row.error,
        list(row.article_ids),
        list(row.job_ids),
        row.updated_at,
    )


def last_job_id(session: Session) -> int:
    return session.scalar(select(func.max(m.JobOutcome.job_id))) or 0
