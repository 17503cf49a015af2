"""INSERT ... ON CONFLICT DO NOTHING on both engines: the database settles races, not a check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.store.base import Base


def insert_ignoring_conflicts(
    session: Session, model: type[Base], rows: Sequence[dict[str, Any]], *, conflict: Sequence[str]
) -> None:
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(model).values(list(rows)).on_conflict_do_nothing(index_elements=conflict)
    session.execute(statement)
