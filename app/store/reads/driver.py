"""Statements built once, compiled once per dialect and run on the session's DBAPI cursor.

For a small read, SQLAlchemy's ORM and its execution context cost many times the query:
building a select and its cache key, an execution context, a result and a row object per
row. A statement here is Core (table columns, no ORM entity), built at first use by its
caller (a `functools.cache` function); its compiled SQL, parameter order and the column
types' converters are kept by dialect, and each run is one cursor execute and fetchall, the
values converted by the same processors SQLAlchemy would apply."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, Select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True, slots=True)
class DriverPlan:
    """A statement compiled for one dialect, with the converters of its parameters and
    columns."""

    sql: str
    order: tuple[str, ...] | None  # the parameters' positions, for a positional paramstyle
    defaults: dict[str, Any]  # the statement's own values (SQLite's OFFSET 0), by name
    binds: Mapping[str, Processor]
    results: tuple[tuple[int, Callable[[Any], Any]], ...]  # the columns to convert
    make: Callable[[Iterable[Any]], Any]  # a named tuple of the columns, as SQLAlchemy's rows

    def parameters(self, params: Mapping[str, Any]) -> Any:
        given = {**self.defaults, **params}
        bound = {k: (f(x) if (f := self.binds[k]) else x) for k, x in given.items()}
        return bound if self.order is None else [bound[k] for k in self.order]

    def row(self, values: tuple[Any, ...]) -> Any:
        if not self.results:
            return self.make(values)
        converted = list(values)
        for i, f in self.results:
            converted[i] = f(converted[i])
        return self.make(converted)


# By the dialect's name and driver, not its instance (each engine has its own), and by the
# statement's identity: callers build each statement once and keep it.
_PLANS: dict[tuple[str, str, int], tuple[Select[Any], DriverPlan]] = {}


def driver_plan(dialect: Dialect, statement: Select[Any]) -> DriverPlan:
    key = (dialect.name, dialect.driver, id(statement))
    found = _PLANS.get(key)
    if found is None or found[0] is not statement:
        found = _PLANS[key] = (statement, _compile(dialect, statement))
    return found[1]


def driver_rows(session: Session, statement: Select[Any], params: Mapping[str, Any]) -> list[Any]:
    """Every row of `statement` with `params`, as named tuples of converted values. A
    database error is raised as SQLAlchemy would raise it (DBAPIError and its kinds)."""
    connection = session.connection()
    plan = driver_plan(connection.dialect, statement)
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    cursor = dbapi.cursor()
    try:
        cursor.execute(plan.sql, plan.parameters(params))
        found = cursor.fetchall()
    except connection.dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(
            plan.sql,
            dict(params),
            exc,
            connection.dialect.loaded_dbapi.Error,
            dialect=connection.dialect,
        ) from exc
    finally:
        cursor.close()
    return [plan.row(values) for values in found]


def _compile(dialect: Dialect, statement: Select[Any]) -> DriverPlan:
    compiled = statement.compile(dialect=dialect)
    order = tuple(compiled.positiontup or ()) if compiled.positional else None
    names = set(order) if order is not None else set(compiled.bind_names.values())
    binds = {
        name: param.type.dialect_impl(dialect).bind_processor(dialect)
        for name, param in compiled.binds.items()
        if name in names
    }
    defaults = {k: x for k, x in compiled.params.items() if k in names and x is not None}
    columns = list(statement.selected_columns)
    processors = (c.type.dialect_impl(dialect).result_processor(dialect, None) for c in columns)
    results = tuple((i, f) for i, f in enumerate(processors) if f is not None)
    shape = namedtuple("DriverRow", [c.key for c in columns], rename=True)  # type: ignore[misc]
    return DriverPlan(compiled.string, order, defaults, binds, results, shape._make)
