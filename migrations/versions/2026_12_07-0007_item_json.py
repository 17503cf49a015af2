"""articles.item_json: each article's default list row extras, materialized

Revision ID: 0007
Revises: 0005
Create Date: 2026-12-07 12:00:00

Existing articles get their item built from their stored rows, a batch at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from app.store.item_json import store_all

revision: str = "0007"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("item_json", sa.Text(), nullable=True))
    with Session(bind=op.get_bind()) as session:
        store_all(session)


def downgrade() -> None:
    # Not a batch: SQLite (3.35+) drops a column in place; copying the table of a filled
    # archive, as a batch does, failed with "database table is locked".
    op.drop_column("articles", "item_json")
