"""Change notices say what changed, and a statement that changed no row says nothing

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08 00:50:00

0012's statement triggers notified at every write to a watched table, rows or none, and the
API dropped every kept answer at each notice: under a steady stream of commits every request
after one read the database again. Here each watched table has one trigger per event, with
its transition table, and notifies only when the statement touched a row, with the scopes it
touched (app/store/changes.py): the articles' ids, the entities' and resolutions' whose lists
of articles changed, "*" for any other row. The tables are those 0012 and 0013 watched, read
from their triggers; a later revision that adds a table adds its triggers
(tests/store/test_changes.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

from app.store.changes import CHANNEL, EVENTS, FUNCTION, PAYLOAD_MAX, TRIGGER, scope_of

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROWS_FUNCTION = "khabar_notify_rows"
# TG_ARGV: the scope's letter, the column naming its row ('' when the table has no scope of
# its own: then the letter alone), a token added when rows are updated or deleted ('' none).
# A payload longer than PostgreSQL's 8,000 bytes would fail the commit: past PAYLOAD_MAX
# it says "everything" instead.
_BODY = f"""
DECLARE
    scopes text;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify('{CHANNEL}', '!');
        RETURN NULL;
    END IF;
    IF TG_ARGV[1] = '' THEN
        SELECT TG_ARGV[0] FROM changed LIMIT 1 INTO scopes;
    ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE format(
            'SELECT string_agg(DISTINCT %L || k, '','') '
            'FROM (SELECT %I AS k FROM changed UNION SELECT %I FROM changed_after) AS t',
            TG_ARGV[0], TG_ARGV[1], TG_ARGV[1]
        ) INTO scopes;
    ELSE
        EXECUTE format(
            'SELECT string_agg(DISTINCT %L || %I, '','') FROM changed', TG_ARGV[0], TG_ARGV[1]
        ) INTO scopes;
    END IF;
    IF scopes IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_ARGV[2] <> '' AND TG_OP <> 'INSERT' THEN
        scopes := scopes || ',' || TG_ARGV[2];
    END IF;
    IF length(scopes) > {PAYLOAD_MAX} THEN
        scopes := '!';
    END IF;
    PERFORM pg_notify('{CHANNEL}', scopes);
    RETURN NULL;
END
"""
_TRANSITIONS = {
    "INSERT": "REFERENCING NEW TABLE AS changed",
    "UPDATE": "REFERENCING OLD TABLE AS changed NEW TABLE AS changed_after",
    "DELETE": "REFERENCING OLD TABLE AS changed",
    "TRUNCATE": "",
}


def _watched(trigger: str) -> list[str]:
    found = op.get_bind().scalars(
        text("SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = :name"),
        {"name": trigger},
    )
    return sorted(found)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE FUNCTION {ROWS_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $${_BODY}$$")
    for table in _watched(TRIGGER):
        letter, column, extra = scope_of(table)
        for event in EVENTS:
            op.execute(
                f"CREATE TRIGGER {TRIGGER}_{event.lower()} AFTER {event} ON {table} "
                f"{_TRANSITIONS[event]} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION {ROWS_FUNCTION}('{letter}', '{column}', '{extra}')"
            )
        op.execute(f"DROP TRIGGER {TRIGGER} ON {table}")
    op.execute(f"DROP FUNCTION {FUNCTION}()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN PERFORM pg_notify('{CHANNEL}', ''); RETURN NULL; END $$"
    )
    for table in _watched(f"{TRIGGER}_insert"):
        op.execute(
            f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )
        for event in EVENTS:
            op.execute(f"DROP TRIGGER {TRIGGER}_{event.lower()} ON {table}")
    op.execute(f"DROP FUNCTION {ROWS_FUNCTION}()")
