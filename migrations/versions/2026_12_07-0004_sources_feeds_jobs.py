"""sources registry, feeds with polling state, hosts, job outcomes; the queue's schema

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-07 10:07:33

On PostgreSQL this revision also creates procrastinate's tables, types and functions from
the schema the installed procrastinate ships (pinned in pyproject.toml). A later upgrade
of procrastinate adds a revision that runs the library's own migration files.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hosts",
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("next_request_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("robots_txt", sa.Text(), nullable=True),
        sa.Column("robots_fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("host", name=op.f("pk_hosts")),
    )
    op.create_table(
        "job_outcomes",
        sa.Column("job_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("task", sa.String(length=100), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("article_ids", sa.JSON(), nullable=False),
        sa.Column("job_ids", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("job_id", name=op.f("pk_job_outcomes")),
    )
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("etag", sa.String(length=500), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("next_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_feeds_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feeds_next_due_at"), ["next_due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_feeds_source_id"), ["source_id"], unique=False)

    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("site", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("timezone", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hints", sa.JSON(), server_default="{}", nullable=False))
        batch_op.add_column(
            sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("poll_seconds", sa.Integer(), server_default="900", nullable=False)
        )

    if op.get_bind().dialect.name == "postgresql":
        from procrastinate.schema import SchemaManager

        # straight to the driver without parameters: the schema's text holds '%' signs
        with op.get_bind().connection.dbapi_connection.cursor() as cursor:  # type: ignore[union-attr]
            cursor.execute(SchemaManager.get_schema())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _drop_procrastinate()
    with op.batch_alter_table("sources", schema=None) as batch_op:
        for column in ("poll_seconds", "active", "hints", "timezone", "language", "site"):
            batch_op.drop_column(column)
    with op.batch_alter_table("feeds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feeds_source_id"))
        batch_op.drop_index(batch_op.f("ix_feeds_next_due_at"))
    op.drop_table("feeds")
    op.drop_table("job_outcomes")
    op.drop_table("hosts")


def _drop_procrastinate() -> None:
    """Everything procrastinate created is named procrastinate_*: drop it by that prefix."""
    bind = op.get_bind()
    for table in ("procrastinate_events", "procrastinate_periodic_defers", "procrastinate_jobs"):
        bind.exec_driver_sql(f"DROP TABLE IF EXISTS {table} CASCADE")
    bind.exec_driver_sql(
        """
        DO $$ DECLARE r record; BEGIN
          FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p
                   JOIN pg_namespace n ON n.oid = p.pronamespace
                   WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate%'
          LOOP EXECUTE 'DROP FUNCTION IF EXISTS ' || r.f || ' CASCADE'; END LOOP;
          FOR r IN SELECT c.relname AS t FROM pg_class c
                   JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = current_schema() AND c.relkind = 'r'
                     AND c.relname LIKE 'procrastinate%'
          LOOP EXECUTE 'DROP TABLE IF EXISTS ' || quote_ident(r.t) || ' CASCADE'; END LOOP;
          FOR r IN SELECT t.typname AS t FROM pg_type t
                   JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = current_schema() AND t.typname LIKE 'procrastinate%'
                     AND t.typtype = 'e'
          LOOP EXECUTE 'DROP TYPE IF EXISTS ' || quote_ident(r.t) || ' CASCADE'; END LOOP;
        END $$;
        """
    )
