"""Per-host politeness shared by every worker on every machine: a row per host holds
when its next request may go out, and its robots.txt as last fetched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from app.store import models as m
from app.store.upsert import insert_ignoring_conflicts


@dataclass(frozen=True, slots=True)
class HostTurn:
    at: datetime  # when this request may go out
    robots_txt: str | None
    robots_fetched_at: datetime | None


def take_turn(session: Session, host: str, now: datetime, spacing: timedelta) -> HostTurn:
    """Reserve the host's next request slot: the row is locked for the length of this
    short transaction, so concurrent workers get successive slots, `spacing` apart."""
    insert_ignoring_conflicts(
        session, m.Host, [{"host": host, "next_request_at": now}], conflict=["host"]
    )
    row = session.get_one(m.Host, host, with_for_update=True, populate_existing=True)
    at = max(row.next_request_at, now)
    row.next_request_at = at + spacing
    return HostTurn(at, row.robots_txt, row.robots_fetched_at)


def save_robots(session: Session, host: str, robots_txt: str, now: datetime) -> None:
    row = session.get_one(m.Host, host, with_for_update=True)
    row.robots_txt, row.robots_fetched_at = robots_txt, now
