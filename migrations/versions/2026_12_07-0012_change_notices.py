"""Change notices: each write to a table the kept answers show notifies on commit

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 22:20:00

The API keeps its hottest answers while nothing was committed since they were read
(app/store/changes.py): a statement-level trigger on each table calls pg_notify, which
PostgreSQL delivers to listeners only when the transaction commits (once per transaction,
however many statements ran). The tables are those of this revision; a later one that adds a
table adds its trigger (tests/store/test_changes.py checks every table). SQLite: nothing to
do (the front reads its versions in process there).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from app.store.changes import CHANNEL, FUNCTION, TRIGGER

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WATCHED = (
    "sources",
    "articles",
    "article_sections",
    "summary_points",
    "article_images",
    "article_search",
    "entities",
    "entity_aliases",
    "entity_words",
    "article_entities",
    "mentions",
    "affiliations",
    "resolutions",
    "article_resolutions",
    "citations",
    "statements",
    "entity_pairs",
    "entity_resolutions",
    "role_spans",
    "facet_counts",
    "day_counts",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN PERFORM pg_notify('{CHANNEL}', ''); RETURN NULL; END $$"
    )
    for table in WATCHED:
        op.execute(
            f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in WATCHED:
        op.execute(f"DROP TRIGGER IF EXISTS {TRIGGER} ON {table}")
    op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
