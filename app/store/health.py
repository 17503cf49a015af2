"""Is the database there?"""

from __future__ import annotations

from sqlalchemy import Engine, text

from app.errors import DatabaseUnavailable


def ping(engine: Engine) -> str:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:
        raise DatabaseUnavailable("the database cannot be reached; retry later") from exc
    return engine.dialect.name
