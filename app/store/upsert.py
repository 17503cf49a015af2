"""INSERT ... ON CONFLICT DO NOTHING on both engines: the database settles races, not a check."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects import postgresql, sqlite

from app.store.base import Base


def insert_ignoring_conflicts(
    connection: Connection,
    model: type[Base],
    rows: Sequence[dict[str, Any]],
    *,
    conflict: Sequence[str],
) -> None:
    """One statement for all rows (executemany): compiled once, cached across calls."""
    if not rows:
        return
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = insert(model).on_conflict_do_nothing(index_elements=conflict)
    connection.execute(statement, list(rows))
