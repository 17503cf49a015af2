"""Many rows in one statement, and INSERT ... ON CONFLICT DO NOTHING on both engines: the
database settles races, not a check.

Plain inserts skip SQLAlchemy's per-row work (a parameter dictionary built and checked
for every row: about 10 µs each, more than the database took to write it): the columns'
own bind conversions are applied to plain tuples, then SQLite gets one executemany and
PostgreSQL one COPY, instead of a round of the extended protocol per row."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Executable, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.store.base import Base

Convert = Callable[[Any], Any]


def insert_rows(
    connection: Connection,
    model: type[Base],
    rows: Sequence[dict[str, Any]],
    *,
    ignoring: tuple[str, ...] = (),
) -> None:
    """Rows that all carry the same keys: the columns they fill. With `ignoring` (a unique
    key's columns), a row whose key is taken is left out."""
    if rows:
        plan = _plan(connection.dialect, table_of(model), tuple(rows[0]), ignoring)
        plan.write(connection, plan.values(rows))


def add_counts(
    connection: Connection,
    model: type[Base],
    rows: list[tuple[Any, ...]],
    *,
    key: tuple[str, ...],
    count: str = "article_count",
) -> None:
    """Counter rows as plain tuples, the `key` columns then `count`: a new key is inserted,
    an existing one has the row's count added to its own. Keys must be unique in `rows`."""
    if rows:
        plan = _plan(connection.dialect, table_of(model), (*key, count), key, count)
        assert not plan.converts, "counters hold plain integers and strings"
        plan.write(connection, rows)


def table_of(model: type[Base]) -> Table:
    """Statements on the Table, not the class: no ORM layer on every call."""
    table: Table = model.__table__  # type: ignore[assignment]
    return table


@dataclass(frozen=True, slots=True)
class _Plan:
    """How one table's rows of given columns are written on one engine."""

    sql: str
    how: str  # "executemany", "copy" or "arrays" (one parameter a column)
    get: Callable[[dict[str, Any]], tuple[Any, ...]]
    converts: tuple[tuple[int, Convert], ...]  # (position, the column type's bind conversion)

    def values(self, rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
        values = list(map(self.get, rows))
        if not self.converts or not values:
            return values
        # Converted a column at a time: rebuilding each row once a converted column cost
        # more than the conversions.
        columns = list(zip(*values, strict=True))
        for position, convert in self.converts:
            columns[position] = tuple(_each_converted(columns[position], convert))
        return list(zip(*columns, strict=True))

    def write(self, connection: Connection, rows: list[tuple[Any, ...]]) -> None:
        if self.how == "executemany":
            connection.exec_driver_sql(self.sql, rows)
            return
        if self.how == "arrays":
            connection.exec_driver_sql(self.sql, tuple(map(list, zip(*rows, strict=True))))
            return
        cursor = connection.connection.cursor()
        try:
            with cursor.copy(self.sql) as copy:
                for row in rows:
                    copy.write_row(row)
        except connection.dialect.loaded_dbapi.Error as exc:
            # as SQLAlchemy raises it: callers (retries, the API's 503) catch its classes
            error_class = connection.dialect.loaded_dbapi.Error
            raise DBAPIError.instance(self.sql, None, exc, error_class) from exc
        finally:
            cursor.close()


def _each_converted(column: Sequence[Any], convert: Convert) -> Iterator[Any]:
    last: Any = object()
    done = None
    for value in column:
        if value is not last:  # an article's rows share their date: converted once
            last, done = value, convert(value)
        yield done


@cache
def _plan(
    dialect: Dialect,
    table: Table,
    keys: tuple[str, ...],
    ignoring: tuple[str, ...],
    adding: str | None = None,
) -> _Plan:
    """With `ignoring` (a unique key), rows whose key is taken are left out, or with
    `adding` (a column) add theirs to the row that holds the key."""
    columns = [table.c[key] for key in keys]
    unfilled = [c.name for c in table.c if c.default is not None and c.key not in keys]
    if unfilled:  # Core would fill these in Python; the driver will not
        raise ValueError(f"rows for {table.name} must give {', '.join(unfilled)}")
    converts = []
    for position, column in enumerate(columns):
        convert = column.type._cached_bind_processor(dialect)
        if convert is not None:
            converts.append((position, convert))
    names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in columns)
    quoted = dialect.identifier_preparer.format_table(table)
    get = itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],)
    into = f"INSERT INTO {quoted} ({names})"
    quote = dialect.identifier_preparer.quote
    conflict = f" ON CONFLICT ({', '.join(quote(name) for name in ignoring)})"
    on_conflict = f"{conflict} DO NOTHING" if ignoring else ""
    if adding:
        total = f"{quote(adding)} = {quoted}.{quote(adding)} + excluded.{quote(adding)}"
        on_conflict = f"{conflict} DO UPDATE SET {total}"
    if dialect.name == "postgresql" and not ignoring:
        return _Plan(f"COPY {quoted} ({names}) FROM STDIN", "copy", get, tuple(converts))
    if dialect.name == "postgresql":  # COPY has no ON CONFLICT: arrays, one round trip
        arrays = ", ".join(f"%s::{c.type.compile(dialect)}[]" for c in columns)
        sql = f"{into} SELECT * FROM unnest({arrays}){on_conflict}"
        return _Plan(sql, "arrays", get, tuple(converts))
    marks = ", ".join("?" for _ in columns)
    sql = f"{into} VALUES ({marks}){on_conflict}"
    return _Plan(sql, "executemany", get, tuple(converts))


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


@cache
def _insert_ignoring(dialect: str, model: type[Base], conflict: tuple[str, ...]) -> Executable:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table_of(model)).on_conflict_do_nothing(index_elements=conflict)
