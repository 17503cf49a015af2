"""ix_day_counts_all: the whole archive's day counters (its stripes) in day order

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08 02:00:00

The whole archive's day histogram read its 8 stripes by the primary key, one range a
stripe, then sorted them to sum each day: 8-13 ms of SQLite's CPU for a decade, 46 ms on
PostgreSQL (bench/RESULTS.md, hist7 and hist8). In day order they are summed as read.
SQLite's index covers the quarters too; PostgreSQL's does not (an index entry cannot outgrow
~2.7 kB, a busy day's quarters could).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
WHERE = sa.text("scope = 'all'")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    columns = ["day", "article_count", "quarters"] if sqlite else ["day", "article_count"]
    op.create_index(
        "ix_day_counts_all",
        "day_counts",
        columns,
        sqlite_where=WHERE,
        postgresql_where=WHERE,
    )


def downgrade() -> None:
    op.drop_index("ix_day_counts_all", table_name="day_counts")
