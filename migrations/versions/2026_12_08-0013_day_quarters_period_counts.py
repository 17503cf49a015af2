"""day_counts.quarters (each counted article's quarter of an hour of its UTC day),
week_counts and month_counts (articles per UTC week and month)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08 00:40:00

A histogram on a clock off UTC splits the days its bucket edges cut by the quarters
(app/store/scope_counters.py) instead of reading the cut days' articles; a week or month
histogram sums weeks or months instead of days. Existing archives get them counted from
their rows in one pass. On PostgreSQL the new tables notify their changes as the others do
(0012).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.store.changes import FUNCTION, TRIGGER
from app.store.scope_counters import recount_scopes

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None
PERIODS = ("week", "month")


def upgrade() -> None:
    op.add_column("day_counts", sa.Column("quarters", sa.Text(), nullable=False, server_default=""))
    for period in PERIODS:
        op.create_table(
            f"{period}_counts",
            sa.Column("scope", sa.String(length=16), nullable=False),
            sa.Column("scope_id", sa.Integer(), nullable=False),
            sa.Column(period, sa.Integer(), nullable=False),
            sa.Column("article_count", sa.Integer(), nullable=False),
            sa.PrimaryKeyConstraint("scope", "scope_id", period, name=op.f(f"pk_{period}_counts")),
        )
        if op.get_bind().dialect.name == "postgresql":
            op.execute(
                f"CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {period}_counts FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
            )
    recount_scopes(op.get_bind(), facets=False)


def downgrade() -> None:
    for period in PERIODS:
        op.drop_table(f"{period}_counts")
    with op.batch_alter_table("day_counts") as batch:
        batch.drop_column("quarters")
