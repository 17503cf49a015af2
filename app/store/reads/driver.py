"""Core statements compiled once per dialect and run on the DB-API cursor.

For the most read pages SQLAlchemy's execution context and result wrapping cost as much as
the query itself. A DriverPlan keeps what SQLAlchemy would work out per execution (the SQL
string, the parameters' order, the column types' processors) and applies it the same way,
so the values are those SQLAlchemy would give. Errors are raised as SQLAlchemy raises them
(DBAPIError), so the app's error handlers answer them as before."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from sqlalchemy import Dialect, Select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True, slots=True)
class DriverPlan:
    sql: str
    order: tuple[str, ...] | None  # the parameters' positions, for a positional paramstyle
    defaults: dict[str, Any]  # the statement's own values (SQLite's OFFSET 0), by name
    binds: Mapping[str, Processor]
    results: tuple[tuple[int, Callable[[Any], Any]], ...]  # the columns to convert
    names: tuple[str, ...]  # the selected columns' keys

    def parameters(self, params: Mapping[str, Any]) -> Any:
        given = {**self.defaults, **params}
        bound = {k: (f(x) if (f := self.binds[k]) else x) for k, x in given.items()}
        return bound if self.order is None else [bound[k] for k in self.order]

    def row(self, values: tuple[Any, ...]) -> list[Any]:
        converted = list(values)
        for i, f in self.results:
            converted[i] = f(converted[i])
        return converted


_PLANS: dict[tuple[str, str, Any], DriverPlan] = {}


def driver_plan(dialect: Dialect, key: Any, statement: Callable[[], Select[Any]]) -> DriverPlan:
    """The plan of `statement()` (built only the first time) for this dialect. Kept by the
    dialect's name and driver, not its instance: each engine has its own."""
    found = _PLANS.get((dialect.name, dialect.driver, key))
    if found is None:
        found = _PLANS[(dialect.name, dialect.driver, key)] = _compile(dialect, statement())
    return found


def driver_rows(session: Session, statement: Select[Any], params: Mapping[str, Any]) -> list[Any]:
    """Every row of `statement` on the session's connection (see `statement_rows`)."""
    connection = session.connection()
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    return statement_rows(dbapi, connection.dialect, statement, params)


def statement_rows(
    dbapi_connection: Any, dialect: Dialect, statement: Select[Any], params: Mapping[str, Any]
) -> list[Any]:
    """Every row of `statement`, as named tuples of converted values. Callers build each
    statement once and keep it (a `functools.cache` function), so the statement's id keys
    its plan; `_HELD` keeps the statement alive so that the id is never reused by another."""
    _HELD.setdefault(id(statement), statement)
    plan = driver_plan(dialect, ("statement", id(statement)), lambda: statement)
    make = row_shape(plan.names)
    return [make(values) for values in fetch_all(dbapi_connection, dialect, plan, params)]


Rows = Callable[[Select[Any], Mapping[str, Any]], list[Any]]


def session_rows(session: Session) -> Rows:
    """`driver_rows` on this session: for store functions that run on either."""
    return partial(driver_rows, session)


def dbapi_rows(dbapi_connection: Any, dialect: Dialect) -> Rows:
    """`statement_rows` on a DB-API connection (the front's reads, app/api/front.py)."""
    return partial(statement_rows, dbapi_connection, dialect)


_HELD: dict[int, Select[Any]] = {}


@cache
def row_shape(names: tuple[str, ...]) -> Callable[[list[Any]], Any]:
    """A named tuple of the columns, as SQLAlchemy's rows."""
    shape: Any = namedtuple("DriverRow", names, rename=True)  # type: ignore[misc]
    make: Callable[[list[Any]], Any] = shape._make
    return make


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
    keys = tuple(str(c.key) for c in columns)
    return DriverPlan(compiled.string, order, defaults, binds, results, keys)


def fetch_all(
    dbapi_connection: Any, dialect: Dialect, plan: DriverPlan, params: Mapping[str, Any]
) -> list[list[Any]]:
    """The rows of `plan` run with `params`, each a list of converted values."""
    return [plan.row(values) for values in fetch_raw(dbapi_connection, dialect, plan, params)]


def fetch_raw(
    dbapi_connection: Any, dialect: Dialect, plan: DriverPlan, params: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """The rows as the driver gives them: `plan.row` converts those the caller reads."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(plan.sql, plan.parameters(params))
        found = cursor.fetchall()
    except dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy would raise it
        raise DBAPIError.instance(
            plan.sql, dict(params), exc, dialect.loaded_dbapi.Error, dialect=dialect
        ) from exc
    finally:
        cursor.close()
    return list(found)
