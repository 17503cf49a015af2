"""Many rows in one statement (executemany), and INSERT ... ON CONFLICT DO NOTHING on both
engines: the database settles races, not a check. Statements are built once per table:
building one cost more than sending it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Executable, Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.store.base import Base


def insert_rows(connection: Connection, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        connection.execute(_insert(model), list(rows))


def insert_ignoring_conflicts(
    connection: Connection | Session,
    model: type[Base],
    rows: Sequence[dict[str, Any]],
    *,
    conflict: Sequence[str],
) -> None:
    if isinstance(connection, Session):
        connection = connection.connection()
    if rows:
        statement = _insert_ignoring(connection.dialect.name, model, tuple(conflict))
        connection.execute(statement, list(rows))


def table_of(model: type[Base]) -> Table:
    """Statements on the Table, not the class: no ORM layer on every call."""
    table: Table = model.__table__  # type: ignore[assignment]
    return table


@cache
def _insert(model: type[Base]) -> Executable:
    return insert(table_of(model))


@cache
def _insert_ignoring(dialect: str, model: type[Base], conflict: tuple[str, ...]) -> Executable:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table_of(model)).on_conflict_do_nothing(index_elements=conflict)
