"""mentions.form: how each mention names its entity (name, short_form, demonym, title)

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-07 10:45:00

Mentions stored before this revision were not told apart: they read as `name` until their
article is extracted again.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("form", sa.String(length=16), server_default="name", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("mentions", schema=None) as batch_op:
        batch_op.drop_column("form")
