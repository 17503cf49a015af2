"""facet_counts, day_counts, undated ids: facets and histograms of one-filter queries

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 13:00:00

Existing archives get both tables filled from their rows in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.store.scope_counters import recount_scopes

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "facet_counts",
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("scope_id", sa.Integer(), nullable=False),
        sa.Column("facet", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "scope", "scope_id", "facet", "value", name=op.f("pk_facet_counts")
        ),
    )
    op.create_table(
        "day_counts",
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("scope_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "scope_id", "day", name=op.f("pk_day_counts")),
    )
    op.create_index(
        "ix_articles_undated",
        "articles",
        ["id"],
        sqlite_where=sa.text("published_at IS NULL"),
        postgresql_where=sa.text("published_at IS NULL"),
    )
    # The day counters' rows as today's code writes them need 0013's column: it counts them.
    recount_scopes(op.get_bind(), days=False)


def downgrade() -> None:
    op.drop_index("ix_articles_undated", table_name="articles")
    op.drop_table("day_counts")
    op.drop_table("facet_counts")
