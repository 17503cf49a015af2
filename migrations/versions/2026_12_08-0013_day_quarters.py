"""day_counts.quarters: each counted article's quarter of an hour of its UTC day

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08 00:40:00

A histogram on a clock off UTC splits the days its bucket edges cut by these characters
(app/store/scope_counters.py) instead of reading the cut days' articles. Existing archives
get the day counters recounted from their rows in one pass.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.store.scope_counters import recount_scopes

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("day_counts", sa.Column("quarters", sa.Text(), nullable=False, server_default=""))
    recount_scopes(op.get_bind(), facets=False)


def downgrade() -> None:
    with op.batch_alter_table("day_counts") as batch:
        batch.drop_column("quarters")
